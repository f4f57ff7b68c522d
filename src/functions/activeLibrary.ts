/* global globalThis */
/**
 * The library the CAPPLAN functions and the sidebar use right now. In the shared runtime the functions
 * bundle and the task pane bundle run in one JavaScript context but are separate webpack bundles, each with
 * its own copy of this module, so the state lives on a global symbol both copies find.
 */
import { BUNDLED_LIBRARY } from "../model/library/bundledLibrary";
import { buildIndex, type LibraryIndex } from "../model/library/indexLibrary";
import type { LibraryDocument } from "../model/library/schema";

export type LibrarySource =
  | { readonly kind: "bundled" }
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "file"; readonly fileName: string };

export interface ActiveLibrary {
  readonly index: LibraryIndex;
  readonly source: LibrarySource;
  /** ISO timestamp of when this library became active. */
  readonly loadedAt: string;
}

type Listener = (active: ActiveLibrary) => void;

export interface Holder {
  active: ActiveLibrary;
  listeners: Set<Listener>;
  /** Bumped on every change so per-bundle caches know to drop entries. */
  generation: number;
}

const HOLDER_KEY = Symbol.for("capacity-planner.active-library");

function holder(): Holder {
  const scope = globalThis as unknown as Record<symbol, Holder | undefined>;
  let current = scope[HOLDER_KEY];
  if (!current) {
    current = {
      active: {
        index: buildIndex(BUNDLED_LIBRARY),
        source: { kind: "bundled" },
        loadedAt: new Date(0).toISOString(),
      },
      listeners: new Set(),
      generation: 0,
    };
    scope[HOLDER_KEY] = current;
  }
  return current;
}

/**
 * The shared state object itself, for hot paths that read `active` and `generation` on every call without
 * a global symbol lookup each time (the object is created once and never replaced).
 */
export function activeLibraryState(): Readonly<Holder> {
  return holder();
}

export function getActiveLibrary(): ActiveLibrary {
  return holder().active;
}

/** A number that changes whenever the active library does (cheap to compare on every function call). */
export function activeLibraryGeneration(): number {
  return holder().generation;
}

/** Makes an already validated library active; listeners (the sidebar, caches) hear about it. */
export function setActiveLibrary(
  doc: LibraryDocument,
  source: LibrarySource,
  now: Date = new Date()
): ActiveLibrary {
  const h = holder();
  h.active = { index: buildIndex(doc), source, loadedAt: now.toISOString() };
  h.generation += 1;
  for (const listener of h.listeners) listener(h.active);
  return h.active;
}

export function resetActiveLibrary(): ActiveLibrary {
  return setActiveLibrary(BUNDLED_LIBRARY, { kind: "bundled" });
}

export function onActiveLibraryChange(listener: Listener): () => void {
  const h = holder();
  h.listeners.add(listener);
  return () => h.listeners.delete(listener);
}

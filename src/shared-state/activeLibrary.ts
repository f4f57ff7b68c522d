/* global globalThis */
/**
 * The library the CAPPLAN functions and the sidebar use right now. In the shared runtime the functions
 * bundle and the task pane bundle run in one JavaScript context but are separate webpack bundles, each with
 * its own copy of this module, so the state lives on a global symbol both copies find.
 *
 * Besides the library itself the state says whether the functions may answer with it: when the workbook
 * pins a library (its template sheets record which one they came from) and the library in use is another
 * one that nobody chose in this session (the bundled default, or a saved copy restored at start), the
 * functions answer #N/A saying the workbook's library is missing, instead of numbers from the wrong library.
 */
import { BUNDLED_LIBRARY } from "../model/library/bundledLibrary";
import { libraryHash, type LibraryFingerprint } from "../model/library/fingerprint";
import { buildIndex, type LibraryIndex } from "../model/library/indexLibrary";
import type { LibraryDocument } from "../model/library/schema";

export type LibrarySource =
  | { readonly kind: "bundled" }
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "file"; readonly fileName: string };

/**
 * How the library became active: "chosen" by the user in this session (the sidebar's load buttons), or
 * "restored" without anyone choosing (the bundled default at start, a saved copy brought back).
 */
export type LibraryOrigin = "chosen" | "restored";

export interface ActiveLibrary {
  readonly index: LibraryIndex;
  readonly source: LibrarySource;
  /** ISO timestamp of when this library became active. */
  readonly loadedAt: string;
  readonly fingerprint: LibraryFingerprint;
  readonly origin: LibraryOrigin;
}

/** The library the workbook's template sheets recorded (the most recently inserted or refreshed one). */
export interface PinnedLibrary {
  readonly id: string;
  readonly version: string;
  /** The sheet whose record it is, for the message. */
  readonly sheetName: string;
}

/**
 * What the workbook pins: not known yet (the settings are being read), nothing (no template sheet, or a
 * registry nobody can read: then any library is fine), or one library.
 */
export type PinState =
  | { readonly kind: "unknown" }
  | { readonly kind: "none" }
  | { readonly kind: "pinned"; readonly library: PinnedLibrary };

/** What the functions bundle found in the saved copy when the runtime started (the sidebar shows it). */
export type StartupRestore =
  | { readonly status: "none" }
  | { readonly status: "restored"; readonly savedAt: string }
  /** Saved by another version of the add-in: left for the sidebar, which can validate it again. */
  | { readonly status: "stale"; readonly problem: string }
  /** Unusable (damaged, not a library): removed so it is never tried again. */
  | { readonly status: "cleared"; readonly problem: string };

type Listener = (active: ActiveLibrary) => void;

export interface Holder {
  active: ActiveLibrary;
  listeners: Set<Listener>;
  /** Hear when `unavailable` changes (the workbook's pin was read, or a library was loaded). */
  availabilityListeners: Set<(unavailable: string | null) => void>;
  /** Bumped on every library change so per-bundle caches know to drop entries. */
  generation: number;
  pin: PinState;
  /** Why the functions must not answer with the active library (the #N/A message), or null. */
  unavailable: string | null;
  /** Set once by whichever bundle restored the saved copy at start. */
  startup: StartupRestore | null;
  /**
   * Excel refused the recalculation asked for after the answers changed (twice): cells computed before may
   * still show the old answers, so the user must recalculate. Cleared when a later one succeeds.
   */
  recalcPending: boolean;
}

const HOLDER_KEY = Symbol.for("capacity-planner.active-library");

function activeOf(
  doc: LibraryDocument,
  source: LibrarySource,
  origin: LibraryOrigin,
  now: Date,
  knownHash?: string
): ActiveLibrary {
  const { id, version } = doc.meta;
  let fingerprint: LibraryFingerprint | undefined;
  return {
    index: buildIndex(doc),
    source,
    loadedAt: now.toISOString(),
    // Hashing the whole library costs milliseconds: only when asked (after the first calculation), once.
    get fingerprint(): LibraryFingerprint {
      fingerprint ??= { id, version, hash: knownHash ?? libraryHash(doc) };
      return fingerprint;
    },
    origin,
  };
}

function holder(): Holder {
  const scope = globalThis as unknown as Record<symbol, Holder | undefined>;
  let current = scope[HOLDER_KEY];
  if (!current) {
    current = {
      active: activeOf(BUNDLED_LIBRARY, { kind: "bundled" }, "restored", new Date(0)),
      listeners: new Set(),
      availabilityListeners: new Set(),
      generation: 0,
      pin: { kind: "unknown" },
      unavailable: null,
      startup: null,
      recalcPending: false,
    };
    scope[HOLDER_KEY] = current;
  }
  return current;
}

/** "Capacity Planner default library 1.0.0" */
export function libraryName(active: ActiveLibrary): string {
  const { name, version } = active.index.library.meta;
  return `${name} ${version}`;
}

// Excel shows at most 255 characters of a message; ids are clipped so the instructions at the end
// survive: the pinned id and version to fixed lengths, the library in use to the room that is left.
const MAX_MESSAGE = 255;
const short = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

function unavailableMessage(pin: PinState, active: ActiveLibrary): string | null {
  if (pin.kind !== "pinned" || active.origin === "chosen") return null;
  const { id, version } = pin.library;
  const { meta } = active.index.library;
  if (meta.id === id && meta.version === version) return null;
  // The second way out is for a library that changed on purpose (an add-in update bumped its
  // version): without it the user only learns to load a library that may no longer exist.
  const message = (inUse: string): string =>
    `This workbook uses library "${short(id, 24)}" ${short(version, 16)}, which is not loaded (in use: ${inUse}). Open Capacity Planner (Home > Rent vs Build) and load it, or choose Check for updates to move the workbook to the library in use.`;
  return message(short(libraryName(active), MAX_MESSAGE - message("").length));
}

/** Recomputes whether the functions may answer; tells the availability listeners when that changed. */
function checkAvailability(h: Holder): void {
  const unavailable = unavailableMessage(h.pin, h.active);
  if (unavailable === h.unavailable) return;
  h.unavailable = unavailable;
  for (const listener of h.availabilityListeners) listener(unavailable);
}

function changed(h: Holder): void {
  h.generation += 1;
  checkAvailability(h);
  for (const listener of h.listeners) listener(h.active);
}

/**
 * The shared state object itself, for hot paths that read `active`, `unavailable` and `generation` on every
 * call without a global symbol lookup each time (the object is created once and never replaced).
 */
export function activeLibraryState(): Readonly<Holder> {
  return holder();
}

export function getActiveLibrary(): ActiveLibrary {
  return holder().active;
}

/**
 * Makes an already validated library active; listeners (the sidebar, caches) hear about it. `origin` is
 * "chosen" when the user picked it (then a different library pinned by the workbook does not block it: the
 * sidebar shows which one is in use and the user asked for it), "restored" otherwise.
 */
export function setActiveLibrary(
  doc: LibraryDocument,
  source: LibrarySource,
  now: Date = new Date(),
  origin: LibraryOrigin = "chosen",
  /** libraryHash(doc), when the caller has just computed it. */
  knownHash?: string
): ActiveLibrary {
  const h = holder();
  h.active = activeOf(doc, source, origin, now, knownHash);
  changed(h);
  return h.active;
}

/** Back to the start state (tests, and the harness between tests): bundled library, pin unknown. */
export function resetActiveLibrary(): ActiveLibrary {
  const h = holder();
  h.pin = { kind: "unknown" };
  h.startup = null;
  h.recalcPending = false;
  return setActiveLibrary(BUNDLED_LIBRARY, { kind: "bundled" }, new Date(), "restored");
}

/**
 * Records what the workbook pins. Not a library change (library listeners do not hear it): only whether
 * the functions may answer with the library can change, and availability listeners hear that.
 */
export function setPinnedLibrary(pin: PinState): void {
  const h = holder();
  h.pin = pin;
  checkAvailability(h);
}

/** Calls `listener` with the #N/A message (or null) whenever it changes. */
export function onAvailabilityChange(listener: (unavailable: string | null) => void): () => void {
  const h = holder();
  h.availabilityListeners.add(listener);
  return () => h.availabilityListeners.delete(listener);
}

/** What LIBRARY() and the pane add while a needed recalculation has not happened (Excel refused it). */
export const RECALCULATE_HINT =
  "Excel did not recalculate after the library check, so cells computed before it may show numbers from another library. Recalculate (Ctrl+Alt+F9) to apply the library to every cell.";

/**
 * Records that a needed recalculation failed (true) or that one succeeded since (false). Availability
 * listeners hear it (with the unchanged #N/A message), so the pane can ask the user to recalculate.
 */
export function setRecalculationPending(pending: boolean): void {
  const h = holder();
  if (h.recalcPending === pending) return;
  h.recalcPending = pending;
  for (const listener of h.availabilityListeners) listener(h.unavailable);
}

export function recalculationPending(): boolean {
  return holder().recalcPending;
}

/** Null when the functions answer with the active library; else the message of their #N/A. */
export function libraryUnavailable(): string | null {
  return holder().unavailable;
}

/**
 * A token for everything the CAPPLAN functions answer with: the library's content and whether it may be
 * used. Excel needs a recalculation exactly when this token changes.
 */
export function answersToken(): string {
  const h = holder();
  const { id, version, hash } = h.active.fingerprint;
  return `${id}\u0000${version}\u0000${hash}\u0000${h.unavailable ?? ""}`;
}

export function recordStartupRestore(outcome: StartupRestore): void {
  holder().startup = outcome;
}

/** What the start-up restore found, once: the sidebar shows it, and then it is no longer news. */
export function takeStartupRestore(): StartupRestore | null {
  const h = holder();
  const outcome = h.startup;
  h.startup = outcome === null ? null : { status: "none" };
  return outcome;
}

export function onActiveLibraryChange(listener: Listener): () => void {
  const h = holder();
  h.listeners.add(listener);
  return () => h.listeners.delete(listener);
}

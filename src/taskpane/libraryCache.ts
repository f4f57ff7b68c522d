/**
 * What the sidebar remembers for this user between sessions (localStorage in the add-in): the last team
 * library that loaded successfully, as text, so the add-in works offline, and the last library URL, to
 * prefill the field. Reads never trust the stored text: the caller validates it again.
 */
import type { LibrarySource } from "../functions/activeLibrary";

/** window.localStorage, or a test's fake (null when storage is unavailable, e.g. blocked). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const CACHE_KEY = "capplan.library.cache";
export const URL_KEY = "capplan.library.url";

export type CachedSource = Exclude<LibrarySource, { kind: "bundled" }>;

export interface CachedLibrary {
  readonly version: 1;
  /** The team library exactly as loaded (layered over the bundled default again when restored). */
  readonly text: string;
  readonly source: CachedSource;
  /** ISO time the library was loaded. */
  readonly savedAt: string;
}

export type CacheRead =
  | { readonly status: "absent" }
  | { readonly status: "ok"; readonly cached: CachedLibrary }
  | { readonly status: "corrupt"; readonly problem: string };

function safeGet(storage: StorageLike | null, key: string): string | null {
  if (storage === null) return null;
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function parseSource(value: unknown): CachedSource | null {
  if (typeof value !== "object" || value === null) return null;
  const source = value as { kind?: unknown; url?: unknown; fileName?: unknown };
  if (source.kind === "url" && typeof source.url === "string")
    return { kind: "url", url: source.url };
  if (source.kind === "file" && typeof source.fileName === "string")
    return { kind: "file", fileName: source.fileName };
  return null;
}

export function readCachedLibrary(storage: StorageLike | null): CacheRead {
  const raw = safeGet(storage, CACHE_KEY);
  if (raw === null) return { status: "absent" };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { status: "corrupt", problem: "the saved copy is not valid JSON" };
  }
  if (typeof value !== "object" || value === null)
    return { status: "corrupt", problem: "the saved copy is not an object" };
  const record = value as {
    version?: unknown;
    text?: unknown;
    source?: unknown;
    savedAt?: unknown;
  };
  if (record.version !== 1)
    return { status: "corrupt", problem: `unknown format ${JSON.stringify(record.version)}` };
  const source = parseSource(record.source);
  if (typeof record.text !== "string" || source === null || typeof record.savedAt !== "string") {
    return { status: "corrupt", problem: "the saved copy is incomplete" };
  }
  return {
    status: "ok",
    cached: { version: 1, text: record.text, source, savedAt: record.savedAt },
  };
}

/** Saves the library; false when storage refused it (full, blocked), which only costs offline use. */
export function writeCachedLibrary(storage: StorageLike | null, cached: CachedLibrary): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(CACHE_KEY, JSON.stringify(cached));
    return true;
  } catch {
    try {
      storage.removeItem(CACHE_KEY); // never leave an older library to be restored by mistake
    } catch {
      // nothing more to do
    }
    return false;
  }
}

export function clearCachedLibrary(storage: StorageLike | null): void {
  if (storage === null) return;
  try {
    storage.removeItem(CACHE_KEY);
  } catch {
    // storage blocked: nothing was cached either
  }
}

export function readRememberedUrl(storage: StorageLike | null): string {
  return safeGet(storage, URL_KEY) ?? "";
}

export function rememberUrl(storage: StorageLike | null, url: string): void {
  if (storage === null) return;
  try {
    storage.setItem(URL_KEY, url);
  } catch {
    // not remembering the URL is harmless
  }
}

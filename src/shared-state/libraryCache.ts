/**
 * What the sidebar remembers for this user between sessions (localStorage in the add-in): the last team
 * library that loaded successfully, as text, so the add-in works offline, and the last library URL, to
 * prefill the field. Reads never trust the stored text: the sidebar validates it again with the schema.
 *
 * The custom-functions bundle reads the same copy when the runtime starts (src/functions/startup.ts), before
 * Excel's first calculation and with the task pane closed. It has no zod (it must load fast), so the saved
 * copy also carries the library as the sidebar validated it, layered over the bundled default, with the
 * schema revision that validated it and a hash of its content: the functions use it only when the revision
 * is theirs and the hash matches (this module is zod-free for that reason). Both bundles use it, so it
 * lives in src/shared-state, which neither src/functions nor src/taskpane owns (README, Layout).
 */
import type { LibrarySource } from "./activeLibrary";
import { LIBRARY_SCHEMA_REVISION, libraryHash } from "../model/library/fingerprint";
import type { LibraryDocument } from "../model/library/schema";
import { redactUrl } from "../model/library/redact";

/** window.localStorage, or a test's fake (null when storage is unavailable, e.g. blocked). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const CACHE_KEY = "capplan.library.cache";
export const URL_KEY = "capplan.library.url";

export type CachedSource = Exclude<LibrarySource, { kind: "bundled" }>;

/** The library as validated by the sidebar; untrusted when read back until revision and hash are checked. */
export interface CheckedLibrary {
  /** LIBRARY_SCHEMA_REVISION of the sidebar that validated it. */
  readonly revision: number;
  /** libraryHash(library) when it was saved. */
  readonly hash: string;
  readonly library: unknown;
}

export interface CachedLibrary {
  /** 1: text only (earlier versions of the add-in); 2: with the checked library for the functions. */
  readonly version: 1 | 2;
  /** The team library exactly as loaded (layered over the bundled default again when restored). */
  readonly text: string;
  readonly source: CachedSource;
  /** ISO time the library was loaded. */
  readonly savedAt: string;
  readonly checked?: CheckedLibrary;
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

/**
 * Only the remembered URL (URL_KEY, to load again) keeps a link's secret; the saved copy's source is what
 * the pane shows, so it is stored redacted. Earlier versions stored it as typed (a SAS URL's signature).
 */
const redactedSource = (source: CachedSource): CachedSource =>
  source.kind === "url" ? { kind: "url", url: redactUrl(source.url) } : source;

function parseSource(value: unknown): CachedSource | null {
  if (typeof value !== "object" || value === null) return null;
  const source = value as { kind?: unknown; url?: unknown; fileName?: unknown };
  if (source.kind === "url" && typeof source.url === "string")
    return { kind: "url", url: redactUrl(source.url) };
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
  if (record.version !== 1 && record.version !== 2) {
    const format = typeof record.version === "number" ? String(record.version) : "(none)";
    return { status: "corrupt", problem: `unknown format ${format}` };
  }
  const source = parseSource(record.source);
  if (typeof record.text !== "string" || source === null || typeof record.savedAt !== "string") {
    return { status: "corrupt", problem: "the saved copy is incomplete" };
  }
  if (source.kind === "url" && source.url !== (record.source as { url: string }).url) {
    // A secret saved by an earlier version: replace it in storage now, whichever bundle reads first (the
    // functions may run for a whole session without the pane). Best effort: a refused write only leaves
    // the old copy, which the next read tries again.
    try {
      storage?.setItem(CACHE_KEY, JSON.stringify({ ...record, source }));
    } catch {
      // storage full or blocked
    }
  }
  const base = { text: record.text, source, savedAt: record.savedAt };
  if (record.version === 1) return { status: "ok", cached: { version: 1, ...base } };
  const checked = parseChecked((value as { checked?: unknown }).checked);
  if (checked === null) return { status: "corrupt", problem: "the saved copy is incomplete" };
  return { status: "ok", cached: { version: 2, ...base, checked } };
}

function parseChecked(value: unknown): CheckedLibrary | null {
  if (typeof value !== "object" || value === null) return null;
  const checked = value as { revision?: unknown; hash?: unknown; library?: unknown };
  if (typeof checked.revision !== "number" || typeof checked.hash !== "string") return null;
  return { revision: checked.revision, hash: checked.hash, library: checked.library };
}

/** What the sidebar saves after validating a library: the text, and the result for the functions. */
export interface LibraryToCache {
  readonly text: string;
  readonly library: LibraryDocument;
  readonly source: CachedSource;
  readonly savedAt: string;
}

/** Saves the library; false when storage refused it (full, blocked), which only costs offline use. */
export function writeCachedLibrary(storage: StorageLike | null, entry: LibraryToCache): boolean {
  if (storage === null) return false;
  const cached: CachedLibrary = {
    version: 2,
    text: entry.text,
    source: redactedSource(entry.source),
    savedAt: entry.savedAt,
    checked: {
      revision: LIBRARY_SCHEMA_REVISION,
      hash: libraryHash(entry.library),
      library: entry.library,
    },
  };
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

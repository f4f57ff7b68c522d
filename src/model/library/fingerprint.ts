/**
 * What identifies a library's content, without zod (the custom-functions bundle uses it before Excel's first
 * calculation): its meta id and version, and a hash of its canonical JSON text. Two libraries with the same
 * fingerprint give every CAPPLAN function the same answers, so nothing needs recalculating when one replaces
 * the other; and a saved copy whose hash no longer matches was damaged and must not be used.
 */

/** Libraries validated by the schema are far shallower; anything deeper is not a library (and would overflow). */
export const MAX_LIBRARY_DEPTH = 64;

export class LibraryShapeError extends Error {
  override readonly name = "LibraryShapeError";
}

/**
 * JSON text with object keys sorted (own enumerable keys only, so `__proto__` or `constructor` entries are
 * data like any other), so the same content always gives the same text whatever order its keys came in.
 * Throws LibraryShapeError past MAX_LIBRARY_DEPTH levels or on values JSON cannot hold.
 */
export function canonicalJsonText(value: unknown, depth = 0): string {
  if (depth > MAX_LIBRARY_DEPTH)
    throw new LibraryShapeError(`nested more than ${MAX_LIBRARY_DEPTH} levels deep`);
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new LibraryShapeError("holds a number JSON cannot hold");
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (const item of value as unknown[]) items.push(canonicalJsonText(item, depth + 1));
        return `[${items.join(",")}]`;
      }
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const item = record[key];
        if (item === undefined) continue; // as JSON.stringify: an absent optional field
        parts.push(`${JSON.stringify(key)}:${canonicalJsonText(item, depth + 1)}`);
      }
      return `{${parts.join(",")}}`;
    }
    default:
      throw new LibraryShapeError(`holds a ${typeof value}, which is not JSON`);
  }
}

/**
 * A 53-bit hash of a text (cyrb53, public domain) as hex, with the length. It detects change and damage,
 * not tampering: anyone who can write the saved copy can also run code in the add-in's origin.
 */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${hash.toString(16).padStart(14, "0")}-${text.length.toString(16)}`;
}

export interface LibraryFingerprint {
  readonly id: string;
  readonly version: string;
  /** hashText of the canonical JSON of the whole document. */
  readonly hash: string;
}

/** The hash of a library document's content (throws LibraryShapeError for what cannot be a library). */
export function libraryHash(doc: unknown): string {
  return hashText(canonicalJsonText(doc));
}

/**
 * The revision of the library schema (src/model/library/schema.ts). A saved copy records the revision that
 * validated it; the custom-functions bundle, which has no zod, trusts a saved copy only when it was validated
 * by the same revision, and otherwise waits for the task pane to validate it again. Bump it whenever the
 * schema accepts or produces different documents (tests/unit/model/library/fingerprint.test.ts pins the JSON Schema
 * to this number and fails when docs/library.schema.json changes without a bump).
 */
export const LIBRARY_SCHEMA_REVISION = 5;

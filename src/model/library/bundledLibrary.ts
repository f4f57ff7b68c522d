/**
 * The default library as compiled into the custom-functions bundle, without zod: that bundle must load fast
 * before Excel's first recalculation, and this JSON is ours, checked against the schema by the test suite
 * (tests/unit/model/library/bundledLibrary.test.ts) and by defaultLibrary.ts wherever zod is loaded anyway.
 */
import defaultLibraryJson from "./default-library.json";
import type { LibraryDocument } from "./schema";

/** Freezes the shared default so no consumer can change what every other consumer sees. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// The JSON's inferred type widens literals (e.g. "on-demand" to string); the schema test proves the shape.
export const BUNDLED_LIBRARY: LibraryDocument = deepFreeze(
  defaultLibraryJson as unknown as LibraryDocument
);

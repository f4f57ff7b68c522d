/**
 * The default library as the add-in ships it: the one import of default-library.json, typed but not
 * parsed, so the custom-functions bundle stays free of zod (it must load fast before Excel's first
 * recalculation). The JSON is ours: tests/unit/model/library/bundledLibrary.test.ts proves it passes the schema
 * and equals VALIDATED_BUNDLED_LIBRARY (validatedBundledLibrary.ts), the parsed copy for code that loads
 * zod anyway.
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

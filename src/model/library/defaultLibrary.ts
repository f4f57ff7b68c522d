/**
 * The bundled default library, validated once when the module loads: every consumer after this
 * point trusts the types. A default that fails its own schema is a build defect, so it throws.
 */
import defaultLibraryJson from "./default-library.json";
import { parseLibrary } from "./load";
import type { LibraryDocument } from "./schema";

function loadDefaultLibrary(): LibraryDocument {
  const result = parseLibrary(defaultLibraryJson);
  if (!result.ok) {
    const problems = result.issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n");
    throw new Error(`The bundled default library is invalid:\n${problems}`);
  }
  return result.library;
}

/** Freezes the shared default so no consumer can change what every other consumer sees. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const DEFAULT_LIBRARY: LibraryDocument = deepFreeze(loadDefaultLibrary());

/**
 * The bundled default library, validated when the module loads: every consumer after this point trusts the
 * types. A default that fails its own schema is a build defect, so it throws. (The custom-functions bundle
 * uses bundledLibrary.ts instead, to stay free of zod.)
 */
import defaultLibraryJson from "./default-library.json";
import { deepFreeze } from "./bundledLibrary";
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

export const DEFAULT_LIBRARY: LibraryDocument = deepFreeze(loadDefaultLibrary());

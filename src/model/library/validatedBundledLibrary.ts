/**
 * The bundled default library (bundledLibrary.ts, the same JSON), parsed by the schema when this module
 * loads: every consumer after this point trusts the types because zod checked them, not because a test
 * did. A default that fails its own schema is a build defect, so it throws. The custom-functions bundle
 * imports BUNDLED_LIBRARY instead, to stay free of zod.
 */
import { BUNDLED_LIBRARY, deepFreeze } from "./bundledLibrary";
import { parseLibrary } from "./load";
import type { LibraryDocument } from "./schema";

function validateBundledLibrary(): LibraryDocument {
  const result = parseLibrary(BUNDLED_LIBRARY);
  if (!result.ok) {
    const problems = result.issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n");
    throw new Error(`The bundled default library is invalid:\n${problems}`);
  }
  return result.library;
}

export const VALIDATED_BUNDLED_LIBRARY: LibraryDocument = deepFreeze(validateBundledLibrary());

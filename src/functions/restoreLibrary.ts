/**
 * The custom-functions bundle's own restore of the saved team library, run when the runtime starts (with or
 * without the task pane) and before Excel's first calculation, so CAPPLAN cells never compute with the
 * bundled library while the user's team library sits in the saved copy. Synchronous (localStorage) and
 * zod-free: it trusts the copy the sidebar validated only when the schema revision is this bundle's and the
 * content hash matches (src/shared-state/libraryCache.ts). A copy that cannot be used is removed with a
 * message, so it is never tried again; one saved by another version is left for the sidebar to validate
 * again.
 */
import {
  LIBRARY_SCHEMA_REVISION,
  LibraryShapeError,
  libraryHash,
} from "../model/library/fingerprint";
import { ownEntry } from "../model/library/indexLibrary";
import type { LibraryDocument } from "../model/library/schema";
import {
  clearCachedLibrary,
  readCachedLibrary,
  type StorageLike,
} from "../shared-state/libraryCache";
import { setActiveLibrary, type StartupRestore } from "../shared-state/activeLibrary";

const STALE =
  "it was saved by another version of Capacity Planner and must be checked again: open Capacity Planner (Home > Rent vs Build)";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The few fields every function and message relies on; the hash already proved it is what was validated. */
function metaProblem(doc: unknown): string | null {
  if (!isRecord(doc)) return "it is not a library";
  const meta = ownEntry(doc, "meta");
  if (!isRecord(meta)) return "it has no meta";
  for (const field of ["id", "name", "version"]) {
    const value = ownEntry(meta, field);
    if (typeof value !== "string" || value === "") return `meta.${field} is missing`;
  }
  return null;
}

export function restoreSavedLibrary(storage: StorageLike | null, now: Date): StartupRestore {
  const read = readCachedLibrary(storage);
  if (read.status === "absent") return { status: "none" };
  const clear = (problem: string): StartupRestore => {
    clearCachedLibrary(storage);
    return { status: "cleared", problem };
  };
  if (read.status === "corrupt") return clear(read.problem);
  const { checked } = read.cached;
  if (checked === undefined || checked.revision !== LIBRARY_SCHEMA_REVISION)
    return { status: "stale", problem: STALE };
  try {
    if (libraryHash(checked.library) !== checked.hash)
      return clear("the saved copy is damaged (its content does not match its checksum)");
    const problem = metaProblem(checked.library);
    if (problem !== null) return clear(`the saved copy is not a library: ${problem}`);
    // Validated by the sidebar with this schema revision, and unchanged since (the hash): trusted.
    const doc = checked.library as LibraryDocument;
    setActiveLibrary(doc, read.cached.source, now, "restored", checked.hash);
    return { status: "restored", savedAt: read.cached.savedAt };
  } catch (error) {
    // Too deep, not JSON data, or an index that cannot be built: never try this copy again.
    const detail = error instanceof LibraryShapeError ? error.message : "it could not be read";
    return clear(`the saved copy is not a usable library (${detail})`);
  }
}

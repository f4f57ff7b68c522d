/* global structuredClone */
/**
 * Team libraries are layered over the bundled default, so a team publishes only what it changes
 * (its negotiated rental rate, its WACC, its own site) and still gets every other assumption.
 */
import { ownEntry } from "./indexLibrary";
import { parseLibrary, type ParseResult } from "./load";
import { RESERVED_KEYS, type LibraryDocument, type TeamLibrary } from "./schema";

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A Quantity is replaced whole: the team's number must travel with the team's source and date. */
function isQuantity(value: Json): boolean {
  return isPlainObject(value) && "value" in value && "source" in value;
}

/**
 * Deep merge by key: objects merge, arrays and scalars from the layer replace the base, and
 * Quantities replace as a unit. Returns new objects; neither input is modified.
 */
function mergeValues(base: Json, layer: Json): Json {
  if (layer === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(layer) || isQuantity(layer))
    return structuredClone(layer);
  const merged: Record<string, Json> = {};
  for (const key of Object.keys(base)) merged[key] = structuredClone(base[key]);
  for (const [key, value] of Object.entries(layer)) {
    // Validation refused reserved keys; never assign one (merged["__proto__"] = x sets the prototype),
    // and read the base by own key only (base["constructor"] is inherited, not an entry).
    if (RESERVED_KEYS.has(key)) continue;
    merged[key] = mergeValues(ownEntry(base, key), value);
  }
  return merged;
}

/**
 * The team library over the base: team values win, new catalog entries are added, `meta` is the
 * team's (the workbook records which library it used). The `risk` section follows the same rule, which
 * is the one wanted there: `risk.shapes` merges by input (the team's shape for gridMonths wins, the base's
 * other shapes stay; a team cannot remove a base shape, only name another, e.g. "pert"), while
 * `risk.correlations` is a list and so is replaced whole when the team gives it (an empty list drops the
 * base's presets). Presets are not merged pair by pair because a correlation matrix is judged as a whole:
 * mixing two publishers' coefficients could give a set neither checked. The result is checked against
 * the full schema, so an entry the team adds must be complete and every reference must resolve;
 * problems are reported with their paths in the merged document.
 */
export function layerLibrary(
  base: LibraryDocument,
  team: TeamLibrary
): ParseResult<LibraryDocument> {
  const merged = mergeValues(base, team);
  if (isPlainObject(merged)) merged.meta = structuredClone(team.meta);
  return parseLibrary(merged);
}

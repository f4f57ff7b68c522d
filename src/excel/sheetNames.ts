/**
 * Where a new template goes: the next free sheet name and a suffix for its workbook names, both
 * compared without regard to case, as Excel compares them. Pure functions.
 */
import { excelNameKey } from "../model/a1";

export const TEMPLATE_SHEET_BASE = "Rent vs Build";

/** Excel's limit on a sheet name. */
const MAX_SHEET_NAME = 31;

function sheetNameFor(base: string, ordinal: number): string {
  return ordinal === 1 ? base : `${base} (${ordinal})`;
}

/**
 * "Rent vs Build" when free, else "Rent vs Build (2)", "(3)"... : the first free one, not one past the
 * highest, so names freed by deleting a sheet are reused as Excel's own "Sheet2" naming does.
 */
export function nextSheetName(
  existing: readonly string[],
  base = TEMPLATE_SHEET_BASE
): { name: string; ordinal: number } {
  const taken = new Set(existing.map(excelNameKey));
  for (let ordinal = 1; ; ordinal += 1) {
    const name = sheetNameFor(base, ordinal);
    if (name.length > MAX_SHEET_NAME) throw new RangeError(`No free sheet name for "${base}"`);
    if (!taken.has(excelNameKey(name))) return { name, ordinal };
  }
}

/** "" for the first template, "_2", "_3"... after. */
export function nameSuffixFor(ordinal: number): string {
  return ordinal <= 1 ? "" : `_${ordinal}`;
}

/**
 * The first suffix, starting at `startAt` (the sheet's ordinal, so "Rent vs Build (2)" gets "_2" when
 * it can), for which none of `baseNames` + suffix is an existing workbook name.
 */
export function nextNameSuffix(
  existingNames: readonly string[],
  baseNames: readonly string[],
  startAt = 1
): string {
  const taken = new Set(existingNames.map(excelNameKey));
  for (let ordinal = Math.max(1, Math.floor(startAt)); ordinal < 100_000; ordinal += 1) {
    const suffix = nameSuffixFor(ordinal);
    if (baseNames.every((name) => !taken.has(excelNameKey(name + suffix)))) return suffix;
  }
  throw new RangeError("No free suffix for the template's workbook names");
}

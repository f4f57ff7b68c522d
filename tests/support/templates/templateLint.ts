/**
 * The template lint (tests/unit/templates/*Spec.test.ts): what a template's formulas may contain. Numbers
 * are structure, never data; functions come from a short list; every name is one the workbook defines and
 * every cell referenced is one the template writes, on its own sheet or (the Board memo) on the sheet
 * it reads.
 */
import type { CellSpec, TemplateSpec } from "../../../src/templates/types";
import { formulaTokens, referencedCells } from "./formulaLint";

/**
 * Numbers a formula may contain: structure, not data. 0 and 1 (year 0, "1 -", flags, MATCH's exact
 * mode, ROUNDUP digits, the year step) and 12 (months per year). Hours, kW per MW and every library
 * figure live in named cells.
 */
export const ALLOWED_LITERALS: ReadonlySet<number> = new Set([0, 1, 12]);
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  "IF",
  "MIN",
  "MAX",
  "ROUNDUP",
  "SUM",
  "NPV",
  "IFERROR",
  "INDEX",
  "MATCH",
  "INT",
  "FIXED",
  "CAPPLAN.LIBRARY",
  // Model v2 section: IT capex of the phases booked in a year, and the IRR of building instead of renting.
  "SUMIF",
  "IRR",
]);

export function cellMap(spec: Pick<TemplateSpec, "cells">): Map<string, CellSpec> {
  return new Map(spec.cells.map((cell) => [cell.address, cell]));
}

/** Problems with one formula: literals, unknown names or functions, references to cells the template does not write. */
export function lintFormula(
  formula: string,
  names: ReadonlySet<string>,
  cells: ReadonlyMap<string, CellSpec>
): string[] {
  const problems: string[] = [];
  for (const token of formulaTokens(formula)) {
    if (token.kind === "number" && !ALLOWED_LITERALS.has(token.value))
      problems.push(`literal ${token.value}`);
    if (token.kind === "function" && !ALLOWED_FUNCTIONS.has(token.text))
      problems.push(`function ${token.text}`);
    if (token.kind === "name" && !names.has(token.text))
      problems.push(`unknown name ${token.text}`);
    if (token.kind === "cell" || token.kind === "range") {
      for (const address of referencedCells(token.text))
        if (!cells.has(address)) problems.push(`empty cell ${address}`);
    }
  }
  return problems;
}

/** "'Rent vs Build'!$C$5" and "Sheet1!A1:B2": a reference to a cell or range of a named sheet. */
const SHEET_REFERENCE =
  /('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!(\$?[A-Z]{1,3}\$?[0-9]+(?::\$?[A-Z]{1,3}\$?[0-9]+)?)/g;

/**
 * The lint for a formula that also reads other sheets: each sheet reference must name a sheet of
 * `otherSheets` and cells written there; the rest of the formula is linted as above.
 */
export function lintFormulaAcrossSheets(
  formula: string,
  names: ReadonlySet<string>,
  cells: ReadonlyMap<string, CellSpec>,
  otherSheets: ReadonlyMap<string, ReadonlyMap<string, CellSpec>>
): string[] {
  const problems: string[] = [];
  const PLACEHOLDER = "SHEET_REFERENCE";
  const rest = formula.replace(SHEET_REFERENCE, (_whole, sheet: string, ref: string) => {
    const name = sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
    const sheetCells = otherSheets.get(name);
    if (sheetCells === undefined) problems.push(`unknown sheet ${name}`);
    else
      for (const address of referencedCells(ref.replace(/\$/g, "")))
        if (!sheetCells.has(address)) problems.push(`empty cell ${name}!${address}`);
    return PLACEHOLDER;
  });
  return [...problems, ...lintFormula(rest, new Set([...names, PLACEHOLDER]), cells)];
}

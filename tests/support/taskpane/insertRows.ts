/**
 * What Excel does when the user inserts whole rows above `atRow` (1-based) of a sheet, for tests that
 * need a template the user has reshaped: every cell from that row down moves `count` rows with its
 * number format, and every reference to a moved row follows it, in formulas on any sheet and in
 * defined names. (The in-memory host has no Range.insert; the add-in never inserts rows.)
 */
import type { MemoryCellStore } from "../../../src/dev/excel-host";
import { tokenizeFormula } from "../../../src/templates/formulaTokens";

/** The formula with the row numbers of references to `sheet` (from `atRow`, 1-based) moved down. */
export function shiftRowsInFormula(
  formula: string,
  formulaSheet: string,
  sheet: string,
  atRow: number,
  count: number
): string {
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  return tokenizeFormula(formula)
    .map((t) => {
      if (t.kind !== "ref" || !same(t.sheet ?? formulaSheet, sheet)) return t.text;
      return t.text.replace(
        /(\$?[A-Za-z]{1,3}\$?)([0-9]+)(?=$|:)/g,
        (_, col: string, row: string) =>
          Number(row) >= atRow ? `${col}${Number(row) + count}` : `${col}${row}`
      );
    })
    .join("");
}

export function insertRowsAbove(
  store: MemoryCellStore,
  sheetName: string,
  atRow: number,
  count: number
): void {
  const sheet = store.findSheetByName(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  // Formulas first, everywhere (their text, before the cells move).
  for (const other of store.listSheets()) {
    const bounds = store.getUsedBounds(other.id, false);
    if (bounds === null) continue;
    for (let row = bounds.row; row < bounds.row + bounds.rowCount; row++)
      for (let col = bounds.col; col < bounds.col + bounds.colCount; col++) {
        const formula = store.getCell(other.id, row, col).formula;
        if (formula === null) continue;
        const moved = shiftRowsInFormula(formula, other.name, sheet.name, atRow, count);
        if (moved !== formula) store.setFormula(other.id, row, col, moved);
      }
  }
  const bounds = store.getUsedBounds(sheet.id, false);
  if (bounds !== null)
    for (let row = bounds.row + bounds.rowCount - 1; row >= atRow - 1; row--)
      for (let col = bounds.col; col < bounds.col + bounds.colCount; col++) {
        const cell = store.getCell(sheet.id, row, col);
        const format = store.getFormat(sheet.id, row, col).numberFormat;
        if (cell.formula !== null) store.setFormula(sheet.id, row + count, col, cell.formula);
        else store.setValue(sheet.id, row + count, col, cell.value);
        store.setFormat(sheet.id, row + count, col, { numberFormat: format });
        store.setValue(sheet.id, row, col, null);
        store.clearFormat(sheet.id, row, col);
      }
  for (const name of store.listNames()) {
    const moved = shiftRowsInFormula(name.formula, sheet.name, sheet.name, atRow, count);
    if (moved !== name.formula) store.updateName(name.name, { formula: moved });
  }
}

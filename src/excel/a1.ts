/**
 * A1 addresses as the template and the workbook's defined names use them. Rows and columns are
 * 0-based here, as in Range.rowIndex / Range.columnIndex. Column letters are ../templates/a1's.
 */
import { columnIndex, columnLetter, MAX_ROWS } from "../templates/a1";

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface RangeRef extends CellRef {
  readonly rowCount: number;
  readonly colCount: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** "B5" or "$B$5" -> { row: 4, col: 1 }; null when it is not a single cell of the grid. */
export function tryParseCell(text: string): CellRef | null {
  const m = CELL.exec(text.trim());
  if (m === null) return null;
  const letters = m[1] ?? "";
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS) return null;
  let col: number;
  try {
    col = columnIndex(letters.toUpperCase());
  } catch {
    return null;
  }
  return { row, col };
}

export function parseCell(text: string): CellRef {
  const cell = tryParseCell(text);
  if (cell === null) throw new RangeError(`Not a single-cell A1 address: "${text}"`);
  return cell;
}

/** "A1:C3", "$A$1", "B5" -> the rectangle; null when malformed. Corners may come in any order. */
export function tryParseRange(text: string): RangeRef | null {
  const parts = text.split(":");
  if (parts.length > 2) return null;
  const a = tryParseCell(parts[0] ?? "");
  const b = parts.length === 2 ? tryParseCell(parts[1] ?? "") : a;
  if (a === null || b === null) return null;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rowCount: Math.abs(a.row - b.row) + 1, colCount: Math.abs(a.col - b.col) + 1 };
}

export function parseRange(text: string): RangeRef {
  const range = tryParseRange(text);
  if (range === null) throw new RangeError(`Not an A1 range address: "${text}"`);
  return range;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function rangeAddress(range: RangeRef): string {
  const start = cellAddress(range.row, range.col);
  if (range.rowCount === 1 && range.colCount === 1) return start;
  return `${start}:${cellAddress(range.row + range.rowCount - 1, range.col + range.colCount - 1)}`;
}

/**
 * A defined name's formula as Excel reports it ("='Rent vs Build'!$C$5", "=Sheet1!$C$5:$D$6") ->
 * its sheet and rectangle; null for anything else (a constant, #REF!, a formula, several areas).
 */
export function parseSheetReference(
  formula: string
): { readonly sheet: string; readonly range: RangeRef } | null {
  const body = formula.trim().replace(/^=/, "").trim();
  if (body.toUpperCase().includes("#REF!")) return null;
  let sheet: string;
  let local: string;
  if (body.startsWith("'")) {
    const m = /^'((?:[^']|'')+)'!(.+)$/.exec(body);
    if (m === null) return null;
    sheet = (m[1] ?? "").replace(/''/g, "'");
    local = m[2] ?? "";
  } else {
    const bang = body.lastIndexOf("!");
    if (bang <= 0) return null;
    sheet = body.slice(0, bang);
    local = body.slice(bang + 1);
    if (!/^[^\s'!,()=]+$/.test(sheet)) return null;
  }
  const range = tryParseRange(local);
  return range === null ? null : { sheet, range };
}

/** Excel compares sheet names and defined names without regard to case. */
export function sameExcelName(a: string, b: string): boolean {
  return a.toLocaleUpperCase("en-US") === b.toLocaleUpperCase("en-US");
}

export function excelNameKey(name: string): string {
  return name.toLocaleUpperCase("en-US");
}

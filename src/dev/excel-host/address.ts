/**
 * A1 addresses: parsing (`A1`, `$A$1`, `A1:C3`, `Sheet1!A1:B2`, `'Rent vs Build'!B5`),
 * formatting, and the row/column arithmetic behind them. Rows and columns are 0-based here,
 * as in `Range.rowIndex` / `Range.columnIndex`.
 *
 * Bad addresses throw a MemoryExcelError with code "InvalidArgument", as Excel does.
 * Whole-column / whole-row references (`A:C`, `1:3`) are valid in Excel but not supported by
 * this host: they throw "UnsupportedOperation" rather than pretending to be invalid.
 */
import { MemoryExcelError } from "./errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based. */
export interface GridRange {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

export interface CellAddress {
  readonly row: number;
  readonly col: number;
  readonly rowAbsolute: boolean;
  readonly colAbsolute: boolean;
}

export interface ParsedAddress {
  /** The sheet named in the address (unquoted), or null when the address has no sheet part. */
  readonly sheet: string | null;
  readonly range: GridRange;
  readonly start: CellAddress;
  readonly end: CellAddress;
}

const CELL_PATTERN = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnToLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col >= MAX_COLUMNS) {
    throw new MemoryExcelError("InvalidArgument", `Column index out of range: ${col}`);
  }
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" -> 0, "aa" -> 26; -1 when not letters or beyond column XFD. */
export function lettersToColumn(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  const col = n - 1;
  return col < MAX_COLUMNS ? col : -1;
}

/** Parses a single cell such as "B5" or "$B$5"; null when it is not a cell inside the grid. */
export function parseCellAddress(text: string): CellAddress | null {
  const m = CELL_PATTERN.exec(text);
  if (m === null) return null;
  const col = lettersToColumn(m[2] ?? "");
  const rowNumber = Number(m[4]);
  if (col < 0 || rowNumber < 1 || rowNumber > MAX_ROWS) return null;
  return { row: rowNumber - 1, col, colAbsolute: m[1] === "$", rowAbsolute: m[3] === "$" };
}

/**
 * Splits "Sheet1!A1" / "'Rent vs Build'!B5" into sheet and local part.
 * Returns null when the quoting is malformed.
 */
export function splitSheetPrefix(text: string): { sheet: string | null; local: string } | null {
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    for (;;) {
      if (i >= text.length) return null;
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i += 1;
    }
    if (text[i + 1] !== "!" || name.length === 0) return null;
    return { sheet: name, local: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: text };
  const sheet = text.slice(0, bang);
  if (sheet.length === 0) return null;
  return { sheet, local: text.slice(bang + 1) };
}

const WHOLE_COLUMNS = /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/;
const WHOLE_ROWS = /^\$?[0-9]+:\$?[0-9]+$/;

/** Parses an address or throws InvalidArgument (UnsupportedOperation for whole columns/rows). */
export function parseAddress(text: string): ParsedAddress {
  if (typeof text !== "string" || text.length === 0) {
    throw new MemoryExcelError("InvalidArgument", `Invalid range address: ${String(text)}`);
  }
  const split = splitSheetPrefix(text);
  if (split === null) {
    throw new MemoryExcelError("InvalidArgument", `Invalid range address: ${text}`);
  }
  const { sheet, local } = split;
  if (WHOLE_COLUMNS.test(local) || WHOLE_ROWS.test(local)) {
    throw new MemoryExcelError(
      "UnsupportedOperation",
      `Whole-column and whole-row addresses are not supported by the in-memory host: ${text}`
    );
  }
  const parts = local.split(":");
  if (parts.length > 2) {
    throw new MemoryExcelError("InvalidArgument", `Invalid range address: ${text}`);
  }
  const first = parseCellAddress(parts[0] ?? "");
  const second = parts.length === 2 ? parseCellAddress(parts[1] ?? "") : first;
  if (first === null || second === null) {
    throw new MemoryExcelError("InvalidArgument", `Invalid range address: ${text}`);
  }
  // Excel normalises reversed corners ("C3:A1" is "A1:C3").
  const top = Math.min(first.row, second.row);
  const left = Math.min(first.col, second.col);
  const bottom = Math.max(first.row, second.row);
  const right = Math.max(first.col, second.col);
  const start: CellAddress = {
    row: top,
    col: left,
    rowAbsolute: first.row <= second.row ? first.rowAbsolute : second.rowAbsolute,
    colAbsolute: first.col <= second.col ? first.colAbsolute : second.colAbsolute,
  };
  const end: CellAddress = {
    row: bottom,
    col: right,
    rowAbsolute: first.row <= second.row ? second.rowAbsolute : first.rowAbsolute,
    colAbsolute: first.col <= second.col ? second.colAbsolute : first.colAbsolute,
  };
  return {
    sheet,
    range: { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 },
    start,
    end,
  };
}

/** Like parseAddress, but null instead of throwing. */
export function tryParseAddress(text: string): ParsedAddress | null {
  try {
    return parseAddress(text);
  } catch {
    return null;
  }
}

export interface FormatOptions {
  /** `$A$1` style (as in named-item formulas); default false (`A1`, as in Range.address). */
  readonly absolute?: boolean;
}

export function formatCell(row: number, col: number, options: FormatOptions = {}): string {
  const d = options.absolute === true ? "$" : "";
  return `${d}${columnToLetters(col)}${d}${row + 1}`;
}

/** "A1" for one cell, "A1:C3" otherwise. */
export function formatRange(range: GridRange, options: FormatOptions = {}): string {
  const first = formatCell(range.row, range.col, options);
  if (range.rowCount === 1 && range.colCount === 1) return first;
  const last = formatCell(range.row + range.rowCount - 1, range.col + range.colCount - 1, options);
  return `${first}:${last}`;
}

/** True when `text` reads as an A1 cell ("B5", "xfd1") or an R1C1 reference ("R", "C2", "R1C1"). */
export function isCellReferenceLike(text: string): boolean {
  if (parseCellAddress(text) !== null) return true;
  return text.length > 0 && /^(R([0-9]+)?)?(C([0-9]+)?)?$/i.test(text);
}

const PLAIN_SHEET_NAME = /^[\p{L}_][\p{L}\p{N}_.]*$/u;

/** Quotes a sheet name the way Excel does in addresses: `Sheet1`, `'Rent vs Build'`, `'It''s'`. */
export function quoteSheetName(name: string): string {
  if (PLAIN_SHEET_NAME.test(name) && !isCellReferenceLike(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:B2" or "'Rent vs Build'!$C$5" (with `absolute`). */
export function formatSheetAddress(
  sheetName: string,
  range: GridRange,
  options: FormatOptions = {}
): string {
  return `${quoteSheetName(sheetName)}!${formatRange(range, options)}`;
}

/** True when the rectangle lies inside the worksheet grid. */
export function isInsideGrid(range: GridRange): boolean {
  return (
    Number.isInteger(range.row) &&
    Number.isInteger(range.col) &&
    Number.isInteger(range.rowCount) &&
    Number.isInteger(range.colCount) &&
    range.row >= 0 &&
    range.col >= 0 &&
    range.rowCount >= 1 &&
    range.colCount >= 1 &&
    range.row + range.rowCount <= MAX_ROWS &&
    range.col + range.colCount <= MAX_COLUMNS
  );
}

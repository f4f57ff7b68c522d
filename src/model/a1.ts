/**
 * A1 addresses, the one implementation: column letters, cells, ranges, sheet-qualified addresses,
 * `$` absolute references and sheet-name quoting. Shared by the template (src/templates), the Excel
 * layer (src/excel), the in-memory host and the workbench (src/dev) and the scripts. It is pure (no
 * Office, no DOM) and lives in src/model because that is the one folder all of them may import
 * (eslint.config.mjs, capplan/import-boundaries: src/model imports only itself and zod).
 *
 * Convention: rows and columns are both 0-based, and every function takes (row, col) in that order.
 *  - 0-based because that is how everything that computes with positions counts: Office.js
 *    (Range.rowIndex / Range.columnIndex), `values[row][col]` matrices, the host's cell store and
 *    HyperFormula. Only the A1 text itself counts rows from 1, so the +1 lives here, in
 *    cellAddress / parseCell, and nowhere else. (The template's old helper mixed a 0-based column
 *    with a 1-based row; its callers and tests kept writing `row - 1`.)
 *  - (row, col) because it is the order of R1C1, of matrix indexing and of Range.getCell(row, col).
 *
 * Bad input throws a RangeError or, from the try* functions, gives null; a caller with its own error
 * contract wraps these at its boundary (the host's InvalidArgument: dev/excel-host/address.ts). No
 * error class of its own: the task pane bundle carries this module, and a plain RangeError says enough.
 * Grid limits are Excel's: rows 1 to 1,048,576, columns A to XFD.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** One cell, 0-based. */
export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** A rectangle of cells, 0-based. */
export interface GridRange extends CellRef {
  readonly rowCount: number;
  readonly colCount: number;
}

/** One cell as written in a formula: with whether its row and column carry `$`. */
export interface CellAddress extends CellRef {
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

export interface FormatOptions {
  /** `$A$1` style (as in named-item formulas); default false (`A1`, as in Range.address). */
  readonly absolute?: boolean;
}

// ------------------------------------------------------------------------------------------ columns

/** 0 -> "A", 25 -> "Z", 26 -> "AA", 16383 -> "XFD"; throws for anything that is not a column of the grid. */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col >= MAX_COLUMNS) {
    throw new RangeError(`Column index out of range (0 to ${MAX_COLUMNS - 1}): ${col}`);
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

/** "A" -> 0, "aa" -> 26 (either case, as Excel reads them); null when not letters or beyond XFD. */
export function tryColumnIndex(letters: string): number | null {
  if (!/^[a-z]{1,3}$/i.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMNS ? n - 1 : null;
}

/**
 * "A" -> 0, "AA" -> 26, for letters spelled as this module writes them (upper case: the template's
 * own specs, where another spelling is a typo); throws for anything else or beyond XFD.
 */
export function columnIndex(letters: string): number {
  const col = letters === letters.toUpperCase() ? tryColumnIndex(letters) : null;
  if (col === null) throw new RangeError(`Not a column from A to XFD: "${letters}"`);
  return col;
}

// -------------------------------------------------------------------------------------------- cells

const CELL_PATTERN = /^(\$?)([a-z]{1,3})(\$?)(\d{1,7})$/i;

/** "B5", "$B$5", "xfd1" -> the cell and its `$` flags; null when it is not a cell inside the grid. */
export function tryParseCellAddress(text: string): CellAddress | null {
  const m = CELL_PATTERN.exec(text);
  if (m === null) return null;
  const col = tryColumnIndex(m[2] ?? "");
  const rowNumber = Number(m[4]);
  if (col === null || rowNumber < 1 || rowNumber > MAX_ROWS) return null;
  return { row: rowNumber - 1, col, colAbsolute: m[1] === "$", rowAbsolute: m[3] === "$" };
}

/** " B5", "$B$5" -> { row: 4, col: 1 } (surrounding blanks ignored); null when not a single cell. */
export function tryParseCell(text: string): CellRef | null {
  const cell = tryParseCellAddress(text.trim());
  return cell && { row: cell.row, col: cell.col };
}

const notACell = (text: string): RangeError =>
  new RangeError(`Not a single-cell A1 address: "${text}"`);

/** "B5" or "$B$5" -> { row: 4, col: 1 }; throws when it is not a single cell of the grid. */
export function parseCell(text: string): CellRef {
  const cell = tryParseCell(text);
  if (cell === null) throw notACell(text);
  return cell;
}

/**
 * A cell spelled exactly as cellAddress writes it ("B5": upper case, no `$`, no blanks, no leading
 * zero), else throws. The template's specs use addresses as keys, so "b5" or "$B$5" there is a typo
 * that would otherwise name a second, different-looking key for the same cell.
 */
export function parseCanonicalCell(text: string): CellRef {
  const cell = parseCell(text);
  if (cellAddress(cell.row, cell.col) !== text) throw notACell(text);
  return cell;
}

/** (4, 1) -> "B5"; with `absolute`, "$B$5". */
export function cellAddress(row: number, col: number, options: FormatOptions = {}): string {
  const d = options.absolute === true ? "$" : "";
  return `${d}${columnLetter(col)}${d}${row + 1}`;
}

/** The inverse of tryParseCellAddress: each `$` where the cell has it ("$B5", "B$5", "$B$5"). */
export function cellReference(cell: CellAddress): string {
  const col = `${cell.colAbsolute ? "$" : ""}${columnLetter(cell.col)}`;
  return `${col}${cell.rowAbsolute ? "$" : ""}${cell.row + 1}`;
}

// ------------------------------------------------------------------------------------------- ranges

/** "A1" for one cell, "A1:C3" otherwise (with `absolute`, "$A$1:$C$3"). */
export function rangeAddress(range: GridRange, options: FormatOptions = {}): string {
  const first = cellAddress(range.row, range.col, options);
  if (range.rowCount === 1 && range.colCount === 1) return first;
  const last = cellAddress(range.row + range.rowCount - 1, range.col + range.colCount - 1, options);
  return `${first}:${last}`;
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

// ------------------------------------------------------------------------------ sheet-qualified text

const QUOTED_SHEET = /^'((?:[^']|'')+)'!([\s\S]*)$/;
/** A sheet name Excel writes without quotes in a reference: no blanks, quotes or operators. */
const UNQUOTED_SHEET = /^[^\s'!,()=]+$/;

/**
 * Splits "Sheet1!A1" / "'Rent vs Build'!B5" into sheet (unquoted, `''` -> `'`) and local part;
 * sheet is null when there is no `!`. Returns null when the quoting is malformed, or when a name
 * that needs quotes ("Rent vs Build!B5") has none, as Excel does.
 */
export function splitSheetPrefix(text: string): { sheet: string | null; local: string } | null {
  if (text.startsWith("'")) {
    const m = QUOTED_SHEET.exec(text);
    return m === null ? null : { sheet: (m[1] ?? "").replace(/''/g, "'"), local: m[2] ?? "" };
  }
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: text };
  const sheet = text.slice(0, bang);
  return UNQUOTED_SHEET.test(sheet) ? { sheet, local: text.slice(bang + 1) } : null;
}

const WHOLE_COLUMNS = /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/;
const WHOLE_ROWS = /^\$?[0-9]+:\$?[0-9]+$/;

/** An address's sheet and its two corners as written (one cell: the same twice). */
interface Corners {
  readonly sheet: string | null;
  readonly a: CellAddress;
  readonly b: CellAddress;
}

/**
 * "A1", "$A$1", "c3:a1", "Sheet1!A1:B2", "'Rent vs Build'!B5" -> sheet and corners; null when it is
 * not a rectangle of cells. The one parser behind parseAddress and the try* functions: it returns
 * null rather than throwing so that the callers that only want null pay no exception.
 */
function readCorners(text: string): Corners | null {
  const split = splitSheetPrefix(text);
  if (split === null) return null;
  const [first = "", second, extra] = split.local.split(":");
  if (extra !== undefined) return null;
  const a = tryParseCellAddress(first);
  const b = second === undefined ? a : tryParseCellAddress(second);
  return a === null || b === null ? null : { sheet: split.sheet, a, b };
}

/** The rectangle between two corners given in any order (Excel reads "C3:A1" as "A1:C3"). */
function spanOf(a: CellRef, b: CellRef): GridRange {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rowCount: Math.abs(a.row - b.row) + 1, colCount: Math.abs(a.col - b.col) + 1 };
}

/** Corners -> the normalised address: each corner keeps the `$` of the cell its row (or column) came from. */
function addressOf({ sheet, a, b }: Corners): ParsedAddress {
  const [top, bottom] = a.row <= b.row ? [a, b] : [b, a];
  const [left, right] = a.col <= b.col ? [a, b] : [b, a];
  return {
    sheet,
    range: spanOf(a, b),
    start: {
      row: top.row,
      col: left.col,
      rowAbsolute: top.rowAbsolute,
      colAbsolute: left.colAbsolute,
    },
    end: {
      row: bottom.row,
      col: right.col,
      rowAbsolute: bottom.rowAbsolute,
      colAbsolute: right.colAbsolute,
    },
  };
}

/**
 * `A:C`, `1:3`, `Sheet1!A:A`: whole columns or rows, valid in Excel but not a rectangle of cells this
 * module reads (parseAddress refuses them); a caller that must tell them from nonsense asks here.
 */
export function isWholeRowsOrColumns(text: string): boolean {
  const local = splitSheetPrefix(text)?.local;
  return local !== undefined && (WHOLE_COLUMNS.test(local) || WHOLE_ROWS.test(local));
}

/**
 * "A1", "$A$1", "c3:a1", "Sheet1!A1:B2", "'Rent vs Build'!B5" -> sheet, rectangle and corners.
 * Throws a RangeError for anything else, whole rows and columns included.
 */
export function parseAddress(text: string): ParsedAddress {
  const parsed = tryParseAddress(text);
  if (parsed === null) throw new RangeError(`Invalid range address: ${String(text)}`);
  return parsed;
}

/** Like parseAddress, but null instead of throwing. */
export function tryParseAddress(text: string): ParsedAddress | null {
  const corners = typeof text === "string" ? readCorners(text) : null;
  return corners === null ? null : addressOf(corners);
}

/** " A1:C3", "$A$1", "B5" -> the rectangle, with no sheet part; null when malformed. */
export function tryParseRange(text: string): GridRange | null {
  const corners = readCorners(text.trim());
  return corners === null || corners.sheet !== null ? null : spanOf(corners.a, corners.b);
}

export function parseRange(text: string): GridRange {
  const range = tryParseRange(text);
  if (range === null) throw new RangeError(`Not an A1 range address: "${text}"`);
  return range;
}

/** True when `text` reads as an A1 cell ("B5", "xfd1") or an R1C1 reference ("R", "C2", "R1C1"). */
export function isCellReferenceLike(text: string): boolean {
  if (tryParseCellAddress(text) !== null) return true;
  return text.length > 0 && /^(R([0-9]+)?)?(C([0-9]+)?)?$/i.test(text);
}

const PLAIN_SHEET_NAME = /^[\p{L}_][\p{L}\p{N}_.]*$/u;

/** Quotes a sheet name the way Excel does in addresses: `Sheet1`, `'Rent vs Build'`, `'It''s'`. */
export function quoteSheetName(name: string): string {
  if (PLAIN_SHEET_NAME.test(name) && !isCellReferenceLike(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:B2" or "'Rent vs Build'!$C$5" (with `absolute`). */
export function sheetRangeAddress(
  sheetName: string,
  range: GridRange,
  options: FormatOptions = {}
): string {
  return `${quoteSheetName(sheetName)}!${rangeAddress(range, options)}`;
}

/**
 * A defined name's formula as Excel reports it ("='Rent vs Build'!$C$5", "=Sheet1!$C$5:$D$6") ->
 * its sheet and rectangle; null for anything else (a constant, #REF!, a formula, several areas).
 */
export function parseSheetReference(
  formula: string
): { readonly sheet: string; readonly range: GridRange } | null {
  const body = formula.trim().replace(/^=/, "").trim();
  if (body.toUpperCase().includes("#REF!")) return null;
  const split = splitSheetPrefix(body);
  if (split === null || split.sheet === null) return null;
  const range = tryParseRange(split.local);
  return range === null ? null : { sheet: split.sheet, range };
}

// -------------------------------------------------------------------------------------------- names

/** Excel compares sheet names and defined names without regard to case. */
export function sameExcelName(a: string, b: string): boolean {
  return excelNameKey(a) === excelNameKey(b);
}

/** The key under which Excel treats two sheet or defined names as one. */
export function excelNameKey(name: string): string {
  return name.toLocaleUpperCase("en-US");
}

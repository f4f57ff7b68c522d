/** A1 addressing on the template sheet (no sheet names: every address is on the template's own sheet). */

/** A worksheet's grid: rows 1 to 1,048,576, columns A to XFD. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 0 -> "A", 25 -> "Z", 26 -> "AA"; throws for anything that is not a column of the grid. */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMNS) {
    throw new RangeError(`Column index out of range (0 to ${MAX_COLUMNS - 1}): ${index}`);
  }
  let letters = "";
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" -> 0, "AA" -> 26; upper case only; throws for anything that is not a column of the grid (A to XFD). */
export function columnIndex(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) throw new RangeError(`Not a column: "${letters}"`);
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMNS) throw new RangeError(`Column beyond XFD: "${letters}"`);
  return n - 1;
}

export interface CellPosition {
  /** 0-based column. */
  readonly col: number;
  /** 1-based row, as in A1 addresses. */
  readonly row: number;
}

/** "C12" -> { col: 2, row: 12 }. */
export function parseCell(address: string): CellPosition {
  const match = /^([A-Z]+)([1-9][0-9]*)$/.exec(address);
  if (!match) throw new Error(`Not a single-cell A1 address: "${address}"`);
  const row = Number(match[2]);
  if (row > MAX_ROWS) throw new RangeError(`Row beyond ${MAX_ROWS}: "${address}"`);
  return { col: columnIndex(match[1]), row };
}

export function cellAddress(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

/** "A1" for a single cell, else "A1:C3". */
export function rangeAddress(topLeft: CellPosition, bottomRight: CellPosition): string {
  const first = cellAddress(topLeft.col, topLeft.row);
  const last = cellAddress(bottomRight.col, bottomRight.row);
  return first === last ? first : `${first}:${last}`;
}

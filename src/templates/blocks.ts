/**
 * A template's cells as the few rectangular writes a renderer makes: grouping single cells into
 * rectangles (so hundreds of cells cost a few dozen range writes), the content each cell gets
 * (text that Excel would misread is prefixed), and the rectangles of each style. Pure: no Excel
 * types; src/excel/render.ts turns these into Excel calls.
 */
import { parseCanonicalCell, rangeAddress, type CellRef } from "../model/a1";
import type { CellSpec, CellStyle } from "./types";

// ------------------------------------------------------------------------------------ blocks

export interface CellBlock<T> {
  /** "B5:D9", or "B5" for one cell. */
  readonly address: string;
  readonly topLeft: CellRef;
  readonly rowCount: number;
  readonly colCount: number;
  /** Row-major; the block is fully covered (no holes). */
  readonly items: readonly (readonly T[])[];
}

interface Positioned<T> {
  readonly pos: CellRef;
  readonly item: T;
}

interface Stack<T> {
  readonly top: CellRef;
  readonly width: number;
  readonly rows: T[][];
}

function horizontalRuns<T>(cells: readonly Positioned<T>[]): { start: CellRef; items: T[] }[] {
  const runs: { start: CellRef; items: T[] }[] = [];
  for (const cell of cells) {
    const last = runs[runs.length - 1];
    if (
      last &&
      last.start.row === cell.pos.row &&
      last.start.col + last.items.length === cell.pos.col
    ) {
      last.items.push(cell.item);
    } else {
      runs.push({ start: cell.pos, items: [cell.item] });
    }
  }
  return runs;
}

/**
 * Rectangles covering exactly the given cells, top to bottom, left to right: horizontal runs of
 * adjacent cells per row, then runs with the same columns in consecutive rows stacked. Throws on a
 * malformed address or on two cells at one position.
 */
export function groupIntoBlocks<T extends { readonly address: string }>(
  items: readonly T[]
): CellBlock<T>[] {
  const seen = new Set<string>();
  const cells: Positioned<T>[] = items.map((item) => {
    const pos = parseCanonicalCell(item.address);
    const key = `${pos.row}:${pos.col}`;
    if (seen.has(key)) throw new Error(`The template has two cells at ${item.address}.`);
    seen.add(key);
    return { pos, item };
  });
  cells.sort((a, b) => a.pos.row - b.pos.row || a.pos.col - b.pos.col);

  // A stack stays open while the next row has a run with exactly its columns.
  const open = new Map<string, Stack<T>>();
  const done: Stack<T>[] = [];
  for (const run of horizontalRuns(cells)) {
    const key = `${run.start.col}:${run.items.length}`;
    const stack = open.get(key);
    if (stack && stack.top.row + stack.rows.length === run.start.row) {
      stack.rows.push(run.items);
      continue;
    }
    if (stack) done.push(stack);
    open.set(key, { top: run.start, width: run.items.length, rows: [run.items] });
  }
  done.push(...open.values());
  done.sort((a, b) => a.top.row - b.top.row || a.top.col - b.top.col);
  return done.map((stack) => ({
    address: rangeAddress({
      row: stack.top.row,
      col: stack.top.col,
      rowCount: stack.rows.length,
      colCount: stack.width,
    }),
    topLeft: stack.top,
    rowCount: stack.rows.length,
    colCount: stack.width,
    items: stack.rows,
  }));
}

// ------------------------------------------------------------------------------------ cell content

/** Excel's Text number format: a cell so formatted keeps typed text as it is, apostrophe included. */
export const TEXT_FORMAT = "@";

/**
 * A month name, or any word starting with one, then a number ("Jan 2024", "Sept. 2024", "June-24"):
 * Excel may read these as dates. Catching "Mayhem 2" too is the price of never missing a month.
 */
const MONTH_FIRST = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i;

/**
 * Would Excel read this text as something else if typed (a number, a date like "2024-05", a boolean,
 * an error or a formula)? Such text gets Excel's text prefix, an apostrophe. Anything not starting
 * with a letter is prefixed ("=", "+", "-", "@", digits, "$", "#", "'"). Erring towards the
 * apostrophe is harmless; missing one turns "2024-05" into a date, and library text is data, never a
 * formula: a source starting with "=" must not run.
 */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  if (!/^\p{L}/u.test(text)) return true;
  if (/^(true|false)$/i.test(text.trim())) return true;
  return MONTH_FIRST.test(text);
}

/** Excel's limit on the characters in one cell ("Excel specifications and limits"). */
export const MAX_CELL_TEXT = 32767;

/** Excel's limit on the length of a cell's formula. */
export const MAX_FORMULA_LENGTH = 8192;

/**
 * Text for a cell of at most `limit` characters. Excel refuses longer text (the whole batch
 * fails), and library text is data we do not control, so an over-long text is cut rather than
 * refused: the sheet still inserts, and the cell ends by saying that it was cut and how long the
 * original is, so no reader takes it for the whole text. (The full text stays in the library.)
 */
export function fitCellText(text: string, limit = MAX_CELL_TEXT): string {
  if (text.length <= limit) return text;
  const note = ` … [cut: the library's text has ${text.length.toLocaleString("en-US")} characters; an Excel cell holds ${MAX_CELL_TEXT.toLocaleString("en-US")}]`;
  let head = text.slice(0, Math.max(0, limit - note.length));
  // Never leave half of a surrogate pair (an emoji, a rare CJK character) at the cut.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${head}${note}`;
}

/**
 * Text Excel might take for a formula: "=", "+", "-" or "@" first, also after white space (tab,
 * CR, LF, no-break or ideographic space, BOM) or in their full-width forms "＝＋－＠".
 */
export function startsLikeFormula(text: string): boolean {
  return /^[\s\u00A0\u3000\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u.test(text);
}

/** A constant as written into Range.values / Range.formulas of a cell whose format is unknown (refresh, undo). */
export function valueContent(value: string | number | boolean): string | number | boolean {
  if (typeof value !== "string") return value;
  // The apostrophe counts against the limit in this host (stricter than Excel, which may not count it).
  return needsTextPrefix(value) ? `'${fitCellText(value, MAX_CELL_TEXT - 1)}` : fitCellText(value);
}

/**
 * What to write into Range.formulas for a cell: its formula, its number or boolean, its text
 * (prefixed where Excel would misread it), or null to leave the cell as it is (no value, no formula).
 * Text in a cell formatted as Text ("@", written before the contents) is not prefixed: the format
 * already keeps it text, and Excel would keep the apostrophe as part of the text; but text that
 * looks like a formula is prefixed even there (Range.formulas may still make it a formula).
 */
export function cellContent(
  cell: Pick<CellSpec, "address" | "value" | "formula" | "numberFormat">
): string | number | boolean | null {
  if (cell.formula !== undefined) return cell.formula;
  const value = cell.value;
  if (value === undefined) return null;
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new RangeError(`Cell ${cell.address} holds a non-finite number: ${value}`);
  }
  if (typeof value === "string" && cell.numberFormat === TEXT_FORMAT)
    // Formula-like text keeps its apostrophe even here: a visible "'" is harmless, a formula is not.
    return startsLikeFormula(value)
      ? `'${fitCellText(value, MAX_CELL_TEXT - 1)}`
      : fitCellText(value);
  return valueContent(value);
}

export interface ContentBlock {
  readonly address: string;
  /**
   * For Range.formulas: formulas, numbers, booleans and text (prefixed where Excel would misread it);
   * null for a cell left as it is. Null for the whole block when none of its cells has content.
   */
  readonly formulas: (string | number | boolean | null)[][] | null;
  /** For Range.numberFormat: null for a cell whose format is left as it is; null when none has one. */
  readonly numberFormat: (string | null)[][] | null;
}

function countSet(matrix: readonly (readonly unknown[])[] | null): number {
  return matrix === null
    ? 0
    : matrix.reduce((n, row) => n + row.filter((v) => v !== null).length, 0);
}

/** Cells a content block writes: each content and each number format counts once. */
export function contentWrites(block: ContentBlock): number {
  return countSet(block.formulas) + countSet(block.numberFormat);
}

/**
 * The cell contents and number formats as a few rectangular writes. Blocks that would write nothing
 * are left out. Write the number formats before the contents, so a Text-formatted cell keeps its text.
 */
export function contentBlocks(cells: readonly CellSpec[]): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  for (const block of groupIntoBlocks(cells)) {
    const formulas = block.items.map((row) => row.map(cellContent));
    const numberFormat = block.items.map((row) => row.map((cell) => cell.numberFormat ?? null));
    const hasContent = countSet(formulas) > 0;
    const hasFormat = countSet(numberFormat) > 0;
    if (!hasContent && !hasFormat) continue;
    blocks.push({
      address: block.address,
      formulas: hasContent ? formulas : null,
      numberFormat: hasFormat ? numberFormat : null,
    });
  }
  return blocks;
}

// ------------------------------------------------------------------------------------ styles

export interface StyleGroup {
  readonly style: CellStyle;
  /** Rectangles (A1) covering exactly the cells of this style. */
  readonly addresses: readonly string[];
}

/** One group per style in use, each as few rectangles as the layout allows, in a stable order. */
export function styleGroups(cells: readonly CellSpec[]): StyleGroup[] {
  const byStyle = new Map<CellStyle, CellSpec[]>();
  for (const cell of cells) {
    const list = byStyle.get(cell.style) ?? [];
    list.push(cell);
    byStyle.set(cell.style, list);
  }
  return [...byStyle]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([style, list]) => ({
      style,
      addresses: groupIntoBlocks(list).map((block) => block.address),
    }));
}

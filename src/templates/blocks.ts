/**
 * Groups a template's single cells into rectangles so a renderer writes a few ranges instead of
 * hundreds of cells: each rectangle is fully covered (no holes, so nothing empty is written over
 * the sheet), found as horizontal runs per row, then runs with the same columns in consecutive
 * rows stacked. Pure: no Excel types.
 */
import { parseCell, rangeAddress, type CellPosition } from "./a1";
import type { CellSpec, CellStyle } from "./types";

export interface CellBlock<T> {
  /** "B5:D9", or "B5" for one cell. */
  readonly address: string;
  readonly topLeft: CellPosition;
  readonly rowCount: number;
  readonly colCount: number;
  /** Row-major. */
  readonly items: readonly (readonly T[])[];
}

interface Positioned<T> {
  readonly pos: CellPosition;
  readonly item: T;
}

interface Stack<T> {
  readonly top: CellPosition;
  readonly width: number;
  readonly rows: T[][];
}

function horizontalRuns<T>(cells: readonly Positioned<T>[]): { start: CellPosition; items: T[] }[] {
  const runs: { start: CellPosition; items: T[] }[] = [];
  for (const cell of cells) {
    const last = runs[runs.length - 1];
    if (last && last.start.row === cell.pos.row && last.start.col + last.items.length === cell.pos.col) {
      last.items.push(cell.item);
    } else {
      runs.push({ start: cell.pos, items: [cell.item] });
    }
  }
  return runs;
}

/** Rectangles covering exactly the given cells, top to bottom, left to right. Throws on a duplicate address. */
export function groupIntoBlocks<T extends { readonly address: string }>(items: readonly T[]): CellBlock<T>[] {
  const seen = new Set<string>();
  const cells: Positioned<T>[] = items.map((item) => {
    if (seen.has(item.address)) throw new Error(`Two cells at ${item.address}`);
    seen.add(item.address);
    return { pos: parseCell(item.address), item };
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
    address: rangeAddress(stack.top, {
      col: stack.top.col + stack.width - 1,
      row: stack.top.row + stack.rows.length - 1,
    }),
    topLeft: stack.top,
    rowCount: stack.rows.length,
    colCount: stack.width,
    items: stack.rows,
  }));
}

/** Excel's "General" format, for cells the spec leaves unformatted. */
export const GENERAL_FORMAT = "General";

/**
 * Would Excel read this text as something else if typed (a number, a date like "2024-05", a boolean,
 * an error or a formula)? Such text gets Excel's text prefix, an apostrophe. Library text is data,
 * never a formula: a source starting with "=" must not run.
 */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  if (!/^\p{L}/u.test(text)) return true;
  if (/^(true|false)$/i.test(text.trim())) return true;
  return /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i.test(text);
}

/** What to write into Range.formulas for a cell: its formula, its number or boolean, or its (prefixed) text. */
export function cellContent(cell: CellSpec): string | number | boolean {
  if (cell.formula !== undefined) return cell.formula;
  const value = cell.value;
  if (value === undefined) return "";
  if (typeof value === "string") return needsTextPrefix(value) ? `'${value}` : value;
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new RangeError(`Cell ${cell.address} holds a non-finite number`);
  }
  return value;
}

export interface ContentBlock {
  readonly address: string;
  /** For Range.formulas: formulas, numbers, booleans and text (prefixed where Excel would misread it). */
  readonly formulas: (string | number | boolean)[][];
  /** For Range.numberFormat. */
  readonly numberFormat: string[][];
}

/** The cell contents and number formats as a few rectangular writes. */
export function contentBlocks(cells: readonly CellSpec[]): ContentBlock[] {
  return groupIntoBlocks(cells).map((block) => ({
    address: block.address,
    formulas: block.items.map((row) => row.map(cellContent)),
    numberFormat: block.items.map((row) => row.map((cell) => cell.numberFormat ?? GENERAL_FORMAT)),
  }));
}

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
    .map(([style, list]) => ({ style, addresses: groupIntoBlocks(list).map((block) => block.address) }));
}

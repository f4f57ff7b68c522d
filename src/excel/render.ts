/**
 * TemplateSpec -> Excel operations. `planRender` (pure) groups the spec's cells into rectangular
 * blocks, so a template of hundreds of cells costs a few dozen range writes; `queueRender` queues
 * them on a worksheet without syncing (the caller syncs once).
 */
import type { CellSpec, CellStyle, TemplateSpec } from "../templates/types";
import { columnIndex, excelNameKey, parseCell, parseRange, rangeAddress } from "./a1";
import type { RangeRef } from "./a1";

// ------------------------------------------------------------------------------------ blocks

export interface Block<T> {
  readonly range: RangeRef;
  /** A1 address of the block ("B5:D9", or "B5" for one cell). */
  readonly address: string;
  /** Row-major items; the block is fully covered (no holes). */
  readonly items: readonly (readonly T[])[];
}

/**
 * Groups single-cell items into rectangles: horizontal runs of adjacent cells per row, then runs with
 * the same columns in consecutive rows are stacked. Throws on a malformed or duplicate address.
 */
export function groupIntoBlocks<T extends { readonly address: string }>(
  items: readonly T[]
): Block<T>[] {
  const byPosition = new Map<string, { row: number; col: number; item: T }>();
  for (const item of items) {
    const { row, col } = parseCell(item.address);
    const key = `${row}:${col}`;
    if (byPosition.has(key)) throw new Error(`The template has two cells at ${item.address}.`);
    byPosition.set(key, { row, col, item });
  }
  const cells = [...byPosition.values()].sort((a, b) => a.row - b.row || a.col - b.col);

  // Horizontal runs.
  interface Run {
    row: number;
    col: number;
    items: T[];
  }
  const runs: Run[] = [];
  for (const cell of cells) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.row === cell.row && last.col + last.items.length === cell.col)
      last.items.push(cell.item);
    else runs.push({ row: cell.row, col: cell.col, items: [cell.item] });
  }

  // Stack runs with the same columns in consecutive rows.
  interface Open {
    row: number;
    col: number;
    width: number;
    rows: T[][];
  }
  const open = new Map<string, Open>();
  const done: Open[] = [];
  for (const run of runs) {
    const key = `${run.col}:${run.items.length}`;
    const block = open.get(key);
    if (block !== undefined && block.row + block.rows.length === run.row) {
      block.rows.push(run.items);
    } else {
      if (block !== undefined) done.push(block);
      open.set(key, { row: run.row, col: run.col, width: run.items.length, rows: [run.items] });
    }
  }
  done.push(...open.values());
  return done
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((b) => {
      const range: RangeRef = {
        row: b.row,
        col: b.col,
        rowCount: b.rows.length,
        colCount: b.width,
      };
      return { range, address: rangeAddress(range), items: b.rows };
    });
}

// ------------------------------------------------------------------------------------ styles

export interface StyleFormat {
  readonly fontColor?: string;
  readonly fillColor?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
}

/** Finance-model conventions: inputs blue on pale yellow, formulas black, sources grey italic. */
export const STYLE_FORMATS: Readonly<Record<CellStyle, StyleFormat>> = {
  title: { bold: true, size: 16 },
  subtitle: { fontColor: "#595959", italic: true },
  section: { bold: true, fontColor: "#1F3864", fillColor: "#D9E1F2" },
  header: { bold: true, fillColor: "#F2F2F2" },
  label: {},
  input: { fontColor: "#0000FF", fillColor: "#FFF2CC" },
  formula: { fontColor: "#000000" },
  unit: { fontColor: "#595959" },
  source: { fontColor: "#808080", italic: true },
  result: { bold: true, fontColor: "#000000" },
  verdict: { bold: true, size: 12, fillColor: "#E2EFDA" },
  note: { fontColor: "#595959", italic: true },
  muted: { fontColor: "#808080" },
};

// ------------------------------------------------------------------------------------ cell input

const MONTH_FIRST =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)[\s\-/.,]*\d/i;

/**
 * Would Excel read this text as something else (a number, date, boolean, error or formula) if it were
 * typed? Such text is written with a leading apostrophe, Excel's "this is text" prefix. Erring towards
 * the apostrophe is harmless; missing one turns "2024-05" into a date.
 */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  if (!/^\p{L}/u.test(text)) return true;
  if (/^(true|false)$/i.test(text.trim())) return true;
  return MONTH_FIRST.test(text);
}

/** What to put in Range.formulas for one cell: its formula, its constant, or null (leave as is). */
export function cellInput(
  cell: Pick<CellSpec, "value" | "formula" | "numberFormat">
): string | number | boolean | null {
  if (cell.formula !== undefined) return cell.formula;
  const value = cell.value;
  if (value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new RangeError(`A template cell holds a non-finite number: ${value}`);
    return value;
  }
  if (typeof value === "boolean") return value;
  if (cell.numberFormat === "@") return value;
  return needsTextPrefix(value) ? `'${value}` : value;
}

/** As `cellInput`, for a value written later (refresh, undo) into a cell whose format is unknown. */
export function valueInput(value: string | number | boolean): string | number | boolean {
  if (typeof value !== "string") return value;
  return needsTextPrefix(value) ? `'${value}` : value;
}

// ------------------------------------------------------------------------------------ plan

export interface ContentBlock {
  readonly address: string;
  readonly formulas: (string | number | boolean | null)[][] | null;
  readonly numberFormat: (string | null)[][] | null;
}

export interface StyleBlock {
  readonly address: string;
  readonly style: CellStyle;
  readonly format: StyleFormat;
}

export interface RenderPlan {
  readonly content: readonly ContentBlock[];
  readonly styles: readonly StyleBlock[];
  readonly columnWidths: readonly { readonly address: string; readonly width: number }[];
  readonly names: readonly { readonly name: string; readonly address: string }[];
  readonly chart: TemplateSpec["chart"];
  /** Cells written (contents + number formats), as Excel and the in-memory host count them. */
  readonly cellWrites: number;
}

function hasFormat(format: StyleFormat): boolean {
  return Object.values(format).some((v) => v !== undefined);
}

/** Names to define: the spec's, plus each assumption's value cell, once each (names ignore case). */
export function templateNames(spec: TemplateSpec): { name: string; address: string }[] {
  const byKey = new Map<string, { name: string; address: string }>();
  const add = (name: string, address: string): void => {
    const key = excelNameKey(name);
    const existing = byKey.get(key);
    if (existing === undefined) {
      byKey.set(key, { name, address });
      return;
    }
    if (
      excelNameKey(rangeAddress(parseRange(existing.address))) !==
      excelNameKey(rangeAddress(parseRange(address)))
    ) {
      throw new Error(
        `The template defines the name ${name} twice, at ${existing.address} and ${address}.`
      );
    }
  };
  for (const n of spec.names) add(n.name, n.address);
  for (const a of spec.assumptions) add(a.name, a.address);
  return [...byKey.values()];
}

export function planRender(spec: TemplateSpec): RenderPlan {
  let cellWrites = 0;
  const content: ContentBlock[] = [];
  for (const block of groupIntoBlocks(spec.cells)) {
    const formulas = block.items.map((row) => row.map(cellInput));
    const numberFormat = block.items.map((row) => row.map((cell) => cell.numberFormat ?? null));
    const contentCount = formulas.flat().filter((v) => v !== null).length;
    const formatCount = numberFormat.flat().filter((v) => v !== null).length;
    cellWrites += contentCount + formatCount;
    if (contentCount + formatCount === 0) continue;
    content.push({
      address: block.address,
      formulas: contentCount > 0 ? formulas : null,
      numberFormat: formatCount > 0 ? numberFormat : null,
    });
  }

  const byStyle = new Map<CellStyle, CellSpec[]>();
  for (const cell of spec.cells) {
    if (!hasFormat(STYLE_FORMATS[cell.style])) continue;
    const list = byStyle.get(cell.style) ?? [];
    list.push(cell);
    byStyle.set(cell.style, list);
  }
  const styles: StyleBlock[] = [];
  for (const [style, cells] of byStyle) {
    for (const block of groupIntoBlocks(cells))
      styles.push({ address: block.address, style, format: STYLE_FORMATS[style] });
  }

  const columnWidths = spec.columnWidths.map(({ column, width }) => {
    if (!Number.isFinite(width) || width < 0)
      throw new RangeError(`Column ${column}: width ${width} is not a width in points.`);
    columnIndex(column); // throws for anything but a column's letters
    // RangeFormat.columnWidth on one cell sets the width of its whole column.
    return { address: `${column.toUpperCase()}1`, width };
  });

  return {
    content,
    styles,
    columnWidths,
    names: templateNames(spec),
    chart: spec.chart,
    cellWrites,
  };
}

// ------------------------------------------------------------------------------------ queue

export interface RenderCounts {
  readonly contentBlocks: number;
  readonly styleBlocks: number;
  readonly names: number;
  readonly charts: number;
  readonly cellWrites: number;
}

/**
 * Queues the plan on `sheet` (no sync): widths, number formats before contents (so a text-formatted
 * cell keeps its text), styles, workbook names, the chart.
 */
export function queueRender(
  workbook: Excel.Workbook,
  sheet: Excel.Worksheet,
  plan: RenderPlan
): RenderCounts {
  for (const { address, width } of plan.columnWidths)
    sheet.getRange(address).format.columnWidth = width;

  for (const block of plan.content) {
    const range = sheet.getRange(block.address);
    if (block.numberFormat !== null) range.numberFormat = block.numberFormat;
    if (block.formulas !== null) range.formulas = block.formulas;
  }

  for (const block of plan.styles) {
    const format = sheet.getRange(block.address).format;
    const { fontColor, fillColor, bold, italic, size } = block.format;
    if (fontColor !== undefined) format.font.color = fontColor;
    if (bold !== undefined) format.font.bold = bold;
    if (italic !== undefined) format.font.italic = italic;
    if (size !== undefined) format.font.size = size;
    if (fillColor !== undefined) format.fill.color = fillColor;
  }

  for (const { name, address } of plan.names) workbook.names.add(name, sheet.getRange(address));

  const chart = sheet.charts.add(
    plan.chart.type,
    sheet.getRange(plan.chart.dataAddress),
    plan.chart.seriesBy
  );
  chart.title.text = plan.chart.title;
  chart.legend.position = "Bottom";
  chart.setPosition(plan.chart.anchorTopLeft, plan.chart.anchorBottomRight);

  return {
    contentBlocks: plan.content.length,
    styleBlocks: plan.styles.length,
    names: plan.names.length,
    charts: 1,
    cellWrites: plan.cellWrites,
  };
}

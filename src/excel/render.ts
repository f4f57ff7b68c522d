/* global Excel, Office */
/**
 * TemplateSpec -> Excel operations. `planRender` (pure) takes the spec's cells as the rectangular
 * blocks of ../templates/blocks, so a template of hundreds of cells costs a few dozen range writes;
 * `queueRender` queues them on a worksheet without syncing (the caller syncs once).
 */
import { contentBlocks, contentWrites, styleGroups } from "../templates/blocks";
import type { ContentBlock } from "../templates/blocks";
import type { CellStyle, TemplatePageLayout, TemplateSpec } from "../templates/types";
import { columnIndex, excelNameKey, parseRange, rangeAddress } from "../model/a1";

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

// ------------------------------------------------------------------------------------ plan

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
  readonly charts: TemplateSpec["charts"];
  /** Spill rectangles' number formats: each as a full 2-D array of the rectangle's size. */
  readonly rangeFormats: readonly { readonly address: string; readonly numberFormat: string[][] }[];
  /** How the sheet prints, or null (printing left at Excel's defaults). */
  readonly pageLayout: TemplatePageLayout | null;
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
  const content = contentBlocks(spec.cells);
  const cellWrites = content.reduce((n, block) => n + contentWrites(block), 0);

  // Styles whose format sets nothing (label) cost no writes.
  const styles: StyleBlock[] = styleGroups(spec.cells).flatMap(({ style, addresses }) => {
    const format = STYLE_FORMATS[style];
    return hasFormat(format) ? addresses.map((address) => ({ address, style, format })) : [];
  });

  const columnWidths = spec.columnWidths.map(({ column, width }) => {
    if (!Number.isFinite(width) || width < 0)
      throw new RangeError(`Column ${column}: width ${width} is not a width in points.`);
    columnIndex(column.toUpperCase()); // throws for anything but a column's letters
    // RangeFormat.columnWidth on one cell sets the width of its whole column.
    return { address: `${column.toUpperCase()}1`, width };
  });

  return {
    content,
    styles,
    columnWidths,
    names: templateNames(spec),
    charts: spec.charts,
    rangeFormats: (spec.rangeFormats ?? []).map(({ address, numberFormat }) => {
      const range = parseRange(address);
      return {
        address: rangeAddress(range),
        numberFormat: Array.from({ length: range.rowCount }, () =>
          Array.from({ length: range.colCount }, () => numberFormat)
        ),
      };
    }),
    pageLayout: spec.pageLayout === undefined ? null : checkedPageLayout(spec.pageLayout),
    cellWrites,
  };
}

/** Refuses, before Excel is touched, a page layout Excel would refuse at the sync. */
function checkedPageLayout(layout: TemplatePageLayout): TemplatePageLayout {
  for (const [what, pages] of [
    ["wide", layout.fitToPagesWide],
    ["tall", layout.fitToPagesTall],
  ] as const) {
    if (!Number.isInteger(pages) || pages < 1)
      throw new RangeError(`Fit to pages ${what}: ${pages} is not a whole number of pages.`);
  }
  for (const [side, points] of Object.entries(layout.margins)) {
    if (!Number.isFinite(points) || points < 0)
      throw new RangeError(`The ${side} margin ${points} is not a length in points.`);
  }
  parseRange(layout.printArea); // throws for anything but a cell or a range
  return layout;
}

// ------------------------------------------------------------------------------------ queue

export interface RenderCounts {
  readonly contentBlocks: number;
  readonly styleBlocks: number;
  readonly names: number;
  readonly charts: number;
  /** Whether the page layout was queued (false: none asked, or the host lacks ExcelApi 1.9). */
  readonly pageLayout: boolean;
  readonly cellWrites: number;
}

/**
 * Queues the plan on `sheet` (no sync): workbook names first, then widths, number formats before
 * contents (so a text-formatted cell keeps its text), styles, the chart. Names come before any
 * formula that uses them: in Excel, a formula referring to a name not yet defined leaves a hidden
 * #NAME? entry that a later names.add of that name can clash with (issue 7, #6); the in-memory
 * host refuses that order (src/dev/excel-host/undefinedNames.ts). A name can refer to cells that are
 * still empty.
 */
export function queueRender(
  workbook: Excel.Workbook,
  sheet: Excel.Worksheet,
  plan: RenderPlan
): RenderCounts {
  for (const { name, address } of plan.names) workbook.names.add(name, sheet.getRange(address));

  for (const { address, width } of plan.columnWidths)
    sheet.getRange(address).format.columnWidth = width;

  for (const block of plan.content) {
    const range = sheet.getRange(block.address);
    if (block.numberFormat !== null) range.numberFormat = block.numberFormat;
    if (block.formulas !== null) range.formulas = block.formulas;
  }

  for (const { address, numberFormat } of plan.rangeFormats)
    sheet.getRange(address).numberFormat = numberFormat;

  for (const block of plan.styles) {
    const format = sheet.getRange(block.address).format;
    const { fontColor, fillColor, bold, italic, size } = block.format;
    if (fontColor !== undefined) format.font.color = fontColor;
    if (bold !== undefined) format.font.bold = bold;
    if (italic !== undefined) format.font.italic = italic;
    if (size !== undefined) format.font.size = size;
    if (fillColor !== undefined) format.fill.color = fillColor;
  }

  for (const spec of plan.charts) {
    const chart = sheet.charts.add(spec.type, sheet.getRange(spec.dataAddress), spec.seriesBy);
    chart.title.text = spec.title;
    chart.legend.position = "Bottom";
    chart.setPosition(spec.anchorTopLeft, spec.anchorBottomRight);
    // A waterfall's base: no fill (ChartFill.clear, ExcelApi 1.7). Its legend entry would show an empty
    // swatch, and hiding one entry needs ExcelApi 1.9: such a chart has no legend (its categories say it all).
    (spec.seriesColors ?? []).forEach((color, i) => {
      if (color !== null) chart.series.getItemAt(i).format.fill.setSolidColor(color);
    });
    const hidden = spec.hiddenSeries ?? [];
    for (const i of hidden) chart.series.getItemAt(i).format.fill.clear();
    if (hidden.length > 0) chart.legend.visible = false;
  }

  return {
    contentBlocks: plan.content.length,
    styleBlocks: plan.styles.length,
    names: plan.names.length,
    charts: plan.charts.length,
    pageLayout: plan.pageLayout !== null && queuePageLayout(sheet, plan.pageLayout),
    cellWrites: plan.cellWrites,
  };
}

/**
 * Queues the page setup (no sync): orientation, fit to pages, margins, centring, print area. Worksheet.pageLayout
 * is ExcelApi 1.9 and the manifest asks for 1.7, so it is used only behind isSetSupported. Returns false,
 * queueing nothing, where the host lacks ExcelApi 1.9: the sheet is then inserted as is and prints with
 * Excel's defaults (the caller says so).
 */
export function queuePageLayout(sheet: Excel.Worksheet, layout: TemplatePageLayout): boolean {
  if (
    typeof Office !== "undefined" &&
    Office.context.requirements.isSetSupported("ExcelApi", "1.9")
  ) {
    const page = sheet.pageLayout;
    page.orientation = layout.orientation;
    page.zoom = {
      horizontalFitToPages: layout.fitToPagesWide,
      verticalFitToPages: layout.fitToPagesTall,
    };
    page.centerHorizontally = layout.centerHorizontally;
    page.topMargin = layout.margins.top;
    page.bottomMargin = layout.margins.bottom;
    page.leftMargin = layout.margins.left;
    page.rightMargin = layout.margins.right;
    page.headerMargin = layout.margins.header;
    page.footerMargin = layout.margins.footer;
    page.setPrintArea(layout.printArea);
    return true;
  }
  return false;
}

/**
 * The cell storage interface behind the in-memory Excel host.
 *
 * `CellStore` is the seam between the Excel API object model (excelApi.ts and friends, which
 * implement Office.js' deferred proxy semantics) and whatever holds the workbook's content:
 *  - `MemoryCellStore` (memoryCellStore.ts): plain maps, no formula engine; a formula cell's value
 *    is whatever the optional `evaluate` hook returns (default null, i.e. unknown).
 *  - the workbench's `HyperFormulaCellStore` (src/dev/workbench/hyperFormulaStore.ts): the same
 *    interface, values computed by the engine. The interface is shaped for that: sheets have stable
 *    ids (HyperFormula renames keep formulas), writes arrive inside `batch()` (suspend/resume
 *    evaluation), named items and sheet renames are store operations (named expressions,
 *    `renameSheet`), and `evaluateFormula` computes a defined name's value.
 * This file holds only what every implementation shares: the types, Excel's defaults, the error
 * literals and how a burst of changes is coalesced.
 *
 * Coordinates are 0-based. The store trusts its caller for Excel-level validation (names, sheet
 * name rules, dimension checks); it throws a plain Error only for broken invariants (unknown
 * sheet id, duplicate name), which the API layer never lets through.
 */
import type { GridRange } from "../../model/a1";
/** A cell value as Excel reports it; errors are their literal text ("#N/A", "#DIV/0!"...). */
export type CellValue = string | number | boolean | null;

export const ERROR_VALUES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;
export type ErrorValue = (typeof ERROR_VALUES)[number];

const ERROR_SET: ReadonlySet<string> = new Set<string>(ERROR_VALUES);
export function isErrorValue(value: unknown): value is ErrorValue {
  return typeof value === "string" && ERROR_SET.has(value);
}

export interface CellContent {
  /** Constant, or the computed value of a formula (null when empty or not computed). */
  readonly value: CellValue;
  /** Formula text starting with "=", or null for a constant / empty cell. */
  readonly formula: string | null;
}

export type HorizontalAlignmentName =
  | "General"
  | "Left"
  | "Center"
  | "Right"
  | "Fill"
  | "Justify"
  | "CenterAcrossSelection"
  | "Distributed";

export interface FontFormat {
  /** "#RRGGBB", upper case. */
  readonly color: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly size: number;
  readonly name: string;
}

export interface CellFormat {
  readonly numberFormat: string;
  readonly font: FontFormat;
  /** "#RRGGBB", or null for no fill. */
  readonly fillColor: string | null;
  readonly horizontalAlignment: HorizontalAlignmentName;
  readonly wrapText: boolean;
}

export interface CellFormatPatch {
  readonly numberFormat?: string;
  readonly font?: Partial<FontFormat>;
  readonly fillColor?: string | null;
  readonly horizontalAlignment?: HorizontalAlignmentName;
  readonly wrapText?: boolean;
}

export const DEFAULT_FONT: FontFormat = Object.freeze({
  color: "#000000",
  bold: false,
  italic: false,
  size: 11,
  name: "Calibri",
});

export const DEFAULT_CELL_FORMAT: CellFormat = Object.freeze({
  numberFormat: "General",
  font: DEFAULT_FONT,
  fillColor: null,
  horizontalAlignment: "General",
  wrapText: false,
});

/** Excel's defaults for a new workbook, in points (8.43 characters of Calibri 11 = 64 px = 48 pt). */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetInfo {
  /** Stable across renames and moves, like Worksheet.id. */
  readonly id: string;
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** "#RRGGBB", or "" for none. */
  readonly tabColor: string;
}

export interface NamedItemRecord {
  readonly name: string;
  /** Formula text starting with "=", e.g. "='Rent vs Build'!$C$5" or "=0.08". */
  readonly formula: string;
  readonly comment: string;
  readonly visible: boolean;
}

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type ChartSeriesByName = "Auto" | "Columns" | "Rows";

export interface ChartSource extends GridRange {
  readonly sheetId: string;
}

export interface ChartRecord {
  readonly id: string;
  /** The sheet the chart sits on. */
  readonly sheetId: string;
  readonly name: string;
  /** An Excel.ChartType value, e.g. "ColumnClustered", "Line". */
  readonly chartType: string;
  /** The source data; may be on another sheet than the chart. */
  readonly source: ChartSource;
  readonly seriesBy: ChartSeriesByName;
  readonly title: { readonly text: string; readonly visible: boolean };
  readonly categoryAxisTitle: string;
  readonly valueAxisTitle: string;
  readonly legend: { readonly visible: boolean; readonly position: string };
  /**
   * Fill of each series by its index (ChartSeries.format.fill): "none" after clear(), "#RRGGBB" after
   * setSolidColor; an index absent (or the whole list) = Excel's automatic color.
   */
  readonly seriesFills?: readonly SeriesFill[];
  /** Position and size in points. */
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

/** A chart series' fill: Excel's automatic color, none (cleared), or a solid color. */
export type SeriesFill = "automatic" | "none" | `#${string}`;

export type ChartPatch = Partial<Omit<ChartRecord, "id" | "sheetId">>;

export type PageOrientationName = "Portrait" | "Landscape";

/**
 * How a sheet prints (Worksheet.pageLayout, ExcelApi 1.9): the part the host models. Margins in points.
 * Zoom is either a scale (percent) or fit-to-pages; the one not in use is null.
 */
export interface PageLayoutRecord {
  readonly orientation: PageOrientationName;
  readonly zoom: {
    readonly scale: number | null;
    readonly horizontalFitToPages: number | null;
    readonly verticalFitToPages: number | null;
  };
  readonly centerHorizontally: boolean;
  readonly centerVertically: boolean;
  readonly margins: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
    readonly header: number;
    readonly footer: number;
  };
  /** The print area on the sheet, or null (Excel prints the used range). */
  readonly printArea: GridRange | null;
}

/** A new sheet's page setup in Excel: portrait, 100 %, "Normal" margins (0.75 in / 0.7 in, 0.3 in). */
export const DEFAULT_PAGE_LAYOUT: PageLayoutRecord = Object.freeze({
  orientation: "Portrait",
  zoom: Object.freeze({ scale: 100, horizontalFitToPages: null, verticalFitToPages: null }),
  centerHorizontally: false,
  centerVertically: false,
  margins: Object.freeze({
    top: 54,
    bottom: 54,
    left: 50.4,
    right: 50.4,
    header: 21.6,
    footer: 21.6,
  }),
  printArea: null,
});

export type StoreChange =
  | { readonly kind: "cells"; readonly sheetId: string; readonly range: GridRange }
  | { readonly kind: "format"; readonly sheetId: string; readonly range: GridRange }
  | { readonly kind: "layout"; readonly sheetId: string }
  | { readonly kind: "sheets" }
  | { readonly kind: "names" }
  | { readonly kind: "settings" }
  | { readonly kind: "charts"; readonly sheetId: string }
  | { readonly kind: "selection" };

export type StoreListener = (changes: readonly StoreChange[]) => void;

/** The workbook's selection: one area, or several (RangeAreas.select, ExcelApi 1.18), all on one sheet. */
export interface SelectionRecord {
  readonly sheetId: string;
  /** The first area; its top-left cell is the active cell. */
  readonly range: GridRange;
  /** Every selected area, `range` first (length 1 for a plain selection). */
  readonly areas: readonly GridRange[];
}

export interface CellStore {
  /**
   * Application.calculate: recompute every formula, custom functions included (a store with a formula
   * engine implements it; without one there is nothing to recompute).
   */
  recalculate?(): void;
  // --- sheets (list order = tab order = Worksheet.position) ---
  listSheets(): readonly SheetInfo[];
  getSheet(sheetId: string): SheetInfo | undefined;
  /** Case-insensitive, as Excel matches sheet names. */
  findSheetByName(name: string): SheetInfo | undefined;
  /** Appends (or inserts at `position`) a sheet; the caller has validated the name. */
  addSheet(name: string, position?: number): SheetInfo;
  /** Renames and rewrites every formula and defined name that referred to the old name. */
  renameSheet(sheetId: string, newName: string): void;
  /** Removes the sheet, its cells and charts; references to it elsewhere become #REF!. */
  removeSheet(sheetId: string): void;
  moveSheet(sheetId: string, position: number): void;
  /**
   * Worksheet.copy (ExcelApi 1.10): a new sheet `name` at `position` holding the source's cells as written
   * (formulas as text, not values; a spill is its anchor's formula), formats, column widths, row heights
   * and tab color, and a copy of each of its charts (a chart plotting the source sheet plots the copy).
   * The caller has validated the name; workbook names are not copied (see README, "Simplified").
   */
  copySheet(sheetId: string, name: string, position: number): SheetInfo;
  setSheetVisibility(sheetId: string, visibility: SheetVisibility): void;
  setTabColor(sheetId: string, color: string): void;
  getActiveSheetId(): string | null;
  setActiveSheetId(sheetId: string): void;
  getSelection(): SelectionRecord | null;
  /** Selects `range`, and with `otherAreas` several areas at once (as RangeAreas.select does). */
  setSelection(sheetId: string, range: GridRange, otherAreas?: readonly GridRange[]): void;

  // --- cells ---
  getCell(sheetId: string, row: number, col: number): CellContent;
  /** A constant (null clears the cell's content). */
  setValue(sheetId: string, row: number, col: number, value: CellValue): void;
  /** A formula, text starting with "=". */
  setFormula(sheetId: string, row: number, col: number, formula: string): void;
  getFormat(sheetId: string, row: number, col: number): CellFormat;
  setFormat(sheetId: string, row: number, col: number, patch: CellFormatPatch): void;
  clearFormat(sheetId: string, row: number, col: number): void;
  getColumnWidth(sheetId: string, col: number): number;
  setColumnWidth(sheetId: string, col: number, width: number): void;
  getRowHeight(sheetId: string, row: number): number;
  setRowHeight(sheetId: string, row: number, height: number): void;
  /** The sheet's page setup (DEFAULT_PAGE_LAYOUT until set). */
  getPageLayout(sheetId: string): PageLayoutRecord;
  setPageLayout(sheetId: string, patch: Partial<PageLayoutRecord>): void;
  /** Bounding box of non-empty cells (and, unless valuesOnly, formatted cells); null if none. */
  getUsedBounds(sheetId: string, valuesOnly: boolean): GridRange | null;
  /**
   * The range the formula at (row, col) spills into, anchor included (Range.getSpillingToRange); null
   * when the cell holds no formula or its result does not spill (a store without an engine never spills).
   */
  getSpillRange(sheetId: string, row: number, col: number): GridRange | null;
  /** Evaluates a formula outside any cell (a defined name's value); null when unknown. */
  evaluateFormula(formula: string): CellValue;

  // --- defined names (workbook scope), matched case-insensitively ---
  listNames(): readonly NamedItemRecord[];
  getName(name: string): NamedItemRecord | undefined;
  addName(record: NamedItemRecord): void;
  updateName(name: string, patch: Partial<Omit<NamedItemRecord, "name">>): void;
  removeName(name: string): void;

  // --- document settings (Office's per-document key/value store) ---
  listSettings(): ReadonlyArray<{ readonly key: string; readonly value: JsonValue }>;
  getSetting(key: string): JsonValue | undefined;
  setSetting(key: string, value: JsonValue): void;
  removeSetting(key: string): void;

  // --- charts ---
  listCharts(sheetId?: string): readonly ChartRecord[];
  getChart(chartId: string): ChartRecord | undefined;
  addChart(record: Omit<ChartRecord, "id">): ChartRecord;
  updateChart(chartId: string, patch: ChartPatch): void;
  removeChart(chartId: string): void;

  // --- batching and change notification ---
  /** Runs `fn` as one unit: an engine may defer recalculation; listeners hear once, after. */
  batch<T>(fn: () => T): T;
  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: StoreListener): () => void;
}

/** The bounding box of two ranges. */
export function unionRange(a: GridRange, b: GridRange): GridRange {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  const bottom = Math.max(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.max(a.col + a.colCount, b.col + b.colCount);
  return { row, col, rowCount: bottom - row, colCount: right - col };
}

/**
 * Merges a burst of changes: one bounding box per sheet and kind, one event per other kind.
 * Shared by every CellStore implementation so listeners hear the same shape of batch.
 */
export function coalesceChanges(changes: readonly StoreChange[]): StoreChange[] {
  const out: StoreChange[] = [];
  const rangeIndex = new Map<string, number>();
  const seen = new Set<string>();
  for (const change of changes) {
    if (change.kind === "cells" || change.kind === "format") {
      const key = `${change.kind}|${change.sheetId}`;
      const at = rangeIndex.get(key);
      const prev = at === undefined ? undefined : out[at];
      if (at !== undefined && prev !== undefined && prev.kind === change.kind) {
        out[at] = {
          kind: change.kind,
          sheetId: change.sheetId,
          range: unionRange(prev.range, change.range),
        };
      } else {
        rangeIndex.set(key, out.length);
        out.push(change);
      }
      continue;
    }
    const key = "sheetId" in change ? `${change.kind}|${change.sheetId}` : change.kind;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(change);
    }
  }
  return out;
}

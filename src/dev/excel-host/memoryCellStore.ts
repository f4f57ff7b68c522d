/**
 * `MemoryCellStore`: the in-memory host's own CellStore (cellStore.ts has the interface). Plain maps,
 * no formula engine: a formula cell's value is whatever the optional `evaluate` hook returns (default
 * null, i.e. unknown). The workbench's HyperFormula store wraps one for everything but values.
 */
import { MAX_COLUMNS } from "../../model/a1";
import type { GridRange } from "../../model/a1";
import {
  DEFAULT_CELL_FORMAT,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FONT,
  DEFAULT_PAGE_LAYOUT,
  DEFAULT_ROW_HEIGHT,
  coalesceChanges,
  unionRange,
} from "./cellStore";
import type {
  CellContent,
  CellFormat,
  CellFormatPatch,
  CellStore,
  CellValue,
  ChartPatch,
  ChartRecord,
  FontFormat,
  HorizontalAlignmentName,
  JsonValue,
  NamedItemRecord,
  PageLayoutRecord,
  SelectionRecord,
  SheetInfo,
  SheetVisibility,
  StoreChange,
  StoreListener,
} from "./cellStore";
import { invalidateSheetInFormula, renameSheetInFormula } from "./formulaRefs";
import { checkFormulaLength, checkTextLength } from "./limits";

/** Evaluates a formula for MemoryCellStore; `at` is null for a defined name's formula. */
export type FormulaEvaluator = (
  formula: string,
  at: { readonly sheetId: string; readonly row: number; readonly col: number } | null,
  store: CellStore
) => CellValue;

export interface MemoryCellStoreOptions {
  /** Initial sheet names, in order; default ["Sheet1"] like a new Excel workbook. */
  readonly sheets?: readonly string[];
  /** Computes formula values; default: none (a formula cell's value is null). */
  readonly evaluate?: FormulaEvaluator;
}

interface StoredCell {
  value: CellValue;
  formula: string | null;
}

interface StoredFormat {
  numberFormat?: string;
  font?: Partial<FontFormat>;
  fillColor?: string | null;
  horizontalAlignment?: HorizontalAlignmentName;
  wrapText?: boolean;
}

interface SheetData {
  info: SheetInfo;
  readonly cells: Map<number, StoredCell>;
  readonly formats: Map<number, StoredFormat>;
  readonly columnWidths: Map<number, number>;
  readonly rowHeights: Map<number, number>;
  pageLayout: PageLayoutRecord;
}

const keyOf = (row: number, col: number): number => row * MAX_COLUMNS + col;
const rowOf = (key: number): number => Math.floor(key / MAX_COLUMNS);
const colOf = (key: number): number => key % MAX_COLUMNS;

function cloneJson(value: JsonValue): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, "0");
}

export class MemoryCellStore implements CellStore {
  private readonly sheets: SheetData[] = [];
  private readonly names = new Map<string, NamedItemRecord>();
  private readonly settings = new Map<string, JsonValue>();
  private readonly charts = new Map<string, ChartRecord>();
  private readonly listeners = new Set<StoreListener>();
  private readonly evaluate: FormulaEvaluator | undefined;
  private activeSheetId: string | null = null;
  private selection: SelectionRecord | null = null;
  private nextSheetNumber = 1;
  private nextChartNumber = 1;
  private batchDepth = 0;
  private pending: StoreChange[] = [];

  constructor(options: MemoryCellStoreOptions = {}) {
    this.evaluate = options.evaluate;
    for (const name of options.sheets ?? ["Sheet1"]) this.addSheet(name);
    this.pending = [];
  }

  // ---------------------------------------------------------------- sheets

  listSheets(): readonly SheetInfo[] {
    return this.sheets.map((s) => s.info);
  }

  getSheet(sheetId: string): SheetInfo | undefined {
    return this.sheets.find((s) => s.info.id === sheetId)?.info;
  }

  findSheetByName(name: string): SheetInfo | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.info.name.toLowerCase() === lower)?.info;
  }

  addSheet(name: string, position?: number): SheetInfo {
    if (this.findSheetByName(name) !== undefined) throw new Error(`Sheet already exists: ${name}`);
    const n = this.nextSheetNumber++;
    const info: SheetInfo = {
      id: `{00000000-0001-0000-${hex(n, 4)}-000000000000}`,
      name,
      visibility: "Visible",
      tabColor: "",
    };
    const data: SheetData = {
      info,
      cells: new Map(),
      formats: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      pageLayout: DEFAULT_PAGE_LAYOUT,
    };
    const at =
      position === undefined
        ? this.sheets.length
        : Math.max(0, Math.min(position, this.sheets.length));
    this.sheets.splice(at, 0, data);
    if (this.activeSheetId === null) this.activeSheetId = info.id;
    this.emit({ kind: "sheets" });
    return info;
  }

  renameSheet(sheetId: string, newName: string): void {
    const sheet = this.sheet(sheetId);
    const clash = this.findSheetByName(newName);
    if (clash !== undefined && clash.id !== sheetId)
      throw new Error(`Sheet already exists: ${newName}`);
    const oldName = sheet.info.name;
    sheet.info = { ...sheet.info, name: newName };
    this.rewriteFormulas((f) => renameSheetInFormula(f, oldName, newName));
    this.emit({ kind: "sheets" });
  }

  removeSheet(sheetId: string): void {
    const index = this.sheets.findIndex((s) => s.info.id === sheetId);
    if (index < 0) throw new Error(`Unknown sheet id: ${sheetId}`);
    const [removed] = this.sheets.splice(index, 1);
    if (removed === undefined) return;
    for (const chart of [...this.charts.values()]) {
      if (chart.sheetId === sheetId) this.charts.delete(chart.id);
    }
    this.rewriteFormulas((f) => invalidateSheetInFormula(f, removed.info.name));
    if (this.activeSheetId === sheetId) {
      const isVisible = (s: SheetData): boolean => s.info.visibility === "Visible";
      const next =
        this.sheets.slice(index).find(isVisible) ??
        this.sheets.slice(0, index).reverse().find(isVisible) ??
        this.sheets[0];
      this.activeSheetId = next?.info.id ?? null;
    }
    if (this.selection?.sheetId === sheetId) this.selection = null;
    this.emit({ kind: "sheets" });
  }

  /**
   * Gives every sheet a new id, as Excel may when the file is reopened in another session or on another
   * platform (Worksheet.id is not stable across them). Names, cells and charts stay; returns old -> new.
   * Call between hosts ("reopen"): proxies of a running Excel.run would keep the old ids.
   */
  reissueSheetIds(): ReadonlyMap<string, string> {
    const renamed = new Map<string, string>();
    for (const sheet of this.sheets) {
      const id = `{00000000-0002-0000-${hex(this.nextSheetNumber++, 4)}-000000000000}`;
      renamed.set(sheet.info.id, id);
      sheet.info = { ...sheet.info, id };
    }
    const map = (id: string): string => renamed.get(id) ?? id;
    for (const [chartId, chart] of this.charts) {
      this.charts.set(chartId, {
        ...chart,
        sheetId: map(chart.sheetId),
        source: { ...chart.source, sheetId: map(chart.source.sheetId) },
      });
    }
    if (this.activeSheetId !== null) this.activeSheetId = map(this.activeSheetId);
    if (this.selection !== null)
      this.selection = { ...this.selection, sheetId: map(this.selection.sheetId) };
    this.emit({ kind: "sheets" });
    return renamed;
  }

  moveSheet(sheetId: string, position: number): void {
    const index = this.sheets.findIndex((s) => s.info.id === sheetId);
    if (index < 0) throw new Error(`Unknown sheet id: ${sheetId}`);
    const [moved] = this.sheets.splice(index, 1);
    if (moved === undefined) return;
    this.sheets.splice(Math.max(0, Math.min(position, this.sheets.length)), 0, moved);
    this.emit({ kind: "sheets" });
  }

  copySheet(sheetId: string, name: string, position: number): SheetInfo {
    const source = this.sheet(sheetId);
    return this.batch(() => {
      const info = this.addSheet(name, position);
      const copy = this.sheet(info.id);
      for (const [key, cell] of source.cells) copy.cells.set(key, { ...cell });
      for (const [key, format] of source.formats)
        copy.formats.set(key, { ...format, ...(format.font ? { font: { ...format.font } } : {}) });
      for (const [col, width] of source.columnWidths) copy.columnWidths.set(col, width);
      for (const [row, height] of source.rowHeights) copy.rowHeights.set(row, height);
      if (source.info.tabColor !== "") copy.info = { ...copy.info, tabColor: source.info.tabColor };
      // Excel's copy keeps the page setup (a print area is on the copy: the record holds no sheet).
      copy.pageLayout = source.pageLayout;
      for (const chart of this.listCharts(sheetId)) {
        const plotsItself = chart.source.sheetId === sheetId;
        this.addChart({
          name: chart.name,
          chartType: chart.chartType,
          seriesBy: chart.seriesBy,
          title: { ...chart.title },
          categoryAxisTitle: chart.categoryAxisTitle,
          valueAxisTitle: chart.valueAxisTitle,
          legend: { ...chart.legend },
          top: chart.top,
          left: chart.left,
          width: chart.width,
          height: chart.height,
          sheetId: info.id,
          source: plotsItself ? { ...chart.source, sheetId: info.id } : chart.source,
        });
      }
      const used = this.getUsedBounds(info.id, false);
      if (used !== null) this.emit({ kind: "cells", sheetId: info.id, range: used });
      this.emit({ kind: "layout", sheetId: info.id });
      return copy.info;
    });
  }

  setSheetVisibility(sheetId: string, visibility: SheetVisibility): void {
    const sheet = this.sheet(sheetId);
    sheet.info = { ...sheet.info, visibility };
    this.emit({ kind: "sheets" });
  }

  setTabColor(sheetId: string, color: string): void {
    const sheet = this.sheet(sheetId);
    sheet.info = { ...sheet.info, tabColor: color };
    this.emit({ kind: "sheets" });
  }

  getActiveSheetId(): string | null {
    return this.activeSheetId;
  }

  setActiveSheetId(sheetId: string): void {
    this.sheet(sheetId);
    this.activeSheetId = sheetId;
    this.emit({ kind: "sheets" });
  }

  getSelection(): SelectionRecord | null {
    return this.selection;
  }

  setSelection(sheetId: string, range: GridRange, otherAreas: readonly GridRange[] = []): void {
    this.sheet(sheetId);
    const copy = (r: GridRange): GridRange => ({
      row: r.row,
      col: r.col,
      rowCount: r.rowCount,
      colCount: r.colCount,
    });
    const first = copy(range);
    this.selection = { sheetId, range: first, areas: [first, ...otherAreas.map(copy)] };
    this.emit({ kind: "selection" });
  }

  // ---------------------------------------------------------------- cells

  getCell(sheetId: string, row: number, col: number): CellContent {
    const cell = this.sheet(sheetId).cells.get(keyOf(row, col));
    if (cell === undefined) return { value: null, formula: null };
    if (cell.formula === null) return { value: cell.value, formula: null };
    const value =
      this.evaluate === undefined ? null : this.evaluate(cell.formula, { sheetId, row, col }, this);
    return { value, formula: cell.formula };
  }

  setValue(sheetId: string, row: number, col: number, value: CellValue): void {
    // Excel's limits hold for every writer of the workbook (the API, the workbench's grid, a snapshot).
    if (typeof value === "string") checkTextLength(value);
    const cells = this.sheet(sheetId).cells;
    if (value === null) cells.delete(keyOf(row, col));
    else cells.set(keyOf(row, col), { value, formula: null });
    this.emit({ kind: "cells", sheetId, range: { row, col, rowCount: 1, colCount: 1 } });
  }

  setFormula(sheetId: string, row: number, col: number, formula: string): void {
    if (!formula.startsWith("=")) throw new Error(`A formula starts with "=": ${formula}`);
    checkFormulaLength(formula);
    this.sheet(sheetId).cells.set(keyOf(row, col), { value: null, formula });
    this.emit({ kind: "cells", sheetId, range: { row, col, rowCount: 1, colCount: 1 } });
  }

  getFormat(sheetId: string, row: number, col: number): CellFormat {
    const stored = this.sheet(sheetId).formats.get(keyOf(row, col));
    if (stored === undefined) return DEFAULT_CELL_FORMAT;
    return {
      numberFormat: stored.numberFormat ?? DEFAULT_CELL_FORMAT.numberFormat,
      font: { ...DEFAULT_FONT, ...stored.font },
      fillColor: stored.fillColor === undefined ? DEFAULT_CELL_FORMAT.fillColor : stored.fillColor,
      horizontalAlignment: stored.horizontalAlignment ?? DEFAULT_CELL_FORMAT.horizontalAlignment,
      wrapText: stored.wrapText ?? DEFAULT_CELL_FORMAT.wrapText,
    };
  }

  setFormat(sheetId: string, row: number, col: number, patch: CellFormatPatch): void {
    const formats = this.sheet(sheetId).formats;
    const key = keyOf(row, col);
    const current = formats.get(key) ?? {};
    const next: StoredFormat = { ...current };
    if (patch.numberFormat !== undefined) next.numberFormat = patch.numberFormat;
    if (patch.font !== undefined) next.font = { ...current.font, ...patch.font };
    if (patch.fillColor !== undefined) next.fillColor = patch.fillColor;
    if (patch.horizontalAlignment !== undefined)
      next.horizontalAlignment = patch.horizontalAlignment;
    if (patch.wrapText !== undefined) next.wrapText = patch.wrapText;
    formats.set(key, next);
    this.emit({ kind: "format", sheetId, range: { row, col, rowCount: 1, colCount: 1 } });
  }

  clearFormat(sheetId: string, row: number, col: number): void {
    if (this.sheet(sheetId).formats.delete(keyOf(row, col))) {
      this.emit({ kind: "format", sheetId, range: { row, col, rowCount: 1, colCount: 1 } });
    }
  }

  getColumnWidth(sheetId: string, col: number): number {
    return this.sheet(sheetId).columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(sheetId: string, col: number, width: number): void {
    this.sheet(sheetId).columnWidths.set(col, width);
    this.emit({ kind: "layout", sheetId });
  }

  getRowHeight(sheetId: string, row: number): number {
    return this.sheet(sheetId).rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  setRowHeight(sheetId: string, row: number, height: number): void {
    this.sheet(sheetId).rowHeights.set(row, height);
    this.emit({ kind: "layout", sheetId });
  }

  getPageLayout(sheetId: string): PageLayoutRecord {
    return this.sheet(sheetId).pageLayout;
  }

  setPageLayout(sheetId: string, patch: Partial<PageLayoutRecord>): void {
    const sheet = this.sheet(sheetId);
    sheet.pageLayout = { ...sheet.pageLayout, ...patch };
    this.emit({ kind: "layout", sheetId });
  }

  getUsedBounds(sheetId: string, valuesOnly: boolean): GridRange | null {
    const sheet = this.sheet(sheetId);
    let bounds: GridRange | null = null;
    const include = (key: number): void => {
      const cell: GridRange = { row: rowOf(key), col: colOf(key), rowCount: 1, colCount: 1 };
      bounds = bounds === null ? cell : unionRange(bounds, cell);
    };
    for (const key of sheet.cells.keys()) include(key);
    if (!valuesOnly) for (const key of sheet.formats.keys()) include(key);
    return bounds;
  }

  /** No engine, no spills: a formula's value is at most the one the `evaluate` hook gives its cell. */
  getSpillRange(sheetId: string, row: number, col: number): GridRange | null {
    this.getCell(sheetId, row, col);
    return null;
  }

  evaluateFormula(formula: string): CellValue {
    return this.evaluate === undefined ? null : this.evaluate(formula, null, this);
  }

  // ---------------------------------------------------------------- names

  listNames(): readonly NamedItemRecord[] {
    return [...this.names.values()];
  }

  getName(name: string): NamedItemRecord | undefined {
    return this.names.get(name.toLowerCase());
  }

  addName(record: NamedItemRecord): void {
    const key = record.name.toLowerCase();
    if (this.names.has(key)) throw new Error(`Name already exists: ${record.name}`);
    this.names.set(key, { ...record });
    this.emit({ kind: "names" });
  }

  updateName(name: string, patch: Partial<Omit<NamedItemRecord, "name">>): void {
    const key = name.toLowerCase();
    const current = this.names.get(key);
    if (current === undefined) throw new Error(`Unknown name: ${name}`);
    this.names.set(key, { ...current, ...patch });
    this.emit({ kind: "names" });
  }

  removeName(name: string): void {
    if (this.names.delete(name.toLowerCase())) this.emit({ kind: "names" });
  }

  // ---------------------------------------------------------------- settings

  listSettings(): ReadonlyArray<{ readonly key: string; readonly value: JsonValue }> {
    return [...this.settings.entries()].map(([key, value]) => ({ key, value: cloneJson(value) }));
  }

  getSetting(key: string): JsonValue | undefined {
    const value = this.settings.get(key);
    return value === undefined ? undefined : cloneJson(value);
  }

  setSetting(key: string, value: JsonValue): void {
    this.settings.set(key, cloneJson(value));
    this.emit({ kind: "settings" });
  }

  removeSetting(key: string): void {
    if (this.settings.delete(key)) this.emit({ kind: "settings" });
  }

  // ---------------------------------------------------------------- charts

  listCharts(sheetId?: string): readonly ChartRecord[] {
    const all = [...this.charts.values()];
    return sheetId === undefined ? all : all.filter((c) => c.sheetId === sheetId);
  }

  getChart(chartId: string): ChartRecord | undefined {
    return this.charts.get(chartId);
  }

  addChart(record: Omit<ChartRecord, "id">): ChartRecord {
    this.sheet(record.sheetId);
    const chart: ChartRecord = {
      ...record,
      id: `{C0000000-0000-0000-0000-${hex(this.nextChartNumber++, 12)}}`,
    };
    this.charts.set(chart.id, chart);
    this.emit({ kind: "charts", sheetId: chart.sheetId });
    return chart;
  }

  updateChart(chartId: string, patch: ChartPatch): void {
    const current = this.charts.get(chartId);
    if (current === undefined) throw new Error(`Unknown chart id: ${chartId}`);
    this.charts.set(chartId, { ...current, ...patch });
    this.emit({ kind: "charts", sheetId: current.sheetId });
  }

  removeChart(chartId: string): void {
    const current = this.charts.get(chartId);
    if (current === undefined) return;
    this.charts.delete(chartId);
    this.emit({ kind: "charts", sheetId: current.sheetId });
  }

  // ---------------------------------------------------------------- batching & events

  batch<T>(fn: () => T): T {
    this.batchDepth += 1;
    try {
      return fn();
    } finally {
      this.batchDepth -= 1;
      if (this.batchDepth === 0) this.flush();
    }
  }

  onChange(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(change: StoreChange): void {
    this.pending.push(change);
    if (this.batchDepth === 0) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const changes = coalesceChanges(this.pending);
    this.pending = [];
    for (const listener of [...this.listeners]) listener(changes);
  }

  // ---------------------------------------------------------------- internals

  private sheet(sheetId: string): SheetData {
    const sheet = this.sheets.find((s) => s.info.id === sheetId);
    if (sheet === undefined) throw new Error(`Unknown sheet id: ${sheetId}`);
    return sheet;
  }

  private rewriteFormulas(rewrite: (formula: string) => string): void {
    for (const sheet of this.sheets) {
      for (const [key, cell] of sheet.cells) {
        if (cell.formula === null) continue;
        const next = rewrite(cell.formula);
        if (next !== cell.formula) {
          sheet.cells.set(key, { value: null, formula: next });
          this.emit({
            kind: "cells",
            sheetId: sheet.info.id,
            range: { row: rowOf(key), col: colOf(key), rowCount: 1, colCount: 1 },
          });
        }
      }
    }
    for (const [key, record] of this.names) {
      const next = rewrite(record.formula);
      if (next !== record.formula) {
        this.names.set(key, { ...record, formula: next });
        this.emit({ kind: "names" });
      }
    }
  }
}

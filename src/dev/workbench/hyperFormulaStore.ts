/* global console */
/**
 * A CellStore whose formulas are computed by HyperFormula: the workbook behind the workbench.
 *
 * Composition, not a second implementation: a MemoryCellStore keeps everything Excel's object
 * model reads back as written (sheets and their order, formula text as typed, constants, formats,
 * widths, names' records, settings, charts, selection), so this store behaves exactly like the one
 * the integration tests use; HyperFormula mirrors the cells, sheets and workbook names and supplies
 * the computed values (and error messages). Reading a formula cell asks HyperFormula; reading a
 * constant answers from the record (no round trip through HyperFormula's text parsing).
 *
 * Recalculation: writes inside `batch()` (one `context.sync()` of the Excel host is one batch)
 * suspend HyperFormula's evaluation; a read in the middle of a batch resumes it (a load queued after
 * a write must see the new value, as in Excel), and the end of the batch resumes it, re-sizes
 * spills that changed size, and notifies listeners once with the cells that changed, including
 * every dependent HyperFormula recalculated.
 */
import { DetailedCellError, ExportedCellChange, HyperFormula } from "hyperformula";
import type {
  CellValue as HfCellValue,
  ConfigParams,
  ExportedChange,
  FunctionPluginDefinition,
  RawCellContent,
  SimpleCellAddress,
} from "hyperformula";
import { MAX_COLUMNS, MAX_ROWS } from "../../model/a1";
import { MemoryCellStore, coalesceChanges, isErrorValue } from "../excel-host";
import type {
  GridRange,
  CellContent,
  CellFormat,
  CellFormatPatch,
  CellStore,
  CellValue,
  ChartPatch,
  ChartRecord,
  JsonValue,
  NamedItemRecord,
  PageLayoutRecord,
  SelectionRecord,
  SheetInfo,
  SheetVisibility,
  StoreChange,
  StoreListener,
} from "../excel-host";
import type { CapplanFunctionRegistry, ExcelErrorInfo } from "./capplanPlugin";
import { createCapplanPlugin, excelErrorOf } from "./capplanPlugin";
import { ExcelTextPlugin, registerExcelTextNames } from "./excelTextPlugin";
import { ExcelRankPlugin, registerExcelRankNames } from "./excelRankPlugin";

export interface HyperFormulaCellStoreOptions {
  /** Initial sheet names, in order; default ["Sheet1"] like a new Excel workbook. */
  readonly sheets?: readonly string[];
  /** The CAPPLAN functions (metadata + implementations); omit for an engine with built-ins only. */
  readonly capplan?: CapplanFunctionRegistry;
  /** More HyperFormula function plugins, for tests. */
  readonly functionPlugins?: readonly FunctionPluginDefinition[];
}

/** Re-entering spilling formulas converges in one pass; three guard against a pathological loop. */
const MAX_SETTLE_PASSES = 3;

const keyOf = (a: SimpleCellAddress): string => `${a.sheet}:${a.row}:${a.col}`;

function addressOfKey(key: string): SimpleCellAddress {
  const [sheet, row, col] = key.split(":").map(Number);
  return { sheet: sheet ?? 0, row: row ?? 0, col: col ?? 0 };
}

/** A HyperFormula value as Excel's Range.values reports it (errors as their code). */
function toCellValue(value: HfCellValue): CellValue {
  if (value instanceof DetailedCellError) return excelErrorOf(value).code;
  return value;
}

/**
 * A constant as HyperFormula must receive it. Text gets a leading apostrophe so HyperFormula
 * never re-interprets it (as a number, a date, a formula): the Excel layer already decided what
 * the typed text means. Error literals go in bare so formulas referring to them see an error.
 */
function toRawContent(value: CellValue): RawCellContent {
  if (typeof value === "string") return isErrorValue(value) ? value : `'${value}`;
  return value;
}

const WORD = /[A-Za-z0-9_.\\]/;

/**
 * Formula text as HyperFormula needs it. The stored text stays as written; only what HyperFormula
 * reads differs where its grammar does: Excel's bare TRUE / FALSE literals are functions there.
 */
export function toHyperFormulaFormula(formula: string): string {
  if (!/true|false/i.test(formula)) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? "";
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: copied as is (a doubled quote escapes).
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j += 1;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (WORD.test(ch)) {
      let j = i;
      while (j < formula.length && WORD.test(formula[j] ?? "")) j += 1;
      const word = formula.slice(i, j);
      const next = formula.slice(j).trimStart()[0];
      const literal = /^(true|false)$/i.test(word) && next !== "(" && next !== "!";
      out += literal ? `${word.toUpperCase()}()` : word;
      i = j;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

export class HyperFormulaCellStore implements CellStore {
  private readonly inner: MemoryCellStore;
  private readonly hf: HyperFormula;
  private readonly capplan: CapplanFunctionRegistry | undefined;
  /** Store sheet id -> HyperFormula sheet id, and back. */
  private readonly hfSheetOf = new Map<string, number>();
  private readonly sheetOfHf = new Map<number, string>();
  private readonly listeners = new Set<StoreListener>();
  private pending: StoreChange[] = [];
  private depth = 0;
  /** Anchors whose spill is blocked (#SPILL!): HyperFormula does not retry when the blocker goes. */
  private readonly blockedSpills = new Set<string>();
  private contentChanged = false;

  constructor(options: HyperFormulaCellStoreOptions = {}) {
    this.capplan = options.capplan;
    this.inner = new MemoryCellStore({ sheets: [] });
    registerExcelTextNames();
    registerExcelRankNames();
    const plugins: FunctionPluginDefinition[] = [
      ...HyperFormula.getAllFunctionPlugins(),
      // Later plugins win: Excel's TEXT over HyperFormula's partial one.
      ExcelTextPlugin,
      // Excel's RANK (HyperFormula has none).
      ExcelRankPlugin,
      ...(options.capplan !== undefined ? [createCapplanPlugin(options.capplan)] : []),
      ...(options.functionPlugins ?? []),
    ];
    const config: Partial<ConfigParams> = {
      licenseKey: "gpl-v3",
      // An instance-level list replaces the global registry, hence the built-ins first.
      functionPlugins: plugins,
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLUMNS,
      // Excel 365 evaluates array arithmetic everywhere and spills.
      useArrayArithmetic: true,
      // "=A1" over an empty A1 shows 0 in Excel.
      evaluateNullToZero: true,
      // Range.values returns full doubles; rounding is the number format's job.
      smartRounding: false,
    };
    this.hf = HyperFormula.buildEmpty(config);
    this.inner.onChange((changes) => {
      this.pending.push(...changes);
    });
    this.batch(() => {
      for (const name of options.sheets ?? ["Sheet1"]) this.addSheet(name);
    });
    this.pending = [];
  }

  // ---------------------------------------------------------------- beyond CellStore (the UI)

  /** The error shown in a cell, with HyperFormula's or the custom function's message; null if none. */
  getCellError(sheetId: string, row: number, col: number): ExcelErrorInfo | null {
    const { value: constant, formula } = this.inner.getCell(sheetId, row, col);
    if (formula === null && constant !== null) {
      return isErrorValue(constant) ? { code: constant, message: "" } : null;
    }
    this.ensureEvaluated();
    const value = this.hf.getCellValue(this.hfAddress(sheetId, row, col));
    return value instanceof DetailedCellError ? excelErrorOf(value) : null;
  }

  /** What was written to the cell (formula text or constant), ignoring spilled values. */
  getCellContent(sheetId: string, row: number, col: number): CellContent {
    return this.inner.getCell(sheetId, row, col);
  }

  /**
   * A full recalculation, like Excel's Ctrl+Alt+F9: custom functions run again (e.g. after the task
   * pane changed the active library, or once the functions have been associated).
   */
  recalculate(): void {
    this.batch(() => {
      this.hf.rebuildAndRecalculate();
      // A rebuild numbers HyperFormula's sheets afresh; find them again by name.
      this.hfSheetOf.clear();
      this.sheetOfHf.clear();
      for (const sheet of this.inner.listSheets()) {
        const id = this.hf.getSheetId(sheet.name);
        if (id !== undefined) this.mapSheet(sheet.id, id);
      }
      this.blockedSpills.clear();
      this.contentChanged = true;
      for (const sheet of this.inner.listSheets()) {
        const used = this.getUsedBounds(sheet.id, true);
        if (used !== null) this.pending.push({ kind: "cells", sheetId: sheet.id, range: used });
      }
    });
  }

  // ---------------------------------------------------------------- sheets

  listSheets(): readonly SheetInfo[] {
    return this.inner.listSheets();
  }

  getSheet(sheetId: string): SheetInfo | undefined {
    return this.inner.getSheet(sheetId);
  }

  findSheetByName(name: string): SheetInfo | undefined {
    return this.inner.findSheetByName(name);
  }

  addSheet(name: string, position?: number): SheetInfo {
    return this.write(() => {
      const info = this.inner.addSheet(name, position);
      const hfName = this.hf.addSheet(name);
      const hfId = this.hf.getSheetId(hfName);
      if (hfId === undefined) throw new Error(`HyperFormula did not add sheet ${name}`);
      this.mapSheet(info.id, hfId);
      return info;
    });
  }

  renameSheet(sheetId: string, newName: string): void {
    this.write(() => {
      this.inner.renameSheet(sheetId, newName);
      this.hf.renameSheet(this.hfSheet(sheetId), newName);
    });
  }

  removeSheet(sheetId: string): void {
    this.write(() => {
      const hfId = this.hfSheet(sheetId);
      this.inner.removeSheet(sheetId);
      this.hf.removeSheet(hfId);
      this.hfSheetOf.delete(sheetId);
      this.sheetOfHf.delete(hfId);
      for (const key of [...this.blockedSpills]) {
        if (addressOfKey(key).sheet === hfId) this.blockedSpills.delete(key);
      }
    });
  }

  moveSheet(sheetId: string, position: number): void {
    this.write(() => this.inner.moveSheet(sheetId, position));
  }

  /** The record copies everything (MemoryCellStore.copySheet); HyperFormula gets the new sheet's cells. */
  copySheet(sheetId: string, name: string, position: number): SheetInfo {
    return this.write(() => {
      this.hfSheet(sheetId);
      const info = this.inner.copySheet(sheetId, name, position);
      const hfName = this.hf.addSheet(name);
      const hfId = this.hf.getSheetId(hfName);
      if (hfId === undefined) throw new Error(`HyperFormula did not add sheet ${name}`);
      this.mapSheet(info.id, hfId);
      const used = this.inner.getUsedBounds(info.id, true);
      if (used !== null) {
        for (let row = used.row; row < used.row + used.rowCount; row++) {
          for (let col = used.col; col < used.col + used.colCount; col++) {
            const { value, formula } = this.inner.getCell(info.id, row, col);
            if (formula === null && value === null) continue;
            this.hf.setCellContents(
              { sheet: hfId, row, col },
              formula !== null ? toHyperFormulaFormula(formula) : toRawContent(value)
            );
          }
        }
      }
      this.contentChanged = true;
      return info;
    });
  }

  setSheetVisibility(sheetId: string, visibility: SheetVisibility): void {
    this.write(() => this.inner.setSheetVisibility(sheetId, visibility));
  }

  setTabColor(sheetId: string, color: string): void {
    this.write(() => this.inner.setTabColor(sheetId, color));
  }

  getActiveSheetId(): string | null {
    return this.inner.getActiveSheetId();
  }

  setActiveSheetId(sheetId: string): void {
    this.write(() => this.inner.setActiveSheetId(sheetId));
  }

  getSelection(): SelectionRecord | null {
    return this.inner.getSelection();
  }

  setSelection(sheetId: string, range: GridRange, otherAreas?: readonly GridRange[]): void {
    this.write(() => this.inner.setSelection(sheetId, range, otherAreas));
  }

  // ---------------------------------------------------------------- cells

  getCell(sheetId: string, row: number, col: number): CellContent {
    const { value: constant, formula } = this.inner.getCell(sheetId, row, col);
    if (formula === null && constant !== null) return { value: constant, formula };
    this.ensureEvaluated();
    const value = toCellValue(this.hf.getCellValue(this.hfAddress(sheetId, row, col)));
    return { value, formula };
  }

  setValue(sheetId: string, row: number, col: number, value: CellValue): void {
    this.write(() => {
      this.inner.setValue(sheetId, row, col, value);
      this.hf.setCellContents(this.hfAddress(sheetId, row, col), toRawContent(value));
      this.contentChanged = true;
    });
  }

  setFormula(sheetId: string, row: number, col: number, formula: string): void {
    this.write(() => {
      this.inner.setFormula(sheetId, row, col, formula);
      this.hf.setCellContents(this.hfAddress(sheetId, row, col), toHyperFormulaFormula(formula));
      this.contentChanged = true;
    });
  }

  getFormat(sheetId: string, row: number, col: number): CellFormat {
    return this.inner.getFormat(sheetId, row, col);
  }

  setFormat(sheetId: string, row: number, col: number, patch: CellFormatPatch): void {
    this.write(() => this.inner.setFormat(sheetId, row, col, patch));
  }

  clearFormat(sheetId: string, row: number, col: number): void {
    this.write(() => this.inner.clearFormat(sheetId, row, col));
  }

  getColumnWidth(sheetId: string, col: number): number {
    return this.inner.getColumnWidth(sheetId, col);
  }

  setColumnWidth(sheetId: string, col: number, width: number): void {
    this.write(() => this.inner.setColumnWidth(sheetId, col, width));
  }

  getRowHeight(sheetId: string, row: number): number {
    return this.inner.getRowHeight(sheetId, row);
  }

  setRowHeight(sheetId: string, row: number, height: number): void {
    this.write(() => this.inner.setRowHeight(sheetId, row, height));
  }

  getPageLayout(sheetId: string): PageLayoutRecord {
    return this.inner.getPageLayout(sheetId);
  }

  setPageLayout(sheetId: string, patch: Partial<PageLayoutRecord>): void {
    this.write(() => this.inner.setPageLayout(sheetId, patch));
  }

  /** As MemoryCellStore's, extended to the bottom-right of spilled values. */
  getUsedBounds(sheetId: string, valuesOnly: boolean): GridRange | null {
    const bounds = this.inner.getUsedBounds(sheetId, valuesOnly);
    if (bounds === null) return null;
    this.ensureEvaluated();
    const { width, height } = this.hf.getSheetDimensions(this.hfSheet(sheetId));
    const bottom = Math.max(bounds.row + bounds.rowCount, height);
    const right = Math.max(bounds.col + bounds.colCount, width);
    return {
      row: bounds.row,
      col: bounds.col,
      rowCount: bottom - bounds.row,
      colCount: right - bounds.col,
    };
  }

  /** The spill of a formula cell: HyperFormula's array at that corner, unless it is an error (#SPILL!). */
  getSpillRange(sheetId: string, row: number, col: number): GridRange | null {
    if (this.inner.getCell(sheetId, row, col).formula === null) return null;
    this.ensureEvaluated();
    const address = this.hfAddress(sheetId, row, col);
    if (this.hf.getCellValue(address) instanceof DetailedCellError) return null;
    const array = this.hf.arrayMapping.getArrayByCorner(address);
    if (array === undefined || (array.width <= 1 && array.height <= 1)) return null;
    return { row, col, rowCount: array.height, colCount: array.width };
  }

  evaluateFormula(formula: string): CellValue {
    const first = this.inner.listSheets()[0];
    if (first === undefined) return null;
    this.ensureEvaluated();
    try {
      const value = this.hf.calculateFormula(formula, this.hfSheet(first.id));
      return toCellValue(Array.isArray(value) ? (value[0]?.[0] ?? null) : value);
    } catch {
      // Not a formula HyperFormula can parse: "unknown", as MemoryCellStore without an engine.
      return null;
    }
  }

  // ---------------------------------------------------------------- names

  listNames(): readonly NamedItemRecord[] {
    return this.inner.listNames();
  }

  getName(name: string): NamedItemRecord | undefined {
    return this.inner.getName(name);
  }

  addName(record: NamedItemRecord): void {
    this.write(() => {
      this.inner.addName(record);
      this.syncNamedExpression(record.name, record.formula);
    });
  }

  updateName(name: string, patch: Partial<Omit<NamedItemRecord, "name">>): void {
    this.write(() => {
      this.inner.updateName(name, patch);
      if (patch.formula !== undefined) this.syncNamedExpression(name, patch.formula);
    });
  }

  removeName(name: string): void {
    this.write(() => {
      this.inner.removeName(name);
      if (this.hf.getNamedExpression(name) !== undefined) this.hf.removeNamedExpression(name);
    });
  }

  // ---------------------------------------------------------------- settings

  listSettings(): ReadonlyArray<{ readonly key: string; readonly value: JsonValue }> {
    return this.inner.listSettings();
  }

  getSetting(key: string): JsonValue | undefined {
    return this.inner.getSetting(key);
  }

  setSetting(key: string, value: JsonValue): void {
    this.write(() => this.inner.setSetting(key, value));
  }

  removeSetting(key: string): void {
    this.write(() => this.inner.removeSetting(key));
  }

  // ---------------------------------------------------------------- charts

  listCharts(sheetId?: string): readonly ChartRecord[] {
    return this.inner.listCharts(sheetId);
  }

  getChart(chartId: string): ChartRecord | undefined {
    return this.inner.getChart(chartId);
  }

  addChart(record: Omit<ChartRecord, "id">): ChartRecord {
    return this.write(() => this.inner.addChart(record));
  }

  updateChart(chartId: string, patch: ChartPatch): void {
    this.write(() => this.inner.updateChart(chartId, patch));
  }

  removeChart(chartId: string): void {
    this.write(() => this.inner.removeChart(chartId));
  }

  // ---------------------------------------------------------------- batching & events

  batch<T>(fn: () => T): T {
    this.depth += 1;
    try {
      return fn();
    } finally {
      this.depth -= 1;
      if (this.depth === 0) this.finish();
    }
  }

  onChange(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  // ---------------------------------------------------------------- internals

  /** Every mutation: inside a batch, with HyperFormula's evaluation suspended until it ends. */
  private write<T>(fn: () => T): T {
    return this.batch(() => {
      if (!this.hf.isEvaluationSuspended()) this.hf.suspendEvaluation();
      return fn();
    });
  }

  /** A read in the middle of a batch must see the batch's writes so far. */
  private ensureEvaluated(): void {
    if (this.hf.isEvaluationSuspended()) this.settle();
  }

  private finish(): void {
    this.settle();
    if (this.pending.length === 0) return;
    const changes = coalesceChanges(this.pending);
    this.pending = [];
    for (const listener of [...this.listeners]) {
      try {
        listener(changes);
      } catch (error) {
        // A failing view must not leave the workbook half-notified.
        console.error("A workbook change listener failed", error);
      }
    }
  }

  /** Resumes evaluation, then re-enters formulas whose spill changed size or may now fit. */
  private settle(): void {
    if (this.hf.isEvaluationSuspended()) this.collect(this.hf.resumeEvaluation());
    for (let pass = 0; pass < MAX_SETTLE_PASSES; pass++) {
      const keys = new Set<string>((this.capplan?.drainResizeRequests() ?? []).map(keyOf));
      if (this.contentChanged) {
        // A write may have cleared what blocked a spill: Excel spills again, HyperFormula needs asking.
        for (const key of this.blockedSpills) keys.add(key);
        this.contentChanged = false;
      }
      if (keys.size === 0) return;
      this.hf.suspendEvaluation();
      for (const key of keys) {
        const address = addressOfKey(key);
        const sheetId = this.sheetOfHf.get(address.sheet);
        const formula =
          sheetId === undefined
            ? null
            : this.inner.getCell(sheetId, address.row, address.col).formula;
        if (formula !== null) this.hf.setCellContents(address, toHyperFormulaFormula(formula));
      }
      this.collect(this.hf.resumeEvaluation());
    }
  }

  /** HyperFormula's changed values -> "cells" changes; remembers blocked spills. */
  private collect(changes: readonly ExportedChange[]): void {
    for (const change of changes) {
      if (!(change instanceof ExportedCellChange)) continue;
      const sheetId = this.sheetOfHf.get(change.sheet);
      if (sheetId === undefined) continue;
      const key = keyOf(change.address);
      const value = change.newValue;
      if (value instanceof DetailedCellError && value.type === "SPILL") this.blockedSpills.add(key);
      else this.blockedSpills.delete(key);
      this.pending.push({
        kind: "cells",
        sheetId,
        range: { row: change.row, col: change.col, rowCount: 1, colCount: 1 },
      });
    }
  }

  private syncNamedExpression(name: string, text: string): void {
    const formula = toHyperFormulaFormula(text);
    try {
      if (this.hf.getNamedExpression(name) !== undefined) {
        this.hf.changeNamedExpression(name, formula);
      } else if (this.hf.isItPossibleToAddNamedExpression(name, formula)) {
        this.hf.addNamedExpression(name, formula);
      }
      // Otherwise HyperFormula's name rules refuse it: the record stays (Excel accepted it) and
      // formulas using it show #NAME?.
    } catch (error) {
      console.warn(`HyperFormula could not define the name ${name}`, error);
    }
  }

  private mapSheet(sheetId: string, hfId: number): void {
    this.hfSheetOf.set(sheetId, hfId);
    this.sheetOfHf.set(hfId, sheetId);
  }

  private hfSheet(sheetId: string): number {
    const id = this.hfSheetOf.get(sheetId);
    if (id === undefined) throw new Error(`Unknown sheet id: ${sheetId}`);
    return id;
  }

  private hfAddress(sheetId: string, row: number, col: number): SimpleCellAddress {
    return { sheet: this.hfSheet(sheetId), row, col };
  }
}

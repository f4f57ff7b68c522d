/* global window, Window */
/**
 * `window.capplanWorkbench`: the workbench's test API, a contract with its automation (tests/e2e,
 * scripts/bench.ts) documented in README.md ("Test API"). Change a member here and there together.
 *
 * It is published before anything else exists, so a driver can await `ready` as soon as the page
 * loads; every other member throws until the workbench has started (see publishTestApi).
 */
import { quoteSheetName } from "../../model/a1";
import { parseAddress, readChartData } from "../excel-host";
import type { ChartData, MemoryExcelStats } from "../excel-host";
import { timeRecalc } from "../../../scripts/bench/recalcTiming";
import type { RecalcTiming } from "../../../scripts/bench/recalcTiming";
import type { ExcelErrorInfo } from "./capplanPlugin";
import { deferred } from "./deferred";
// Types only: the export module itself is loaded on demand (a separate chunk with exceljs).
import type { ExportOptions } from "./exportXlsx";
import { writeTyped } from "./grid";
import type { HyperFormulaCellStore } from "./hyperFormulaStore";
import { formatCellValue } from "./numberFormat";
import type { WorkbenchPage } from "./page";

export type { RecalcTiming };

export interface WorkbenchCell {
  readonly value: string | number | boolean | null;
  /** The formula as written, or null for a constant, an empty or a spilled cell. */
  readonly formula: string | null;
  /** What the grid shows (number format applied). */
  readonly text: string;
  readonly error?: ExcelErrorInfo;
}

export interface WorkbenchChart {
  readonly name: string;
  readonly title: string;
  readonly type: string;
  readonly data: ChartData;
}

export interface CapplanWorkbenchApi {
  /** Resolves when the grid, the task pane and every CAPPLAN function are loaded. */
  readonly ready: Promise<void>;
  /** The task pane iframe's window (null before it exists). */
  readonly pane: Window | null;
  setCell(
    sheet: string,
    address: string,
    valueOrFormula: string | number | boolean | null
  ): WorkbenchCell;
  getCell(sheet: string, address: string): WorkbenchCell;
  /** Sheet names in tab order (hidden ones included). */
  sheets(): string[];
  activeSheet(): string | null;
  activateSheet(sheet: string): void;
  select(sheet: string, address: string): void;
  names(): Array<{ readonly name: string; readonly formula: string }>;
  charts(sheet: string): WorkbenchChart[];
  /** The task pane's Excel host: round trips and cell writes so far. */
  stats(): {
    readonly syncCount: number;
    readonly writeCount: number;
    readonly syncs: MemoryExcelStats["syncs"];
  };
  resetStats(): void;
  /** Full recalculation (Ctrl+Alt+F9): custom functions run again. */
  recalculate(): void;
  /** Builds a sheet of `n` CAPPLAN formulas and `n` native twins and times a recalculation of each. */
  recalcTime(n: number): RecalcTiming;
  save(): void;
  /** New blank workbook, saved copy forgotten, task pane reloaded; resolves when ready again. */
  reset(): Promise<void>;
  /**
   * `{ capplan: "values" }`: CAPPLAN cells as values with a note (the "Export values .xlsx" button);
   * `{ capplan: "frozen" }`: as the sidebar's Freeze for sharing (the "Export frozen .xlsx" button).
   */
  exportXlsx(options?: ExportOptions): Promise<Uint8Array<ArrayBuffer>>;
}

/** What the bootstrap does with the published API: settle `ready`, and attach the members. */
export interface PublishedTestApi {
  /** Installs the members; until then only `ready` and `pane` (null) answer. */
  attach(api: CapplanWorkbenchApi): void;
  resolve(): void;
  reject(error: Error): void;
  readonly ready: Promise<void>;
}

/** Publishes `window.capplanWorkbench` at once (a proxy), so automation can await `ready` first. */
export function publishTestApi(): PublishedTestApi {
  const ready = deferred<void>();
  let api: CapplanWorkbenchApi | null = null;
  const proxy = new Proxy({} as CapplanWorkbenchApi, {
    get(_target, key: string | symbol): unknown {
      if (key === "ready") return ready.promise;
      if (api === null) {
        if (key === "pane") return null;
        throw new Error("capplanWorkbench is still starting: await capplanWorkbench.ready first");
      }
      return (api as unknown as Record<string | symbol, unknown>)[key];
    },
  });
  (window as unknown as Record<string, unknown>).capplanWorkbench = proxy;
  return {
    attach: (members) => {
      api = members;
    },
    resolve: () => ready.resolve(),
    reject: (error) => ready.reject(error),
    ready: ready.promise,
  };
}

function sheetIdOf(store: HyperFormulaCellStore, sheet: string): string {
  const info = store.findSheetByName(sheet);
  if (info === undefined)
    throw new Error(
      `No sheet named "${sheet}" (sheets: ${store
        .listSheets()
        .map((s) => s.name)
        .join(", ")})`
    );
  return info.id;
}

function cellOf(store: HyperFormulaCellStore, sheet: string, address: string): WorkbenchCell {
  const id = sheetIdOf(store, sheet);
  const { range } = parseAddress(address);
  const { value, formula } = store.getCell(id, range.row, range.col);
  const error = store.getCellError(id, range.row, range.col);
  const text = formatCellValue(value, store.getFormat(id, range.row, range.col).numberFormat).text;
  return error === null ? { value, formula, text } : { value, formula, text, error };
}

/** The test API over a started page: reads go to the store, and writes repaint before they return. */
export function createTestApi(
  page: WorkbenchPage,
  store: HyperFormulaCellStore,
  ready: Promise<void>
): CapplanWorkbenchApi {
  return {
    ready,
    get pane() {
      return page.paneWindow;
    },
    setCell(sheet, address, valueOrFormula) {
      const id = sheetIdOf(store, sheet);
      const { range } = parseAddress(address);
      writeTyped(store, id, range.row, range.col, valueOrFormula);
      page.flush();
      return cellOf(store, sheet, address);
    },
    getCell: (sheet, address) => cellOf(store, sheet, address),
    sheets: () => store.listSheets().map((s) => s.name),
    activeSheet: () => {
      const id = store.getActiveSheetId();
      return id === null ? null : (store.getSheet(id)?.name ?? null);
    },
    activateSheet(sheet) {
      store.setActiveSheetId(sheetIdOf(store, sheet));
      page.flush();
    },
    select(sheet, address) {
      page.goTo(`${quoteSheetName(sheet)}!${address}`);
    },
    names: () => store.listNames().map((n) => ({ name: n.name, formula: n.formula })),
    charts: (sheet) =>
      store.listCharts(sheetIdOf(store, sheet)).map((chart) => ({
        name: chart.name,
        title: chart.title.text,
        type: chart.chartType,
        data: readChartData(store, chart),
      })),
    stats() {
      const s = page.stats();
      return {
        syncCount: s?.syncCount ?? 0,
        writeCount: s?.writeCount ?? 0,
        syncs: s?.syncs ?? [],
      };
    },
    resetStats: () => page.stats()?.reset(),
    recalculate() {
      store.recalculate();
      page.flush();
    },
    recalcTime: (n) => timeRecalc(store, n),
    save: () => page.save(),
    reset: () => page.reset(),
    exportXlsx: (options?: ExportOptions) => page.exportBytes(options),
  };
}

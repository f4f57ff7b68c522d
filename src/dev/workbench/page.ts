/* global document, window, localStorage, URLSearchParams, performance, Blob, URL, HTMLElement, HTMLButtonElement, HTMLIFrameElement, HTMLInputElement, HTMLSelectElement, Window, setTimeout, requestAnimationFrame */
/**
 * The workbench's page chrome (/workbench.html): the grid, the sheet tabs, the Name Box, the formula
 * bar, the toolbar (save, reset, recalculate, export) and the task pane iframe, over a HyperFormula
 * store. workbench.ts starts it; testApi.ts drives it for automation.
 */
import { cellAddress, rangeAddress } from "../../model/a1";
import { readChartData, tryParseAddress } from "../excel-host";
import type { MemoryExcelStats, StoreChange } from "../excel-host";
import type { WorkbenchBridge } from "./bridge";
import type { CapplanFunctionRegistry } from "./capplanPlugin";
import { renderChart } from "./chart";
import { deferred } from "./deferred";
// Types only: the export module itself is loaded on demand (a separate chunk with exceljs).
import type { ExportOptions } from "./exportXlsx";
import { PX_PER_PT, SheetGrid, editText } from "./grid";
import type { HyperFormulaCellStore } from "./hyperFormulaStore";
import { captureSnapshot, parseSnapshot, restoreSnapshot } from "./snapshot";

const SAVE_KEY = "capplan-workbench:workbook";

function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`workbench.html lacks #${id}`);
  return el;
}

/** workbench.html?pane=closed: functions.js runs without taskpane.js (see loadPane). */
export function paneClosed(): boolean {
  return new URLSearchParams(window.location.search).get("pane") === "closed";
}

export class WorkbenchPage {
  private readonly status = byId("wb-status", HTMLElement);
  private readonly nameBox = byId("wb-namebox", HTMLInputElement);
  private readonly namesSelect = byId("wb-names", HTMLSelectElement);
  private readonly formulaBar = byId("wb-formula", HTMLInputElement);
  private readonly cellError = byId("wb-cell-error", HTMLElement);
  private readonly tabs = byId("wb-tabs", HTMLElement);
  private readonly frame = byId("wb-pane", HTMLIFrameElement);
  private readonly grid: SheetGrid;
  private paneStats: MemoryExcelStats | null = null;
  private paneReady = deferred<void>();
  private scheduled = false;
  private dirty = { cells: false, sheets: false, names: false, charts: false, selection: false };

  constructor(
    private readonly store: HyperFormulaCellStore,
    private readonly registry: CapplanFunctionRegistry
  ) {
    this.grid = new SheetGrid(
      store,
      {
        onSelectionChange: () => this.showSelection(),
        onMessage: (text) => this.say(text),
      },
      byId("wb-tooltip", HTMLElement)
    );
    byId("wb-grid-host", HTMLElement).appendChild(this.grid.element);
    store.onChange((changes) => this.onStoreChange(changes));
    this.wireToolbar();
    this.wireFormulaBar();
    this.renderAll();
  }

  // ---------------------------------------------------------------- the task pane

  bridge(): WorkbenchBridge {
    return {
      store: this.store,
      associate: (id, implementation) => this.registry.associate(id, implementation),
      attachHost: (host) => {
        this.paneStats = host.stats;
      },
      paneReady: () => this.paneReady.resolve(),
    };
  }

  get paneWindow(): Window | null {
    return this.frame.contentWindow;
  }

  /**
   * (Re)loads the task pane; resolves when its Office.onReady has resolved. With ?pane=closed the iframe is
   * the shared runtime as Excel starts it with the workbook and the pane closed: functions.js alone (it
   * calls Office.onReady itself to read the workbook's settings), so what the functions do without the
   * pane can be seen and tested.
   */
  loadPane(): Promise<void> {
    this.paneReady = deferred<void>();
    const params = new URLSearchParams(window.location.search);
    // ?theme=dark on the workbench reaches the pane's Office.context.officeTheme.
    const dark = params.get("theme") === "dark";
    if (paneClosed()) {
      this.frame.title = "Capacity Planner runtime (task pane closed)";
      this.frame.hidden = true;
      this.frame.src = "workbench-functions.html";
    } else {
      this.frame.src = `workbench-taskpane.html${dark ? "?theme=dark" : ""}`;
    }
    return this.paneReady.promise;
  }

  stats(): MemoryExcelStats | null {
    return this.paneStats;
  }

  // ---------------------------------------------------------------- rendering

  private onStoreChange(changes: readonly StoreChange[]): void {
    for (const change of changes) {
      if (change.kind === "cells" || change.kind === "format" || change.kind === "layout")
        this.dirty.cells = true;
      else if (change.kind === "sheets") this.dirty.sheets = true;
      else if (change.kind === "names") this.dirty.names = true;
      else if (change.kind === "charts") this.dirty.charts = true;
      else if (change.kind === "selection") this.dirty.selection = true;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    // One repaint per frame however many syncs the add-in makes.
    requestAnimationFrame(() => this.flush());
  }

  /** Applies pending repaints now (the test API calls it so reads see a current grid). */
  flush(): void {
    this.scheduled = false;
    const d = this.dirty;
    this.dirty = { cells: false, sheets: false, names: false, charts: false, selection: false };
    if (d.sheets) {
      this.renderAll();
      // Range.select() activates its sheet (a "sheets" change) and selects in one sync: the grid,
      // still on that sheet, must take the new selection too.
      if (d.selection) {
        this.grid.syncSelectionFromStore();
        this.showSelection();
      }
      return;
    }
    if (d.cells) this.grid.refresh();
    if (d.cells || d.charts) this.renderCharts();
    if (d.names) this.renderNames();
    if (d.selection) this.grid.syncSelectionFromStore();
    if (d.cells || d.selection || d.names) this.showSelection();
  }

  renderAll(): void {
    const active = this.store.getActiveSheetId() ?? this.store.listSheets()[0]?.id;
    if (active === undefined) return;
    this.grid.show(active);
    this.renderTabs();
    this.renderNames();
    this.renderCharts();
    this.showSelection();
  }

  private renderTabs(): void {
    const active = this.store.getActiveSheetId();
    const buttons = this.store
      .listSheets()
      .filter((s) => s.visibility === "Visible")
      .map((sheet) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "wb-tab";
        button.setAttribute("role", "tab");
        button.setAttribute("aria-selected", String(sheet.id === active));
        button.tabIndex = sheet.id === active ? 0 : -1;
        button.textContent = sheet.name;
        if (sheet.tabColor !== "") button.style.borderBottomColor = sheet.tabColor;
        button.addEventListener("click", () => this.store.setActiveSheetId(sheet.id));
        button.addEventListener("keydown", (e) => {
          if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
          const sibling =
            e.key === "ArrowRight" ? button.nextElementSibling : button.previousElementSibling;
          if (sibling instanceof HTMLButtonElement) {
            sibling.focus();
            sibling.click();
          }
        });
        return button;
      });
    this.tabs.replaceChildren(...buttons);
  }

  private renderNames(): void {
    const names = this.store.listNames().filter((n) => n.visible);
    const head = document.createElement("option");
    head.value = "";
    head.textContent = names.length === 0 ? "No named ranges" : `Named ranges (${names.length})`;
    const options = names.map((n) => {
      const option = document.createElement("option");
      option.value = n.name;
      option.textContent = `${n.name}  ${n.formula}`;
      return option;
    });
    this.namesSelect.replaceChildren(head, ...options);
    this.namesSelect.value = "";
  }

  private renderCharts(): void {
    const sheetId = this.grid.currentSheetId;
    const layer = this.grid.charts;
    layer.replaceChildren();
    if (sheetId === null) return;
    const origin = this.grid.origin;
    for (const chart of this.store.listCharts(sheetId)) {
      const data = readChartData(this.store, chart);
      const first = this.store.getFormat(
        chart.source.sheetId,
        chart.source.row + 1,
        chart.source.col + 1
      );
      const svg = renderChart(chart, data, { currency: first.numberFormat.includes("$") });
      svg.style.left = `${Math.round(origin.left + chart.left * PX_PER_PT)}px`;
      svg.style.top = `${Math.round(origin.top + chart.top * PX_PER_PT)}px`;
      layer.appendChild(svg);
    }
  }

  /** Name box, formula bar and error line for the selected cell. */
  private showSelection(): void {
    const sel = this.grid.selection;
    if (sel === null) return;
    const address = cellAddress(sel.row, sel.col);
    const sheet = this.store.getSheet(sel.sheetId);
    const named = this.store.listNames().find((n) => {
      const parsed = tryParseAddress(n.formula.replace(/^=/, ""));
      return (
        parsed !== null &&
        parsed.sheet !== null &&
        sheet !== undefined &&
        parsed.sheet.toLowerCase() === sheet.name.toLowerCase() &&
        parsed.range.row === sel.row &&
        parsed.range.col === sel.col &&
        parsed.range.rowCount === 1 &&
        parsed.range.colCount === 1
      );
    });
    if (document.activeElement !== this.nameBox) this.nameBox.value = named?.name ?? address;
    if (document.activeElement !== this.formulaBar)
      this.formulaBar.value = editText(this.store, sel.sheetId, sel.row, sel.col);
    const error = this.store.getCellError(sel.sheetId, sel.row, sel.col);
    this.cellError.hidden = error === null;
    this.cellError.textContent =
      error === null
        ? ""
        : `${address}: ${error.code}${error.message === "" ? "" : ` ${error.message}`}`;
  }

  say(text: string): void {
    this.status.textContent = text;
  }

  // ---------------------------------------------------------------- navigation

  /** Goes to an address ("C5", "'Rent vs Build'!C5") or a defined name, as the Name Box does. */
  goTo(text: string): boolean {
    const trimmed = text.trim();
    if (trimmed === "") return false;
    const name = this.store.getName(trimmed);
    const target = tryParseAddress(name !== undefined ? name.formula.replace(/^=/, "") : trimmed);
    if (target === null) {
      this.say(`"${trimmed}" is neither a cell address nor a defined name.`);
      return false;
    }
    const sheet =
      target.sheet === null
        ? this.store.getSheet(this.grid.currentSheetId ?? "")
        : this.store.findSheetByName(target.sheet);
    if (sheet === undefined) {
      this.say(`No sheet named "${target.sheet ?? ""}".`);
      return false;
    }
    if (sheet.id !== this.store.getActiveSheetId()) this.store.setActiveSheetId(sheet.id);
    this.flush();
    this.store.setSelection(sheet.id, target.range);
    this.grid.select(target.range.row, target.range.col, { fromStore: true });
    this.say(`${name !== undefined ? `${name.name} = ` : ""}${rangeAddress(target.range)}`);
    return true;
  }

  private wireFormulaBar(): void {
    this.nameBox.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        if (this.goTo(this.nameBox.value)) this.grid.focus();
      } else if (e.key === "Escape") {
        this.showSelection();
        this.grid.focus();
      }
    });
    this.nameBox.addEventListener("blur", () => this.showSelection());
    this.namesSelect.addEventListener("change", () => {
      if (this.namesSelect.value !== "") this.goTo(this.namesSelect.value);
      this.namesSelect.value = "";
    });
    this.formulaBar.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        this.grid.commitText(this.formulaBar.value);
        this.grid.focus();
        this.flush();
      } else if (e.key === "Escape") {
        e.preventDefault();
        this.formulaBar.blur();
        this.showSelection();
        this.grid.focus();
      }
    });
    this.formulaBar.addEventListener("blur", () => this.showSelection());
  }

  private wireToolbar(): void {
    byId("wb-save", HTMLButtonElement).addEventListener("click", () => this.save());
    byId("wb-reset", HTMLButtonElement).addEventListener("click", () => void this.reset());
    byId("wb-recalc", HTMLButtonElement).addEventListener("click", () => {
      const t0 = performance.now();
      this.store.recalculate();
      this.say(`Recalculated in ${Math.round(performance.now() - t0)} ms.`);
    });
    byId("wb-export", HTMLButtonElement).addEventListener("click", () => void this.download({}));
    byId("wb-export-values", HTMLButtonElement).addEventListener(
      "click",
      () => void this.download({ capplan: "values" })
    );
    byId("wb-export-frozen", HTMLButtonElement).addEventListener(
      "click",
      () => void this.download({ capplan: "frozen" })
    );
  }

  // ---------------------------------------------------------------- workbook actions

  save(): void {
    const snapshot = captureSnapshot(this.store, (s, r, c) => this.store.getCellContent(s, r, c));
    try {
      localStorage.setItem(SAVE_KEY, JSON.stringify(snapshot));
      this.say(`Saved in this browser at ${new Date().toLocaleTimeString()}.`);
    } catch (error) {
      this.say(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async reset(): Promise<void> {
    localStorage.removeItem(SAVE_KEY);
    restoreSnapshot(this.store, {
      version: 1,
      sheets: [
        {
          name: "Sheet1",
          visibility: "Visible",
          tabColor: "",
          cells: [],
          formats: [],
          columnWidths: [],
          rowHeights: [],
        },
      ],
      activeSheet: "Sheet1",
      names: [],
      settings: [],
      charts: [],
    });
    this.flush();
    this.say("New blank workbook; the task pane restarted.");
    // A new workbook is a new add-in instance: the pane starts afresh over it.
    await this.loadPane();
  }

  async exportBytes(options: ExportOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
    const { exportXlsx } = await import(/* webpackChunkName: "export" */ "./exportXlsx");
    return exportXlsx(this.store, options);
  }

  private async download(options: ExportOptions): Promise<void> {
    const fileName =
      options.capplan === "values"
        ? "capacity-planner-workbench-values.xlsx"
        : options.capplan === "frozen"
          ? "capacity-planner-workbench-frozen.xlsx"
          : "capacity-planner-workbench.xlsx";
    this.say("Preparing the .xlsx…");
    try {
      const bytes = await this.exportBytes(options);
      const blob = new Blob([bytes], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      this.say(`Exported ${fileName}.`);
    } catch (error) {
      this.say(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  restoreSaved(): void {
    const saved = localStorage.getItem(SAVE_KEY);
    if (saved === null) return;
    try {
      restoreSnapshot(this.store, parseSnapshot(JSON.parse(saved)));
      this.say("Restored the workbook saved in this browser.");
    } catch (error) {
      this.say(
        `The saved workbook could not be restored (${error instanceof Error ? error.message : String(error)}); starting blank.`
      );
    }
    this.flush();
  }
}

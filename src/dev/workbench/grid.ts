/* global document, getComputedStyle, CanvasRenderingContext2D, EventTarget, HTMLTableElement, HTMLElement, HTMLInputElement, HTMLTableCellElement, KeyboardEvent, MouseEvent, FocusEvent */
/**
 * The spreadsheet grid of the active sheet: a table with sticky column and row headers, cells
 * showing computed values through their number formats, fonts, fills and widths from the store,
 * a selection, in-cell editing (type, Enter commits and moves down, Tab right, Escape cancels),
 * and error cells that explain themselves (title attribute and an accessible tooltip).
 * Cell text is only ever set with textContent.
 */
import { cellAddress, columnLetter } from "../../model/a1";
import { interpretInput, isErrorValue } from "../excel-host";
import type { GridRange, CellValue } from "../excel-host";
import type { HyperFormulaCellStore } from "./hyperFormulaStore";
import { formatCellValue, formatGeneralToWidth } from "./numberFormat";

export const PX_PER_PT = 4 / 3;
/** Rows and columns shown beyond the used range, and the most rendered (a dev tool, not Excel). */
const EXTRA_ROWS = 30;
const EXTRA_COLS = 6;
const MIN_ROWS = 60;
const MIN_COLS = 16;
const MAX_ROWS_SHOWN = 2000;
const MAX_COLS_SHOWN = 200;
const ROW_HEADER_PX = 44;
const HEADER_PX = 22;
/** Width of a digit of Calibri 11 at 96 dpi, when the font cannot be measured. */
const DIGIT_PX = 7;

export interface GridCallbacks {
  /** The selection moved (by click, keys, or the add-in's Range.select()). */
  onSelectionChange(sheetId: string, row: number, col: number): void;
  /** Something went wrong writing a cell (shown in the status bar). */
  onMessage(text: string): void;
}

export interface SelectedCell {
  readonly sheetId: string;
  readonly row: number;
  readonly col: number;
}

/** Writes typed text to a cell as Excel interprets an entry ("=..." formula, "12" number, "'12" text). */
export function writeTyped(
  store: HyperFormulaCellStore,
  sheetId: string,
  row: number,
  col: number,
  input: string | number | boolean | null
): void {
  if (input === null || typeof input !== "string") {
    store.setValue(sheetId, row, col, input);
    return;
  }
  const isText = store.getFormat(sheetId, row, col).numberFormat === "@";
  // As typed into Excel's grid: "-x" is a formula, " =x" stays text (the API host is stricter).
  const write = interpretInput(input, isText, "typed");
  if (write.kind === "formula") store.setFormula(sheetId, row, col, write.formula);
  else if (write.kind === "value") store.setValue(sheetId, row, col, write.value);
}

/** What the formula bar shows for a cell: the formula, or the constant as typed. */
export function editText(
  store: HyperFormulaCellStore,
  sheetId: string,
  row: number,
  col: number
): string {
  const content = store.getCellContent(sheetId, row, col);
  if (content.formula !== null) return content.formula;
  const v: CellValue = content.value;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** The workbook's selection when it is on `sheetId`. */
function selectionOn(store: HyperFormulaCellStore, sheetId: string): GridRange | null {
  const { sheetId: on, range } = store.getSelection() ?? { sheetId: null, range: null };
  return on === sheetId ? range : null;
}

/**
 * Rows (or columns) to show: past the used area by `extra`, through the selected index, at least
 * `min` and at most `max`.
 */
function shownCount(
  usedEnd: number,
  selected: number,
  min: number,
  extra: number,
  max: number
): number {
  return Math.min(max, Math.max(min, usedEnd + extra, selected + 1));
}

export class SheetGrid {
  readonly element: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly chartLayer: HTMLElement;
  private readonly tooltip: HTMLElement;
  private sheetId: string | null = null;
  private rows = 0;
  private cols = 0;
  private cells: HTMLTableCellElement[][] = [];
  private colPx: number[] = [];
  /** Measures text in the grid's font (null: no canvas, estimate 7 px a character). */
  private measure: CanvasRenderingContext2D | null | undefined;
  private selected: { row: number; col: number } = { row: 0, col: 0 };
  private rangeMarked: HTMLTableCellElement[] = [];
  private editor: HTMLInputElement | null = null;
  private editing: { row: number; col: number; original: string } | null = null;
  private layoutKey = "";

  constructor(
    private readonly store: HyperFormulaCellStore,
    private readonly callbacks: GridCallbacks,
    tooltip: HTMLElement
  ) {
    this.tooltip = tooltip;
    this.element = document.createElement("div");
    this.element.className = "wb-grid-scroll";
    this.table = document.createElement("table");
    this.table.className = "wb-grid";
    this.table.setAttribute("role", "grid");
    this.chartLayer = document.createElement("div");
    this.chartLayer.className = "wb-chart-layer";
    this.element.append(this.table, this.chartLayer);
    this.table.addEventListener("mousedown", (e) => this.onMouseDown(e));
    this.table.addEventListener("dblclick", (e) => this.onDoubleClick(e));
    this.table.addEventListener("keydown", (e) => this.onKeyDown(e));
    this.table.addEventListener("mouseover", (e) => this.onHover(e));
    this.table.addEventListener("mouseout", () => this.hideTooltip());
    this.table.addEventListener("focusin", (e) => this.onFocusIn(e));
    this.table.addEventListener("focusout", () => this.hideTooltip());
  }

  get currentSheetId(): string | null {
    return this.sheetId;
  }

  get selection(): SelectedCell | null {
    return this.sheetId === null ? null : { sheetId: this.sheetId, ...this.selected };
  }

  /** Where charts go (absolutely positioned over the cells, in the scrolled content). */
  get charts(): HTMLElement {
    return this.chartLayer;
  }

  /** Left/top of cell A1 inside the scrolled content, in px (charts are placed from there). */
  get origin(): { readonly left: number; readonly top: number } {
    return { left: ROW_HEADER_PX, top: HEADER_PX };
  }

  show(sheetId: string): void {
    if (this.sheetId !== sheetId) {
      this.cancelEdit();
      this.sheetId = sheetId;
      this.layoutKey = "";
      const name = this.store.getSheet(sheetId)?.name ?? "";
      this.table.setAttribute("aria-label", `Sheet ${name}`);
      const stored = selectionOn(this.store, sheetId);
      this.selected = stored !== null ? { row: stored.row, col: stored.col } : { row: 0, col: 0 };
    }
    this.refresh();
  }

  /** Rebuilds the table when the size or layout changed, then updates every cell's content. */
  refresh(): void {
    const sheetId = this.sheetId;
    if (sheetId === null || this.store.getSheet(sheetId) === undefined) return;
    const used = this.store.getUsedBounds(sheetId, false);
    const rows = shownCount(
      used === null ? 0 : used.row + used.rowCount,
      this.selected.row,
      MIN_ROWS,
      EXTRA_ROWS,
      MAX_ROWS_SHOWN
    );
    const cols = shownCount(
      used === null ? 0 : used.col + used.colCount,
      this.selected.col,
      MIN_COLS,
      EXTRA_COLS,
      MAX_COLS_SHOWN
    );
    const widths = Array.from({ length: cols }, (_, c) => this.store.getColumnWidth(sheetId, c));
    const heights = Array.from({ length: rows }, (_, r) => this.store.getRowHeight(sheetId, r));
    const key = `${sheetId}|${rows}|${cols}|${widths.join(",")}|${heights.join(",")}`;
    if (key !== this.layoutKey) {
      this.build(rows, cols, widths, heights);
      this.layoutKey = key;
    }
    this.updateCells();
    this.markSelection();
  }

  private build(rows: number, cols: number, widths: number[], heights: number[]): void {
    this.rows = rows;
    this.cols = cols;
    this.table.replaceChildren();
    this.table.setAttribute("aria-rowcount", String(rows + 1));
    this.table.setAttribute("aria-colcount", String(cols + 1));
    const colgroup = document.createElement("colgroup");
    const headCol = document.createElement("col");
    headCol.style.width = `${ROW_HEADER_PX}px`;
    colgroup.appendChild(headCol);
    let total = ROW_HEADER_PX;
    this.colPx = widths.map((width) => Math.round(width * PX_PER_PT));
    for (const px of this.colPx) {
      const col = document.createElement("col");
      col.style.width = `${px}px`;
      total += px;
      colgroup.appendChild(col);
    }
    this.table.style.width = `${total}px`;
    const thead = document.createElement("thead");
    const headRow = document.createElement("tr");
    headRow.setAttribute("role", "row");
    const corner = document.createElement("th");
    corner.className = "wb-corner";
    corner.setAttribute("aria-hidden", "true");
    headRow.appendChild(corner);
    for (let c = 0; c < cols; c++) {
      const th = document.createElement("th");
      th.setAttribute("role", "columnheader");
      th.scope = "col";
      th.textContent = columnLetter(c);
      headRow.appendChild(th);
    }
    thead.appendChild(headRow);
    const tbody = document.createElement("tbody");
    this.cells = [];
    for (let r = 0; r < rows; r++) {
      const tr = document.createElement("tr");
      tr.setAttribute("role", "row");
      tr.style.height = `${Math.round((heights[r] ?? 15) * PX_PER_PT)}px`;
      const th = document.createElement("th");
      th.setAttribute("role", "rowheader");
      th.scope = "row";
      th.textContent = String(r + 1);
      tr.appendChild(th);
      const line: HTMLTableCellElement[] = [];
      for (let c = 0; c < cols; c++) {
        const td = document.createElement("td");
        td.setAttribute("role", "gridcell");
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        td.dataset.address = cellAddress(r, c);
        td.tabIndex = -1;
        // The text sits in a span so text running over empty neighbours can be clipped at the
        // first non-empty one, as Excel does.
        td.appendChild(document.createElement("span")).className = "wb-text";
        tr.appendChild(td);
        line.push(td);
      }
      tbody.appendChild(tr);
      this.cells.push(line);
    }
    this.table.append(colgroup, thead, tbody);
  }

  private updateCells(): void {
    const sheetId = this.sheetId;
    if (sheetId === null) return;
    for (let r = 0; r < this.rows; r++) {
      const line = this.cells[r];
      if (line === undefined) continue;
      for (let c = 0; c < this.cols; c++) {
        const td = line[c];
        if (td !== undefined) this.updateCell(sheetId, r, c, td, line[c + 1]);
      }
    }
  }

  private updateCell(
    sheetId: string,
    row: number,
    col: number,
    td: HTMLTableCellElement,
    next: HTMLTableCellElement | undefined
  ): void {
    const { value, formula } = this.store.getCell(sheetId, row, col);
    const format = this.store.getFormat(sheetId, row, col);
    const shown = formatCellValue(value, format.numberFormat);
    // A number never runs over its neighbours: Excel shows fewer digits (General) or ####.
    let text = shown.text;
    if (typeof value === "number" && !format.wrapText) {
      text = this.fitNumber(value, text, format.numberFormat, (this.colPx[col] ?? 64) - 7);
    }
    const span = td.firstElementChild instanceof HTMLElement ? td.firstElementChild : td;
    if (span.textContent !== text) span.textContent = text;
    const error =
      typeof value === "string" && isErrorValue(value)
        ? this.store.getCellError(sheetId, row, col)
        : null;
    const style = td.style;
    const font = format.font;
    style.fontWeight = font.bold ? "600" : "";
    style.fontStyle = font.italic ? "italic" : "";
    style.color = shown.color ?? (font.color === "#000000" ? "" : font.color);
    style.backgroundColor = format.fillColor ?? "";
    style.fontSize = font.size === 11 ? "" : `${font.size}pt`;
    style.fontFamily =
      font.name === "Calibri" ? "" : `"${font.name}", Calibri, "Segoe UI", sans-serif`;
    const align = format.horizontalAlignment;
    const kind =
      typeof value === "number"
        ? "number"
        : typeof value === "boolean" || error !== null
          ? "center"
          : "text";
    style.textAlign =
      align === "Left"
        ? "left"
        : align === "Center" || align === "CenterAcrossSelection"
          ? "center"
          : align === "Right"
            ? "right"
            : kind === "number"
              ? "right"
              : kind === "center"
                ? "center"
                : "";
    style.whiteSpace = format.wrapText ? "normal" : "";
    // Text runs on over empty neighbours, as in Excel (the template's sources do).
    const overflow =
      kind === "text" &&
      shown.text !== "" &&
      !format.wrapText &&
      next !== undefined &&
      this.isEmpty(sheetId, row, col + 1);
    td.classList.toggle("wb-overflow", overflow);
    if (span !== td) span.style.maxWidth = overflow ? `${this.runWidth(sheetId, row, col)}px` : "";
    td.classList.toggle("wb-formula", formula !== null);
    if (error === null) {
      // The full value on hover when the column is too narrow for it.
      if (text !== shown.text) td.title = shown.text;
      else if (td.title !== "" && !td.classList.contains("wb-error")) td.removeAttribute("title");
    }
    if (error !== null) {
      const detail = error.message === "" ? error.code : `${error.code}: ${error.message}`;
      td.classList.add("wb-error");
      td.title = detail;
      td.dataset.error = error.code;
      td.dataset.errorMessage = error.message;
      td.setAttribute("aria-describedby", "wb-tooltip");
    } else if (td.classList.contains("wb-error")) {
      td.classList.remove("wb-error");
      td.removeAttribute("title");
      delete td.dataset.error;
      delete td.dataset.errorMessage;
      td.removeAttribute("aria-describedby");
    }
  }

  /**
   * The text of a number as it fits `px` in the grid's font as this browser renders it (Calibri is
   * often missing on Linux, and its stand-ins are wider): General drops digits, then goes
   * scientific; other formats show #### as Excel does.
   */
  private fitNumber(value: number, text: string, numberFormat: string, px: number): string {
    const width = this.textWidth(text);
    if (width <= px) return text;
    if (!/^\s*general\s*$/i.test(numberFormat)) {
      return "#".repeat(Math.max(1, Math.floor(px / this.textWidth("#"))));
    }
    for (let chars = text.length - 1; chars >= 1; chars--) {
      const shorter = formatGeneralToWidth(value, chars);
      if (this.textWidth(shorter) <= px) return shorter;
    }
    return "#";
  }

  private textWidth(text: string): number {
    if (this.measure === undefined) {
      const context = document.createElement("canvas").getContext("2d");
      const style = getComputedStyle(this.table);
      if (context !== null && style.fontFamily !== "") {
        context.font = `${style.fontSize} ${style.fontFamily}`;
        this.measure = context;
      } else this.measure = null;
    }
    return this.measure === null ? text.length * DIGIT_PX : this.measure.measureText(text).width;
  }

  /** Width available to text starting at (row, col): its column and the empty ones after it. */
  private runWidth(sheetId: string, row: number, col: number): number {
    let px = (this.colPx[col] ?? 64) - 6;
    for (let c = col + 1; c < this.cols && this.isEmpty(sheetId, row, c); c++)
      px += this.colPx[c] ?? 64;
    return px;
  }

  private isEmpty(sheetId: string, row: number, col: number): boolean {
    return this.store.getCell(sheetId, row, col).value === null;
  }

  // ---------------------------------------------------------------- selection

  /** Selects a cell (and tells the store, as Excel's selection is the add-in's getSelectedRange()). */
  select(row: number, col: number, options: { focus?: boolean; fromStore?: boolean } = {}): void {
    if (this.sheetId === null) return;
    const r = Math.max(0, Math.min(row, MAX_ROWS_SHOWN - 1));
    const c = Math.max(0, Math.min(col, MAX_COLS_SHOWN - 1));
    this.selected = { row: r, col: c };
    if (r >= this.rows || c >= this.cols) this.refresh();
    if (options.fromStore !== true)
      this.store.setSelection(this.sheetId, { row: r, col: c, rowCount: 1, colCount: 1 });
    this.markSelection();
    const td = this.cells[r]?.[c];
    if (td !== undefined && options.focus !== false) {
      td.focus({ preventScroll: true });
      td.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
    this.callbacks.onSelectionChange(this.sheetId, r, c);
  }

  /** The store's selection changed (e.g. the add-in called Range.select()). */
  syncSelectionFromStore(): void {
    const stored = this.sheetId === null ? null : selectionOn(this.store, this.sheetId);
    if (stored === null) return;
    if (stored.row !== this.selected.row || stored.col !== this.selected.col) {
      this.select(stored.row, stored.col, { focus: false, fromStore: true });
    } else this.markSelection();
  }

  private markSelection(): void {
    for (const td of this.rangeMarked) td.classList.remove("wb-in-range", "wb-selected");
    this.rangeMarked = [];
    for (const td of this.table.querySelectorAll<HTMLTableCellElement>("td[tabindex='0']"))
      td.tabIndex = -1;
    const stored = this.sheetId === null ? null : selectionOn(this.store, this.sheetId);
    // The add-in may have selected a block (Range.select()); its top-left is the active cell.
    const range: GridRange =
      stored !== null && stored.row === this.selected.row && stored.col === this.selected.col
        ? stored
        : { ...this.selected, rowCount: 1, colCount: 1 };
    for (let r = range.row; r < Math.min(range.row + range.rowCount, this.rows); r++) {
      for (let c = range.col; c < Math.min(range.col + range.colCount, this.cols); c++) {
        const td = this.cells[r]?.[c];
        if (td === undefined) continue;
        td.classList.add("wb-in-range");
        this.rangeMarked.push(td);
      }
    }
    const active = this.cells[this.selected.row]?.[this.selected.col];
    if (active !== undefined) {
      active.classList.add("wb-selected");
      active.tabIndex = 0;
      if (!this.rangeMarked.includes(active)) this.rangeMarked.push(active);
    }
    for (const td of this.table.querySelectorAll<HTMLTableCellElement>("td[aria-selected='true']"))
      td.removeAttribute("aria-selected");
    active?.setAttribute("aria-selected", "true");
  }

  focus(): void {
    this.cells[this.selected.row]?.[this.selected.col]?.focus({ preventScroll: true });
  }

  // ---------------------------------------------------------------- editing

  /** Writes typed text to the selected cell, as the formula bar's Enter does. */
  commitText(text: string): void {
    const sheetId = this.sheetId;
    if (sheetId === null) return;
    try {
      writeTyped(this.store, sheetId, this.selected.row, this.selected.col, text);
    } catch (error) {
      this.callbacks.onMessage(
        `Could not write ${cellAddress(this.selected.row, this.selected.col)}: ${error instanceof Error ? error.message : String(error)}`
      );
    }
  }

  beginEdit(initial?: string): void {
    const sheetId = this.sheetId;
    if (sheetId === null) return;
    const { row, col } = this.selected;
    const td = this.cells[row]?.[col];
    if (td === undefined) return;
    this.cancelEdit();
    const original = editText(this.store, sheetId, row, col);
    const input = document.createElement("input");
    input.className = "wb-editor ms-font-m";
    input.type = "text";
    input.spellcheck = false;
    input.setAttribute("aria-label", `Edit cell ${cellAddress(row, col)}`);
    input.value = initial ?? original;
    input.style.left = `${td.offsetLeft}px`;
    input.style.top = `${td.offsetTop}px`;
    input.style.minWidth = `${td.offsetWidth}px`;
    input.style.height = `${td.offsetHeight}px`;
    this.editor = input;
    this.editing = { row, col, original };
    input.addEventListener("keydown", (e) => this.onEditorKey(e));
    input.addEventListener("blur", () => {
      if (this.editor === input) this.finishEdit("none", false);
    });
    this.element.appendChild(input);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  get isEditing(): boolean {
    return this.editing !== null;
  }

  cancelEdit(): void {
    const input = this.editor;
    this.editor = null;
    this.editing = null;
    input?.remove();
  }

  private finishEdit(move: "down" | "right" | "none", refocus = true): void {
    const input = this.editor;
    const editing = this.editing;
    if (input === null || editing === null) return;
    const text = input.value;
    this.cancelEdit();
    if (text !== editing.original) {
      this.selected = { row: editing.row, col: editing.col };
      this.commitText(text);
    }
    if (move === "down") this.select(editing.row + 1, editing.col);
    else if (move === "right") this.select(editing.row, editing.col + 1);
    else if (refocus) this.focus();
  }

  private onEditorKey(e: KeyboardEvent): void {
    if (e.key === "Enter") {
      e.preventDefault();
      this.finishEdit(e.shiftKey ? "none" : "down");
    } else if (e.key === "Tab") {
      e.preventDefault();
      this.finishEdit("right");
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.cancelEdit();
      this.focus();
    }
  }

  // ---------------------------------------------------------------- events

  private cellOf(target: EventTarget | null): HTMLTableCellElement | null {
    if (!(target instanceof HTMLElement)) return null;
    const td = target.closest("td");
    return td instanceof HTMLTableCellElement && td.dataset.row !== undefined ? td : null;
  }

  private onMouseDown(e: MouseEvent): void {
    const td = this.cellOf(e.target);
    if (td === null) return;
    if (this.editing !== null) this.finishEdit("none", false);
    e.preventDefault();
    this.select(Number(td.dataset.row), Number(td.dataset.col));
  }

  private onDoubleClick(e: MouseEvent): void {
    if (this.cellOf(e.target) !== null) this.beginEdit();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.editing !== null || this.cellOf(e.target) === null) return;
    const { row, col } = this.selected;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [e.shiftKey ? -1 : 1, 0],
      Tab: [0, e.shiftKey ? -1 : 1],
    };
    const move = moves[e.key];
    if (move !== undefined) {
      e.preventDefault();
      this.select(row + move[0], col + move[1]);
      return;
    }
    if (e.key === "F2") {
      e.preventDefault();
      this.beginEdit();
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      this.commitText("");
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing replaces the cell's content, as in Excel.
      e.preventDefault();
      this.beginEdit(e.key);
    }
  }

  private onHover(e: MouseEvent): void {
    const td = this.cellOf(e.target);
    if (td !== null && td.dataset.error !== undefined) this.showTooltip(td);
    else this.hideTooltip();
  }

  private onFocusIn(e: FocusEvent): void {
    const td = this.cellOf(e.target);
    if (td !== null && td.dataset.error !== undefined) this.showTooltip(td);
    else this.hideTooltip();
  }

  private showTooltip(td: HTMLTableCellElement): void {
    const code = td.dataset.error ?? "";
    const message = td.dataset.errorMessage ?? "";
    this.tooltip.replaceChildren();
    const strong = document.createElement("strong");
    strong.textContent = code;
    const text = document.createElement("span");
    text.textContent = message === "" ? " (no message)" : ` ${message}`;
    this.tooltip.append(strong, text);
    const rect = td.getBoundingClientRect();
    this.tooltip.style.left = `${Math.round(rect.left)}px`;
    this.tooltip.style.top = `${Math.round(rect.bottom + 4)}px`;
    this.tooltip.hidden = false;
  }

  private hideTooltip(): void {
    this.tooltip.hidden = true;
  }
}

/* global Excel */
/**
 * Excel.Range and its format objects (RangeFormat, RangeFont, RangeFill).
 */
import { sheetRangeAddress } from "../../model/a1";
import type { GridRange } from "../../model/a1";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from "./cellStore";
import type { CellFormatPatch, CellStore, HorizontalAlignmentName } from "./cellStore";
import {
  apiFormula,
  apiValue,
  apiValueType,
  inputMatrix,
  interpretInput,
  normalizeColor,
} from "./cellInput";
import type { CellWrite, RangeValueTypeName } from "./cellInput";
import { MemoryExcelError } from "./errors";
import {
  checkSize,
  rangeHandle,
  requireBoolean,
  requireFiniteNumber,
  requireInteger,
  requireString,
  sheetOf,
} from "./handles";
import type { RangeHandle } from "./handles";
import { MemoryClientObject } from "./runtime";
import { noteFormulaNames } from "./undefinedNames";
import type { Binding, ContextCore, Loadable, OpExec } from "./runtime";
import { MemoryWorksheet } from "./worksheet";

type RangeScalarProps =
  | "address"
  | "addressLocal"
  | "cellCount"
  | "rowCount"
  | "columnCount"
  | "rowIndex"
  | "columnIndex"
  | "values"
  | "formulas"
  | "numberFormat";

type Readers<H> = { readonly [name: string]: (handle: H) => unknown };

function matrix<T>(h: RangeHandle, read: (row: number, col: number) => T): T[][] {
  checkSize(h);
  const out: T[][] = [];
  for (let i = 0; i < h.rowCount; i++) {
    const line: T[] = [];
    for (let j = 0; j < h.colCount; j++) line.push(read(h.row + i, h.col + j));
    out.push(line);
  }
  return out;
}

/** The common value of every cell, or null when they differ (as Excel reports mixed formats). */
function uniform<T>(h: RangeHandle, read: (row: number, col: number) => T): T | null {
  checkSize(h);
  let first: { readonly value: T } | undefined;
  for (let i = 0; i < h.rowCount; i++) {
    for (let j = 0; j < h.colCount; j++) {
      const value = read(h.row + i, h.col + j);
      if (first === undefined) first = { value };
      else if (value !== first.value) return null;
    }
  }
  return first === undefined ? null : first.value;
}

function forEachCell(h: RangeHandle, fn: (row: number, col: number) => void): void {
  checkSize(h);
  for (let i = 0; i < h.rowCount; i++)
    for (let j = 0; j < h.colCount; j++) fn(h.row + i, h.col + j);
}

function writeContent(
  store: CellStore,
  h: RangeHandle,
  input: unknown,
  x: OpExec,
  source: "values" | "formulas"
): void {
  checkSize(h);
  const at = inputMatrix(input, h.rowCount, h.colCount);
  // Interpret everything first, so a bad cell fails the operation before any cell changes.
  const plan: Array<{ row: number; col: number; write: CellWrite }> = [];
  for (let i = 0; i < h.rowCount; i++) {
    for (let j = 0; j < h.colCount; j++) {
      const row = h.row + i;
      const col = h.col + j;
      const isText = store.getFormat(h.sheetId, row, col).numberFormat === "@";
      const write = interpretInput(at(i, j), isText, source);
      if (write.kind !== "skip") plan.push({ row, col, write });
    }
  }
  for (const { row, col, write } of plan) {
    if (write.kind === "formula") {
      const where = sheetRangeAddress(sheetOf(store, h).name, {
        row,
        col,
        rowCount: 1,
        colCount: 1,
      });
      noteFormulaNames(store, write.formula, where);
      store.setFormula(h.sheetId, row, col, write.formula);
    } else if (write.kind === "value") store.setValue(h.sheetId, row, col, write.value);
  }
  x.countWrites(plan.length);
}

function writeNumberFormat(store: CellStore, h: RangeHandle, input: unknown, x: OpExec): void {
  checkSize(h);
  const at = inputMatrix(input, h.rowCount, h.colCount);
  const plan: Array<{ row: number; col: number; format: string }> = [];
  for (let i = 0; i < h.rowCount; i++) {
    for (let j = 0; j < h.colCount; j++) {
      const raw = at(i, j);
      if (raw === null || raw === undefined) continue;
      if (typeof raw !== "string")
        throw new MemoryExcelError("InvalidArgument", "A number format is a string.");
      plan.push({ row: h.row + i, col: h.col + j, format: raw === "" ? "General" : raw });
    }
  }
  for (const p of plan) store.setFormat(h.sheetId, p.row, p.col, { numberFormat: p.format });
  x.countWrites(plan.length);
}

function applyFormat(store: CellStore, h: RangeHandle, patch: CellFormatPatch): void {
  forEachCell(h, (row, col) => store.setFormat(h.sheetId, row, col, patch));
}

const CLEAR_MODES = [
  "All",
  "Formats",
  "Contents",
  "Hyperlinks",
  "RemoveHyperlinks",
  "ResetContents",
] as const;
type ClearMode = (typeof CLEAR_MODES)[number];

/** Base of the proxies bound to a cell rectangle (a range and its format objects). */
abstract class MemoryRangeBound extends MemoryClientObject<RangeHandle> {
  /** The rectangle stays valid while its sheet exists. */
  protected override _validate(handle: RangeHandle): void {
    sheetOf(this.store, handle);
  }
}

export class MemoryRange extends MemoryRangeBound implements Pick<Excel.Range, RangeScalarProps> {
  constructor(
    context: ContextCore,
    binding: Binding<RangeHandle>,
    location: string,
    enqueue = true
  ) {
    super(context, "Range", binding, location, enqueue);
  }

  // ---------------------------------------------------------------- properties

  /** "Sheet1!A1:B2", with the sheet name quoted when needed ("'Rent vs Build'!B5"). */
  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }

  get values(): unknown[][] {
    return this._get("values");
  }
  set values(input: unknown) {
    this._set("values", input, (h, x) => writeContent(this.store, h, input, x, "values"));
  }

  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(input: unknown) {
    this._set("formulas", input, (h, x) => writeContent(this.store, h, input, x, "formulas"));
  }

  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(input: unknown) {
    this._set("numberFormat", input, (h, x) => writeNumberFormat(this.store, h, input, x));
  }

  get valueTypes(): RangeValueTypeName[][] {
    return this._get("valueTypes");
  }

  protected override _readers(): Readers<RangeHandle> {
    const store = this.store;
    const address = (h: RangeHandle): string => sheetRangeAddress(sheetOf(store, h).name, h);
    return {
      address,
      addressLocal: address,
      cellCount: (h) => h.rowCount * h.colCount,
      rowCount: (h) => h.rowCount,
      columnCount: (h) => h.colCount,
      rowIndex: (h) => h.row,
      columnIndex: (h) => h.col,
      values: (h) => matrix(h, (r, c) => apiValue(store.getCell(h.sheetId, r, c))),
      formulas: (h) => matrix(h, (r, c) => apiFormula(store.getCell(h.sheetId, r, c))),
      numberFormat: (h) => matrix(h, (r, c) => store.getFormat(h.sheetId, r, c).numberFormat),
      valueTypes: (h) => matrix(h, (r, c) => apiValueType(store.getCell(h.sheetId, r, c))),
    };
  }

  // ---------------------------------------------------------------- navigation

  get worksheet(): MemoryWorksheet {
    return this._worksheet(true);
  }

  get format(): MemoryRangeFormat {
    return this._format(true);
  }

  private _worksheet(enqueue: boolean): MemoryWorksheet {
    return this._child(
      "worksheet",
      (q) =>
        new MemoryWorksheet(
          this.context,
          { resolve: () => ({ sheetId: this._requireHandle().sheetId }) },
          "Range.worksheet",
          q
        ),
      enqueue
    );
  }

  private _format(enqueue: boolean): MemoryRangeFormat {
    return this._child(
      "format",
      (q) => new MemoryRangeFormat(this.context, () => this._requireHandle(), q),
      enqueue
    );
  }

  protected override _navigation(name: string): Loadable | undefined {
    if (name === "format") return this._format(false);
    if (name === "worksheet") return this._worksheet(false);
    return undefined;
  }

  /** The resolved rectangle (for other parts of the host, e.g. names.add(name, range)). */
  _rangeHandle(): RangeHandle {
    return this._requireHandle();
  }

  // ---------------------------------------------------------------- derived ranges

  private _derived(location: string, derive: (h: RangeHandle) => GridRange): MemoryRange {
    return new MemoryRange(
      this.context,
      {
        resolve: () => {
          const h = this._requireHandle();
          return rangeHandle(h.sheetId, derive(h));
        },
      },
      location
    );
  }

  /**
   * Range.getSpillingToRangeOrNullObject (ExcelApi 1.12): for a single cell holding a spilling formula,
   * the range it spills into (anchor included); a null object otherwise. Excel refuses a range of more
   * than one cell (InvalidArgument; stricter where unsure).
   */
  getSpillingToRangeOrNullObject(): MemoryRange {
    return new MemoryRange(
      this.context,
      {
        resolve: () => {
          const h = this._requireHandle();
          if (h.rowCount !== 1 || h.colCount !== 1)
            throw new MemoryExcelError(
              "InvalidArgument",
              "getSpillingToRange takes a single cell."
            );
          const spill = this.store.getSpillRange(h.sheetId, h.row, h.col);
          return spill === null ? null : rangeHandle(h.sheetId, spill);
        },
      },
      "Range.getSpillingToRangeOrNullObject"
    );
  }

  /** The cell at (row, column) relative to this range's top-left; it may lie outside the range. */
  getCell(row: number, column: number): MemoryRange {
    return this._derived("Range.getCell", (h) => ({
      row: h.row + requireInteger(row, "row"),
      col: h.col + requireInteger(column, "column"),
      rowCount: 1,
      colCount: 1,
    }));
  }

  /** Same top-left, size grown (or shrunk) by the deltas; the result must keep at least one cell. */
  getResizedRange(deltaRows: number, deltaColumns: number): MemoryRange {
    return this._derived("Range.getResizedRange", (h) => ({
      row: h.row,
      col: h.col,
      rowCount: h.rowCount + requireInteger(deltaRows, "deltaRows"),
      colCount: h.colCount + requireInteger(deltaColumns, "deltaColumns"),
    }));
  }

  /** Same size, moved by the offsets; it must stay inside the grid. */
  getOffsetRange(rowOffset: number, columnOffset: number): MemoryRange {
    return this._derived("Range.getOffsetRange", (h) => ({
      row: h.row + requireInteger(rowOffset, "rowOffset"),
      col: h.col + requireInteger(columnOffset, "columnOffset"),
      rowCount: h.rowCount,
      colCount: h.colCount,
    }));
  }

  getRow(row: number): MemoryRange {
    return this._derived("Range.getRow", (h) => {
      const i = requireInteger(row, "row");
      if (i < 0 || i >= h.rowCount)
        throw new MemoryExcelError("InvalidArgument", "Row index outside the range.");
      return { row: h.row + i, col: h.col, rowCount: 1, colCount: h.colCount };
    });
  }

  getColumn(column: number): MemoryRange {
    return this._derived("Range.getColumn", (h) => {
      const j = requireInteger(column, "column");
      if (j < 0 || j >= h.colCount)
        throw new MemoryExcelError("InvalidArgument", "Column index outside the range.");
      return { row: h.row, col: h.col + j, rowCount: h.rowCount, colCount: 1 };
    });
  }

  getLastCell(): MemoryRange {
    return this._derived("Range.getLastCell", (h) => ({
      row: h.row + h.rowCount - 1,
      col: h.col + h.colCount - 1,
      rowCount: 1,
      colCount: 1,
    }));
  }

  getLastRow(): MemoryRange {
    return this._derived("Range.getLastRow", (h) => ({
      ...h,
      row: h.row + h.rowCount - 1,
      rowCount: 1,
    }));
  }

  getLastColumn(): MemoryRange {
    return this._derived("Range.getLastColumn", (h) => ({
      ...h,
      col: h.col + h.colCount - 1,
      colCount: 1,
    }));
  }

  // ---------------------------------------------------------------- methods

  /** Clears contents and/or formats ("All" by default). */
  clear(applyTo?: string): void {
    const mode = applyTo ?? "All";
    this._queue("Range.clear", (h, x) => {
      if (!(CLEAR_MODES as readonly string[]).includes(mode)) {
        throw new MemoryExcelError("InvalidArgument", `Unknown clear mode: ${mode}`);
      }
      const m = mode as ClearMode;
      const contents = m === "All" || m === "Contents" || m === "ResetContents";
      const formats = m === "All" || m === "Formats";
      forEachCell(h, (row, col) => {
        if (contents) this.store.setValue(h.sheetId, row, col, null);
        if (formats) this.store.clearFormat(h.sheetId, row, col);
      });
      if (contents) x.countWrites(h.rowCount * h.colCount);
    });
  }

  /** Selects the range (and activates its sheet). */
  select(): void {
    this._queue("Range.select", (h) => {
      const sheet = sheetOf(this.store, h);
      if (sheet.visibility !== "Visible") {
        throw new MemoryExcelError(
          "InvalidOperation",
          "A range on a hidden worksheet cannot be selected."
        );
      }
      this.store.setActiveSheetId(sheet.id);
      this.store.setSelection(sheet.id, h);
    });
  }
}

// ------------------------------------------------------------------ formats

const ALIGNMENTS: readonly HorizontalAlignmentName[] = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];

function requireAlignment(value: unknown): HorizontalAlignmentName {
  const found = ALIGNMENTS.find((a) => a === value);
  if (found === undefined)
    throw new MemoryExcelError("InvalidArgument", `Unknown horizontal alignment: ${String(value)}`);
  return found;
}

/** Approximate autofit: about 5.5 points per character of Calibri 11, plus padding. */
function autofitWidth(maxChars: number): number {
  return Math.ceil((maxChars * 5.5 + 5.25) * 4) / 4;
}

type RangeFormatProps = "columnWidth" | "rowHeight" | "horizontalAlignment" | "wrapText";

export class MemoryRangeFormat
  extends MemoryRangeBound
  implements Pick<Excel.RangeFormat, RangeFormatProps>
{
  constructor(context: ContextCore, parent: () => RangeHandle, enqueue: boolean) {
    super(context, "RangeFormat", { resolve: parent }, "Range.format", enqueue);
  }

  /** Width in points of every column in the range; null when they differ. */
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(width: number) {
    this._set("columnWidth", width, (h) => {
      const w = requireFiniteNumber(width, "columnWidth");
      if (w < 0) throw new MemoryExcelError("InvalidArgument", "columnWidth must not be negative.");
      for (let j = 0; j < h.colCount; j++) this.store.setColumnWidth(h.sheetId, h.col + j, w);
    });
  }

  /** Height in points of every row in the range; null when they differ. */
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(height: number) {
    this._set("rowHeight", height, (h) => {
      const v = requireFiniteNumber(height, "rowHeight");
      if (v < 0) throw new MemoryExcelError("InvalidArgument", "rowHeight must not be negative.");
      for (let i = 0; i < h.rowCount; i++) this.store.setRowHeight(h.sheetId, h.row + i, v);
    });
  }

  get horizontalAlignment(): HorizontalAlignmentName {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(value: HorizontalAlignmentName) {
    this._set("horizontalAlignment", value, (h) =>
      applyFormat(this.store, h, { horizontalAlignment: requireAlignment(value) })
    );
  }

  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(value: boolean) {
    this._set("wrapText", value, (h) =>
      applyFormat(this.store, h, { wrapText: requireBoolean(value, "wrapText") })
    );
  }

  get font(): MemoryRangeFont {
    return this._font(true);
  }

  get fill(): MemoryRangeFill {
    return this._fill(true);
  }

  private _font(enqueue: boolean): MemoryRangeFont {
    return this._child(
      "font",
      (q) => new MemoryRangeFont(this.context, () => this._requireHandle(), q),
      enqueue
    );
  }

  private _fill(enqueue: boolean): MemoryRangeFill {
    return this._child(
      "fill",
      (q) => new MemoryRangeFill(this.context, () => this._requireHandle(), q),
      enqueue
    );
  }

  protected override _navigation(name: string): Loadable | undefined {
    if (name === "font") return this._font(false);
    if (name === "fill") return this._fill(false);
    return undefined;
  }

  protected override _readers(): Readers<RangeHandle> {
    const store = this.store;
    return {
      columnWidth: (h) =>
        uniform({ ...h, row: 0, rowCount: 1 }, (_r, c) => store.getColumnWidth(h.sheetId, c)),
      rowHeight: (h) =>
        uniform({ ...h, col: 0, colCount: 1 }, (r) => store.getRowHeight(h.sheetId, r)),
      horizontalAlignment: (h) =>
        uniform(h, (r, c) => store.getFormat(h.sheetId, r, c).horizontalAlignment),
      wrapText: (h) => uniform(h, (r, c) => store.getFormat(h.sheetId, r, c).wrapText),
    };
  }

  /** Sets each column's width to fit its longest entry in the range (approximation of Excel's). */
  autofitColumns(): void {
    this._queue("RangeFormat.autofitColumns", (h) => {
      checkSize(h);
      for (let j = 0; j < h.colCount; j++) {
        const col = h.col + j;
        let longest = 0;
        for (let i = 0; i < h.rowCount; i++) {
          const value = apiValue(this.store.getCell(h.sheetId, h.row + i, col));
          longest = Math.max(longest, String(value).length);
        }
        this.store.setColumnWidth(
          h.sheetId,
          col,
          longest === 0 ? DEFAULT_COLUMN_WIDTH : autofitWidth(longest)
        );
      }
    });
  }

  /** Sets each row's height to fit its line count (one standard row per text line). */
  autofitRows(): void {
    this._queue("RangeFormat.autofitRows", (h) => {
      checkSize(h);
      for (let i = 0; i < h.rowCount; i++) {
        const row = h.row + i;
        let lines = 1;
        for (let j = 0; j < h.colCount; j++) {
          const value = apiValue(this.store.getCell(h.sheetId, row, h.col + j));
          lines = Math.max(lines, String(value).split("\n").length);
        }
        this.store.setRowHeight(h.sheetId, row, lines * DEFAULT_ROW_HEIGHT);
      }
    });
  }
}

type RangeFontProps = "color" | "bold" | "italic" | "size" | "name";

export class MemoryRangeFont
  extends MemoryRangeBound
  implements Pick<Excel.RangeFont, RangeFontProps>
{
  constructor(context: ContextCore, parent: () => RangeHandle, enqueue: boolean) {
    super(context, "RangeFont", { resolve: parent }, "RangeFormat.font", enqueue);
  }

  /** "#RRGGBB"; null when the cells differ. */
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._set("color", value, (h) =>
      applyFormat(this.store, h, {
        font: { color: value === "" ? "#000000" : normalizeColor(value) },
      })
    );
  }

  get bold(): boolean {
    return this._get("bold");
  }
  set bold(value: boolean) {
    this._set("bold", value, (h) =>
      applyFormat(this.store, h, { font: { bold: requireBoolean(value, "bold") } })
    );
  }

  get italic(): boolean {
    return this._get("italic");
  }
  set italic(value: boolean) {
    this._set("italic", value, (h) =>
      applyFormat(this.store, h, { font: { italic: requireBoolean(value, "italic") } })
    );
  }

  get size(): number {
    return this._get("size");
  }
  set size(value: number) {
    this._set("size", value, (h) => {
      const size = requireFiniteNumber(value, "size");
      if (size < 1 || size > 409)
        throw new MemoryExcelError("InvalidArgument", "Font size must be between 1 and 409.");
      applyFormat(this.store, h, { font: { size } });
    });
  }

  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (h) => {
      const name = requireString(value, "name");
      if (name === "")
        throw new MemoryExcelError("InvalidArgument", "A font name cannot be empty.");
      applyFormat(this.store, h, { font: { name } });
    });
  }

  protected override _readers(): Readers<RangeHandle> {
    const store = this.store;
    const font = (h: RangeHandle, r: number, c: number) => store.getFormat(h.sheetId, r, c).font;
    return {
      color: (h) => uniform(h, (r, c) => font(h, r, c).color),
      bold: (h) => uniform(h, (r, c) => font(h, r, c).bold),
      italic: (h) => uniform(h, (r, c) => font(h, r, c).italic),
      size: (h) => uniform(h, (r, c) => font(h, r, c).size),
      name: (h) => uniform(h, (r, c) => font(h, r, c).name),
    };
  }
}

export class MemoryRangeFill extends MemoryRangeBound implements Pick<Excel.RangeFill, "color"> {
  constructor(context: ContextCore, parent: () => RangeHandle, enqueue: boolean) {
    super(context, "RangeFill", { resolve: parent }, "RangeFormat.fill", enqueue);
  }

  /** "#RRGGBB" ("#FFFFFF" when the cells have no fill); null when the cells differ. */
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._set("color", value, (h) =>
      applyFormat(this.store, h, { fillColor: value === "" ? null : normalizeColor(value) })
    );
  }

  /** Removes the fill. */
  clear(): void {
    this._queue("RangeFill.clear", (h) => applyFormat(this.store, h, { fillColor: null }));
  }

  protected override _readers(): Readers<RangeHandle> {
    const store = this.store;
    return {
      color: (h) => uniform(h, (r, c) => store.getFormat(h.sheetId, r, c).fillColor ?? "#FFFFFF"),
    };
  }
}

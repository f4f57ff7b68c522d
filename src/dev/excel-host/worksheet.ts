/* global Excel */
/**
 * Excel.Worksheet and Excel.WorksheetCollection.
 */
import { MAX_COLUMNS, MAX_ROWS } from "../../model/a1";
import type { GridRange } from "../../model/a1";
import { parseAddress, tryParseAddress } from "./address";
import { DEFAULT_ROW_HEIGHT } from "./cellStore";
import type { CellStore, SheetInfo, SheetVisibility } from "./cellStore";
import { normalizeColor } from "./cellInput";
import { MemoryChartCollection } from "./charts";
import { MemoryPageLayout } from "./pageLayout";
import { MemoryExcelError, itemAlreadyExists, itemNotFound } from "./errors";
import { findSheet, rangeHandle, requireInteger, sheetOf, validateSheetName } from "./handles";
import type { RangeHandle, SheetHandle, WorkbookHandle } from "./handles";
import { describeNamedFormula } from "./names";
import { MemoryRange } from "./range";
import { MemoryRangeAreas, splitAreaList } from "./rangeAreas";
import { MemoryClientCollection, MemoryClientObject, MemoryClientResult } from "./runtime";
import type { Binding, ContextCore, Loadable } from "./runtime";

type Readers<H> = { readonly [name: string]: (handle: H) => unknown };

const VISIBILITIES: readonly SheetVisibility[] = ["Visible", "Hidden", "VeryHidden"];

function visibleCount(store: CellStore): number {
  return store.listSheets().filter((s) => s.visibility === "Visible").length;
}

/** After `sheetId` stops being visible or exists, the active sheet moves to a visible neighbour. */
function moveActivationAway(store: CellStore, sheetId: string): void {
  if (store.getActiveSheetId() !== sheetId) return;
  const sheets = store.listSheets();
  const index = sheets.findIndex((s) => s.id === sheetId);
  const visible = (s: SheetInfo): boolean => s.visibility === "Visible" && s.id !== sheetId;
  const next =
    sheets.slice(index + 1).find(visible) ??
    sheets.slice(0, Math.max(index, 0)).reverse().find(visible);
  if (next !== undefined) store.setActiveSheetId(next.id);
}

/** Excel's name for a copy: "Name (2)", "(3)"..., the base shortened so the whole has at most 31 characters. */
function copyName(store: CellStore, name: string): string {
  const base = name.replace(/ \([0-9]+\)$/, "");
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (store.findSheetByName(candidate) === undefined) return candidate;
  }
}

type WorksheetProps = "name" | "id" | "position" | "visibility" | "tabColor";

export class MemoryWorksheet
  extends MemoryClientObject<SheetHandle>
  implements Pick<Excel.Worksheet, WorksheetProps>
{
  constructor(
    context: ContextCore,
    binding: Binding<SheetHandle>,
    location: string,
    enqueue = true
  ) {
    super(context, "Worksheet", binding, location, enqueue);
  }

  protected override _validate(handle: SheetHandle): void {
    sheetOf(this.store, handle);
  }

  // ---------------------------------------------------------------- properties

  get id(): string {
    return this._get("id");
  }

  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (h) => {
      const name = validateSheetName(value);
      const clash = this.store.findSheetByName(name);
      if (clash !== undefined && clash.id !== h.sheetId)
        throw itemAlreadyExists(`worksheet '${name}'`);
      this.store.renameSheet(h.sheetId, name);
    });
  }

  /** 0-based tab position. */
  get position(): number {
    return this._get("position");
  }
  set position(value: number) {
    this._set("position", value, (h) => {
      const position = requireInteger(value, "position");
      if (position < 0 || position >= this.store.listSheets().length) {
        throw new MemoryExcelError(
          "InvalidArgument",
          `Worksheet position out of range: ${position}`
        );
      }
      this.store.moveSheet(h.sheetId, position);
    });
  }

  get visibility(): SheetVisibility {
    return this._get("visibility");
  }
  set visibility(value: SheetVisibility) {
    this._set("visibility", value, (h) => {
      const visibility = VISIBILITIES.find((v) => v === value);
      if (visibility === undefined)
        throw new MemoryExcelError("InvalidArgument", `Unknown visibility: ${String(value)}`);
      const sheet = sheetOf(this.store, h);
      if (
        visibility !== "Visible" &&
        sheet.visibility === "Visible" &&
        visibleCount(this.store) <= 1
      ) {
        throw new MemoryExcelError(
          "GeneralException",
          "A workbook must keep at least one visible worksheet."
        );
      }
      this.store.setSheetVisibility(h.sheetId, visibility);
      if (visibility !== "Visible") moveActivationAway(this.store, h.sheetId);
    });
  }

  /** "#RRGGBB", or "" for none. */
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(value: string) {
    this._set("tabColor", value, (h) =>
      this.store.setTabColor(h.sheetId, value === "" ? "" : normalizeColor(value))
    );
  }

  get standardWidth(): number {
    return this._get("standardWidth");
  }

  get standardHeight(): number {
    return this._get("standardHeight");
  }

  protected override _readers(): Readers<SheetHandle> {
    const store = this.store;
    return {
      id: (h) => sheetOf(store, h).id,
      name: (h) => sheetOf(store, h).name,
      position: (h) => store.listSheets().findIndex((s) => s.id === h.sheetId),
      visibility: (h) => sheetOf(store, h).visibility,
      tabColor: (h) => sheetOf(store, h).tabColor,
      // Excel reports the standard width in characters: 8.43 for Calibri 11.
      standardWidth: () => 8.43,
      standardHeight: () => DEFAULT_ROW_HEIGHT,
    };
  }

  // ---------------------------------------------------------------- navigation

  get charts(): MemoryChartCollection {
    return this._charts(true);
  }

  private _charts(enqueue: boolean): MemoryChartCollection {
    return this._child(
      "charts",
      (q) => new MemoryChartCollection(this.context, () => this._requireHandle(), q),
      enqueue
    );
  }

  /** How the sheet prints (ExcelApi 1.9; pageLayout.ts). */
  get pageLayout(): MemoryPageLayout {
    return this._pageLayout(true);
  }

  private _pageLayout(enqueue: boolean): MemoryPageLayout {
    return this._child(
      "pageLayout",
      (q) => new MemoryPageLayout(this.context, () => this._requireHandle(), q),
      enqueue
    );
  }

  protected override _navigation(name: string): Loadable | undefined {
    if (name === "pageLayout") return this._pageLayout(false);
    return name === "charts" ? this._charts(false) : undefined;
  }

  // ---------------------------------------------------------------- ranges

  /** A defined name's range or an address, when it is on sheet `h` (the rule getRange follows). */
  private _locate(h: SheetHandle, address: string): RangeHandle {
    const parsed = tryParseAddress(address);
    if (parsed !== null) {
      if (parsed.sheet !== null && findSheet(this.store, parsed.sheet)?.id !== h.sheetId) {
        throw new MemoryExcelError(
          "InvalidArgument",
          `The address '${address}' is not on this worksheet.`
        );
      }
      return rangeHandle(h.sheetId, parsed.range);
    }
    const named = this.store.getName(address);
    if (named !== undefined) {
      const target = describeNamedFormula(this.store, named.formula).range;
      if (target !== null && target.sheetId === h.sheetId) return target;
    }
    parseAddress(address); // throws the precise error (InvalidArgument / UnsupportedOperation)
    throw new MemoryExcelError("InvalidArgument", `Invalid range address: ${address}`);
  }

  /**
   * Several ranges at once (ExcelApi 1.9): "C5, C9:D9" or "C5; C9", each an address on this sheet or a
   * name referring to it. Without an address: the whole sheet.
   */
  getRanges(address?: string): MemoryRangeAreas {
    return new MemoryRangeAreas(
      this.context,
      {
        resolve: () => {
          const h = this._requireHandle();
          if (address === undefined)
            return {
              sheetId: h.sheetId,
              areas: [{ row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLUMNS }],
            };
          const parts = typeof address === "string" ? splitAreaList(address) : null;
          if (parts === null)
            throw new MemoryExcelError(
              "InvalidArgument",
              `Invalid range address: ${String(address)}`
            );
          return { sheetId: h.sheetId, areas: parts.map((p) => this._locate(h, p)) };
        },
      },
      "Worksheet.getRanges"
    );
  }

  private _range(
    location: string,
    locate: (h: SheetHandle) => RangeHandle | null,
    orNull = false
  ): MemoryRange {
    return new MemoryRange(
      this.context,
      {
        resolve: () => {
          const h = this._requireHandle();
          const found = locate(h);
          if (found === null && !orNull)
            throw new MemoryExcelError("ItemNotFound", "The range does not exist.");
          return found;
        },
      },
      location
    );
  }

  /**
   * The range at `address` ("B5", "A1:C3", "$A$1", "Sheet1!A1" naming this sheet, or a defined name
   * referring to this sheet). Without an address: the whole sheet.
   */
  getRange(address?: string): MemoryRange {
    return this._range("Worksheet.getRange", (h) => {
      if (address === undefined)
        return rangeHandle(h.sheetId, {
          row: 0,
          col: 0,
          rowCount: MAX_ROWS,
          colCount: MAX_COLUMNS,
        });
      return this._locate(h, address);
    });
  }

  /** Rows/columns are 0-based; the counts must be at least 1. */
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): MemoryRange {
    return this._range("Worksheet.getRangeByIndexes", (h) =>
      rangeHandle(h.sheetId, {
        row: requireInteger(startRow, "startRow"),
        col: requireInteger(startColumn, "startColumn"),
        rowCount: requireInteger(rowCount, "rowCount"),
        colCount: requireInteger(columnCount, "columnCount"),
      })
    );
  }

  getCell(row: number, column: number): MemoryRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The bounding box of used cells; A1 when the sheet is blank (Excel does not throw here). */
  getUsedRange(valuesOnly?: boolean): MemoryRange {
    return this._range("Worksheet.getUsedRange", (h) => {
      const used: GridRange = this.store.getUsedBounds(h.sheetId, valuesOnly === true) ?? {
        row: 0,
        col: 0,
        rowCount: 1,
        colCount: 1,
      };
      return rangeHandle(h.sheetId, used);
    });
  }

  /** Like getUsedRange, but a null object when the sheet is blank. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): MemoryRange {
    return this._range(
      "Worksheet.getUsedRangeOrNullObject",
      (h) => {
        const used = this.store.getUsedBounds(h.sheetId, valuesOnly === true);
        return used === null ? null : rangeHandle(h.sheetId, used);
      },
      true
    );
  }

  // ---------------------------------------------------------------- methods

  activate(): void {
    this._queue("Worksheet.activate", (h) => {
      if (sheetOf(this.store, h).visibility !== "Visible") {
        throw new MemoryExcelError("InvalidOperation", "A hidden worksheet cannot be activated.");
      }
      this.store.setActiveSheetId(h.sheetId);
    });
  }

  /**
   * Worksheet.copy (ExcelApi 1.10): a copy of this sheet named as Excel names it ("Rent vs Build (2)",
   * the base cut so the whole fits 31 characters), with its cells, formats, widths, heights, tab color
   * and charts (CellStore.copySheet). positionType "None" (the default) puts it first, as Excel's
   * documentation says; "Before"/"After" need `relativeTo` (else InvalidArgument). A very hidden sheet
   * cannot be copied (GeneralException, stricter than Excel where unsure). Not activated.
   */
  copy(
    positionType: "None" | "Before" | "After" | "Beginning" | "End" = "None",
    relativeTo?: MemoryWorksheet
  ): MemoryWorksheet {
    return new MemoryWorksheet(
      this.context,
      {
        resolve: () => {
          const h = this._requireHandle();
          const source = sheetOf(this.store, h);
          if (source.visibility === "VeryHidden")
            throw new MemoryExcelError(
              "GeneralException",
              "A very hidden worksheet cannot be copied."
            );
          const sheets = this.store.listSheets();
          let position: number;
          if (positionType === "None" || positionType === "Beginning") position = 0;
          else if (positionType === "End") position = sheets.length;
          else if (positionType === "Before" || positionType === "After") {
            if (!(relativeTo instanceof MemoryWorksheet))
              throw new MemoryExcelError(
                "InvalidArgument",
                `Worksheet.copy("${positionType}") needs the worksheet to place it relative to.`
              );
            const anchor = relativeTo._requireHandle();
            const at = sheets.findIndex((s) => s.id === anchor.sheetId);
            if (at < 0) throw itemNotFound("worksheet");
            position = positionType === "Before" ? at : at + 1;
          } else {
            throw new MemoryExcelError(
              "InvalidArgument",
              `Unknown position type: ${String(positionType)}`
            );
          }
          const info = this.store.copySheet(h.sheetId, copyName(this.store, source.name), position);
          return { sheetId: info.id };
        },
      },
      "Worksheet.copy"
    );
  }

  /** Deletes the sheet; not the last visible one, nor a very hidden one (Excel refuses both). */
  delete(): void {
    this._queue("Worksheet.delete", (h) => {
      const sheet = sheetOf(this.store, h);
      if (sheet.visibility === "VeryHidden") {
        throw new MemoryExcelError(
          "GeneralException",
          "A very hidden worksheet cannot be deleted."
        );
      }
      if (sheet.visibility === "Visible" && visibleCount(this.store) <= 1) {
        throw new MemoryExcelError(
          "GeneralException",
          "A workbook must keep at least one visible worksheet."
        );
      }
      moveActivationAway(this.store, h.sheetId);
      this.store.removeSheet(h.sheetId);
    });
  }
}

export class MemoryWorksheetCollection extends MemoryClientCollection<
  WorkbookHandle,
  SheetHandle,
  MemoryWorksheet
> {
  constructor(context: ContextCore, parent: () => WorkbookHandle, enqueue: boolean) {
    super(context, "WorksheetCollection", { resolve: parent }, "Workbook.worksheets", enqueue);
  }

  protected override _itemHandles(): readonly SheetHandle[] {
    return this.store.listSheets().map((s) => ({ sheetId: s.id }));
  }

  protected override _makeItem(itemHandle: SheetHandle): MemoryWorksheet {
    return new MemoryWorksheet(
      this.context,
      { handle: itemHandle },
      "WorksheetCollection.items",
      false
    );
  }

  private _sheet(
    location: string,
    locate: () => SheetInfo | null,
    orNull = false
  ): MemoryWorksheet {
    return new MemoryWorksheet(
      this.context,
      {
        resolve: () => {
          this._requireHandle();
          const sheet = locate();
          if (sheet === null) {
            if (orNull) return null;
            throw itemNotFound("worksheet");
          }
          return { sheetId: sheet.id };
        },
      },
      location
    );
  }

  /** Adds a sheet at the end (not activated). Without a name: the next free "SheetN". */
  add(name?: string): MemoryWorksheet {
    return this._sheet("WorksheetCollection.add", () => {
      let sheetName: string;
      if (name === undefined) {
        let n = this.store.listSheets().length + 1;
        while (this.store.findSheetByName(`Sheet${n}`) !== undefined) n += 1;
        sheetName = `Sheet${n}`;
      } else {
        sheetName = validateSheetName(name);
        if (this.store.findSheetByName(sheetName) !== undefined)
          throw itemAlreadyExists(`worksheet '${sheetName}'`);
      }
      return this.store.addSheet(sheetName);
    });
  }

  /** By name (case-insensitive) or id; ItemNotFound at sync when missing. */
  getItem(key: string): MemoryWorksheet {
    return this._sheet("WorksheetCollection.getItem", () => findSheet(this.store, key) ?? null);
  }

  getItemOrNullObject(key: string): MemoryWorksheet {
    return this._sheet(
      "WorksheetCollection.getItemOrNullObject",
      () => findSheet(this.store, key) ?? null,
      true
    );
  }

  getActiveWorksheet(): MemoryWorksheet {
    return this._sheet("WorksheetCollection.getActiveWorksheet", () => {
      const id = this.store.getActiveSheetId();
      return id === null ? null : (this.store.getSheet(id) ?? null);
    });
  }

  getFirst(visibleOnly?: boolean): MemoryWorksheet {
    return this._sheet("WorksheetCollection.getFirst", () => this._ordered(visibleOnly)[0] ?? null);
  }

  getLast(visibleOnly?: boolean): MemoryWorksheet {
    return this._sheet(
      "WorksheetCollection.getLast",
      () => this._ordered(visibleOnly).slice(-1)[0] ?? null
    );
  }

  getCount(visibleOnly?: boolean): MemoryClientResult<number> {
    return this._queueResult(
      "WorksheetCollection.getCount",
      () => this._ordered(visibleOnly).length
    );
  }

  private _ordered(visibleOnly: boolean | undefined): readonly SheetInfo[] {
    const sheets = this.store.listSheets();
    return visibleOnly === true ? sheets.filter((s) => s.visibility === "Visible") : sheets;
  }
}

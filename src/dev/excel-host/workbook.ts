/**
 * Excel.Workbook: the root of the object model reachable from `context.workbook`.
 */
import { MemoryApplication } from "./application";
import { WORKBOOK } from "./handles";
import type { WorkbookHandle } from "./handles";
import type { GridRange } from "../../model/a1";
import type { CellStore } from "./cellStore";
import { MemoryExcelError } from "./errors";
import { rangeHandle } from "./handles";
import { MemoryNamedItemCollection } from "./names";
import { MemoryRange } from "./range";
import { MemoryClientObject } from "./runtime";
import type { ContextCore, Loadable } from "./runtime";
import { MemorySettingCollection } from "./settings";
import { MemoryWorksheetCollection } from "./worksheet";

/** The top-left cell of the store's selection when it is on `sheetId`, else A1. */
function activeCellOf(store: CellStore, sheetId: string): GridRange {
  const { sheetId: on, range } = store.getSelection() ?? { sheetId: null, range: null };
  if (on !== sheetId || range === null) return { row: 0, col: 0, rowCount: 1, colCount: 1 };
  return { row: range.row, col: range.col, rowCount: 1, colCount: 1 };
}

export class MemoryWorkbook extends MemoryClientObject<WorkbookHandle> {
  constructor(context: ContextCore) {
    super(context, "Workbook", { resolve: () => WORKBOOK }, "RequestContext.workbook");
  }

  protected override _readers(): { readonly [name: string]: (handle: WorkbookHandle) => unknown } {
    return {};
  }

  get worksheets(): MemoryWorksheetCollection {
    return this._worksheets(true);
  }

  get names(): MemoryNamedItemCollection {
    return this._names(true);
  }

  get settings(): MemorySettingCollection {
    return this._settings(true);
  }

  get application(): MemoryApplication {
    return this._child("application", (q) => new MemoryApplication(this.context, q), true);
  }

  /**
   * Workbook.getActiveCell (ExcelApi 1.7): the active cell, on the active sheet. The store keeps one
   * selection rectangle, so the active cell is its top-left cell (where Excel starts a selection made
   * by a click or by the Name Box); A1 when the active sheet has no selection. Resolved at sync, in queue
   * order: a select() queued before it moves it. ItemNotFound when there is no active sheet.
   */
  getActiveCell(): MemoryRange {
    return new MemoryRange(
      this.context,
      {
        resolve: () => {
          const sheetId = this.store.getActiveSheetId();
          if (sheetId === null || this.store.getSheet(sheetId) === undefined)
            throw new MemoryExcelError("ItemNotFound", "There is no active worksheet.");
          return rangeHandle(sheetId, activeCellOf(this.store, sheetId));
        },
      },
      "Workbook.getActiveCell"
    );
  }

  private _worksheets(enqueue: boolean): MemoryWorksheetCollection {
    return this._child(
      "worksheets",
      (q) => new MemoryWorksheetCollection(this.context, () => this._requireHandle(), q),
      enqueue
    );
  }

  private _names(enqueue: boolean): MemoryNamedItemCollection {
    return this._child(
      "names",
      (q) => new MemoryNamedItemCollection(this.context, () => this._requireHandle(), q),
      enqueue
    );
  }

  private _settings(enqueue: boolean): MemorySettingCollection {
    return this._child(
      "settings",
      (q) => new MemorySettingCollection(this.context, () => this._requireHandle(), q),
      enqueue
    );
  }

  protected override _navigation(name: string): Loadable | undefined {
    switch (name) {
      case "worksheets":
        return this._worksheets(false);
      case "names":
        return this._names(false);
      case "settings":
        return this._settings(false);
      default:
        return undefined;
    }
  }
}

/**
 * Excel.Workbook: the root of the object model reachable from `context.workbook`.
 */
import type { GridRange } from "../../model/a1";
import { MemoryApplication } from "./application";
import type { CellStore } from "./cellStore";
import { MemoryExcelError } from "./errors";
import { MemoryEventHandlers } from "./events";
import { WORKBOOK, rangeHandle } from "./handles";
import type { WorkbookHandle } from "./handles";
import { MemoryNamedItemCollection } from "./names";
import { MemoryRange } from "./range";
import { MemoryClientObject } from "./runtime";
import type { ContextCore, Loadable, SelectionChangedArgs } from "./runtime";
import { MemorySettingCollection } from "./settings";
import { MemoryWorksheetCollection } from "./worksheet";

/** The first selected area when the selection is on `sheetId`, else null. */
function selectedAreaOn(store: CellStore, sheetId: string): GridRange | null {
  const { sheetId: on, range } = store.getSelection() ?? { sheetId: null, range: null };
  return on === sheetId ? range : null;
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

  /** Occurs when the selection changes (ExcelApi 1.2); see events.ts. */
  get onSelectionChanged(): MemoryEventHandlers<SelectionChangedArgs> {
    return this._onSelectionChanged;
  }

  private readonly _onSelectionChanged = new MemoryEventHandlers<SelectionChangedArgs>(
    this.context,
    "Workbook.onSelectionChanged",
    this.context.env.selectionChanged
  );

  /**
   * The active cell (ExcelApi 1.7): on the active sheet, the top-left cell of the selection's first
   * area (Excel lets the active cell sit anywhere in the selection; this host keeps no other), or A1
   * when the sheet has no selection yet. ItemNotFound when no sheet is active.
   */
  getActiveCell(): MemoryRange {
    return new MemoryRange(
      this.context,
      {
        resolve: () => {
          this._requireHandle();
          const active = this.store.getActiveSheetId();
          if (active === null)
            throw new MemoryExcelError("ItemNotFound", "No worksheet is active.");
          const on = selectedAreaOn(this.store, active);
          return rangeHandle(active, {
            row: on?.row ?? 0,
            col: on?.col ?? 0,
            rowCount: 1,
            colCount: 1,
          });
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

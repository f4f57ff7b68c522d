/**
 * Excel.Workbook: the root of the object model reachable from `context.workbook`.
 */
import { MemoryApplication } from "./application";
import { WORKBOOK } from "./handles";
import type { WorkbookHandle } from "./handles";
import { MemoryNamedItemCollection } from "./names";
import { MemoryClientObject } from "./runtime";
import type { ContextCore, Loadable } from "./runtime";
import { MemorySettingCollection } from "./settings";
import { MemoryWorksheetCollection } from "./worksheet";

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

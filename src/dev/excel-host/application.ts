/* global Excel */
/**
 * Excel.Application: only `calculate`, which the sidebar calls after a library change so CAPPLAN formulas
 * pick up the new library (custom functions are not volatile, so Excel would not recompute them otherwise).
 */
import { MemoryExcelError } from "./errors";
import { WORKBOOK } from "./handles";
import type { WorkbookHandle } from "./handles";
import { MemoryClientObject } from "./runtime";
import type { ContextCore } from "./runtime";

const CALCULATION_TYPES: ReadonlySet<string> = new Set(["Recalculate", "Full", "FullRebuild"]);

export class MemoryApplication extends MemoryClientObject<WorkbookHandle> {
  constructor(context: ContextCore, enqueue: boolean) {
    super(context, "Application", { resolve: () => WORKBOOK }, "Workbook.application", enqueue);
  }

  protected override _readers(): { readonly [name: string]: (handle: WorkbookHandle) => unknown } {
    return {};
  }

  calculate(calculationType: Excel.CalculationType | "Recalculate" | "Full" | "FullRebuild"): void {
    this._queue("Application.calculate", () => {
      if (!CALCULATION_TYPES.has(calculationType)) {
        throw new MemoryExcelError(
          "InvalidArgument",
          `calculationType must be Recalculate, Full or FullRebuild (got ${String(calculationType)}).`
        );
      }
      this.context.env.store.recalculate?.();
    });
  }
}

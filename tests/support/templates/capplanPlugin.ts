/**
 * A stand-in for the CAPPLAN.LIBRARY() custom function inside HyperFormula, so the template's one
 * library look-up cell evaluates like the rest of the sheet (it is not arithmetic: any text will do),
 * plus the workbench's Excel TEXT and FIXED.
 */
import { FunctionPlugin, HyperFormula, type FunctionPluginDefinition } from "hyperformula";
import {
  ExcelTextPlugin,
  registerExcelTextNames,
} from "../../../src/dev/workbench/excelTextPlugin";
import {
  ExcelRankPlugin,
  registerExcelRankNames,
} from "../../../src/dev/workbench/excelRankPlugin";

export const LIBRARY_TEXT = "Capacity Planner default library 1.0.0";

class CapplanLibraryPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    "CAPPLAN.LIBRARY": { method: "library", parameters: [] },
  };

  library(
    ast: { readonly args: Parameters<CapplanLibraryPlugin["runFunction"]>[0] },
    state: Parameters<CapplanLibraryPlugin["runFunction"]>[1]
  ): ReturnType<CapplanLibraryPlugin["runFunction"]> {
    return this.runFunction(ast.args, state, this.metadata("CAPPLAN.LIBRARY"), () => LIBRARY_TEXT);
  }
}

let registered = false;

/** Registers the stand-in once per test file (HyperFormula's plugin registry is global). */
export function registerCapplanLibrary(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(CapplanLibraryPlugin as unknown as FunctionPluginDefinition, {
    enGB: { "CAPPLAN.LIBRARY": "CAPPLAN.LIBRARY" },
  });
  // Excel's FIXED and TEXT (the verdict uses FIXED; HyperFormula has none), as in the workbench.
  registerExcelTextNames();
  HyperFormula.registerFunctionPlugin(ExcelTextPlugin as unknown as FunctionPluginDefinition);
  registerExcelRankNames();
  HyperFormula.registerFunctionPlugin(ExcelRankPlugin as unknown as FunctionPluginDefinition);
  registered = true;
}

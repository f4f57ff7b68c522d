/**
 * A stand-in for the CAPPLAN.LIBRARY() custom function inside HyperFormula, so the template's one
 * library look-up cell evaluates like the rest of the sheet (it is not arithmetic: any text will do).
 */
import { FunctionPlugin, HyperFormula, type FunctionPluginDefinition } from "hyperformula";

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
  registered = true;
}

/**
 * The workbench's HyperFormula store with the built CAPPLAN functions (dist/functions.js loaded as Excel
 * loads it): formulas have values. Needs `npm run build`.
 */
import {
  CapplanFunctionRegistry,
  parseFunctionsJson,
} from "../../../../src/dev/workbench/capplanPlugin";
import { HyperFormulaCellStore } from "../../../../src/dev/workbench/hyperFormulaStore";
import { loadBuiltFunctions } from "../../customFunctionsRuntime";
import { readDistFile } from "../../dist";

export function computedStore(): HyperFormulaCellStore {
  const loaded = loadBuiltFunctions();
  const registry = new CapplanFunctionRegistry(
    parseFunctionsJson(JSON.parse(readDistFile("functions.json")))
  );
  for (const [id, fn] of loaded.registered) registry.associate(id, fn);
  return new HyperFormulaCellStore({ capplan: registry, sheets: ["Sheet1"] });
}

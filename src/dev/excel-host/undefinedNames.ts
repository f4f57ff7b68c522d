/**
 * Names used by a formula before they were defined. When a formula refers to a name that does not
 * exist, Excel keeps a hidden entry for it (the cell shows #NAME?), and a later `names.add` of that
 * name can clash with the hidden entry (issue 7, #6). This host is stricter than Excel here, as
 * everywhere it is unsure: once a formula written through the API has used an undefined name,
 * `names.add` of that name fails with ItemAlreadyExists. So code that passes here defines its names
 * before the formulas that use them, which is what Excel needs to be safe.
 *
 * Kept per store (the workbook), like Excel's hidden names, across hosts over the same store.
 */
import type { CellStore } from "./cellStore";
import { namesInFormula } from "./formulaRefs";

const usedUndefined = new WeakMap<CellStore, Map<string, string>>();

/** Records the names `formula` uses that `store` does not define (call when the formula is written). */
export function noteFormulaNames(store: CellStore, formula: string, where: string): void {
  for (const name of namesInFormula(formula)) {
    if (store.getName(name) !== undefined) continue;
    let map = usedUndefined.get(store);
    if (map === undefined) {
      map = new Map();
      usedUndefined.set(store, map);
    }
    const key = name.toLowerCase();
    if (!map.has(key)) map.set(key, where);
  }
}

/** Where a formula used `name` while it was undefined ("Sheet1!C5"), or undefined if never. */
export function usedBeforeDefinition(store: CellStore, name: string): string | undefined {
  return usedUndefined.get(store)?.get(name.toLowerCase());
}

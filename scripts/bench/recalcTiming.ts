/**
 * The recalculation benchmark of `npm run bench`: CAPPLAN.GPUCOST cells against native arithmetic
 * twins, recalculated in the same workbook. It runs inside the workbench page (the store and its
 * formula engine live there), which exposes it as `capplanWorkbench.recalcTime(n)`; scripts/bench.ts
 * drives the page and prints the figures. Beside the benchmark it belongs to, not in the page's code.
 */
import type { CellStore } from "../../src/dev/excel-host";

export interface RecalcTiming {
  readonly formulas: number;
  /** Time to recalculate `formulas` cells of =CAPPLAN.GPUCOST("H100", $D$1 + A<i>). */
  readonly capplanMs: number;
  /** The same cells as native arithmetic, =($H$1 + A<i>) * $E$1 with E1 the per-GPU cost. */
  readonly nativeMs: number;
  readonly ratio: number;
  /** Whether both columns agree (relative 1e-9). */
  readonly equal: boolean;
}

/**
 * Builds a sheet of `n` CAPPLAN formulas and `n` native twins, times a recalculation of each column
 * (one input change each), and removes the sheet again. `store` must compute formulas (the workbench's
 * HyperFormula store with the CAPPLAN functions associated).
 */
export function timeRecalc(store: CellStore, n: number): RecalcTiming {
  let name = "Bench";
  for (let i = 2; store.findSheetByName(name) !== undefined; i++) name = `Bench (${i})`;
  const id = store.addSheet(name).id;
  try {
    store.batch(() => {
      store.setValue(id, 0, 3, 0); // D1: offset for the CAPPLAN column
      store.setValue(id, 0, 7, 0); // H1: offset for the native column
      store.setFormula(id, 0, 4, '=CAPPLAN.GPUCOST("H100",1)'); // E1: per-GPU cluster cost
      for (let i = 0; i < n; i++) {
        store.setValue(id, i, 0, 1 + (i % 1000));
        store.setFormula(id, i, 1, `=CAPPLAN.GPUCOST("H100",$D$1+A${i + 1})`);
        store.setFormula(id, i, 2, `=($H$1+A${i + 1})*$E$1`);
      }
    });
    const time = (col: number, value: number): number => {
      const t0 = performance.now();
      store.setValue(id, 0, col, value);
      return performance.now() - t0;
    };
    // Warm both paths once (JIT), then measure.
    time(3, 1);
    time(7, 1);
    const capplanMs = time(3, 2);
    const nativeMs = time(7, 2);
    let equal = true;
    for (let i = 0; i < n && equal; i++) {
      const a = store.getCell(id, i, 1).value;
      const b = store.getCell(id, i, 2).value;
      equal =
        typeof a === "number" &&
        typeof b === "number" &&
        Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    }
    return {
      formulas: n,
      capplanMs,
      nativeMs,
      ratio: nativeMs > 0 ? capplanMs / nativeMs : Infinity,
      equal,
    };
  } finally {
    store.removeSheet(id);
  }
}

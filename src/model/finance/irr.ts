/** Internal rate of return (docs/model.md section 10.4). */
import { ModelInputError } from "./errors";
import { requireFinite } from "./validate";

/**
 * sum_y CF_y / (1 + rate)^y by Horner's rule in v = 1 / (1 + rate): no Math.pow, because IRR evaluates this
 * a few hundred times per call and RENTVSBUILD (which reports the IRR) must stay fast (npm run bench).
 */
function npvAt(rate: number, flows: readonly number[]): number {
  const v = 1 / (1 + rate);
  let sum = 0;
  for (let y = flows.length - 1; y >= 0; y--) sum = sum * v + flows[y];
  return sum;
}

/** Grid of rates scanned for a sign change: -0.99..1 by 0.01, then 1..10 by 0.1. */
function rateGrid(): number[] {
  const grid: number[] = [];
  for (let i = -99; i <= 100; i++) grid.push(i / 100);
  for (let i = 11; i <= 100; i++) grid.push(i / 10);
  return grid;
}
const GRID = rateGrid();

/**
 * IRR of flows for years 0..H, positive = money IN (the incremental saving stream): the rate r > -1 with
 * sum_y CF_y / (1 + r)^y = 0. Scans the grid -0.99..10 for the first sign change of NPV (lowest rate),
 * then bisects to 1e-10. null when NPV does not change sign on the grid (no IRR in [-0.99, 10]).
 */
export function irr(flows: readonly number[]): number | null {
  if (!Array.isArray(flows))
    throw new ModelInputError("flows", "must be a list of numbers", "type");
  for (let y = 0; y < flows.length; y++) requireFinite(flows[y], "flows");
  let lo = GRID[0];
  let fLo = npvAt(lo, flows);
  if (!Number.isFinite(fLo)) return null;
  if (fLo === 0 && flows.some((f) => f !== 0)) return lo;
  for (let i = 1; i < GRID.length; i++) {
    const hi = GRID[i];
    const fHi = npvAt(hi, flows);
    if (!Number.isFinite(fHi)) return null;
    if (fHi === 0) return flows.some((f) => f !== 0) ? hi : null;
    if (fLo * fHi < 0) {
      let a = lo;
      let b = hi;
      let fa = fLo;
      while (b - a > 1e-10) {
        const mid = (a + b) / 2;
        const fm = npvAt(mid, flows);
        if (fm === 0) return mid;
        if (fa * fm < 0) {
          b = mid;
        } else {
          a = mid;
          fa = fm;
        }
      }
      return (a + b) / 2;
    }
    lo = hi;
    fLo = fHi;
  }
  return null;
}

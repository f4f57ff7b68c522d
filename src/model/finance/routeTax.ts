/**
 * Income tax of a route (docs/model.md section 11.5), years 0..H, positive = tax paid, negative = saved:
 *   tax_y = -t x (deductible_y + depreciation_y), deductible_y = energy + other opex + rent;
 *   year H adds taxOnResidual(residual proceeds, undepreciated basis, t).
 * IT is depreciated per phase on MACRS 5-year half-year from its booking year (after a bonus share expensed
 * in that year, 0 unless the settings give one); the facility with its
 * batteries/generation straight line over 39 years from itCapexYear(T, H) with a half first year (the
 * half-year approximation of the mid-month convention). Assumes income elsewhere absorbs the deductions.
 */
import {
  itDepreciation,
  NONRESIDENTIAL_BUILDING_LIFE_YEARS_DEFAULT,
  straightLineDepreciation,
  taxOnResidual,
} from "./tax";
import type { OwnedPart } from "./routeOwned";
import { finiteResult } from "./validate";

/** First-year fraction of the facility's straight line (mid-month convention, approximated by half a year). */
const FACILITY_FIRST_YEAR_FRACTION = 0.5;

/** Depreciation by year of the owned assets, and their basis left undepreciated at the horizon. */
function ownedDepreciation(
  owned: OwnedPart,
  horizonYears: number,
  bonusShare: number
): { byYear: number[]; remainingBasis: number } {
  const byYear = new Array<number>(horizonYears + 1).fill(0);
  let basis = 0;
  const add = (dep: readonly number[]): void => {
    for (let y = 0; y <= horizonYears; y++) byYear[y] += dep[y];
  };
  for (const p of owned.itPurchases) {
    basis += p.cost;
    add(itDepreciation(p.cost, p.year, bonusShare, horizonYears));
  }
  basis += owned.facilityBasis;
  add(
    straightLineDepreciation(
      owned.facilityBasis,
      owned.facilityPlacedYear,
      FACILITY_FIRST_YEAR_FRACTION,
      NONRESIDENTIAL_BUILDING_LIFE_YEARS_DEFAULT,
      horizonYears
    )
  );
  const depreciated = byYear.reduce((sum, d) => sum + d, 0);
  // Rounding can leave a basis a hair below 0 when it is fully depreciated.
  return { byYear, remainingBasis: Math.max(0, basis - depreciated) };
}

/**
 * Tax line, years 0..H. `deductible` is energy + other opex + rent per year; `owned` null for pure rent.
 * Tax rate 0 gives exact zeros (no -0), so after-tax flows equal the pre-tax ones bit for bit.
 */
export function routeTax(
  deductible: readonly number[],
  owned: OwnedPart | null,
  taxRate: number,
  horizonYears: number,
  bonusShare = 0
): number[] {
  const tax = new Array<number>(horizonYears + 1).fill(0);
  if (taxRate === 0) return tax;
  const dep = owned === null ? null : ownedDepreciation(owned, horizonYears, bonusShare);
  for (let y = 0; y <= horizonYears; y++) {
    // 0 - x rather than -x: a year with nothing to deduct gets 0, not -0.
    tax[y] = 0 - taxRate * (deductible[y] + (dep === null ? 0 : dep.byYear[y]));
  }
  if (owned !== null && dep !== null) {
    const proceeds =
      owned.itPurchases.reduce((sum, p) => sum + p.residualValue, 0) + owned.facilityResidualValue;
    tax[horizonYears] += taxOnResidual(proceeds, dep.remainingBasis, taxRate);
  }
  return tax.map((t) => finiteResult(t, "tax"));
}

/**
 * Breakeven in usage months (each option counted from its own start, undiscounted, no residual):
 * the smallest whole month m in 1..120 with cumBuild(m) <= cumRent(m), where
 *   cumBuild(m) = IT capex + facility capex + m x (opex per year / 12)
 *   cumRent(m)  = sum_{k=1}^{m} count x 730 x rate x (1+g)^floor((k-1)/12)   (= rentCost(count, m, rate, g))
 * null when renting stays cheaper for all 120 months.
 */
import { buildCostBasis } from "./build";
import { assertRentInputs } from "./inputs";
import type { BuildInputs, RentInputs } from "./types";
import { BREAKEVEN_MAX_MONTHS, HOURS_PER_MONTH, MONTHS_PER_YEAR } from "./units";
import { finiteResult } from "./validate";

/** What breakeven and simple payback weigh, counted from each option's own start. USD. */
export interface OwnVersusRentMonthly {
  /** IT capex + facility capex. */
  readonly upfront: number;
  /** Own opex per usage month = opex per year / 12. */
  readonly monthlyOpex: number;
  /** First-year rent per usage month = count x 730 x rate. */
  readonly monthlyRent: number;
}

export function ownVersusRentMonthly(build: BuildInputs, rent: RentInputs): OwnVersusRentMonthly {
  const basis = buildCostBasis(build);
  assertRentInputs(rent);
  return {
    upfront: finiteResult(basis.itCapex + basis.facilityCapex, "upfrontCapex"),
    monthlyOpex: basis.opexPerYear / MONTHS_PER_YEAR,
    monthlyRent: finiteResult(rent.gpuCount * HOURS_PER_MONTH * rent.ratePerGpuHour, "monthlyRent"),
  };
}

export function breakevenMonth(build: BuildInputs, rent: RentInputs): number | null {
  const { upfront, monthlyOpex, monthlyRent } = ownVersusRentMonthly(build, rent);
  const growth = 1 + rent.annualPriceChange;
  let cumRent = 0;
  for (let m = 1; m <= BREAKEVEN_MAX_MONTHS; m++) {
    cumRent += monthlyRent * Math.pow(growth, Math.floor((m - 1) / MONTHS_PER_YEAR));
    if (upfront + m * monthlyOpex <= cumRent) return m;
  }
  return null;
}

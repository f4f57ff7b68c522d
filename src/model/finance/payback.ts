/** Payback periods (docs/model.md section 10.3). Months, USD. */
import { ownVersusRentMonthly } from "./breakeven";
import { ModelInputError } from "./errors";
import type { BuildInputs, RentInputs } from "./types";
import { MONTHS_PER_YEAR } from "./units";
import { finiteResult, requireAbove, requireFinite, requireNonNegative } from "./validate";

/**
 * Simple payback in (fractional) months: capex / (monthlyRent - monthlyOwnOpex);
 * null when the denominator is <= 0 (owning never pays back).
 */
export function simplePaybackMonths(
  capex: number,
  monthlyRent: number,
  monthlyOwnOpex: number
): number | null {
  requireNonNegative(capex, "capex");
  requireNonNegative(monthlyRent, "monthlyRent");
  requireNonNegative(monthlyOwnOpex, "monthlyOwnOpex");
  const saving = monthlyRent - monthlyOwnOpex;
  if (saving <= 0) return null;
  return finiteResult(capex / saving, "simplePaybackMonths");
}

/**
 * Simple payback of building instead of renting, the public calculators' definition:
 * simplePaybackMonths(IT + facility capex, count x 730 x first-year rate, opex per year / 12).
 */
export function simplePaybackFor(build: BuildInputs, rent: RentInputs): number | null {
  const { upfront, monthlyRent, monthlyOpex } = ownVersusRentMonthly(build, rent);
  return simplePaybackMonths(upfront, monthlyRent, monthlyOpex);
}

/**
 * Discounted payback in fractional months from the decision. flowsByYear[y] is the incremental flow of
 * year y, positive = saving (e.g. rent flows minus build flows); year 0 undiscounted, year y at the end
 * of year y: D_y = flow_y / (1 + r)^y, C_y = D_0 + ... + D_y.
 * With y the first year where C_{y-1} < 0 <= C_y (after the cumulative has been negative):
 *   months = 12 (y - 1) + 12 x (-C_{y-1}) / D_y   (linear inside year y).
 * 0 when the cumulative is never negative (nothing to pay back); null when it never turns >= 0 again.
 */
export function discountedPaybackMonths(
  flowsByYear: readonly number[],
  rate: number
): number | null {
  if (!Array.isArray(flowsByYear)) {
    throw new ModelInputError("flows", "must be a list of numbers", "type");
  }
  requireAbove(rate, -1, "discountRate");
  for (let y = 0; y < flowsByYear.length; y++) requireFinite(flowsByYear[y], "flows");
  let cumulative = 0;
  let wasNegative = false;
  for (let y = 0; y < flowsByYear.length; y++) {
    const discounted = flowsByYear[y] / Math.pow(1 + rate, y);
    const next = finiteResult(cumulative + discounted, "discountedPaybackMonths");
    if (wasNegative && next >= 0) {
      if (y === 0) return 0;
      return finiteResult(
        MONTHS_PER_YEAR * (y - 1) + (MONTHS_PER_YEAR * -cumulative) / discounted,
        "discountedPaybackMonths"
      );
    }
    if (next < 0) wasNegative = true;
    cumulative = next;
  }
  return wasNegative ? null : 0;
}

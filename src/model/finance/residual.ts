/** Straight-line residual values at the end of the horizon. USD. */
import { MONTHS_PER_YEAR } from "./units";
import { finiteResult, requireAbove, requireNonNegative } from "./validate";

/** cost x max(0, 1 - usedYears / lifeYears). */
export function straightLineResidual(cost: number, usedYears: number, lifeYears: number): number {
  requireNonNegative(cost, "cost");
  requireNonNegative(usedYears, "usedYears");
  requireAbove(lifeYears, 0, "lifeYears");
  const remaining = 1 - usedYears / lifeYears;
  return finiteResult(remaining > 0 ? cost * remaining : 0, "residualValue");
}

/**
 * IT residual = IT capex x max(0, 1 - usedYears / itDepreciationYears),
 * usedYears = max(0, H - T/12): the equipment ages from first capacity (month T) to the horizon.
 */
export function itResidualValue(
  itCapex: number,
  horizonYears: number,
  startMonth: number,
  itDepreciationYears: number
): number {
  requireNonNegative(horizonYears, "horizonYears");
  requireNonNegative(startMonth, "startMonth");
  const used = horizonYears - startMonth / MONTHS_PER_YEAR;
  return straightLineResidual(itCapex, used > 0 ? used : 0, itDepreciationYears);
}

/** Facility residual = facility capex x max(0, 1 - H / facilityLifeYears) (ages from year 0). */
export function facilityResidualValue(
  facilityCapex: number,
  horizonYears: number,
  facilityLifeYears: number
): number {
  requireNonNegative(horizonYears, "horizonYears");
  return straightLineResidual(facilityCapex, horizonYears, facilityLifeYears);
}

/**
 * Timeline convention (docs/model.md section 2): month 0 = decision; year 0 is the decision instant, year y (1..H)
 * ends at month 12y. Capacity is available from its start month T to month 12H.
 */
import { HOURS_PER_MONTH, MONTHS_PER_YEAR } from "./units";
import { finiteResult, requireHorizon, requireNonNegative } from "./validate";

/**
 * Operating fraction of year y (1..H): f_y = clamp(12y - T, 0, 12) / 12. Year 0 is 0.
 * Excel: =MIN(12, MAX(0, 12*year - T)) / 12
 */
export function operatingFraction(year: number, startMonth: number): number {
  requireNonNegative(year, "year");
  requireNonNegative(startMonth, "startMonth");
  const months = MONTHS_PER_YEAR * year - startMonth;
  if (months <= 0) return 0;
  return months >= MONTHS_PER_YEAR ? 1 : months / MONTHS_PER_YEAR;
}

/**
 * Year in which IT capex is paid: ceil(T/12) (0 when T = 0), at most H. When capacity arrives
 * after the horizon the purchase is booked in year H and fully recovered as residual value.
 */
export function itCapexYear(startMonth: number, horizonYears: number): number {
  requireNonNegative(startMonth, "startMonth");
  requireHorizon(horizonYears);
  const year = Math.ceil(startMonth / MONTHS_PER_YEAR);
  return year < horizonYears ? year : horizonYears;
}

/** Delivered GPU-hours in the horizon = count x 730 x max(0, 12H - T). */
export function deliveredGpuHours(count: number, startMonth: number, horizonYears: number): number {
  requireNonNegative(count, "count");
  requireNonNegative(startMonth, "startMonth");
  requireHorizon(horizonYears);
  const months = MONTHS_PER_YEAR * horizonYears - startMonth;
  return finiteResult(months > 0 ? count * HOURS_PER_MONTH * months : 0, "deliveredGpuHours");
}

/**
 * Availability and useful share of installed GPU-hours (docs/model.md section 10.2).
 * Hours per year = 8760.
 */
import { ModelInputError } from "./errors";
import { HOURS_PER_YEAR } from "./units";
import { finiteResult, requireBetween, requireNonNegative } from "./validate";

/**
 * US grid outage hours per year: SAIDI with major event days, 2023 = 366.6 min/yr
 * (figures.csv power.grid.saidi_us_with_major_events, typical 367; EIA Table 11.1) / 60 = 6.11 h/yr.
 */
export const OUTAGE_HOURS_PER_YEAR_DEFAULT = 366.6 / 60;

/** US grid interruptions per year: SAIFI 1.35 (figures.csv power.grid.saifi_us_with_major_events, EIA Table 11.1). */
export const OUTAGES_PER_YEAR_DEFAULT = 1.35;

/**
 * Fleet-wide hours of lost work per interruption, derived from Meta Llama 3 (16,384 H100, 54 days):
 * (1 - 0.90 effective training time) x 54 d x 24 h / 466 interruptions = 129.6 / 466 = 0.278 h.
 * Sources: gpu.goodput.effective_training_time (typical 0.90), gpu.failure.llama3_unplanned_interruptions
 * (466 = 419 unplanned + 47 planned, per the source text).
 */
export const RESTART_HOURS_PER_OUTAGE_DEFAULT = ((1 - 0.9) * 54 * 24) / 466;

/** usefulShare = availability x goodput x productiveUtilization (each in [0, 1]). */
export function usefulShare(
  availability: number,
  goodput: number,
  productiveUtilization: number
): number {
  requireBetween(availability, 0, 1, "availability");
  requireBetween(goodput, 0, 1, "goodput");
  requireBetween(productiveUtilization, 0, 1, "productiveUtilization");
  return availability * goodput * productiveUtilization;
}

/**
 * Compute hours lost per year to grid outages:
 *   avgDuration = outageHours / outages;
 *   uncovered = 0 if backupHours >= avgDuration else 1 - backupHours / avgDuration
 *     (approximation: every outage lasts the average duration);
 *   lost = uncovered x (outageHours + outages x restartHours).
 * outages = 0 requires outageHours = 0 (then nothing is lost).
 */
export function lostHoursPerYear(
  outageHoursPerYear: number,
  outagesPerYear: number,
  restartHoursPerOutage: number,
  backupHours: number
): number {
  requireNonNegative(outageHoursPerYear, "outageHoursPerYear");
  requireNonNegative(outagesPerYear, "outagesPerYear");
  requireNonNegative(restartHoursPerOutage, "restartHoursPerOutage");
  requireNonNegative(backupHours, "backupHours");
  if (outagesPerYear === 0) {
    if (outageHoursPerYear > 0) {
      throw new ModelInputError(
        "outagesPerYear",
        "must be > 0 when there are outage hours",
        "range"
      );
    }
    return 0;
  }
  const avgDuration = outageHoursPerYear / outagesPerYear;
  const uncovered = backupHours >= avgDuration ? 0 : 1 - backupHours / avgDuration;
  return finiteResult(
    uncovered * (outageHoursPerYear + outagesPerYear * restartHoursPerOutage),
    "lostHoursPerYear"
  );
}

/** Share of hours the fleet computes despite grid outages: max(0, 1 - lostHoursPerYear / 8760). */
export function powerAvailability(
  outageHoursPerYear: number,
  outagesPerYear: number,
  restartHoursPerOutage: number,
  backupHours: number
): number {
  const lost = lostHoursPerYear(
    outageHoursPerYear,
    outagesPerYear,
    restartHoursPerOutage,
    backupHours
  );
  return Math.max(0, 1 - lost / HOURS_PER_YEAR);
}

/** Per-hour cost and the cost of delay. */
import { ModelInputError } from "./errors";
import { finiteResult, requireFinite, requireNonNegative } from "./validate";

/**
 * Cost per delivered GPU-hour = total (undiscounted) cost / delivered GPU-hours, USD/GPU-hour.
 * Throws a range error when nothing is delivered (capacity arrives at or after the horizon, or count 0).
 */
export function costPerGpuHour(totalCost: number, deliveredGpuHours: number): number {
  requireFinite(totalCost, "totalCost");
  requireNonNegative(deliveredGpuHours, "deliveredGpuHours");
  if (deliveredGpuHours === 0) {
    throw new ModelInputError(
      "deliveredGpuHours",
      "is 0: the option delivers no GPU-hours within the horizon (lengthen the horizon or shorten the build/lead time)",
      "range"
    );
  }
  return finiteResult(totalCost / deliveredGpuHours, "costPerGpuHour");
}

/**
 * Cost of delay = (deliveredRent - deliveredBuild) x valuePerGpuHour, USD. Signed: positive when
 * the build option delivers fewer GPU-hours in the horizon (it is later, or smaller) than renting.
 */
export function costOfDelay(
  deliveredRent: number,
  deliveredBuild: number,
  valuePerGpuHour: number
): number {
  requireNonNegative(deliveredRent, "deliveredGpuHoursRent");
  requireNonNegative(deliveredBuild, "deliveredGpuHoursBuild");
  requireNonNegative(valuePerGpuHour, "valuePerGpuHour");
  return finiteResult((deliveredRent - deliveredBuild) * valuePerGpuHour, "costOfDelay");
}

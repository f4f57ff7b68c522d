/** Breakeven utilization: the productive utilization at which owning costs the same as renting. */
import { finiteResult, requireBetween, requireNonNegative } from "./validate";

/**
 * breakeven = ownTotalCost x rentAvailability / (ownInstalledGpuHours x ownAvailability x rentRate),
 * a fraction; null unless it lies in (0, 1] (at 100 % renting is still cheaper, or nothing to compare).
 */
export function breakevenUtilization(
  ownTotalCost: number,
  ownInstalledGpuHours: number,
  ownAvailability: number,
  rentRatePerBilledHour: number,
  rentAvailability: number
): number | null {
  requireNonNegative(ownTotalCost, "ownTotalCost");
  requireNonNegative(ownInstalledGpuHours, "ownInstalledGpuHours");
  requireBetween(ownAvailability, 0, 1, "ownAvailability");
  requireNonNegative(rentRatePerBilledHour, "rentRatePerBilledHour");
  requireBetween(rentAvailability, 0, 1, "rentAvailability");
  const denominator = ownInstalledGpuHours * ownAvailability * rentRatePerBilledHour;
  if (!(denominator > 0)) return null;
  const share = finiteResult(
    (ownTotalCost * rentAvailability) / denominator,
    "breakevenUtilization"
  );
  return share > 0 && share <= 1 ? share : null;
}

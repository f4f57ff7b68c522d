/** Breakeven utilization against an offer billed on used hours (docs/model.md section 10.5). */
import { finiteResult, requireAbove, requireBetween, requireNonNegative } from "./validate";

/**
 * Utilization u* at which owning costs the same per useful GPU-hour as renting an offer billed only on
 * used hours: ownTotalCost / (ownInstalledGpuHours x ownAvailability x u*) = rentRate / rentAvailability, so
 *   u* = ownTotalCost x rentAvailability / (ownInstalledGpuHours x ownAvailability x rentRate).
 * Returns u* when 0 < u* <= 1, else null (renting is cheaper even at 100 % utilization, or owning costs nothing).
 */
export function breakevenUtilization(
  ownTotalCost: number,
  ownInstalledGpuHours: number,
  ownAvailability: number,
  rentRatePerBilledHour: number,
  rentAvailability: number
): number | null {
  requireNonNegative(ownTotalCost, "ownTotalCost");
  requireAbove(ownInstalledGpuHours, 0, "ownInstalledGpuHours");
  requireBetween(ownAvailability, 0, 1, "ownAvailability");
  requireAbove(ownAvailability, 0, "ownAvailability");
  requireAbove(rentRatePerBilledHour, 0, "rentRatePerBilledHour");
  requireBetween(rentAvailability, 0, 1, "rentAvailability");
  const ownSide = ownTotalCost * rentAvailability;
  const rentSide = ownInstalledGpuHours * ownAvailability * rentRatePerBilledHour;
  // Compared before dividing: a tiny rate (say 5e-324) would make u* overflow, yet the answer is plain:
  // renting is cheaper even at 100 %.
  if (!(ownSide > 0) || ownSide > rentSide) return null;
  const u = finiteResult(ownSide / rentSide, "breakevenUtilization");
  // A quotient that underflows to 0 means owning costs next to nothing: no breakeven to report.
  return u > 0 ? u : null;
}

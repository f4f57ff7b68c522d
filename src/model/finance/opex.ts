/** Operating costs per full operating year, USD/year. */
import { HOURS_PER_YEAR, KW_PER_MW, MONTHS_PER_YEAR } from "./units";
import { finiteResult, requireAtLeast, requireBetween, requireNonNegative } from "./validate";

/** Energy per year = IT MW x 1000 x PUE x utilization x 8760 h x USD/kWh. */
export function yearlyEnergyCost(
  itMw: number,
  pue: number,
  utilization: number,
  pricePerKwh: number
): number {
  requireNonNegative(itMw, "itMw");
  requireAtLeast(pue, 1, "pue");
  requireBetween(utilization, 0, 1, "utilization");
  requireNonNegative(pricePerKwh, "pricePerKwh");
  return finiteResult(
    itMw * KW_PER_MW * pue * utilization * HOURS_PER_YEAR * pricePerKwh,
    "yearlyEnergyCost"
  );
}

/** Maintenance per year = share x IT capex (hardware support, spares, repairs). */
export function yearlyMaintenanceCost(itCapex: number, sharePerYear: number): number {
  requireNonNegative(itCapex, "itCapex");
  requireNonNegative(sharePerYear, "maintenanceShareOfHwPerYear");
  return finiteResult(itCapex * sharePerYear, "yearlyMaintenanceCost");
}

/** Staff per year = USD per MW-year x IT MW. */
export function yearlyStaffCost(itMw: number, staffCostPerMwYear: number): number {
  requireNonNegative(itMw, "itMw");
  requireNonNegative(staffCostPerMwYear, "staffCostPerMwYear");
  return finiteResult(itMw * staffCostPerMwYear, "yearlyStaffCost");
}

/** Colocation per year = IT MW x 1000 (kW) x USD/kW-month x 12. */
export function yearlyColocationCost(itMw: number, perKwMonth: number): number {
  requireNonNegative(itMw, "itMw");
  requireNonNegative(perKwMonth, "colocationPerKwMonth");
  return finiteResult(itMw * KW_PER_MW * perKwMonth * MONTHS_PER_YEAR, "yearlyColocationCost");
}

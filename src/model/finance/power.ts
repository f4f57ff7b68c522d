/** Power: IT load, facility load and energy cost. */
import { HOURS_PER_MONTH, KW_PER_MW } from "./units";
import { finiteResult, requireAtLeast, requireBetween, requireNonNegative } from "./validate";

/** MW of critical IT load = count x kW per GPU / 1000. */
export function itLoadMw(count: number, kwPerGpu: number): number {
  requireNonNegative(count, "count");
  requireNonNegative(kwPerGpu, "kwPerGpu");
  return finiteResult((count * kwPerGpu) / KW_PER_MW, "itLoadMw");
}

/** MW drawn by the whole facility = IT MW x PUE. */
export function facilityMw(itMw: number, pue: number): number {
  requireNonNegative(itMw, "itMw");
  requireAtLeast(pue, 1, "pue");
  return finiteResult(itMw * pue, "facilityMw");
}

/**
 * Energy bill over `months`, USD:
 * IT MW x 1000 (kW) x PUE x utilization x months x 730 (h) x USD/kWh.
 */
export function energyCost(
  itMw: number,
  months: number,
  pue: number,
  utilization: number,
  pricePerKwh: number
): number {
  requireNonNegative(itMw, "itMw");
  requireNonNegative(months, "months");
  requireAtLeast(pue, 1, "pue");
  requireBetween(utilization, 0, 1, "utilization");
  requireNonNegative(pricePerKwh, "pricePerKwh");
  return finiteResult(
    itMw * KW_PER_MW * pue * utilization * months * HOURS_PER_MONTH * pricePerKwh,
    "energyCost"
  );
}

/** Validation of the input records (plain comparisons; allocates only when it throws). */
import type { BuildInputs, CompareInputs, RentInputs } from "./types";
import {
  requireAbove,
  requireAtLeast,
  requireBetween,
  requireBoolean,
  requireHorizon,
  requireNonNegative,
  requireRecord,
  requireShareBelowOne,
} from "./validate";

/** Throws ModelInputError naming the first invalid field of a BuildInputs record. */
export function assertBuildInputs(b: BuildInputs): void {
  requireRecord(b, "build");
  requireNonNegative(b.gpuCount, "gpuCount");
  requireNonNegative(b.systemPricePerGpu, "systemPricePerGpu");
  requireShareBelowOne(b.networkShare, "networkShare");
  requireNonNegative(b.systemPowerKwPerGpu, "systemPowerKwPerGpu");
  requireBoolean(b.facilityCapex, "facilityCapex");
  requireNonNegative(b.constructionCostPerMw, "constructionCostPerMw");
  requireNonNegative(b.capexMultiplier, "capexMultiplier");
  requireAtLeast(b.pue, 1, "pue");
  requireBetween(b.utilization, 0, 1, "utilization");
  requireNonNegative(b.powerPricePerKwh, "powerPricePerKwh");
  requireNonNegative(b.colocationPerKwMonth, "colocationPerKwMonth");
  requireNonNegative(b.maintenanceShareOfHwPerYear, "maintenanceShareOfHwPerYear");
  requireNonNegative(b.staffCostPerMwYear, "staffCostPerMwYear");
  requireNonNegative(b.buildMonths, "buildMonths");
  requireAbove(b.itDepreciationYears, 0, "itDepreciationYears");
  requireAbove(b.facilityLifeYears, 0, "facilityLifeYears");
}

/** Throws ModelInputError naming the first invalid field of a RentInputs record. */
export function assertRentInputs(r: RentInputs): void {
  requireRecord(r, "rent");
  requireNonNegative(r.gpuCount, "gpuCount");
  requireNonNegative(r.ratePerGpuHour, "ratePerGpuHour");
  requireAtLeast(r.annualPriceChange, -1, "annualPriceChange");
  requireNonNegative(r.leadTimeMonths, "leadTimeMonths");
}

/** Throws ModelInputError naming the first invalid field of a CompareInputs record. */
export function assertCompareInputs(c: CompareInputs): void {
  requireRecord(c, "compare");
  requireHorizon(c.horizonYears);
  requireAbove(c.discountRate, -1, "discountRate");
  requireNonNegative(c.valuePerGpuHour, "valuePerGpuHour");
}

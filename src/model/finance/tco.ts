/**
 * Operating TCO: the cost of `years` of operation counted from first capacity (docs/model.md section 3.8,
 * "TCO and COSTPERHOUR count years of operation"). Unlike the cash flows, which run from the decision, the build or lead time
 * does not eat into the years: TCO and COSTPERHOUR answer "what do N years of owning (or renting) cost?".
 *
 * Build:  TCO = facility capex + IT capex + years x opex per year
 *               - IT capex x max(0, 1 - years / itDepreciationYears)
 *               - facility capex x max(0, 1 - years / facilityLifeYears)
 * Rent:   cost = count x rate x 8760 x sum_{y=1}^{years} (1+g)^(y-1)   (rentCost over 12 x years months)
 * Per GPU-hour = cost / (count x 8760 x years).
 * Undiscounted USD; the residual ages over the years of use.
 */
import { buildCostBasis } from "./build";
import { ModelInputError } from "./errors";
import { assertRentInputs } from "./inputs";
import { costPerGpuHour } from "./metrics";
import { rentCost } from "./rent";
import { straightLineResidual } from "./residual";
import type { BuildInputs, RentInputs } from "./types";
import { HOURS_PER_YEAR, MONTHS_PER_YEAR } from "./units";
import { finiteResult, requireHorizon } from "./validate";

/** Build TCO of `years` of operation from first capacity (buildMonths is ignored). USD. */
export function operatingTco(b: BuildInputs, years: number): number {
  const basis = buildCostBasis(b);
  requireHorizon(years);
  const residual =
    straightLineResidual(basis.itCapex, years, b.itDepreciationYears) +
    straightLineResidual(basis.facilityCapex, years, b.facilityLifeYears);
  return finiteResult(
    basis.facilityCapex + basis.itCapex + years * basis.opexPerYear - residual,
    "operatingTco"
  );
}

/** Rent cost of `years` of operation from first capacity (leadTimeMonths is ignored). USD. */
export function rentOperatingCost(r: RentInputs, years: number): number {
  assertRentInputs(r);
  requireHorizon(years);
  return rentCost(r.gpuCount, MONTHS_PER_YEAR * years, r.ratePerGpuHour, r.annualPriceChange);
}

/** Cost per GPU-hour of `years` of operation = cost / (count x 8760 x years). USD/GPU-hour. */
export function operatingCostPerGpuHour(cost: number, count: number, years: number): number {
  requireHorizon(years);
  if (!(count > 0)) {
    throw new ModelInputError(
      "count",
      "must be above 0: with no GPUs no GPU-hours are delivered, so there is no cost per GPU-hour",
      "range"
    );
  }
  return costPerGpuHour(cost, count * HOURS_PER_YEAR * years);
}

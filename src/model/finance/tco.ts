/** Total cost of owning over years of OPERATION, counted from first capacity. USD. */
import { buildCostBasis } from "./build";
import { facilityResidualValue, itResidualValue } from "./residual";
import type { BuildInputs } from "./types";
import { finiteResult, requireHorizon } from "./validate";

/**
 * operatingTco = IT capex + facility capex + years x opex per year - residual after `years` of use
 * (IT residual aged `years` from first capacity, facility residual aged `years`).
 */
export function operatingTco(build: BuildInputs, years: number): number {
  const basis = buildCostBasis(build);
  requireHorizon(years, "years");
  const residual =
    itResidualValue(basis.itCapex, years, 0, build.itDepreciationYears) +
    facilityResidualValue(basis.facilityCapex, years, build.facilityLifeYears);
  return finiteResult(
    basis.itCapex + basis.facilityCapex + years * basis.opexPerYear - residual,
    "operatingTco"
  );
}

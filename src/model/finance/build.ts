/** The cost basis of a build option: capex and per-year opex derived once from BuildInputs. */
import { clusterCost, facilityCapex, serverCost } from "./capex";
import { assertBuildInputs } from "./inputs";
import {
  yearlyColocationCost,
  yearlyEnergyCost,
  yearlyMaintenanceCost,
  yearlyStaffCost,
} from "./opex";
import { facilityMw, itLoadMw } from "./power";
import type { BuildCostBasis, BuildInputs } from "./types";
import { finiteResult } from "./validate";

/**
 * itLoadMw       = gpuCount x systemPowerKwPerGpu / 1000
 * facilityMw     = itLoadMw x pue
 * serverCost     = gpuCount x systemPricePerGpu
 * itCapex        = serverCost / (1 - networkShare)
 * facilityCapex  = facilityCapex ? itLoadMw x constructionCostPerMw x capexMultiplier : 0
 * energy/yr      = itLoadMw x 1000 x pue x utilization x 8760 x powerPricePerKwh
 * maintenance/yr = itCapex x maintenanceShareOfHwPerYear
 * staff/yr       = itLoadMw x staffCostPerMwYear
 * colocation/yr  = itLoadMw x 1000 x colocationPerKwMonth x 12
 */
export function buildCostBasis(b: BuildInputs): BuildCostBasis {
  assertBuildInputs(b);
  const itMw = itLoadMw(b.gpuCount, b.systemPowerKwPerGpu);
  const itCapex = clusterCost(b.systemPricePerGpu, b.gpuCount, b.networkShare);
  const energyPerYear = yearlyEnergyCost(itMw, b.pue, b.utilization, b.powerPricePerKwh);
  const maintenancePerYear = yearlyMaintenanceCost(itCapex, b.maintenanceShareOfHwPerYear);
  const staffPerYear = yearlyStaffCost(itMw, b.staffCostPerMwYear);
  const colocationPerYear = yearlyColocationCost(itMw, b.colocationPerKwMonth);
  return {
    itLoadMw: itMw,
    facilityMw: facilityMw(itMw, b.pue),
    serverCost: serverCost(b.systemPricePerGpu, b.gpuCount),
    itCapex,
    facilityCapex: b.facilityCapex
      ? facilityCapex(itMw, b.constructionCostPerMw, b.capexMultiplier)
      : 0,
    energyPerYear,
    maintenancePerYear,
    staffPerYear,
    colocationPerYear,
    opexPerYear: finiteResult(
      energyPerYear + maintenancePerYear + staffPerYear + colocationPerYear,
      "opexPerYear"
    ),
  };
}

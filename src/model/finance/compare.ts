/** Rent vs build over a horizon: NPVs, per-hour costs, time to capacity, cost of delay, breakeven. */
import { breakevenMonth } from "./breakeven";
import { buildCashFlows, rentCashFlows } from "./cashflows";
import { assertCompareInputs } from "./inputs";
import { costOfDelay, costPerGpuHour } from "./metrics";
import { npv, sumFlows } from "./npv";
import { deliveredGpuHours } from "./timeline";
import type { BuildInputs, CompareInputs, CompareResult, RentInputs } from "./types";
import { finiteResult } from "./validate";

export function compareOptions(
  build: BuildInputs,
  rent: RentInputs,
  compare: CompareInputs
): CompareResult {
  assertCompareInputs(compare);
  const horizon = compare.horizonYears;
  const buildFlows = buildCashFlows(build, horizon);
  const rentFlows = rentCashFlows(rent, horizon);
  const npvBuild = npv(compare.discountRate, buildFlows);
  const npvRent = npv(compare.discountRate, rentFlows);
  const difference = finiteResult(npvBuild - npvRent, "difference");
  const tcoBuild = sumFlows(buildFlows);
  const tcoRent = sumFlows(rentFlows);
  const deliveredBuild = deliveredGpuHours(build.gpuCount, build.buildMonths, horizon);
  const deliveredRent = deliveredGpuHours(rent.gpuCount, rent.leadTimeMonths, horizon);
  const delay = costOfDelay(deliveredRent, deliveredBuild, compare.valuePerGpuHour);
  return {
    npvBuild,
    npvRent,
    difference,
    breakevenMonth: breakevenMonth(build, rent),
    costPerGpuHourBuild: deliveredBuild > 0 ? costPerGpuHour(tcoBuild, deliveredBuild) : null,
    costPerGpuHourRent: deliveredRent > 0 ? costPerGpuHour(tcoRent, deliveredRent) : null,
    monthsToCapacityBuild: build.buildMonths,
    monthsToCapacityRent: rent.leadTimeMonths,
    deliveredGpuHoursBuild: deliveredBuild,
    deliveredGpuHoursRent: deliveredRent,
    costOfDelay: delay,
    differenceWithDelay: finiteResult(difference + delay, "differenceWithDelay"),
    tcoBuild,
    tcoRent,
    cashflows: { build: buildFlows, rent: rentFlows },
  };
}

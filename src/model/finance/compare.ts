/** Rent vs build over a horizon: NPVs, per-hour costs, time to capacity, cost of delay, breakeven. */
import { breakevenMonth } from "./breakeven";
import { buildCashFlows, rentCashFlows } from "./cashflows";
import { assertCompareInputs } from "./inputs";
import { costOfDelay, costPerGpuHour } from "./metrics";
import { npv, sumFlows } from "./npv";
import { deliveredGpuHours } from "./timeline";
import type { BuildInputs, CompareInputs, CompareResult, RentInputs } from "./types";
import { finiteResult } from "./validate";

/** Everything compareOptions gives but the breakeven month (a 120-month search): what a risk trial needs. */
export type CompareCoreResult = Omit<CompareResult, "breakevenMonth">;

export function compareOptions(
  build: BuildInputs,
  rent: RentInputs,
  compare: CompareInputs
): CompareResult {
  return { ...compareCore(build, rent, compare), breakevenMonth: breakevenMonth(build, rent) };
}

/** compareOptions without the breakeven month. */
export function compareCore(
  build: BuildInputs,
  rent: RentInputs,
  compare: CompareInputs
): CompareCoreResult {
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

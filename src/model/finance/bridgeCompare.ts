/**
 * RENTVSBUILD's "bridge" approach (docs/model.md section 11.9): the build side is the owned build plus a
 * rental of the same offer from its lead time until the build is running (+ overlap, at least the offer's
 * minimum term), priced in the v1 clean-cost view the other RENTVSBUILD rows use: every installed hour
 * counts, no spares, outages, ramp or tax. The route engine prices it (neutral v2 inputs reduce it to v1,
 * docs section 11), so the bridge has one arithmetic, not a second copy.
 */
import { breakevenMonth } from "./breakeven";
import { rentCashFlows } from "./cashflows";
import { assertCompareInputs } from "./inputs";
import { costOfDelay, costPerGpuHour } from "./metrics";
import { npv, sumFlows } from "./npv";
import { evaluateRoute } from "./route";
import type { OwnedFleet, PowerSupply, RentedFleet, RouteResult } from "./routeTypes";
import { deliveredGpuHours } from "./timeline";
import type { BuildInputs, CompareInputs, CompareResult, RentInputs } from "./types";
import { finiteResult, requireNonNegative } from "./validate";

/** Grid power without outages, batteries or on-site generation: the v1 view of power. */
export const CLEAN_COST_POWER: PowerSupply = Object.freeze({
  kind: "grid",
  outageHoursPerYear: 0,
  outagesPerYear: 0,
  restartHoursPerOutage: 0,
  batteryHours: 0,
  batteryCostPerKwh: 0,
  onsiteCostPerKw: 0,
  onsitePricePerKwh: 0,
  gridMonths: 0,
});

/** An owned fleet with every v2 input off (no ramp, one phase, no spares, v1 residual): the v1 build. */
export function cleanCostOwned(build: BuildInputs): OwnedFleet {
  return {
    build,
    rampMonths: 0,
    phases: [{ offsetMonths: 0, share: 1 }],
    sparesShare: 0,
    sparesNeeded: 0,
    power: CLEAN_COST_POWER,
    hardwarePriceChange: 0,
    residual: "straight-line",
    marketValueChange: 0,
  };
}

/** A rental billed on every hour, fully available, with the offer's minimum term: the v1 rental. */
export function cleanCostRented(rent: RentInputs, minimumTermMonths: number): RentedFleet {
  return { rent, billing: "all-hours", availability: 1, minimumTermMonths, endMonth: null };
}

export interface BridgeTerms {
  /** Months the rental runs on after the owned build is running; >= 0. */
  readonly overlapMonths: number;
  /** The offer's shortest rental, months; >= 0. */
  readonly minimumTermMonths: number;
}

export interface BridgeCompareResult extends CompareResult, BridgeCompareCoreResult {}

/** compareBridge without the breakeven month (what a risk trial needs). */
export interface BridgeCompareCoreResult extends Omit<CompareResult, "breakevenMonth"> {
  /** The bridge evaluated by the route engine (its flows are cashflows.build). */
  readonly bridge: RouteResult;
}

/**
 * Bridge (build + rental until the build runs) versus renting only, in the shape of compareOptions: the
 * build fields describe the bridge. breakevenMonth is the owned build's (renting vs owning once it runs).
 */
export function compareBridge(
  build: BuildInputs,
  rent: RentInputs,
  compare: CompareInputs,
  terms: BridgeTerms
): BridgeCompareResult {
  return {
    ...compareBridgeCore(build, rent, compare, terms),
    breakevenMonth: breakevenMonth(build, rent),
  };
}

/** compareBridge without the breakeven month. */
export function compareBridgeCore(
  build: BuildInputs,
  rent: RentInputs,
  compare: CompareInputs,
  terms: BridgeTerms
): BridgeCompareCoreResult {
  assertCompareInputs(compare);
  requireNonNegative(terms.overlapMonths, "overlapMonths");
  requireNonNegative(terms.minimumTermMonths, "minimumTermMonths");
  const horizon = compare.horizonYears;
  const bridge = evaluateRoute(
    {
      label: "bridge",
      owned: cleanCostOwned(build),
      rented: cleanCostRented(rent, terms.minimumTermMonths),
      overlapMonths: terms.overlapMonths,
      work: { productiveUtilization: 1, goodput: 1 },
    },
    {
      horizonYears: horizon,
      discountRate: compare.discountRate,
      taxRate: 0,
      valuePerUsefulGpuHour: 0,
    }
  );
  const rentFlows = rentCashFlows(rent, horizon);
  const npvRent = npv(compare.discountRate, rentFlows);
  const tcoRent = sumFlows(rentFlows);
  const deliveredRent = deliveredGpuHours(rent.gpuCount, rent.leadTimeMonths, horizon);
  const delay = costOfDelay(deliveredRent, bridge.deliveredGpuHours, compare.valuePerGpuHour);
  const difference = finiteResult(bridge.npvPreTax - npvRent, "difference");
  return {
    npvBuild: bridge.npvPreTax,
    npvRent,
    difference,
    costPerGpuHourBuild: bridge.costPerDeliveredGpuHour,
    costPerGpuHourRent: deliveredRent > 0 ? costPerGpuHour(tcoRent, deliveredRent) : null,
    monthsToCapacityBuild: bridge.monthsToCapacity,
    monthsToCapacityRent: rent.leadTimeMonths,
    deliveredGpuHoursBuild: bridge.deliveredGpuHours,
    deliveredGpuHoursRent: deliveredRent,
    costOfDelay: delay,
    differenceWithDelay: finiteResult(difference + delay, "differenceWithDelay"),
    tcoBuild: bridge.totalCost,
    tcoRent,
    cashflows: { build: bridge.flows.total, rent: rentFlows },
    bridge,
  };
}

/**
 * The owned fleet of a route, year by year (docs/model.md section 11.2): installed GPU-months under the ramp
 * and phases, its cash-flow lines, the assets the tax needs, and its delivered and useful GPU-hours.
 * Year y (1..H) covers months [12(y-1), 12y]; year 0 is the decision (capex only).
 */
import { powerAvailability } from "./availability";
import { buildCostBasis } from "./build";
import { phasedCapacityMonths } from "./ramp";
import { facilityResidualValue, itResidualValue } from "./residual";
import type { OwnedFleet, UsefulWork } from "./routeTypes";
import { itCapexYear } from "./timeline";
import { HOURS_PER_MONTH, KW_PER_MW, MONTHS_PER_YEAR } from "./units";
import { finiteResult } from "./validate";

/** One phase's IT purchase: what it cost, when it was booked, and what it is worth at the horizon. */
export interface ItPurchase {
  readonly cost: number;
  readonly year: number;
  readonly residualValue: number;
}

export interface OwnedPart {
  readonly gpuCount: number;
  /** Month the first phase delivers capacity: T + min offset. */
  readonly firstCapacityMonth: number;
  /** Month the last phase is fully ramped: T + max offset + R. */
  readonly fullyRampedMonth: number;
  /** Installed GPU-months M_y, year 0..H (M_0 = 0). */
  readonly installedMonths: readonly number[];
  /** Installed GPU-months in [from, to] (months from the decision); 0 when to <= from. */
  readonly installedBetween: (from: number, to: number) => number;
  readonly itCapex: readonly number[];
  readonly facilityCapex: readonly number[];
  readonly powerCapex: readonly number[];
  readonly energy: readonly number[];
  readonly otherOpex: readonly number[];
  /** -(IT + facility/power residual values) in year H. */
  readonly residual: readonly number[];
  readonly itPurchases: readonly ItPurchase[];
  /** Facility + batteries/generation: one straight-line asset for tax and residual value. */
  readonly facilityBasis: number;
  readonly facilityResidualValue: number;
  /** Year the facility is placed in service for tax: itCapexYear(T, H). */
  readonly facilityPlacedYear: number;
  /** hardware availability x power availability. */
  readonly availability: number;
  readonly deliveredGpuHours: number;
  readonly usefulGpuHours: number;
}

/**
 * Share of the nominal fleet available despite GPU failures: spares bought cover the spares needed
 * (min(1, (1 + bought) / (1 + needed))): buying fewer spares than failures need leaves that share idle.
 */
export function hardwareAvailability(sparesShare: number, sparesNeeded: number): number {
  return Math.min(1, (1 + sparesShare) / (1 + sparesNeeded));
}

/** Batteries (grid+battery) or on-site generation (onsite-bridge) capex for the facility's load, USD. */
export function powerCapexFor(o: OwnedFleet, facilityMw: number): number {
  const kw = facilityMw * KW_PER_MW;
  if (o.power.kind === "grid+battery") {
    return finiteResult(kw * o.power.batteryHours * o.power.batteryCostPerKwh, "powerCapex");
  }
  if (o.power.kind === "onsite-bridge")
    return finiteResult(kw * o.power.onsiteCostPerKw, "powerCapex");
  return 0;
}

/** GPU-months of the phased build in [a, b]; 0 when the interval is empty (a >= b). */
function monthsIn(o: OwnedFleet, a: number, b: number): number {
  if (b <= a) return 0;
  return phasedCapacityMonths(o.build.gpuCount, o.build.buildMonths, o.rampMonths, o.phases, a, b);
}

/**
 * Energy of year y: installed GPU-months x kWh per GPU-month x price. On an on-site bridge the months
 * before the grid arrives (month G) are priced at the on-site price, the rest at the grid price.
 */
function energyOfYear(o: OwnedFleet, a: number, b: number, kwhPerGpuMonth: number): number {
  const grid = o.build.powerPricePerKwh;
  if (o.power.kind !== "onsite-bridge") return monthsIn(o, a, b) * kwhPerGpuMonth * grid;
  const g = o.power.gridMonths;
  const before = monthsIn(o, a, Math.min(b, g));
  const after = monthsIn(o, Math.max(a, g), b);
  return (before * o.power.onsitePricePerKwh + after * grid) * kwhPerGpuMonth;
}

/** IT value at the horizon: v1 straight line from first use, market decline over its age, or none. */
function itResidual(o: OwnedFleet, cost: number, month: number, horizonYears: number): number {
  if (o.residual === "none") return 0;
  if (o.residual === "straight-line") {
    return itResidualValue(cost, horizonYears, month, o.build.itDepreciationYears);
  }
  // Hardware not yet in use at the horizon (month >= 12H) has aged 0 years and keeps its cost.
  const ageYears = Math.max(0, MONTHS_PER_YEAR * horizonYears - month) / MONTHS_PER_YEAR;
  return finiteResult(cost * Math.pow(1 + o.marketValueChange, ageYears), "itResidualValue");
}

/** The owned fleet's lines and hours (validated inputs: see assertOwnedFleet). */
export function ownedPart(o: OwnedFleet, work: UsefulWork, horizonYears: number): OwnedPart {
  const b = o.build;
  const basis = buildCostBasis(b);
  const H = horizonYears;
  const T = b.buildMonths;
  const zeros = (): number[] => new Array<number>(H + 1).fill(0);
  const spares = 1 + o.sparesShare;

  const itCapex = zeros();
  const itPurchases: ItPurchase[] = o.phases.map((phase) => {
    const month = T + phase.offsetMonths;
    const cost = finiteResult(
      basis.itCapex *
        phase.share *
        spares *
        Math.pow(1 + o.hardwarePriceChange, month / MONTHS_PER_YEAR),
      "itCapex"
    );
    const year = itCapexYear(month, H);
    itCapex[year] += cost;
    return { cost, year, residualValue: itResidual(o, cost, month, H) };
  });

  const powerCapexAmount = powerCapexFor(o, basis.facilityMw);
  const facilityBasis = basis.facilityCapex + powerCapexAmount;
  const facilityResidual = facilityResidualValue(facilityBasis, H, b.facilityLifeYears);
  const facilityCapex = zeros();
  facilityCapex[0] = basis.facilityCapex;
  const powerCapex = zeros();
  powerCapex[0] = powerCapexAmount;

  const kwhPerGpuMonth = b.systemPowerKwPerGpu * b.pue * b.utilization * HOURS_PER_MONTH;
  const otherPerYear =
    basis.maintenancePerYear * spares + basis.staffPerYear + basis.colocationPerYear;
  const installedMonths = zeros();
  const energy = zeros();
  const otherOpex = zeros();
  let months = 0;
  for (let y = 1; y <= H; y++) {
    const a = MONTHS_PER_YEAR * (y - 1);
    const end = MONTHS_PER_YEAR * y;
    const m = monthsIn(o, a, end);
    installedMonths[y] = m;
    months += m;
    const share = b.gpuCount > 0 ? m / (MONTHS_PER_YEAR * b.gpuCount) : 0;
    energy[y] = finiteResult(energyOfYear(o, a, end, kwhPerGpuMonth), "energy");
    otherOpex[y] = finiteResult(otherPerYear * share, "otherOpex");
  }

  const residual = zeros();
  const itResidualSum = itPurchases.reduce((sum, p) => sum + p.residualValue, 0);
  // 0 - x rather than -x: no residual gives 0, not -0.
  residual[H] = 0 - finiteResult(itResidualSum + facilityResidual, "residual");

  // No sourced availability for on-site generators: the grid's outage figures apply to the whole period.
  const backupHours = o.power.kind === "grid+battery" ? o.power.batteryHours : 0;
  const availability =
    hardwareAvailability(o.sparesShare, o.sparesNeeded) *
    powerAvailability(
      o.power.outageHoursPerYear,
      o.power.outagesPerYear,
      o.power.restartHoursPerOutage,
      backupHours
    );
  const delivered = finiteResult(months * HOURS_PER_MONTH, "deliveredGpuHours");
  const offsets = o.phases.map((p) => p.offsetMonths);
  return {
    gpuCount: b.gpuCount,
    firstCapacityMonth: T + Math.min(...offsets),
    fullyRampedMonth: T + Math.max(...offsets) + o.rampMonths,
    installedMonths,
    installedBetween: (from: number, to: number) => monthsIn(o, from, to),
    itCapex,
    facilityCapex,
    powerCapex,
    energy,
    otherOpex,
    residual,
    itPurchases,
    facilityBasis,
    facilityResidualValue: facilityResidual,
    facilityPlacedYear: itCapexYear(T, H),
    availability,
    deliveredGpuHours: delivered,
    usefulGpuHours: delivered * availability * work.goodput * work.productiveUtilization,
  };
}

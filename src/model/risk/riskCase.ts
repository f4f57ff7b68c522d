/**
 * One rent-vs-build case of a risk run and its evaluation (docs/model.md section 12.7): what a SIMULATE or
 * TORNADO formula names (GPU, count, years, region, rental offer, approach), resolved once from the library.
 * A trial is the deterministic model on the library records with some quantities' values replaced: the same
 * resolve functions (resolve.ts, resolveRoute.ts) and the same finance core as CAPPLAN.RENTVSBUILD without
 * overrides, so a trial at the typical values is that function's result, row for row.
 */
import {
  compareBridgeCore,
  compareCore,
  evaluateRoute,
  type CompareCoreResult,
  type RouteInputs,
  type RouteSettings,
} from "../finance";
import type {
  ApproachEntry,
  GpuEntry,
  LibraryIndex,
  RegionEntry,
  RentalOfferEntry,
} from "../library/indexLibrary";
import type { CostOfDelay, Financing, LibraryDocument, Operations } from "../library/schema";
import {
  applyBuildOverrides,
  applyCompareOverrides,
  applyRentOverrides,
  applyRouteOverrides,
  NO_OVERRIDES,
  type Overrides,
} from "../overrides";
import {
  buildInputsFor,
  buildTimeFor,
  compareInputsFor,
  rentInputsFor,
  resolveApproach,
  resolveGpu,
  resolveOffer,
  resolveRegion,
  valuePerGpuHourFor,
} from "../resolve";
import { ownedFleetFor, rentedFleetFor, usefulWorkFor } from "../resolveRoute";
import type { RiskInputKey } from "./riskKeys";

/** A rent-vs-build case, its library records resolved. `bridge`: build the approach and rent until it runs. */
export interface RiskCase {
  readonly index: LibraryIndex;
  readonly gpu: GpuEntry;
  readonly count: number;
  readonly years: number;
  readonly region: RegionEntry;
  readonly approach: ApproachEntry;
  readonly offer: RentalOfferEntry;
  readonly bridge: boolean;
  /** Per year; the library's financing.discountRate unless the caller gives one. */
  readonly discountRate: number;
  /**
   * Inputs pinned for every trial, as a formula's overrides pin them for RENTVSBUILD (a template's typed power
   * price or build months): applied after the library records, so a pinned input is not sampled in effect.
   */
  readonly overrides?: Overrides;
  /**
   * Typical / low / high that replace the library's for some inputs (a template's ranges table, where a user
   * may have typed them): applied by riskInputs.ts `recordsFor`, before anything is sampled.
   */
  readonly ranges?: ReadonlyMap<RiskInputKey, TypedRange>;
}

/** A range as a user typed it: low <= value <= high (checked by recordsFor). */
export interface TypedRange {
  readonly low: number;
  readonly value: number;
  readonly high: number;
}

/** What names a case in words, as a formula or a script would give it; absent parts are the library's defaults. */
export interface CaseNames {
  readonly gpu: string;
  readonly count: number;
  readonly years: number;
  readonly region?: string;
  /** An approach id, or "bridge": build the standard approach and rent until it runs (as RENTVSBUILD). */
  readonly approach?: string;
  readonly term?: string;
  readonly provider?: string;
}

/**
 * The case `names` describes on `index`, at the library's discount rate (LookupError for an unknown name).
 * For scripts, the bench and tests; the functions resolve their arguments through args.ts the same way.
 */
export function caseFor(index: LibraryIndex, names: CaseNames): RiskCase {
  const gpu = resolveGpu(index, names.gpu);
  const bridge = names.approach === "bridge";
  return {
    index,
    gpu,
    count: names.count,
    years: names.years,
    region: resolveRegion(index, names.region),
    approach: resolveApproach(index, bridge ? "standard" : names.approach),
    offer: resolveOffer(index, gpu, names.term, names.provider),
    bridge,
    discountRate: index.library.financing.discountRate.value,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The library records a trial may change: shallow copies, so a trial never touches the library. */
export interface CaseRecords {
  gpu: Mutable<GpuEntry>;
  region: Mutable<RegionEntry>;
  approach: Mutable<ApproachEntry>;
  offer: Mutable<RentalOfferEntry>;
  operations: Mutable<Operations>;
  financing: Mutable<Financing>;
  costOfDelay: Mutable<CostOfDelay>;
}

/** Fresh copies of the case's records (one level deep; a setter copies what it changes below that). */
export function caseRecords(c: RiskCase): CaseRecords {
  const { library } = c.index;
  return {
    gpu: { ...c.gpu },
    region: { ...c.region },
    approach: { ...c.approach },
    offer: { ...c.offer },
    operations: { ...library.operations },
    financing: { ...library.financing },
    costOfDelay: { ...library.costOfDelay },
  };
}

/** What one trial yields; a null cost per useful GPU-hour = nothing useful delivered in the horizon. */
export interface TrialOutputs {
  readonly npvBuild: number;
  readonly npvRent: number;
  readonly difference: number;
  readonly differenceWithDelay: number;
  readonly monthsToCapacityBuild: number;
  readonly monthsToCapacityRent: number;
  readonly usefulCostBuild: number | null;
  readonly usefulCostRent: number | null;
  /** The useful-hour costs' workings: undiscounted total cost (USD) and useful GPU-hours of each route. */
  readonly totalCostBuild: number;
  readonly usefulHoursBuild: number;
  readonly totalCostRent: number;
  readonly usefulHoursRent: number;
}

/** The library index a trial resolves against: the case's, with the trial's sections in place. */
function trialIndex(c: RiskCase, r: CaseRecords): LibraryIndex {
  const library: LibraryDocument = {
    ...c.index.library,
    operations: r.operations,
    financing: r.financing,
    costOfDelay: r.costOfDelay,
  };
  return { ...c.index, library };
}

/**
 * The deterministic model on `records` (RENTVSBUILD's rows 1, 2, 3, 7, 8, 10, 14 and 15): the v1 comparison
 * (compareOptions, or compareBridge with no overlap, both without the breakeven month) before tax, and the route
 * engine's cost per useful GPU-hour of the build (or bridge) and of the rental, before tax.
 */
export function evaluateCase(c: RiskCase, records: CaseRecords): TrialOutputs {
  return caseEvaluator(c, records)();
}

/**
 * An evaluator of the case on `records` that reads them afresh on every call: a run binds its inputs' quantities
 * into one set of records (riskInputs.ts), changes their values between trials and calls this, so a trial
 * allocates no library records.
 */
export function caseEvaluator(c: RiskCase, records: CaseRecords): () => TrialOutputs {
  const index = trialIndex(c, records);
  return () => evaluateOn(c, index, records);
}

function evaluateOn(c: RiskCase, index: LibraryIndex, records: CaseRecords): TrialOutputs {
  const { gpu, region, approach, offer } = records;
  const o = c.overrides ?? NO_OVERRIDES;
  const pinned = o !== NO_OVERRIDES;
  const libraryBuild = buildInputsFor(index, gpu, c.count, region, approach);
  // As RENTVSBUILD applies a formula's overrides (args.ts buildFor, rentalFor): the build time is recomputed
  // from the trial's records when kW per GPU or PUE is pinned and the build months are not.
  const build = pinned
    ? applyBuildOverrides(libraryBuild, o, (itMw, pue) =>
        buildTimeFor(itMw, region, approach, index.library.operations, pue)
      )
    : libraryBuild;
  const rent = pinned
    ? applyRentOverrides(rentInputsFor(offer, c.count), o)
    : rentInputsFor(offer, c.count);
  const owned = ownedFleetFor(index, gpu, c.count, region, approach, build);
  const rented = rentedFleetFor(offer, c.count, rent);
  const compare = applyCompareOverrides(compareInputsFor(index, gpu, c.years, c.discountRate), o);
  const result: CompareCoreResult = c.bridge
    ? compareBridgeCore(build, rent, compare, {
        overlapMonths: o.overlapMonths ?? 0,
        minimumTermMonths: rented.minimumTermMonths,
      })
    : compareCore(build, rent, compare);
  const work = usefulWorkFor(index);
  const settings: RouteSettings = {
    horizonYears: c.years,
    discountRate: compare.discountRate,
    taxRate: 0,
    valuePerUsefulGpuHour: valuePerGpuHourFor(index, gpu),
  };
  const routed = (route: RouteInputs): RouteInputs =>
    pinned ? applyRouteOverrides(route, o) : route;
  const own = evaluateRoute(
    routed({
      label: c.bridge ? "bridge" : "build",
      owned,
      rented: c.bridge ? rented : null,
      overlapMonths: 0,
      work,
    }),
    settings
  );
  const rentRoute = evaluateRoute(
    routed({ label: "rent", owned: null, rented, overlapMonths: 0, work }),
    settings
  );
  return {
    npvBuild: result.npvBuild,
    npvRent: result.npvRent,
    difference: result.difference,
    differenceWithDelay: result.differenceWithDelay,
    monthsToCapacityBuild: result.monthsToCapacityBuild,
    monthsToCapacityRent: result.monthsToCapacityRent,
    usefulCostBuild: own.costPerUsefulGpuHour,
    usefulCostRent: rentRoute.costPerUsefulGpuHour,
    totalCostBuild: own.totalCost,
    usefulHoursBuild: own.usefulGpuHours,
    totalCostRent: rentRoute.totalCost,
    usefulHoursRent: rentRoute.usefulGpuHours,
  };
}

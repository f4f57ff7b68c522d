/**
 * The CAPPLAN functions that price useful work with the route engine (model v2, docs/model.md section 11):
 * OPTIONS, COSTPERHOUR with "useful", and the route inputs RENTVSBUILD's useful-hour rows need. Arguments are
 * coerced as in computations.ts (args.ts); a formula's overrides reach the v1 cost basis and then the route.
 */
import {
  evaluateRoute,
  type OwnedFleet,
  type RentedFleet,
  type RouteInputs,
  type RouteSettings,
} from "../model/finance";
import type { ApproachEntry, GpuEntry, RegionEntry } from "../model/library/indexLibrary";
import { optionLinesTable, optionsTable, type OptionParts } from "../model/options";
import { applyRouteOverrides, applySettingsOverrides, type Overrides } from "../model/overrides";
import { LookupError, valuePerGpuHourFor } from "../model/resolve";
import { ownedFleetFor, rentedFleetFor, taxRateFor, usefulWorkFor } from "../model/resolveRoute";
import { buildFor, rentalFor } from "./args";
import { ArgumentError } from "./argumentError";
import { NoResultError } from "./errorValues";
import { currentIndex } from "./lookups";

/** The owned fleet of `approach`, its cost basis with the overrides applied (build time recomputed). */
export function ownedFor(
  gpu: GpuEntry,
  count: number,
  region: RegionEntry,
  approach: ApproachEntry,
  o: Overrides
): OwnedFleet {
  const build = buildFor(gpu, count, region.id, approach.id, o);
  return ownedFleetFor(currentIndex(), gpu, count, region, approach, build);
}

/** A rental of `count` GPUs on the offer for (term, provider), overrides applied. */
export function rentedFor(
  gpu: GpuEntry,
  count: number,
  term: string | undefined,
  provider: string | undefined,
  o: Overrides
): RentedFleet {
  const { offer, rent } = rentalFor(gpu, count, term, provider, o);
  return rentedFleetFor(offer, count, rent);
}

/** The first of `terms` the library offers for the GPU (undefined = its default offer), or why there is none. */
function rentalOrReason(
  gpu: GpuEntry,
  count: number,
  terms: readonly (string | undefined)[],
  o: Overrides
): RentedFleet | string {
  for (const term of terms) {
    try {
      return rentedFor(gpu, count, term, undefined, o);
    } catch (error) {
      if (!(error instanceof LookupError)) throw error;
    }
  }
  const named = terms.filter((t): t is string => t !== undefined);
  return named.length === 0
    ? `no rental offer for ${gpu.name} in the library`
    : `no ${named.join(" or ")} offer for ${gpu.name} in the library`;
}

/** Bonus depreciation only moves tax: before tax (rate 0) it would be silently ignored, so it is refused. */
function refuseBonusWithoutTax(o: Overrides, taxRate: number, functionName: string): void {
  if (o.bonusDepreciation !== undefined && taxRate === 0)
    throw new ArgumentError(
      "value",
      `bonusDepreciation does not apply to ${functionName} before tax: give a taxRate too (the library's is 0).`
    );
}

/** Route settings: the library's tax rate and value of a GPU-hour, then the overrides. */
export function routeSettingsFor(
  gpu: GpuEntry,
  horizonYears: number,
  discountRate: number,
  o: Overrides
): RouteSettings {
  const index = currentIndex();
  return applySettingsOverrides(
    {
      horizonYears,
      discountRate,
      taxRate: taxRateFor(index),
      valuePerUsefulGpuHour: valuePerGpuHourFor(index, gpu),
    },
    o
  );
}

/**
 * OPTIONS' parts: on demand = the GPU's on-demand offer; reserved = its 1-year offer, else its 3-year one;
 * the bridge rents the GPU's default offer (the library's defaults.rentalOffer) while the standard build is
 * built and ramped. Overlap 0 unless the overrides set overlapMonths.
 */
export function optionsFor(
  gpu: GpuEntry,
  count: number,
  region: RegionEntry,
  approaches: OptionApproaches,
  horizonYears: number,
  discountRate: number,
  o: Overrides
): (string | number)[][] {
  return optionsTableFor(
    optionsTable,
    "OPTIONS",
    gpu,
    count,
    region,
    approaches,
    horizonYears,
    discountRate,
    o
  );
}

/** OPTIONLINES: the same six routes as OPTIONS, as the present value of each cost line per route. */
export function optionLinesFor(
  gpu: GpuEntry,
  count: number,
  region: RegionEntry,
  approaches: OptionApproaches,
  horizonYears: number,
  discountRate: number,
  o: Overrides
): (string | number)[][] {
  return optionsTableFor(
    optionLinesTable,
    "OPTIONLINES",
    gpu,
    count,
    region,
    approaches,
    horizonYears,
    discountRate,
    o
  );
}

type OptionApproaches = {
  readonly colocation: ApproachEntry;
  readonly standard: ApproachEntry;
  readonly fastTrack: ApproachEntry;
};

function optionsTableFor(
  table: typeof optionsTable,
  functionName: string,
  gpu: GpuEntry,
  count: number,
  region: RegionEntry,
  approaches: OptionApproaches,
  horizonYears: number,
  discountRate: number,
  o: Overrides
): (string | number)[][] {
  const work = usefulWorkFor(currentIndex());
  const parts: OptionParts = {
    onDemand: rentalOrReason(gpu, count, ["on-demand"], o),
    reserved: rentalOrReason(gpu, count, ["1yr", "3yr"], o),
    colocation: ownedFor(gpu, count, region, approaches.colocation, o),
    standard: ownedFor(gpu, count, region, approaches.standard, o),
    fastTrack: ownedFor(gpu, count, region, approaches.fastTrack, o),
    bridgeRental: rentalOrReason(gpu, count, [undefined], o),
    overlapMonths: 0,
    work,
  };
  const settings = routeSettingsFor(gpu, horizonYears, discountRate, o);
  refuseBonusWithoutTax(o, settings.taxRate, functionName);
  // Route-only overrides (ramp, spares, useful work, overlap...) apply to every route alike.
  return table(parts, settings, (route) => applyRouteOverrides(route, o));
}

/**
 * Moves first capacity to month 0 for "years of operation": the grid keeps its distance from first
 * capacity, and hardware keeps the price of its purchase month (list x (1 + d)^(T / 12)).
 */
function fromFirstCapacity(owned: OwnedFleet): OwnedFleet {
  const T = owned.build.buildMonths;
  const priceFactor = Math.pow(1 + owned.hardwarePriceChange, T / 12);
  return {
    ...owned,
    build: {
      ...owned.build,
      buildMonths: 0,
      systemPricePerGpu: owned.build.systemPricePerGpu * priceFactor,
    },
    power: { ...owned.power, gridMonths: Math.max(0, owned.power.gridMonths - T) },
  };
}

/**
 * COSTPERHOUR(..., "useful"): the cost of `years` of operation from first capacity per useful GPU-hour
 * (delivered x availability x goodput x productive utilization), by the route engine with capacity at month 0.
 */
export function usefulCostPerHour(
  side: "build" | "rent",
  owned: () => OwnedFleet,
  rented: () => RentedFleet,
  gpu: GpuEntry,
  years: number,
  o: Overrides
): number {
  const work = usefulWorkFor(currentIndex());
  // Overrides first (gridMonths and the price change count from the decision), then the shift to month 0.
  const route: RouteInputs =
    side === "build"
      ? applyRouteOverrides(
          { label: "build", owned: owned(), rented: null, overlapMonths: 0, work },
          o
        )
      : applyRouteOverrides(
          { label: "rent", owned: null, rented: rented(), overlapMonths: 0, work },
          o
        );
  const shifted: RouteInputs =
    route.owned !== null
      ? { ...route, owned: fromFirstCapacity(route.owned) }
      : route.rented !== null
        ? {
            ...route,
            rented: { ...route.rented, rent: { ...route.rented.rent, leadTimeMonths: 0 } },
          }
        : route;
  // Undiscounted and before tax, like the delivered basis, unless the formula gives a tax rate.
  const settings = routeSettingsFor(gpu, years, 0, {
    taxRate: o.taxRate ?? 0,
    bonusDepreciation: o.bonusDepreciation,
  });
  refuseBonusWithoutTax(o, settings.taxRate, 'COSTPERHOUR "useful"');
  const result = evaluateRoute(shifted, settings);
  if (result.costPerUsefulGpuHour === null)
    throw new NoResultError(
      "No useful GPU-hours are delivered (count, availability, goodput or productive utilization is 0), so there is no cost per useful GPU-hour."
    );
  return result.costPerUsefulGpuHour;
}

/** The full v2 routes behind RENTVSBUILD's useful-hour rows: own (or bridge) and rent, from the decision. */
export function usefulRoutesFor(
  owned: OwnedFleet,
  rented: RentedFleet,
  bridge: boolean,
  overlapMonths: number,
  o: Overrides
): { own: RouteInputs; rent: RouteInputs } {
  const work = usefulWorkFor(currentIndex());
  return {
    own: applyRouteOverrides(
      {
        label: bridge ? "bridge" : "build",
        owned,
        rented: bridge ? rented : null,
        overlapMonths: bridge ? overlapMonths : 0,
        work,
      },
      o
    ),
    rent: applyRouteOverrides({ label: "rent", owned: null, rented, overlapMonths: 0, work }, o),
  };
}

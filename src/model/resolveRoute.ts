/**
 * From the library to the records of the v2 route engine (src/model/finance/routeTypes.ts): useful work, power
 * supply, owned and rented fleets, tax rate. Pure lookups like resolve.ts; a field the library omits takes its
 * default from libraryDefaults.ts (the one place defaults live).
 */
import { gridWaitMonths, itLoadMw, type BuildInputs, type Phase, type RentInputs } from "./finance";
import type {
  OwnedFleet,
  PowerSupply,
  RentedFleet,
  RouteInputs,
  RouteSettings,
  UsefulWork,
} from "./finance/routeTypes";
import {
  findRentalOffer,
  type ApproachEntry,
  type GpuEntry,
  type LibraryIndex,
  type RegionEntry,
  type RentalOfferEntry,
  type ScenarioEntry,
} from "./library/indexLibrary";
import { nearestNames } from "./library/nearest";
import {
  AVAILABILITY_DEFAULT,
  BATTERY_COST_PER_KWH_DEFAULT,
  BATTERY_HOURS_DEFAULT,
  billingDefault,
  GOODPUT_DEFAULT,
  HARDWARE_PRICE_CHANGE_DEFAULT,
  MARKET_VALUE_CHANGE_DEFAULT,
  MINIMUM_TERM_MONTHS_DEFAULT,
  ONSITE_COST_PER_KW_DEFAULT,
  OUTAGE_HOURS_PER_YEAR_DEFAULT,
  OUTAGES_PER_YEAR_DEFAULT,
  PHASES_DEFAULT,
  POWER_KIND_DEFAULT,
  PRODUCTIVE_UTILIZATION_DEFAULT,
  RAMP_MONTHS_DEFAULT,
  RESIDUAL_DEFAULT,
  RESTART_HOURS_PER_OUTAGE_DEFAULT,
  SPARES_NEEDED_DEFAULT,
  SPARES_SHARE_DEFAULT,
  TAX_RATE_DEFAULT,
} from "./libraryDefaults";
import {
  applyBuildOverrides,
  applyCompareOverrides,
  applyRentOverrides,
  applyRouteOverrides,
  applySettingsOverrides,
  findOverride,
  NO_OVERRIDES,
  type Overrides,
} from "./overrides";
import {
  buildInputsFor,
  buildTimeFor,
  gridLoadFor,
  LookupError,
  rentInputsFor,
  resolveScenarioInputs,
  valuePerGpuHourFor,
  type ResolvedScenario,
} from "./resolve";

/** What share of available GPU-hours becomes useful work, for owned and rented fleets alike. */
export function usefulWorkFor(index: LibraryIndex): UsefulWork {
  const { operations } = index.library;
  return {
    productiveUtilization:
      operations.productiveUtilization?.value ?? PRODUCTIVE_UTILIZATION_DEFAULT,
    goodput: operations.goodput?.value ?? GOODPUT_DEFAULT,
  };
}

/** The library's income tax rate; 0 (pre-tax) when it sets none. */
export function taxRateFor(index: LibraryIndex): number {
  return index.library.financing.taxRate?.value ?? TAX_RATE_DEFAULT;
}

/**
 * How `approach` powers a facility in `region` sized by `build` (its count, kW per GPU and PUE, so a formula's
 * overrides of those move the grid wait too). gridMonths = the region's grid wait for that facility load (the
 * transmission queue above the threshold, the distribution wait at or below it), as buildTimeFor uses it.
 * On-site energy is priced at the build's power price (the region's unless overridden): no sourced fuel figure.
 */
export function powerSupplyFor(
  index: LibraryIndex,
  region: RegionEntry,
  approach: ApproachEntry,
  build: BuildInputs
): PowerSupply {
  const { operations } = index.library;
  const power = approach.power;
  const load = gridLoadFor(
    itLoadMw(build.gpuCount, build.systemPowerKwPerGpu),
    region,
    operations,
    build.pue
  );
  return {
    kind: power?.kind ?? POWER_KIND_DEFAULT,
    outageHoursPerYear: operations.outageHoursPerYear?.value ?? OUTAGE_HOURS_PER_YEAR_DEFAULT,
    outagesPerYear: operations.outagesPerYear?.value ?? OUTAGES_PER_YEAR_DEFAULT,
    restartHoursPerOutage:
      operations.restartHoursPerOutage?.value ?? RESTART_HOURS_PER_OUTAGE_DEFAULT,
    batteryHours: power?.batteryHours?.value ?? BATTERY_HOURS_DEFAULT,
    batteryCostPerKwh: power?.batteryCostPerKwh?.value ?? BATTERY_COST_PER_KWH_DEFAULT,
    onsiteCostPerKw: power?.onsiteCostPerKw?.value ?? ONSITE_COST_PER_KW_DEFAULT,
    onsitePricePerKwh: power?.onsitePricePerKwh?.value ?? build.powerPricePerKwh,
    gridMonths: gridWaitMonths(
      load.facilityMw,
      load.thresholdMw,
      region.gridConnectionMonths.value,
      load.distributionMonths
    ),
  };
}

/**
 * The owned part of a route: `count` GPUs built with `approach` in `region`. `build` is the v1 cost basis
 * (buildInputsFor when omitted; pass one with a formula's overrides applied); `phases` default to one phase of
 * the whole fleet at first capacity, the ramp to the approach's rampMonths (0 when absent).
 */
export function ownedFleetFor(
  index: LibraryIndex,
  gpu: GpuEntry,
  count: number,
  region: RegionEntry,
  approach: ApproachEntry,
  build: BuildInputs = buildInputsFor(index, gpu, count, region, approach),
  phases: readonly Phase[] = PHASES_DEFAULT
): OwnedFleet {
  const { operations } = index.library;
  return {
    build,
    rampMonths: approach.rampMonths?.value ?? RAMP_MONTHS_DEFAULT,
    phases,
    sparesShare: operations.sparesShare?.value ?? SPARES_SHARE_DEFAULT,
    sparesNeeded: operations.sparesNeeded?.value ?? SPARES_NEEDED_DEFAULT,
    power: powerSupplyFor(index, region, approach, build),
    hardwarePriceChange: operations.hardwarePriceChange?.value ?? HARDWARE_PRICE_CHANGE_DEFAULT,
    residual: RESIDUAL_DEFAULT,
    marketValueChange: operations.marketValueChange?.value ?? MARKET_VALUE_CHANGE_DEFAULT,
  };
}

/**
 * The rented part of a route: `count` GPUs on `offer`. `rent` is the v1 rate basis (rentInputsFor when omitted).
 * Billing by the offer's term when it sets none, availability 1 without an SLA, no minimum term when absent;
 * the rental runs to the horizon (endMonth null; the engine sets the end of a bridge).
 */
export function rentedFleetFor(
  offer: RentalOfferEntry,
  count: number,
  rent: RentInputs = rentInputsFor(offer, count)
): RentedFleet {
  return {
    rent,
    billing: offer.billing ?? billingDefault(offer.term),
    availability: offer.availability?.value ?? AVAILABILITY_DEFAULT,
    minimumTermMonths: offer.minimumTermMonths?.value ?? MINIMUM_TERM_MONTHS_DEFAULT,
    endMonth: null,
  };
}

/**
 * A scenario's overrides as the record applyBuildOverrides / applyRentOverrides take: keys parsed like the
 * overrides argument (aliases, case and separators), switches 1/0 as true/false. The schema refused unknown keys,
 * repeated keys and out-of-range values when the library was loaded, so every key is found here.
 */
export function scenarioOverridesFor(scenario: ScenarioEntry): Overrides {
  if (scenario.overrides === undefined) return NO_OVERRIDES;
  // A null-prototype record: keys came from the document.
  const parsed = Object.create(null) as Record<string, number | boolean>;
  let any = false;
  for (const [key, value] of Object.entries(scenario.overrides)) {
    const spec = findOverride(key);
    if (spec === undefined) continue;
    parsed[spec.key] = spec.kind === "switch" ? value !== 0 : value;
    any = true;
  }
  return any ? (parsed as Overrides) : NO_OVERRIDES;
}

/** The routes of a library scenario for the v2 engine, and the settings to evaluate them with. */
export interface ScenarioRoutes {
  /** The v1 inputs of the scenario (without its overrides, as the v1 template uses them). */
  readonly resolved: ResolvedScenario;
  /** The scenario's overrides, applied to the routes below. */
  readonly overrides: Overrides;
  /** Own only: the owned fleet with the scenario's phases. */
  readonly own: RouteInputs;
  /** Rent only: the scenario's rental offer, to the horizon. */
  readonly rent: RouteInputs;
  /** Rent while building (the scenario's bridge), or null when the scenario has none. */
  readonly bridge: RouteInputs | null;
  readonly settings: RouteSettings;
}

/**
 * Everything the route engine needs for a library scenario: its overrides applied to the build (the build time
 * recomputed when kW per GPU or PUE change, as in the functions) and to every rental; phases from the scenario
 * (one phase when absent); the bridge rents the bridge's offer (the scenario's when it names none) with the
 * scenario's rent lead time. The cost of delay values a useful GPU-hour at the library's value of a GPU-hour.
 */
export function scenarioRoutesFor(index: LibraryIndex, scenarioKey: string): ScenarioRoutes {
  const resolved = resolveScenarioInputs(index, scenarioKey);
  const { scenario, gpu, region, approach, offer } = resolved;
  const overrides = scenarioOverridesFor(scenario);
  const { operations } = index.library;
  const build = applyBuildOverrides(resolved.build, overrides, (itMw, pue) =>
    buildTimeFor(itMw, region, approach, operations, pue)
  );
  const owned = ownedFleetFor(
    index,
    gpu,
    scenario.count,
    region,
    approach,
    build,
    scenario.phases ?? PHASES_DEFAULT
  );
  const work = usefulWorkFor(index);
  const rentedOn = (entry: RentalOfferEntry) =>
    rentedFleetFor(
      entry,
      scenario.count,
      applyRentOverrides(
        rentInputsFor(entry, scenario.count, scenario.rentLeadTimeMonths),
        overrides
      )
    );
  const routed = (route: RouteInputs): RouteInputs => applyRouteOverrides(route, overrides);
  let bridge: RouteInputs | null = null;
  if (scenario.bridge !== undefined) {
    const bridgeKey = scenario.bridge.rentalOffer ?? scenario.rentalOffer;
    // The schema checked the reference when the library was loaded.
    const bridgeOffer = findRentalOffer(index, bridgeKey);
    if (!bridgeOffer)
      throw new LookupError(
        "rental offer",
        bridgeKey,
        nearestNames(bridgeKey, index.names.rentalOffers)
      );
    bridge = routed({
      label: `${scenario.name}: bridge (rent while building)`,
      owned,
      rented: rentedOn(bridgeOffer),
      overlapMonths: scenario.bridge.overlapMonths,
      work,
    });
  }
  const compare = applyCompareOverrides(resolved.compare, overrides);
  return {
    resolved,
    overrides,
    own: routed({ label: `${scenario.name}: build`, owned, rented: null, overlapMonths: 0, work }),
    rent: routed({
      label: `${scenario.name}: rent`,
      owned: null,
      rented: rentedOn(offer),
      overlapMonths: 0,
      work,
    }),
    bridge,
    // The v1 keys (discount rate, value of a GPU-hour) came through compare; tax is route-only.
    settings: applySettingsOverrides(
      {
        horizonYears: scenario.years,
        discountRate: compare.discountRate,
        taxRate: taxRateFor(index),
        valuePerUsefulGpuHour: valuePerGpuHourFor(index, gpu),
      },
      overrides
    ),
  };
}

/**
 * Scenario overrides: the inputs a public calculator exposes, set for one formula (the `overrides`
 * argument of the compare functions, a 2-column key/value range). Pure: the key catalog (names, aliases,
 * allowed ranges) and how a parsed record changes the core's inputs. Parsing what Excel passes is in
 * src/functions/overridesArg.ts.
 *
 * "residual" off (0) adds nothing to the core: it sets both straight-line lives to RESIDUAL_OFF_LIFE_YEARS,
 * so any use at all depreciates the IT and the facility to 0 (an explicit itDepreciationYears or
 * facilityLifeYears is then ignored).
 */
import {
  itLoadMw,
  type BuildInputs,
  type CompareInputs,
  type RentInputs,
  type RouteInputs,
  type RouteSettings,
} from "./finance";
import { normalizeKey } from "./library/normalize";

/** The record the functions parse; an absent field keeps the library's value. */
export interface Overrides {
  readonly systemPricePerGpu?: number;
  readonly kwPerGpu?: number;
  readonly pue?: number;
  readonly powerPrice?: number;
  readonly colocationPerKwMonth?: number;
  readonly maintenanceShare?: number;
  readonly networkShare?: number;
  readonly staffCostPerMwYear?: number;
  /** false = no residual value at the horizon. */
  readonly residual?: boolean;
  readonly utilization?: number;
  readonly rentRate?: number;
  readonly rentPriceChange?: number;
  readonly buildMonths?: number;
  readonly rentLeadTimeMonths?: number;
  readonly discountRate?: number;
  readonly itDepreciationYears?: number;
  readonly facilityLifeYears?: number;
  readonly constructionCostPerMw?: number;
  /** USD per GPU-hour delivered late (v1 compare) or per useful GPU-hour not delivered (routes). */
  readonly valuePerGpuHour?: number;
  // Route engine (model v2) only: see ROUTE_ONLY_KEYS.
  readonly productiveUtilization?: number;
  readonly goodput?: number;
  readonly taxRate?: number;
  readonly rampMonths?: number;
  readonly sparesShare?: number;
  readonly outageHoursPerYear?: number;
  readonly hardwarePriceChange?: number;
  readonly overlapMonths?: number;
  readonly gridMonths?: number;
  readonly onsitePricePerKwh?: number;
  readonly bonusDepreciation?: number;
  /** true = IT residual follows the market price decline (marketValueChange) instead of a straight line. */
  readonly marketResidual?: boolean;
}

/** The record of no overrides: one shared object, so callers can skip applying it by identity. */
export const NO_OVERRIDES: Overrides = Object.freeze({});

export type OverrideKey = keyof Overrides;

/** One key: its canonical name, aliases, and what values it takes. */
export interface OverrideSpec {
  readonly key: OverrideKey;
  readonly aliases: readonly string[];
  /** "number" in [min, max]; "switch" = 1/0 or TRUE/FALSE. */
  readonly kind: "number" | "switch";
  readonly min: number;
  readonly max: number;
  /** Unit or meaning for messages, e.g. "USD per kWh". */
  readonly what: string;
}

const num = (
  key: OverrideKey,
  min: number,
  max: number,
  what: string,
  aliases: readonly string[] = []
): OverrideSpec => ({ key, aliases, kind: "number", min, max, what });

/** Every key, in the order the help lists them. */
export const OVERRIDE_SPECS: readonly OverrideSpec[] = [
  num("systemPricePerGpu", 0, 10_000_000, "USD per GPU of a complete server", ["systemPrice"]),
  num("kwPerGpu", 0, 100, "kW of IT load per GPU", ["systemPowerKwPerGpu"]),
  num("pue", 1, 3, "(facility power / IT power)"),
  num("powerPrice", 0, 10, "USD per kWh", ["powerPricePerKwh"]),
  num("colocationPerKwMonth", 0, 10_000, "USD per kW-month", ["colocation"]),
  num("maintenanceShare", 0, 1, "of IT capex per year (a fraction)", [
    "maintenanceShareOfHwPerYear",
    "maintenance",
  ]),
  num("networkShare", 0, 0.99, "of cluster cost (a fraction)", ["networkShareOfClusterCost"]),
  num("staffCostPerMwYear", 0, 100_000_000, "USD per MW-year", ["staff"]),
  { key: "residual", aliases: [], kind: "switch", min: 0, max: 1, what: "(1 = on, 0 = off)" },
  num("utilization", 0, 1, "(average electrical draw / maximum, a fraction)"),
  num("rentRate", 0, 1000, "USD per GPU-hour", ["ratePerGpuHour", "rate"]),
  num("rentPriceChange", -1, 1, "per year (a fraction, e.g. -0.1)", ["annualPriceChange"]),
  num("buildMonths", 0, 1200, "months from decision to first capacity"),
  num("rentLeadTimeMonths", 0, 1200, "months from decision to rented capacity", ["leadTimeMonths"]),
  num("discountRate", 0, 1, "per year (a fraction, e.g. 0.07)"),
  num("itDepreciationYears", 0.1, 100, "years"),
  num("facilityLifeYears", 0.1, 100, "years"),
  num("constructionCostPerMw", 0, 1_000_000_000, "USD per MW of IT load"),
  num("valuePerGpuHour", 0, 1000, "USD per GPU-hour, for the cost of delay"),
  num("productiveUtilization", 0, 1, "(share of available GPU-hours doing useful work)", [
    "usefulUtilization",
    "productiveUtil",
  ]),
  num("goodput", 0, 1, "(share of running time not lost to failures and restarts)"),
  num("bonusDepreciation", 0, 1, "(share of IT expensed when bought, e.g. 1 under OBBBA)", [
    "bonusDepreciationShare",
  ]),
  // At 100 % every after-tax flow is ~0 and a cost per hour is float noise: no decision is taken there.
  num("taxRate", 0, 0.9, "(a fraction up to 0.9, e.g. 0.21; 0 = pre-tax)", ["tax"]),
  num("rampMonths", 0, 240, "months from first to full capacity", ["ramp"]),
  num("sparesShare", 0, 1, "(spare GPUs bought, a share of the count)", ["spares"]),
  num("outageHoursPerYear", 0, 8760, "hours of grid outage per year", ["outageHours"]),
  num("hardwarePriceChange", -1, 1, "per year (a fraction, e.g. -0.3)", ["priceDecline"]),
  num("overlapMonths", 0, 120, "months the bridge rental overlaps the ramped build", ["overlap"]),
  num("gridMonths", 0, 1200, "months from decision to the grid connection (on-site bridge)", [
    "gridArrivalMonths",
  ]),
  // No sourced fuel price: on-site energy costs the grid price unless a formula gives one (docs 11.8).
  num("onsitePricePerKwh", 0, 10, "USD per kWh while on on-site generation", ["onsitePrice"]),
  {
    key: "marketResidual",
    aliases: [],
    kind: "switch",
    min: 0,
    max: 1,
    what: "(1 = IT residual at the market price decline, 0 = straight line)",
  },
];

/**
 * Keys only the route engine (model v2) reads. A v1 function given one rejects it rather than ignore it: a
 * productive utilization typed into TCO (which counts every hour) must not look as if it had an effect.
 */
export const ROUTE_ONLY_KEYS: ReadonlySet<OverrideKey> = new Set<OverrideKey>([
  "productiveUtilization",
  "goodput",
  "taxRate",
  "rampMonths",
  "sparesShare",
  "outageHoursPerYear",
  "hardwarePriceChange",
  "overlapMonths",
  "gridMonths",
  "onsitePricePerKwh",
  "bonusDepreciation",
  "marketResidual",
]);

/** The route-only keys present in `o`, in catalog order. */
export function routeOnlyKeysIn(o: Overrides): OverrideKey[] {
  return OVERRIDE_SPECS.map((spec) => spec.key).filter(
    (key) => ROUTE_ONLY_KEYS.has(key) && o[key] !== undefined
  );
}

/** Canonical names, for messages and "did you mean" suggestions. */
export const OVERRIDE_NAMES: readonly string[] = OVERRIDE_SPECS.map((s) => s.key);

// Normalized name or alias -> spec; a Map, so "constructor" or "__proto__" are simply unknown keys.
const BY_NAME: ReadonlyMap<string, OverrideSpec> = new Map(
  OVERRIDE_SPECS.flatMap((spec) =>
    [spec.key, ...spec.aliases].map((name) => [normalizeKey(name), spec] as const)
  )
);

/** The spec for a typed key (case and separators ignored, aliases accepted), or undefined. */
export function findOverride(text: string): OverrideSpec | undefined {
  return BY_NAME.get(normalizeKey(text));
}

/** Lives that leave no residual value after any use (the "residual" off switch). */
export const RESIDUAL_OFF_LIFE_YEARS = 1e-9;

/**
 * The build inputs with the overrides applied. `monthsFor(itMw, pue)` recomputes the build time when kW per
 * GPU or PUE changes the load the grid sees (IT MW x PUE) and no buildMonths override is given.
 */
export function applyBuildOverrides(
  build: BuildInputs,
  o: Overrides,
  monthsFor?: (itMw: number, pue: number) => number
): BuildInputs {
  const kw = o.kwPerGpu ?? build.systemPowerKwPerGpu;
  const pue = o.pue ?? build.pue;
  const loadChanged = o.kwPerGpu !== undefined || o.pue !== undefined;
  const months =
    o.buildMonths ??
    (loadChanged && monthsFor !== undefined
      ? monthsFor(itLoadMw(build.gpuCount, kw), pue)
      : build.buildMonths);
  const noResidual = o.residual === false;
  return {
    ...build,
    systemPricePerGpu: o.systemPricePerGpu ?? build.systemPricePerGpu,
    systemPowerKwPerGpu: kw,
    pue,
    powerPricePerKwh: o.powerPrice ?? build.powerPricePerKwh,
    colocationPerKwMonth: o.colocationPerKwMonth ?? build.colocationPerKwMonth,
    maintenanceShareOfHwPerYear: o.maintenanceShare ?? build.maintenanceShareOfHwPerYear,
    networkShare: o.networkShare ?? build.networkShare,
    staffCostPerMwYear: o.staffCostPerMwYear ?? build.staffCostPerMwYear,
    utilization: o.utilization ?? build.utilization,
    buildMonths: months,
    constructionCostPerMw: o.constructionCostPerMw ?? build.constructionCostPerMw,
    itDepreciationYears: noResidual
      ? RESIDUAL_OFF_LIFE_YEARS
      : (o.itDepreciationYears ?? build.itDepreciationYears),
    facilityLifeYears: noResidual
      ? RESIDUAL_OFF_LIFE_YEARS
      : (o.facilityLifeYears ?? build.facilityLifeYears),
  };
}

export function applyRentOverrides(rent: RentInputs, o: Overrides): RentInputs {
  return {
    ...rent,
    ratePerGpuHour: o.rentRate ?? rent.ratePerGpuHour,
    annualPriceChange: o.rentPriceChange ?? rent.annualPriceChange,
    leadTimeMonths: o.rentLeadTimeMonths ?? rent.leadTimeMonths,
  };
}

export function applyCompareOverrides(compare: CompareInputs, o: Overrides): CompareInputs {
  if (o.discountRate === undefined && o.valuePerGpuHour === undefined) return compare;
  return {
    ...compare,
    discountRate: o.discountRate ?? compare.discountRate,
    valuePerGpuHour: o.valuePerGpuHour ?? compare.valuePerGpuHour,
  };
}

/**
 * A route with the route-only overrides applied (the v1 keys are applied to its BuildInputs/RentInputs
 * before the route is assembled). Ramp, spares, outages and price decline change the owned fleet only.
 */
export function applyRouteOverrides(route: RouteInputs, o: Overrides): RouteInputs {
  const owned =
    route.owned === null
      ? null
      : {
          ...route.owned,
          rampMonths: o.rampMonths ?? route.owned.rampMonths,
          sparesShare: o.sparesShare ?? route.owned.sparesShare,
          hardwarePriceChange: o.hardwarePriceChange ?? route.owned.hardwarePriceChange,
          // "residual" 0 means no residual at all, whatever the rule; market residual replaces the straight line.
          residual:
            o.residual === false
              ? ("none" as const)
              : o.marketResidual === undefined
                ? route.owned.residual
                : o.marketResidual
                  ? ("market" as const)
                  : ("straight-line" as const),
          power:
            o.outageHoursPerYear === undefined &&
            o.gridMonths === undefined &&
            o.onsitePricePerKwh === undefined
              ? route.owned.power
              : {
                  ...route.owned.power,
                  outageHoursPerYear: o.outageHoursPerYear ?? route.owned.power.outageHoursPerYear,
                  gridMonths: o.gridMonths ?? route.owned.power.gridMonths,
                  onsitePricePerKwh: o.onsitePricePerKwh ?? route.owned.power.onsitePricePerKwh,
                },
        };
  return {
    ...route,
    owned,
    overlapMonths: o.overlapMonths ?? route.overlapMonths,
    work: {
      productiveUtilization: o.productiveUtilization ?? route.work.productiveUtilization,
      goodput: o.goodput ?? route.work.goodput,
    },
  };
}

export function applySettingsOverrides(settings: RouteSettings, o: Overrides): RouteSettings {
  return {
    ...settings,
    discountRate: o.discountRate ?? settings.discountRate,
    taxRate: o.taxRate ?? settings.taxRate,
    bonusDepreciationShare: o.bonusDepreciation ?? settings.bonusDepreciationShare,
    valuePerUsefulGpuHour: o.valuePerGpuHour ?? settings.valuePerUsefulGpuHour,
  };
}

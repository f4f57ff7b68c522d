/**
 * What each CAPPLAN function computes: coerce the arguments, look up the library, call the core.
 * functions.ts wraps these with the JSDoc the metadata plugin reads and maps every failure to an Excel error.
 */
import {
  breakevenMonth,
  breakevenUtilization,
  buildCashFlows,
  clusterCost,
  compareBridge,
  compareOptions,
  evaluateRoute,
  discountedPaybackMonths,
  impliedAnnualPriceChange,
  irr,
  energyCost,
  facilityCapex,
  gpuChipCost,
  itLoadMw,
  operatingCostPerGpuHour,
  operatingTco,
  rentCashFlows,
  rentOperatingCost,
  rentCost as rentCostCore,
  serverCost,
  simplePaybackFor,
  HOURS_PER_YEAR,
  ModelInputError,
  type BuildInputs,
  type RentInputs,
} from "../model/finance";
import {
  findAssumption,
  type GpuEntry,
  type RentalOfferEntry,
} from "../model/library/indexLibrary";
import { nearestNames } from "../model/library/nearest";
import { normalizeKey } from "../model/library/normalize";
import { LookupError, buildTimeFor, compareInputsFor } from "../model/resolve";
import {
  getActiveLibrary,
  libraryName,
  libraryUnavailable,
  RECALCULATE_HINT,
  recalculationPending,
} from "../shared-state/activeLibrary";
import { ArgumentError } from "./argumentError";
import { optionalNumber, optionalText, requiredNumber, requiredText } from "./coerce";
import { NoResultError } from "./errorValues";
import { approachFor, currentIndex, offerFor } from "./lookups";
import {
  IT_MW,
  MONTHS,
  PUE,
  UTILIZATION,
  DISCOUNT,
  gpuArg,
  countArg,
  yearsArg,
  regionArg,
  approachArg,
  optionArg,
  costBasisArg,
  builtApproachArg,
  isBridgeApproach,
  rentalTexts,
  buildFor,
  rentFor,
} from "./args";
import { overridesArg, overridesRefusing, v1OverridesArg } from "./overridesArg";
import {
  optionLinesFor,
  optionsFor,
  ownedFor,
  rentedFor,
  routeSettingsFor,
  usefulCostPerHour,
  usefulRoutesFor,
} from "./routeFunctions";
import { applyCompareOverrides, type Overrides } from "../model/overrides";

export function gpuCost(gpu: unknown, count: unknown, scope: unknown): number {
  const entry = gpuArg(gpu);
  const n = countArg(count);
  const networkShare = currentIndex().library.operations.networkShareOfClusterCost.value;
  const which = optionalText(scope, "scope", '"gpu", "server" or "cluster"');
  if (which === undefined) return clusterCost(entry.systemPricePerGpu.value, n, networkShare);
  switch (which.trim().toLowerCase()) {
    case "gpu":
    case "chip":
      return gpuChipCost(entry.chipPrice.value, n);
    case "server":
    case "system":
      return serverCost(entry.systemPricePerGpu.value, n);
    case "cluster":
      return clusterCost(entry.systemPricePerGpu.value, n, networkShare);
    default:
      throw new ArgumentError(
        "value",
        `scope must be "gpu", "server" or "cluster" (got "${which}").`
      );
  }
}

export function gpuPower(gpu: unknown, count: unknown): number {
  return itLoadMw(countArg(count), gpuArg(gpu).systemPowerKwPerGpu.value);
}

export function buildCost(itMw: unknown, region: unknown): number {
  const mw = requiredNumber(itMw, "itMw", IT_MW);
  // The construction cost of a facility: the standard approach's multiplier when the library sets one.
  const standard = currentIndex().library.approaches.standard;
  return facilityCapex(
    mw,
    regionArg(region).constructionCostPerMw.value,
    standard.capexMultiplier?.value ?? 1
  );
}

export function buildTime(itMw: unknown, region: unknown, approach: unknown): number {
  const mw = requiredNumber(itMw, "itMw", IT_MW);
  return buildTimeFor(
    mw,
    regionArg(region),
    approachArg(approach),
    currentIndex().library.operations
  );
}

export function energyCostFn(
  itMw: unknown,
  months: unknown,
  region: unknown,
  pue: unknown,
  utilization: unknown
): number {
  const mw = requiredNumber(itMw, "itMw", IT_MW);
  const m = requiredNumber(months, "months", MONTHS);
  const regionEntry = regionArg(region);
  const { operations } = currentIndex().library;
  const p = optionalNumber(pue, "pue", PUE, true) ?? operations.pue.value;
  const u =
    optionalNumber(utilization, "utilization", UTILIZATION, true) ?? operations.utilization.value;
  return energyCost(mw, m, p, u, regionEntry.powerPrice.value);
}

export function rentRate(gpu: unknown, term: unknown, provider: unknown): number {
  return rentFor(gpuArg(gpu), 0, term, provider).ratePerGpuHour;
}

/**
 * RENTCURVE: the yearly rental price change implied by a provider's 1-year and 3-year prices for the GPU
 * (impliedAnnualPriceChange); without a provider, the first provider (by offer id) that has both.
 */
export function rentCurve(gpu: unknown, provider: unknown): number {
  const entry = gpuArg(gpu);
  const wanted = optionalText(provider, "provider", 'a provider such as "AWS" or "Azure"');
  const offers = currentIndex().offersByGpu.get(entry.id) ?? [];
  const providers = wanted === undefined ? [...new Set(offers.map((o) => o.provider))] : [wanted];
  for (const name of providers) {
    let short: RentalOfferEntry;
    let long: RentalOfferEntry;
    try {
      short = offerFor(entry, "1yr", name);
      long = offerFor(entry, "3yr", name);
    } catch (error) {
      if (error instanceof LookupError) continue;
      throw error;
    }
    // A provider kind ("hyperscaler") could match two providers' terms: the curve is one provider's.
    if (short.provider !== long.provider) continue;
    // Equal prices are a flat curve exactly, not the bisection's 1e-14.
    if (short.rate.value === long.rate.value) return 0;
    try {
      return impliedAnnualPriceChange(short.rate.value, 1, long.rate.value, 3);
    } catch (error) {
      if (!(error instanceof ModelInputError)) throw error;
      throw new NoResultError(
        `${short.provider}'s 3-year price (${long.rate.value}) against its 1-year price (${short.rate.value}) implies no yearly change between -99 % and +100 %.`
      );
    }
  }
  throw new NoResultError(
    wanted === undefined
      ? `No provider in the library offers ${entry.name} for both 1 and 3 years, so no price curve is implied.`
      : `The library has no 1-year and 3-year offers of ${entry.name} from the same provider matching "${wanted}" to imply a price curve.`
  );
}

export function rentCost(
  gpu: unknown,
  count: unknown,
  months: unknown,
  term: unknown,
  provider: unknown
): number {
  const entry = gpuArg(gpu);
  const n = countArg(count);
  const m = requiredNumber(months, "months", MONTHS);
  const rent = rentFor(entry, n, term, provider);
  return rentCostCore(n, m, rent.ratePerGpuHour, rent.annualPriceChange);
}

export function tco(
  gpu: unknown,
  count: unknown,
  years: unknown,
  region: unknown,
  approach: unknown,
  overrides?: unknown
): number {
  const entry = gpuArg(gpu);
  const n = countArg(count);
  const h = yearsArg(years);
  const o = v1OverridesArg(overrides, "TCO");
  // `years` of operation from first capacity (docs/model.md): the build time does not eat into them.
  return operatingTco(buildFor(entry, n, region, approach, o), h);
}

export function costPerHour(
  option: unknown,
  gpu: unknown,
  count: unknown,
  years: unknown,
  region: unknown,
  term: unknown,
  approach: unknown,
  provider: unknown,
  overrides?: unknown,
  basis?: unknown
): number {
  const which = optionArg(option);
  const entry = gpuArg(gpu);
  const n = countArg(count);
  const h = yearsArg(years);
  const useful = costBasisArg(basis) === "useful";
  const o = useful
    ? overridesRefusing(
        overrides,
        "COSTPERHOUR",
        ["overlapMonths", "valuePerGpuHour"],
        "a cost per hour of one route has no bridge overlap and no cost of delay."
      )
    : v1OverridesArg(overrides, "COSTPERHOUR");
  // `years` of operation from first capacity (docs/model.md).
  if (n === 0)
    throw new NoResultError(
      "No GPU-hours are delivered with count 0, so there is no cost per GPU-hour."
    );
  if (useful) {
    const { term: t, provider: p } = rentalTexts(term, provider);
    return usefulCostPerHour(
      which,
      () => ownedFor(entry, n, regionArg(region), approachArg(approach), o),
      () => rentedFor(entry, n, t, p, o),
      entry,
      h,
      o
    );
  }
  // Every installed hour of the count.
  const cost =
    which === "build"
      ? operatingTco(buildFor(entry, n, region, approach, o), h)
      : rentOperatingCost(rentFor(entry, n, term, provider, o), h);
  return operatingCostPerGpuHour(cost, n, h);
}

export function breakeven(
  gpu: unknown,
  count: unknown,
  region: unknown,
  term: unknown,
  approach: unknown,
  provider: unknown,
  overrides?: unknown
): number {
  const entry = gpuArg(gpu);
  const n = countArg(count);
  const o = v1OverridesArg(overrides, "BREAKEVEN");
  const month = breakevenMonth(
    buildFor(entry, n, region, approach, o),
    rentFor(entry, n, term, provider, o)
  );
  if (month === null)
    throw new NoResultError(
      "Building never becomes cheaper than renting within 10 years (120 months) of use."
    );
  return month;
}

/** A discount rate may come as the argument or as an override, not both. */
function discountRateOnce(rate: number | undefined, o: Overrides): void {
  if (rate !== undefined && o.discountRate !== undefined)
    throw new ArgumentError(
      "value",
      "discountRate is given twice, as an argument and in overrides: give it once."
    );
}

/** RENTVSBUILD's rows, in the order they spill. */
export function rentVsBuild(
  gpu: unknown,
  count: unknown,
  years: unknown,
  region: unknown,
  term: unknown,
  discountRate: unknown,
  approach: unknown,
  provider: unknown,
  overrides?: unknown
): (string | number)[][] {
  const entry = gpuArg(gpu);
  const n = countArg(count);
  const h = yearsArg(years);
  const rate = optionalNumber(discountRate, "discountRate", DISCOUNT, false);
  const bridge = isBridgeApproach(approach);
  const o = overridesRefusing(
    overrides,
    "RENTVSBUILD",
    bridge ? ["taxRate", "bonusDepreciation"] : ["taxRate", "bonusDepreciation", "overlapMonths"],
    bridge
      ? "its NPVs are before tax; CAPPLAN.OPTIONS gives them after tax."
      : 'its NPVs are before tax (CAPPLAN.OPTIONS gives them after tax), and only approach "bridge" has an overlap.'
  );
  discountRateOnce(rate, o);
  const approachEntry = builtApproachArg(approach, bridge);
  const regionEntry = regionArg(region);
  const { term: t, provider: p } = rentalTexts(term, provider);
  const owned = ownedFor(entry, n, regionEntry, approachEntry, o);
  const rented = rentedFor(entry, n, t, p, o);
  const build = owned.build;
  const rent = rented.rent;
  const compare = applyCompareOverrides(compareInputsFor(currentIndex(), entry, h, rate), o);
  const overlapMonths = o.overlapMonths ?? 0;
  const result = bridge
    ? compareBridge(build, rent, compare, {
        overlapMonths,
        minimumTermMonths: rented.minimumTermMonths,
      })
    : compareOptions(build, rent, compare);
  // Building instead of renting, as an investment: each year's saving = rent flow - build flow.
  const saving = result.cashflows.rent.map((flow, y) => flow - result.cashflows.build[y]);
  const returnRate = irr(saving);
  const discountedPayback = discountedPaybackMonths(saving, compare.discountRate);
  const utilizationShare = breakevenShare(build, rent, n, h);
  // The useful-hour rows: the same choice priced with useful work, availability, power, ramp (section 11).
  const routes = usefulRoutesFor(owned, rented, bridge, overlapMonths, o);
  // Before tax like every other row (RENTVSBUILD refuses taxRate), whatever the library's tax rate.
  const settings = routeSettingsFor(entry, h, compare.discountRate, { taxRate: 0 });
  const usefulBuild = evaluateRoute(routes.own, settings).costPerUsefulGpuHour;
  const usefulRent = evaluateRoute(routes.rent, settings).costPerUsefulGpuHour;
  const none = "no useful GPU-hours in the horizon";
  return [
    ["NPV build (USD)", result.npvBuild],
    ["NPV rent (USD)", result.npvRent],
    ["Difference, build - rent (USD)", result.difference],
    ["Breakeven (months of use)", result.breakevenMonth ?? "never within 10 years"],
    ["Build cost per GPU-hour (USD)", result.costPerGpuHourBuild ?? "no capacity in horizon"],
    ["Rent cost per GPU-hour (USD)", result.costPerGpuHourRent ?? "no capacity in horizon"],
    ["Build: months to first capacity", result.monthsToCapacityBuild],
    ["Rent: months to capacity", result.monthsToCapacityRent],
    ["Cost of delay (USD, + = build later)", result.costOfDelay],
    ["Difference incl. cost of delay (USD)", result.differenceWithDelay],
    [
      "IRR of building instead of renting (excl. cost of delay)",
      returnRate ?? "none (savings never change sign)",
    ],
    [
      "Discounted payback (months from decision, excl. cost of delay)",
      n === 0 ? "no GPUs: nothing to pay back" : (discountedPayback ?? "never within the horizon"),
    ],
    // A number, or the reason there is none (renting cheaper even at 100 %, or count 0).
    ["Breakeven productive utilization", utilizationShare],
    ["Build cost per useful GPU-hour (USD)", usefulBuild ?? none],
    ["Rent cost per useful GPU-hour (USD)", usefulRent ?? none],
  ];
}

/**
 * OPTIONS: the six routes side by side (docs/model.md section 11.9): rent on demand, rent reserved,
 * buy + colocation, build standard, build fast-track, bridge; header row first.
 */
export function options(
  gpu: unknown,
  count: unknown,
  years: unknown,
  region: unknown,
  discountRate: unknown,
  overrides?: unknown
): (string | number)[][] {
  return sixRoutes(optionsFor, gpu, count, years, region, discountRate, overrides);
}

/**
 * OPTIONLINES: OPTIONS' six routes as the present value of each cost line (docs/model.md section 11.11);
 * same arguments, coercion and errors as OPTIONS.
 */
export function optionLines(
  gpu: unknown,
  count: unknown,
  years: unknown,
  region: unknown,
  discountRate: unknown,
  overrides?: unknown
): (string | number)[][] {
  return sixRoutes(optionLinesFor, gpu, count, years, region, discountRate, overrides);
}

function sixRoutes(
  table: typeof optionsFor,
  gpu: unknown,
  count: unknown,
  years: unknown,
  region: unknown,
  discountRate: unknown,
  overrides: unknown
): (string | number)[][] {
  const entry = gpuArg(gpu);
  const n = countArg(count);
  const h = yearsArg(years);
  const rate = optionalNumber(discountRate, "discountRate", DISCOUNT, false);
  const o = overridesArg(overrides);
  discountRateOnce(rate, o);
  const regionEntry = regionArg(region);
  const index = currentIndex();
  return table(
    entry,
    n,
    regionEntry,
    {
      colocation: approachFor("colocation"),
      standard: approachFor("standard"),
      fastTrack: approachFor("fast-track"),
    },
    h,
    o.discountRate ?? rate ?? index.library.financing.discountRate.value,
    o
  );
}

export function cashFlows(
  option: unknown,
  gpu: unknown,
  count: unknown,
  years: unknown,
  region: unknown,
  term: unknown,
  approach: unknown,
  provider: unknown,
  overrides?: unknown
): number[][] {
  const which = optionArg(option);
  const entry = gpuArg(gpu);
  const n = countArg(count);
  const h = yearsArg(years);
  const o = v1OverridesArg(overrides, "CASHFLOWS");
  const flows =
    which === "build"
      ? buildCashFlows(buildFor(entry, n, region, approach, o), h)
      : rentCashFlows(rentFor(entry, n, term, provider, o), h);
  return flows.map((flow) => [flow]);
}

/** The build and rent inputs of one comparison, with the overrides applied to both. */
function ownAndRent(
  gpu: unknown,
  count: unknown,
  region: unknown,
  term: unknown,
  approach: unknown,
  provider: unknown,
  overrides: unknown,
  functionName: string
): { readonly n: number; readonly build: BuildInputs; readonly rent: RentInputs } {
  const entry = gpuArg(gpu);
  const n = countArg(count);
  const o = v1OverridesArg(overrides, functionName);
  return {
    n,
    build: buildFor(entry, n, region, approach, o),
    rent: rentFor(entry, n, term, provider, o),
  };
}

/**
 * PAYBACK: simple payback in fractional months = capex (IT + facility) / (monthly rent - monthly own opex),
 * monthly rent = count x 730 x first-year rate; #N/A when renting costs no more per month than owning.
 */
export function payback(
  gpu: unknown,
  count: unknown,
  region: unknown,
  term: unknown,
  approach: unknown,
  provider: unknown,
  overrides: unknown
): number {
  const { n, build, rent } = ownAndRent(
    gpu,
    count,
    region,
    term,
    approach,
    provider,
    overrides,
    "PAYBACK"
  );
  const months = simplePaybackFor(build, rent);
  if (months === null)
    throw new NoResultError(
      n === 0
        ? "With count 0 nothing is rented or owned: there is no payback."
        : "Never paid back: renting costs no more per month than running the owned cluster."
    );
  return months;
}

/**
 * BREAKEVENUTIL: the productive utilization at which owning for `years` of operation costs the same as
 * renting on demand (billed only on used hours) at the offer's average rate over those years. Availability
 * 1 on both sides (not modelled yet). #N/A when renting is cheaper even at 100 %.
 */
export function breakevenUtil(
  gpu: unknown,
  count: unknown,
  years: unknown,
  region: unknown,
  term: unknown,
  approach: unknown,
  provider: unknown,
  overrides: unknown
): number {
  const h = yearsArg(years);
  const { n, build, rent } = ownAndRent(
    gpu,
    count,
    region,
    term,
    approach,
    provider,
    overrides,
    "BREAKEVENUTIL"
  );
  const share = breakevenShare(build, rent, n, h);
  if (typeof share === "string") throw new NoResultError(share);
  return share;
}

/**
 * The productive utilization at which `years` of owning cost the same as renting the same used hours at the
 * offer's average rate over those years (COSTPERHOUR's rent side), or why there is none.
 */
function breakevenShare(
  build: BuildInputs,
  rent: RentInputs,
  n: number,
  h: number
): number | string {
  if (n === 0) return "With count 0 there are no GPU-hours to compare.";
  const averageRate = operatingCostPerGpuHour(rentOperatingCost(rent, h), n, h);
  // A free offer is cheaper at any utilization: the same "no result" as a rate above owning's cost.
  if (averageRate === 0)
    return "Renting is cheaper even at 100% utilization: the offer's rate is 0, so owning never breaks even.";
  const installedGpuHours = n * HOURS_PER_YEAR * h;
  const share = breakevenUtilization(operatingTco(build, h), installedGpuHours, 1, averageRate, 1);
  return (
    share ??
    "Renting is cheaper even at 100% utilization: owning never breaks even over these years."
  );
}

function assumptionArg(key: unknown) {
  const text = requiredText(
    key,
    "key",
    'an assumption path such as "financing.discountRate" or "regions.TN.powerPrice"'
  );
  const index = currentIndex();
  const found = findAssumption(index, text);
  if (!found)
    throw new LookupError("assumption", text, nearestNames(text, index.names.assumptions));
  return found;
}

export function assumption(key: unknown): number {
  return assumptionArg(key).quantity.value;
}

export function source(key: unknown): string {
  const { quantity } = assumptionArg(key);
  return `${quantity.source} (as of ${quantity.asOf})`;
}

type SpecField = (gpu: GpuEntry) => number | string;
const SPEC_FIELDS: ReadonlyMap<string, SpecField> = new Map<string, SpecField>([
  ["price", (g) => g.chipPrice.value],
  ["chipprice", (g) => g.chipPrice.value],
  ["systemprice", (g) => g.systemPricePerGpu.value],
  ["systempricepergpu", (g) => g.systemPricePerGpu.value],
  ["tdpwatts", (g) => g.tdpWatts.value],
  ["tdp", (g) => g.tdpWatts.value],
  ["memorygb", (g) => g.memoryGB.value],
  ["memory", (g) => g.memoryGB.value],
  ["kwpergpu", (g) => g.systemPowerKwPerGpu.value],
  ["systempowerkwpergpu", (g) => g.systemPowerKwPerGpu.value],
  ["gpuspersystem", (g) => g.gpusPerSystem],
  ["name", (g) => g.name],
  ["vendor", (g) => g.vendor],
  ["systemname", (g) => g.systemName],
]);
const SPEC_FIELD_NAMES = [
  "price",
  "systemPrice",
  "tdpWatts",
  "memoryGB",
  "kwPerGpu",
  "gpusPerSystem",
  "name",
  "vendor",
  "systemName",
];

export function gpuSpec(gpu: unknown, field: unknown): number | string {
  const entry = gpuArg(gpu);
  const text = requiredText(
    field,
    "field",
    `a field such as ${SPEC_FIELD_NAMES.map((f) => `"${f}"`).join(", ")}`
  );
  const read = SPEC_FIELDS.get(normalizeKey(text));
  if (!read) throw new LookupError("field", text, nearestNames(text, SPEC_FIELD_NAMES));
  return read(entry);
}

/** "name version"; when the workbook's library is missing, text that says so (LIBRARY() never errs). */
export function library(): string {
  const missing = libraryUnavailable();
  const text = missing !== null ? `Library missing: ${missing}` : libraryName(getActiveLibrary());
  // A LIBRARY() typed or recalculated after Excel refused the recalculation says what is still to do.
  return recalculationPending() ? `${text} ${RECALCULATE_HINT}` : text;
}

/** SIMULATE and TORNADO over the risk engine (riskFunctions.ts). */
export { simulateTable as simulate, tornadoTable as tornado } from "./riskFunctions";

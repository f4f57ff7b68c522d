/**
 * SIMULATE and TORNADO (docs/model.md section 12): a rent-vs-build case resolved from the arguments exactly as
 * RENTVSBUILD resolves them (without discount rate, provider and overrides), then the pure risk engine
 * (src/model/risk): a seeded Monte Carlo run and its summary as a label/value spill, or the one-at-a-time
 * swings of the difference build - rent including the cost of delay.
 */
import {
  OUTPUT_KEYS,
  MAX_SEED,
  SIMULATION_DEFAULT_SEED,
  SIMULATION_DEFAULT_TRIALS,
  SIMULATION_MAX_TRIALS,
  SIMULATION_MIN_TRIALS,
  simulate as runSimulation,
  summarize,
  tornado as tornadoOf,
  type OutputKey,
  type RiskCase,
} from "../model/risk";
import { ArgumentError } from "./argumentError";
import {
  countArg,
  gpuArg,
  builtApproachArg,
  isBridgeApproach,
  regionArg,
  rentalTexts,
  yearsArg,
} from "./args";
import { describeValue } from "./coerce";
import { currentIndex, offerFor } from "./lookups";
import { riskSettingsForCurrentLibrary } from "./riskSettings";

/** The case RENTVSBUILD(gpu, count, years, region, term, , approach) compares, at the library's discount rate. */
export function riskCaseFor(
  gpu: unknown,
  count: unknown,
  years: unknown,
  region: unknown,
  term: unknown,
  approach: unknown
): RiskCase {
  const entry = gpuArg(gpu);
  const n = countArg(count);
  const h = yearsArg(years);
  const bridge = isBridgeApproach(approach);
  const approachEntry = builtApproachArg(approach, bridge);
  const regionEntry = regionArg(region);
  const { term: t } = rentalTexts(term, undefined);
  const offer = offerFor(entry, t, undefined);
  const index = currentIndex();
  return {
    index,
    gpu: entry,
    count: n,
    years: h,
    region: regionEntry,
    approach: approachEntry,
    offer,
    bridge,
    discountRate: index.library.financing.discountRate.value,
  };
}

/** "1000000" -> "1,000,000" (the messages name the limits as a user would type them, not as 1.00e+6). */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** An optional whole number between min and max; omitted (or 0 when 0 is impossible) = the default. */
function wholeArg(
  value: unknown,
  argument: string,
  min: number,
  max: number,
  fallback: number,
  zeroMeansOmitted: boolean
): number {
  if (value === null || value === undefined || value === "" || (zeroMeansOmitted && value === 0))
    return fallback;
  const range = `a whole number from ${grouped(min)} to ${grouped(max)}`;
  if (typeof value !== "number")
    throw new ArgumentError("value", `${argument} must be ${range}, not ${describeValue(value)}.`);
  if (!(value >= min && value <= max) || !Number.isInteger(value))
    throw new ArgumentError("number", `${argument} must be ${range} (got ${value}).`);
  return value;
}

/** Trials: 100..1,000,000, default 10,000 (an empty cell, passed as 0, is the default too). */
export const trialsArg = (value: unknown): number =>
  wholeArg(
    value,
    "trials",
    SIMULATION_MIN_TRIALS,
    SIMULATION_MAX_TRIALS,
    SIMULATION_DEFAULT_TRIALS,
    true
  );

/** Seed: 0..4,294,967,295, default 1 (0 is a seed like any other). */
export const seedArg = (value: unknown): number =>
  wholeArg(value, "seed", 0, MAX_SEED, SIMULATION_DEFAULT_SEED, false);

/** The outputs' labels: RENTVSBUILD's rows of the same quantities. */
export const OUTPUT_LABELS: Readonly<Record<OutputKey, string>> = {
  npvBuild: "NPV build (USD)",
  npvRent: "NPV rent (USD)",
  difference: "Difference, build - rent (USD)",
  differenceWithDelay: "Difference incl. cost of delay (USD)",
  monthsToCapacityBuild: "Build: months to first capacity",
  monthsToCapacityRent: "Rent: months to capacity",
  usefulCostBuild: "Build cost per useful GPU-hour (USD)",
  usefulCostRent: "Rent cost per useful GPU-hour (USD)",
};

/** The outputs a trial may fail to price (nothing useful in the horizon): they get a "share priced" row. */
const PRICED_OUTPUTS: ReadonlySet<OutputKey> = new Set<OutputKey>([
  "usefulCostBuild",
  "usefulCostRent",
]);

const STATISTICS = ["mean", "P5", "P10", "P50", "P90", "P95"] as const;
const DRIVERS_SHOWN = 3;
const NOT_PRICED = "no useful GPU-hours in the horizon";

type Rows = (string | number)[][];

/** Spills kept per library: a sheet rarely holds more distinct SIMULATE calls than this. */
export const SIMULATE_CACHE_ENTRIES = 64;
/** Per library index (a new library is a new index, so its entries are never reused): case key -> rows. */
const simulateCache = new WeakMap<object, Map<string, Rows>>();

/** The resolved case and run settings as a key: equal keys on one library give equal spills (the run is seeded). */
function runKey(c: RiskCase, trials: number, seed: number): string {
  return [
    c.gpu.id,
    c.count,
    c.years,
    c.region.id,
    c.approach.id,
    c.bridge ? "bridge" : "",
    c.offer.id,
    trials,
    seed,
  ].join("|");
}

/**
 * SIMULATE's rows, in the order they spill (labels unique and stable: INDEX/MATCH reads them). A run of 10,000
 * trials takes about 0.15 s, so a recalculation that repeats the arguments on the same library is answered from
 * a cache: the run is a pure function of the case, the trials, the seed and the library, so the cached spill is
 * the one a new run would give, never a stale number. A copy is returned, the cache keeps its own.
 */
export function simulateTable(
  gpu: unknown,
  count: unknown,
  years: unknown,
  region: unknown,
  term: unknown,
  approach: unknown,
  trials: unknown,
  seed: unknown
): (string | number)[][] {
  const c = riskCaseFor(gpu, count, years, region, term, approach);
  const n = trialsArg(trials);
  const s = seedArg(seed);
  let cache = simulateCache.get(c.index);
  if (cache === undefined) {
    cache = new Map<string, Rows>();
    simulateCache.set(c.index, cache);
  }
  const key = runKey(c, n, s);
  let rows = cache.get(key);
  if (rows === undefined) {
    rows = simulationRows(c, n, s);
    if (cache.size >= SIMULATE_CACHE_ENTRIES) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  } else {
    cache.delete(key); // re-inserted below: the most recently used entry is the last to go
  }
  cache.set(key, rows);
  return rows.map((row) => row.slice());
}

function simulationRows(c: RiskCase, n: number, s: number): Rows {
  const run = runSimulation(c, n, s, riskSettingsForCurrentLibrary());
  const summary = summarize(run);
  const { meta } = c.index.library;
  const rows: (string | number)[][] = [
    ["Trials", run.trials],
    ["Seed", run.seed],
    ["Library", `${meta.name} ${meta.version}`],
    ["Inputs sampled", run.inputs.length],
    ["Correlation presets applied", run.correlation.pairs],
    ["Correlation matrix adjusted by", run.correlation.changedBy],
  ];
  for (const key of OUTPUT_KEYS) {
    const label = OUTPUT_LABELS[key];
    const d = summary.outputs[key];
    const values = d === null ? STATISTICS.map(() => NOT_PRICED) : [d.mean, ...d.percentiles];
    STATISTICS.forEach((statistic, i) => rows.push([`${label}, ${statistic}`, values[i]]));
    if (PRICED_OUTPUTS.has(key)) {
      rows.push([`${label}, share of trials priced`, d?.pricedShare ?? 0]);
      const expected =
        key === "usefulCostBuild"
          ? summary.expectedUsefulCost.build
          : summary.expectedUsefulCost.rent;
      rows.push([`${label}, expected cost / expected useful hours`, expected ?? NOT_PRICED]);
    }
  }
  rows.push(
    ["Probability building wins (incl. cost of delay)", summary.probabilityBuildWins],
    ["Probability building wins (excl. cost of delay)", summary.probabilityBuildWinsExclDelay],
    [
      "Standard error of mean difference incl. cost of delay (USD)",
      summary.standardErrorOfMeanDifference,
    ]
  );
  for (let i = 0; i < DRIVERS_SHOWN; i++) {
    const driver = summary.drivers[i];
    rows.push(
      [`Worst-10% driver ${i + 1}`, driver?.key ?? "none"],
      [`Worst-10% driver ${i + 1}, shift (sd)`, driver?.shiftInWorst ?? "none"]
    );
  }
  return rows;
}

export const TORNADO_HEADER = [
  "Input",
  "Low",
  "High",
  "Difference at low (USD)",
  "Difference at high (USD)",
  "Swing (USD)",
] as const;

/** TORNADO's header and one row per uncertain input, largest swing first. */
export function tornadoTable(
  gpu: unknown,
  count: unknown,
  years: unknown,
  region: unknown,
  term: unknown,
  approach: unknown
): (string | number)[][] {
  const c = riskCaseFor(gpu, count, years, region, term, approach);
  const { bars } = tornadoOf(c);
  return [
    [...TORNADO_HEADER],
    ...bars.map((bar) => [bar.key, bar.low, bar.high, bar.atLow, bar.atHigh, bar.swing]),
  ];
}

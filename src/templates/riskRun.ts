/**
 * The risk section's run, pure (docs/model.md section 12.13): from what the template's cells hold (read by
 * workbook name) to the risk case, then the engine's run, summary, tornado and histogram as the values the
 * section shows. The template uses it at insert (reading its own cells) and the sidebar's Run risk analysis
 * after the user typed (reading the workbook), so both write the same numbers for the same cells.
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import type { Overrides } from "../model/overrides";
import { buildInputsFor, resolveScenarioInputs } from "../model/resolve";
import {
  caseInputs,
  recordsFor,
  riskSettingsFor,
  simulate,
  summarize,
  tornado,
  type RiskCase,
  type RiskInputKey,
  type RunSummary,
  type SimulationRun,
  type Tornado,
  type TypedRange,
} from "../model/risk";
import { RISK_INPUT_KEYS } from "../model/risk/riskKeys";
import { assumptionNameBase } from "./assumptions";
import { RISK_BINS, type AssumptionKey } from "./layout";
import { NAME_PREFIX } from "./sheetBuilder";

/** A named cell's value as the workbook holds it (a formula's computed value), or undefined when absent. */
export type ReadNamed = (name: string) => unknown;

/** "gridMonths" -> "GridMonths": the name part of a risk input's cells. */
export function riskKeyNameBase(key: RiskInputKey): string {
  return `${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

export type RangeEnd = "Low" | "Typical" | "High";

/** "RiskLowGridMonths": the name base of a risk input's low, typical or high cell. */
export function riskRangeNameBase(key: RiskInputKey, end: RangeEnd): string {
  return `Risk${end}${riskKeyNameBase(key)}`;
}

export const RISK_TRIALS_NAME_BASE = "RiskTrials";
export const RISK_SEED_NAME_BASE = "RiskSeed";

/**
 * The v1 assumption rows that are not risk inputs and that a user may type over: the run pins them as
 * RENTVSBUILD's overrides would when they differ from what the engine resolves from the library.
 */
const PINNED: readonly (readonly [AssumptionKey, keyof Overrides])[] = [
  ["kwPerGpu", "kwPerGpu"],
  ["buildMonths", "buildMonths"],
  ["powerPrice", "powerPrice"],
  ["staffPerMwYear", "staffCostPerMwYear"],
  ["facilityLife", "facilityLifeYears"],
  ["rentLeadMonths", "rentLeadTimeMonths"],
];

/** The library side of a pinned row: what the engine uses when the sheet leaves it alone. */
function engineValue(key: AssumptionKey, c: Omit<RiskCase, "overrides" | "ranges">): number {
  const { library } = c.index;
  switch (key) {
    case "kwPerGpu":
      return c.gpu.systemPowerKwPerGpu.value;
    case "buildMonths":
      return buildInputsFor(c.index, c.gpu, c.count, c.region, c.approach).buildMonths;
    case "powerPrice":
      return c.region.powerPrice.value;
    case "staffPerMwYear":
      return library.operations.staffCostPerMwYear.value;
    case "facilityLife":
      return library.financing.facilityLifeYears.value;
    case "rentLeadMonths":
      return c.offer.leadTimeMonths.value;
    default:
      return NaN;
  }
}

/** Rows the risk run cannot apply when typed over (no override exists for them): they are reported. */
const NOT_APPLIED: readonly AssumptionKey[] = ["capexMultiplier", "facilityCapexFlag"];

export interface TemplateRiskCase {
  readonly c: RiskCase;
  /** What the run did not take from the sheet, in words (shown in the run stamp). */
  readonly notes: readonly string[];
}

const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/**
 * The risk case of the template of `scenarioId` as its cells stand: the scenario's GPU, region, approach and
 * rental offer; count, discount rate and the rows in PINNED from the sheet; every risk input's typical / low /
 * high from the ranges table. `libraryValues` are the v1 assumption rows as the library fills them (what the
 * template wrote at insert), to tell a typed-over row from an untouched one.
 */
export function templateRiskCase(
  index: LibraryIndex,
  scenarioId: string,
  nameSuffix: string,
  read: ReadNamed,
  libraryValues: ReadonlyMap<AssumptionKey, number | string>
): TemplateRiskCase {
  const name = (base: string) => `${NAME_PREFIX}${base}${nameSuffix}`;
  const resolved = resolveScenarioInputs(index, scenarioId);
  const count = read(name(assumptionNameBase("gpuCount")));
  const rate = read(name(assumptionNameBase("discountRate")));
  const base = {
    index,
    gpu: resolved.gpu,
    count: isNumber(count) && count >= 0 ? Math.round(count) : resolved.scenario.count,
    years: resolved.compare.horizonYears,
    region: resolved.region,
    approach: resolved.approach,
    offer: resolved.offer,
    bridge: false,
    discountRate: isNumber(rate) ? rate : resolved.compare.discountRate,
  };
  const overrides: Record<string, number> = Object.create(null) as Record<string, number>;
  const typedOver: string[] = [];
  for (const [key, override] of PINNED) {
    const typed = read(name(assumptionNameBase(key)));
    if (!isNumber(typed)) continue;
    // Pinned whenever the sheet differs from what the engine resolves (a scenario's rent lead time, too);
    // reported only when it differs from what the template wrote (the user typed over it).
    if (typed !== engineValue(key, base)) overrides[override] = typed;
    const written = libraryValues.get(key);
    if (written !== undefined && typed !== written) typedOver.push(override);
  }
  const notes: string[] = [];
  for (const key of NOT_APPLIED) {
    const typed = read(name(assumptionNameBase(key)));
    const library = libraryValues.get(key);
    if (typed !== undefined && library !== undefined && typed !== library)
      notes.push(`${key} typed over (${String(typed)}) is not applied: the run uses the library's`);
  }
  const ranges = new Map<RiskInputKey, TypedRange>();
  for (const key of RISK_INPUT_KEYS) {
    const low = read(name(riskRangeNameBase(key, "Low")));
    const value = read(name(riskRangeNameBase(key, "Typical")));
    const high = read(name(riskRangeNameBase(key, "High")));
    if (isNumber(low) && isNumber(value) && isNumber(high)) ranges.set(key, { low, value, high });
  }
  const pinned = Object.keys(overrides);
  if (typedOver.length > 0)
    notes.push(`typed over and pinned for every trial: ${typedOver.join(", ")}`);
  return {
    c: { ...base, overrides: pinned.length > 0 ? (overrides as Overrides) : undefined, ranges },
    notes,
  };
}

export interface HistogramBin {
  /** Upper edge of the bin (USD); the first bin also holds the minimum. */
  readonly upper: number;
  readonly count: number;
}

/** RISK_BINS equal-width bins of `values` from their minimum to their maximum (one bin when all are equal). */
export function histogram(values: Float64Array, bins: number = RISK_BINS): HistogramBin[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    // The maximum belongs to the last bin; a zero width puts everything in the first.
    const k = width > 0 ? Math.min(bins - 1, Math.floor((v - min) / width)) : 0;
    counts[k]++;
  }
  return counts.map((count, k) => ({
    upper: k === bins - 1 ? max : min + width * (k + 1),
    count,
  }));
}

/** Everything the section shows after a run. */
export interface RiskSectionRun {
  readonly trials: number;
  readonly seed: number;
  readonly libraryText: string;
  /** ISO 8601 UTC time of the run. */
  readonly ranAt: string;
  readonly notes: readonly string[];
  /** The typical / low / high each used input had in this run, by key. */
  readonly used: ReadonlyMap<RiskInputKey, TypedRange>;
  readonly run: SimulationRun;
  readonly summary: RunSummary;
  /** Bars for every input the case uses (an input without a range has swing 0), largest swing first. */
  readonly tornado: Tornado;
  readonly histogram: readonly HistogramBin[];
}

/** The engine's run of the case: simulate, summarize, tornado (padded to every used input), histogram. */
export function runTemplateRisk(
  t: TemplateRiskCase,
  trials: number,
  seed: number,
  now: Date
): RiskSectionRun {
  const run = simulate(t.c, trials, seed, riskSettingsFor(t.c.index.library));
  return templateRiskFromRun(t, run, now);
}

/**
 * What the section shows for a finished run of the case (simulate's, or startSimulation's after its last
 * step: the same numbers): its summary, tornado (padded to every used input) and histogram.
 */
export function templateRiskFromRun(
  t: TemplateRiskCase,
  run: SimulationRun,
  now: Date
): RiskSectionRun {
  const { c } = t;
  const { meta } = c.index.library;
  const { trials, seed } = run;
  const records = recordsFor(c);
  const inputs = caseInputs(c, records);
  const used = new Map<RiskInputKey, TypedRange>(
    inputs.map((input) => [input.key, { low: input.low, value: input.typical, high: input.high }])
  );
  const swung = tornado(c);
  // Inputs without a range (or folded into a figure they share) swing nothing: bars of 0 after the others.
  const shown = new Set<RiskInputKey>(
    swung.bars.flatMap((bar) => [bar.key, ...bar.sameFigure.map((o) => o.key)])
  );
  const still = inputs
    .filter((input) => !shown.has(input.key))
    .map((input) => ({
      key: input.key,
      label: input.label,
      path: input.path,
      sameFigure: [],
      low: input.low,
      high: input.high,
      atLow: swung.base,
      atHigh: swung.base,
      swing: 0,
    }));
  return {
    trials,
    seed,
    libraryText: `${meta.name} ${meta.version}`,
    ranAt: now.toISOString(),
    notes: t.notes,
    used,
    run,
    summary: summarize(run),
    tornado: { base: swung.base, bars: [...swung.bars, ...still] },
    histogram: histogram(run.outputs.differenceWithDelay),
  };
}

export const RISK_DEFAULT_TRIALS = 10_000;
export const RISK_DEFAULT_SEED = 1;

/** Insert-time runs per library index and case: a run is a pure function of them (the time only stamps it). */
const insertRuns = new WeakMap<object, Map<string, Omit<RiskSectionRun, "ranAt">>>();
const RUNS_KEPT = 32;

/**
 * runTemplateRisk, remembered per library index for the same scenario, case, trials and seed (inserting the
 * same template twice, or building it in tests, runs once); `ranAt` is always `now`.
 */
export function cachedTemplateRun(
  index: LibraryIndex,
  scenarioId: string,
  t: TemplateRiskCase,
  trials: number,
  seed: number,
  now: Date
): RiskSectionRun {
  let runs = insertRuns.get(index);
  if (runs === undefined) {
    runs = new Map();
    insertRuns.set(index, runs);
  }
  const ranges = [...(t.c.ranges ?? new Map<RiskInputKey, TypedRange>())]
    .map(([key, r]) => `${key}:${r.low}/${r.value}/${r.high}`)
    .join(",");
  const key = JSON.stringify([
    scenarioId,
    t.c.count,
    t.c.discountRate,
    t.c.overrides ?? null,
    ranges,
    t.notes,
    trials,
    seed,
  ]);
  let run = runs.get(key);
  if (run === undefined) {
    run = runTemplateRisk(t, trials, seed, now);
    if (runs.size >= RUNS_KEPT) {
      const oldest = runs.keys().next().value;
      if (oldest !== undefined) runs.delete(oldest);
    }
    runs.set(key, run);
  }
  return { ...run, ranAt: now.toISOString() };
}

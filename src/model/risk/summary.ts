/**
 * What a risk run tells a decision maker (docs/model.md section 12.9): per output the mean and the 5th, 10th,
 * 50th, 90th and 95th percentiles; the probability that building beats renting; the standard error of the mean
 * difference; and the inputs that drive the worst 10 % of outcomes. Pure arithmetic on a SimulationRun.
 */
import { OUTPUT_KEYS, type OutputKey, type SimulationRun } from "./simulate";
import type { RiskInputKey } from "./riskKeys";

export const PERCENTILES = [5, 10, 50, 90, 95] as const;
export type PercentileLevel = (typeof PERCENTILES)[number];

export interface Distribution {
  readonly mean: number;
  /** PERCENTILE.INC of the trials at 5, 10, 50, 90 and 95 %, in that order. */
  readonly percentiles: readonly number[];
  /**
   * Share of trials that priced the output (1 except for a cost per useful GPU-hour, which a trial whose build
   * delivers nothing in the horizon cannot price); the mean and percentiles are over those trials.
   */
  readonly pricedShare: number;
}

/** The share of trials in the worst outcomes that drivers are measured on. */
export const WORST_SHARE = 0.1;

export interface Driver {
  readonly key: RiskInputKey;
  readonly label: string;
  /** (mean of the input over the worst 10 % - its mean over all trials) / its standard deviation. */
  readonly shiftInWorst: number;
}

export interface RunSummary {
  /** null for an output no trial could price (no useful GPU-hours in the horizon). */
  readonly outputs: Readonly<Record<OutputKey, Distribution | null>>;
  /**
   * Expected cost per useful GPU-hour of each route: the mean total cost over the mean useful GPU-hours, all
   * trials (a trial that delivers nothing adds its cost and no hours); null when no trial delivers any. The
   * mean of the per-trial ratios is dominated by trials that deliver almost nothing inside the horizon, so
   * this is the figure to budget with; the percentiles describe the per-trial ratio.
   */
  readonly expectedUsefulCost: { readonly build: number | null; readonly rent: number | null };
  /** Share of trials with differenceWithDelay < 0: building costs less, the cost of delay counted. */
  readonly probabilityBuildWins: number;
  /** The same without the cost of delay (difference < 0). */
  readonly probabilityBuildWinsExclDelay: number;
  /** Sample standard deviation of differenceWithDelay / sqrt(trials). */
  readonly standardErrorOfMeanDifference: number;
  /** Inputs sorted by |shiftInWorst|, largest first (all sampled inputs with a spread). */
  readonly drivers: readonly Driver[];
}

/**
 * Excel's PERCENTILE.INC on ascending `sorted`: rank h = (n - 1) p, then the value at floor(h) plus
 * (h - floor(h)) times the step to the next one.
 */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  const next = i + 1 < sorted.length ? sorted[i + 1] : sorted[i];
  return sorted[i] + (h - i) * (next - sorted[i]);
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** Sample standard deviation (n - 1), two-pass for accuracy at magnitudes of 1e10 USD. */
function standardDeviation(values: ArrayLike<number>, average: number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - average;
    sum += d * d;
  }
  return Math.sqrt(sum / (values.length - 1));
}

/** Mean and percentiles over the trials that priced the output (NaN = not priced); null when none did. */
export function distributionOf(values: Float64Array): Distribution | null {
  const priced = values.filter((v) => !Number.isNaN(v));
  if (priced.length === 0) return null;
  const sorted = Float64Array.from(priced).sort();
  return {
    mean: mean(priced),
    percentiles: PERCENTILES.map((level) => percentileInc(sorted, level / 100)),
    pricedShare: priced.length / values.length,
  };
}

function shareBelowZero(values: Float64Array): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] < 0) count++;
  return count / values.length;
}

/** The indexes of the ceil(10 %) trials with the largest differenceWithDelay (the costliest builds). */
function worstTrials(values: Float64Array): Uint32Array {
  const count = Math.max(1, Math.ceil(values.length * WORST_SHARE));
  const order = Uint32Array.from({ length: values.length }, (_, i) => i);
  // Ties by trial number, so the set is the same on every engine.
  order.sort((a, b) => values[b] - values[a] || a - b);
  return order.subarray(0, count);
}

function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/** How far each input sits from its mean in the worst 10 % of trials, in its standard deviations. */
export function driversOfWorst(run: SimulationRun): Driver[] {
  const worst = worstTrials(run.outputs.differenceWithDelay);
  const drivers: Driver[] = [];
  run.inputs.forEach((input, j) => {
    const values = run.samples[j];
    // A column of one value has no spread; its computed deviation is rounding (the mean of 100 x 0.9 is
    // 0.9000000000000008), which would divide rounding by rounding into a shift of order 1.
    if (isConstant(values)) return;
    const average = mean(values);
    const spread = standardDeviation(values, average);
    if (!(spread > 0)) return;
    let sum = 0;
    for (let k = 0; k < worst.length; k++) sum += values[worst[k]];
    drivers.push({
      key: input.key,
      label: input.label,
      shiftInWorst: (sum / worst.length - average) / spread,
    });
  });
  // Largest effect first; equal effects keep the catalog order (a stable sort).
  return drivers.sort((a, b) => Math.abs(b.shiftInWorst) - Math.abs(a.shiftInWorst));
}

/** sum(cost) / sum(hours), or null when no hours at all. */
function ratioOfSums(cost: Float64Array, hours: Float64Array): number | null {
  let c = 0;
  let h = 0;
  for (let i = 0; i < cost.length; i++) {
    c += cost[i];
    h += hours[i];
  }
  const ratio = c / h;
  return h > 0 && Number.isFinite(ratio) ? ratio : null;
}

export function summarize(run: SimulationRun): RunSummary {
  const outputs = Object.fromEntries(
    OUTPUT_KEYS.map((key) => [key, distributionOf(run.outputs[key])])
  ) as Record<OutputKey, Distribution | null>;
  const diff = run.outputs.differenceWithDelay;
  const w = run.workings;
  return {
    outputs,
    expectedUsefulCost: {
      build: ratioOfSums(w.totalCostBuild, w.usefulHoursBuild),
      rent: ratioOfSums(w.totalCostRent, w.usefulHoursRent),
    },
    probabilityBuildWins: shareBelowZero(diff),
    probabilityBuildWinsExclDelay: shareBelowZero(run.outputs.difference),
    standardErrorOfMeanDifference: standardDeviation(diff, mean(diff)) / Math.sqrt(diff.length),
    drivers: driversOfWorst(run),
  };
}

/**
 * A Monte Carlo run of a rent-vs-build case (docs/model.md section 12.8): each uncertain input is drawn by Latin
 * hypercube from its own seeded stream, the library's correlation presets are imposed by Iman-Conover, and the
 * deterministic model (riskCase.ts) is evaluated once per trial. Pure and reproducible: the same case, library
 * and seed give the same numbers.
 */
import { ModelInputError } from "../finance/errors";
import { requireWholeBetween } from "../finance/validate";
import { imanConover } from "./correlation";
import { triangularQuantile } from "./distributions";
import { inputDistribution, inputQuantile } from "./inputDistribution";
import { latinHypercube } from "./lhs";
import { checkCorrelationMatrix, type SquareMatrix } from "./matrix";
import { nearestCorrelationMatrix } from "./nearest";
import { pertTableSampler } from "./quantileTable";
import { createRandom, derivedSeed, MAX_SEED } from "./random";
import { OUTPUT_KEYS, WORKING_KEYS, type OutputKey, type WorkingKey } from "./outputKeys";
import { caseEvaluator, type RiskCase } from "./riskCase";
import { recordsFor, uncertainInputs, type RiskInput } from "./riskInputs";
import {
  DEFAULT_RISK_SHAPES,
  NO_RISK_SETTINGS,
  RISK_INPUT_KEYS,
  type RiskSettings,
  type RiskShape,
} from "./riskKeys";

export const SIMULATION_MIN_TRIALS = 100;
export const SIMULATION_MAX_TRIALS = 1_000_000;
export const SIMULATION_DEFAULT_TRIALS = 10_000;
export const SIMULATION_DEFAULT_SEED = 1;

export { OUTPUT_KEYS, WORKING_KEYS, type OutputKey, type WorkingKey };

/** An input as a run sampled it. */
export interface SampledInput extends RiskInput {
  readonly shape: RiskShape;
}

export interface CorrelationApplied {
  /** Presets whose two inputs were both sampled in this run. */
  readonly pairs: number;
  /** Frobenius distance the presets moved to make a valid matrix (0 when they were valid). */
  readonly changedBy: number;
}

export interface SimulationRun {
  readonly trials: number;
  readonly seed: number;
  readonly inputs: readonly SampledInput[];
  /** samples[j][t] = input j's value in trial t. */
  readonly samples: readonly Float64Array[];
  readonly outputs: Readonly<Record<OutputKey, Float64Array>>;
  readonly workings: Readonly<Record<WorkingKey, Float64Array>>;
  readonly correlation: CorrelationApplied;
}

/** The shape an input is sampled with: the library's choice, else the default for its kind. */
export function shapeFor(input: RiskInput, settings: RiskSettings): RiskShape {
  return settings.shapes.get(input.key) ?? DEFAULT_RISK_SHAPES[input.key] ?? "pert";
}

/** u in [0, 1) -> the input's value under `shape`. */
function samplerFor(input: RiskInput, shape: RiskShape): (u: number) => number {
  const { low, typical, high } = input;
  switch (shape) {
    case "fixed":
      return () => typical;
    case "triangular":
      return (u) => triangularQuantile(u, low, typical, high);
    case "pert":
      return pertTableSampler(low, typical, high);
    case "right-skewed": {
      const d = inputDistribution({ value: typical, low, high }, "right-skewed");
      // A range that cannot be skewed (low 0, or no room above the typical value) is PERT (section 12.6).
      return d.kind === "pert" ? pertTableSampler(low, typical, high) : (u) => inputQuantile(d, u);
    }
  }
}

/** The presets between sampled inputs as a target matrix (identity elsewhere), repaired when invalid. */
function targetMatrix(
  inputs: readonly SampledInput[],
  settings: RiskSettings
): { matrix: SquareMatrix; pairs: number; changedBy: number } {
  const k = inputs.length;
  const position = new Map(inputs.map((input, j) => [input.key, j] as const));
  const matrix: number[][] = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))
  );
  let pairs = 0;
  for (const preset of settings.correlations) {
    const a = position.get(preset.inputs[0]);
    const b = position.get(preset.inputs[1]);
    if (a === undefined || b === undefined) continue;
    matrix[a][b] = preset.rho;
    matrix[b][a] = preset.rho;
    pairs++;
  }
  if (pairs === 0 || checkCorrelationMatrix(matrix).ok) return { matrix, pairs, changedBy: 0 };
  const nearest = nearestCorrelationMatrix(matrix);
  return { matrix: nearest.matrix, pairs, changedBy: nearest.changedBy };
}

/** Uniforms per sampled input: one Latin hypercube column per input, each from its own stream. */
function uniformColumns(
  inputs: readonly SampledInput[],
  trials: number,
  seed: number
): Float64Array[] {
  return inputs.map((input) => {
    // The stream is the input's place in the catalog, so its draws do not depend on which others are sampled.
    const stream = RISK_INPUT_KEYS.indexOf(input.key);
    return latinHypercube(trials, 1, createRandom(derivedSeed(seed, stream)))[0];
  });
}

/** Reorders the correlated inputs' columns (Iman-Conover); uncorrelated columns are left as drawn. */
function correlate(
  columns: Float64Array[],
  inputs: readonly SampledInput[],
  settings: RiskSettings
): CorrelationApplied {
  const { matrix, pairs, changedBy } = targetMatrix(inputs, settings);
  if (pairs === 0) return { pairs, changedBy };
  const involved = inputs
    .map((_, j) => j)
    .filter((j) => matrix[j].some((rho, i) => i !== j && rho !== 0));
  const sub = involved.map((i) => involved.map((j) => matrix[i][j]));
  const reordered = imanConover(
    involved.map((j) => columns[j]),
    sub
  );
  involved.forEach((j, n) => (columns[j] = reordered[n]));
  return { pairs, changedBy };
}

/** Runs `trials` trials of the case with `seed` (whole numbers; trials 100..1,000,000, seed 0..2^32 - 1). */
export function simulate(
  c: RiskCase,
  trials: number,
  seed: number,
  settings: RiskSettings = NO_RISK_SETTINGS
): SimulationRun {
  const run = startSimulation(c, trials, seed, settings);
  run.step(trials);
  return run.result();
}

/**
 * A run that can be advanced in steps, so a caller (the sidebar) can show progress between them: the sampling
 * is done up front, the trials in the order of `simulate`, so any sequence of steps gives the same numbers.
 */
export interface SimulationInProgress {
  readonly trials: number;
  /** Trials evaluated so far. */
  readonly done: () => number;
  /** Evaluates up to `count` more trials; returns the number evaluated so far. */
  readonly step: (count: number) => number;
  /** The finished run; throws ModelInputError while trials remain. */
  readonly result: () => SimulationRun;
}

export function startSimulation(
  c: RiskCase,
  trials: number,
  seed: number,
  settings: RiskSettings = NO_RISK_SETTINGS
): SimulationInProgress {
  requireWholeBetween(trials, SIMULATION_MIN_TRIALS, SIMULATION_MAX_TRIALS, "trials");
  requireWholeBetween(seed, 0, MAX_SEED, "seed");
  const base = recordsFor(c);
  const inputs: SampledInput[] = uncertainInputs(c, base)
    .map((input) => ({ ...input, shape: shapeFor(input, settings) }))
    .filter((input) => input.shape !== "fixed");
  const columns = uniformColumns(inputs, trials, seed);
  const correlation = correlate(columns, inputs, settings);
  const samples = inputs.map((input, j) => {
    const sample = samplerFor(input, input.shape);
    const u = columns[j];
    const values = new Float64Array(trials);
    for (let t = 0; t < trials; t++) values[t] = sample(u[t]);
    return values;
  });
  const outputs = Object.fromEntries(
    OUTPUT_KEYS.map((key) => [key, new Float64Array(trials)])
  ) as Record<OutputKey, Float64Array>;
  const workings = Object.fromEntries(
    WORKING_KEYS.map((key) => [key, new Float64Array(trials)])
  ) as Record<WorkingKey, Float64Array>;
  // One set of records for the whole run: the inputs' quantities are bound into it once, set per trial.
  const records = recordsFor(c);
  const setters = inputs.map((input) => input.bind(records));
  const evaluate = caseEvaluator(c, records);
  let next = 0;
  const step = (count: number): number => {
    const end = Math.min(trials, next + Math.max(0, Math.floor(count)));
    for (let t = next; t < end; t++) {
      for (let j = 0; j < setters.length; j++) setters[j](samples[j][t]);
      const out = evaluate();
      outputs.npvBuild[t] = out.npvBuild;
      outputs.npvRent[t] = out.npvRent;
      outputs.difference[t] = out.difference;
      outputs.differenceWithDelay[t] = out.differenceWithDelay;
      outputs.monthsToCapacityBuild[t] = out.monthsToCapacityBuild;
      outputs.monthsToCapacityRent[t] = out.monthsToCapacityRent;
      outputs.usefulCostBuild[t] = out.usefulCostBuild ?? NaN;
      outputs.usefulCostRent[t] = out.usefulCostRent ?? NaN;
      workings.totalCostBuild[t] = out.totalCostBuild;
      workings.usefulHoursBuild[t] = out.usefulHoursBuild;
      workings.totalCostRent[t] = out.totalCostRent;
      workings.usefulHoursRent[t] = out.usefulHoursRent;
    }
    next = end;
    return next;
  };
  const result = (): SimulationRun => {
    if (next < trials) {
      throw new ModelInputError("trials", `only ${next} of ${trials} trials have run`, "range");
    }
    if (!Number.isFinite(outputs.differenceWithDelay.reduce((a, b) => a + b, 0))) {
      throw new ModelInputError("trials", "produced a result that is not a finite number", "range");
    }
    return { trials, seed, inputs, samples, outputs, workings, correlation };
  };
  return { trials, done: () => next, step, result };
}

/** Bytes the run's arrays hold (samples, outputs, workings): the memory a run needs beyond the model itself. */
export function runBytes(run: SimulationRun): number {
  const columns = run.samples.length + OUTPUT_KEYS.length + WORKING_KEYS.length;
  return columns * run.trials * Float64Array.BYTES_PER_ELEMENT;
}

/** Public API of the risk building blocks (pure and seeded; see docs/model.md section 12). */
export { createRandom, derivedSeed, MAX_SEED } from "./random";
export type { Random } from "./random";
export { normalQuantile } from "./normal";
export {
  triangularQuantile,
  pertQuantile,
  pertMean,
  lognormalQuantile,
  lognormalFromTypicalAndHigh,
  PERT_LAMBDA_DEFAULT,
  PERT_LAMBDA_MAX,
} from "./distributions";
export type { LognormalParameters } from "./distributions";
export { latinHypercube, LHS_MAX_TRIALS, LHS_MAX_DIMENSIONS } from "./lhs";
export { spearman, averageRanks, imanConover } from "./correlation";
export { checkCorrelationMatrix, choleskyLower } from "./matrix";
export type { SquareMatrix } from "./matrix";
export { nearestCorrelationMatrix } from "./nearest";
export { inputDistribution, inputQuantile } from "./inputDistribution";
export type { InputDistribution, InputShape, RangedValue } from "./inputDistribution";
export {
  RISK_INPUT_KEYS,
  RISK_SHAPES,
  DEFAULT_RISK_SHAPES,
  NO_RISK_SETTINGS,
  isRiskInputKey,
} from "./riskKeys";
export type { RiskInputKey, RiskShape, RiskSettings, CorrelationPreset } from "./riskKeys";
export { caseFor, caseRecords, caseEvaluator, evaluateCase } from "./riskCase";
export type { RiskCase, CaseNames, CaseRecords, TrialOutputs, TypedRange } from "./riskCase";
export { caseInputs, recordsFor, uncertainInputs } from "./riskInputs";
export type { RiskInput } from "./riskInputs";
export { pertTableSampler, PERT_TABLE_INTERVALS } from "./quantileTable";
export {
  simulate,
  startSimulation,
  shapeFor,
  runBytes,
  OUTPUT_KEYS,
  WORKING_KEYS,
  SIMULATION_MIN_TRIALS,
  SIMULATION_MAX_TRIALS,
  SIMULATION_DEFAULT_TRIALS,
  SIMULATION_DEFAULT_SEED,
} from "./simulate";
export type {
  OutputKey,
  WorkingKey,
  SampledInput,
  SimulationRun,
  CorrelationApplied,
} from "./simulate";
export {
  summarize,
  distributionOf,
  driversOfWorst,
  percentileInc,
  PERCENTILES,
  WORST_SHARE,
} from "./summary";
export type { RunSummary, Distribution, Driver, PercentileLevel } from "./summary";
export { tornado } from "./tornado";
export type { Tornado, TornadoBar } from "./tornado";
export { riskSettingsFor } from "./riskSettings";

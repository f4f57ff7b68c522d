/**
 * The uncertain inputs of a rent-vs-build risk run, by name (docs/model.md section 12.7). A name stands for a
 * role in the model, not a library path: "rentRate" is the rate of whichever offer a formula rents, so one
 * correlation preset in the library ("rentRate" with "systemPricePerGpu") holds for every GPU and offer.
 * Where an override key of the same meaning exists, the name is that key.
 */

export const RISK_INPUT_KEYS = [
  "systemPricePerGpu",
  "networkShare",
  "constructionCostPerMw",
  "constructionMonths",
  "gridMonths",
  "rampMonths",
  "colocationPerKwMonth",
  "onsiteCostPerKw",
  "pue",
  "utilization",
  "maintenanceShare",
  "itDepreciationYears",
  "sparesShare",
  "sparesNeeded",
  "outageHoursPerYear",
  "outagesPerYear",
  "hardwarePriceChange",
  "productiveUtilization",
  "goodput",
  "rentRate",
  "rentPriceChange",
  "rentAvailability",
  "valuePerGpuHour",
] as const;

export type RiskInputKey = (typeof RISK_INPUT_KEYS)[number];

const KEY_SET: ReadonlySet<string> = new Set(RISK_INPUT_KEYS);

export function isRiskInputKey(text: string): text is RiskInputKey {
  return KEY_SET.has(text);
}

/**
 * How a quantity with a range is sampled (section 12.6): "pert" over low / typical / high (lambda 4),
 * "triangular" over the same three points, "right-skewed" a lognormal with median = typical and the high as its
 * 95th percentile, floored at the low, "fixed" at the typical value (the range is shown but not sampled).
 */
export const RISK_SHAPES = ["pert", "triangular", "right-skewed", "fixed"] as const;
export type RiskShape = (typeof RISK_SHAPES)[number];

/**
 * Shapes used when the library names none: schedules overrun far more often than they finish early (nine in
 * ten data-center projects finish late, by a third of the plan on average: schedule.dc_projects_late_share,
 * schedule.dc_avg_delay_fraction), so build, grid and ramp times are right-skewed; everything else is PERT.
 */
export const DEFAULT_RISK_SHAPES: Readonly<Partial<Record<RiskInputKey, RiskShape>>> =
  Object.freeze({
    constructionMonths: "right-skewed",
    gridMonths: "right-skewed",
    rampMonths: "right-skewed",
  });

/** A rank-correlation preset between two inputs (the library's `risk.correlations`). */
export interface CorrelationPreset {
  readonly inputs: readonly [RiskInputKey, RiskInputKey];
  /** Target Spearman rank correlation, -1..1. */
  readonly rho: number;
  readonly source: string;
}

/** The library's risk settings as the engine reads them (parsed and checked by the schema). */
export interface RiskSettings {
  /** Shapes that replace the defaults, by input. */
  readonly shapes: ReadonlyMap<RiskInputKey, RiskShape>;
  readonly correlations: readonly CorrelationPreset[];
}

export const NO_RISK_SETTINGS: RiskSettings = Object.freeze({
  shapes: new Map<RiskInputKey, RiskShape>(),
  correlations: Object.freeze([]) as readonly CorrelationPreset[],
});

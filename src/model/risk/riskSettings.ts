/**
 * The library's `risk` section as the engine reads it (docs/model.md section 12.7a). Pure: the schema has
 * checked the names, shapes, coefficients and pairs, so this only changes the representation (a Map of shapes,
 * inputs typed as RiskInputKey pairs). Zod-free, like riskKeys.ts, so either bundle may use it.
 */
import type { LibraryDocument } from "../library/schema";
import {
  isRiskInputKey,
  NO_RISK_SETTINGS,
  RISK_SHAPES,
  type CorrelationPreset,
  type RiskInputKey,
  type RiskSettings,
  type RiskShape,
} from "./riskKeys";

const SHAPE_SET: ReadonlySet<string> = new Set(RISK_SHAPES);

function isRiskShape(text: string): text is RiskShape {
  return SHAPE_SET.has(text);
}

/**
 * Shapes and correlation presets of a validated library; NO_RISK_SETTINGS when it has no `risk` section.
 * Shapes are read with Object.entries (own keys only) into a Map, so an input name never meets
 * Object.prototype; an entry the schema would have refused is skipped rather than trusted.
 */
export function riskSettingsFor(library: LibraryDocument): RiskSettings {
  const risk = library.risk;
  if (risk === undefined) return NO_RISK_SETTINGS;
  const shapes = new Map<RiskInputKey, RiskShape>();
  for (const [key, shape] of Object.entries(risk.shapes ?? {})) {
    if (isRiskInputKey(key) && isRiskShape(shape)) shapes.set(key, shape);
  }
  const correlations: CorrelationPreset[] = [];
  for (const { inputs, rho, source } of risk.correlations ?? []) {
    const [a, b] = inputs;
    if (!isRiskInputKey(a) || !isRiskInputKey(b)) continue;
    correlations.push(Object.freeze({ inputs: Object.freeze([a, b] as const), rho, source }));
  }
  return Object.freeze({ shapes, correlations: Object.freeze(correlations) });
}

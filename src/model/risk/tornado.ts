/**
 * Tornado (docs/model.md section 12.10): each uncertain input moved alone from its low to its high, every other
 * input at its typical value; the swing of the difference build - rent including the cost of delay, largest
 * first. Two deterministic evaluations per input, nothing sampled.
 */
import { evaluateCase, type CaseRecords, type RiskCase } from "./riskCase";
import { recordsFor, uncertainInputs } from "./riskInputs";
import type { RiskInputKey } from "./riskKeys";

export interface TornadoBar {
  readonly key: RiskInputKey;
  readonly label: string;
  /** The library key of the quantity. */
  readonly path: string;
  /** Inputs that are the same library figure, moved with it (riskInputs.ts `sameFigure`). */
  readonly sameFigure: readonly { readonly key: RiskInputKey; readonly path: string }[];
  readonly low: number;
  readonly high: number;
  /** differenceWithDelay with this input at its low / high (USD). */
  readonly atLow: number;
  readonly atHigh: number;
  /** |atHigh - atLow|. */
  readonly swing: number;
}

export interface Tornado {
  /** differenceWithDelay at every typical value (USD). */
  readonly base: number;
  readonly bars: readonly TornadoBar[];
}

export function tornado(c: RiskCase): Tornado {
  const base = recordsFor(c);
  const differenceAt = (set: (records: CaseRecords) => void): number => {
    const records = recordsFor(c);
    set(records);
    return evaluateCase(c, records).differenceWithDelay;
  };
  const bars = uncertainInputs(c, base).map((input): TornadoBar => {
    const atLow = differenceAt((r) => input.set(r, input.low));
    const atHigh = differenceAt((r) => input.set(r, input.high));
    return {
      key: input.key,
      label: input.label,
      path: input.path,
      sameFigure: input.sameFigure,
      low: input.low,
      high: input.high,
      atLow,
      atHigh,
      swing: Math.abs(atHigh - atLow),
    };
  });
  // Largest swing first; equal swings keep the catalog order (Array.prototype.sort is stable).
  bars.sort((a, b) => b.swing - a.swing);
  return { base: evaluateCase(c, base).differenceWithDelay, bars };
}

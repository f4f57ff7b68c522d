/**
 * From a library quantity (value, optional low / high) to the distribution a risk run samples it from
 * (issue 10: "a distribution per uncertain input, derived from the library"; docs/model.md section 12.6):
 * - no range (low and high absent, or equal to the value): fixed at the value;
 * - a range: PERT over low / typical / high (lambda 4), the default;
 * - "right-skewed" (schedules: build and grid times), a lognormal with median = typical and the library's high
 *   read as its 95th percentile, floored at low: overruns beyond the high stay possible (nine in ten projects
 *   finish late, schedule.dc_projects_late_share), an early finish below the low does not.
 * Pure: the sampler calls `inputQuantile(spec, u)` with u from the Latin hypercube.
 */
import { ModelInputError } from "../finance/errors";
import { requireFinite } from "../finance/validate";
import {
  lognormalFromTypicalAndHigh,
  lognormalQuantile,
  pertQuantile,
  PERT_LAMBDA_DEFAULT,
} from "./distributions";

/** A quantity as the library stores it (only the numbers a distribution needs). */
export interface RangedValue {
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
}

export type InputShape = "pert" | "right-skewed";

export type InputDistribution =
  | { readonly kind: "fixed"; readonly value: number }
  | { readonly kind: "pert"; readonly low: number; readonly mode: number; readonly high: number }
  | {
      readonly kind: "lognormal";
      readonly mu: number;
      readonly sigma: number;
      /** The floor: a sampled value below it is the floor. */
      readonly low: number;
    };

/** The distribution of one input; `shape` "right-skewed" needs 0 < low <= value < high. */
export function inputDistribution(q: RangedValue, shape: InputShape = "pert"): InputDistribution {
  requireFinite(q.value, "value");
  const low = q.low ?? q.value;
  const high = q.high ?? q.value;
  requireFinite(low, "low");
  requireFinite(high, "high");
  if (!(low <= q.value && q.value <= high)) {
    throw new ModelInputError(
      "range",
      `must hold low <= value <= high (got ${low}, ${q.value}, ${high})`,
      "range"
    );
  }
  if (low === high) return { kind: "fixed", value: q.value };
  if (shape === "pert" || !(low > 0) || !(high > q.value)) {
    // A right skew needs a positive lower bound and room above the typical value; otherwise PERT.
    return { kind: "pert", low, mode: q.value, high };
  }
  const { mu, sigma } = lognormalFromTypicalAndHigh(q.value, high);
  return { kind: "lognormal", mu, sigma, low };
}

/** The input's value at probability u in [0, 1) (a Latin hypercube stratum's point). */
export function inputQuantile(d: InputDistribution, u: number): number {
  switch (d.kind) {
    case "fixed":
      return d.value;
    case "pert":
      return pertQuantile(u, d.low, d.mode, d.high, PERT_LAMBDA_DEFAULT);
    case "lognormal":
      return Math.max(d.low, lognormalQuantile(u, d.mu, d.sigma));
  }
}

/**
 * Capacity ramp and phased builds (docs/model.md section 10.1). Months from the decision.
 * A ramp starts at first capacity T (0 installed) and reaches full capacity at T + R, linearly.
 */
import { ModelInputError } from "./errors";
import { finiteResult, requireBetween, requireFinite, requireNonNegative } from "./validate";

/** One phase of a build: `share` of the fleet whose ramp starts `offsetMonths` after first capacity. */
export type Phase = { offsetMonths: number; share: number };

/**
 * Capacity-months installed per unit of fleet from month 0 to month t (integral of the installed fraction):
 *   0 if t <= T; if R = 0: t - T; if t < T + R: (t - T)^2 / (2R); else t - T - R/2.
 */
export function installedMonths(t: number, T: number, R: number): number {
  requireFinite(t, "t");
  requireNonNegative(T, "firstCapacityMonths");
  requireNonNegative(R, "rampMonths");
  if (t <= T) return 0;
  if (R === 0) return finiteResult(t - T, "installedMonths");
  if (t < T + R) return finiteResult(((t - T) * (t - T)) / (2 * R), "installedMonths");
  return finiteResult(t - T - R / 2, "installedMonths");
}

/** Capacity-months per unit of fleet in [a, b] (a <= b): installedMonths(b) - installedMonths(a). */
export function installedShare(a: number, b: number, T: number, R: number): number {
  requireFinite(a, "a");
  requireFinite(b, "b");
  if (b < a) throw new ModelInputError("b", `must be >= a (got ${b} < ${a})`, "range");
  return finiteResult(installedMonths(b, T, R) - installedMonths(a, T, R), "installedShare");
}

/** Throws unless phases is a list of {offsetMonths >= 0, share in [0,1]} whose shares sum to 1 (within 1e-9). */
export function assertPhases(phases: readonly Phase[]): void {
  if (!Array.isArray(phases) || phases.length === 0) {
    throw new ModelInputError("phases", "must be a non-empty list of phases", "type");
  }
  let sum = 0;
  for (const phase of phases) {
    if (typeof phase !== "object" || phase === null) {
      throw new ModelInputError("phases", "must be a list of {offsetMonths, share}", "type");
    }
    requireNonNegative(phase.offsetMonths, "phases.offsetMonths");
    requireBetween(phase.share, 0, 1, "phases.share");
    sum += phase.share;
  }
  if (Math.abs(sum - 1) > 1e-9) {
    throw new ModelInputError("phases", `shares must sum to 1 (got ${sum})`, "range");
  }
}

/**
 * GPU-months (capacity-months x count) in [a, b] of a phased build:
 *   sum over phases of count x share x installedShare(a, b, T + offset, R).
 */
export function phasedCapacityMonths(
  count: number,
  T: number,
  R: number,
  phases: readonly Phase[],
  a: number,
  b: number
): number {
  requireNonNegative(count, "gpuCount");
  assertPhases(phases);
  let sum = 0;
  for (const phase of phases) {
    sum += count * phase.share * installedShare(a, b, T + phase.offsetMonths, R);
  }
  return finiteResult(sum, "phasedCapacityMonths");
}

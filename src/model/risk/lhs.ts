/**
 * Latin hypercube sampling: n trials over d uncertain inputs, each input's [0, 1) cut into n equal strata
 * with exactly one trial in each, so every input's whole range is covered with n trials (plain Monte Carlo
 * leaves gaps and clumps). The strata of the inputs are paired at random (one independent permutation per
 * input), which keeps the inputs independent. Send each uniform through the input's quantile.
 */
import { requireWholeBetween } from "../finance/validate";
import type { Random } from "./random";

export const LHS_MAX_TRIALS = 1_000_000;
export const LHS_MAX_DIMENSIONS = 200;

const TWO_POW_32 = 4294967296;

/**
 * A uniform integer in 0..bound-1 (1 <= bound <= 2^32), exactly: 32-bit draws at or above the largest
 * multiple of `bound` are rejected (at most half of them, and for bound <= 10^6 fewer than 1 in 4,000), so
 * each residue is equally likely. Integer arithmetic only, for the same shuffle on every platform.
 */
function uniformBelow(random: Random, bound: number): number {
  const limit = TWO_POW_32 - (TWO_POW_32 % bound);
  let x = random.nextUint32();
  while (x >= limit) x = random.nextUint32();
  return x % bound;
}

/**
 * `dimensions` arrays of `trials` uniforms in [0, 1). For each dimension: the strata 0..n-1 shuffled by
 * Fisher-Yates (Durstenfeld's in-place form) on `random`, then trial k gets (stratum_k + u) / n with a fresh
 * u = nextUint32() / 2^32. With n <= 10^6 < 2^20, stratum + u needs at most 52 bits, so it is exact and below
 * n: floor(value x n) is the stratum and the value is below 1. Dimensions draw in order from the one
 * generator, so the output depends only on its seed.
 */
export function latinHypercube(trials: number, dimensions: number, random: Random): Float64Array[] {
  requireWholeBetween(trials, 1, LHS_MAX_TRIALS, "trials");
  requireWholeBetween(dimensions, 1, LHS_MAX_DIMENSIONS, "dimensions");
  const strata = new Uint32Array(trials);
  const columns: Float64Array[] = [];
  for (let d = 0; d < dimensions; d++) {
    for (let i = 0; i < trials; i++) strata[i] = i;
    for (let i = trials - 1; i > 0; i--) {
      const j = uniformBelow(random, i + 1);
      const swap = strata[i];
      strata[i] = strata[j];
      strata[j] = swap;
    }
    const column = new Float64Array(trials);
    for (let k = 0; k < trials; k++) {
      column[k] = (strata[k] + random.nextUint32() / TWO_POW_32) / trials;
    }
    columns.push(column);
  }
  return columns;
}

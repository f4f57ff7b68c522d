/** Quantile properties over random ranges: inside the range, monotone in p, and inverting the CDF. */
import fc from "fast-check";
import { normalQuantile, pertQuantile, triangularQuantile } from "../../../../src/model/risk";
import {
  BETA_QUANTILE_TOLERANCE,
  betaQuantile,
  lnBeta,
  regularizedIncompleteBeta,
} from "../../../../src/model/risk/beta";

const RUNS = { numRuns: 300 };
const real = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true });

/** A low <= mode <= high range built from a low, a width and where the mode sits in it. */
const range = fc.tuple(real(-1e6, 1e6), real(0, 1e6), real(0, 1)).map(([low, width, share]) => {
  const high = low + width;
  return { low, mode: Math.min(high, low + share * width), high };
});
const probabilities = fc.tuple(real(0, 1), real(0, 1)).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
const lambda = real(0, 50);

describe("quantile properties", () => {
  it("triangular quantiles stay in [low, high] and never decrease in p", () => {
    fc.assert(
      fc.property(range, probabilities, ({ low, mode, high }, [p1, p2]) => {
        const q1 = triangularQuantile(p1, low, mode, high);
        const q2 = triangularQuantile(p2, low, mode, high);
        expect(q1).toBeGreaterThanOrEqual(low);
        expect(q2).toBeLessThanOrEqual(high);
        expect(q2).toBeGreaterThanOrEqual(q1);
      }),
      RUNS
    );
  });

  it("keeps order across the mode when the mode is tiny against the width (a shrunk counterexample)", () => {
    // Given a mode 1e-54 of the width: p2 = 8.6e-55 is at the mode's CDF, where high - sqrt(..) cancels to 0
    const [low, mode, high] = [0, 9.465621269234898e-93, 1.0974553184507337e-38];
    const q1 = triangularQuantile(2.378037450796933e-194, low, mode, high);
    const q2 = triangularQuantile(8.625063007209639e-55, low, mode, high);
    expect(q2).toBeGreaterThanOrEqual(q1);
  });

  it("PERT quantiles stay in [low, high] and never decrease in p (to the 1e-12 inversion tolerance)", () => {
    fc.assert(
      fc.property(range, probabilities, lambda, ({ low, mode, high }, [p1, p2], lam) => {
        const q1 = pertQuantile(p1, low, mode, high, lam);
        const q2 = pertQuantile(p2, low, mode, high, lam);
        expect(q1).toBeGreaterThanOrEqual(low);
        expect(q2).toBeLessThanOrEqual(high);
        // Two p closer than the tolerance may come back a hair out of order: allow 2 tolerances of the width
        expect(q2 - q1).toBeGreaterThanOrEqual(-2 * BETA_QUANTILE_TOLERANCE * (high - low));
      }),
      RUNS
    );
  });

  it("the Beta quantile inverts the regularized incomplete beta", () => {
    // Given shapes as PERT makes them (1 + lambda x share) and p away from 0 and 1
    fc.assert(
      fc.property(real(1, 51), real(1, 51), real(1e-6, 1 - 1e-6), (a, b, p) => {
        const x = betaQuantile(p, a, b);
        const back = regularizedIncompleteBeta(x, a, b, lnBeta(a, b));
        // The CDF's slope is at most the density's peak; a small x error moves p by at most about 1e-10 here
        expect(Math.abs(back - p)).toBeLessThan(1e-9);
      }),
      RUNS
    );
  });

  it("the normal quantile is antisymmetric and increasing", () => {
    // Antisymmetry where 1 - a is exact enough (a >= 1e-6: the rounding of 1 - a moves z by < 1e-10)
    fc.assert(
      fc.property(real(1e-6, 0.5), (a) => {
        expect(normalQuantile(1 - a)).toBeCloseTo(-normalQuantile(a), 9);
      }),
      RUNS
    );
    fc.assert(
      fc.property(real(1e-300, 1 - 1e-16), real(1e-300, 1 - 1e-16), (a, b) => {
        if (a < b) expect(normalQuantile(a)).toBeLessThanOrEqual(normalQuantile(b));
      }),
      RUNS
    );
  });
});

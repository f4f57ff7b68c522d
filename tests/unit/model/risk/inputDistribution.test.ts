import { ModelInputError } from "../../../../src/model/finance/errors";
import {
  createRandom,
  inputDistribution,
  inputQuantile,
  latinHypercube,
} from "../../../../src/model/risk";

describe("inputDistribution", () => {
  it("fixes an input without a range", () => {
    // Given quantities with no low/high, or a zero-width range
    const none = inputDistribution({ value: 0.07 });
    const zero = inputDistribution({ value: 5, low: 5, high: 5 });
    // Then every probability gives the value itself
    expect(none).toEqual({ kind: "fixed", value: 0.07 });
    for (const u of [0, 0.3, 0.999]) {
      expect(inputQuantile(none, u)).toBe(0.07);
      expect(inputQuantile(zero, u)).toBe(5);
    }
  });

  it("samples a range as PERT with the typical value as its mode", () => {
    // Given low 10, typical 14, high 30: PERT mean (10 + 4 x 14 + 30) / 6 = 16
    const d = inputDistribution({ value: 14, low: 10, high: 30 });
    expect(d).toEqual({ kind: "pert", low: 10, mode: 14, high: 30 });
    // When 10,000 Latin hypercube points are mapped through it
    const [u] = latinHypercube(10_000, 1, createRandom(1));
    let sum = 0;
    for (const p of u) sum += inputQuantile(d, p);
    // Then the mean is 16 within 1 %, and the ends are the range's
    expect(Math.abs(sum / 10_000 - 16)).toBeLessThan(0.16);
    expect(inputQuantile(d, 0)).toBe(10);
  });

  it("skews a schedule right: median at the typical value, the high at the 95th percentile", () => {
    // Given a build of typical 21 months, low 18, high 48 (right-skewed)
    const d = inputDistribution({ value: 21, low: 18, high: 48 }, "right-skewed");
    expect(d.kind).toBe("lognormal");
    // Then the median is 21 (a lognormal's median is exp(mu) = typical) and the 95th percentile is 48
    expect(inputQuantile(d, 0.5)).toBeCloseTo(21, 9);
    expect(inputQuantile(d, 0.95)).toBeCloseTo(48, 9);
    // And overruns beyond the high remain possible, finishing before the low does not
    expect(inputQuantile(d, 0.99)).toBeGreaterThan(48);
    expect(inputQuantile(d, 1e-6)).toBe(18);
  });

  it("falls back to PERT where a right skew has no room", () => {
    // Given a right-skewed input whose low is 0 (a lognormal needs a positive floor)
    expect(inputDistribution({ value: 3, low: 0, high: 12 }, "right-skewed").kind).toBe("pert");
    // Or whose typical value is its high
    expect(inputDistribution({ value: 12, low: 3, high: 12 }, "right-skewed").kind).toBe("pert");
  });

  it("refuses a range that excludes its typical value", () => {
    expect(() => inputDistribution({ value: 9, low: 10, high: 30 })).toThrow(ModelInputError);
    expect(() => inputDistribution({ value: Number.NaN })).toThrow(ModelInputError);
  });
});

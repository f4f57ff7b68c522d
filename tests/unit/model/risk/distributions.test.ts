import {
  createRandom,
  lognormalFromTypicalAndHigh,
  lognormalQuantile,
  normalQuantile,
  pertMean,
  pertQuantile,
  triangularQuantile,
} from "../../../../src/model/risk";
import { ModelInputError } from "../../../../src/model/finance/errors";

describe("normalQuantile (AS241)", () => {
  it("matches the standard normal table to 1e-9", () => {
    // Published table values: z(0.975) = 1.959963985, z(0.01) = -2.326347874, z(0.999) = 3.090232306,
    // z(0.9) = 1.281551566
    expect(Math.abs(normalQuantile(0.975) - 1.959963985)).toBeLessThan(1e-9);
    expect(normalQuantile(0.5)).toBe(0);
    expect(Math.abs(normalQuantile(0.01) - -2.326347874)).toBeLessThan(1e-9);
    expect(Math.abs(normalQuantile(0.999) - 3.090232306)).toBeLessThan(1e-9);
    expect(Math.abs(normalQuantile(0.9) - 1.281551566)).toBeLessThan(1e-9);
  });

  it("is accurate deep in the tails", () => {
    // z(1e-10) = -6.361340902; beyond the second range (p < 1.4e-11) z(1e-20) = -9.262340089. Checked
    // independently of AS241 by the CDF: 0.5 erfc(6.361340902 / sqrt 2) = 1.0000000026e-10 and
    // 0.5 erfc(9.262340089 / sqrt 2) = 1.0000000075e-20 (Python's math.erfc)
    expect(Math.abs(normalQuantile(1e-10) - -6.361340902)).toBeLessThan(1e-8);
    expect(Math.abs(normalQuantile(1e-20) - -9.262340089)).toBeLessThan(1e-8);
  });

  it("refuses p outside (0, 1)", () => {
    for (const bad of [0, 1, -0.1, 1.1, Number.NaN]) {
      expect(() => normalQuantile(bad)).toThrow(ModelInputError);
    }
  });
});

describe("triangularQuantile", () => {
  it("inverts the CDF on both sides of the mode", () => {
    // Given low 0, mode 1, high 4: the CDF at the mode is (1 - 0) / 4 = 0.25.
    // p = 0.0625 < 0.25: the CDF left of the mode is x^2 / (4 x 1), x^2 / 4 = 0.0625 gives x = 0.5.
    expect(triangularQuantile(0.0625, 0, 1, 4)).toBeCloseTo(0.5, 12);
    expect(triangularQuantile(0.25, 0, 1, 4)).toBeCloseTo(1, 12);
    // p = 0.5: right of the mode 1 - (4 - x)^2 / (4 x 3) = 0.5, (4 - x)^2 = 6, x = 4 - 2.4494897 = 1.5505103
    expect(triangularQuantile(0.5, 0, 1, 4)).toBeCloseTo(1.5505103, 7);
    expect(triangularQuantile(0, 0, 1, 4)).toBe(0);
    expect(triangularQuantile(1, 0, 1, 4)).toBe(4);
  });
});

describe("pertQuantile", () => {
  it("matches Beta quantiles known in closed form", () => {
    // Given low 0, mode 0, high 1, lambda 4: alpha = 1, beta = 1 + 4 = 5, CDF 1 - (1 - x)^5.
    // Median: (1 - x)^5 = 0.5, x = 1 - 2^-0.2 = 1 - e^(-0.1386294) = 1 - 0.8705506 = 0.1294494
    expect(pertQuantile(0.5, 0, 0, 1)).toBeCloseTo(0.12944944, 8);
    // Given low 10, mode 20, high 30, lambda 2: alpha = beta = 2, CDF 3y^2 - 2y^3 on y = (x - 10) / 20.
    // At y = 0.25: 3/16 - 2/64 = 0.1875 - 0.03125 = 0.15625, so Q(0.15625) = 10 + 20 x 0.25 = 15
    expect(pertQuantile(0.15625, 10, 20, 30, 2)).toBeCloseTo(15, 10);
    // lambda = 0 is uniform: Q(0.3) on [10, 30] = 16
    expect(pertQuantile(0.3, 10, 20, 30, 0)).toBeCloseTo(16, 10);
  });

  it("stays accurate to 1e-12 in the upper tail", () => {
    // Given Beta(1, 5) (low 0, mode 0, high 1) and p = 1 - 2^-30 (exact, as is 1 - p = 2^-30): the CDF
    // 1 - (1 - x)^5 = p gives (1 - x)^5 = 2^-30, 1 - x = 2^-6, x = 1 - 1/64 = 0.984375. (The density there is
    // 5 x 2^-24 = 3e-7, so a CDF computed as 1 - small would miss by about 1e-16 / 3e-7 = 3e-10.)
    expect(Math.abs(pertQuantile(1 - 2 ** -30, 0, 0, 1) - 0.984375)).toBeLessThan(1e-12);
  });

  it("gives low at p = 0 and high at p = 1", () => {
    expect(pertQuantile(0, 10, 14, 30)).toBe(10);
    expect(pertQuantile(1, 10, 14, 30)).toBe(30);
  });

  it("has the PERT mean within 1 % over 100k draws", () => {
    // Given low 10, mode 14, high 30: mean (10 + 4 x 14 + 30) / 6 = 96 / 6 = 16
    const r = createRandom(4242);
    let sum = 0;
    for (let i = 0; i < 100000; i++) sum += pertQuantile(r.next(), 10, 14, 30);
    expect(Math.abs(sum / 100000 - 16)).toBeLessThan(0.16);
  });
});

describe("pertMean", () => {
  it("weights the mode by lambda", () => {
    // (10 + 4 x 14 + 30) / 6 = 16; with lambda 2: (10 + 28 + 30) / 4 = 17
    expect(pertMean(10, 14, 30)).toBeCloseTo(16, 12);
    expect(pertMean(10, 14, 30, 2)).toBeCloseTo(17, 12);
  });
});

describe("lognormal", () => {
  it("derives mu and sigma from typical and high", () => {
    // Given typical 10 months, high 20 at the 95th percentile: mu = ln 10 = 2.3025851,
    // sigma = ln 2 / z(0.95) = 0.6931472 / 1.6448536 = 0.4214036
    const { mu, sigma } = lognormalFromTypicalAndHigh(10, 20);
    expect(mu).toBeCloseTo(2.3025851, 7);
    expect(sigma).toBeCloseTo(0.4214036, 7);
    // Then its median is typical and its 95th percentile is high
    expect(lognormalQuantile(0.5, mu, sigma)).toBeCloseTo(10, 10);
    expect(lognormalQuantile(0.95, mu, sigma)).toBeCloseTo(20, 10);
  });

  it("gives 0 at p = 0 and refuses p = 1 (unbounded)", () => {
    expect(lognormalQuantile(0, 1, 0.5)).toBe(0);
    expect(() => lognormalQuantile(1, 1, 0.5)).toThrow(ModelInputError);
  });

  it("refuses high below typical and a percentile outside (0.5, 1)", () => {
    expect(() => lognormalFromTypicalAndHigh(10, 9)).toThrow(ModelInputError);
    expect(() => lognormalFromTypicalAndHigh(0, 9)).toThrow(ModelInputError);
    expect(() => lognormalFromTypicalAndHigh(10, 20, 0.5)).toThrow(ModelInputError);
    expect(() => lognormalFromTypicalAndHigh(10, 20, 1)).toThrow(ModelInputError);
  });
});

describe("degenerate ranges and validation", () => {
  it("returns the value of a degenerate range for every p", () => {
    for (const p of [0, 0.3, 0.5, 1]) {
      expect(triangularQuantile(p, 5, 5, 5)).toBe(5);
      expect(pertQuantile(p, 5, 5, 5)).toBe(5);
    }
    // sigma 0 (typical = high): every quantile is the typical value
    const { mu, sigma } = lognormalFromTypicalAndHigh(7, 7);
    expect(sigma).toBe(0);
    expect(lognormalQuantile(0, mu, sigma)).toBeCloseTo(7, 12);
    expect(lognormalQuantile(0.9, mu, sigma)).toBeCloseTo(7, 12);
  });

  it("refuses a mode outside [low, high], p outside [0, 1] and a negative lambda", () => {
    expect(() => triangularQuantile(0.5, 0, 5, 4)).toThrow(/low <= mode <= high/);
    expect(() => pertQuantile(0.5, 3, 2, 4)).toThrow(ModelInputError);
    expect(() => pertMean(5, 1, 4)).toThrow(ModelInputError);
    expect(() => triangularQuantile(1.01, 0, 1, 4)).toThrow(ModelInputError);
    expect(() => pertQuantile(-0.01, 0, 1, 4)).toThrow(ModelInputError);
    expect(() => pertQuantile(0.5, 0, 1, 4, -1)).toThrow(ModelInputError);
    expect(() => pertQuantile(Number.NaN, 0, 1, 4)).toThrow(ModelInputError);
  });
});

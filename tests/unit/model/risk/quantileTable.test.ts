import { PERT_TABLE_INTERVALS, pertQuantile, pertTableSampler } from "../../../../src/model/risk";

/** n stratified points u = (k + 0.5) / n, k = 0..n-1: each of n equal strata hit once, at its middle. */
function stratified(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, k) => (k + 0.5) / n);
}

describe("pertTableSampler", () => {
  it("has the PERT mean (a + 4m + b) / 6 within 1 % over 100,000 stratified draws", () => {
    // Given PERT(10, 14, 30): mean by hand (10 + 4 x 14 + 30) / 6 = 96 / 6 = 16
    const sample = pertTableSampler(10, 14, 30);
    const u = stratified(100_000);
    let sum = 0;
    for (const p of u) sum += sample(p);
    // Then the sample mean is within 1 % of 16
    expect(Math.abs(sum / u.length - 16)).toBeLessThan(0.16);
  });

  it("stays within (b - a) / 4096 of the exact PERT quantile", () => {
    // Given three shapes (symmetric, right-skewed, left-skewed) and 2,001 probabilities spread over [0, 1)
    const shapes: [number, number, number][] = [
      [0, 0.5, 1],
      [10, 14, 30],
      [-0.3, -0.02, 0],
    ];
    for (const [a, m, b] of shapes) {
      const sample = pertTableSampler(a, m, b);
      const bound = (b - a) / PERT_TABLE_INTERVALS;
      let worst = 0;
      for (let k = 0; k <= 2000; k++) {
        const u = Math.min(k / 2000, 1 - 2 ** -40);
        worst = Math.max(worst, Math.abs(sample(u) - pertQuantile(u, a, m, b)));
      }
      // Then the worst gap is inside one table interval of the value scale
      expect(worst).toBeLessThanOrEqual(bound);
    }
  });

  it("is monotone in u", () => {
    // Given a right-skewed PERT sampled on 20,000 increasing probabilities
    const sample = pertTableSampler(10, 14, 30);
    let previous = -Infinity;
    let decreases = 0;
    for (let k = 0; k < 20_000; k++) {
      const x = sample(k / 20_000);
      if (x < previous) decreases++;
      previous = x;
    }
    // Then no value is below the one before it
    expect(decreases).toBe(0);
  });

  it("gives the low at u = 0 and stays inside [low, high] just below 1", () => {
    const sample = pertTableSampler(10, 14, 30);
    expect(sample(0)).toBe(10);
    const top = sample(1 - 2 ** -53);
    expect(top).toBeLessThanOrEqual(30);
    // The top 1e-16 of PERT(10, 14, 30) lies within one table interval (20 / 4096 = 0.0049) of 30
    expect(top).toBeGreaterThan(30 - 20 / PERT_TABLE_INTERVALS);
  });

  it.each([
    // m = a: alpha = 1, beta = 5, so F(x) = 1 - (1 - x)^5 on the unit interval, median 1 - 0.5^(1/5) = 0.12945
    ["mode at the low", 0, 0, 1, 1 - 0.5 ** (1 / 5)],
    // m = b: alpha = 5, beta = 1, so F(x) = x^5, median 0.5^(1/5) = 0.87055
    ["mode at the high", 0, 1, 1, 0.5 ** (1 / 5)],
  ])("handles the %s (median by hand)", (_label, a, m, b, median) => {
    const sample = pertTableSampler(a, m, b);
    expect(sample(0)).toBe(a);
    expect(Math.abs(sample(0.5) - median)).toBeLessThanOrEqual(1 / PERT_TABLE_INTERVALS);
    // Mean (a + 4m + b) / 6: m = a -> 1/6, m = b -> 5/6, within 1 % over 20,000 stratified draws
    const u = stratified(20_000);
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const p of u) {
      const x = sample(p);
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
    }
    expect(min).toBeGreaterThanOrEqual(a);
    expect(max).toBeLessThanOrEqual(b);
    const mean = (a + 4 * m + b) / 6;
    expect(Math.abs(sum / u.length - mean)).toBeLessThan(0.01 * mean);
  });

  it("scales with the range: PERT(100, 140, 300) is 10 x PERT(10, 14, 30)", () => {
    // Linear in (a, m, b): the same Beta(2.2, 4.2) table, value = low + width x x
    const small = pertTableSampler(10, 14, 30);
    const large = pertTableSampler(100, 140, 300);
    for (const u of [0.01, 0.25, 0.5, 0.75, 0.99]) {
      expect(large(u)).toBeCloseTo(10 * small(u), 9);
    }
  });
});

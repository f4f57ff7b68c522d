import { createRandom, latinHypercube } from "../../../../src/model/risk";
import { ModelInputError } from "../../../../src/model/finance/errors";

/** The stratum of each value of a column of n uniforms. */
function strataOf(column: Float64Array): number[] {
  return Array.from(column, (v) => Math.floor(v * column.length));
}

describe("latinHypercube", () => {
  it("hits every stratum of every dimension exactly once (n = 1,000)", () => {
    // Given 1,000 trials over 5 dimensions
    const columns = latinHypercube(1000, 5, createRandom(7));
    expect(columns).toHaveLength(5);
    for (const column of columns) {
      expect(column).toHaveLength(1000);
      // Then each value is in [0, 1) and the strata 0..999 each occur once
      for (const v of column) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(1);
      }
      const counts = new Array<number>(1000).fill(0);
      for (const s of strataOf(column)) counts[s]++;
      expect(counts.every((c) => c === 1)).toBe(true);
    }
  });

  it("gives identical output for the same seed and different output for another", () => {
    const a = latinHypercube(500, 3, createRandom(11));
    const b = latinHypercube(500, 3, createRandom(11));
    const c = latinHypercube(500, 3, createRandom(12));
    expect(b).toEqual(a);
    expect(c[0]).not.toEqual(a[0]);
  });

  it("pairs the strata of the dimensions at random (columns are not the same permutation)", () => {
    // Given 1,000 trials over 3 dimensions: two independent random permutations agree in about 1 place
    // (the expected number of fixed points of a random permutation is 1)
    const [x, y, z] = latinHypercube(1000, 3, createRandom(3)).map(strataOf);
    const same = (u: number[], v: number[]): number => u.filter((s, i) => s === v[i]).length;
    expect(same(x, y)).toBeLessThan(10);
    expect(same(x, z)).toBeLessThan(10);
    expect(same(y, z)).toBeLessThan(10);
  });

  it("spreads the uniforms within their strata (not all at the stratum's start)", () => {
    // Given 1,000 trials: the offsets u = v x n - stratum are uniform on [0, 1), mean 0.5 (standard error
    // sqrt(1/12 / 1000) = 0.009, so 0.05 is 5.5 errors)
    const [column] = latinHypercube(1000, 1, createRandom(5));
    const offsets = Array.from(column, (v) => v * 1000 - Math.floor(v * 1000));
    const mean = offsets.reduce((s, u) => s + u, 0) / 1000;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });

  it("handles one trial: a single uniform in [0, 1)", () => {
    const [column] = latinHypercube(1, 1, createRandom(1));
    expect(column).toHaveLength(1);
    expect(column[0]).toBeGreaterThanOrEqual(0);
    expect(column[0]).toBeLessThan(1);
  });

  it("refuses trials outside 1..1,000,000 and dimensions outside 1..200", () => {
    const r = createRandom(1);
    for (const [n, d] of [
      [0, 1],
      [1000001, 1],
      [1.5, 1],
      [10, 0],
      [10, 201],
      [10, Number.NaN],
    ]) {
      expect(() => latinHypercube(n, d, r)).toThrow(ModelInputError);
    }
  });
});

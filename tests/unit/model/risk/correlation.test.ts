import { averageRanks, imanConover, spearman } from "../../../../src/model/risk/correlation";
import { nearestCorrelationMatrix } from "../../../../src/model/risk/nearest";
import { expectModelError } from "../../../support/model/finance/fixtures";
import { createRandom } from "../../../../src/model/risk/random";

/** The sampler's seeded generator (src/model/risk/random.ts) as a plain function. */
function seeded(seed: number): () => number {
  const random = createRandom(seed);
  return () => random.next();
}

/** k independent columns of n values with different, skewed marginals (uniform, exponential, lognormal-ish). */
function independentColumns(k: number, n: number, seed: number): Float64Array[] {
  const next = seeded(seed);
  return Array.from({ length: k }, (_, j) =>
    Float64Array.from({ length: n }, () => {
      const u = next();
      if (j % 3 === 0) return 100 * u;
      if (j % 3 === 1) return -Math.log(1 - u) * 5;
      return Math.exp(2 * u) + 0.25;
    })
  );
}

function sortedCopy(x: Float64Array): Float64Array {
  return Float64Array.from(x).sort();
}

const TWO_BY_TWO = [
  [1, 0.7],
  [0.7, 1],
];
const THREE_BY_THREE = [
  [1, -0.4, 0.3],
  [-0.4, 1, 0.5],
  [0.3, 0.5, 1],
];

describe("averageRanks and spearman", () => {
  it("ranks ties by the mean of the ranks they span", () => {
    // 5 < 10 < 20 = 20: ranks 1, 2, then 3 and 4 shared as 3.5
    expect(Array.from(averageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });

  it("gives sqrt(0.9) for one tie", () => {
    // x = 1, 2, 2, 3 -> ranks 1, 2.5, 2.5, 4; y ranks 1..4; both mean 2.5.
    // dx = -1.5, 0, 0, 1.5; dy = -1.5, -0.5, 0.5, 1.5: sxy = 4.5, sxx = 4.5, syy = 5
    // rho = 4.5 / sqrt(4.5 x 5) = sqrt(4.5 / 5) = sqrt(0.9) = 0.9486833
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(Math.sqrt(0.9), 14);
  });

  it("is 1 for a monotone transform and -1 for a decreasing one", () => {
    const x = Float64Array.from({ length: 500 }, (_, i) => Math.sin(i) * 10);
    expect(
      spearman(
        x,
        x.map((v) => Math.exp(v) + v ** 3)
      )
    ).toBe(1);
    expect(
      spearman(
        x,
        x.map((v) => -2 * v)
      )
    ).toBe(-1);
  });

  it("refuses unequal lengths, fewer than 2 pairs, NaN and a constant input", () => {
    expectModelError(() => spearman([1, 2], [1]), "y", "range");
    expectModelError(() => spearman([1], [1]), "x", "range");
    expectModelError(() => spearman([1, NaN], [1, 2]), "x", "range");
    expectModelError(() => spearman([3, 3, 3], [1, 2, 3]), "x", "range");
  });
});

describe("imanConover", () => {
  const n = 10_000;

  it("reaches a 0.7 rank correlation and keeps the marginals exactly", () => {
    // Given two independent columns of 10,000 values
    const input = independentColumns(2, n, 1);
    expect(Math.abs(spearman(input[0], input[1]))).toBeLessThan(0.05);
    // When they are reordered for a target of 0.7
    const output = imanConover(input, TWO_BY_TWO);
    // Then each column holds the same values, the first keeps its order, and the ranks correlate near 0.7
    output.forEach((column, j) => expect(sortedCopy(column)).toEqual(sortedCopy(input[j])));
    expect(output[0]).toEqual(input[0]);
    const rho = spearman(output[0], output[1]);
    expect(Math.abs(rho - 0.7)).toBeLessThan(0.05);
  });

  it("reaches the 3x3 target -0.4 / 0.3 / 0.5 to within 0.05", () => {
    const input = independentColumns(3, n, 2);
    const output = imanConover(input, THREE_BY_THREE);
    output.forEach((column, j) => expect(sortedCopy(column)).toEqual(sortedCopy(input[j])));
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 3; j++) {
        expect(Math.abs(spearman(output[i], output[j]) - THREE_BY_THREE[i][j])).toBeLessThan(0.05);
      }
    }
  });

  it("leaves rank correlations near 0 for the identity target", () => {
    const input = independentColumns(3, n, 3);
    const output = imanConover(input, [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 3; j++)
        expect(Math.abs(spearman(output[i], output[j]))).toBeLessThan(0.05);
    }
  });

  it("is deterministic and leaves its inputs untouched", () => {
    const input = independentColumns(3, 2_000, 4);
    const before = input.map((c) => Float64Array.from(c));
    const first = imanConover(input, THREE_BY_THREE);
    const second = imanConover(input, THREE_BY_THREE);
    expect(second).toEqual(first);
    expect(input).toEqual(before);
  });

  it("handles tied values (a marginal with few distinct values)", () => {
    const next = seeded(5);
    const steps = Float64Array.from({ length: n }, () => Math.floor(next() * 4));
    const smooth = Float64Array.from({ length: n }, () => next());
    const output = imanConover([steps, smooth], TWO_BY_TWO);
    expect(sortedCopy(output[0])).toEqual(sortedCopy(steps));
    expect(sortedCopy(output[1])).toEqual(sortedCopy(smooth));
    // Four tied levels cap the achievable rank correlation below 0.7; it must still be strongly positive
    expect(spearman(output[0], output[1])).toBeGreaterThan(0.5);
  });

  it("accepts a singular target (two inputs correlated 1): their orders then agree", () => {
    const input = independentColumns(2, 1_000, 6);
    const output = imanConover(input, [
      [1, 1],
      [1, 1],
    ]);
    expect(spearman(output[0], output[1])).toBeGreaterThan(0.999);
  });

  it("returns a copy for a single input", () => {
    const input = independentColumns(1, 10, 7);
    const output = imanConover(input, [[1]]);
    expect(output[0]).toEqual(input[0]);
    expect(output[0]).not.toBe(input[0]);
  });

  it("refuses an invalid target with checkCorrelationMatrix's reason", () => {
    const input = independentColumns(3, 100, 8);
    const contradictory = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expectModelError(() => imanConover(input, contradictory), "correlationMatrix", "range");
    expect(() => imanConover(input, contradictory)).toThrow(/positive semi-definite/);
    expect(() =>
      imanConover(input.slice(0, 2), [
        [1, 0.5],
        [0.4, 1],
      ])
    ).toThrow(/must be symmetric/);
    expect(() =>
      imanConover(input.slice(0, 2), [
        [1, 0.5],
        [0.5, 2],
      ])
    ).toThrow(/1 on the diagonal/);
    // ... while its nearest correlation matrix is accepted
    const repaired = nearestCorrelationMatrix(contradictory).matrix;
    expect(() => imanConover(input, repaired)).not.toThrow();
  });

  it("refuses mismatched shapes, too few values and non-finite values", () => {
    const input = independentColumns(2, 100, 9);
    expectModelError(() => imanConover([], [[1]]), "samples", "range");
    expectModelError(() => imanConover(input, THREE_BY_THREE), "correlationMatrix", "range");
    expectModelError(
      () => imanConover([input[0], input[1].subarray(1)], TWO_BY_TWO),
      "samples",
      "range"
    );
    expectModelError(
      () => imanConover([Float64Array.of(1, 2), Float64Array.of(2, 1)], TWO_BY_TWO),
      "samples",
      "range"
    );
    const withNaN = Float64Array.from(input[1]);
    withNaN[3] = NaN;
    expectModelError(
      () => imanConover([input[0], withNaN], TWO_BY_TWO),
      "samples column 2",
      "range"
    );
  });
});

import { symmetricEigen } from "../../../../src/model/risk/eigen";
import {
  checkCorrelationMatrix,
  choleskyLower,
  MAX_CORRELATION_DIMENSION,
} from "../../../../src/model/risk/matrix";
import { expectModelError } from "../../../support/model/finance/fixtures";

/** The matrix of the brief: pairwise plausible, jointly impossible (x1~x2 and x2~x3 strongly, x1 against x3). */
const CONTRADICTORY = [
  [1, 0.9, -0.9],
  [0.9, 1, 0.9],
  [-0.9, 0.9, 1],
];

function reasonOf(m: number[][]): string {
  const check = checkCorrelationMatrix(m);
  expect(check.ok).toBe(false);
  return check.ok ? "" : check.reason;
}

describe("checkCorrelationMatrix", () => {
  it("accepts the identity, a 2x2 at 0.7 and the brief's 3x3", () => {
    expect(checkCorrelationMatrix([[1]])).toEqual({ ok: true });
    expect(
      checkCorrelationMatrix([
        [1, 0.7],
        [0.7, 1],
      ])
    ).toEqual({ ok: true });
    expect(
      checkCorrelationMatrix([
        [1, -0.4, 0.3],
        [-0.4, 1, 0.5],
        [0.3, 0.5, 1],
      ])
    ).toEqual({ ok: true });
  });

  it("accepts a singular but semi-definite matrix (two inputs correlated 1)", () => {
    // Given [[1, 1], [1, 1]]: eigenvalues 0 and 2, so PSD though not positive definite
    expect(
      checkCorrelationMatrix([
        [1, 1],
        [1, 1],
      ])
    ).toEqual({ ok: true });
  });

  it("refuses an asymmetric matrix, naming the entries", () => {
    const reason = reasonOf([
      [1, 0.5],
      [0.4, 1],
    ]);
    expect(reason).toMatch(/must be symmetric: entry \(1, 2\) is 0.5 but \(2, 1\) is 0.4/);
  });

  it("refuses a diagonal entry other than 1", () => {
    const reason = reasonOf([
      [1, 0.5],
      [0.5, 0.9],
    ]);
    expect(reason).toMatch(/must have 1 on the diagonal: entry \(2, 2\) is 0.9/);
  });

  it("refuses an entry outside [-1, 1]", () => {
    const reason = reasonOf([
      [1, 1.2],
      [1.2, 1],
    ]);
    expect(reason).toMatch(/between -1 and 1: entry \(1, 2\) is 1.2/);
  });

  it("refuses a matrix that is not positive semi-definite, naming the pivot", () => {
    // Given the contradictory 3x3: Cholesky gives L11 = 1, L21 = 0.9, L22 = sqrt(1 - 0.81) = 0.43589,
    // L31 = -0.9, L32 = (0.9 - 0.9 x -0.9) / 0.43589 = 1.71 / 0.43589 = 3.92302, and pivot 3 =
    // 1 - 0.81 - 3.92302^2 = 1 - 0.81 - 15.39 = -15.2 (the shift 1e-9 does not show at 6 digits)
    const reason = reasonOf(CONTRADICTORY);
    expect(reason).toMatch(/must be positive semi-definite/);
    expect(reason).toMatch(/pivot 3 is -15\.2000/);
    expect(reason).toMatch(/nearestCorrelationMatrix/);
  });

  it("refuses shapes that are not square, empty, too large, or not finite", () => {
    expect(reasonOf([])).toMatch(/at least one row/);
    expect(reasonOf([[1, 0], [0]])).toMatch(/must be square: row 2 has 1 entries, expected 2/);
    expect(
      reasonOf([
        [1, NaN],
        [NaN, 1],
      ])
    ).toMatch(/entry \(1, 2\) must be a finite number/);
    const k = MAX_CORRELATION_DIMENSION + 1;
    const big = Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))
    );
    expect(reasonOf(big)).toMatch(/at most 200 rows \(got 201\)/);
  });

  it("accepts the 200 x 200 identity", () => {
    const k = MAX_CORRELATION_DIMENSION;
    const identity = Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))
    );
    expect(checkCorrelationMatrix(identity)).toEqual({ ok: true });
  });
});

describe("choleskyLower", () => {
  it("factors a 2x2 by hand", () => {
    // Given [[4, 2], [2, 3]]: L11 = sqrt(4) = 2, L21 = 2 / 2 = 1, L22 = sqrt(3 - 1^2) = sqrt(2)
    const l = choleskyLower([
      [4, 2],
      [2, 3],
    ]);
    expect(l[0]).toEqual([2, 0]);
    expect(l[1][0]).toBe(1);
    expect(l[1][1]).toBeCloseTo(Math.SQRT2, 15);
  });

  it("reproduces the matrix as L L^T", () => {
    const m = [
      [1, -0.4, 0.3],
      [-0.4, 1, 0.5],
      [0.3, 0.5, 1],
    ];
    const l = choleskyLower(m);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let p = 0; p < 3; p++) sum += l[i][p] * l[j][p];
        expect(sum).toBeCloseTo(m[i][j], 14);
      }
      for (let j = i + 1; j < 3; j++) expect(l[i][j]).toBe(0);
    }
  });

  it("throws ModelInputError naming the first non-positive pivot", () => {
    expectModelError(() => choleskyLower(CONTRADICTORY), "correlationMatrix", "range");
    expect(() => choleskyLower(CONTRADICTORY)).toThrow(/Cholesky pivot 3 is -15\.2000/);
    // [[1, 1], [1, 1]]: pivot 2 = 1 - 1^2 = 0, not > 0
    expect(() =>
      choleskyLower([
        [1, 1],
        [1, 1],
      ])
    ).toThrow(/pivot 2 is 0\.00000/);
  });

  it("refuses an asymmetric matrix", () => {
    expectModelError(
      () =>
        choleskyLower([
          [1, 0.5],
          [0.4, 1],
        ]),
      "correlationMatrix",
      "range"
    );
  });
});

describe("symmetricEigen", () => {
  it("finds the eigenvalues of [[2, 1], [1, 2]]", () => {
    // det([[2 - l, 1], [1, 2 - l]]) = (2 - l)^2 - 1 = 0 -> l = 1 or 3, eigenvectors (1, -1) and (1, 1) / sqrt 2
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    const sorted = Array.from(values).sort((a, b) => a - b);
    expect(sorted[0]).toBeCloseTo(1, 14);
    expect(sorted[1]).toBeCloseTo(3, 14);
    const big = values[0] > values[1] ? 0 : 1;
    expect(Math.abs(vectors[0 * 2 + big])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0 * 2 + big] * vectors[1 * 2 + big]).toBeGreaterThan(0);
  });

  it("finds eigenvalues 1.9, 1.9, -0.8 of the contradictory matrix", () => {
    // A = I + 0.9 B, B with zero diagonal and (b12, b13, b23) = (1, -1, 1): det(lI - B) = l^3 - 3l - 2 b12 b13 b23
    // = l^3 - 3l + 2 = (l - 1)^2 (l + 2), so B has 1, 1, -2 and A has 1.9, 1.9, -0.8
    const { values } = symmetricEigen(Float64Array.from(CONTRADICTORY.flat()), 3);
    const sorted = Array.from(values).sort((a, b) => a - b);
    expect(sorted[0]).toBeCloseTo(-0.8, 13);
    expect(sorted[1]).toBeCloseTo(1.9, 13);
    expect(sorted[2]).toBeCloseTo(1.9, 13);
  });
});

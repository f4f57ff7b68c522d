import { checkCorrelationMatrix } from "../../../../src/model/risk/matrix";
import { nearestCorrelationMatrix } from "../../../../src/model/risk/nearest";
import { expectModelError } from "../../../support/model/finance/fixtures";

const CONTRADICTORY = [
  [1, 0.9, -0.9],
  [0.9, 1, 0.9],
  [-0.9, 0.9, 1],
];

describe("nearestCorrelationMatrix", () => {
  it("repairs the contradictory matrix to the one derived by symmetry", () => {
    // Given A = I + 0.9 B, B zero-diagonal with (b12, b13, b23) = (1, -1, 1). Swapping inputs 1 and 3, and
    // cycling them with the sign of one flipped, both map A to itself; the nearest correlation matrix is
    // unique, so it is invariant too, hence of the form I + s B. Its eigenvalues are 1 + s (twice) and 1 - 2s
    // (B has 1, 1, -2), so PSD needs s <= 1/2, and ||A - (I + s B)||_F^2 = 6 (0.9 - s)^2 is least at s = 0.5:
    // the nearest is [[1, .5, -.5], [.5, 1, .5], [-.5, .5, 1]], moved by sqrt(6 x 0.4^2) = sqrt(0.96) = 0.9797959
    const result = nearestCorrelationMatrix(CONTRADICTORY);
    expect(result.converged).toBe(true);
    const expected = [
      [1, 0.5, -0.5],
      [0.5, 1, 0.5],
      [-0.5, 0.5, 1],
    ];
    for (let i = 0; i < 3; i++) {
      expect(result.matrix[i][i]).toBe(1);
      for (let j = 0; j < 3; j++) expect(result.matrix[i][j]).toBeCloseTo(expected[i][j], 8);
    }
    expect(result.changedBy).toBeCloseTo(Math.sqrt(0.96), 8);
    expect(checkCorrelationMatrix(result.matrix)).toEqual({ ok: true });
  });

  it("matches Higham's (2002) worked example to the 4 decimals he prints", () => {
    // Given A = [[1, 1, 0], [1, 1, 1], [0, 1, 1]], Higham reports the nearest correlation matrix
    // [[1, 0.7607, 0.1573], [0.7607, 1, 0.7607], [0.1573, 0.7607, 1]]
    const result = nearestCorrelationMatrix([
      [1, 1, 0],
      [1, 1, 1],
      [0, 1, 1],
    ]);
    expect(result.converged).toBe(true);
    expect(Math.abs(result.matrix[0][1] - 0.7607)).toBeLessThan(5e-5);
    expect(Math.abs(result.matrix[1][2] - 0.7607)).toBeLessThan(5e-5);
    expect(Math.abs(result.matrix[0][2] - 0.1573)).toBeLessThan(5e-5);
    expect(checkCorrelationMatrix(result.matrix)).toEqual({ ok: true });
  });

  it("leaves a valid correlation matrix as it is, in one round", () => {
    // Given a valid matrix, the PSD projection and the unit-diagonal projection both return it
    const m = [
      [1, -0.4, 0.3],
      [-0.4, 1, 0.5],
      [0.3, 0.5, 1],
    ];
    const result = nearestCorrelationMatrix(m);
    expect(result.iterations).toBe(1);
    expect(result.changedBy).toBeLessThan(1e-12);
  });

  it("fixes a diagonal other than 1", () => {
    const result = nearestCorrelationMatrix([
      [2, 0.5],
      [0.5, 0.5],
    ]);
    expect(checkCorrelationMatrix(result.matrix)).toEqual({ ok: true });
  });

  it("reports when it ran out of iterations, still returning a valid matrix", () => {
    const result = nearestCorrelationMatrix(CONTRADICTORY, { maxIterations: 2, tolerance: 1e-14 });
    expect(result.iterations).toBe(2);
    expect(result.converged).toBe(false);
    expect(checkCorrelationMatrix(result.matrix)).toEqual({ ok: true });
  });

  it("refuses non-symmetric input and bad options", () => {
    expectModelError(
      () =>
        nearestCorrelationMatrix([
          [1, 0.5],
          [0.4, 1],
        ]),
      "correlationMatrix",
      "range"
    );
    expectModelError(
      () => nearestCorrelationMatrix([[1]], { maxIterations: 0 }),
      "maxIterations",
      "range"
    );
    expectModelError(
      () => nearestCorrelationMatrix([[1]], { maxIterations: 1.5 }),
      "maxIterations",
      "range"
    );
    expectModelError(() => nearestCorrelationMatrix([[1]], { tolerance: 0 }), "tolerance", "range");
  });
});

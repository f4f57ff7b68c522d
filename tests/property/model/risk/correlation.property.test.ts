/** Rank-correlation properties: Iman–Conover permutes and reaches its target; Spearman; Jacobi; Higham. */
import fc from "fast-check";
import { imanConover, spearman } from "../../../../src/model/risk/correlation";
import { symmetricEigen } from "../../../../src/model/risk/eigen";
import { checkCorrelationMatrix } from "../../../../src/model/risk/matrix";
import { nearestCorrelationMatrix } from "../../../../src/model/risk/nearest";
import { createRandom } from "../../../../src/model/risk/random";

/** The sampler's seeded generator (src/model/risk/random.ts) as a plain function. */
function seeded(seed: number): () => number {
  const random = createRandom(seed);
  return () => random.next();
}

function uniformColumns(k: number, n: number, seed: number): Float64Array[] {
  const next = seeded(seed);
  return Array.from({ length: k }, () => Float64Array.from({ length: n }, () => next()));
}

/** A random valid correlation matrix: B B^T for random B, rescaled to a unit diagonal. */
function randomCorrelation(k: number, seed: number): number[][] {
  const next = seeded(seed);
  const b = Array.from({ length: k }, () => Array.from({ length: k }, () => 2 * next() - 1));
  const g = b.map((ri) => b.map((rj) => ri.reduce((s, v, p) => s + v * rj[p], 0)));
  return g.map((row, i) => row.map((v, j) => (i === j ? 1 : v / Math.sqrt(g[i][i] * g[j][j]))));
}

const real = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true });
const seed = fc.integer({ min: 0, max: 0x7fffffff });

describe("imanConover properties", () => {
  it("any 2x2 target in [-0.9, 0.9] is reached to within 0.05 at n = 5,000", () => {
    fc.assert(
      fc.property(real(-0.9, 0.9), seed, (rho, s) => {
        const input = uniformColumns(2, 5_000, s);
        const output = imanConover(input, [
          [1, rho],
          [rho, 1],
        ]);
        expect(Math.abs(spearman(output[0], output[1]) - rho)).toBeLessThan(0.05);
      }),
      { numRuns: 40 }
    );
  });

  it("every output column is a permutation of its input column", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 10, max: 300 }),
        seed,
        (k, n, s) => {
          const input = uniformColumns(k, n, s).map((c) => c.map((v) => Math.round(v * 20)));
          const output = imanConover(input, randomCorrelation(k, s + 1));
          output.forEach((column, j) => {
            expect(Float64Array.from(column).sort()).toEqual(Float64Array.from(input[j]).sort());
          });
        }
      ),
      { numRuns: 100 }
    );
  });
});

describe("spearman properties", () => {
  it("is symmetric, in [-1, 1], and unchanged by increasing transforms of either input", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 200 }), seed, (n, s) => {
        const [x, y] = uniformColumns(2, n, s);
        const rho = spearman(x, y);
        expect(rho).toBeGreaterThanOrEqual(-1);
        expect(rho).toBeLessThanOrEqual(1);
        expect(spearman(y, x)).toBeCloseTo(rho, 12);
        expect(
          spearman(
            x.map((v) => Math.log(v + 1e-3)),
            y.map((v) => v * v * v)
          )
        ).toBeCloseTo(rho, 12);
        expect(
          spearman(
            x.map((v) => -v),
            y
          )
        ).toBeCloseTo(-rho, 12);
      }),
      { numRuns: 100 }
    );
  });
});

describe("matrix properties", () => {
  it("Jacobi: V is orthogonal and V diag(values) V^T rebuilds the matrix", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), seed, (k, s) => {
        const next = seeded(s);
        const a = new Float64Array(k * k);
        for (let i = 0; i < k; i++) {
          for (let j = 0; j <= i; j++) a[i * k + j] = a[j * k + i] = 4 * next() - 2;
        }
        const { values, vectors } = symmetricEigen(a, k);
        for (let i = 0; i < k; i++) {
          for (let j = 0; j < k; j++) {
            let rebuilt = 0;
            let gram = 0;
            for (let e = 0; e < k; e++) {
              rebuilt += vectors[i * k + e] * values[e] * vectors[j * k + e];
              gram += vectors[e * k + i] * vectors[e * k + j];
            }
            expect(Math.abs(rebuilt - a[i * k + j])).toBeLessThan(1e-12);
            expect(Math.abs(gram - (i === j ? 1 : 0))).toBeLessThan(1e-12);
          }
        }
      }),
      { numRuns: 100 }
    );
  });

  it("Higham: the nearest matrix is valid and no farther than the identity, and leaves a valid input in place", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), seed, (k, s) => {
        // Given a random symmetric 'pairwise guessed' matrix with unit diagonal and entries in [-1, 1]
        const next = seeded(s);
        const m = Array.from({ length: k }, () => new Array<number>(k).fill(1));
        for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) m[i][j] = m[j][i] = 2 * next() - 1;
        const result = nearestCorrelationMatrix(m);
        expect(checkCorrelationMatrix(result.matrix)).toEqual({ ok: true });
        // The identity is a correlation matrix, so the nearest one is at most ||m - I||_F away
        let toIdentity = 0;
        for (let i = 0; i < k; i++)
          for (let j = 0; j < k; j++) if (i !== j) toIdentity += m[i][j] ** 2;
        expect(result.changedBy).toBeLessThanOrEqual(Math.sqrt(toIdentity) + 1e-9);
        // An input that was already valid is (almost) not moved
        if (checkCorrelationMatrix(m).ok) expect(result.changedBy).toBeLessThan(1e-8);
      }),
      { numRuns: 100 }
    );
  });
});

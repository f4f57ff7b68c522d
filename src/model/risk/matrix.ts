/**
 * Correlation matrices: the validity check the sampler relies on, and the Cholesky factor it uses.
 * Matrices arrive as row arrays (what a workbook range or a library document gives); inside, factors
 * are row-major Float64Arrays so the hot loops of Iman–Conover index without allocating.
 */
import { ModelInputError } from "../finance/errors";

/** A square matrix as rows, e.g. [[1, 0.7], [0.7, 1]]. */
export type SquareMatrix = readonly (readonly number[])[];

export type MatrixCheck = { ok: true } | { ok: false; reason: string };

/** Largest number of correlated inputs: Jacobi and Cholesky are O(k^3); 200 keeps a check under a second. */
export const MAX_CORRELATION_DIMENSION = 200;
/** |m[i][j] - m[j][i]| allowed: values typed or pasted twice agree to far better than this, or were meant to differ. */
export const SYMMETRY_TOLERANCE = 1e-12;
/** |m[i][i] - 1| allowed: a unit diagonal computed in floating point (e.g. after rescaling) is within a few ulps. */
export const DIAGONAL_TOLERANCE = 1e-12;
/**
 * A matrix counts as positive semi-definite when its smallest eigenvalue is >= -PSD_TOLERANCE, tested by a
 * Cholesky factorization of m + PSD_TOLERANCE x I (which succeeds exactly when lambda_min(m) > -tolerance, up to
 * rounding). Singular matrices such as [[1, 1], [1, 1]] or the output of nearestCorrelationMatrix pass.
 */
export const PSD_TOLERANCE = 1e-9;

const FIELD = "correlationMatrix";

/** Shape and entry checks shared by the validity check and the nearest-matrix search. */
export function checkSquareFinite(m: SquareMatrix): MatrixCheck {
  if (!Array.isArray(m) || m.length === 0)
    return { ok: false, reason: "must have at least one row" };
  const k = m.length;
  if (k > MAX_CORRELATION_DIMENSION) {
    return { ok: false, reason: `must have at most ${MAX_CORRELATION_DIMENSION} rows (got ${k})` };
  }
  for (let i = 0; i < k; i++) {
    const row = m[i];
    if (!Array.isArray(row) || row.length !== k) {
      return {
        ok: false,
        reason: `must be square: row ${i + 1} has ${Array.isArray(row) ? row.length : 0} entries, expected ${k}`,
      };
    }
    for (let j = 0; j < k; j++) {
      const v = row[j];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        return { ok: false, reason: `entry (${i + 1}, ${j + 1}) must be a finite number` };
      }
    }
  }
  return { ok: true };
}

/** Symmetry to SYMMETRY_TOLERANCE; assumes checkSquareFinite passed. */
export function checkSymmetric(m: SquareMatrix): MatrixCheck {
  const k = m.length;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      if (Math.abs(m[i][j] - m[j][i]) > SYMMETRY_TOLERANCE) {
        return {
          ok: false,
          reason: `must be symmetric: entry (${i + 1}, ${j + 1}) is ${m[i][j]} but (${j + 1}, ${i + 1}) is ${m[j][i]}`,
        };
      }
    }
  }
  return { ok: true };
}

/** Row-major copy of a k x k matrix. */
export function toFlat(m: SquareMatrix): Float64Array {
  const k = m.length;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i * k + j] = m[i][j];
  return out;
}

/** Rows of a row-major k x k matrix. */
export function fromFlat(a: Float64Array, k: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < k; i++) rows.push(Array.from(a.subarray(i * k, (i + 1) * k)));
  return rows;
}

type Factor = { ok: true; lower: Float64Array } | { ok: false; pivot: number; value: number };

/**
 * Cholesky–Banachiewicz of (a + shift x I), a row-major and symmetric (only its lower triangle is read).
 * Stops at the first pivot <= 0 and says which, so the caller can name it.
 */
export function factorLower(a: Float64Array, k: number, shift: number): Factor {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * k + j] + (i === j ? shift : 0);
      for (let p = 0; p < j; p++) sum -= l[i * k + p] * l[j * k + p];
      if (i === j) {
        // Not `sum <= 0` alone: NaN (from an overflow) must also stop here.
        if (!(sum > 0)) return { ok: false, pivot: i, value: sum };
        l[i * k + i] = Math.sqrt(sum);
      } else {
        l[i * k + j] = sum / l[j * k + j];
      }
    }
  }
  return { ok: true, lower: l };
}

/**
 * Whether `m` is a correlation matrix: square, 1..200 rows, finite, symmetric to 1e-12, unit diagonal to 1e-12,
 * entries in [-1, 1], and positive semi-definite to PSD_TOLERANCE. The reason names the first rule broken.
 */
export function checkCorrelationMatrix(m: SquareMatrix): MatrixCheck {
  const shape = checkSquareFinite(m);
  if (!shape.ok) return shape;
  const symmetric = checkSymmetric(m);
  if (!symmetric.ok) return symmetric;
  const k = m.length;
  for (let i = 0; i < k; i++) {
    if (Math.abs(m[i][i] - 1) > DIAGONAL_TOLERANCE) {
      return {
        ok: false,
        reason: `must have 1 on the diagonal: entry (${i + 1}, ${i + 1}) is ${m[i][i]}`,
      };
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (m[i][j] < -1 || m[i][j] > 1) {
        return {
          ok: false,
          reason: `entries must be between -1 and 1: entry (${i + 1}, ${j + 1}) is ${m[i][j]}`,
        };
      }
    }
  }
  const factor = factorLower(toFlat(m), k, PSD_TOLERANCE);
  if (!factor.ok) {
    return {
      ok: false,
      reason:
        `must be positive semi-definite (the correlations contradict each other): ` +
        `Cholesky pivot ${factor.pivot + 1} is ${factor.value.toPrecision(6)}; ` +
        `use nearestCorrelationMatrix for the closest valid matrix`,
    };
  }
  return { ok: true };
}

/**
 * The lower-triangular L with L x L^T = m, for a symmetric positive-definite m (no tolerance: a singular
 * matrix has no such L with a positive diagonal). Throws ModelInputError naming the first non-positive pivot.
 */
export function choleskyLower(m: SquareMatrix): number[][] {
  const shape = checkSquareFinite(m);
  if (!shape.ok) throw new ModelInputError(FIELD, shape.reason, "range");
  const symmetric = checkSymmetric(m);
  if (!symmetric.ok) throw new ModelInputError(FIELD, symmetric.reason, "range");
  const k = m.length;
  const factor = factorLower(toFlat(m), k, 0);
  if (!factor.ok) {
    throw new ModelInputError(
      FIELD,
      `is not positive definite: Cholesky pivot ${factor.pivot + 1} is ${factor.value.toPrecision(6)} (must be > 0)`,
      "range"
    );
  }
  return fromFlat(factor.lower, k);
}

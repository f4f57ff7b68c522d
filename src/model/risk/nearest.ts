/**
 * The nearest correlation matrix (Frobenius norm) to a symmetric matrix, by Higham's alternating projections
 * with Dykstra's correction (N. J. Higham, "Computing the nearest correlation matrix — a problem from finance",
 * IMA J. Numer. Anal. 22 (2002) 329–343, Algorithm 3.3 with W = I). Analysts type correlations pairwise, and
 * pairwise guesses are often jointly impossible; this gives the closest possible set and says how far it moved
 * them, so the caller can warn rather than silently sample something else.
 */
import { ModelInputError } from "../finance/errors";
import { requireAbove, requireAtLeast } from "../finance/validate";
import { clipEigenvalues, symmetricEigen } from "./eigen";
import { checkSquareFinite, checkSymmetric, fromFlat, SquareMatrix, toFlat } from "./matrix";

export interface NearestCorrelationOptions {
  /** Projection rounds before giving up (each is one k x k eigen-decomposition). Default 1000. */
  readonly maxIterations?: number;
  /** Stop when successive iterates and the two projections agree to this relative Frobenius norm. Default 1e-10. */
  readonly tolerance?: number;
}

export interface NearestCorrelation {
  /** A valid correlation matrix: symmetric, unit diagonal, entries in [-1, 1], eigenvalues >= 0. */
  readonly matrix: number[][];
  /** Projection rounds used. */
  readonly iterations: number;
  /** Whether the tolerance was met within maxIterations (the matrix is valid either way). */
  readonly converged: boolean;
  /** Frobenius norm of (matrix - input): 0 when the input was already a correlation matrix. */
  readonly changedBy: number;
}

export const NEAREST_DEFAULT_MAX_ITERATIONS = 1000;
export const NEAREST_DEFAULT_TOLERANCE = 1e-10;

const FIELD = "correlationMatrix";

function frobeniusDistance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
  return Math.sqrt(sum);
}

function frobeniusNorm(a: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * a[i];
  return Math.sqrt(sum);
}

/**
 * The last iterate has a unit diagonal but may keep eigenvalues a rounding-sized amount below zero. Clipping
 * them and rescaling by D^-1/2 Z D^-1/2 (a congruence, so still PSD) gives a matrix the validity check accepts,
 * moving it by about the convergence tolerance.
 */
function polish(y: Float64Array, k: number): Float64Array {
  const z = clipEigenvalues(symmetricEigen(y, k), k, 0);
  const d = new Float64Array(k);
  for (let i = 0; i < k; i++) d[i] = Math.sqrt(z[i * k + i]);
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i === j) out[i * k + j] = 1;
      // A zero diagonal after clipping means that variable is uncorrelated with everything: leave 0.
      else if (d[i] > 0 && d[j] > 0)
        out[i * k + j] = Math.min(1, Math.max(-1, z[i * k + j] / (d[i] * d[j])));
    }
  }
  return out;
}

/** Higham (2002) with Dykstra's correction; see the module comment. */
export function nearestCorrelationMatrix(
  m: SquareMatrix,
  options: NearestCorrelationOptions = {}
): NearestCorrelation {
  const shape = checkSquareFinite(m);
  if (!shape.ok) throw new ModelInputError(FIELD, shape.reason, "range");
  const symmetric = checkSymmetric(m);
  if (!symmetric.ok) throw new ModelInputError(FIELD, symmetric.reason, "range");
  const maxIterations = options.maxIterations ?? NEAREST_DEFAULT_MAX_ITERATIONS;
  const tolerance = options.tolerance ?? NEAREST_DEFAULT_TOLERANCE;
  requireAtLeast(maxIterations, 1, "maxIterations");
  if (Math.floor(maxIterations) !== maxIterations) {
    throw new ModelInputError(
      "maxIterations",
      `must be a whole number (got ${maxIterations})`,
      "range"
    );
  }
  requireAbove(tolerance, 0, "tolerance");

  const k = m.length;
  const a = toFlat(m);
  let y: Float64Array = Float64Array.from(a);
  let xPrevious: Float64Array = Float64Array.from(a);
  // Dykstra's correction: the part of the last PSD step that the unit-diagonal step undid.
  const correction = new Float64Array(k * k);
  const r = new Float64Array(k * k);
  let iterations = 0;
  let converged = false;

  while (iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < k * k; i++) r[i] = y[i] - correction[i];
    const x = clipEigenvalues(symmetricEigen(r, k), k, 0);
    for (let i = 0; i < k * k; i++) correction[i] = x[i] - r[i];
    const next = Float64Array.from(x);
    for (let i = 0; i < k; i++) next[i * k + i] = 1;

    const scale = Math.max(frobeniusNorm(next), Number.MIN_VALUE);
    const change = Math.max(
      frobeniusDistance(x, xPrevious) / Math.max(frobeniusNorm(x), Number.MIN_VALUE),
      frobeniusDistance(next, y) / scale,
      frobeniusDistance(next, x) / scale
    );
    y = next;
    xPrevious = x;
    if (change <= tolerance) {
      converged = true;
      break;
    }
  }

  const result = polish(y, k);
  return {
    matrix: fromFlat(result, k),
    iterations,
    converged,
    changedBy: frobeniusDistance(result, a),
  };
}

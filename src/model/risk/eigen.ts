/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method. Chosen over QR-based methods
 * because it is short, needs no tridiagonalisation, and is accurate to working precision for the small
 * (k <= 200) correlation matrices of a risk model; the cost is O(k^3) per sweep, a handful of sweeps.
 */

export interface SymmetricEigen {
  /** Eigenvalues, in the order of the columns of `vectors` (not sorted). */
  readonly values: Float64Array;
  /** Row-major k x k; column j is the unit eigenvector of values[j]. */
  readonly vectors: Float64Array;
}

/** Sweeps after which Jacobi gives up; it converges quadratically, in well under 20 sweeps in practice. */
const MAX_SWEEPS = 100;
/** Converged when the off-diagonal Frobenius norm is below this fraction of the whole norm. */
const RELATIVE_OFF_DIAGONAL = 1e-14;

/** Decomposes the symmetric row-major k x k matrix `a` (not modified) as V diag(values) V^T. */
export function symmetricEigen(a: Float64Array, k: number): SymmetricEigen {
  const m = Float64Array.from(a);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;

  let total = 0;
  for (let i = 0; i < k * k; i++) total += m[i] * m[i];
  const threshold = RELATIVE_OFF_DIAGONAL * RELATIVE_OFF_DIAGONAL * total;

  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++)
      for (let q = p + 1; q < k; q++) off += 2 * m[p * k + q] * m[p * k + q];
    if (off <= threshold) break;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = m[p * k + q];
        if (apq === 0) continue;
        // The rotation angle phi that zeroes (p, q): cot(2 phi) = (a_qq - a_pp) / (2 a_pq); take the smaller
        // root t = tan(phi) for stability (|phi| <= pi/4).
        const theta = (m[q * k + q] - m[p * k + p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // m <- J^T m J with J the identity except J_pp = J_qq = c, J_pq = s, J_qp = -s.
        for (let r = 0; r < k; r++) {
          const mrp = m[r * k + p];
          const mrq = m[r * k + q];
          m[r * k + p] = c * mrp - s * mrq;
          m[r * k + q] = s * mrp + c * mrq;
        }
        for (let r = 0; r < k; r++) {
          const mpr = m[p * k + r];
          const mqr = m[q * k + r];
          m[p * k + r] = c * mpr - s * mqr;
          m[q * k + r] = s * mpr + c * mqr;
        }
        // Exactly zero by construction; writing it stops rounding from feeding the next sweep.
        m[p * k + q] = 0;
        m[q * k + p] = 0;
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p];
          const vrq = v[r * k + q];
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i++) values[i] = m[i * k + i];
  return { values, vectors: v };
}

/** V diag(max(values, floor)) V^T: the nearest (Frobenius) symmetric matrix with eigenvalues >= floor. */
export function clipEigenvalues(eigen: SymmetricEigen, k: number, floor: number): Float64Array {
  const { values, vectors } = eigen;
  const out = new Float64Array(k * k);
  for (let e = 0; e < k; e++) {
    const lambda = Math.max(values[e], floor);
    if (lambda === 0) continue;
    for (let i = 0; i < k; i++) {
      const vi = vectors[i * k + e] * lambda;
      if (vi === 0) continue;
      for (let j = 0; j < k; j++) out[i * k + j] += vi * vectors[j * k + e];
    }
  }
  // Symmetrise exactly: the two triangles are summed in different orders.
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const mean = 0.5 * (out[i * k + j] + out[j * k + i]);
      out[i * k + j] = mean;
      out[j * k + i] = mean;
    }
  }
  return out;
}

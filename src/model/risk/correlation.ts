/**
 * Rank correlation of sampled inputs. Monte Carlo inputs are sampled independently (one column per input);
 * Iman–Conover then reorders each column, never changing its values, so the columns' rank correlations
 * approach a target matrix. Rank (Spearman) rather than Pearson correlation because the inputs are skewed
 * and bounded (triangular, PERT, lognormal): ranks are unchanged by any monotone transform of a marginal.
 */
import { ModelInputError } from "../finance/errors";
import {
  checkCorrelationMatrix,
  factorLower,
  MAX_CORRELATION_DIMENSION,
  PSD_TOLERANCE,
  SquareMatrix,
  toFlat,
} from "./matrix";
import { vanDerWaerdenScores } from "./scores";

/** Indices 0..n-1 in ascending order of `values`; ties keep index order, so the result is deterministic. */
function ascendingOrder(values: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b] || a - b);
  return order;
}

function requireFiniteValues(values: ArrayLike<number>, field: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new ModelInputError(
        field,
        `value ${i + 1} must be a finite number (got ${v})`,
        "range"
      );
    }
  }
}

/** Ranks 1..n; tied values share the mean of the ranks they span (so ranks always sum to n (n + 1) / 2). */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = ascendingOrder(values);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    // Positions start..end-1 (0-based) are ranks start+1..end; their mean is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let p = start; p < end; p++) ranks[order[p]] = rank;
    start = end;
  }
  return ranks;
}

/** Pearson correlation of two equal-length arrays; NaN when either is constant (callers decide). */
function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman's rank correlation: the Pearson correlation of the average ranks (the textbook
 * 1 - 6 sum d^2 / (n (n^2 - 1)) is exact only without ties). Throws when fewer than 2 pairs, the lengths
 * differ, a value is not finite, or either input is constant (its rank correlation is undefined).
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) {
    throw new ModelInputError(
      "y",
      `must have as many values as x (${x.length}, got ${y.length})`,
      "range"
    );
  }
  if (x.length < 2)
    throw new ModelInputError("x", `needs at least 2 values (got ${x.length})`, "range");
  requireFiniteValues(x, "x");
  requireFiniteValues(y, "y");
  const rho = pearson(averageRanks(x), averageRanks(y));
  if (!Number.isFinite(rho)) {
    throw new ModelInputError("x", "and y must each have at least two different values", "range");
  }
  // Rounding can leave |rho| a few ulps above 1 for perfectly (anti-)monotone pairs.
  return Math.min(1, Math.max(-1, rho));
}

/** Pearson correlation matrix of the k columns of the row-major n x k matrix s. */
function columnCorrelation(s: Float64Array, n: number, k: number): Float64Array {
  const centred = new Float64Array(n * k);
  for (let j = 0; j < k; j++) {
    let mean = 0;
    for (let r = 0; r < n; r++) mean += s[r * k + j];
    mean /= n;
    for (let r = 0; r < n; r++) centred[r * k + j] = s[r * k + j] - mean;
  }
  const cov = new Float64Array(k * k);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < k; i++) {
      const ci = centred[r * k + i];
      for (let j = 0; j <= i; j++) cov[i * k + j] += ci * centred[r * k + j];
    }
  }
  const e = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      const v = i === j ? 1 : cov[i * k + j] / Math.sqrt(cov[i * k + i] * cov[j * k + j]);
      e[i * k + j] = v;
      e[j * k + i] = v;
    }
  }
  return e;
}

/**
 * M = L_E^-T L_C^T (k x k, row-major), by back substitution of L_E^T M = L_C^T column by column.
 * S M then has column covariance L_C L_E^-1 E L_E^-T L_C^T = L_C L_C^T = target (with E = L_E L_E^T).
 */
function mixingMatrix(lE: Float64Array, lC: Float64Array, k: number): Float64Array {
  const m = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    for (let i = k - 1; i >= 0; i--) {
      // Right-hand side (L_C^T)[i][c] = L_C[c][i]; (L_E^T)[i][j] = L_E[j][i].
      let sum = lC[c * k + i];
      for (let j = i + 1; j < k; j++) sum -= lE[j * k + i] * m[j * k + c];
      m[i * k + c] = sum / lE[i * k + i];
    }
  }
  return m;
}

/**
 * Iman & Conover (1982): reorders each column of `samples` (one column per input, all of length n) so the
 * columns' rank correlations approximate `target`. Each output column is a permutation of its input column:
 * the marginals are exactly preserved. Steps:
 *   1. scores a_i = Phi^-1(i / (n + 1)), i = 1..n (van der Waerden);
 *   2. S (n x k): column j holds the scores in the rank order of input column j. The independent sampler
 *      already ordered each column at random, so this is the method's random permutation of the scores,
 *      taken from the samples: the result depends on nothing else and is reproducible from their seed;
 *   3. E = the Pearson correlation of S's columns, E = L_E L_E^T and target = L_C L_C^T (lower Cholesky);
 *   4. T = S L_E^-T L_C^T, whose columns have correlation exactly `target` (the sample correlation E is
 *      cancelled, not just its expectation I);
 *   5. output column j = input column j sorted ascending, placed in the rank order of T[:, j].
 * Input 1 keeps its order (M's first column is a multiple of e_1). Throws ModelInputError when the target is not
 * a correlation matrix (with checkCorrelationMatrix's reason: pass nearestCorrelationMatrix(...).matrix
 * instead), does not match the number of columns, or the columns are too short or not finite.
 */
export function imanConover(
  samples: readonly Float64Array[],
  target: SquareMatrix
): Float64Array[] {
  if (!Array.isArray(samples) || samples.length === 0) {
    throw new ModelInputError("samples", "must have at least one column", "range");
  }
  const k = samples.length;
  if (k > MAX_CORRELATION_DIMENSION) {
    throw new ModelInputError(
      "samples",
      `must have at most ${MAX_CORRELATION_DIMENSION} columns (got ${k})`,
      "range"
    );
  }
  const n = samples[0].length;
  samples.forEach((column, j) => {
    if (column.length !== n) {
      throw new ModelInputError(
        "samples",
        `column ${j + 1} has ${column.length} values, column 1 has ${n}`,
        "range"
      );
    }
    requireFiniteValues(column, `samples column ${j + 1}`);
  });
  const check = checkCorrelationMatrix(target);
  if (!check.ok) throw new ModelInputError("correlationMatrix", check.reason, "range");
  if (target.length !== k) {
    throw new ModelInputError(
      "correlationMatrix",
      `must have ${k} rows, one per input (got ${target.length})`,
      "range"
    );
  }
  if (k === 1) return [Float64Array.from(samples[0])];
  // With n <= k the score columns are linearly dependent and E has no Cholesky factor.
  if (n <= k) {
    throw new ModelInputError(
      "samples",
      `needs more values per column than columns (${n} values, ${k} columns)`,
      "range"
    );
  }

  const scores = vanDerWaerdenScores(n);
  const s = new Float64Array(n * k);
  for (let j = 0; j < k; j++) {
    const order = ascendingOrder(samples[j]);
    for (let r = 0; r < n; r++) s[order[r] * k + j] = scores[r];
  }

  const factorE = factorLower(columnCorrelation(s, n, k), k, 0);
  if (!factorE.ok) {
    throw new ModelInputError(
      "samples",
      `columns' ranks are linearly dependent (score correlation pivot ${factorE.pivot + 1} is not positive): sample the inputs independently`,
      "range"
    );
  }
  // The target passed the PSD check, so the same small shift that check uses factors it even when singular
  // (e.g. two inputs correlated 1), at a cost of ~1e-9 in the correlations.
  const factorC = factorLower(toFlat(target), k, PSD_TOLERANCE);
  if (!factorC.ok)
    throw new ModelInputError("correlationMatrix", "must be positive semi-definite", "range");
  const m = mixingMatrix(factorE.lower, factorC.lower, k);

  const out: Float64Array[] = [];
  const t = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    // M is upper triangular (a product of two upper triangular factors): only rows i <= j contribute.
    for (let r = 0; r < n; r++) {
      let sum = 0;
      for (let i = 0; i <= j; i++) sum += s[r * k + i] * m[i * k + j];
      t[r] = sum;
    }
    const sorted = Float64Array.from(samples[j]).sort();
    const order = ascendingOrder(t);
    const column = new Float64Array(n);
    for (let r = 0; r < n; r++) column[order[r]] = sorted[r];
    out.push(column);
  }
  return out;
}

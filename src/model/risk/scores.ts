/**
 * Van der Waerden scores, Phi^-1(i / (n + 1)), the normal scores Iman–Conover rearranges. They need a standard
 * normal quantile; this private one is named so it cannot be confused with the sampler's (distributions.ts).
 * Acklam's rational approximation (relative error < 1.15e-9) followed by one Halley step on an accurate Phi
 * brings it to within 1e-14 of reference values (scipy) for 1e-12 <= p <= 1 - 1e-12.
 */
import { ModelInputError } from "../finance/errors";

// P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function" (2003).
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
/** Below this p Acklam switches from the central to the tail approximation. */
const P_LOW = 0.02425;

/** ln(sqrt(2 pi)). */
const LN_SQRT_2PI = 0.9189385332046727;
/** Below -3 the Taylor series loses relative accuracy to cancellation; the continued fraction takes over. */
const TAIL_START = -3;
/** Terms of Laplace's continued fraction: at x = -2.5 already, 200 terms agree with 2,000 to the last bit. */
const CONTINUED_FRACTION_TERMS = 200;

/** Acklam's approximation for 0 < p <= 0.5 (the lower half; the upper half is mirrored by the caller). */
function acklamLower(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/**
 * Phi(x) for x <= 0, accurate relative to Phi(x) itself (what the Halley step needs in the tail).
 * Centre: Marsaglia (2004), Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3 5) + ...), all terms of one sign.
 * Tail: Phi(x) = phi(x) / (|x| + 1/(|x| + 2/(|x| + 3/(|x| + ...)))), evaluated from the bottom up.
 */
function normalCdfLower(x: number): number {
  if (x >= TAIL_START) {
    const q = x * x;
    let sum = x;
    let term = x;
    for (let i = 3; ; i += 2) {
      term *= q / i;
      const next = sum + term;
      if (next === sum) break;
      sum = next;
    }
    return 0.5 + sum * Math.exp(-0.5 * q - LN_SQRT_2PI);
  }
  const z = -x;
  let t = z;
  for (let k = CONTINUED_FRACTION_TERMS; k >= 1; k--) t = z + k / t;
  return Math.exp(-0.5 * z * z - LN_SQRT_2PI) / t;
}

/**
 * The standard normal quantile Phi^-1(p) for 0 < p < 1, for the scores only. Upper half by symmetry
 * (Phi^-1(p) = -Phi^-1(1 - p); 1 - p is exact there), so scores come out exactly antisymmetric.
 */
export function normalQuantileForScores(p: number): number {
  if (!(p > 0 && p < 1))
    throw new ModelInputError("p", `must be between 0 and 1, exclusive (got ${p})`, "range");
  if (p > 0.5) return -normalQuantileForScores(1 - p);
  const x = acklamLower(p);
  // Halley's step on f(x) = Phi(x) - p: u = f / phi(x); x <- x - u / (1 + x u / 2).
  const e = normalCdfLower(x) - p;
  const u = e * Math.exp(0.5 * x * x + LN_SQRT_2PI);
  return x - u / (1 + 0.5 * x * u);
}

/** The n van der Waerden scores Phi^-1(i / (n + 1)), i = 1..n, ascending; score[i] = -score[n - 1 - i] exactly. */
export function vanDerWaerdenScores(n: number): Float64Array {
  const scores = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    const s = normalQuantileForScores((i + 1) / (n + 1));
    scores[i] = s;
    scores[n - 1 - i] = -s;
  }
  // For odd n the middle score is Phi^-1(1/2) = 0; the loop wrote +-0 there.
  if (n % 2 === 1) scores[(n - 1) / 2] = 0;
  return scores;
}

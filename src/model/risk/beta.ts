/**
 * The Beta distribution's CDF (the regularized incomplete beta I_x(a, b)) and its inverse, for PERT. Only what
 * the quantile needs: shapes a, b >= 1 (PERT's are 1 + lambda x share), so the density is bounded and the
 * continued fraction converges fast. Unvalidated: distributions.ts checks its inputs before calling.
 */

// Lanczos' approximation with g = 7 and 9 terms (Paul Godfrey's coefficients, as in Wikipedia's Lanczos article):
// relative error about 1e-15 for x >= 0.5, which the shapes here always are.
const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
];
const HALF_LN_2PI = 0.9189385332046728; // ln(sqrt(2 pi))

/** ln Gamma(x) for x >= 0.5. */
export function lnGamma(x: number): number {
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LN_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

const TINY = 1e-300; // keeps Lentz's denominators away from 0
const CF_EPSILON = 1e-16;
const CF_MAX_TERMS = 10000;

/**
 * The continued fraction for I_x(a, b) (Abramowitz & Stegun 26.5.8), evaluated by the modified Lentz method
 * (Lentz 1976; Thompson and Barnett 1986) as in Numerical Recipes' betacf. It converges quickly for
 * x < (a + 1) / (a + b + 2), in O(sqrt(max(a, b))) terms; the caller uses the symmetry otherwise.
 */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= CF_MAX_TERMS; m++) {
    const m2 = 2 * m;
    // Even step: d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m)).
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step: d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CF_EPSILON) break;
  }
  return h;
}

/**
 * I_x(a, b), the Beta(a, b) CDF at x in [0, 1]; `lnB` = lnBeta(a, b), passed in so a search that evaluates
 * many x for one shape computes it once.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, lnB: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  // x^a (1 - x)^b / B(a, b), the front factor of the continued fraction.
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnB);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  // I_x(a, b) = 1 - I_{1-x}(b, a): the fraction converges fast on this side.
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Absolute accuracy of the inverse on the unit interval (what callers may rely on). */
export const BETA_QUANTILE_TOLERANCE = 1e-12;
/** The search stops on a step this small: Newton's last step then leaves an error far below the tolerance. */
const STOP_STEP = 1e-14;
const MAX_SEARCH_STEPS = 200;

/**
 * The x in [0, 1] with I_x(a, b) = p (a, b >= 1, p in [0, 1]), accurate to BETA_QUANTILE_TOLERANCE.
 * Above the median p the complement is solved instead, x = 1 - Q_{b,a}(1 - p): 1 - p is exact there, and the
 * upper tail's CDF, computed as 1 - (small), would carry an absolute error of 1e-16 that the tiny density there
 * turns into an error of 1e-10 in x.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return p > 0.5 ? 1 - lowerBetaQuantile(1 - p, b, a) : lowerBetaQuantile(p, a, b);
}

/**
 * Newton's method on the CDF (its derivative is the density x^(a-1) (1-x)^(b-1) / B(a, b)) inside a bracket
 * [lo, hi] that every evaluation narrows; a step that leaves the bracket, or a zero density, falls back to
 * bisection, so the search always converges.
 */
function lowerBetaQuantile(p: number, a: number, b: number): number {
  const lnB = lnBeta(a, b);
  let lo = 0;
  let hi = 1;
  let x = a / (a + b); // the mean: a start inside the bulk of the distribution
  for (let step = 0; step < MAX_SEARCH_STEPS; step++) {
    const f = regularizedIncompleteBeta(x, a, b, lnB) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
    let next = x - f / density;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) < STOP_STEP || hi - lo < STOP_STEP) return next;
    x = next;
  }
  return x;
}

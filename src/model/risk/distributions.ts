/**
 * Quantile functions (inverse CDFs) of the input distributions of the risk engine. Monte Carlo draws are
 * made by sending a uniform p (from the generator, or a Latin hypercube stratum) through a quantile, so one
 * uniform gives one draw and stratification carries over to every distribution.
 *
 * Ranges follow the library's low / typical / high: low <= mode <= high. A degenerate range (low = high)
 * returns its value for every p. Bounded distributions give low at p = 0 and high at p = 1.
 */
import { ModelInputError } from "../finance/errors";
import {
  finiteResult,
  requireAbove,
  requireBetween,
  requireFinite,
  requireNonNegative,
} from "../finance/validate";
import { betaQuantile } from "./beta";
import { normalQuantileCore } from "./normal";

/** PERT's default weight of the mode (the classic PERT: mean = (a + 4m + b) / 6). */
export const PERT_LAMBDA_DEFAULT = 4;
/**
 * The largest PERT weight accepted: beyond it the distribution is all but a point at the mode, and the
 * continued fraction's cost grows with the shapes (about sqrt(lambda) terms).
 */
export const PERT_LAMBDA_MAX = 1000;

function requireRange(low: number, mode: number, high: number): void {
  requireFinite(low, "low");
  requireFinite(mode, "mode");
  requireFinite(high, "high");
  if (!(low <= mode && mode <= high)) {
    throw new ModelInputError(
      "mode",
      `must satisfy low <= mode <= high (got ${low}, ${mode}, ${high})`,
      "range"
    );
  }
  finiteResult(high - low, "high - low");
}

function requireProbability(p: number): void {
  requireBetween(p, 0, 1, "p");
}

/**
 * Triangular(low, mode, high): with F_c = (m - a) / (b - a) the CDF at the mode,
 * Q(p) = a + sqrt(p (b - a)(m - a)) for p < F_c, and b - sqrt((1 - p)(b - a)(b - m)) otherwise.
 */
export function triangularQuantile(p: number, low: number, mode: number, high: number): number {
  requireProbability(p);
  requireRange(low, mode, high);
  if (low === high) return low;
  const width = high - low;
  // Each side is clamped at the mode, so the two branches meet in order even where rounding blurs them
  // (the right branch's high - sqrt(..) keeps only high's absolute precision); the roots are taken apart so
  // the product of three small numbers cannot underflow.
  if (p * width < mode - low) {
    return Math.min(mode, low + Math.sqrt(p * width) * Math.sqrt(mode - low));
  }
  return Math.max(mode, high - Math.sqrt((1 - p) * width) * Math.sqrt(high - mode));
}

/** The Beta shapes of PERT(low, mode, high, lambda): alpha = 1 + lambda (m - a) / (b - a), beta likewise. */
function pertShapes(low: number, mode: number, high: number, lambda: number): [number, number] {
  const width = high - low;
  return [1 + (lambda * (mode - low)) / width, 1 + (lambda * (high - mode)) / width];
}

function requireLambda(lambda: number): void {
  requireBetween(lambda, 0, PERT_LAMBDA_MAX, "lambda");
}

/**
 * PERT(low, mode, high, lambda): low + (high - low) x the Beta(alpha, beta) quantile, alpha = 1 + lambda (m - a)
 * / (b - a), beta = 1 + lambda (b - m) / (b - a). The Beta inverse is accurate to 1e-12 on the unit interval,
 * so to 1e-12 x (high - low) here. lambda = 0 is the uniform distribution.
 */
export function pertQuantile(
  p: number,
  low: number,
  mode: number,
  high: number,
  lambda: number = PERT_LAMBDA_DEFAULT
): number {
  requireProbability(p);
  requireRange(low, mode, high);
  requireLambda(lambda);
  if (low === high) return low;
  const [alpha, beta] = pertShapes(low, mode, high, lambda);
  const x = betaQuantile(p, alpha, beta);
  return Math.min(high, Math.max(low, low + (high - low) * x));
}

/** The mean of PERT(a, m, b, lambda): (a + lambda m + b) / (lambda + 2) (= alpha / (alpha + beta) scaled). */
export function pertMean(
  low: number,
  mode: number,
  high: number,
  lambda: number = PERT_LAMBDA_DEFAULT
): number {
  requireRange(low, mode, high);
  requireLambda(lambda);
  return finiteResult((low + lambda * mode + high) / (lambda + 2), "pertMean");
}

/**
 * Lognormal(mu, sigma), the distribution of exp(N(mu, sigma^2)): Q(p) = exp(mu + sigma Phi^-1(p)), with
 * Phi^-1 by AS241 (normal.ts). p in [0, 1): Q(0) = 0 and Q(1) would be infinite. sigma = 0 gives exp(mu) for
 * every p.
 */
export function lognormalQuantile(p: number, mu: number, sigma: number): number {
  requireFinite(p, "p");
  if (!(p >= 0 && p < 1)) {
    throw new ModelInputError(
      "p",
      `must be >= 0 and < 1 (the lognormal has no upper bound; got ${p})`,
      "range"
    );
  }
  requireFinite(mu, "mu");
  requireNonNegative(sigma, "sigma");
  if (sigma === 0) return finiteResult(Math.exp(mu), "lognormalQuantile");
  if (p === 0) return 0;
  return finiteResult(Math.exp(mu + sigma * normalQuantileCore(p)), "lognormalQuantile");
}

/** Parameters of a lognormal distribution. */
export interface LognormalParameters {
  mu: number;
  sigma: number;
}

/**
 * The lognormal with median `typical` and `high` at quantile `highPercentile`, for right-skewed quantities
 * (schedules, delays) that the library gives as typical and high: mu = ln(typical),
 * sigma = ln(high / typical) / Phi^-1(highPercentile). highPercentile in (0.5, 1), so high above the median
 * means sigma > 0; high = typical gives sigma = 0 (no spread).
 */
export function lognormalFromTypicalAndHigh(
  typical: number,
  high: number,
  highPercentile = 0.95
): LognormalParameters {
  requireAbove(typical, 0, "typical");
  requireFinite(high, "high");
  if (high < typical) {
    throw new ModelInputError("high", `must be >= typical (got ${high} < ${typical})`, "range");
  }
  requireFinite(highPercentile, "highPercentile");
  if (!(highPercentile > 0.5 && highPercentile < 1)) {
    throw new ModelInputError(
      "highPercentile",
      `must be > 0.5 and < 1 (got ${highPercentile})`,
      "range"
    );
  }
  const mu = Math.log(typical);
  const sigma = finiteResult(
    Math.log(high / typical) / normalQuantileCore(highPercentile),
    "sigma"
  );
  return { mu, sigma };
}

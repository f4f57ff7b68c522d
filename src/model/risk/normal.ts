/**
 * The standard normal quantile Phi^-1(p), for the lognormal distribution. Method: Wichura's Algorithm AS241
 * (PPND16), M. J. Wichura, "The percentage points of the normal distribution", Applied Statistics 37(3),
 * 477-484, 1988: rational approximations of degree 7/7 on three ranges of p, relative error about 1e-16
 * (the paper's bound), with no iteration. The coefficients are the paper's, as transcribed in CPython's
 * statistics.NormalDist.inv_cdf (Lib/statistics.py), highest degree first for Horner's rule, each written as
 * the shortest literal of the same double.
 */
import { ModelInputError } from "../finance/errors";
import { requireFinite } from "../finance/validate";

// |p - 0.5| <= 0.425: a rational function of r = 0.180625 - q^2 (0.180625 = 0.425^2), times q.
const CENTRAL_NUM = [
  2509.0809287301227, 33430.57558358813, 67265.7709270087, 45921.95393154987, 13731.69376550946,
  1971.5909503065513, 133.14166789178438, 3.3871328727963665,
];
const CENTRAL_DEN = [
  5226.495278852854, 28729.085735721943, 39307.89580009271, 21213.794301586597, 5394.196021424751,
  687.1870074920579, 42.31333070160091, 1.0,
];
// Tails, r = sqrt(-ln(min(p, 1 - p))): r - 1.6 for r <= 5 (p down to about 1.4e-11) ...
const NEAR_NUM = [
  0.0007745450142783414, 0.022723844989269184, 0.2417807251774506, 1.2704582524523684,
  3.6478483247632045, 5.769497221460691, 4.630337846156546, 1.4234371107496835,
];
const NEAR_DEN = [
  1.0507500716444169e-9, 0.0005475938084995345, 0.015198666563616457, 0.14810397642748008,
  0.6897673349851, 1.6763848301838038, 2.053191626637759, 1.0,
];
// ... and r - 5 beyond (down to the smallest positive double).
const FAR_NUM = [
  2.0103343992922881e-7, 2.7115555687434876e-5, 0.0012426609473880784, 0.026532189526576124,
  0.29656057182850487, 1.7848265399172913, 5.463784911164114, 6.657904643501103,
];
const FAR_DEN = [
  2.0442631033899397e-15, 1.421511758316446e-7, 1.8463183175100548e-5, 0.0007868691311456133,
  0.014875361290850615, 0.1369298809227358, 0.599832206555888, 1.0,
];

/** Horner's rule for coefficients listed highest degree first. */
function horner(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = 0; i < coefficients.length; i++) sum = sum * x + coefficients[i];
  return sum;
}

/**
 * Phi^-1(p) for 0 < p < 1 (the endpoints are -Infinity and +Infinity, which the core never returns).
 * Unvalidated core for hot loops whose p is known to be in (0, 1).
 */
export function normalQuantileCore(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(CENTRAL_NUM, r)) / horner(CENTRAL_DEN, r);
  }
  // The tails are computed from the smaller of p and 1 - p, so precision is kept near 0 and the result is
  // antisymmetric: Phi^-1(1 - p) = -Phi^-1(p).
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = horner(NEAR_NUM, r) / horner(NEAR_DEN, r);
  } else {
    r -= 5;
    x = horner(FAR_NUM, r) / horner(FAR_DEN, r);
  }
  return q < 0 ? -x : x;
}

/** Phi^-1(p), validated: p must be strictly between 0 and 1. */
export function normalQuantile(p: number): number {
  requireFinite(p, "p");
  if (!(p > 0 && p < 1)) {
    throw new ModelInputError("p", `must be > 0 and < 1 (got ${p})`, "range");
  }
  return normalQuantileCore(p);
}

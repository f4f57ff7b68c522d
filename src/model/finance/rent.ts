/** Renting: rate by year and the cost of an uninterrupted rental. USD. */
import { HOURS_PER_MONTH, HOURS_PER_YEAR, MONTHS_PER_YEAR } from "./units";
import { finiteResult, requireAtLeast, requireNonNegative } from "./validate";

/** Rate in year y (1-based) = rate x (1 + g)^(y - 1). Excel: =rate*(1+g)^(year-1) */
export function rateInYear(
  ratePerGpuHour: number,
  annualPriceChange: number,
  year: number
): number {
  requireNonNegative(ratePerGpuHour, "ratePerGpuHour");
  requireAtLeast(annualPriceChange, -1, "annualPriceChange");
  requireAtLeast(year, 1, "year");
  return finiteResult(ratePerGpuHour * Math.pow(1 + annualPriceChange, year - 1), "rateInYear");
}

/**
 * Cost of renting `count` GPUs for `months` usage months without interruption, from usage month 0;
 * the rate steps by (1 + g) every 12 usage months:
 *   J = floor(months / 12) full years, remainder r = months - 12J,
 *   cost = count x rate x [ 8760 x sum_{j=0}^{J-1} (1+g)^j  +  730 x r x (1+g)^J ].
 * The geometric sum is J when g = 0, else ((1+g)^J - 1) / g (computed as expm1(J ln(1+g)) / g).
 */
export function rentCost(
  count: number,
  months: number,
  ratePerGpuHour: number,
  annualPriceChange: number
): number {
  requireNonNegative(count, "count");
  requireNonNegative(months, "months");
  requireNonNegative(ratePerGpuHour, "ratePerGpuHour");
  requireAtLeast(annualPriceChange, -1, "annualPriceChange");
  const fullYears = Math.floor(months / MONTHS_PER_YEAR);
  const remainder = months - MONTHS_PER_YEAR * fullYears;
  const g = annualPriceChange;
  let yearFactorSum: number;
  if (fullYears === 0) yearFactorSum = 0;
  else if (g === 0) yearFactorSum = fullYears;
  else yearFactorSum = Math.expm1(fullYears * Math.log1p(g)) / g;
  const lastFactor = remainder > 0 ? Math.pow(1 + g, fullYears) : 0;
  const hoursAtBaseRate = HOURS_PER_YEAR * yearFactorSum + HOURS_PER_MONTH * remainder * lastFactor;
  return finiteResult(count * ratePerGpuHour * hoursAtBaseRate, "rentCost");
}

/**
 * The yearly rental price change that term prices imply (docs/model.md section 11.10). A committed term's flat
 * price is read as the average of the yearly rate over its term, with the model's yearly step
 * rate_y = r x (1 + g)^(y - 1) (rent.ts): avg(n, g) = r x S(n, g) / n, S(n, g) = sum_{y=1}^{n} (1 + g)^(y - 1).
 * Two terms of one provider, short (n1 years at p1) and long (n2 > n1 at p2), give
 *   p2 / p1 = (S(n2, g) / n2) / (S(n1, g) / n1),
 * increasing in g, solved by bisection on (-0.99, 1]. E.g. 1 year at 7.20 and 3 years at 5.40:
 * (1 + x + x^2) / 3 = 0.75 with x = 1 + g, x = (sqrt(6) - 1) / 2, g = -0.2753.
 */
import { ModelInputError } from "./errors";
import { finiteResult, requireAbove } from "./validate";

const LOWEST_CHANGE = -0.99;
const HIGHEST_CHANGE = 1;

function averageFactor(years: number, g: number): number {
  let sum = 0;
  let factor = 1;
  for (let y = 1; y <= years; y++) {
    sum += factor;
    factor *= 1 + g;
  }
  return sum / years;
}

function requireWholeYears(years: number, field: string): void {
  if (!Number.isInteger(years) || years < 1 || years > 30) {
    throw new ModelInputError(
      field,
      `must be a whole number of years from 1 to 30 (got ${years})`,
      "range"
    );
  }
}

/** The yearly price change g implied by a short and a long term price (see the module comment). */
export function impliedAnnualPriceChange(
  shortRate: number,
  shortYears: number,
  longRate: number,
  longYears: number
): number {
  requireAbove(shortRate, 0, "shortRate");
  requireAbove(longRate, 0, "longRate");
  requireWholeYears(shortYears, "shortYears");
  requireWholeYears(longYears, "longYears");
  if (longYears <= shortYears) {
    throw new ModelInputError(
      "longYears",
      `must be longer than shortYears (${shortYears})`,
      "range"
    );
  }
  const target = longRate / shortRate;
  const ratio = (g: number): number => averageFactor(longYears, g) / averageFactor(shortYears, g);
  let lo = LOWEST_CHANGE;
  let hi = HIGHEST_CHANGE;
  if (target < ratio(lo) || target > ratio(hi)) {
    throw new ModelInputError(
      "longRate",
      `implies a yearly change outside ${LOWEST_CHANGE * 100}% to +${HIGHEST_CHANGE * 100}% (long / short = ${target})`,
      "range"
    );
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (ratio(mid) < target) lo = mid;
    else hi = mid;
  }
  return finiteResult((lo + hi) / 2, "impliedAnnualPriceChange");
}

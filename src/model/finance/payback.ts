/** Simple payback of owning versus renting, in fractional months. */
import { finiteResult, requireNonNegative } from "./validate";

/**
 * Simple payback = capex / (monthly rent - monthly own opex), months (fractional); null when the
 * denominator is <= 0 (renting costs no more per month than running what is owned: never paid back).
 */
export function simplePaybackMonths(
  capex: number,
  monthlyRent: number,
  monthlyOwnOpex: number
): number | null {
  requireNonNegative(capex, "capex");
  requireNonNegative(monthlyRent, "monthlyRent");
  requireNonNegative(monthlyOwnOpex, "monthlyOwnOpex");
  const saving = monthlyRent - monthlyOwnOpex;
  if (saving <= 0) return null;
  return finiteResult(capex / saving, "paybackMonths");
}

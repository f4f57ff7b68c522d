/**
 * Units and calendar conventions of the finance core.
 *
 * Inside the core: money in USD, time in months (build time, lead time, usage), power in MW for
 * loads and kW per GPU, energy prices in USD/kWh. A year is 8760 hours (365 days); a month is
 * exactly one twelfth of it (730 hours), so yearly and monthly figures convert without remainder.
 */
import { ModelInputError } from "./errors";

/** Hours in a 365-day year. */
export const HOURS_PER_YEAR = 8760;

/** Months in a year. */
export const MONTHS_PER_YEAR = 12;

/** Hours in an average month: 8760 / 12 = 730. */
export const HOURS_PER_MONTH = HOURS_PER_YEAR / MONTHS_PER_YEAR;

/** Days in an average month: 365 / 12 (about 30.42); converts "122 days" to months. */
export const DAYS_PER_MONTH = 365 / MONTHS_PER_YEAR;

/** kW in one MW. */
export const KW_PER_MW = 1000;

/** Longest horizon the comparison accepts, in years. */
export const MAX_HORIZON_YEARS = 30;

/** Breakeven is searched over usage months 1..BREAKEVEN_MAX_MONTHS. */
export const BREAKEVEN_MAX_MONTHS = 120;

/** Converts days to months (days / (365/12)). */
export function daysToMonths(days: number): number {
  if (typeof days !== "number" || days !== days)
    throw new ModelInputError("days", "must be a number", "type");
  if (days < 0 || days === Infinity)
    throw new ModelInputError("days", `must be a finite number >= 0 (got ${days})`, "range");
  return days / DAYS_PER_MONTH;
}

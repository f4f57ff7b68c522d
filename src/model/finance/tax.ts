/** Income-tax building blocks (docs/model.md section 10.6). Years 0..H, USD. */
import { ModelInputError } from "./errors";
import {
  finiteResult,
  requireAbove,
  requireBetween,
  requireFinite,
  requireHorizon,
  requireNonNegative,
} from "./validate";

/**
 * MACRS 5-year property, GDS 200 % declining balance, half-year convention: IRS Pub 946 Table A-1
 * (figures.csv tax.macrs_5yr_hy.year1..year6). Computers are 5-year property. Sums to 1.
 */
export const MACRS_5YR_HALF_YEAR: readonly number[] = [0.2, 0.32, 0.192, 0.1152, 0.1152, 0.0576];

/** Nonresidential real property recovery period, straight line: 39 years (tax.recovery_period_nonresidential_building). */
export const NONRESIDENTIAL_BUILDING_LIFE_YEARS_DEFAULT = 39;

/** US federal corporate income tax rate 21 % (tax.us_federal_corporate_rate, IRC 11(b)). */
export const US_FEDERAL_CORPORATE_RATE_DEFAULT = 0.21;

function requirePlacedYear(placedYear: number, horizonYears: number): void {
  requireBetween(placedYear, 0, horizonYears, "placedYear");
  if (Math.floor(placedYear) !== placedYear) {
    throw new ModelInputError("placedYear", `must be a whole year (got ${placedYear})`, "range");
  }
}

/**
 * IT depreciation by year 0..H: bonusShare x basis in placedYear, then the rest (1 - bonusShare) x basis
 * on MACRS_5YR_HALF_YEAR from placedYear: year placedYear + i gets MACRS[i] x rest; truncated at H.
 */
export function itDepreciation(
  basis: number,
  placedYear: number,
  bonusShare: number,
  horizonYears: number
): number[] {
  requireNonNegative(basis, "basis");
  requireHorizon(horizonYears);
  requirePlacedYear(placedYear, horizonYears);
  requireBetween(bonusShare, 0, 1, "bonusShare");
  const out = new Array<number>(horizonYears + 1).fill(0);
  out[placedYear] = bonusShare * basis;
  const rest = (1 - bonusShare) * basis;
  for (let i = 0; i < MACRS_5YR_HALF_YEAR.length && placedYear + i <= horizonYears; i++) {
    out[placedYear + i] += MACRS_5YR_HALF_YEAR[i] * rest;
  }
  for (let y = 0; y <= horizonYears; y++) finiteResult(out[y], "itDepreciation");
  return out;
}

/**
 * Straight-line depreciation by year 0..H: annual = basis / lifeYears; placedYear gets
 * firstYearFraction x annual, later years annual, until the basis is used up (last year the remainder);
 * truncated at H.
 */
export function straightLineDepreciation(
  basis: number,
  placedYear: number,
  firstYearFraction: number,
  lifeYears: number,
  horizonYears: number
): number[] {
  requireNonNegative(basis, "basis");
  requireHorizon(horizonYears);
  requirePlacedYear(placedYear, horizonYears);
  requireBetween(firstYearFraction, 0, 1, "firstYearFraction");
  requireAbove(lifeYears, 0, "lifeYears");
  const out = new Array<number>(horizonYears + 1).fill(0);
  const annual = basis / lifeYears;
  let remaining = basis;
  for (let y = placedYear; y <= horizonYears; y++) {
    const amount = Math.min(remaining, (y === placedYear ? firstYearFraction : 1) * annual);
    out[y] = finiteResult(amount, "straightLineDepreciation");
    remaining -= amount;
  }
  return out;
}

function requireList(list: readonly number[], field: string, length: number): void {
  if (!Array.isArray(list)) throw new ModelInputError(field, "must be a list of numbers", "type");
  if (list.length !== length) {
    throw new ModelInputError(field, `must have ${length} years (got ${list.length})`, "range");
  }
  for (let i = 0; i < list.length; i++) requireFinite(list[i], field);
}

/**
 * After-tax flows (positive = money out): after_y = pre_y - taxRate x (deductible_y + depreciation_y).
 * Assumes the company has taxable income elsewhere to absorb the deductions in the same year.
 */
export function afterTaxFlows(
  preTaxFlows: readonly number[],
  deductibleByYear: readonly number[],
  depreciationByYear: readonly number[],
  taxRate: number
): number[] {
  if (!Array.isArray(preTaxFlows)) {
    throw new ModelInputError("preTaxFlows", "must be a list of numbers", "type");
  }
  requireList(preTaxFlows, "preTaxFlows", preTaxFlows.length);
  requireList(deductibleByYear, "deductibleByYear", preTaxFlows.length);
  requireList(depreciationByYear, "depreciationByYear", preTaxFlows.length);
  requireBetween(taxRate, 0, 1, "taxRate");
  return preTaxFlows.map((pre, y) =>
    finiteResult(pre - taxRate * (deductibleByYear[y] + depreciationByYear[y]), "afterTaxFlows")
  );
}

/** Tax on selling an asset at the horizon: taxRate x (proceeds - remainingBasis) (negative = a saving on a loss). */
export function taxOnResidual(proceeds: number, remainingBasis: number, taxRate: number): number {
  requireNonNegative(proceeds, "proceeds");
  requireNonNegative(remainingBasis, "remainingBasis");
  requireBetween(taxRate, 0, 1, "taxRate");
  return finiteResult(taxRate * (proceeds - remainingBasis), "taxOnResidual");
}

/** Build time: months from the decision to first capacity. Non-decreasing in size (MW). */
import { finiteResult, requireBoolean, requireNonNegative } from "./validate";

/**
 * Construction months = baseMonths + monthsPer100Mw x max(0, itMw - refMw) / 100.
 * `baseMonths` holds up to `refMw`; beyond it each further 100 MW adds `monthsPer100Mw`.
 */
export function constructionMonths(
  itMw: number,
  baseMonths: number,
  refMw: number,
  monthsPer100Mw: number
): number {
  requireNonNegative(itMw, "itMw");
  requireNonNegative(baseMonths, "baseMonths");
  requireNonNegative(refMw, "refMw");
  requireNonNegative(monthsPer100Mw, "monthsPer100Mw");
  const excessMw = itMw > refMw ? itMw - refMw : 0;
  return finiteResult(baseMonths + (monthsPer100Mw * excessMw) / 100, "constructionMonths");
}

/**
 * Months to first capacity: construction, or the grid connection wait when the approach needs
 * the grid and the wait is longer: needsGrid ? max(construction, gridMonths) : construction.
 */
export function buildMonths(
  itMw: number,
  baseMonths: number,
  refMw: number,
  monthsPer100Mw: number,
  needsGrid: boolean,
  gridMonths: number
): number {
  const construction = constructionMonths(itMw, baseMonths, refMw, monthsPer100Mw);
  requireBoolean(needsGrid, "needsGrid");
  requireNonNegative(gridMonths, "gridMonths");
  return needsGrid && gridMonths > construction ? gridMonths : construction;
}

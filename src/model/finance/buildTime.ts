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

/** Transmission-connection threshold used when a library sets none: 20 MW (grid.transmission_connection_threshold_mw, RMI). */
export const DEFAULT_GRID_TRANSMISSION_THRESHOLD_MW = 20;

/**
 * Grid wait for a facility load, months: loads above the transmission threshold wait the region's
 * transmission queue; loads at or below it connect at distribution level:
 *   gridWait = facilityMw > thresholdMw ? transmissionMonths : distributionMonths.
 * The reference set sources no distribution-level wait, so callers pass 0 unless a region sets one.
 */
export function gridWaitMonths(
  facilityMw: number,
  thresholdMw: number,
  transmissionMonths: number,
  distributionMonths: number
): number {
  requireNonNegative(facilityMw, "facilityMw");
  requireNonNegative(thresholdMw, "thresholdMw");
  requireNonNegative(transmissionMonths, "gridMonths");
  requireNonNegative(distributionMonths, "distributionMonths");
  return facilityMw > thresholdMw ? transmissionMonths : distributionMonths;
}

/** The load a grid connection is sized for and the threshold between distribution and transmission. */
export interface GridLoad {
  /** Facility load, MW = IT MW x PUE (what the utility connects). */
  readonly facilityMw: number;
  /** Above this facility load the transmission queue (`gridMonths`) applies. */
  readonly thresholdMw: number;
  /** Wait at distribution level, months (0 when the region sets none: assumed within construction). */
  readonly distributionMonths: number;
}

/**
 * Months to first capacity: construction, or the grid wait when the approach needs the grid and the
 * wait is longer:
 *   wait  = load ? gridWaitMonths(load.facilityMw, load.thresholdMw, gridMonths, load.distributionMonths) : gridMonths
 *   months = needsGrid ? max(construction, wait) : construction.
 * Without `load` every load waits `gridMonths` (the transmission queue).
 */
export function buildMonths(
  itMw: number,
  baseMonths: number,
  refMw: number,
  monthsPer100Mw: number,
  needsGrid: boolean,
  gridMonths: number,
  load?: GridLoad
): number {
  const construction = constructionMonths(itMw, baseMonths, refMw, monthsPer100Mw);
  requireBoolean(needsGrid, "needsGrid");
  requireNonNegative(gridMonths, "gridMonths");
  const wait =
    load === undefined
      ? gridMonths
      : gridWaitMonths(load.facilityMw, load.thresholdMw, gridMonths, load.distributionMonths);
  return needsGrid && wait > construction ? wait : construction;
}

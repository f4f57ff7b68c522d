/**
 * The rented fleet of a route, year by year (docs/model.md section 11.3; the bridge overlap month by month): the rental window, the rent line,
 * and the GPU-hours it adds. On a bridge the rental only counts where it fills capacity the owned fleet
 * does not yet install, so the overlap is not counted twice.
 */
import { rateInYear } from "./rent";
import type { RentedFleet, UsefulWork } from "./routeTypes";
import { HOURS_PER_MONTH, MONTHS_PER_YEAR } from "./units";
import { finiteResult } from "./validate";

/** What a bridge's rental needs to know about the owned fleet it covers for. */
export interface BridgeOwned {
  readonly gpuCount: number;
  readonly fullyRampedMonth: number;
  /** Installed owned GPU-months M_y, year 0..H. */
  readonly installedMonths: readonly number[];
  /** Installed owned GPU-months in [from, to]. */
  readonly installedBetween: (from: number, to: number) => number;
}

/**
 * Rented GPU-months of [a, b] that fill capacity the owned fleet has not installed yet, month by month:
 * sum over each calendar month slice [s0, s1] of [a, b] ∩ [S, E] of
 * min(count x (s1 - s0), max(0, ceiling x (s1 - s0) - installed owned GPU-months in [s0, s1])).
 * Month slices (not whole years) so a rental ending mid-ramp is not counted where the owned fleet already runs.
 */
function countedBridgeMonths(
  owned: BridgeOwned,
  count: number,
  ceiling: number,
  a: number,
  b: number,
  S: number,
  E: number
): number {
  const from = Math.max(a, S);
  const to = Math.min(b, E);
  let counted = 0;
  for (let k = Math.floor(from); k < to; k++) {
    const s0 = Math.max(k, from);
    const s1 = Math.min(k + 1, to);
    if (s1 <= s0) continue;
    const gap = ceiling * (s1 - s0) - owned.installedBetween(s0, s1);
    counted += Math.min(count * (s1 - s0), Math.max(0, gap));
  }
  return counted;
}

export interface RentedPart {
  readonly startMonth: number;
  /** Month the rental stops (E). */
  readonly endMonth: number;
  /** Rented GPU-months G_y, year 0..H. */
  readonly rentedMonths: readonly number[];
  /** Rented GPU-months counted as delivered C_y, year 0..H. */
  readonly countedMonths: readonly number[];
  readonly rent: readonly number[];
  readonly deliveredGpuHours: number;
  readonly usefulGpuHours: number;
}

/**
 * Month the rental stops, capped at the horizon 12H. Rent only: endMonth (null = the horizon), never
 * shorter than the minimum term. Bridge: max(start + minimum term, owned fully ramped + overlap), or the start
 * itself (no rental) when the rental could only start once the owned fleet is ramped and the overlap is over.
 */
export function rentalEndMonth(
  r: RentedFleet,
  horizonYears: number,
  overlapMonths: number,
  owned: BridgeOwned | null
): number {
  const horizonMonth = MONTHS_PER_YEAR * horizonYears;
  const minimumEnd = r.rent.leadTimeMonths + r.minimumTermMonths;
  let end: number;
  if (owned === null) end = r.endMonth === null ? horizonMonth : Math.max(r.endMonth, minimumEnd);
  else {
    const needed = owned.fullyRampedMonth + overlapMonths;
    // A bridge whose rental would start only after the build runs bridges nothing: it is never signed.
    end = r.rent.leadTimeMonths >= needed ? r.rent.leadTimeMonths : Math.max(minimumEnd, needed);
  }
  return Math.min(horizonMonth, end);
}

/** The rented fleet's rent line and hours (validated inputs: see assertRentedFleet). */
export function rentedPart(
  r: RentedFleet,
  work: UsefulWork,
  horizonYears: number,
  overlapMonths: number,
  owned: BridgeOwned | null
): RentedPart {
  const H = horizonYears;
  const S = r.rent.leadTimeMonths;
  const E = rentalEndMonth(r, H, overlapMonths, owned);
  const count = r.rent.gpuCount;
  // Hours billed per rented GPU-month: every hour, or only the hours the fleet is available and used.
  const billedPerMonth =
    r.billing === "all-hours"
      ? HOURS_PER_MONTH
      : HOURS_PER_MONTH * r.availability * work.productiveUtilization;
  // Bridge: the route needs at most the larger fleet; rented months count only up to that ceiling.
  const ceiling = owned === null ? Infinity : Math.max(owned.gpuCount, count);
  const rentedMonths = new Array<number>(H + 1).fill(0);
  const countedMonths = new Array<number>(H + 1).fill(0);
  const rent = new Array<number>(H + 1).fill(0);
  let counted = 0;
  for (let y = 1; y <= H; y++) {
    const a = MONTHS_PER_YEAR * (y - 1);
    const b = MONTHS_PER_YEAR * y;
    const g = count * Math.max(0, Math.min(b, E) - Math.max(a, S));
    rentedMonths[y] = g;
    const c = owned === null ? g : countedBridgeMonths(owned, count, ceiling, a, b, S, E);
    countedMonths[y] = c;
    counted += c;
    rent[y] = finiteResult(
      g * billedPerMonth * rateInYear(r.rent.ratePerGpuHour, r.rent.annualPriceChange, y),
      "rent"
    );
  }
  const delivered = finiteResult(counted * HOURS_PER_MONTH, "deliveredGpuHours");
  return {
    startMonth: S,
    endMonth: E,
    rentedMonths,
    countedMonths,
    rent,
    deliveredGpuHours: delivered,
    usefulGpuHours: delivered * r.availability * work.goodput * work.productiveUtilization,
  };
}

/**
 * Validation of the route engine's input records (docs/model.md section 11). Each guard names the field at
 * fault with its record, e.g. "owned.sparesShare", so a sheet can point at the wrong cell. The v1 records
 * inside (BuildInputs, RentInputs) keep their v1 checks and field names.
 */
import { ModelInputError } from "./errors";
import { assertBuildInputs, assertRentInputs } from "./inputs";
import { assertPhases } from "./ramp";
import type {
  OwnedFleet,
  PowerSupply,
  RentedFleet,
  RouteInputs,
  RouteSettings,
  UsefulWork,
} from "./routeTypes";
import {
  requireAbove,
  requireAtLeast,
  requireBetween,
  requireHorizon,
  requireNonNegative,
  requireRecord,
} from "./validate";

const POWER_KINDS: readonly string[] = ["grid", "grid+battery", "onsite-bridge"];
const RESIDUALS: readonly string[] = ["straight-line", "market", "none"];
const BILLINGS: readonly string[] = ["used-hours", "all-hours"];

function requireOneOf(value: string, allowed: readonly string[], field: string): void {
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw new ModelInputError(field, `must be one of ${allowed.join(", ")}`, "type");
  }
}

export function assertUsefulWork(w: UsefulWork): void {
  requireRecord(w, "work");
  requireBetween(w.productiveUtilization, 0, 1, "work.productiveUtilization");
  requireBetween(w.goodput, 0, 1, "work.goodput");
}

export function assertPowerSupply(p: PowerSupply): void {
  requireRecord(p, "power");
  requireOneOf(p.kind, POWER_KINDS, "power.kind");
  requireNonNegative(p.outageHoursPerYear, "power.outageHoursPerYear");
  requireNonNegative(p.outagesPerYear, "power.outagesPerYear");
  if (p.outagesPerYear === 0 && p.outageHoursPerYear > 0) {
    throw new ModelInputError(
      "power.outagesPerYear",
      "must be > 0 when there are outage hours",
      "range"
    );
  }
  requireNonNegative(p.restartHoursPerOutage, "power.restartHoursPerOutage");
  requireNonNegative(p.batteryHours, "power.batteryHours");
  requireNonNegative(p.batteryCostPerKwh, "power.batteryCostPerKwh");
  requireNonNegative(p.onsiteCostPerKw, "power.onsiteCostPerKw");
  requireNonNegative(p.onsitePricePerKwh, "power.onsitePricePerKwh");
  requireNonNegative(p.gridMonths, "power.gridMonths");
}

export function assertOwnedFleet(o: OwnedFleet): void {
  requireRecord(o, "owned");
  assertBuildInputs(o.build);
  requireNonNegative(o.rampMonths, "owned.rampMonths");
  assertPhases(o.phases);
  requireNonNegative(o.sparesShare, "owned.sparesShare");
  requireNonNegative(o.sparesNeeded, "owned.sparesNeeded");
  assertPowerSupply(o.power);
  requireAtLeast(o.hardwarePriceChange, -1, "owned.hardwarePriceChange");
  requireOneOf(o.residual, RESIDUALS, "owned.residual");
  requireAtLeast(o.marketValueChange, -1, "owned.marketValueChange");
}

export function assertRentedFleet(r: RentedFleet): void {
  requireRecord(r, "rented");
  assertRentInputs(r.rent);
  requireOneOf(r.billing, BILLINGS, "rented.billing");
  requireBetween(r.availability, 0, 1, "rented.availability");
  requireNonNegative(r.minimumTermMonths, "rented.minimumTermMonths");
  if (r.endMonth !== null) requireNonNegative(r.endMonth, "rented.endMonth");
}

/** Throws ModelInputError naming the first invalid field of a route (at least one fleet is required). */
export function assertRouteInputs(route: RouteInputs): void {
  requireRecord(route, "route");
  if (typeof route.label !== "string") {
    throw new ModelInputError("route.label", "must be text", "type");
  }
  if (route.owned === null && route.rented === null) {
    throw new ModelInputError("route", "needs an owned fleet, a rented fleet or both", "range");
  }
  if (route.owned !== null) assertOwnedFleet(route.owned);
  if (route.rented !== null) assertRentedFleet(route.rented);
  requireNonNegative(route.overlapMonths, "route.overlapMonths");
  assertUsefulWork(route.work);
}

export function assertRouteSettings(s: RouteSettings): void {
  requireRecord(s, "settings");
  requireHorizon(s.horizonYears);
  requireAbove(s.discountRate, -1, "discountRate");
  requireBetween(s.taxRate, 0, 1, "taxRate");
  if (s.bonusDepreciationShare !== undefined)
    requireBetween(s.bonusDepreciationShare, 0, 1, "bonusDepreciationShare");
  requireNonNegative(s.valuePerUsefulGpuHour, "valuePerUsefulGpuHour");
}

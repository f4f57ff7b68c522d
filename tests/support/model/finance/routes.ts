/** Route-engine fixtures: neutral v2 settings (which reduce to v1) and a small round build for hand checks. */
import type {
  BuildInputs,
  OwnedFleet,
  PowerSupply,
  RentedFleet,
  RentInputs,
  RouteInputs,
  RouteSettings,
  UsefulWork,
} from "../../../../src/model/finance";

/** Grid power without outages, batteries or on-site generation. */
export const NEUTRAL_POWER: PowerSupply = {
  kind: "grid",
  outageHoursPerYear: 0,
  outagesPerYear: 0,
  restartHoursPerOutage: 0,
  batteryHours: 0,
  batteryCostPerKwh: 0,
  onsiteCostPerKw: 0,
  onsitePricePerKwh: 0,
  gridMonths: 0,
};

/** Every available hour is useful work. */
export const ALL_USEFUL: UsefulWork = { productiveUtilization: 1, goodput: 1 };

/** An owned fleet whose v2 inputs are all off: no ramp, one phase, no spares, v1 residual. */
export function neutralOwned(build: BuildInputs, extra: Partial<OwnedFleet> = {}): OwnedFleet {
  return {
    build,
    rampMonths: 0,
    phases: [{ offsetMonths: 0, share: 1 }],
    sparesShare: 0,
    sparesNeeded: 0,
    power: NEUTRAL_POWER,
    hardwarePriceChange: 0,
    residual: "straight-line",
    marketValueChange: 0,
    ...extra,
  };
}

/** A rented fleet billed on every hour, fully available, no minimum term, to the horizon. */
export function neutralRented(rent: RentInputs, extra: Partial<RentedFleet> = {}): RentedFleet {
  return {
    rent,
    billing: "all-hours",
    availability: 1,
    minimumTermMonths: 0,
    endMonth: null,
    ...extra,
  };
}

export function route(
  owned: OwnedFleet | null,
  rented: RentedFleet | null,
  extra: Partial<RouteInputs> = {}
): RouteInputs {
  return { label: "route", owned, rented, overlapMonths: 0, work: ALL_USEFUL, ...extra };
}

export function settings(horizonYears: number, extra: Partial<RouteSettings> = {}): RouteSettings {
  return { horizonYears, discountRate: 0, taxRate: 0, valuePerUsefulGpuHour: 0, ...extra };
}

/**
 * 8 GPUs at $10,000 (no networking => IT $80,000), 1 kW each (8 kW IT, 0.008 MW), PUE 1, full draw,
 * $0.10/kWh, maintenance 10 %/yr ($8,000), no staff, colocation or facility, first capacity month 6,
 * IT life 4 years.
 */
export const SMALL: BuildInputs = {
  gpuCount: 8,
  systemPricePerGpu: 10_000,
  networkShare: 0,
  systemPowerKwPerGpu: 1,
  facilityCapex: false,
  constructionCostPerMw: 0,
  capexMultiplier: 1,
  pue: 1,
  utilization: 1,
  powerPricePerKwh: 0.1,
  colocationPerKwMonth: 0,
  maintenanceShareOfHwPerYear: 0.1,
  staffCostPerMwYear: 0,
  buildMonths: 6,
  itDepreciationYears: 4,
  facilityLifeYears: 10,
};

/** 10 GPUs at $2/GPU-hour, flat price, available at once. */
export const SMALL_RENT: RentInputs = {
  gpuCount: 10,
  ratePerGpuHour: 2,
  annualPriceChange: 0,
  leadTimeMonths: 0,
};

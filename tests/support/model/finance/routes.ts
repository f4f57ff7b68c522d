/**
 * Route-engine fixtures: neutral v2 settings (which reduce to v1), a small round build for hand checks, and
 * plausible (bounded, realistic) arbitraries for the property tests.
 */
import fc from "fast-check";
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
import { CLEAN_COST_POWER, cleanCostOwned, cleanCostRented } from "../../../../src/model/finance";

/** Grid power without outages, batteries or on-site generation (the production clean-cost view). */
export const NEUTRAL_POWER: PowerSupply = CLEAN_COST_POWER;

/** Every available hour is useful work. */
export const ALL_USEFUL: UsefulWork = { productiveUtilization: 1, goodput: 1 };

/** An owned fleet whose v2 inputs are all off: no ramp, one phase, no spares, v1 residual. */
export function neutralOwned(build: BuildInputs, extra: Partial<OwnedFleet> = {}): OwnedFleet {
  return { ...cleanCostOwned(build), ...extra };
}

/** A rented fleet billed on every hour, fully available, no minimum term, to the horizon. */
export function neutralRented(rent: RentInputs, extra: Partial<RentedFleet> = {}): RentedFleet {
  return { ...cleanCostRented(rent, 0), ...extra };
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

const real = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Plausible build inputs: up to 100k GPUs, first capacity within 4 years. */
export const plausibleBuild: fc.Arbitrary<BuildInputs> = fc.record({
  gpuCount: real(1, 100_000),
  systemPricePerGpu: real(10_000, 60_000),
  networkShare: real(0, 0.3),
  systemPowerKwPerGpu: real(0.5, 2),
  facilityCapex: fc.boolean(),
  constructionCostPerMw: real(5e6, 2e7),
  capexMultiplier: real(0.5, 2),
  pue: real(1, 1.6),
  utilization: real(0.3, 1),
  powerPricePerKwh: real(0.03, 0.3),
  colocationPerKwMonth: real(0, 250),
  maintenanceShareOfHwPerYear: real(0, 0.15),
  staffCostPerMwYear: real(0, 500_000),
  buildMonths: real(0, 48),
  itDepreciationYears: real(3, 7),
  facilityLifeYears: real(10, 40),
});

/** Plausible power supplies of every kind (outages > 0 so outage hours may be > 0). */
export const plausiblePower: fc.Arbitrary<PowerSupply> = fc.record({
  kind: fc.constantFrom<PowerSupply["kind"]>("grid", "grid+battery", "onsite-bridge"),
  outageHoursPerYear: real(0, 50),
  outagesPerYear: real(0.5, 5),
  restartHoursPerOutage: real(0, 2),
  batteryHours: real(0, 8),
  batteryCostPerKwh: real(100, 600),
  onsiteCostPerKw: real(500, 3_000),
  onsitePricePerKwh: real(0.03, 0.4),
  gridMonths: real(0, 60),
});

/** Two phases (the second may be empty) with a ramp and v2 options. */
export const plausibleOwned: fc.Arbitrary<OwnedFleet> = fc.record({
  build: plausibleBuild,
  rampMonths: real(0, 24),
  phases: fc.tuple(real(0, 1), real(0, 24)).map(([share, offset]) => [
    { offsetMonths: 0, share },
    { offsetMonths: offset, share: 1 - share },
  ]),
  sparesShare: real(0, 0.1),
  sparesNeeded: real(0, 0.1),
  power: plausiblePower,
  hardwarePriceChange: real(-0.4, 0),
  residual: fc.constantFrom<OwnedFleet["residual"]>("straight-line", "market", "none"),
  marketValueChange: real(-0.5, 0),
});

export const plausibleRentInputs: fc.Arbitrary<RentInputs> = fc.record({
  gpuCount: real(1, 100_000),
  ratePerGpuHour: real(0.5, 10),
  annualPriceChange: real(-0.3, 0.05),
  leadTimeMonths: real(0, 12),
});

export const plausibleRented: fc.Arbitrary<RentedFleet> = fc.record({
  rent: plausibleRentInputs,
  billing: fc.constantFrom<RentedFleet["billing"]>("used-hours", "all-hours"),
  availability: real(0.9, 1),
  minimumTermMonths: real(0, 36),
  endMonth: fc.option(real(0, 360), { nil: null }),
});

export const plausibleWork: fc.Arbitrary<UsefulWork> = fc.record({
  productiveUtilization: real(0.5, 1),
  goodput: real(0.5, 1),
});

/** Rent only, own only, or the bridge. */
export const plausibleRoute: fc.Arbitrary<RouteInputs> = fc
  .tuple(
    fc.constantFrom("rent", "own", "bridge"),
    plausibleOwned,
    plausibleRented,
    real(0, 12),
    plausibleWork
  )
  .map(([kind, owned, rented, overlapMonths, work]) => ({
    label: kind,
    owned: kind === "rent" ? null : owned,
    rented: kind === "own" ? null : rented,
    overlapMonths,
    work,
  }));

export const plausibleSettings: fc.Arbitrary<RouteSettings> = fc.record({
  horizonYears: fc.integer({ min: 1, max: 15 }),
  discountRate: real(0, 0.15),
  taxRate: real(0, 0.4),
  valuePerUsefulGpuHour: real(0, 10),
});

/** Small, round inputs so that expected values can be derived by hand in each test. */
import type { BuildInputs, CompareInputs, RentInputs } from "../../../../src/model/finance";

/**
 * 1,000 GPUs at $40,000 per GPU of server (networking 20 % of the cluster => cluster $50M),
 * 1 kW per GPU => 1 MW of IT, facility $10M/MW, PUE 1.25, 80 % utilization, $0.10/kWh,
 * maintenance 10 %/yr of IT capex, staff $100k per MW-year, 6 months to build,
 * IT life 5 years, facility life 10 years.
 */
export const BUILD: BuildInputs = {
  gpuCount: 1000,
  systemPricePerGpu: 40_000,
  networkShare: 0.2,
  systemPowerKwPerGpu: 1,
  facilityCapex: true,
  constructionCostPerMw: 10_000_000,
  capexMultiplier: 1,
  pue: 1.25,
  utilization: 0.8,
  powerPricePerKwh: 0.1,
  colocationPerKwMonth: 0,
  maintenanceShareOfHwPerYear: 0.1,
  staffCostPerMwYear: 100_000,
  buildMonths: 6,
  itDepreciationYears: 5,
  facilityLifeYears: 10,
};

/** 1,000 GPUs at $2/GPU-hour, -10 %/yr, 3 months lead time. */
export const RENT: RentInputs = {
  gpuCount: 1000,
  ratePerGpuHour: 2,
  annualPriceChange: -0.1,
  leadTimeMonths: 3,
};

export const COMPARE: CompareInputs = { horizonYears: 3, discountRate: 0.1, valuePerGpuHour: 2 };

/** The cost basis of BUILD, worked out by hand (docs/model.md §3.1-3.3). */
export const BUILD_HAND = {
  /** 1,000 GPUs × 1 kW / 1,000 = 1 MW */
  itMw: 1,
  /** 1,000 × $40,000 = $40M of servers; / (1 - 0.2) = $50M with networking */
  itCapex: 50_000_000,
  /** 1 MW × $10M/MW × 1 */
  facilityCapex: 10_000_000,
  /** 1,000 kW × 1.25 PUE × 0.8 × 8,760 h × $0.10/kWh */
  energyPerYear: 876_000,
  /** $50M × 10 % */
  maintenancePerYear: 5_000_000,
  /** 1 MW × $100,000 */
  staffPerYear: 100_000,
} as const;
/** $876,000 + $5,000,000 + $100,000 (no colocation) */
export const BUILD_OPEX_PER_YEAR = 5_976_000;

/** Asserts that `fn` throws a ModelInputError of the given kind naming `field`. */
export function expectModelError(fn: () => unknown, field: string, kind: "range" | "type"): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeDefined();
  expect((caught as Error).name).toBe("ModelInputError");
  expect(caught).toMatchObject({ field, kind });
}

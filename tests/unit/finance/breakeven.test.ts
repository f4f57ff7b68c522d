import { breakevenMonth, type BuildInputs, type RentInputs } from "../../../src/model/finance";
import { BUILD, RENT } from "./fixtures";

/** One GPU bought for $24,000 with no power, no facility and no opex: cumBuild(m) = 24,000. */
const ONE_GPU: BuildInputs = {
  ...BUILD,
  gpuCount: 1,
  systemPricePerGpu: 24_000,
  networkShare: 0,
  systemPowerKwPerGpu: 0,
  facilityCapex: false,
  maintenanceShareOfHwPerYear: 0,
  staffCostPerMwYear: 0,
};
const ONE_RENTED: RentInputs = {
  gpuCount: 1,
  ratePerGpuHour: 2,
  annualPriceChange: 0,
  leadTimeMonths: 5,
};

describe("Given one owned GPU ($24,000) vs one rented at $2/GPU-hour ($1,460 a month)", () => {
  it("when the price is flat, then owning breaks even at month ceil(24000 / 1460)", () => {
    expect(breakevenMonth(ONE_GPU, ONE_RENTED)).toBe(Math.ceil(24_000 / (730 * 2)));
  });

  it("when owning costs 7.3 %/yr of maintenance, then breakeven is at ceil(24000 / (1460 - 146))", () => {
    const monthlyMaintenance = (24_000 * 0.073) / 12;
    expect(breakevenMonth({ ...ONE_GPU, maintenanceShareOfHwPerYear: 0.073 }, ONE_RENTED)).toBe(
      Math.ceil(24_000 / (730 * 2 - monthlyMaintenance))
    );
  });

  it("when the rent halves after 12 months, then the remaining 24000 - 12 x 1460 takes ceil(6480 / 730) more months", () => {
    const afterYearOne = 24_000 - 12 * 730 * 2;
    expect(breakevenMonth(ONE_GPU, { ...ONE_RENTED, annualPriceChange: -0.5 })).toBe(
      12 + Math.ceil(afterYearOne / 730)
    );
  });

  it("when the rent is $0.10/GPU-hour, then 120 months of rent (120 x 73) never reach $24,000: null", () => {
    expect(120 * 730 * 0.1).toBeLessThan(24_000);
    expect(breakevenMonth(ONE_GPU, { ...ONE_RENTED, ratePerGpuHour: 0.1 })).toBeNull();
  });

  it("when owning costs nothing up front, then it breaks even in month 1", () => {
    expect(breakevenMonth({ ...ONE_GPU, systemPricePerGpu: 0 }, ONE_RENTED)).toBe(1);
  });

  it("when lead times differ, then breakeven does not change (both counted from their own start)", () => {
    expect(
      breakevenMonth({ ...ONE_GPU, buildMonths: 40 }, { ...ONE_RENTED, leadTimeMonths: 0 })
    ).toBe(breakevenMonth(ONE_GPU, ONE_RENTED));
  });
});

describe("Given the 1 MW build fixture ($60M up front, opex $5.976M/yr) vs renting the same 1,000 GPUs at $2", () => {
  const upfront = (1000 * 40_000) / (1 - 0.2) + 1 * 10_000_000;
  const monthlyOpex = (1000 * 1.25 * 0.8 * 8760 * 0.1 + 50_000_000 * 0.1 + 1 * 100_000) / 12;
  const monthlyRent = 1000 * 730 * 2;

  it("when the rent is flat, then breakeven is ceil(upfront / (monthly rent - monthly opex))", () => {
    expect(breakevenMonth(BUILD, { ...RENT, annualPriceChange: 0 })).toBe(
      Math.ceil(upfront / (monthlyRent - monthlyOpex))
    );
  });

  it("when the rent falls 10 %/yr, then even after 120 months renting stays cheaper: null", () => {
    // cumulative rent after 10 years = 12 x monthlyRent x (1 - 0.9^10) / 0.1
    const rent120 = (12 * monthlyRent * (1 - 0.9 ** 10)) / 0.1;
    expect(upfront + 120 * monthlyOpex).toBeGreaterThan(rent120);
    expect(breakevenMonth(BUILD, RENT)).toBeNull();
  });
});

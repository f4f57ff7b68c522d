import { breakevenMonth, type BuildInputs, type RentInputs } from "../../../../src/model/finance";
import { BUILD, RENT } from "../../../support/model/finance/fixtures";

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

describe("breakevenMonth of one GPU", () => {
  // Given one GPU owned for $24,000 vs one rented at $2/GPU-hour = 730 h × $2 = $1,460 a month

  it("flat rent", () => {
    // Then 24,000 / 1,460 = 16.4 months: month 16 has paid $23,360 of rent, month 17 $24,820
    expect(breakevenMonth(ONE_GPU, ONE_RENTED)).toBe(17);
  });

  it("owning costs maintenance", () => {
    // When owning costs 7.3 %/yr of maintenance: $24,000 × 0.073 / 12 = $146 a month
    // Then 24,000 / (1,460 - 146) = 18.3 months: month 19
    expect(breakevenMonth({ ...ONE_GPU, maintenanceShareOfHwPerYear: 0.073 }, ONE_RENTED)).toBe(19);
  });

  it("rent halves after a year", () => {
    // When the rent falls 50 % a year: 12 × $1,460 = $17,520 in year 1, then $730 a month
    // Then the remaining $24,000 - $17,520 = $6,480 takes 6,480 / 730 = 8.9 more months: month 21
    expect(breakevenMonth(ONE_GPU, { ...ONE_RENTED, annualPriceChange: -0.5 })).toBe(21);
  });

  it("cheap rent never catches up", () => {
    // When the rent is $0.10/GPU-hour: 120 months × 730 h × $0.10 = $8,760 < $24,000
    // Then there is no breakeven within 120 months
    expect(breakevenMonth(ONE_GPU, { ...ONE_RENTED, ratePerGpuHour: 0.1 })).toBeNull();
  });

  it("breaks even in month 1 when owning costs nothing up front", () => {
    // When owning costs nothing up front
    // Then it breaks even in month 1
    expect(breakevenMonth({ ...ONE_GPU, systemPricePerGpu: 0 }, ONE_RENTED)).toBe(1);
  });

  it("lead times do not count", () => {
    // When the build takes 40 months and the rental starts at once
    // Then each is counted from its own start: still month 17
    expect(
      breakevenMonth({ ...ONE_GPU, buildMonths: 40 }, { ...ONE_RENTED, leadTimeMonths: 0 })
    ).toBe(17);
  });
});

describe("breakevenMonth of the 1 MW build fixture", () => {
  // Given the build fixture ($50M IT + $10M facility up front, opex $5,976,000/yr = $498,000 a month)
  // vs renting the same 1,000 GPUs at $2: 1,000 × 730 h × $2 = $1,460,000 a month

  it("flat rent", () => {
    // Then 60,000,000 / (1,460,000 - 498,000) = 62.4 months: month 63
    expect(breakevenMonth(BUILD, { ...RENT, annualPriceChange: 0 })).toBe(63);
  });

  it("rent falling 10 %/yr", () => {
    // When the rent falls 10 % a year
    // Then after 120 months renting has cost 12 × 1,460,000 × (1 - 0.9¹⁰) / 0.1 = $114,111,537
    //      and owning $60M + 120 × $498,000 = $119,760,000: no breakeven
    expect(breakevenMonth(BUILD, RENT)).toBeNull();
  });
});

import { compareOptions, npv } from "../../../../src/model/finance";
import { BUILD, COMPARE, RENT, expectModelError } from "../../../support/model/finance/fixtures";

// Build fixture (T = 6) flows over 3 years: 10,000,000, 52,988,000, 5,976,000, -26,024,000
// (tests/unit/model/finance/cashflows.test.ts); rent fixture (T = 3): 0, 13,140,000, 15,768,000, 14,191,200.

describe("compareOptions", () => {
  // Given the build fixture vs the rent fixture over 3 years at 10 %
  const result = compareOptions(BUILD, RENT, COMPARE);

  it("NPVs and their difference", () => {
    // Then NPV build = 10,000,000 + 52,988,000 / 1.1 + 5,976,000 / 1.21 - 26,024,000 / 1.331
    //                = 10,000,000 + 48,170,909.09 + 4,938,842.98 - 19,552,216.38 = 43,557,535.69
    //      NPV rent  = 13,140,000 / 1.1 + 15,768,000 / 1.21 + 14,191,200 / 1.331
    //                = 11,945,454.55 + 13,031,404.96 + 10,662,058.60 = 35,638,918.11
    //      difference = 43,557,535.69 - 35,638,918.11 = 7,918,617.58 (renting is cheaper)
    expect(result.npvBuild).toBeCloseTo(43_557_535.687_453, 2);
    expect(result.npvRent).toBeCloseTo(35_638_918.106_687, 2);
    expect(result.difference).toBeCloseTo(7_918_617.580_766, 2);
  });

  it("months to capacity", () => {
    // Then the build time and the lead time
    expect(result.monthsToCapacityBuild).toBe(6);
    expect(result.monthsToCapacityRent).toBe(3);
  });

  it("delivered hours, TCO and cost per GPU-hour", () => {
    // Then build: 1,000 GPUs × 730 h × (36 - 6) months = 21,900,000 GPU-hours;
    //      rent:  1,000 × 730 × (36 - 3) = 24,090,000 GPU-hours
    expect(result.deliveredGpuHoursBuild).toBe(21_900_000);
    expect(result.deliveredGpuHoursRent).toBe(24_090_000);
    // And TCO = the undiscounted sums: build $42,940,000, rent $43,099,200
    expect(result.tcoBuild).toBeCloseTo(42_940_000, 2);
    expect(result.tcoRent).toBeCloseTo(43_099_200, 2);
    // And per GPU-hour: 42,940,000 / 21,900,000 = $1.960731; 43,099,200 / 24,090,000 = $1.789091
    expect(result.costPerGpuHourBuild).toBeCloseTo(1.960_730_593_607, 9);
    expect(result.costPerGpuHourRent).toBeCloseTo(1.789_090_909_091, 9);
  });

  it("cost of delay", () => {
    // When the build starts 3 months after the rental
    // Then it is (24,090,000 - 21,900,000) GPU-hours × $2 = $4,380,000,
    //      and difference with delay = 7,918,617.58 + 4,380,000 = 12,298,617.58
    expect(result.costOfDelay).toBeCloseTo(4_380_000, 6);
    expect(result.differenceWithDelay).toBeCloseTo(12_298_617.580_766, 2);
  });

  it("returns cash flows that reproduce the NPVs", () => {
    // When compared
    // Then the returned cash flows reproduce the NPVs
    expect(npv(0.1, result.cashflows.build)).toBe(result.npvBuild);
    expect(npv(0.1, result.cashflows.rent)).toBe(result.npvRent);
  });

  it("returns the two options' breakeven month", () => {
    // When compared
    // Then the breakeven month is that of the two options (null here: rent falls 10 %/yr)
    expect(result.breakevenMonth).toBeNull();
  });
});

describe("compareOptions with a build after the horizon", () => {
  it("the delay is worth every rented hour", () => {
    // Given a build ready only at month 40 of a 36-month horizon
    const result = compareOptions({ ...BUILD, buildMonths: 40 }, RENT, COMPARE);
    // Then the build delivers nothing and has no cost per GPU-hour, and the cost of delay is
    //      all 1,000 × 730 h × 33 months = 24,090,000 rented GPU-hours × $2 = $48,180,000
    expect(result.deliveredGpuHoursBuild).toBe(0);
    expect(result.costPerGpuHourBuild).toBeNull();
    expect(result.costOfDelay).toBeCloseTo(48_180_000, 6);
  });
});

describe("compareOptions with invalid settings", () => {
  // Given invalid comparison settings
  it("rejects a horizon of 0 or a fraction", () => {
    expectModelError(
      () => compareOptions(BUILD, RENT, { ...COMPARE, horizonYears: 0 }),
      "horizonYears",
      "range"
    );
    // When the horizon is 0 or fractional
    // Then a range error names horizonYears
    expectModelError(
      () => compareOptions(BUILD, RENT, { ...COMPARE, horizonYears: 1.5 }),
      "horizonYears",
      "range"
    );
  });

  it("rejects a discount rate of -100 %", () => {
    // When the discount rate is -100 %
    // Then a range error names discountRate
    expectModelError(
      () => compareOptions(BUILD, RENT, { ...COMPARE, discountRate: -1 }),
      "discountRate",
      "range"
    );
  });

  it("rejects a negative rent count", () => {
    // When the rent count is negative
    // Then a range error names gpuCount
    expectModelError(
      () => compareOptions(BUILD, { ...RENT, gpuCount: -1 }, COMPARE),
      "gpuCount",
      "range"
    );
  });
});

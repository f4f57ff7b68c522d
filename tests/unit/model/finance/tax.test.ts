import {
  afterTaxFlows,
  itDepreciation,
  MACRS_5YR_HALF_YEAR,
  straightLineDepreciation,
  taxOnResidual,
} from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("MACRS 5-year half-year table", () => {
  it("matches IRS Pub 946 Table A-1 and sums to 1", () => {
    // Then 0.20 + 0.32 + 0.192 + 0.1152 + 0.1152 + 0.0576 = 1 (tax.macrs_5yr_hy.year1..6)
    expect(MACRS_5YR_HALF_YEAR).toEqual([0.2, 0.32, 0.192, 0.1152, 0.1152, 0.0576]);
    expect(MACRS_5YR_HALF_YEAR.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe("itDepreciation", () => {
  it("bonus then MACRS on the rest, truncated", () => {
    // Given basis 1000 placed in year 1, 50 % bonus, horizon 3
    // Then year 1: 500 + 0.2 x 500 = 600; year 2: 0.32 x 500 = 160; year 3: 0.192 x 500 = 96
    const dep = itDepreciation(1000, 1, 0.5, 3);
    expect(dep.length).toBe(4);
    expect(dep[0]).toBe(0);
    expect(dep[1]).toBeCloseTo(600, 9);
    expect(dep[2]).toBeCloseTo(160, 9);
    expect(dep[3]).toBeCloseTo(96, 9);
  });

  it("rejects a placed year after the horizon", () => {
    expectModelError(() => itDepreciation(1000, 4, 0, 3), "placedYear", "range");
  });
});

describe("straightLineDepreciation", () => {
  it("a 39-year building with half a first year", () => {
    // Given basis 3,900,000, life 39 (tax.recovery_period_nonresidential_building), first-year fraction 0.5
    // Then annual 100,000: year 0: 50,000, years 1..2: 100,000
    const dep = straightLineDepreciation(3_900_000, 0, 0.5, 39, 2);
    expect(dep[0]).toBeCloseTo(50_000, 6);
    expect(dep[1]).toBeCloseTo(100_000, 6);
    expect(dep[2]).toBeCloseTo(100_000, 6);
  });

  it("stops when the basis is used up", () => {
    // Given basis 30, life 2, first-year fraction 0.5, horizon 4
    // Then 7.5, 15, 7.5, 0, 0
    const dep = straightLineDepreciation(30, 0, 0.5, 2, 4);
    expect(dep).toEqual([7.5, 15, 7.5, 0, 0]);
  });
});

describe("afterTaxFlows at 21 %", () => {
  it("a hand-derived case", () => {
    // Given basis 1000 in year 0 (MACRS 200, 320, 192), costs 1000, 100, 100 with 100 deductible in years 1, 2,
    // tax rate 0.21 (tax.us_federal_corporate_rate)
    // Then 1000 - 0.21 x 200 = 958; 100 - 0.21 x 420 = 11.8; 100 - 0.21 x 292 = 38.68
    const after = afterTaxFlows(
      [1000, 100, 100],
      [0, 100, 100],
      itDepreciation(1000, 0, 0, 2),
      0.21
    );
    expect(after[0]).toBeCloseTo(958, 9);
    expect(after[1]).toBeCloseTo(11.8, 9);
    expect(after[2]).toBeCloseTo(38.68, 9);
  });

  it("tax on a residual sale", () => {
    // Given proceeds 500 over a remaining basis 300 at 21 %
    // Then 0.21 x 200 = 42
    expect(taxOnResidual(500, 300, 0.21)).toBeCloseTo(42, 12);
  });

  it("rejects lists of different lengths", () => {
    expectModelError(() => afterTaxFlows([1, 2], [0], [0, 0], 0.21), "deductibleByYear", "range");
  });
});

import {
  buildCashFlowDetail,
  buildCashFlows,
  rentCashFlowDetail,
  rentCashFlows,
} from "../../../../src/model/finance";
import { BUILD, RENT, expectModelError } from "../../../support/model/finance/fixtures";

function expectFlows(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, y) => expect(actual[y]).toBeCloseTo(value, 4));
}

// The build fixture: IT capex $50M, facility capex $10M, opex $5,976,000 per operating year
// (energy $876,000 + maintenance $5M + staff $100,000), IT life 5 years, facility life 10 years.

describe("buildCashFlows over 3 years", () => {
  it("capacity at month 6", () => {
    // Given the build fixture (T = 6 months)
    // When its cash flows over 3 years are built
    // Then year 0: facility $10,000,000
    //      year 1: IT $50,000,000 + half a year of opex $2,988,000 = $52,988,000
    //      year 2: opex $5,976,000
    //      year 3: opex $5,976,000 - IT residual $50M × (1 - 2.5/5) = $25M
    //              - facility residual $10M × (1 - 3/10) = $7M = -$26,024,000
    expectFlows(buildCashFlows(BUILD, 3), [10_000_000, 52_988_000, 5_976_000, -26_024_000]);
  });

  it("line items", () => {
    // Given the build fixture (T = 6 months)
    // When the detail over 3 years is built
    const d = buildCashFlowDetail(BUILD, 3);
    // Then IT is paid in year ceil(6/12) = 1, which runs (12 - 6)/12 = 0.5 of the year
    expect(d.itCapexYear).toBe(1);
    expectFlows(d.operatingFraction, [0, 0.5, 1, 1]);
    expectFlows(d.itCapex, [0, 50_000_000, 0, 0]);
    expectFlows(d.facilityCapex, [10_000_000, 0, 0, 0]);
    expectFlows(d.energy, [0, 438_000, 876_000, 876_000]);
    expectFlows(d.maintenance, [0, 2_500_000, 5_000_000, 5_000_000]);
    expectFlows(d.staff, [0, 50_000, 100_000, 100_000]);
    expectFlows(d.colocation, [0, 0, 0, 0]);
    // And residuals $25M (IT) and $7M (facility) are recovered in year 3
    expect(d.itResidualValue).toBeCloseTo(25_000_000, 4);
    expect(d.facilityResidualValue).toBeCloseTo(7_000_000, 4);
    expectFlows(d.residual, [0, 0, 0, -32_000_000]);
    expectFlows(d.total, [10_000_000, 52_988_000, 5_976_000, -26_024_000]);
    expectFlows(d.total, buildCashFlows(BUILD, 3));
  });

  it("capacity at once (T = 0)", () => {
    // Given a build ready at the decision
    // Then year 0: $10M facility + $50M IT = $60,000,000; years 1-3 run fully: $5,976,000;
    //      year 3 less IT residual $50M × (1 - 3/5) = $20M and facility residual $7M = -$21,024,000
    expectFlows(
      buildCashFlows({ ...BUILD, buildMonths: 0 }, 3),
      [60_000_000, 5_976_000, 5_976_000, -21_024_000]
    );
  });

  it("mid-year start (T = 18)", () => {
    // Given a build that takes 18 months
    // Then year 1 is idle; year 2 pays IT $50M + half a year of opex $2,988,000 = $52,988,000;
    //      year 3: $5,976,000 - IT residual $50M × (1 - 1.5/5) = $35M - $7M = -$36,024,000
    expectFlows(
      buildCashFlows({ ...BUILD, buildMonths: 18 }, 3),
      [10_000_000, 0, 52_988_000, -36_024_000]
    );
  });

  it("capacity after the horizon (T = 40)", () => {
    // Given a build that takes 40 months, beyond the 3-year horizon
    // Then there is no opex; the $50M of IT booked in year 3 is recovered in full,
    //      so year 3 is $50M - $50M - facility residual $7M = -$7,000,000
    expectFlows(buildCashFlows({ ...BUILD, buildMonths: 40 }, 3), [10_000_000, 0, 0, -7_000_000]);
  });

  it("capacity exactly at the horizon (T = 36)", () => {
    // Given a build that takes 36 months
    const d = buildCashFlowDetail({ ...BUILD, buildMonths: 36 }, 3);
    // Then IT is paid in year 3, never runs, and its $50M is all residual
    expect(d.itCapexYear).toBe(3);
    expect(d.itResidualValue).toBeCloseTo(50_000_000, 4);
    expectFlows(d.operatingFraction, [0, 0, 0, 0]);
  });
});

describe("cash flows over 1 year", () => {
  // Given a 1-year horizon
  it("has year 0 and year 1", () => {
    // When cash flows are built
    // Then there are 2 values (year 0 and year 1)
    expect(buildCashFlows(BUILD, 1)).toHaveLength(2);
    expect(rentCashFlows(RENT, 1)).toHaveLength(2);
  });
});

describe("rentCashFlows", () => {
  // Given the rent fixture: 1,000 GPUs at $2/GPU-hour, -10 %/yr, 3 months lead time

  it("3 years", () => {
    // Then year 1 pays 9 months: 0.75 × 8,760 h × 1,000 × $2 = $13,140,000
    //      year 2 at $1.80: 8,760 × 1,000 × $1.80 = $15,768,000
    //      year 3 at $1.62: 8,760 × 1,000 × $1.62 = $14,191,200
    expectFlows(rentCashFlows(RENT, 3), [0, 13_140_000, 15_768_000, 14_191_200]);
  });

  it("pays nothing when the lead time is beyond the horizon", () => {
    // When the lead time is beyond the horizon
    // Then nothing is paid
    expectFlows(rentCashFlows({ ...RENT, leadTimeMonths: 48 }, 3), [0, 0, 0, 0]);
  });

  it("line items", () => {
    // When the detail over 2 years is built
    const d = rentCashFlowDetail(RENT, 2);
    // Then it shows each year's operating fraction and rate, and the rent they make
    expectFlows(d.operatingFraction, [0, 0.75, 1]);
    expectFlows(d.ratePerGpuHour, [0, 2, 1.8]);
    expectFlows(d.total, [0, 13_140_000, 15_768_000]);
    expectFlows(d.total, rentCashFlows(RENT, 2));
  });
});

describe("cash flows with an invalid horizon", () => {
  // Given an invalid horizon
  it("rejects a horizon of 0, 2.5, 31 or NaN", () => {
    expectModelError(() => buildCashFlows(BUILD, 0), "horizonYears", "range");
    expectModelError(() => buildCashFlows(BUILD, 2.5), "horizonYears", "range");
    expectModelError(() => rentCashFlows(RENT, 31), "horizonYears", "range");
    // When it is 0, 2.5, 31 or NaN
    // Then the error names horizonYears
    expectModelError(() => rentCashFlows(RENT, Number.NaN), "horizonYears", "type");
  });
});

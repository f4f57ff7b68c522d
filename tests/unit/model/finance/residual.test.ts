import {
  facilityResidualValue,
  itResidualValue,
  straightLineResidual,
} from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("straight-line residual values", () => {
  // Given straight-line residual values
  it("keeps the unused share of the cost", () => {
    // When 2 of 5 years are used
    // Then 3/5 of the cost remains
    expect(straightLineResidual(100, 2, 5)).toBeCloseTo(60, 12);
  });

  it("is never negative", () => {
    // When used longer than the life
    // Then nothing remains (never negative)
    expect(straightLineResidual(100, 7, 5)).toBe(0);
  });

  it("rejects a life of 0", () => {
    // When the life is 0
    // Then a range error names lifeYears
    expectModelError(() => straightLineResidual(100, 1, 0), "lifeYears", "range");
  });
});

describe("itResidualValue", () => {
  // Given $50M of IT capex, a 5-year life and a 3-year horizon

  it("capacity from month 6", () => {
    // When capacity starts at month 6, the IT is used 3 - 6/12 = 2.5 years
    // Then $50M × (1 - 2.5/5) = $25M remains
    expect(itResidualValue(50e6, 3, 6, 5)).toBeCloseTo(25_000_000, 6);
  });

  it("capacity at once", () => {
    // When capacity starts at month 0, the IT is used 3 years
    // Then $50M × (1 - 3/5) = $20M remains
    expect(itResidualValue(50e6, 3, 0, 5)).toBeCloseTo(20_000_000, 6);
  });

  it("keeps the full cost when capacity starts after the horizon", () => {
    // When capacity starts after the horizon (month 40)
    // Then usedYears = 0 and the full 50M remains
    expect(itResidualValue(50e6, 3, 40, 5)).toBe(50e6);
  });
});

describe("facilityResidualValue", () => {
  // Given a $10M facility with a 14-year life

  it("5 years", () => {
    // When the horizon is 5 years (the facility ages from the decision)
    // Then $10M × (1 - 5/14) = $10M × 9/14 = $6,428,571.43 remains
    expect(facilityResidualValue(10e6, 5, 14)).toBeCloseTo(6_428_571.428_571, 6);
  });

  it("is 0 after a 20-year horizon", () => {
    // When the horizon is 20 years
    // Then nothing remains
    expect(facilityResidualValue(10e6, 20, 14)).toBe(0);
  });
});

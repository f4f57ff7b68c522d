import {
  facilityResidualValue,
  itResidualValue,
  straightLineResidual,
} from "../../../src/model/finance";
import { expectModelError } from "./fixtures";

describe("Given straight-line residual values", () => {
  it("when 2 of 5 years are used, then 3/5 of the cost remains", () => {
    expect(straightLineResidual(100, 2, 5)).toBeCloseTo(60, 12);
  });

  it("when used longer than the life, then nothing remains (never negative)", () => {
    expect(straightLineResidual(100, 7, 5)).toBe(0);
  });

  it("when the life is 0, then a range error names lifeYears", () => {
    expectModelError(() => straightLineResidual(100, 1, 0), "lifeYears", "range");
  });
});

describe("Given $50M of IT capex, 5-year life and a 3-year horizon", () => {
  it("when capacity starts at month 6, then usedYears = 3 - 0.5 and residual = 50M x (1 - 2.5/5)", () => {
    expect(itResidualValue(50e6, 3, 6, 5)).toBeCloseTo(50e6 * (1 - 2.5 / 5), 6);
  });

  it("when capacity starts at month 0, then usedYears = 3 and residual = 50M x 2/5", () => {
    expect(itResidualValue(50e6, 3, 0, 5)).toBeCloseTo(50e6 * (2 / 5), 6);
  });

  it("when capacity starts after the horizon (month 40), then usedYears = 0 and the full 50M remains", () => {
    expect(itResidualValue(50e6, 3, 40, 5)).toBe(50e6);
  });
});

describe("Given a $10M facility with a 14-year life", () => {
  it("when the horizon is 5 years, then 10M x (1 - 5/14) remains (the facility ages from the decision)", () => {
    expect(facilityResidualValue(10e6, 5, 14)).toBeCloseTo(10e6 * (1 - 5 / 14), 6);
  });

  it("when the horizon is 20 years, then nothing remains", () => {
    expect(facilityResidualValue(10e6, 20, 14)).toBe(0);
  });
});

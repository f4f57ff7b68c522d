import { irr } from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("irr", () => {
  it("one period", () => {
    // Given -100 now and 110 in a year
    // Then 110 / (1 + r) = 100 => r = 0.10
    expect(irr([-100, 110])).toBeCloseTo(0.1, 9);
  });

  it("two periods, by the quadratic formula", () => {
    // Given -100, 60, 60; with x = 1 / (1 + r): 60x^2 + 60x - 100 = 0
    // => x = (-60 + sqrt(3600 + 24000)) / 120 = (-60 + 166.1325) / 120 = 0.884437
    // => r = 1 / 0.884437 - 1 = 0.130662
    expect(irr([-100, 60, 60])).toBeCloseTo(0.130_662, 5);
  });

  it("a negative rate", () => {
    // Given -100, 50: 50 / (1 + r) = 100 => r = -0.5
    expect(irr([-100, 50])).toBeCloseTo(-0.5, 9);
  });

  it("is null without a sign change", () => {
    // Given only savings
    // Then NPV is positive at every rate
    expect(irr([10, 10, 10])).toBeNull();
  });

  it("rejects a NaN flow", () => {
    expectModelError(() => irr([-1, Number.NaN]), "flows", "type");
  });
});

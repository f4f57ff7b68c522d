import { breakevenUtilization } from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("breakevenUtilization", () => {
  it("1,000 GPUs for 5 years against $2.50", () => {
    // Given own 5-year cost 63,176,250 (see payback peer case), 1,000 x 43,800 = 43,800,000 GPU-hours,
    // availability 1 for both
    // Then u* = 63,176,250 / (43,800,000 x 2.5) = 0.57695 ($1.442 / $2.50)
    expect(breakevenUtilization(63_176_250, 43_800_000, 1, 2.5, 1)).toBeCloseTo(0.576_95, 5);
  });

  it("is null when renting is cheaper even at full use", () => {
    // Given own $3 per GPU-hour against $2.50
    // Then u* = 1.2 > 1
    expect(breakevenUtilization(300, 100, 1, 2.5, 1)).toBeNull();
  });

  it("accounts for availability", () => {
    // Given own 100 over 100 hours at availability 0.8, rent $2.50 at availability 0.9
    // Then u* = 100 x 0.9 / (100 x 0.8 x 2.5) = 90 / 200 = 0.45
    expect(breakevenUtilization(100, 100, 0.8, 2.5, 0.9)).toBeCloseTo(0.45, 12);
  });

  it("rejects zero installed hours", () => {
    expectModelError(() => breakevenUtilization(1, 0, 1, 1, 1), "ownInstalledGpuHours", "range");
  });
});

describe("breakevenUtilization at extreme magnitudes", () => {
  test("a rate too small to divide by gives null, not an overflow", () => {
    // Given an own cost of $1 over 1 installed GPU-hour and a rate of 5e-324 USD per hour
    // When the breakeven utilization is computed
    // Then u* = 1 / 5e-324 would overflow; it is far above 1, so renting is cheaper even at 100 %: null
    expect(breakevenUtilization(1, 1, 1, 5e-324, 1)).toBeNull();
  });
});

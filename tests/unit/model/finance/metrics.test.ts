import { costOfDelay, costPerGpuHour } from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("costPerGpuHour", () => {
  // Given a total cost and delivered GPU-hours
  it("divides cost by delivered GPU-hours", () => {
    // When $1,460 buys 1,000 GPU-hours
    // Then a GPU-hour costs $1.46
    expect(costPerGpuHour(1460, 1000)).toBeCloseTo(1.46, 12);
  });

  it("rejects nothing delivered", () => {
    // When nothing is delivered
    // Then a range error names deliveredGpuHours
    expectModelError(() => costPerGpuHour(1460, 0), "deliveredGpuHours", "range");
  });
});

describe("costOfDelay", () => {
  // Given delivered hours of both options and a value per GPU-hour
  it("values the hours the build delivers later", () => {
    // (5,000 - 4,000) GPU-hours × $2 = $2,000
    // When the build delivers 1,000 fewer hours at $2
    // Then the cost of delay is +$2,000
    expect(costOfDelay(5000, 4000, 2)).toBe(2000);
  });

  it("is negative when the build delivers more", () => {
    // When the build delivers more hours
    // Then the cost of delay is negative
    expect(costOfDelay(4000, 5000, 2)).toBe(-2000);
  });

  it("rejects a negative value per GPU-hour", () => {
    // When the value is negative
    // Then a range error names valuePerGpuHour
    expectModelError(() => costOfDelay(1, 1, -1), "valuePerGpuHour", "range");
  });
});

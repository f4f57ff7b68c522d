import { costOfDelay, costPerGpuHour } from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("Given a total cost and delivered GPU-hours", () => {
  it("when $1,460 buys 1,000 GPU-hours, then a GPU-hour costs $1.46", () => {
    expect(costPerGpuHour(1460, 1000)).toBeCloseTo(1.46, 12);
  });

  it("when nothing is delivered, then a range error names deliveredGpuHours", () => {
    expectModelError(() => costPerGpuHour(1460, 0), "deliveredGpuHours", "range");
  });
});

describe("Given delivered hours of both options and a value per GPU-hour", () => {
  it("when the build delivers 1,000 fewer hours at $2, then the cost of delay is +$2,000", () => {
    // (5,000 - 4,000) GPU-hours × $2 = $2,000
    expect(costOfDelay(5000, 4000, 2)).toBe(2000);
  });

  it("when the build delivers more hours, then the cost of delay is negative", () => {
    expect(costOfDelay(4000, 5000, 2)).toBe(-2000);
  });

  it("when the value is negative, then a range error names valuePerGpuHour", () => {
    expectModelError(() => costOfDelay(1, 1, -1), "valuePerGpuHour", "range");
  });
});

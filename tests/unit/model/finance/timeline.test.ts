import { deliveredGpuHours, itCapexYear, operatingFraction } from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("operatingFraction", () => {
  // Given the operating fraction f_y = clamp(12y - T, 0, 12)/12
  it("runs every year from 1 when T = 0", () => {
    // When T = 0
    // Then every year 1.. runs fully and year 0 not at all
    expect(operatingFraction(0, 0)).toBe(0);
    expect(operatingFraction(1, 0)).toBe(1);
    expect(operatingFraction(5, 0)).toBe(1);
  });

  it("runs year 1 for 8/12 when T = 4", () => {
    // 12 × 1 - 4 = 8 operating months of 12 = 0.666…
    // When T = 4 months
    // Then year 1 runs 8/12 and year 2 fully
    expect(operatingFraction(1, 4)).toBeCloseTo(0.666_666_666_667, 12);
    expect(operatingFraction(2, 4)).toBe(1);
  });

  it("idles year 1 when T = 18", () => {
    // When T = 18 months
    // Then year 1 is idle and year 2 runs 6/12
    expect(operatingFraction(1, 18)).toBe(0);
    expect(operatingFraction(2, 18)).toBeCloseTo(0.5, 12);
    expect(operatingFraction(3, 18)).toBe(1);
  });

  it("idles year 1 when T = 12", () => {
    // When T = 12 exactly
    // Then year 1 is idle and year 2 is full
    expect(operatingFraction(1, 12)).toBe(0);
    expect(operatingFraction(2, 12)).toBe(1);
  });
});

describe("itCapexYear", () => {
  // Given the year of the IT purchase = min(H, ceil(T/12))
  it("pays IT in year 0 when T = 0", () => {
    // When T = 0
    // Then IT is paid in year 0
    expect(itCapexYear(0, 5)).toBe(0);
  });

  it("pays IT in year ceil(T/12)", () => {
    // When T = 4.01, 12 or 12.5 months
    // Then it is paid in year 1, 1 and 2
    expect(itCapexYear(4.01, 5)).toBe(1);
    expect(itCapexYear(12, 5)).toBe(1);
    expect(itCapexYear(12.5, 5)).toBe(2);
  });

  it("books IT in year H when T is beyond the horizon", () => {
    // When T is beyond the horizon
    // Then it is booked in year H
    expect(itCapexYear(100, 5)).toBe(5);
  });
});

describe("deliveredGpuHours", () => {
  // Given delivered GPU-hours = count x 730 x max(0, 12H - T)
  it("delivers 100 GPUs from month 6", () => {
    // 100 GPUs × 730 h × (24 - 6) months = 1,314,000 GPU-hours
    // When 100 GPUs start at month 6 of a 2-year horizon
    // Then they deliver 1,314,000 hours
    expect(deliveredGpuHours(100, 6, 2)).toBe(1_314_000);
  });

  it("delivers nothing from the horizon on", () => {
    // When capacity arrives at or after the horizon
    // Then nothing is delivered
    expect(deliveredGpuHours(100, 24, 2)).toBe(0);
    expect(deliveredGpuHours(100, 30, 2)).toBe(0);
  });

  it("rejects a horizon outside 1..30", () => {
    expectModelError(() => deliveredGpuHours(100, 0, 0), "horizonYears", "range");
    expectModelError(() => deliveredGpuHours(100, 0, 2.5), "horizonYears", "range");
    // When the horizon is not a whole number in 1..30
    // Then a range error names horizonYears
    expectModelError(() => deliveredGpuHours(100, 0, 31), "horizonYears", "range");
  });
});

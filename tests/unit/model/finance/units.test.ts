import {
  DAYS_PER_MONTH,
  HOURS_PER_MONTH,
  HOURS_PER_YEAR,
  MONTHS_PER_YEAR,
  daysToMonths,
} from "../../../../src/model/finance";

describe("calendar constants", () => {
  it("a 365-day year", () => {
    // Given the model's 365-day year (docs/model.md §1)
    // Then a year is 365 × 24 = 8,760 h, 12 months of 8,760 / 12 = 730 h, a month 365 / 12 = 30.4167 d
    expect(HOURS_PER_YEAR).toBe(8760);
    expect(MONTHS_PER_YEAR).toBe(12);
    expect(HOURS_PER_MONTH).toBe(730);
    expect(HOURS_PER_MONTH * MONTHS_PER_YEAR).toBe(HOURS_PER_YEAR);
    expect(DAYS_PER_MONTH).toBeCloseTo(30.416_666_666_667, 12);
  });

  it("Colossus' 122 days in months", () => {
    // Given 122 days (case.xai_colossus.build_days)
    // Then 122 / (365/12) = 1,464 / 365 = 4.010958904 months (docs/model.md §1: 4.0110)
    expect(daysToMonths(122)).toBeCloseTo(4.010_958_904_110, 12);
  });
});

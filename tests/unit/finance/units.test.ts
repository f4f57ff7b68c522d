import {
  DAYS_PER_MONTH,
  HOURS_PER_MONTH,
  HOURS_PER_YEAR,
  MONTHS_PER_YEAR,
  daysToMonths,
} from "../../../src/model/finance";

describe("Given the calendar constants", () => {
  it("when read, then a year is 8760 hours, 12 months of 730 hours, and a month is 365/12 days", () => {
    expect(HOURS_PER_YEAR).toBe(365 * 24);
    expect(MONTHS_PER_YEAR).toBe(12);
    expect(HOURS_PER_MONTH).toBe(730);
    expect(HOURS_PER_MONTH * MONTHS_PER_YEAR).toBe(HOURS_PER_YEAR);
    expect(DAYS_PER_MONTH).toBeCloseTo(365 / 12, 12);
  });

  it("when 122 days (xAI Colossus) are converted, then they are 122 / (365/12) months", () => {
    expect(daysToMonths(122)).toBeCloseTo((122 * 12) / 365, 12);
  });
});

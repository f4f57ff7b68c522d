import { rateInYear, rentCost } from "../../../src/model/finance";
import { expectModelError } from "./fixtures";

/** Month-by-month sum written out independently: month k (0-based) is charged at rate x (1+g)^floor(k/12). */
function monthByMonth(count: number, months: number, rate: number, g: number): number {
  let total = 0;
  for (let k = 0; k < Math.floor(months); k++)
    total += count * 730 * rate * (1 + g) ** Math.floor(k / 12);
  return total;
}

describe("Given a rate of $2/GPU-hour changing -10 % a year", () => {
  it("when asked for years 1, 2 and 3, then the rate is 2, 2 x 0.9 and 2 x 0.9^2", () => {
    expect(rateInYear(2, -0.1, 1)).toBe(2);
    expect(rateInYear(2, -0.1, 2)).toBeCloseTo(1.8, 12);
    expect(rateInYear(2, -0.1, 3)).toBeCloseTo(1.62, 12);
  });

  it("when asked for year 0, then a range error names year", () => {
    expectModelError(() => rateInYear(2, -0.1, 0), "year", "range");
  });
});

describe("Given 10 GPUs rented at $2/GPU-hour", () => {
  it("when rented for 12 months at a flat price, then it costs 10 x 2 x 8760", () => {
    expect(rentCost(10, 12, 2, 0)).toBeCloseTo(10 * 2 * 8760, 6);
  });

  it("when rented for 0 months, then it costs nothing", () => {
    expect(rentCost(10, 0, 2, 0)).toBe(0);
  });

  it("when rented for 30 months with +50 %/yr, then the price steps at months 12 and 24", () => {
    const expected = 10 * 2 * 8760 * (1 + 1.5) + 6 * 730 * 10 * 2 * 1.5 ** 2;
    expect(rentCost(10, 30, 2, 0.5)).toBeCloseTo(expected, 6);
    expect(rentCost(10, 30, 2, 0.5)).toBeCloseTo(monthByMonth(10, 30, 2, 0.5), 6);
  });

  it("when rented for 120 months at -22 %/yr, then it equals the month-by-month sum", () => {
    expect(rentCost(10, 120, 2, -0.22)).toBeCloseTo(monthByMonth(10, 120, 2, -0.22), 4);
  });

  it("when the price falls 100 % after the first year, then only the first 12 months cost anything", () => {
    expect(rentCost(10, 36, 2, -1)).toBeCloseTo(10 * 2 * 8760, 6);
  });

  it("when rented for 1.5 months, then it costs 1.5 x 730 hours", () => {
    expect(rentCost(10, 1.5, 2, 0.3)).toBeCloseTo(10 * 2 * 730 * 1.5, 6);
  });

  it("when the price change is below -100 %, then a range error names annualPriceChange", () => {
    expectModelError(() => rentCost(10, 12, 2, -1.5), "annualPriceChange", "range");
  });

  it("when rented for an absurd time at a growing price, then it throws a range error instead of Infinity", () => {
    expectModelError(() => rentCost(10, 1e9, 2, 0.5), "rentCost", "range");
  });
});

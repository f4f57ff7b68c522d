import { rateInYear, rentCost } from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

/** Month-by-month sum written out independently: month k (0-based) is charged at rate x (1+g)^floor(k/12). */
function monthByMonth(count: number, months: number, rate: number, g: number): number {
  let total = 0;
  for (let k = 0; k < Math.floor(months); k++)
    total += count * 730 * rate * (1 + g) ** Math.floor(k / 12);
  return total;
}

describe("rateInYear", () => {
  // Given a rate of $2/GPU-hour changing -10 % a year
  it("changes the rate each year", () => {
    // When asked for years 1, 2 and 3
    // Then the rate is 2, 2 x 0.9 and 2 x 0.9^2
    expect(rateInYear(2, -0.1, 1)).toBe(2);
    expect(rateInYear(2, -0.1, 2)).toBeCloseTo(1.8, 12);
    expect(rateInYear(2, -0.1, 3)).toBeCloseTo(1.62, 12);
  });

  it("rejects year 0", () => {
    // When asked for year 0
    // Then a range error names year
    expectModelError(() => rateInYear(2, -0.1, 0), "year", "range");
  });
});

describe("rentCost", () => {
  // Given 10 GPUs rented at $2/GPU-hour

  it("a year at a flat price", () => {
    // Then 10 GPUs × $2 × 8,760 h = $175,200
    expect(rentCost(10, 12, 2, 0)).toBeCloseTo(175_200, 6);
  });

  it("costs nothing for 0 months", () => {
    // When rented for 0 months
    // Then it costs nothing
    expect(rentCost(10, 0, 2, 0)).toBe(0);
  });

  it("30 months at +50 %/yr", () => {
    // When the price steps at usage months 12 and 24: $2, then $3, then $4.50
    // Then 10 × 8,760 h × $2 = $175,200, + 10 × 8,760 h × $3 = $262,800,
    //      + 10 × 6 × 730 h × $4.50 = $197,100; total $635,100
    expect(rentCost(10, 30, 2, 0.5)).toBeCloseTo(635_100, 6);
    expect(rentCost(10, 30, 2, 0.5)).toBeCloseTo(monthByMonth(10, 30, 2, 0.5), 6);
  });

  it("120 months at -22 %/yr", () => {
    // Then 10 × 8,760 h × $2 × (1 + 0.78 + … + 0.78⁹) = $175,200 × (1 - 0.78¹⁰) / 0.22
    //      = $175,200 × 4.166555 = $729,980.55
    expect(rentCost(10, 120, 2, -0.22)).toBeCloseTo(729_980.548_835, 4);
    expect(rentCost(10, 120, 2, -0.22)).toBeCloseTo(monthByMonth(10, 120, 2, -0.22), 4);
  });

  it("a price that falls 100 % after a year", () => {
    // Then only the first 12 months cost anything: 10 × $2 × 8,760 h = $175,200
    expect(rentCost(10, 36, 2, -1)).toBeCloseTo(175_200, 6);
  });

  it("1.5 months", () => {
    // Then 10 × $2 × 1.5 × 730 h = $21,900 (no price step within the first year)
    expect(rentCost(10, 1.5, 2, 0.3)).toBeCloseTo(21_900, 6);
  });

  it("rejects a price change below -100 %", () => {
    // When the price change is below -100 %
    // Then a range error names annualPriceChange
    expectModelError(() => rentCost(10, 12, 2, -1.5), "annualPriceChange", "range");
  });

  it("throws instead of overflowing to Infinity", () => {
    // When rented for an absurd time at a growing price
    // Then it throws a range error instead of Infinity
    expectModelError(() => rentCost(10, 1e9, 2, 0.5), "rentCost", "range");
  });
});

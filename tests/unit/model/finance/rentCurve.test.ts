import fc from "fast-check";
import { impliedAnnualPriceChange, rentCost } from "../../../../src/model/finance";
import { ModelInputError } from "../../../../src/model/finance/errors";

describe("impliedAnnualPriceChange", () => {
  it("reads AWS's 1-year and 3-year H100 prices as a yearly decline", () => {
    // Given 1 year at $7.20 and 3 years at $5.40 (rent.h100.aws_p5_reserved_1yr / _3yr)
    // Then by hand: (1 + x + x^2) / 3 = 5.40 / 7.20 = 0.75, x^2 + x - 1.25 = 0, x = (sqrt(6) - 1) / 2
    // = 0.7247449, so g = x - 1 = -0.2752551 a year
    expect(impliedAnnualPriceChange(7.2, 1, 5.4, 3)).toBeCloseTo(-0.2752551, 7);
  });

  it("is 0 for equal prices and positive when the long term costs more", () => {
    expect(impliedAnnualPriceChange(5, 1, 5, 3)).toBeCloseTo(0, 12);
    // 1 year at 2, 2 years at 2.2: (1 + x) / 2 = 1.1, x = 1.2, g = +0.2
    expect(impliedAnnualPriceChange(2, 1, 2.2, 2)).toBeCloseTo(0.2, 10);
  });

  it("refuses terms in the wrong order and prices no curve can explain", () => {
    expect(() => impliedAnnualPriceChange(7.2, 3, 5.4, 1)).toThrow(ModelInputError);
    expect(() => impliedAnnualPriceChange(7.2, 1, 0.01, 3)).toThrow(/outside/);
    expect(() => impliedAnnualPriceChange(0, 1, 5.4, 3)).toThrow(ModelInputError);
  });

  it("prices the long term back: renting at the implied curve costs the long term's price", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.integer({ min: 2, max: 5 }),
        (rate, g, years) => {
          // Given a long-term price that is the average of a curve starting at `rate` with change g
          const long = rentCost(1, 12 * years, rate, g) / (8760 * years);
          // Then the implied change is g again
          expect(impliedAnnualPriceChange(rate, 1, long, years)).toBeCloseTo(g, 8);
        }
      )
    );
  });
});

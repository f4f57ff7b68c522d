/** Power availability: in [0, 1]; lost hours never decrease with longer outages. */
import fc from "fast-check";
import { lostHoursPerYear, powerAvailability, usefulShare } from "../../../src/model/finance";

const real = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true });

describe("availability properties", () => {
  it("availability is in [0, 1]", () => {
    // Given any outage profile and backup
    // Then availability is in [0, 1]
    fc.assert(
      fc.property(real(0, 1e4), real(0.01, 100), real(0, 100), real(0, 100), (h, n, r, b) => {
        const a = powerAvailability(h, n, r, b);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
      })
    );
  });

  it("lost hours never decrease with a longer outage", () => {
    // Given outage hours h1 <= h2 with the same number of outages
    // Then lost(h1) <= lost(h2) and availability(h1) >= availability(h2)
    fc.assert(
      fc.property(
        real(0, 1e3),
        real(0, 1e3),
        real(0.01, 100),
        real(0, 10),
        real(0, 100),
        (x, y, n, r, b) => {
          const [h1, h2] = x <= y ? [x, y] : [y, x];
          expect(lostHoursPerYear(h1, n, r, b)).toBeLessThanOrEqual(
            lostHoursPerYear(h2, n, r, b) * (1 + 1e-12)
          );
          expect(powerAvailability(h1, n, r, b)).toBeGreaterThanOrEqual(
            powerAvailability(h2, n, r, b) - 1e-12
          );
        }
      )
    );
  });

  it("useful share is in [0, 1]", () => {
    fc.assert(
      fc.property(real(0, 1), real(0, 1), real(0, 1), (a, g, u) => {
        const s = usefulShare(a, g, u);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      })
    );
  });
});

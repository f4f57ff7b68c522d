/** Breakeven utilization is in (0, 1] or null. */
import fc from "fast-check";
import { breakevenUtilization } from "../../../src/model/finance";

const real = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true });

describe("breakevenUtilization properties", () => {
  it("in (0, 1] or null", () => {
    // Given any positive costs, hours, availabilities and rate
    // Then the result is null or in (0, 1]
    fc.assert(
      fc.property(
        real(0, 1e9),
        real(1, 1e9),
        real(0.01, 1),
        real(0.01, 100),
        real(0, 1),
        (cost, hours, ownA, rate, rentA) => {
          const u = breakevenUtilization(cost, hours, ownA, rate, rentA);
          if (u === null) return;
          expect(u).toBeGreaterThan(0);
          expect(u).toBeLessThanOrEqual(1);
        }
      )
    );
  });
});

/** Ramp and phased capacity: bounded, non-increasing in the ramp, additive over intervals. */
import fc from "fast-check";
import { installedShare, phasedCapacityMonths } from "../../../src/model/finance";

const real = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true });
const tol = (x: number): number => 1e-9 * Math.max(1, Math.abs(x));

describe("ramp properties", () => {
  it("never more than count x (b - a)", () => {
    // Given any count, start, ramp, two phases and interval
    // When phased capacity-months are computed
    // Then they are in [0, count x (b - a)]
    fc.assert(
      fc.property(
        real(0, 1e5),
        real(0, 120),
        real(0, 60),
        real(0, 48),
        real(0, 1),
        real(0, 360),
        real(0, 360),
        (count, T, R, offset, share, x, y) => {
          const [a, b] = x <= y ? [x, y] : [y, x];
          const phases = [
            { offsetMonths: 0, share },
            { offsetMonths: offset, share: 1 - share },
          ];
          const v = phasedCapacityMonths(count, T, R, phases, a, b);
          // rounding of installedMonths (up to ~360 months) is scaled by the count
          const eps = tol(count * 360);
          expect(v).toBeGreaterThanOrEqual(-eps);
          expect(v).toBeLessThanOrEqual(count * (b - a) + eps);
        }
      )
    );
  });

  it("non-increasing in the ramp length", () => {
    // Given R1 <= R2
    // Then the capacity-months in [0, b] with R2 are at most those with R1
    fc.assert(
      fc.property(real(0, 120), real(0, 60), real(0, 60), real(0, 360), (T, r1, r2, b) => {
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(installedShare(0, b, T, hi)).toBeLessThanOrEqual(
          installedShare(0, b, T, lo) + tol(b)
        );
      })
    );
  });

  it("additive over adjacent intervals", () => {
    // Given a <= m <= b
    // Then share(a, m) + share(m, b) = share(a, b)
    fc.assert(
      fc.property(
        real(0, 120),
        real(0, 60),
        real(0, 360),
        real(0, 360),
        real(0, 360),
        (T, R, x, y, z) => {
          const [a, m, b] = [x, y, z].sort((p, q) => p - q);
          const whole = installedShare(a, b, T, R);
          expect(
            Math.abs(installedShare(a, m, T, R) + installedShare(m, b, T, R) - whole)
          ).toBeLessThanOrEqual(tol(whole) * 10);
        }
      )
    );
  });
});

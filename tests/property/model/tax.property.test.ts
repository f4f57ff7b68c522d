/** Tax: at a 0 % rate after-tax flows equal pre-tax flows exactly; depreciation never exceeds the basis. */
import fc from "fast-check";
import { afterTaxFlows, itDepreciation } from "../../../src/model/finance";

const real = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true });

describe("tax properties", () => {
  it("a 0 % rate leaves the flows unchanged", () => {
    // Given any flows, deductions and depreciation
    // When the tax rate is 0
    // Then after-tax equals pre-tax exactly
    fc.assert(
      fc.property(
        fc.array(fc.tuple(real(-1e9, 1e9), real(0, 1e9), real(0, 1e9)), {
          minLength: 1,
          maxLength: 31,
        }),
        (rows) => {
          const pre = rows.map((r) => r[0]);
          const after = afterTaxFlows(
            pre,
            rows.map((r) => r[1]),
            rows.map((r) => r[2]),
            0
          );
          expect(after).toEqual(pre);
        }
      )
    );
  });

  it("IT depreciation never exceeds the basis", () => {
    // Given any basis, placed year, bonus share and horizon
    // Then the depreciation over the horizon sums to at most the basis
    fc.assert(
      fc.property(
        real(0, 1e9),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        real(0, 1),
        (basis, horizon, placed, bonus) => {
          const year = Math.min(placed, horizon);
          const total = itDepreciation(basis, year, bonus, horizon).reduce((a, b) => a + b, 0);
          // Relative slack for rounding, plus an absolute one: subnormal bases round up in the last bit.
          expect(total).toBeLessThanOrEqual(basis * (1 + 1e-12) + 1e-300);
        }
      )
    );
  });
});

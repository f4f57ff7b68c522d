/** IRR: the NPV at the returned rate is ~0. */
import fc from "fast-check";
import { irr } from "../../../src/model/finance";

describe("irr properties", () => {
  it("npv at the returned rate is ~0", () => {
    // Given an investment followed by savings (one sign change)
    // When an IRR is found
    // Then the NPV at it is ~0 relative to the size of the flows
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (invest, savings) => {
          const flows = [-invest, ...savings];
          const r = irr(flows);
          if (r === null) return;
          expect(r).toBeGreaterThan(-1);
          let npv = 0;
          for (let y = 0; y < flows.length; y++) npv += flows[y] / Math.pow(1 + r, y);
          const scale = flows.reduce((s, f) => s + Math.abs(f), 0);
          expect(Math.abs(npv)).toBeLessThanOrEqual(1e-6 * scale);
        }
      )
    );
  });
});

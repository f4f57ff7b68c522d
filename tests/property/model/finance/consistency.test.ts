/** Structural properties: monotone build time, NPV of the returned flows, per-hour and rent identities. */
import fc from "fast-check";
import {
  buildCashFlows,
  buildMonths,
  compareOptions,
  constructionMonths,
  npv,
  rentCashFlows,
  rentCost,
  sumFlows,
} from "../../../../src/model/finance";
import { validBuild, validCompare, validRent } from "../../../support/model/finance/arbitraries";

const real = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true });

describe("build time by site size", () => {
  // Given two site sizes a <= b
  it("never builds a larger site faster", () => {
    fc.assert(
      fc.property(
        real(0, 1e5),
        real(0, 1e5),
        real(0, 120),
        real(0, 2000),
        real(0, 50),
        fc.boolean(),
        real(0, 120),
        (x, y, base, ref, per100, grid, gridMonths) => {
          // When construction and build months are computed
          const [a, b] = x <= y ? [x, y] : [y, x];
          // Then the larger site never takes less time
          expect(constructionMonths(a, base, ref, per100)).toBeLessThanOrEqual(
            constructionMonths(b, base, ref, per100)
          );
          expect(buildMonths(a, base, ref, per100, grid, gridMonths)).toBeLessThanOrEqual(
            buildMonths(b, base, ref, per100, grid, gridMonths)
          );
          expect(buildMonths(a, base, ref, per100, grid, gridMonths)).toBeGreaterThanOrEqual(
            constructionMonths(a, base, ref, per100)
          );
        }
      )
    );
  });
});

describe("consistency of valid inputs", () => {
  // Given any valid build, rent and comparison
  it("returns cash flows that reproduce the NPVs, totals and differences", () => {
    fc.assert(
      fc.property(validBuild, validRent, validCompare, (b, r, c) => {
        // When compared
        const result = compareOptions(b, r, c);
        // Then npv(compare.cashflows) equals compare's NPVs and the totals and differences add up
        expect(npv(c.discountRate, result.cashflows.build)).toBe(result.npvBuild);
        expect(npv(c.discountRate, result.cashflows.rent)).toBe(result.npvRent);
        expect(result.cashflows.build).toEqual(buildCashFlows(b, c.horizonYears));
        expect(result.cashflows.rent).toEqual(rentCashFlows(r, c.horizonYears));
        expect(result.cashflows.build).toHaveLength(c.horizonYears + 1);
        expect(result.tcoBuild).toBe(sumFlows(result.cashflows.build));
        expect(result.difference).toBe(result.npvBuild - result.npvRent);
        expect(result.differenceWithDelay).toBe(result.difference + result.costOfDelay);
        expect(result.costOfDelay).toBe(
          (result.deliveredGpuHoursRent - result.deliveredGpuHoursBuild) * c.valuePerGpuHour
        );
      })
    );
  });

  it("rents at exactly the rate per delivered GPU-hour", () => {
    fc.assert(
      fc.property(validBuild, validRent, validCompare, (b, r, c) => {
        const flat = { ...r, annualPriceChange: 0, gpuCount: r.gpuCount + 1 };
        fc.pre(flat.leadTimeMonths < 12 * c.horizonYears);
        // When the rent price is flat and capacity arrives within the horizon
        const result = compareOptions(b, flat, c);
        // Then rent costs exactly its rate per delivered GPU-hour
        expect(result.costPerGpuHourRent).not.toBeNull();
        expect(result.costPerGpuHourRent as number).toBeCloseTo(flat.ratePerGpuHour, 9);
      })
    );
  });

  it("adds yearly rent flows up to rentCost", () => {
    fc.assert(
      fc.property(validRent, fc.integer({ min: 1, max: 30 }), (r, horizon) => {
        // When there is no lead time
        const noLead = { ...r, leadTimeMonths: 0 };
        const total = sumFlows(rentCashFlows(noLead, horizon));
        const expected = rentCost(
          noLead.gpuCount,
          12 * horizon,
          noLead.ratePerGpuHour,
          noLead.annualPriceChange
        );
        // Then the yearly rent flows add up to rentCost over 12H months (usage years = calendar years)
        expect(Math.abs(total - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
      })
    );
  });

  it("never lets the residual exceed capex", () => {
    fc.assert(
      fc.property(validBuild, fc.integer({ min: 1, max: 30 }), (b, horizon) => {
        const flows = buildCashFlows(b, horizon);
        // When the build's residual is subtracted
        const scale = Math.max(1, ...flows.map(Math.abs));
        // Then build cash flows never add up to less than 0 (residual <= capex)
        expect(sumFlows(flows)).toBeGreaterThanOrEqual(-1e-12 * scale * flows.length);
      })
    );
  });
});

import {
  buildCashFlows,
  compareBridge,
  compareOptions,
  evaluateRoute,
  cleanCostOwned,
  type BuildInputs,
  type RentInputs,
} from "../../../../src/model/finance";
import { SMALL } from "../../../support/model/finance/routes";

/**
 * The route fixtures' SMALL (8 GPUs at $10,000, no networking: IT $80,000; 1 kW each, PUE 1, full draw,
 * $0.10/kWh; no staff, colocation or facility; IT life 4 years) without maintenance, first capacity at month 12.
 */
const BUILD: BuildInputs = { ...SMALL, maintenanceShareOfHwPerYear: 0, buildMonths: 12 };
/** 8 GPUs at $2/GPU-hour, flat, from month 0. */
const RENT: RentInputs = {
  gpuCount: 8,
  ratePerGpuHour: 2,
  annualPriceChange: 0,
  leadTimeMonths: 0,
};
const COMPARE = { horizonYears: 2, discountRate: 0, valuePerGpuHour: 2 };

describe("compareBridge", () => {
  it("prices the build plus the rental until the build runs", () => {
    // Given the bridge with no overlap and no minimum term
    const result = compareBridge(BUILD, RENT, COMPARE, { overlapMonths: 0, minimumTermMonths: 0 });
    // Then by hand: build year 1 IT $80,000; year 2 energy 8 kW x 8,760 h x $0.10 = $7,008 minus the
    // residual 80,000 x (1 - 1/4) = $60,000 (one of four years used) = -$52,992;
    // the rental runs months 0-12: 8 x 8,760 h x $2 = $140,160 in year 1.
    expect(result.cashflows.build).toEqual([0, 220_160, -52_992]);
    expect(result.npvBuild).toBeCloseTo(167_168, 6);
    // And renting only costs 2 x 140,160 = 280,320, so the bridge is $113,152 cheaper
    expect(result.npvRent).toBeCloseTo(280_320, 6);
    expect(result.difference).toBeCloseTo(-113_152, 6);
    // And it delivers as many GPU-hours as renting (8 x 8,760 rented + 8 x 8,760 owned): no cost of delay
    expect(result.deliveredGpuHoursBuild).toBeCloseTo(140_160, 6);
    expect(result.costOfDelay).toBeCloseTo(0, 6);
    expect(result.monthsToCapacityBuild).toBe(0);
  });

  it("rents for at least the offer's minimum term, without counting the overlap twice", () => {
    // Given an 18-month minimum term
    const result = compareBridge(BUILD, RENT, COMPARE, { overlapMonths: 0, minimumTermMonths: 18 });
    // Then 6 more months of rent in year 2: 8 x 6 x 730 h x $2 = $70,080, so NPV 167,168 + 70,080 = 237,248
    expect(result.cashflows.build[2]).toBeCloseTo(-52_992 + 70_080, 6);
    expect(result.npvBuild).toBeCloseTo(237_248, 6);
    // And the owned fleet already runs then: delivered GPU-hours stay 140,160
    expect(result.deliveredGpuHoursBuild).toBeCloseTo(140_160, 6);
  });

  it("reduces to the v1 build when the rental never starts before the horizon", () => {
    // Given a rental that starts after the horizon (lead time 24 months = 2 years)
    const late = { ...RENT, leadTimeMonths: 24 };
    const bridge = compareBridge(BUILD, late, COMPARE, { overlapMonths: 0, minimumTermMonths: 0 });
    const v1 = compareOptions(BUILD, late, COMPARE);
    // Then the bridge's flows are the v1 build's
    expect(bridge.cashflows.build).toEqual(buildCashFlows(BUILD, 2));
    expect(bridge.npvRent).toBe(v1.npvRent);
  });

  it("uses a clean-cost owned fleet that the engine prices as v1", () => {
    // Given the clean-cost owned fleet alone
    const owned = evaluateRoute(
      {
        label: "own",
        owned: cleanCostOwned(BUILD),
        rented: null,
        overlapMonths: 0,
        work: { productiveUtilization: 1, goodput: 1 },
      },
      { horizonYears: 2, discountRate: 0, taxRate: 0, valuePerUsefulGpuHour: 0 }
    );
    // Then its flows are the v1 build's: [0, 80,000, -52,992]
    expect(owned.flows.total).toEqual([0, 80_000, -52_992]);
  });
});

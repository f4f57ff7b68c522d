import {
  optionRoutes,
  optionsTable,
  OPTIONS_HEADER,
  type OptionParts,
} from "../../../src/model/options";
import { applyRouteOverrides, applySettingsOverrides } from "../../../src/model/overrides";
import {
  ALL_USEFUL,
  neutralOwned,
  neutralRented,
  route,
  settings,
  SMALL,
} from "../../support/model/finance/routes";

/** SMALL (8 GPUs, IT $80,000, 8 kW at $0.10/kWh, maintenance $8,000/yr) owned from month 0, renting at $2. */
const OWNED = neutralOwned({ ...SMALL, buildMonths: 0 });
const RENTED = neutralRented({
  gpuCount: 8,
  ratePerGpuHour: 2,
  annualPriceChange: 0,
  leadTimeMonths: 0,
});
const PARTS: OptionParts = {
  onDemand: RENTED,
  reserved: "no 1yr or 3yr offer for X in the library",
  colocation: OWNED,
  standard: neutralOwned({ ...SMALL, buildMonths: 12 }),
  fastTrack: OWNED,
  bridgeRental: RENTED,
  overlapMonths: 0,
  work: ALL_USEFUL,
};

describe("optionRoutes", () => {
  it("builds the six routes, the bridge from the standard build and its rental", () => {
    const routes = optionRoutes(PARTS);
    expect(routes).toHaveLength(6);
    // Then the missing offer is its reason, and the bridge owns the standard build and rents
    expect(routes[1]).toBe("no 1yr or 3yr offer for X in the library");
    const bridge = routes[5];
    if (typeof bridge === "string") throw new Error("bridge not priced");
    expect(bridge.owned).toBe(PARTS.standard);
    expect(bridge.rented).toBe(RENTED);
  });
});

describe("optionsTable", () => {
  it("keeps an unpriced route's row with its reason and prices the rest", () => {
    // Given 2 years, no discounting, a useful GPU-hour worth $2
    const rows = optionsTable(PARTS, settings(2, { valuePerUsefulGpuHour: 2 }));
    expect(rows[0]).toEqual([...OPTIONS_HEADER]);
    // Then the reserved row carries the reason in every column
    expect(rows[2]).toEqual(["Rent reserved", ...Array(6).fill(PARTS.reserved)]);
    // And renting on demand costs 8 x 17,520 h x $2 = $280,320 over 2 years, 140,160 useful GPU-hours
    expect(rows[1][1]).toBeCloseTo(280_320, 6);
    expect(rows[1][5]).toBeCloseTo(140_160, 6);
    // And the standard build, a year late, delivers 70,080 fewer: 70,080 x $2 = $140,160 of delay
    const standard = rows[4];
    expect((standard[2] as number) - (standard[1] as number)).toBeCloseTo(140_160, 6);
    expect(standard[4]).toBe(12);
  });

  it("applies the adjustment to every priced route", () => {
    // Given an adjustment halving productive utilization
    const half = (r: Parameters<typeof applyRouteOverrides>[0]) =>
      applyRouteOverrides(r, { productiveUtilization: 0.5 });
    const rows = optionsTable(PARTS, settings(2), half);
    // Then renting on demand delivers 140,160 x 0.5 = 70,080 useful GPU-hours
    expect(rows[1][5]).toBeCloseTo(70_080, 6);
  });
});

describe("route overrides", () => {
  it("set useful work, ramp, spares, outages, grid month and overlap", () => {
    const base = route(OWNED, RENTED);
    const changed = applyRouteOverrides(base, {
      productiveUtilization: 0.6,
      goodput: 0.85,
      rampMonths: 3,
      sparesShare: 0.1,
      outageHoursPerYear: 5,
      gridMonths: 9,
      hardwarePriceChange: -0.3,
      overlapMonths: 2,
    });
    expect(changed.work).toEqual({ productiveUtilization: 0.6, goodput: 0.85 });
    expect(changed.overlapMonths).toBe(2);
    expect(changed.owned).toMatchObject({
      rampMonths: 3,
      sparesShare: 0.1,
      hardwarePriceChange: -0.3,
    });
    expect(changed.owned?.power).toMatchObject({ outageHoursPerYear: 5, gridMonths: 9 });
    // And nothing else moves
    expect(changed.rented).toBe(base.rented);
    expect(applyRouteOverrides(base, {})).toEqual(base);
  });

  it("switch the IT residual to the market decline, or off", () => {
    const base = route(OWNED, null);
    expect(applyRouteOverrides(base, { marketResidual: true }).owned?.residual).toBe("market");
    expect(applyRouteOverrides(base, { marketResidual: false }).owned?.residual).toBe(
      "straight-line"
    );
    // "residual" 0 leaves no residual whatever the rule
    expect(
      applyRouteOverrides(base, { residual: false, marketResidual: true }).owned?.residual
    ).toBe("none");
  });

  it("set the tax rate, discount rate and value of a useful GPU-hour", () => {
    expect(
      applySettingsOverrides(settings(5), { taxRate: 0.21, discountRate: 0.1, valuePerGpuHour: 3 })
    ).toEqual({ horizonYears: 5, discountRate: 0.1, taxRate: 0.21, valuePerUsefulGpuHour: 3 });
  });
});

import fc from "fast-check";
import {
  COST_LINES,
  linePresentValues,
  optionLinesTable,
  optionRoutes,
  optionsTable,
  OPTION_LABELS,
  OPTION_LINES_HEADER,
  OPTIONS_HEADER,
  type OptionParts,
} from "../../../src/model/options";
import { evaluateRoute, npv } from "../../../src/model/finance";
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

describe("optionLinesTable", () => {
  const CENT = 0.005;

  it("spills a header and one row per cost line, the unpriced route's reason in its column", () => {
    // Given the parts, 2 years, no discounting
    const rows = optionLinesTable(PARTS, settings(2));
    // Then the header names the cost line column and the six routes, and there is a row per line
    expect(rows[0]).toEqual(["Cost line (present value, USD)", ...OPTION_LABELS]);
    expect(rows[0]).toEqual([...OPTION_LINES_HEADER]);
    expect(rows.map((r) => r[0]).slice(1)).toEqual(COST_LINES.map(([, label]) => label));
    // And rent reserved (column 2) has the reason in every line
    for (const row of rows.slice(1)) expect(row[2]).toBe(PARTS.reserved);
    // And renting on demand is all rent: 8 GPUs x 17,520 h x $2 = $280,320 (as OPTIONS' NPV above)
    const rentRow = rows.find((r) => r[0] === "Rent");
    expect(rentRow?.[1]).toBeCloseTo(280_320, 6);
    for (const row of rows.slice(1)) if (row[0] !== "Rent") expect(row[1]).toBe(0);
  });

  it("adds up to OPTIONS' NPV for all six routes, to the cent", () => {
    // Given a 7 % discount rate, 21 % tax and every route priced
    const priced: OptionParts = { ...PARTS, reserved: RENTED };
    const s = settings(5, { discountRate: 0.07, taxRate: 0.21, valuePerUsefulGpuHour: 2 });
    const lines = optionLinesTable(priced, s);
    const table = optionsTable(priced, s);
    // Then each route's lines sum to its NPV (after tax) in OPTIONS
    for (let k = 1; k <= 6; k++) {
      const sum = lines.slice(1).reduce((acc, row) => acc + (row[k] as number), 0);
      expect(Math.abs(sum - (table[k][1] as number))).toBeLessThan(CENT);
    }
  });

  it("prices each line as the NPV of its yearly flows", () => {
    // Given the standard build route over 3 years at 10 %
    const route = optionRoutes(PARTS)[3];
    if (typeof route === "string") throw new Error("not priced");
    const s = settings(3, { discountRate: 0.1 });
    const flows = evaluateRoute(route, s).flows;
    // Then each line is npv(10 %, line) and their sum the route's NPV
    const pv = linePresentValues(flows, 0.1);
    for (const [line] of COST_LINES) expect(pv[line]).toBe(npv(0.1, flows[line]));
    const sum = COST_LINES.reduce((acc, [line]) => acc + pv[line], 0);
    expect(Math.abs(sum - npv(0.1, flows.afterTax))).toBeLessThan(CENT);
  });

  it("sums to the NPV at any rate, tax and horizon", () => {
    // Given any discount rate, tax rate, bonus share and horizon
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 12 }),
        (discountRate, taxRate, bonusDepreciationShare, years) => {
          const priced: OptionParts = { ...PARTS, reserved: RENTED };
          const s = settings(years, { discountRate, taxRate, bonusDepreciationShare });
          const lines = optionLinesTable(priced, s);
          const table = optionsTable(priced, s);
          // Then every route's lines add up to its NPV, to the cent
          for (let k = 1; k <= 6; k++) {
            const sum = lines.slice(1).reduce((acc, row) => acc + (row[k] as number), 0);
            expect(Math.abs(sum - (table[k][1] as number))).toBeLessThan(CENT);
          }
        }
      ),
      { numRuns: 60 }
    );
  });
});

import {
  buildCashFlows,
  compareRoutes,
  deliveredGpuHours,
  evaluateRoute,
  rentCashFlows,
  RESTART_HOURS_PER_OUTAGE_DEFAULT,
} from "../../../../src/model/finance";
import type { RouteResult } from "../../../../src/model/finance";
import { BUILD, expectModelError, RENT } from "../../../support/model/finance/fixtures";
import {
  NEUTRAL_POWER,
  neutralOwned,
  neutralRented,
  route,
  settings,
  SMALL,
  SMALL_RENT,
} from "../../../support/model/finance/routes";

const TWO_PHASES = [
  { offsetMonths: 0, share: 0.5 },
  { offsetMonths: 6, share: 0.5 },
];

function expectRow(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, y) => expect(actual[y]).toBeCloseTo(v, 6));
}

/** Equal to 1e-6 relative (v1 against v2 arithmetic). */
function expectFlows(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, y) => {
    expect(Math.abs(actual[y] - v)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(v)));
  });
}

describe("evaluateRoute reduces to v1", () => {
  it.each([6, 18, 40])("matches buildCashFlows with neutral v2 inputs (T = %d)", (T) => {
    // Given the v1 BUILD fixture with every v2 input off (no ramp, one phase, no spares, grid without
    // outages, no price change, straight-line residual, no tax, no rent) over 3 years
    const b = { ...BUILD, buildMonths: T };
    // When the route is evaluated
    const result = evaluateRoute(route(neutralOwned(b), null), settings(3));
    // Then its pre-tax flows and delivered hours are v1's (T = 40 is beyond the horizon: IT in year 3,
    // fully recovered)
    expectFlows(result.flows.total, buildCashFlows(b, 3));
    expect(result.deliveredGpuHours).toBeCloseTo(deliveredGpuHours(b.gpuCount, T, 3), 3);
  });

  it("matches rentCashFlows with a neutral rented fleet", () => {
    // Given the v1 RENT fixture billed on every hour, fully available, to the horizon
    const result = evaluateRoute(route(null, neutralRented(RENT)), settings(3));
    // Then the rent line is v1's
    expectFlows(result.flows.rent, rentCashFlows(RENT, 3));
    expectFlows(result.flows.total, rentCashFlows(RENT, 3));
  });
});

describe("evaluateRoute: a small phased build by hand", () => {
  // Given 8 GPUs (SMALL: IT $80,000, 8 kW, $0.10/kWh, maintenance $8,000/yr, first capacity month 6),
  // a 6-month ramp, two phases of 4 GPUs (offsets 0 and 6), goodput 0.9, productive utilization 0.8,
  // a 2-year horizon
  const owned = neutralOwned(SMALL, { rampMonths: 6, phases: TWO_PHASES });
  const r = route(owned, null, { work: { goodput: 0.9, productiveUtilization: 0.8 } });
  const result = evaluateRoute(r, settings(2));

  it("delivers the ramped GPU-months", () => {
    // Phase 1 ramps 6 -> 12, phase 2 ramps 12 -> 18.
    // Year 1 (months 0-12): phase 1 has half a ramp, 6 months x 1/2 = 3 months per GPU x 4 = 12 GPU-months.
    // Year 2 (12-24): phase 1 full, 12 x 4 = 48; phase 2 half a ramp (3) + 6 full = 9 x 4 = 36; total 84.
    // Delivered = (12 + 84) x 730 = 70,080 GPU-hours; useful = 70,080 x 0.9 x 0.8 = 50,457.6
    expect(result.deliveredGpuHours).toBeCloseTo(70_080, 6);
    expect(result.usefulGpuHours).toBeCloseTo(50_457.6, 6);
    expect(result.monthsToCapacity).toBe(6);
  });

  it("prices the yearly lines", () => {
    // Energy: year 1 12 GPU-months x 730 h x 1 kW x $0.10 = $876; year 2 84 x 73 = $6,132.
    // Other opex: $8,000 x 12/96 = $1,000; $8,000 x 84/96 = $7,000.
    // IT: both phases bought in year 1 (months 6 and 12), $40,000 each.
    // Residual at month 24: phase 1 used 1.5 of 4 years -> $40,000 x 0.625 = $25,000; phase 2 used 1 year
    // -> $30,000; -$55,000.
    // Totals: year 1 80,000 + 876 + 1,000 = 81,876; year 2 6,132 + 7,000 - 55,000 = -41,868.
    expectRow(result.flows.energy, [0, 876, 6_132]);
    expectRow(result.flows.otherOpex, [0, 1_000, 7_000]);
    expectRow(result.flows.itCapex, [0, 80_000, 0]);
    expectRow(result.flows.residual, [0, 0, -55_000]);
    expectRow(result.flows.total, [0, 81_876, -41_868]);
    // Undiscounted: 81,876 - 41,868 = 40,008; per delivered GPU-hour 40,008 / 70,080 = 0.570890
    expect(result.totalCost).toBeCloseTo(40_008, 6);
    expect(result.costPerDeliveredGpuHour).toBeCloseTo(0.57089, 5);
    expect(result.peakCapital).toBeCloseTo(81_876, 6);
  });

  it("taxes it at 21 %", () => {
    // Given the same route at tax rate 0.21
    const taxed = evaluateRoute(r, settings(2, { taxRate: 0.21 }));
    // Then year 1: deductible 876 + 1,000 = 1,876, MACRS 0.20 x 80,000 = 16,000 -> -0.21 x 17,876 = -3,753.96;
    // year 2: deductible 13,132, MACRS 0.32 x 80,000 = 25,600 -> -0.21 x 38,732 = -8,133.72, plus the sale:
    // proceeds 55,000 - undepreciated 80,000 - 41,600 = 38,400 -> gain 16,600 x 0.21 = +3,486; = -4,647.72.
    // After tax: 78,122.04 and -46,515.72, sum 31,606.32 (= 0.79 x 40,008)
    expectRow(taxed.flows.tax, [0, -3_753.96, -4_647.72]);
    expectRow(taxed.flows.afterTax, [0, 78_122.04, -46_515.72]);
    expect(taxed.totalCost).toBeCloseTo(31_606.32, 6);
    expect(taxed.peakCapital).toBeCloseTo(78_122.04, 6);
  });

  it("prices IT bought later at the declined hardware price", () => {
    // Given a -30 %/yr hardware price change
    const cheaper = evaluateRoute(
      route({ ...owned, hardwarePriceChange: -0.3 }, null),
      settings(2)
    );
    // Then phase 1 (month 6): $40,000 x 0.7^0.5 = 40,000 x 0.836660 = $33,466.40; phase 2 (month 12):
    // $40,000 x 0.7 = $28,000; both in year 1: $61,466.40
    expect(cheaper.flows.itCapex[1]).toBeCloseTo(61_466.4, 1);
  });
});

describe("evaluateRoute: rented fleet", () => {
  it("bills used hours so the cost per useful hour is rate / goodput", () => {
    // Given 10 GPUs at $2 for 1 year, billed on used hours, SLA 0.99, goodput 0.9, productive utilization 0.8
    const r = route(
      null,
      neutralRented(SMALL_RENT, { billing: "used-hours", availability: 0.99 }),
      {
        work: { goodput: 0.9, productiveUtilization: 0.8 },
      }
    );
    const result = evaluateRoute(r, settings(1));
    // Then billed 10 x 8,760 x 0.99 x 0.8 = 69,379.2 h x $2 = $138,758.40;
    // useful 69,379.2 x 0.9 = 62,441.28 h; $138,758.40 / 62,441.28 = $2.2222 = $2 / 0.9
    expect(result.flows.rent[1]).toBeCloseTo(138_758.4, 6);
    expect(result.usefulGpuHours).toBeCloseTo(62_441.28, 6);
    expect(result.costPerUsefulGpuHour).toBeCloseTo(2.2222222222, 9);
  });

  it("bills every hour on a reserved term", () => {
    // Given the same fleet billed on all hours
    const r = route(null, neutralRented(SMALL_RENT, { availability: 0.99 }), {
      work: { goodput: 0.9, productiveUtilization: 0.8 },
    });
    // Then 10 x 8,760 x $2 = $175,200 whatever is used
    expect(evaluateRoute(r, settings(1)).flows.rent[1]).toBeCloseTo(175_200, 6);
  });

  it("stops at the end month but not before the minimum term", () => {
    // Given 10 GPUs from month 0 ending at month 6 with a 9-month minimum term, 1 year
    const r = route(null, neutralRented(SMALL_RENT, { endMonth: 6, minimumTermMonths: 9 }));
    // Then 9 months are billed: 10 x 9 x 730 x $2 = $131,400
    expect(evaluateRoute(r, settings(1)).flows.rent[1]).toBeCloseTo(131_400, 6);
  });

  it("lowers a pure rent's cost by exactly the tax rate (rent is deductible)", () => {
    // Given the v1 RENT fixture (1,000 GPUs, $2, -10 %/yr, from month 3) over 3 years at 10 %, tax 21 %
    const pre = evaluateRoute(route(null, neutralRented(RENT)), settings(3, { discountRate: 0.1 }));
    const taxed = evaluateRoute(
      route(null, neutralRented(RENT)),
      settings(3, { discountRate: 0.1, taxRate: 0.21 })
    );
    // Then rent 9/12 x 8,760 x 1,000 x $2 = 13,140,000; 8,760,000 x 1.8 = 15,768,000; x 1.62 = 14,191,200;
    // sum 43,099,200 -> after tax 0.79 x 43,099,200 = 34,048,368.
    // NPV: 13,140,000 / 1.1 + 15,768,000 / 1.21 + 14,191,200 / 1.331 = 11,945,454.545 + 13,031,404.959
    // + 10,662,058.603 = 35,638,918.107 -> after tax x 0.79 = 28,154,745.30
    expect(pre.totalCost).toBeCloseTo(43_099_200, 4);
    expect(taxed.totalCost).toBeCloseTo(34_048_368, 4);
    expect(taxed.npvPreTax).toBeCloseTo(35_638_918.107, 2);
    expect(taxed.npv).toBeCloseTo(28_154_745.3, 1);
  });
});

describe("evaluateRoute: spares, power and residual", () => {
  it("5 % spares covering 5 % needed: hardware availability 1, IT and maintenance x 1.05", () => {
    // Given BUILD (1,000 GPUs, IT $50M, maintenance $5M/yr, staff $100k/yr, month 6) with 5 % spares, 3 years
    const result = evaluateRoute(
      route(neutralOwned(BUILD, { sparesShare: 0.05, sparesNeeded: 0.05 }), null),
      settings(3)
    );
    // Then IT $50M x 1.05 = $52.5M in year 1; year 2 other opex $5M x 1.05 + $100k = $5.35M;
    // useful = delivered = 1,000 x 30 months x 730 = 21,900,000 (no loss)
    expect(result.flows.itCapex[1]).toBeCloseTo(52_500_000, 4);
    expect(result.flows.otherOpex[2]).toBeCloseTo(5_350_000, 4);
    expect(result.usefulGpuHours).toBeCloseTo(21_900_000, 4);
  });

  it("too few spares leave part of the fleet idle", () => {
    // Given no spares where 5 % are needed
    const result = evaluateRoute(
      route(neutralOwned(BUILD, { sparesNeeded: 0.05 }), null),
      settings(3)
    );
    // Then availability 1 / 1.05: 21,900,000 / 1.05 = 20,857,142.857
    expect(result.usefulGpuHours).toBeCloseTo(20_857_142.857, 2);
  });

  const gridWithOutages = {
    ...NEUTRAL_POWER,
    outageHoursPerYear: 6.11,
    outagesPerYear: 1.35,
    restartHoursPerOutage: RESTART_HOURS_PER_OUTAGE_DEFAULT,
  };

  it("loses the outage hours on the grid alone", () => {
    // Given 6.11 outage hours in 1.35 outages a year, 0.278112 h of work lost per outage, no backup
    const result = evaluateRoute(
      route(neutralOwned(BUILD, { power: gridWithOutages }), null),
      settings(3)
    );
    // Then lost 6.11 + 1.35 x 0.278112 = 6.485451 h/yr, availability 1 - 6.485451 / 8,760 = 0.99925965;
    // useful 21,900,000 x 0.99925965 = 21,883,786.4
    expect(result.usefulGpuHours).toBeCloseTo(21_883_786.4, 0);
  });

  it("a battery covering the average outage makes power availability 1", () => {
    // Given 5 hours of battery (average outage 6.11 / 1.35 = 4.53 h) at $300/kWh
    const power = {
      ...gridWithOutages,
      kind: "grid+battery" as const,
      batteryHours: 5,
      batteryCostPerKwh: 300,
    };
    const result = evaluateRoute(route(neutralOwned(BUILD, { power }), null), settings(3));
    // Then nothing is lost: useful = 21,900,000; battery 1.25 MW x 1,000 x 5 h x $300 = $1,875,000 in year 0;
    // residual: IT $50M x (1 - 2.5/5) = $25M, facility + battery $11.875M x (1 - 3/10) = $8,312,500
    expect(result.usefulGpuHours).toBeCloseTo(21_900_000, 4);
    expectRow(result.flows.powerCapex, [1_875_000, 0, 0, 0]);
    expect(result.flows.residual[3]).toBeCloseTo(-33_312_500, 4);
  });

  it("an on-site bridge prices energy before the grid at the on-site price", () => {
    // Given SMALL from month 0, grid at month 18, on-site power $0.20/kWh and $1,000/kW, 2 years
    const power = {
      ...NEUTRAL_POWER,
      kind: "onsite-bridge" as const,
      gridMonths: 18,
      onsitePricePerKwh: 0.2,
      onsiteCostPerKw: 1_000,
    };
    const result = evaluateRoute(
      route(neutralOwned({ ...SMALL, buildMonths: 0 }, { power }), null),
      settings(2)
    );
    // Then year 1: 96 GPU-months x 730 kWh x $0.20 = $14,016; year 2: 48 x 730 x $0.20 = $7,008 on-site
    // + 48 x 730 x $0.10 = $3,504 grid = $10,512; generation 8 kW x $1,000 = $8,000 in year 0
    expectRow(result.flows.energy, [0, 14_016, 10_512]);
    expectRow(result.flows.powerCapex, [8_000, 0, 0]);
  });

  it("market residual declines with age; unused hardware keeps its cost", () => {
    // Given SMALL (month 6, $80,000) with market residual -30 %/yr over 2 years
    const market = { residual: "market" as const, marketValueChange: -0.3 };
    const used = evaluateRoute(route(neutralOwned(SMALL, market), null), settings(2));
    // Then age 1.5 years: $80,000 x 0.7^1.5 = 80,000 x 0.585662 = $46,852.96
    expect(used.flows.residual[2]).toBeCloseTo(-46_852.96, 1);
    // Given first capacity at month 30, after the horizon: bought in year 2, sold at cost
    const unused = evaluateRoute(
      route(neutralOwned({ ...SMALL, buildMonths: 30 }, market), null),
      settings(2)
    );
    expect(unused.flows.itCapex[2]).toBeCloseTo(80_000, 6);
    expect(unused.flows.residual[2]).toBeCloseTo(-80_000, 6);
    // Given no residual at all
    const none = evaluateRoute(route(neutralOwned(SMALL, { residual: "none" }), null), settings(2));
    expect(none.flows.residual[2]).toBe(0);
  });
});

describe("evaluateRoute: tax rate 0", () => {
  it("after-tax flows and NPV are the pre-tax ones exactly", () => {
    // Given a bridge with every line present at 8 % discount, tax 0
    const owned = neutralOwned(BUILD, { rampMonths: 6, phases: TWO_PHASES, sparesShare: 0.05 });
    const result = evaluateRoute(
      route(owned, neutralRented(RENT), { overlapMonths: 3 }),
      settings(4, { discountRate: 0.08 })
    );
    // Then tax is all 0 and after tax === pre-tax
    result.flows.tax.forEach((t) => expect(t).toBe(0));
    result.flows.afterTax.forEach((v, y) => expect(v).toBe(result.flows.total[y]));
    expect(result.npv).toBe(result.npvPreTax);
  });
});

describe("evaluateRoute: the bridge", () => {
  // Given SMALL (8 GPUs) from month 12 with a 6-month ramp and phases at offsets 0 and 6 (fully ramped at
  // 12 + 6 + 6 = 24), 3 months of overlap, and 10 rented GPUs at $2 from month 2, 3 years
  const owned = neutralOwned({ ...SMALL, buildMonths: 12 }, { rampMonths: 6, phases: TWO_PHASES });
  const bridge = (minimumTermMonths: number, horizonYears: number): RouteResult =>
    evaluateRoute(
      route(owned, neutralRented({ ...SMALL_RENT, leadTimeMonths: 2 }, { minimumTermMonths }), {
        overlapMonths: 3,
      }),
      settings(horizonYears)
    );

  it("rents until the owned fleet is ramped plus the overlap", () => {
    // When the minimum term is 12 months: end = max(2 + 12, 24 + 3) = 27
    // Then rented months: year 1 10 x 10 = 100, year 2 120, year 3 10 x 3 = 30; x 730 x $2 = 1,460 each
    expectRow(bridge(12, 3).flows.rent, [0, 146_000, 175_200, 43_800]);
  });

  it("rents nothing when the rental could only start after the build runs", () => {
    // Given the rental's lead time 30 months, past full ramp + overlap (24 + 3 = 27), with a 12-month term
    const late = evaluateRoute(
      route(
        owned,
        neutralRented({ ...SMALL_RENT, leadTimeMonths: 30 }, { minimumTermMonths: 12 }),
        { overlapMonths: 3 }
      ),
      settings(3)
    );
    // Then no rent is paid (the end is the start), and the route is the build alone
    expectRow(late.flows.rent, [0, 0, 0, 0]);
    expect(late.monthsToCapacity).toBe(12);
  });

  it("rents at least the minimum term, at most to the horizon", () => {
    // When the minimum term is 36 months: end = max(2 + 36, 27) = 38, capped at 36
    expectRow(bridge(36, 3).flows.rent, [0, 146_000, 175_200, 175_200]);
    // When the horizon is 2 years: end = min(24, 27) = 24
    expectRow(bridge(12, 2).flows.rent, [0, 146_000, 175_200]);
  });

  it("counts the overlap once, up to the larger fleet, month by month", () => {
    // The ceiling is max(8, 10) = 10 GPUs, the rental's own count, so each month counts 10 minus what the
    // owned fleet has installed. Rental months 2-27: 10 x 25 = 250 GPU-months; owned installed in [2, 27]:
    // phase 1 (4 GPUs, ramp 12-18) 27 - 12 - 3 = 12 months x 4 = 48, phase 2 (4 GPUs, 18-24) 27 - 18 - 3 = 6
    // x 4 = 24, together 72; counted 250 - 72 = 178 (years: 100, 120 - 48 = 72, 30 - 24 = 6).
    // Owned GPU-months: year 2 phase 1 9 x 4 = 36 + phase 2 3 x 4 = 12 = 48; year 3 96.
    // Delivered (48 + 96 + 178) x 730 = 322 x 730 = 235,060
    const result = bridge(12, 3);
    expect(result.deliveredGpuHours).toBeCloseTo(235_060, 6);
    expect(result.monthsToCapacity).toBe(2);
  });

  it("counts the overlap month by month, so a rental ending mid-ramp counts only the gap", () => {
    // Given 100 owned GPUs from month 0 and 100 rented from month 6, 1 year, no overlap
    const b = { ...SMALL, gpuCount: 100, buildMonths: 0 };
    const rented = neutralRented({ ...SMALL_RENT, gpuCount: 100, leadTimeMonths: 6 });
    const delivered = (rampMonths: number): number =>
      evaluateRoute(route(neutralOwned(b, { rampMonths }), rented), settings(1)).deliveredGpuHours;
    // When the ramp is 6 months: end = max(6, 6) = 6, nothing rented; owned (12 - 3) x 100 = 900 GPU-months
    // When it is 12 months: end 12; owned 12^2 / 24 x 100 = 600; the rental counts only the owned gap in
    // months 6-12: 600 - 100 x (12^2 - 6^2) / 24 = 600 - 450 = 150; together 750 GPU-months
    // Then 900 x 730 = 657,000 > 750 x 730 = 547,500: the longer ramp delivers less, even bridged
    expect(delivered(6)).toBeCloseTo(657_000, 6);
    expect(delivered(12)).toBeCloseTo(547_500, 6);
  });
});

describe("compareRoutes", () => {
  it("charges the cost of delay against the best-delivering route", () => {
    // Given 10 rented GPUs from month 0 and SMALL (8 GPUs) from month 6, 1 year, $1 per useful GPU-hour
    const rent = route(null, neutralRented(SMALL_RENT), { label: "rent" });
    const build = route(neutralOwned(SMALL), null, { label: "build" });
    const cmp = compareRoutes([rent, build], settings(1, { valuePerUsefulGpuHour: 1 }));
    // Then rent delivers 10 x 8,760 = 87,600 (the most) and costs 87,600 x $2 = 175,200;
    // build delivers 8 x 6 x 730 = 35,040: delay (87,600 - 35,040) x $1 = 52,560.
    // Build year 1: IT 80,000 + energy 48 x 73 = 3,504 + maintenance 4,000 - residual 80,000 x (1 - 0.5/4)
    // = 70,000 -> 17,504; with delay 70,064
    expect(cmp.maxUsefulGpuHours).toBeCloseTo(87_600, 6);
    expectRow(cmp.costOfDelay, [0, 52_560]);
    expect(cmp.results[0].label).toBe("rent");
    expectRow(cmp.npvWithDelay, [175_200, 70_064]);
  });

  it("with discounting, a bridge can beat both pure routes (cost of delay is undiscounted)", () => {
    // Given 8 rented GPUs at $2 from month 0 (v = $2 per useful GPU-hour, all useful), SMALL (8 GPUs)
    // from month 24, and the bridge renting [0, 24]; 3 years at 10 %
    const small = neutralOwned({ ...SMALL, buildMonths: 24 });
    const rented = neutralRented({ ...SMALL_RENT, gpuCount: 8 });
    const cmp = compareRoutes(
      [route(null, rented), route(small, null), route(small, rented)],
      settings(3, { discountRate: 0.1, valuePerUsefulGpuHour: 2 })
    );
    // Then rent: 8 x 8,760 x $2 = 140,160 a year x (1/1.1 + 1/1.21 + 1/1.331 = 2.486852) = 348,557.18.
    // Build: IT 80,000 in year 2; year 3 energy 96 x 73 = 7,008 + maintenance 8,000 - residual
    // 80,000 x 3/4 = 60,000 -> -44,992: 80,000 / 1.21 - 44,992 / 1.331 = 66,115.70 - 33,803.16 = 32,312.54,
    // plus delay (36 - 12) x 8 x 730 x $2 = 280,320 -> 312,632.54.
    // Bridge: build + rent 140,160 x (1/1.1 + 1/1.21) = 243,252.89, no delay -> 275,565.43, below both:
    // the bridge's rent is discounted while the build's delay charge for the same hours is not.
    expect(cmp.npvWithDelay[0]).toBeCloseTo(348_557.18, 1);
    expect(cmp.npvWithDelay[1]).toBeCloseTo(312_632.54, 1);
    expect(cmp.npvWithDelay[2]).toBeCloseTo(275_565.43, 1);
  });

  it("rejects an empty list", () => {
    expectModelError(() => compareRoutes([], settings(1)), "routes", "type");
  });
});

describe("evaluateRoute: vanishing hours", () => {
  it("gives no cost per hour when the hours are too few for a finite ratio", () => {
    // Given SMALL from month 0 whose first phase is 5e-324 of the fleet (the smallest double) and whose
    // second starts at the 1-year horizon, and no residual value: delivered = 8 x 5e-324 x 12 x 730 rounds to
    // a few denormals, and the $80,000 the second phase costs divided by that overflows
    const phases = [
      { offsetMonths: 0, share: 5e-324 },
      { offsetMonths: 12, share: 1 },
    ];
    const result = evaluateRoute(
      route(neutralOwned({ ...SMALL, buildMonths: 0 }, { phases, residual: "none" }), null),
      settings(1)
    );
    // Then both ratios are null rather than an error
    expect(result.costPerUsefulGpuHour).toBeNull();
    expect(result.costPerDeliveredGpuHour).toBeNull();
  });
});

describe("evaluateRoute validation", () => {
  const owned = neutralOwned(SMALL);

  it.each([
    ["route", route(null, null)],
    [
      "power.kind",
      route({ ...owned, power: { ...NEUTRAL_POWER, kind: "diesel" as "grid" } }, null),
    ],
    [
      "power.outagesPerYear",
      route({ ...owned, power: { ...NEUTRAL_POWER, outageHoursPerYear: 1 } }, null),
    ],
    ["owned.sparesShare", route({ ...owned, sparesShare: -0.1 }, null)],
    ["owned.residual", route({ ...owned, residual: "book" as "none" }, null)],
    ["phases", route({ ...owned, phases: [{ offsetMonths: 0, share: 0.5 }] }, null)],
    ["rented.availability", route(null, neutralRented(SMALL_RENT, { availability: 1.5 }))],
    ["rented.endMonth", route(null, neutralRented(SMALL_RENT, { endMonth: -1 }))],
    ["route.overlapMonths", route(owned, null, { overlapMonths: -1 })],
    ["work.goodput", route(owned, null, { work: { goodput: 2, productiveUtilization: 1 } })],
    ["gpuCount", route(neutralOwned({ ...SMALL, gpuCount: -1 }), null)],
  ])("names %s", (field, r) => {
    let caught: unknown;
    try {
      evaluateRoute(r, settings(1));
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: "ModelInputError", field });
  });

  it("names taxRate", () => {
    expectModelError(
      () => evaluateRoute(route(owned, null), settings(1, { taxRate: 2 })),
      "taxRate",
      "range"
    );
  });
});

describe("bonus depreciation", () => {
  it("expenses the bonus share of IT in its booking year, the rest on MACRS", () => {
    // Given SMALL (IT $80,000 booked in year 1, first capacity month 12) at a 21 % tax rate, 3 years
    const owned = neutralOwned({ ...SMALL, buildMonths: 12 });
    const at = (bonus: number) =>
      evaluateRoute(
        route(owned, null),
        settings(3, { taxRate: 0.21, bonusDepreciationShare: bonus })
      ).flows.tax;
    // Then year 1 deducts 80,000 with 100 % bonus instead of MACRS year 1's 20 % = 16,000:
    // 0.21 x (80,000 - 16,000) = 13,440 more tax saved in year 1
    expect(at(1)[1] - at(0)[1]).toBeCloseTo(-13_440, 6);
    // And year 2 deducts nothing for IT instead of MACRS year 2's 32 % = 25,600: 0.21 x 25,600 = 5,376 less
    expect(at(1)[2] - at(0)[2]).toBeCloseTo(5_376, 6);
  });
});

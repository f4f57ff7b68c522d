import {
  discountedPaybackMonths,
  simplePaybackFor,
  simplePaybackMonths,
  type BuildInputs,
  type RentInputs,
} from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("simplePaybackMonths: peer cases", () => {
  // Given one 8-GPU server at $300,000, 10 kW, PUE 1.5, $0.13/kWh, colocation $200/kW-month,
  // no maintenance, network, discounting or residual.
  // Energy per year 10 x 1.5 x 8760 x 0.13 = 17,082; colocation per year 10 x 200 x 12 = 24,000.
  // 5-year own cost 300,000 + 5 x 17,082 + 5 x 24,000 = 505,410 = $1.442/GPU-hour (505,410 / (8 x 43,800)).

  it("one server against $12.29/GPU-hour", () => {
    // When rent is 8 x 730 x 12.29 = 71,773.6 per month and own opex (17,082 + 24,000) / 12 = 3,423.5
    // Then payback = 300,000 / 68,350.1 = 4.389 months
    const months = simplePaybackMonths(300_000, 8 * 730 * 12.29, (17_082 + 24_000) / 12);
    expect(months).toBeCloseTo(4.3892, 4);
  });

  it("1,000 GPUs against $2.50/GPU-hour", () => {
    // Given 125 servers: capex 37,500,000; own opex 125 x 41,082 / 12 = 427,937.5 per month
    // (5-year own cost 37,500,000 + 5 x 5,135,250 = 63,176,250)
    // When rent is 1,000 x 730 x 2.5 = 1,825,000 per month
    // Then payback = 37,500,000 / 1,397,062.5 = 26.842 months
    const months = simplePaybackMonths(37_500_000, 1_825_000, 427_937.5);
    expect(months).toBeCloseTo(26.842, 3);
  });

  it("is null when owning costs more to run than renting", () => {
    // When the monthly saving is <= 0
    // Then there is no payback
    expect(simplePaybackMonths(100, 50, 50)).toBeNull();
  });

  it("rejects a negative capex", () => {
    expectModelError(() => simplePaybackMonths(-1, 10, 0), "capex", "range");
  });
});

describe("discountedPaybackMonths", () => {
  it("interpolates inside the crossing year at rate 0", () => {
    // Given -100 at the decision, then +40 a year
    // Then cumulative -60, -20, +20: crossing in year 3, 12 x 2 + 12 x 20 / 40 = 30 months
    expect(discountedPaybackMonths([-100, 40, 40, 40], 0)).toBeCloseTo(30, 12);
  });

  it("discounts each year", () => {
    // Given -100, 55, 121 at 10 %
    // Then discounted 55 / 1.1 = 50 and 121 / 1.21 = 100; cumulative -100, -50, +50:
    // crossing in year 2, 12 + 12 x 50 / 100 = 18 months
    expect(discountedPaybackMonths([-100, 55, 121], 0.1)).toBeCloseTo(18, 9);
  });

  it("is null when it never pays back", () => {
    // Given -100, +40, +40
    // Then the cumulative stays at -20
    expect(discountedPaybackMonths([-100, 40, 40], 0)).toBeNull();
  });

  it("is 0 when there is nothing to pay back", () => {
    // Given savings from the start
    expect(discountedPaybackMonths([0, 10, 10], 0.07)).toBe(0);
  });

  it("rejects a rate of -1", () => {
    expectModelError(() => discountedPaybackMonths([-1, 2], -1), "discountRate", "range");
  });
});

describe("simplePaybackFor: the peer server as core inputs", () => {
  // One 8-GPU server at $300,000 (37,500 per GPU), 10 kW (1.25 kW per GPU), PUE 1.5, full draw, $0.13/kWh,
  // colocated at $200/kW-month; no network share, maintenance or staff.
  const server: BuildInputs = {
    gpuCount: 8,
    systemPricePerGpu: 37_500,
    networkShare: 0,
    systemPowerKwPerGpu: 1.25,
    facilityCapex: false,
    constructionCostPerMw: 0,
    capexMultiplier: 1,
    pue: 1.5,
    utilization: 1,
    powerPricePerKwh: 0.13,
    colocationPerKwMonth: 200,
    maintenanceShareOfHwPerYear: 0,
    staffCostPerMwYear: 0,
    buildMonths: 0,
    itDepreciationYears: 5,
    facilityLifeYears: 39,
  };
  const rentAt = (rate: number): RentInputs => ({
    gpuCount: 8,
    ratePerGpuHour: rate,
    annualPriceChange: 0,
    leadTimeMonths: 0,
  });

  it("pays back in 4.389 months against $12.29/GPU-hour", () => {
    // Given capex 8 x 37,500 = 300,000; own opex (17,082 energy + 24,000 colocation) / 12 = 3,423.5 a month;
    // rent 8 x 730 x 12.29 = 71,773.6 a month
    // Then 300,000 / 68,350.1 = 4.38917 months
    expect(simplePaybackFor(server, rentAt(12.29))).toBeCloseTo(4.38917, 5);
  });

  it("never pays back when rent is below own opex", () => {
    // Given rent 8 x 730 x 0.50 = 2,920 a month, below own opex 3,423.5
    // Then there is no payback
    expect(simplePaybackFor(server, rentAt(0.5))).toBeNull();
  });
});

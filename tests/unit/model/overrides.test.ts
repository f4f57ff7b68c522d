import { buildCashFlows, sumFlows } from "../../../src/model/finance";
import {
  applyBuildOverrides,
  applyCompareOverrides,
  applyRentOverrides,
  findOverride,
  OVERRIDE_NAMES,
  ROUTE_ONLY_KEYS,
  routeOnlyKeysIn,
} from "../../../src/model/overrides";
import { BUILD, RENT } from "../../support/model/finance/fixtures";

describe("findOverride", () => {
  it("ignores case and separators and knows the aliases", () => {
    // Given keys typed in other spellings
    // Then each finds its canonical key
    expect(findOverride("PUE")?.key).toBe("pue");
    expect(findOverride("power_price")?.key).toBe("powerPrice");
    expect(findOverride("systemPrice")?.key).toBe("systemPricePerGpu");
    expect(findOverride("Colocation")?.key).toBe("colocationPerKwMonth");
    expect(findOverride("staff")?.key).toBe("staffCostPerMwYear");
  });

  it("knows nothing of Object.prototype", () => {
    // Given keys that name prototype members
    // Then they are unknown keys
    expect(findOverride("constructor")).toBeUndefined();
    expect(findOverride("__proto__")).toBeUndefined();
    expect(findOverride("toString")).toBeUndefined();
  });

  it("names every key once and marks the route-only ones", () => {
    // Given the catalog
    // Then no key is listed twice, and productive utilization and tax are keys only the route engine reads
    expect(new Set(OVERRIDE_NAMES).size).toBe(OVERRIDE_NAMES.length);
    for (const key of ROUTE_ONLY_KEYS) expect(OVERRIDE_NAMES).toContain(key);
    expect(ROUTE_ONLY_KEYS.has("productiveUtilization")).toBe(true);
    expect(ROUTE_ONLY_KEYS.has("taxRate")).toBe(true);
    expect(ROUTE_ONLY_KEYS.has("pue")).toBe(false);
  });

  it("lists the route-only keys a record holds, in catalog order", () => {
    // Given a record with a v1 key and two route-only keys typed in reverse catalog order
    // Then only the route-only ones are listed, productive utilization before tax
    expect(routeOnlyKeysIn({ taxRate: 0.21, pue: 1.2, productiveUtilization: 0.8 })).toEqual([
      "productiveUtilization",
      "taxRate",
    ]);
    expect(routeOnlyKeysIn({})).toEqual([]);
  });
});

describe("applyBuildOverrides", () => {
  it("keeps every input when nothing is overridden", () => {
    // Given no overrides
    // Then the build inputs are unchanged
    expect(applyBuildOverrides(BUILD, {})).toEqual(BUILD);
  });

  it("sets the named inputs", () => {
    // Given a PUE of 1.5 and a power price of $0.13/kWh
    const build = applyBuildOverrides(BUILD, { pue: 1.5, powerPrice: 0.13 });
    // Then those two change and the rest stay
    expect(build).toEqual({ ...BUILD, pue: 1.5, powerPricePerKwh: 0.13 });
  });

  it("residual off leaves no residual value", () => {
    // Given the fixture (1,000 GPUs at $40,000, network 20 %: IT $50M; 1 MW at $10M/MW: facility $10M;
    // capacity at month 6, 5 years), whose residual is IT 50M x (1 - 4.5/5) = 5M + facility 10M x (1 - 5/10) = 5M
    const withResidual = sumFlows(buildCashFlows(BUILD, 5));
    const without = sumFlows(buildCashFlows(applyBuildOverrides(BUILD, { residual: false }), 5));
    // Then switching residual off adds exactly those $10M back
    expect(without - withResidual).toBeCloseTo(10_000_000, 4);
  });

  it("recomputes the build time when kW per GPU changes the load", () => {
    // Given a build-time rule of 1 month per MW
    const months = (itMw: number) => itMw;
    // When 1,000 GPUs draw 2 kW each (2 MW)
    const build = applyBuildOverrides(BUILD, { kwPerGpu: 2 }, months);
    // Then the build takes 2 months; a buildMonths override wins over the rule
    expect(build.buildMonths).toBe(2);
    expect(applyBuildOverrides(BUILD, { kwPerGpu: 2, buildMonths: 0 }, months).buildMonths).toBe(0);
  });
});

describe("rent and compare overrides", () => {
  it("sets the rate, price change, lead time and discount rate", () => {
    // Given overrides of the rent and the comparison
    const o = { rentRate: 12.29, rentPriceChange: 0, rentLeadTimeMonths: 1, discountRate: 0 };
    // Then they replace the offer's and the library's values
    expect(applyRentOverrides(RENT, o)).toEqual({
      gpuCount: 1000,
      ratePerGpuHour: 12.29,
      annualPriceChange: 0,
      leadTimeMonths: 1,
    });
    const compare = { horizonYears: 5, discountRate: 0.07, valuePerGpuHour: 2 };
    expect(applyCompareOverrides(compare, o).discountRate).toBe(0);
    expect(applyCompareOverrides(compare, {})).toBe(compare);
  });

  it("sets the value of a GPU-hour for the cost of delay", () => {
    // Given a value of $10 per GPU-hour instead of $2
    const compare = { horizonYears: 5, discountRate: 0.07, valuePerGpuHour: 2 };
    // Then only that changes
    expect(applyCompareOverrides(compare, { valuePerGpuHour: 10 })).toEqual({
      ...compare,
      valuePerGpuHour: 10,
    });
  });
});

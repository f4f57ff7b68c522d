import { buildCostBasis } from "../../../../src/model/finance";
import { BUILD, expectModelError } from "../../../support/model/finance/fixtures";

describe("buildCostBasis", () => {
  // Given the 1,000-GPU, 1 MW build fixture
  const basis = buildCostBasis(BUILD);

  it("loads", () => {
    // Then 1,000 GPUs × 1 kW / 1,000 = 1 MW of IT, × 1.25 PUE = 1.25 MW at the meter
    expect(basis.itLoadMw).toBeCloseTo(1, 12);
    expect(basis.facilityMw).toBeCloseTo(1.25, 12);
  });

  it("IT capex", () => {
    // Then servers 1,000 × $40,000 = $40M; with networking 20 % of the cluster $40M / 0.8 = $50M
    expect(basis.serverCost).toBe(40_000_000);
    expect(basis.itCapex).toBeCloseTo(50_000_000, 4);
  });

  it("facility capex", () => {
    // Then 1 MW × $10M/MW × 1 = $10M
    expect(basis.facilityCapex).toBeCloseTo(10_000_000, 4);
  });

  it("running costs per year", () => {
    // Then energy 1,000 kW × 1.25 × 0.8 × 8,760 h × $0.10 = $876,000; maintenance $50M × 10 % = $5M;
    // staff 1 MW × $100,000 = $100,000; no colocation; opex $876,000 + $5M + $100,000 = $5,976,000
    expect(basis.energyPerYear).toBeCloseTo(876_000, 4);
    expect(basis.maintenancePerYear).toBeCloseTo(5_000_000, 4);
    expect(basis.staffPerYear).toBeCloseTo(100_000, 4);
    expect(basis.colocationPerYear).toBe(0);
    expect(basis.opexPerYear).toBeCloseTo(5_976_000, 4);
  });
});

describe("buildCostBasis in colocation", () => {
  it("no facility capex, colocation rent instead", () => {
    // Given the fixture in leased space at $195/kW-month
    const basis = buildCostBasis({ ...BUILD, facilityCapex: false, colocationPerKwMonth: 195 });
    // Then no facility capex, and 1,000 kW × $195 × 12 months = $2,340,000 a year of rent
    expect(basis.facilityCapex).toBe(0);
    expect(basis.colocationPerYear).toBeCloseTo(2_340_000, 6);
  });
});

describe("buildCostBasis with invalid inputs", () => {
  // Given invalid build inputs
  it("rejects a negative gpuCount", () => {
    // When gpuCount is negative
    // Then a range error names gpuCount
    expectModelError(() => buildCostBasis({ ...BUILD, gpuCount: -5 }), "gpuCount", "range");
  });

  it("rejects a facilityCapex that is not a boolean", () => {
    // When facilityCapex is not a boolean
    // Then a type error names facilityCapex
    expectModelError(
      () => buildCostBasis({ ...BUILD, facilityCapex: "yes" as unknown as boolean }),
      "facilityCapex",
      "type"
    );
  });

  it("rejects an IT life of 0", () => {
    // When the IT life is 0
    // Then a range error names itDepreciationYears
    expectModelError(
      () => buildCostBasis({ ...BUILD, itDepreciationYears: 0 }),
      "itDepreciationYears",
      "range"
    );
  });

  it("rejects inputs that are not an object", () => {
    // When the inputs are not an object
    // Then a type error names build
    expectModelError(() => buildCostBasis(null as unknown as typeof BUILD), "build", "type");
  });
});

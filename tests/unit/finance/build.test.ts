import { buildCostBasis } from "../../../src/model/finance";
import { BUILD, BUILD_HAND, expectModelError } from "./fixtures";

describe("Given the 1,000-GPU, 1 MW build fixture", () => {
  const basis = buildCostBasis(BUILD);

  it("when the cost basis is derived, then IT load is 1 MW and facility load 1.25 MW", () => {
    expect(basis.itLoadMw).toBeCloseTo(BUILD_HAND.itMw, 12);
    expect(basis.facilityMw).toBeCloseTo(BUILD_HAND.itMw * 1.25, 12);
  });

  it("when the cost basis is derived, then servers are $40M and IT capex (with 20 % networking) $50M", () => {
    expect(basis.serverCost).toBe(1000 * 40_000);
    expect(basis.itCapex).toBeCloseTo(BUILD_HAND.itCapex, 4);
  });

  it("when the cost basis is derived, then facility capex is 1 MW x $10M", () => {
    expect(basis.facilityCapex).toBeCloseTo(BUILD_HAND.facilityCapex, 4);
  });

  it("when the cost basis is derived, then each yearly opex line follows its formula and opex is their sum", () => {
    expect(basis.energyPerYear).toBeCloseTo(BUILD_HAND.energyPerYear, 4);
    expect(basis.maintenancePerYear).toBeCloseTo(BUILD_HAND.maintenancePerYear, 4);
    expect(basis.staffPerYear).toBeCloseTo(BUILD_HAND.staffPerYear, 4);
    expect(basis.colocationPerYear).toBe(0);
    expect(basis.opexPerYear).toBeCloseTo(
      BUILD_HAND.energyPerYear + BUILD_HAND.maintenancePerYear + BUILD_HAND.staffPerYear,
      4
    );
  });
});

describe("Given a colocation build (no facility capex, $195/kW-month)", () => {
  const basis = buildCostBasis({ ...BUILD, facilityCapex: false, colocationPerKwMonth: 195 });

  it("when the cost basis is derived, then facility capex is 0 and colocation costs 1000 kW x 195 x 12 a year", () => {
    expect(basis.facilityCapex).toBe(0);
    expect(basis.colocationPerYear).toBeCloseTo(1000 * 195 * 12, 6);
  });
});

describe("Given invalid build inputs", () => {
  it("when gpuCount is negative, then a range error names gpuCount", () => {
    expectModelError(() => buildCostBasis({ ...BUILD, gpuCount: -5 }), "gpuCount", "range");
  });

  it("when facilityCapex is not a boolean, then a type error names facilityCapex", () => {
    expectModelError(
      () => buildCostBasis({ ...BUILD, facilityCapex: "yes" as unknown as boolean }),
      "facilityCapex",
      "type"
    );
  });

  it("when the IT life is 0, then a range error names itDepreciationYears", () => {
    expectModelError(
      () => buildCostBasis({ ...BUILD, itDepreciationYears: 0 }),
      "itDepreciationYears",
      "range"
    );
  });

  it("when the inputs are not an object, then a type error names build", () => {
    expectModelError(() => buildCostBasis(null as unknown as typeof BUILD), "build", "type");
  });
});

import {
  ModelInputError,
  assertBuildInputs,
  assertCompareInputs,
  assertRentInputs,
  isModelInputError,
} from "../../../../src/model/finance";
import { BUILD, COMPARE, RENT, expectModelError } from "../../../support/model/finance/fixtures";

describe("input checks on valid fixtures", () => {
  // Given valid fixtures
  it("accepts the fixtures", () => {
    // When asserted
    // Then nothing is thrown
    expect(() => assertBuildInputs(BUILD)).not.toThrow();
    expect(() => assertRentInputs(RENT)).not.toThrow();
    expect(() => assertCompareInputs(COMPARE)).not.toThrow();
  });
});

describe("input checks, one invalid field at a time", () => {
  // Given one invalid field at a time
  const buildCases: [string, number, "range" | "type"][] = [
    ["gpuCount", -1, "range"],
    ["systemPricePerGpu", Number.NaN, "type"],
    ["networkShare", 1, "range"],
    ["systemPowerKwPerGpu", -0.1, "range"],
    ["constructionCostPerMw", Number.POSITIVE_INFINITY, "range"],
    ["capexMultiplier", -1, "range"],
    ["pue", 0.99, "range"],
    ["utilization", 1.01, "range"],
    ["powerPricePerKwh", -0.01, "range"],
    ["colocationPerKwMonth", -1, "range"],
    ["maintenanceShareOfHwPerYear", -0.1, "range"],
    ["staffCostPerMwYear", -1, "range"],
    ["buildMonths", -1, "range"],
    ["itDepreciationYears", 0, "range"],
    ["facilityLifeYears", -3, "range"],
  ];
  it.each(buildCases)("rejects build.%s = %p with a %s error", (field, value, kind) => {
    // Given one invalid build field (one case per row)
    // When asserted
    // Then an error of the row's kind names that field
    expectModelError(() => assertBuildInputs({ ...BUILD, [field]: value }), field, kind);
  });

  const rentCases: [string, unknown, "range" | "type"][] = [
    ["gpuCount", -1, "range"],
    ["ratePerGpuHour", "2", "type"],
    ["annualPriceChange", -1.01, "range"],
    ["leadTimeMonths", Number.NEGATIVE_INFINITY, "range"],
  ];
  it.each(rentCases)("rejects rent.%s = %p with a %s error", (field, value, kind) => {
    // Given one invalid rent field (one case per row)
    // When asserted
    // Then an error of the row's kind names that field
    expectModelError(
      () => assertRentInputs({ ...RENT, [field]: value } as typeof RENT),
      field,
      kind
    );
  });

  const compareCases: [string, unknown, "range" | "type"][] = [
    ["horizonYears", 0, "range"],
    ["horizonYears", 31, "range"],
    ["horizonYears", 4.5, "range"],
    ["horizonYears", null, "type"],
    ["discountRate", -1, "range"],
    ["valuePerGpuHour", -2.35, "range"],
  ];
  it.each(compareCases)("rejects compare.%s = %p with a %s error", (field, value, kind) => {
    // Given one invalid comparison field (one case per row)
    // When asserted
    // Then an error of the row's kind names that field
    expectModelError(
      () => assertCompareInputs({ ...COMPARE, [field]: value } as typeof COMPARE),
      field,
      kind
    );
  });
});

describe("ModelInputError", () => {
  // Given a ModelInputError
  it("carries field, reason and kind", () => {
    // When inspected
    const error = new ModelInputError("gpuCount", "must be >= 0", "range");
    // Then it carries field, reason and kind and is recognised by isModelInputError
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ModelInputError);
    expect(error.name).toBe("ModelInputError");
    expect(error.message).toBe("gpuCount must be >= 0");
    expect(isModelInputError(error)).toBe(true);
    expect(isModelInputError(new Error("x"))).toBe(false);
  });
});

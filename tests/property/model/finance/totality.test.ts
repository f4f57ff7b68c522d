/**
 * For arbitrary (absurd, NaN, negative, huge, wrongly typed) inputs, every exported function of the
 * finance core either returns finite numbers (null only where documented) or throws ModelInputError.
 */
import fc from "fast-check";
import * as finance from "../../../../src/model/finance";
import { ModelInputError } from "../../../../src/model/finance";
import {
  anyBoolean,
  anyBuild,
  anyCompare,
  anyFlows,
  anyNumber,
  anyRent,
} from "../../../support/model/finance/arbitraries";

const NULLABLE = new Set(["breakevenMonth", "costPerGpuHourBuild", "costPerGpuHourRent"]);

function assertFinite(value: unknown, path: string): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  } else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (v === null && NULLABLE.has(key)) continue;
      assertFinite(v, `${path}.${key}`);
    }
  } else if (value === null && NULLABLE.has(path)) {
    return;
  } else if (!(value === undefined && path === "void")) {
    throw new Error(`${path} is ${String(value)}`);
  }
}

/** Runs `call`; passes when it returns finite numbers or throws ModelInputError. */
function finiteOrModelError(call: () => unknown, path = "result"): void {
  let value: unknown;
  try {
    value = call();
  } catch (error) {
    if (error instanceof ModelInputError) {
      expect(["range", "type"]).toContain(error.kind);
      expect(error.field.length).toBeGreaterThan(0);
      return;
    }
    throw error;
  }
  assertFinite(value, path);
}

const RUNS = { numRuns: 300 };

describe("scalar formulas", () => {
  // Given arbitrary inputs to the scalar formulas
  const twoArg: [string, (a: number, b: number) => unknown][] = [
    ["gpuChipCost", finance.gpuChipCost],
    ["serverCost", finance.serverCost],
    ["itLoadMw", finance.itLoadMw],
    ["facilityMw", finance.facilityMw],
    ["yearlyMaintenanceCost", finance.yearlyMaintenanceCost],
    ["yearlyStaffCost", finance.yearlyStaffCost],
    ["yearlyColocationCost", finance.yearlyColocationCost],
    ["operatingFraction", finance.operatingFraction],
    ["itCapexYear", finance.itCapexYear],
    ["costPerGpuHour", finance.costPerGpuHour],
  ];
  it.each(twoArg)("%s is total", (_name, fn) => {
    // When the function is called
    // Then it returns a finite number or throws ModelInputError
    fc.assert(
      fc.property(anyNumber, anyNumber, (a, b) => finiteOrModelError(() => fn(a, b))),
      RUNS
    );
  });

  const threeArg: [string, (a: number, b: number, c: number) => unknown][] = [
    ["clusterCost", finance.clusterCost],
    ["facilityCapex", finance.facilityCapex],
    ["straightLineResidual", finance.straightLineResidual],
    ["facilityResidualValue", finance.facilityResidualValue],
    ["deliveredGpuHours", finance.deliveredGpuHours],
    ["rateInYear", finance.rateInYear],
    ["costOfDelay", finance.costOfDelay],
  ];
  it.each(threeArg)("%s is total", (_name, fn) => {
    // When the function is called
    // Then it returns a finite number or throws ModelInputError
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, (a, b, c) =>
        finiteOrModelError(() => fn(a, b, c))
      ),
      RUNS
    );
  });

  const fourArg: [string, (a: number, b: number, c: number, d: number) => unknown][] = [
    ["constructionMonths", finance.constructionMonths],
    ["yearlyEnergyCost", finance.yearlyEnergyCost],
    ["itResidualValue", finance.itResidualValue],
    ["rentCost", finance.rentCost],
    ["gridWaitMonths", finance.gridWaitMonths],
  ];
  it.each(fourArg)("%s is total", (_name, fn) => {
    // When the function is called
    // Then it returns a finite number or throws ModelInputError
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, (a, b, c, d) =>
        finiteOrModelError(() => fn(a, b, c, d))
      ),
      RUNS
    );
  });

  it("daysToMonths is total", () => {
    // When daysToMonths is called
    // Then it returns a finite number or throws ModelInputError
    fc.assert(
      fc.property(anyNumber, (a) => finiteOrModelError(() => finance.daysToMonths(a))),
      RUNS
    );
  });

  it("energyCost is total", () => {
    // When energyCost is called
    // Then it returns a finite number or throws ModelInputError
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, (a, b, c, d, e) =>
        finiteOrModelError(() => finance.energyCost(a, b, c, d, e))
      ),
      RUNS
    );
  });

  it("buildMonths is total", () => {
    // When buildMonths is called
    // Then it returns a finite number or throws ModelInputError
    fc.assert(
      fc.property(
        anyNumber,
        anyNumber,
        anyNumber,
        anyNumber,
        anyBoolean,
        anyNumber,
        (a, b, c, d, grid, e) => finiteOrModelError(() => finance.buildMonths(a, b, c, d, grid, e))
      ),
      RUNS
    );
  });

  it("rentCost stays total for absurd durations and price changes", () => {
    // When rentCost gets plausible counts and rates but absurd durations and price changes
    // Then it stays total
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.oneof(anyNumber, fc.double({ min: 0, max: 1e6, noNaN: true })),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.oneof(anyNumber, fc.double({ min: -1, max: 10, noNaN: true })),
        (count, months, rate, g) =>
          finiteOrModelError(() => finance.rentCost(count, months, rate, g))
      ),
      RUNS
    );
  });
});

describe("flows", () => {
  // Given arbitrary flows
  it("npv, excelNpv and sumFlows are total", () => {
    // When npv, excelNpv and sumFlows are called
    // Then they return finite numbers or throw ModelInputError
    fc.assert(
      fc.property(anyNumber, anyFlows, (rate, flows) => {
        finiteOrModelError(() => finance.npv(rate, flows));
        finiteOrModelError(() => finance.excelNpv(rate, flows));
        finiteOrModelError(() => finance.sumFlows(flows));
      }),
      RUNS
    );
  });
});

describe("input records", () => {
  // Given arbitrary input records
  it("the record validators are total", () => {
    // When the record validators run
    // Then they return nothing or throw ModelInputError
    fc.assert(
      fc.property(anyBuild, anyRent, anyCompare, (b, r, c) => {
        finiteOrModelError(() => finance.assertBuildInputs(b), "void");
        finiteOrModelError(() => finance.assertRentInputs(r), "void");
        finiteOrModelError(() => finance.assertCompareInputs(c), "void");
      }),
      RUNS
    );
  });

  it("build costs and cash flows are total", () => {
    // When the build cost basis and build cash flows are computed
    // Then every number is finite or ModelInputError is thrown
    fc.assert(
      fc.property(anyBuild, fc.oneof(anyNumber, fc.integer({ min: 1, max: 30 })), (b, horizon) => {
        finiteOrModelError(() => finance.buildCostBasis(b));
        finiteOrModelError(() => finance.buildCashFlows(b, horizon));
        finiteOrModelError(() => finance.buildCashFlowDetail(b, horizon));
        finiteOrModelError(() => finance.operatingTco(b, horizon));
      }),
      RUNS
    );
  });

  it("rent cash flows are total", () => {
    // When rent cash flows are computed
    // Then every number is finite or ModelInputError is thrown
    fc.assert(
      fc.property(anyRent, fc.oneof(anyNumber, fc.integer({ min: 1, max: 30 })), (r, horizon) => {
        finiteOrModelError(() => finance.rentCashFlows(r, horizon));
        finiteOrModelError(() => finance.rentCashFlowDetail(r, horizon));
        finiteOrModelError(() => finance.rentOperatingCost(r, horizon));
      }),
      RUNS
    );
  });

  it("operatingCostPerGpuHour is total", () => {
    // When the operating cost per GPU-hour is computed
    // Then it returns a finite number or throws ModelInputError
    fc.assert(
      fc.property(
        anyNumber,
        anyNumber,
        fc.oneof(anyNumber, fc.integer({ min: 1, max: 30 })),
        (c, n, y) => finiteOrModelError(() => finance.operatingCostPerGpuHour(c, n, y))
      ),
      RUNS
    );
  });

  it("breakeven and compareOptions are total", () => {
    // When breakeven and the comparison are computed
    // Then every number is finite (null where documented) or ModelInputError is thrown
    fc.assert(
      fc.property(anyBuild, anyRent, anyCompare, (b, r, c) => {
        finiteOrModelError(() => finance.breakevenMonth(b, r), "breakevenMonth");
        finiteOrModelError(() => finance.compareOptions(b, r, c));
      }),
      RUNS
    );
  });
});

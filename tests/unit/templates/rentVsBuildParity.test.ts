/**
 * THE parity test of the template: its native formulas, evaluated by an Excel-compatible engine
 * (HyperFormula), give the finance core's numbers for every scenario of the default library, to
 * the cent, and keep doing so when an analyst edits any input.
 */
import { compareOptions } from "../../../src/model/finance";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { resolveScenarioInputs } from "../../../src/model/resolve";
import {
  ASSUMPTION_KEYS,
  LAYOUT,
  SENSITIVITY_STEPS,
  type AssumptionKey,
} from "../../../src/templates/layout";
import { buildRentVsBuildTemplate } from "../../../src/templates/rentVsBuild";
import { gridColumn, gridRow } from "../../../src/templates/sections/sensitivity";
import { LIBRARY_TEXT } from "../../support/templates/capplanPlugin";
import {
  compareWithCore,
  withAssumption,
  type CoreInputs,
} from "../../support/templates/coreParity";
import { evaluateTemplate } from "../../support/templates/evaluateTemplate";

const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
const scenarioIds = Object.keys(VALIDATED_BUNDLED_LIBRARY.scenarios);
const placement = { sheetName: "Rent vs Build", nameSuffix: "" };

function coreInputs(scenarioId: string): CoreInputs {
  const { build, rent, compare } = resolveScenarioInputs(index, scenarioId);
  return { build, rent, compare };
}

/** A valid new value for each input that moves the answer (crossing year boundaries for the months). */
const EDITS: Readonly<Record<AssumptionKey, (value: number) => number>> = {
  gpuCount: (v) => v * 0.5,
  systemPricePerGpu: (v) => v * 0.8,
  networkShare: (v) => v + 0.05,
  kwPerGpu: (v) => v * 1.2,
  facilityCapexFlag: (v) => 1 - v,
  constructionCostPerMw: (v) => v * 1.1 + 1_000_000,
  capexMultiplier: (v) => v * 1.25,
  colocationPerKwMonth: (v) => v + 150,
  buildMonths: (v) => v + 7,
  powerPrice: (v) => v * 2,
  pue: (v) => v + 0.2,
  utilization: (v) => v * 0.9,
  maintenance: (v) => v + 0.05,
  staffPerMwYear: (v) => v + 250_000,
  itLife: (v) => v + 1.5,
  facilityLife: (v) => v * 0.5,
  discountRate: (v) => v + 0.03,
  rentRate: (v) => v * 2,
  rentPriceChange: (v) => v - 0.15,
  rentLeadMonths: (v) => v + 5,
  valuePerGpuHour: (v) => v * 3,
};

describe("the rent-vs-build template in HyperFormula", () => {
  // Given the rent-vs-build template of each default-library scenario evaluated in HyperFormula
  describe.each(scenarioIds)("scenario %s", (scenarioId) => {
    // When evaluated for the scenario
    const spec = buildRentVsBuildTemplate(index, scenarioId, placement);
    const sheet = evaluateTemplate(spec);
    const inputs = coreInputs(scenarioId);

    it("evaluates without errors", () => {
      // Then no formula evaluates to an error
      expect(sheet.errors()).toEqual([]);
    });

    it("matches the core to the cent", () => {
      // Then every cash-flow row, result, chart row and sensitivity cell equals the core's to the cent
      expect(compareWithCore(sheet, spec, inputs)).toEqual([]);
    });

    it("centres the sensitivity grid on the Difference result", () => {
      const centre = Math.floor(SENSITIVITY_STEPS.length / 2);
      // Then the sensitivity grid's centre cell is the Difference result and a corner is the core on scaled inputs
      expect(SENSITIVITY_STEPS[centre]).toBe(1);
      const centreValue = sheet.number(`${gridColumn(centre)}${gridRow(centre)}`);
      expect(
        Math.abs(centreValue - (sheet.named(spec.resultNames.difference) as number))
      ).toBeLessThan(0.005);
      // Cheapest rent (first row) against the dearest system price (last column), recomputed by the core.
      const last = SENSITIVITY_STEPS.length - 1;
      const corner = sheet.number(`${gridColumn(last)}${gridRow(0)}`);
      const scaled = compareOptions(
        {
          ...inputs.build,
          systemPricePerGpu: inputs.build.systemPricePerGpu * SENSITIVITY_STEPS[last],
        },
        { ...inputs.rent, ratePerGpuHour: inputs.rent.ratePerGpuHour * SENSITIVITY_STEPS[0] },
        inputs.compare
      );
      expect(Math.abs(corner - scaled.difference)).toBeLessThan(0.005);
      expect(Math.abs(corner - centreValue)).toBeGreaterThan(1);
    });

    it("detects a core with another rental rate", () => {
      const other = withAssumption(inputs, "rentRate", inputs.rent.ratePerGpuHour + 0.01);
      // Then the comparison is not vacuous: against the core with another rental rate it lists mismatches
      expect(compareWithCore(sheet, spec, other).length).toBeGreaterThan(5);
    });

    it("shows what CAPPLAN.LIBRARY() returns", () => {
      // Then the library look-up cell shows what CAPPLAN.LIBRARY() returns
      expect(sheet.value(`C${LAYOUT.header.liveLibrary}`)).toBe(LIBRARY_TEXT);
    });

    it.each(ASSUMPTION_KEYS)("follows the core when %s is edited", (key) => {
      const name = spec.assumptions.find((a) => a.key === key)?.name ?? "";
      const before = sheet.named(name);
      if (typeof before !== "number") throw new Error(`${name} holds ${String(before)}`);
      const after = EDITS[key](before);
      sheet.setNamed(name, after);
      // Then editing the assumption changes the sheet exactly as the core with that input changed
      try {
        expect(compareWithCore(sheet, spec, withAssumption(inputs, key, after))).toEqual([]);
      } finally {
        sheet.setNamed(name, before);
      }
      expect(compareWithCore(sheet, spec, inputs)).toEqual([]);
    });
  });
});

describe("the xAI Memphis scenario (docs/model.md section 8)", () => {
  // Given the xAI Memphis scenario evaluated in HyperFormula
  const spec = buildRentVsBuildTemplate(index, "xai-memphis-2024", placement);
  const sheet = evaluateTemplate(spec);
  const result = (key: string): number => {
    const v = sheet.named(spec.resultNames[key]);
    if (typeof v !== "number") throw new Error(`${key} is ${String(v)}`);
    return v;
  };

  it("reproduces the published case", () => {
    // When evaluated
    // Then it reproduces the published case: build NPV 6.49 bn, rent 100k NPV 35.92 bn, breakeven month 9
    expect(result("npvBuild") / 1e9).toBeCloseTo(6.49, 2);
    expect(result("npvRent") / 1e9).toBeCloseTo(35.92, 2);
    expect(result("difference") / 1e9).toBeCloseTo(-29.43, 2);
    expect(result("costOfDelay") / 1e9).toBeCloseTo(0.69, 2);
    expect(result("differenceWithDelay") / 1e9).toBeCloseTo(-28.74, 2);
    expect(result("breakevenMonth")).toBe(9);
    expect(result("costPerGpuHourBuild")).toBeCloseTo(1.68, 2);
    expect(result("costPerGpuHourRent")).toBeCloseTo(10, 9);
    expect(result("monthsToCapacityBuild")).toBeCloseTo(4.011, 9);
    expect(String(sheet.named(spec.resultNames.verdict))).toMatch(/^Build is cheaper by /);
  });

  it("follows the core when the rent rate doubles", () => {
    const npvRent = result("npvRent");
    const inputs = coreInputs("xai-memphis-2024");
    // When the user doubles CP_RentRate
    sheet.setNamed("CP_RentRate", inputs.rent.ratePerGpuHour * 2);
    // Then NPV rent doubles and the results follow the core with that rate
    expect(result("npvRent")).toBeCloseTo(npvRent * 2, 4);
    expect(
      compareWithCore(
        sheet,
        spec,
        withAssumption(inputs, "rentRate", inputs.rent.ratePerGpuHour * 2)
      )
    ).toEqual([]);
    sheet.setNamed("CP_RentRate", inputs.rent.ratePerGpuHour);
  });

  it('shows "never" when renting stays cheaper', () => {
    const inputs = coreInputs("xai-memphis-2024");
    // When the rent becomes cheaper than owning for 120 months
    sheet.setNamed("CP_RentRate", 0.5);
    const changed = withAssumption(inputs, "rentRate", 0.5);
    // Then breakeven shows "never" like the core's null
    expect(result("npvRent")).toBeGreaterThan(0);
    expect(sheet.named(spec.resultNames.breakevenMonth)).toBe("never");
    expect(compareWithCore(sheet, spec, changed)).toEqual([]);
    sheet.setNamed("CP_RentRate", inputs.rent.ratePerGpuHour);
  });

  it("says so when the build time passes the horizon", () => {
    const inputs = coreInputs("xai-memphis-2024");
    // When the build time passes the horizon
    sheet.setNamed("CP_BuildMonths", 60);
    // Then cost per GPU-hour says so instead of dividing by zero, as the core's null
    expect(sheet.named(spec.resultNames.costPerGpuHourBuild)).toBe(
      "no capacity within the horizon"
    );
    expect(compareWithCore(sheet, spec, withAssumption(inputs, "buildMonths", 60))).toEqual([]);
    sheet.setNamed("CP_BuildMonths", 72);
    expect(compareWithCore(sheet, spec, withAssumption(inputs, "buildMonths", 72))).toEqual([]);
    sheet.setNamed("CP_BuildMonths", 0);
    expect(compareWithCore(sheet, spec, withAssumption(inputs, "buildMonths", 0))).toEqual([]);
    sheet.setNamed("CP_BuildMonths", inputs.build.buildMonths);
  });
});

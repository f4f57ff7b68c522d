/**
 * The template's own Excel formulas (src/templates, listed in docs/model.md section 4), evaluated by
 * HyperFormula (an Excel-compatible engine) with the finance fixtures typed into its input cells,
 * reproduce the core's cash flows, NPVs and every other result, for the timeline's edge cases.
 * tests/unit/templates/rentVsBuildParity.test.ts does the same for the library's scenarios.
 */
import type { BuildInputs, CompareInputs, RentInputs } from "../../../../src/model/finance";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../../src/model/library/indexLibrary";
import type { LibraryDocument } from "../../../../src/model/library/schema";
import { LAYOUT, yearColumn, type AssumptionKey } from "../../../../src/templates/layout";
import { buildRentVsBuildTemplate } from "../../../../src/templates/rentVsBuild";
import type { RentVsBuildSpec } from "../../../../src/templates/types";
import { compareWithCore, type CoreInputs } from "../../../support/templates/coreParity";
import {
  evaluateTemplate,
  type EvaluatedTemplate,
} from "../../../support/templates/evaluateTemplate";
import { BUILD, RENT } from "../../../support/model/finance/fixtures";

/** The template of a default-library scenario with its year columns laid out for `horizon`. */
function templateFor(horizon: number): RentVsBuildSpec {
  const library: LibraryDocument = structuredClone(VALIDATED_BUNDLED_LIBRARY);
  const [id, scenario] = Object.entries(library.scenarios)[0];
  library.scenarios[id] = { ...scenario, years: horizon };
  return buildRentVsBuildTemplate(buildIndex(library), id, {
    sheetName: "Rent vs Build",
    nameSuffix: "",
  });
}

/** What to type into each input cell for the core inputs (the template has one GPU count). */
function typedInputs({ build, rent, compare }: CoreInputs): Record<AssumptionKey, number> {
  if (build.gpuCount !== rent.gpuCount) throw new Error("The template builds and rents one count");
  return {
    gpuCount: build.gpuCount,
    systemPricePerGpu: build.systemPricePerGpu,
    networkShare: build.networkShare,
    kwPerGpu: build.systemPowerKwPerGpu,
    facilityCapexFlag: build.facilityCapex ? 1 : 0,
    constructionCostPerMw: build.constructionCostPerMw,
    capexMultiplier: build.capexMultiplier,
    colocationPerKwMonth: build.colocationPerKwMonth,
    buildMonths: build.buildMonths,
    powerPrice: build.powerPricePerKwh,
    pue: build.pue,
    utilization: build.utilization,
    maintenance: build.maintenanceShareOfHwPerYear,
    staffPerMwYear: build.staffCostPerMwYear,
    itLife: build.itDepreciationYears,
    facilityLife: build.facilityLifeYears,
    discountRate: compare.discountRate,
    rentRate: rent.ratePerGpuHour,
    rentPriceChange: rent.annualPriceChange,
    rentLeadMonths: rent.leadTimeMonths,
    valuePerGpuHour: compare.valuePerGpuHour,
  };
}

/** The template for `inputs.compare.horizonYears`, evaluated with `inputs` typed into its inputs. */
function sheetWith(inputs: CoreInputs): { spec: RentVsBuildSpec; sheet: EvaluatedTemplate } {
  const spec = templateFor(inputs.compare.horizonYears);
  const sheet = evaluateTemplate(spec);
  for (const [key, value] of Object.entries(typedInputs(inputs))) {
    const assumption = spec.assumptions.find((a) => a.key === key);
    if (assumption === undefined) throw new Error(`The template has no input ${key}`);
    sheet.setNamed(assumption.name, value);
  }
  return { spec, sheet };
}

const compare = (horizonYears: number): CompareInputs => ({
  horizonYears,
  discountRate: 0.07,
  valuePerGpuHour: 2,
});

const cases: [string, BuildInputs, RentInputs, number][] = [
  ["the fixtures (T = 6, lead 3)", BUILD, RENT, 3],
  [
    "capacity at once (T = 0, lead 0)",
    { ...BUILD, buildMonths: 0 },
    { ...RENT, leadTimeMonths: 0 },
    5,
  ],
  [
    "a mid-year start in colocation (T = 18)",
    { ...BUILD, buildMonths: 18, facilityCapex: false, colocationPerKwMonth: 195 },
    RENT,
    4,
  ],
  [
    "capacity beyond the horizon (T = 40, lead 30)",
    { ...BUILD, buildMonths: 40 },
    { ...RENT, leadTimeMonths: 30 },
    3,
  ],
  ["capacity after exactly 12 months", { ...BUILD, buildMonths: 12 }, RENT, 2],
];

describe("the template's formulas with the finance fixtures", () => {
  it.each(cases)("%s", (_name, build, rent, horizon) => {
    // Given the template laid out for the horizon, with the case's inputs typed into its input cells
    const inputs: CoreInputs = { build, rent, compare: compare(horizon) };
    const { spec, sheet } = sheetWith(inputs);
    // When HyperFormula evaluates it
    // Then no formula fails, and every derived cell, yearly row, result, sensitivity cell and the
    //      breakeven equal the core's to the cent
    expect(sheet.errors()).toEqual([]);
    expect(compareWithCore(sheet, spec, inputs)).toEqual([]);
  });

  it("NPV with year 0 outside, and over the whole column", () => {
    // Given the fixtures over 3 years at 7 %: build flows 10,000,000, 52,988,000, 5,976,000, -26,024,000
    const { spec, sheet } = sheetWith({ build: BUILD, rent: RENT, compare: compare(3) });
    // Then =year 0 + NPV(r, years 1..3) = 10,000,000 + 52,988,000 / 1.07 + 5,976,000 / 1.07²
    //      - 26,024,000 / 1.07³ = 10,000,000 + 49,521,495.33 + 5,219,669.84 - 21,243,335.95
    //      = 43,497,829.22, the core's NPV
    expect(sheet.named(spec.resultNames.npvBuild)).toBeCloseTo(43_497_829.219_056, 2);
    // And Excel's NPV over years 0..3 discounts year 0 too: 43,497,829.22 / 1.07 = 40,652,176.84
    const row = LAYOUT.cashflows.buildTotal;
    const sheetId = sheet.hf.getSheetId(spec.sheetName) as number;
    const wholeColumn = sheet.hf.calculateFormula(
      `=NPV(CP_DiscountRate, ${yearColumn(0)}${row}:${yearColumn(3)}${row})`,
      sheetId
    );
    expect(wholeColumn).toBeCloseTo(40_652_176.840_239, 2);
  });
});

/**
 * The change report's headline (src/templates/changeReport.ts headlineOf) is the sheet's own arithmetic: for any
 * values typed into the rent-vs-build template's inputs, it equals the template's CP_Difference and
 * CP_DifferenceWithDelay as an Excel-compatible engine (HyperFormula, tests/support/templates/evaluateTemplate.ts)
 * calculates them, to the cent. The expected numbers are the engine's, never headlineOf's.
 */
import fc from "fast-check";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { assumptionNameBase } from "../../../src/templates/assumptions";
import { headlineOf, type HeadlineCells } from "../../../src/templates/changeReport";
import { ASSUMPTION_KEYS } from "../../../src/templates/layout";
import { buildRentVsBuildTemplate } from "../../../src/templates/rentVsBuild";
import { evaluateTemplate, type EvaluatedTemplate } from "../../support/templates/evaluateTemplate";

const CENT = 0.005;
const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);

function sheetCells(sheet: EvaluatedTemplate): HeadlineCells {
  const assumptions: Record<string, string | number | boolean> = {};
  for (const key of ASSUMPTION_KEYS) {
    const value = sheet.named(`CP_${assumptionNameBase(key)}`);
    if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
      assumptions[key] = value;
  }
  const horizon = sheet.named("CP_Horizon");
  return { assumptions, horizon: typeof horizon === "number" ? horizon : undefined };
}

/** Inputs a user may type, in ranges the model accepts (the rows a refresh changes most). */
const edits = fc.record(
  {
    gpuCount: fc.integer({ min: 1, max: 200_000 }),
    systemPricePerGpu: fc.double({ min: 5_000, max: 80_000, noNaN: true }),
    networkShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
    kwPerGpu: fc.double({ min: 0.5, max: 3, noNaN: true }),
    facilityCapexFlag: fc.constantFrom(0, 1),
    buildMonths: fc.double({ min: 0, max: 60, noNaN: true }),
    powerPrice: fc.double({ min: 0.01, max: 0.4, noNaN: true }),
    pue: fc.double({ min: 1, max: 2, noNaN: true }),
    utilization: fc.double({ min: 0.1, max: 1, noNaN: true }),
    discountRate: fc.double({ min: 0, max: 0.25, noNaN: true }),
    rentRate: fc.double({ min: 0.5, max: 20, noNaN: true }),
    rentPriceChange: fc.double({ min: -0.5, max: 0.2, noNaN: true }),
    rentLeadMonths: fc.double({ min: 0, max: 36, noNaN: true }),
    valuePerGpuHour: fc.double({ min: 0, max: 10, noNaN: true }),
  },
  { requiredKeys: [] }
);

describe("the change report's headline", () => {
  it("equals the template's results as the engine calculates them, for any typed inputs", () => {
    // Given xAI's template evaluated by the engine
    const spec = buildRentVsBuildTemplate(index, "xai-memphis-2024", {
      sheetName: "Rent vs Build",
      nameSuffix: "",
    });
    const sheet = evaluateTemplate(spec);
    const original = sheetCells(sheet);
    fc.assert(
      fc.property(edits, (typed) => {
        // When some inputs are typed over (the rest back to what the template wrote)
        // (in one batch: the engine recalculates once)
        sheet.hf.batch(() => {
          for (const key of ASSUMPTION_KEYS) {
            const value =
              (typed as Record<string, number | undefined>)[key] ?? original.assumptions[key];
            sheet.setNamed(`CP_${assumptionNameBase(key)}`, value as number);
          }
        });
        // Then the headline computed from the cells is the sheet's, to the cent
        const result = headlineOf(sheetCells(sheet));
        if (!result.ok) throw new Error(result.reason);
        const difference = sheet.named("CP_Difference");
        const withDelay = sheet.named("CP_DifferenceWithDelay");
        return (
          typeof difference === "number" &&
          typeof withDelay === "number" &&
          Math.abs(result.headline.difference - difference) < CENT &&
          Math.abs(result.headline.differenceWithDelay - withDelay) < CENT
        );
      }),
      { numRuns: 50 }
    );
  });

  it("says which cell is not a number instead of guessing", () => {
    // Given cells where the power price holds text and the horizon is missing
    const assumptions: Record<string, number | string> = {};
    for (const key of ASSUMPTION_KEYS) assumptions[key] = 1;
    assumptions.powerPrice = "cheap";
    // When the headline is computed
    const result = headlineOf({ assumptions, horizon: undefined }, { powerPrice: "Power price" });
    // Then it names them
    expect(result).toEqual({
      ok: false,
      reason: "not a number on the sheet: Power price, Horizon",
    });
  });
});

/**
 * Issue 7 (#8): the template must read the same in every Excel locale. Formulas go through
 * Range.formulas and number formats through Range.numberFormat, both en-US whatever the user's
 * locale (Excel translates them for display); what breaks is locale-dependent text inside a formula
 * (TEXT's format codes, numbers or dates written as text) and the *Local properties.
 */
import fs from "node:fs";
import path from "node:path";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { FORMAT } from "../../../src/templates/formats";
import { TEXT_FORMAT } from "../../../src/templates/blocks";
import { buildRentVsBuildTemplate } from "../../../src/templates/rentVsBuild";
import { localeProblems } from "../../support/templates/formulaLint";

const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
const scenarioIds = Object.keys(VALIDATED_BUNDLED_LIBRARY.scenarios);

describe("the rent-vs-build template in any locale", () => {
  // Given the rent-vs-build template in any locale
  describe.each(scenarioIds)("scenario %s", (scenarioId) => {
    // When built for the scenario
    const spec = buildRentVsBuildTemplate(index, scenarioId, {
      sheetName: "Rent vs Build",
      nameSuffix: "_2",
    });

    it("uses no locale-dependent function and no numbers held as text", () => {
      const problems = spec.cells
        .filter((c) => c.formula !== undefined)
        .flatMap((c) => localeProblems(c.formula ?? "").map((p) => `${c.address}: ${p}`));
      // Then no formula uses TEXT or another locale-dependent function, or numbers, dates or format codes as text
      expect(problems).toEqual([]);
    });

    it("uses only the template's en-US number formats", () => {
      const allowed = new Set<string>([...Object.values(FORMAT), TEXT_FORMAT]);
      // Then every number format is one of the template's en-US codes, with no locale tag
      for (const cell of spec.cells) {
        if (cell.numberFormat === undefined) continue;
        expect(allowed).toContain(cell.numberFormat);
        expect(cell.numberFormat).not.toMatch(/\[\$/); // [$-407], [$€-407]: locale or currency tags
      }
    });
  });

  it("writes formulas and number formats only through en-US properties", () => {
    const dir = path.join(__dirname, "../../../src/excel");
    const local = /\b(formulasLocal|numberFormatLocal|formulaLocal|valuesAsJsonLocal)\b/;
    const offenders = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .filter((f) => local.test(fs.readFileSync(path.join(dir, f), "utf8")));
    // Then the Excel code writes formulas and number formats only through the en-US properties
    expect(offenders).toEqual([]);
  });
});

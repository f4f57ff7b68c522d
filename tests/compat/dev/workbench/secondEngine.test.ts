/**
 * LibreOffice Calc as a second engine (issue 7, #8 and #10; `npm run test:compat`, which says so and
 * passes when `soffice` is missing: `apt-get install libreoffice-calc-nogui`). Each check converts an
 * .xlsx to CSV headless (tests/support/dev/workbench/libreOffice.ts).
 */
import ExcelJS from "exceljs";
import { asExcelNamespace, createMemoryExcel } from "../../../../src/dev/excel-host";
import { insertTemplate } from "../../../../src/excel/insertTemplate";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../../src/model/library/indexLibrary";
import { buildRentVsBuildTemplate } from "../../../../src/templates/rentVsBuild";
import { LAYOUT, V2_RESULT_KEYS } from "../../../../src/templates/layout";
import { FORMAT } from "../../../../src/templates/formats";
import { parseCell } from "../../../../src/model/a1";
import {
  CapplanFunctionRegistry,
  parseFunctionsJson,
} from "../../../../src/dev/workbench/capplanPlugin";
import { exportXlsx } from "../../../../src/dev/workbench/exportXlsx";
import { HyperFormulaCellStore } from "../../../../src/dev/workbench/hyperFormulaStore";
import { loadBuiltFunctions } from "../../../support/customFunctionsRuntime";
import { readDistFile } from "../../../support/dist";

import {
  calcCsv,
  cleanUpLibreOffice,
  libreOfficeAvailable,
} from "../../../support/dev/workbench/libreOffice";

const describeWithLibreOffice = libreOfficeAvailable() ? describe : describe.skip;
afterAll(cleanUpLibreOffice);

describeWithLibreOffice("LibreOffice Calc as a second engine", () => {
  // Given LibreOffice Calc as a second engine
  jest.setTimeout(180_000);

  it("keeps the verdict's amount readable in de-DE", async () => {
    const spec = buildRentVsBuildTemplate(
      buildIndex(VALIDATED_BUNDLED_LIBRARY),
      "xai-memphis-2024",
      {
        sheetName: "S",
        nameSuffix: "",
      }
    );
    const verdict = spec.cells.find((c) => c.address === `C${LAYOUT.verdict}`)?.formula ?? "";
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("S");
    ws.getCell("A1").value = -28742515702.4;
    ws.getCell("B1").value = 5;
    book.definedNames.add("S!$A$1", "CP_DifferenceWithDelay");
    book.definedNames.add("S!$B$1", "CP_Horizon");
    ws.getCell("C1").value = { formula: '"Build is cheaper by "&TEXT(-A1, "$#,##0")' };
    ws.getCell("D1").value = { formula: verdict.slice(1) };
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);

    const [us] = calcCsv(bytes, "en-US");
    const [de] = calcCsv(bytes, "de-DE");
    // When the verdict is computed in a comma-decimal locale (de-DE)
    const expected = (amount: string) =>
      `Build is cheaper by $${amount} over 5 years (NPV of costs plus the cost of delay)`;
    // Then TEXT's format garbles the amount and the template's FIXED form does not
    expect(us?.[2]).toBe("Build is cheaper by $28,742,515,702");
    expect(de?.[2]).not.toBe("Build is cheaper by $28.742.515.702"); // "$28742515702,400": "," read as decimals
    expect(us?.[3]).toBe(expected("28,742,515,702"));
    expect(de?.[3]).toBe(expected("28.742.515.702"));
  });

  it("recalculates the exports without the add-in", async () => {
    const loaded = loadBuiltFunctions();
    const registry = new CapplanFunctionRegistry(
      parseFunctionsJson(JSON.parse(readDistFile("functions.json")))
    );
    for (const [id, fn] of loaded.registered) registry.associate(id, fn);
    const store = new HyperFormulaCellStore({ capplan: registry, sheets: ["Sheet1"] });
    await insertTemplate(
      asExcelNamespace(createMemoryExcel(store).Excel),
      buildIndex(VALIDATED_BUNDLED_LIBRARY),
      "xai-memphis-2024"
    );
    const sheet1 = store.findSheetByName("Sheet1")?.id ?? "";
    store.setFormula(sheet1, 0, 0, '=CAPPLAN.GPUCOST("H100",1000)');
    store.setFormula(sheet1, 0, 1, "=A1*2");
    const rvb = store.findSheetByName("Rent vs Build")?.id ?? "";
    const verdict = String(store.getCell(rvb, LAYOUT.verdict - 1, 2).value);

    // When the workbench's exports are recalculated without the add-in
    const live = calcCsv(await exportXlsx(store), "en-US");
    // Then CAPPLAN cells are #NAME? in the formulas export and values in the values export; native formulas agree
    expect(live[0]?.slice(0, 2)).toEqual(["#NAME?", "#NAME?"]);
    const liveTemplate = calcCsv(await exportXlsx(store), "en-US", 2);
    expect(liveTemplate[LAYOUT.verdict - 1]?.[2]).toBe(verdict);

    const values = calcCsv(await exportXlsx(store, { capplan: "values" }), "en-US");
    const cost = Number(store.getCell(sheet1, 0, 0).value);
    expect(Number(values[0]?.[0])).toBeCloseTo(cost, 6);
    expect(Number(values[0]?.[1])).toBeCloseTo(cost * 2, 6);
    const valuesTemplate = calcCsv(await exportXlsx(store, { capplan: "values" }), "en-US", 2);
    expect(valuesTemplate[LAYOUT.header.liveLibrary - 1]?.[2]).toBe(
      store.getCell(rvb, LAYOUT.header.liveLibrary - 1, 2).value
    );
    expect(valuesTemplate[LAYOUT.verdict - 1]?.[2]).toBe(verdict);
  });

  it.each(["h100-100k-phased-build", "h100-100k-bridge", "xai-memphis-2024"])(
    "recalculates the model v2 section of %s to the workbench's values",
    async (scenarioId) => {
      const loaded = loadBuiltFunctions();
      const registry = new CapplanFunctionRegistry(
        parseFunctionsJson(JSON.parse(readDistFile("functions.json")))
      );
      for (const [id, fn] of loaded.registered) registry.associate(id, fn);
      const store = new HyperFormulaCellStore({ capplan: registry, sheets: ["Sheet1"] });
      const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
      await insertTemplate(asExcelNamespace(createMemoryExcel(store).Excel), index, scenarioId);
      const rvb = store.findSheetByName("Rent vs Build")?.id ?? "";
      const spec = buildRentVsBuildTemplate(index, scenarioId, {
        sheetName: "Rent vs Build",
        nameSuffix: "",
      });
      // When the exported workbook is recalculated by LibreOffice (full-precision values)
      const calc = calcCsv(await exportXlsx(store), "en-US", 2, false);
      // Then every formula of the v2 section (yearly rows, per-phase rows, results) has the workbench's value:
      // money to the cent, everything else to 1e-9 relative, text alike
      const mismatches: string[] = [];
      let compared = 0;
      for (const cell of spec.cells) {
        const { row, col } = parseCell(cell.address);
        if (cell.formula === undefined || row + 1 < LAYOUT.v2Section) continue;
        const want = store.getCell(rvb, row, col).value;
        const got = calc[row]?.[col] ?? "";
        compared++;
        if (typeof want === "number") {
          const money = cell.numberFormat === FORMAT.usd || cell.numberFormat === FORMAT.usdCents;
          const tolerance = money ? 0.005 : 1e-9 * Math.max(1, Math.abs(want));
          // Unformatted values keep the percent sign of a percentage format.
          const number = got.endsWith("%") ? Number(got.slice(0, -1)) / 100 : Number(got);
          if (!(Math.abs(number - want) <= tolerance))
            mismatches.push(`${cell.address}: LibreOffice ${got}, workbench ${want}`);
        } else if (got !== String(want)) {
          mismatches.push(`${cell.address}: LibreOffice ${got}, workbench ${String(want)}`);
        }
      }
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(300);
      // And the named v2 results are numbers where the scenario has them
      const npvOwn = LAYOUT.v2Results.npvOwn - 1;
      expect(Number(calc[npvOwn]?.[2])).toBeGreaterThan(0);
      expect(V2_RESULT_KEYS.length).toBe(Object.keys(spec.routeResultNames).length);
    }
  );
});

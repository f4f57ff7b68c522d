/**
 * The Board memo spec is well-formed for every scenario: the template lint of rentVsBuildSpec.test.ts
 * (allowed functions and literals, known names, no reference to a cell nobody writes, on the memo or on
 * the source sheet), formulas that read the source's names and the right cells of its risk section, and a
 * page set up to print in one landscape piece.
 */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { parseCell, parseRange } from "../../../src/model/a1";
import { cellsWithAssumptions } from "../../../src/excel/insertSheet";
import { templateNames } from "../../../src/excel/render";
import {
  buildBoardMemoTemplate,
  memoInputs,
  NOT_ON_SOURCE,
} from "../../../src/templates/boardMemo";
import type { MemoSource } from "../../../src/templates/boardMemo";
import { LAYOUT } from "../../../src/templates/layout";
import { buildRentVsBuildTemplate } from "../../../src/templates/rentVsBuild";
import { localeProblems } from "../../support/templates/formulaLint";
import { cellMap, lintFormulaAcrossSheets } from "../../support/templates/templateLint";

const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
const scenarioIds = Object.keys(VALIDATED_BUNDLED_LIBRARY.scenarios);
const now = new Date("2026-12-04T09:00:00.000Z");

describe("the Board memo spec", () => {
  describe.each(scenarioIds)("of scenario %s", (scenarioId) => {
    // Given the Rent vs Build sheet of scenario %s, second in its workbook (suffix _2, a quoted name)
    const placement = { sheetName: "Rent vs Build (2)", nameSuffix: "_2" };
    const sourceSpec = buildRentVsBuildTemplate(index, scenarioId, placement);
    const sourceNames = new Set(templateNames(sourceSpec).map((n) => n.name.toUpperCase()));
    const source: MemoSource = {
      sheetName: placement.sheetName,
      nameSuffix: placement.nameSuffix,
      scenarioId,
      libraryId: sourceSpec.metadata.libraryId,
      libraryVersion: sourceSpec.metadata.libraryVersion,
      hasName: (name) => sourceNames.has(name.toUpperCase()),
    };
    // When its memo is built
    const spec = buildBoardMemoTemplate(index, source, {
      sheetName: "Board memo",
      nameSuffix: "",
      now,
    });
    const cells = cellMap(spec);
    const sourceCells = cellMap({ cells: cellsWithAssumptions(sourceSpec) });

    it("keeps numbers, unknown names and empty cells out of formulas", () => {
      const names = new Set(templateNames(sourceSpec).map((n) => n.name));
      const problems = spec.cells
        .filter((c) => c.formula !== undefined)
        .flatMap((c) =>
          [
            ...lintFormulaAcrossSheets(
              c.formula ?? "",
              names,
              cells,
              new Map([[placement.sheetName, sourceCells]])
            ),
            ...localeProblems(c.formula ?? ""),
          ].map((p) => `${c.address}: ${p}`)
        );
      // Then no formula holds a hard-coded number, an unknown name, function or sheet, or reads an empty cell
      expect(problems).toEqual([]);
    });

    it("holds no number of its own", () => {
      // Then every number on the memo is a formula (the text values are labels, units, notes and the date)
      const numbers = spec.cells.filter((c) => typeof c.value === "number");
      expect(numbers).toEqual([]);
      expect(spec.cells.filter((c) => c.value === NOT_ON_SOURCE)).toEqual([]);
      expect(spec.assumptions).toEqual([]);
    });

    it("reads P10, P50 and P90 from the matching columns of the source's percentile table", () => {
      const header = LAYOUT.riskResultHeader;
      const row = LAYOUT.riskResults.differenceWithDelay;
      const risk = spec.cells.filter((c) =>
        new RegExp(`!\\$[A-Z]\\$${row}$`).test(c.formula ?? "")
      );
      // Then the three cells read the columns headed P10, P50 and P90 on the source sheet
      const columns = risk.map((c) => /!\$([A-Z])\$/.exec(c.formula ?? "")?.[1] ?? "");
      expect(columns.map((col) => sourceCells.get(`${col}${header}`)?.value)).toEqual([
        "P10",
        "P50",
        "P90",
      ]);
    });

    it("lists every input with its own as-of and source cells", () => {
      const inputs = memoInputs(index, source);
      // Then each input's value reads its name and its as-of / source read the cells beside it
      for (const a of inputs) {
        const value = spec.cells.find(
          (c) => c.address.startsWith("H") && c.formula === `=${a.name}`
        );
        expect(value).toBeDefined();
        const row = parseCell(value?.address ?? "A1").row + 1;
        const asOf = a.provenance?.find((p) => p.role === "asOf")?.address ?? "";
        const src = a.provenance?.find((p) => p.role === "source")?.address ?? "";
        expect(cells.get(`J${row}`)?.formula).toMatch(
          new RegExp(`!\\$D\\$${parseCell(asOf).row + 1}$`)
        );
        expect(cells.get(`K${row}`)?.formula).toMatch(
          new RegExp(`!\\$E\\$${parseCell(src).row + 1}$`)
        );
        expect(sourceCells.get(asOf)?.value).toBe(a.asOf);
      }
      expect(inputs.length).toBe(21 + 28);
    });

    it("prints A..K on one landscape page, the chart inside, its data below", () => {
      const layout = spec.pageLayout;
      if (layout === undefined) throw new Error("no page layout");
      const area = parseRange(layout.printArea);
      const chart = spec.charts[0];
      if (chart === undefined || spec.charts.length !== 1) throw new Error("not one chart");
      // Then the page is landscape, 1 x 1, and covers every written cell but the chart data
      expect(layout).toMatchObject({
        orientation: "Landscape",
        fitToPagesWide: 1,
        fitToPagesTall: 1,
      });
      expect([area.row, area.col, area.colCount]).toEqual([0, 0, 11]);
      const chartAnchor = parseCell(chart.anchorBottomRight);
      expect(chartAnchor.row).toBeLessThan(area.rowCount);
      const data = parseRange(chart.dataAddress);
      expect(data.row).toBeGreaterThanOrEqual(area.rowCount);
      const outside = spec.cells.filter((c) => {
        const { row, col } = parseCell(c.address);
        return (row >= area.rowCount || col >= area.colCount) && row < data.row - 1;
      });
      expect(outside).toEqual([]);
      // And the chart has the horizon's years as categories (B of its first row left empty)
      expect(data.colCount).toBe(1 + sourceSpec.metadata.horizonYears + 1);
      expect(cells.has(chart.dataAddress.split(":")[0] ?? "")).toBe(false);
    });
  });
});

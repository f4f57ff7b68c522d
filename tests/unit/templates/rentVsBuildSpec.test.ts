/**
 * The template spec is well-formed for every scenario: one write per cell, names that point at
 * cells, inputs styled as inputs, formulas free of hard-coded numbers that refer only to names
 * and cells that exist, one formula per row across the year columns.
 */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import type { LibraryDocument } from "../../../src/model/library/schema";
import { resolveScenarioInputs } from "../../../src/model/resolve";
import { columnIndex, columnLetter, parseCell } from "../../../src/model/a1";
import { contentBlocks } from "../../../src/templates/blocks";
import { FORMAT } from "../../../src/templates/formats";
import {
  ASSUMPTION_KEYS,
  CASHFLOW_KEYS,
  charactersToPoints,
  LAYOUT,
  RESULT_KEYS,
  SENSITIVITY_STEPS,
  V2_INPUT_KEYS,
  V2_PHASES,
  V2_RESULT_KEYS,
  V2_YEAR_KEYS,
  yearColumn,
} from "../../../src/templates/layout";
import {
  assumptionsFromLibrary,
  buildRentVsBuildTemplate,
} from "../../../src/templates/rentVsBuild";
import { withAssumption, type CoreInputs } from "../../support/templates/coreParity";
import { evaluateTemplate } from "../../support/templates/evaluateTemplate";
import { shiftColumns } from "../../support/templates/formulaLint";
import { cellMap, lintFormula } from "../../support/templates/templateLint";

const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
/** The row number A1 text shows for an address (parseCell's rows are 0-based), as LAYOUT counts rows. */
const rowNumber = (address: string): number => parseCell(address).row + 1;
const scenarioIds = Object.keys(VALIDATED_BUNDLED_LIBRARY.scenarios);
const placement = { sheetName: "Rent vs Build", nameSuffix: "" };

describe("the rent-vs-build template spec", () => {
  // Given the rent-vs-build template spec
  describe.each(scenarioIds)("scenario %s", (scenarioId) => {
    // When built for the scenario
    const spec = buildRentVsBuildTemplate(index, scenarioId, placement);
    const cells = cellMap(spec);
    const names = new Set(spec.names.map((n) => n.name));
    const resolved = resolveScenarioInputs(index, scenarioId);
    const H = resolved.compare.horizonYears;

    it("gives every cell one address and one of value or formula", () => {
      // Then every cell has a unique single-cell address and exactly one of value or formula
      expect(cells.size).toBe(spec.cells.length);
      for (const cell of spec.cells) {
        expect(() => parseCell(cell.address)).not.toThrow();
        expect([cell.value !== undefined, cell.formula !== undefined].filter(Boolean)).toHaveLength(
          1
        );
      }
    });

    it("gives every written cell a unique CP_ name", () => {
      // Then every workbook name is unique, prefixed CP_, and points at a cell the template writes
      expect(names.size).toBe(spec.names.length);
      for (const { name, address } of spec.names) {
        expect(name).toMatch(/^CP_[A-Z][A-Za-z]*$/);
        expect(cells.has(address)).toBe(true);
      }
    });

    it("writes each assumption as one named input row", () => {
      // Then each assumption is one named, input-styled row with its label, unit, as-of date and source
      // (the v1 assumptions, then the model v2 inputs, which a refresh updates too)
      // and the offset and share of each of the 12 phase rows)
      const phaseKeys = Array.from({ length: V2_PHASES }, (_, i) => [
        `v2.phase${i + 1}.offsetMonths`,
        `v2.phase${i + 1}.share`,
      ]).flat();
      // then the risk section's ranges: low and high of each input the case uses (and its typical value when
      // it is not linked to a template cell), in catalog order
      const riskKeys = spec.assumptions.filter((a) => a.key.startsWith("risk.")).map((a) => a.key);
      expect(spec.assumptions.map((a) => a.key)).toEqual([
        ...ASSUMPTION_KEYS,
        ...V2_INPUT_KEYS.map((key) => `v2.${key}`),
        ...phaseKeys,
        ...riskKeys,
      ]);
      expect(riskKeys.length).toBeGreaterThan(0);
      for (const key of riskKeys) expect(key).toMatch(/^risk\.[a-zA-Z]+\.(low|high|typical)$/);
      // The range cells: named inputs of the ranges table, the source beside them in column J
      for (const a of spec.assumptions.filter((x) => x.key.startsWith("risk."))) {
        const row = rowNumber(a.address);
        expect(spec.names).toContainEqual({ name: a.name, address: a.address });
        expect(cells.get(a.address)).toEqual({
          address: a.address,
          value: a.value,
          style: "input",
          numberFormat: a.numberFormat,
        });
        expect(a.provenance?.map((p) => p.address)).toEqual([`J${row}`]);
        expect(cells.get(`J${row}`)?.value).toContain(a.source);
        expect(a.label.startsWith(String(cells.get(`A${row}`)?.value))).toBe(true);
      }
      // The phase cells are named inputs in the phase table (columns C and D of their row)
      for (const a of spec.assumptions.filter((x) => /^v2\.phase\d/.test(x.key))) {
        expect(spec.names).toContainEqual({ name: a.name, address: a.address });
        expect(cells.get(a.address)?.style).toBe("input");
        expect(cells.get(a.address)?.value).toBe(a.value);
      }
      for (const a of spec.assumptions.filter(
        (x) => !/^v2\.phase\d/.test(x.key) && !x.key.startsWith("risk.")
      )) {
        const row = rowNumber(a.address);
        expect(spec.names).toContainEqual({ name: a.name, address: a.address });
        expect(cells.get(a.address)).toEqual({
          address: a.address,
          value: a.value,
          style: "input",
          numberFormat: a.numberFormat,
        });
        expect(a.provenance?.map((p) => p.address)).toEqual([`D${row}`, `E${row}`]);
        expect(cells.get(`A${row}`)?.value).toBe(a.label);
        expect(cells.get(`B${row}`)?.value).toBe(a.unit);
        expect(cells.get(`D${row}`)?.value).toBe(a.asOf);
        expect(cells.get(`E${row}`)?.value).toBe(a.source);
        expect(a.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
        expect(a.source.length).toBeGreaterThan(5);
        expect(a.label.length).toBeLessThanOrEqual(36);
      }
    });

    it("writes the core inputs the library resolves to", () => {
      let rebuilt: CoreInputs = {
        build: { ...resolved.build, buildMonths: Number.NaN, pue: Number.NaN },
        rent: { ...resolved.rent, ratePerGpuHour: Number.NaN },
        compare: resolved.compare,
      };
      for (const a of spec.assumptions.filter(
        (x) => !x.key.startsWith("v2.") && !x.key.startsWith("risk.")
      ))
        rebuilt = withAssumption(
          rebuilt,
          a.key as (typeof ASSUMPTION_KEYS)[number],
          a.value as number
        );
      // Then the assumption values are exactly the core inputs the library resolves to
      expect(rebuilt).toEqual({
        build: resolved.build,
        rent: resolved.rent,
        compare: resolved.compare,
      });
    });

    it("has inputs only for assumptions, sensitivity steps and the model v2 inputs and phases", () => {
      const inputs = spec.cells.filter((c) => c.style === "input");
      // Then only assumption values, sensitivity steps and the v2 inputs and phases are inputs, and no input is a formula
      for (const cell of inputs) expect(cell.formula).toBeUndefined();
      const assumptionCells = new Set(spec.assumptions.map((a) => a.address));
      const v2Inputs = new Set(Object.values(LAYOUT.v2Inputs).map((row) => `C${row}`));
      const others = inputs
        .filter((c) => !assumptionCells.has(c.address) && !v2Inputs.has(c.address))
        .map((c) => ({ row: rowNumber(c.address), col: parseCell(c.address).col }));
      for (const { row, col } of others) {
        const sensitivity =
          row === LAYOUT.gridHeader.priceFactor ||
          (row >= LAYOUT.gridFirstRow && row < LAYOUT.gridFirstRow + SENSITIVITY_STEPS.length);
        // Phase rows: offset (C) and share (D) are inputs.
        const phase =
          row >= LAYOUT.v2PhaseFirstRow && row < LAYOUT.v2PhaseFirstRow + V2_PHASES && col <= 3;
        // The risk section's trials and seed (named settings the sidebar's run reads).
        const riskSetting = col === 2 && Object.values(LAYOUT.riskSettings).includes(row);
        expect({ row, col, ok: sensitivity || phase || riskSetting }).toEqual({
          row,
          col,
          ok: true,
        });
      }
      for (const row of Object.values(LAYOUT.v2Inputs))
        expect(cells.get(`C${row}`)?.style).toBe("input");
    });

    it("keeps numbers, unknown names and empty cells out of formulas", () => {
      const problems = spec.cells
        .filter((c) => c.formula !== undefined)
        .flatMap((c) =>
          lintFormula(c.formula ?? "", names, cells).map((p) => `${c.address}: ${p}`)
        );
      // Then no formula holds a hard-coded number, an unknown name or function, or a reference to an empty cell
      expect(problems).toEqual([]);
    });

    it("uses CAPPLAN functions only as library look-ups", () => {
      const capplan = spec.cells.filter((c) => c.formula?.toUpperCase().includes("CAPPLAN."));
      // Then CAPPLAN functions appear only as library look-ups, never in the arithmetic
      expect(capplan.map((c) => c.formula)).toEqual(["=CAPPLAN.LIBRARY()"]);
    });

    it("fills each yearly row with one formula", () => {
      const rows = [
        ...CASHFLOW_KEYS.map((key) => LAYOUT.cashflows[key]),
        ...Object.values(LAYOUT.chartRows),
        LAYOUT.sensitivityHelpers.buildPerPrice,
        LAYOUT.sensitivityHelpers.rentPerRate,
        ...V2_YEAR_KEYS.map((key) => LAYOUT.v2Years[key]),
        ...Array.from({ length: V2_PHASES }, (_, i) => [
          LAYOUT.v2PhaseInstalledFirstRow + i,
          LAYOUT.v2PhaseBeforeGridFirstRow + i,
          LAYOUT.v2PhaseDepreciationFirstRow + i,
          LAYOUT.v2PhaseDuringBridgeFirstRow + i,
        ]).flat(),
      ];
      // Then each yearly row holds one formula filled right across years 0..H
      for (const row of rows) {
        const first = cells.get(`${yearColumn(0)}${row}`);
        if (first?.formula === undefined) continue; // sub-heading rows
        for (let y = 1; y <= H; y++) {
          expect(cells.get(`${yearColumn(y)}${row}`)?.formula).toBe(shiftColumns(first.formula, y));
        }
        expect(cells.has(`${yearColumn(H + 1)}${row}`)).toBe(false);
      }
      expect(cells.get(`${yearColumn(H)}${LAYOUT.yearHeader}`)?.formula).toBe(
        shiftColumns(cells.get(`D${LAYOUT.yearHeader}`)?.formula ?? "", H - 1)
      );
    });

    it("names every result on a result-styled cell", () => {
      // Then every result has a workbook name on a result-styled cell
      expect(Object.keys(spec.resultNames).sort()).toEqual([...RESULT_KEYS, "verdict"].sort());
      for (const name of Object.values(spec.resultNames)) {
        const address = spec.names.find((n) => n.name === name)?.address ?? "";
        expect(["result", "verdict"]).toContain(cells.get(address)?.style);
      }
    });

    it("names every model v2 result on a result-styled cell", () => {
      // Then every v2 result has a CP_Route workbook name on a result-styled cell in column C
      expect(Object.keys(spec.routeResultNames)).toEqual([...V2_RESULT_KEYS]);
      for (const name of Object.values(spec.routeResultNames)) {
        expect(name).toMatch(/^CP_Route[A-Z]/);
        const address = spec.names.find((n) => n.name === name)?.address ?? "";
        expect(cells.get(address)?.style).toBe("result");
      }
    });

    it("formats money, $/GPU-hour, percentages and months", () => {
      const format = (key: string): string | undefined =>
        cells.get(spec.names.find((n) => n.name === spec.resultNames[key])?.address ?? "")
          ?.numberFormat;
      // Then money, $/GPU-hour, percentages and months carry their number formats
      expect(format("npvBuild")).toBe(FORMAT.usd);
      expect(format("costPerGpuHourBuild")).toBe(FORMAT.usdCents);
      expect(format("monthsToCapacityBuild")).toBe(FORMAT.months);
      const byKey = new Map(spec.assumptions.map((a) => [a.key, a.numberFormat]));
      expect(byKey.get("discountRate")).toBe(FORMAT.percent);
      expect(byKey.get("rentRate")).toBe(FORMAT.usdCents);
      expect(byKey.get("buildMonths")).toBe(FORMAT.months);
      expect(cells.get(`${yearColumn(1)}${LAYOUT.cashflows.buildTotal}`)?.numberFormat).toBe(
        FORMAT.usd
      );
      expect(cells.get(`${yearColumn(1)}${LAYOUT.cashflows.fraction}`)?.numberFormat).toBe(
        FORMAT.percent
      );
      expect(cells.get(`C${LAYOUT.derived.itMw}`)?.numberFormat).toBe(FORMAT.mw);
    });

    it("fixes the horizon to the year columns", () => {
      const address = spec.names.find((n) => n.name === "CP_Horizon")?.address ?? "";
      // Then the horizon is a fixed, named, non-input value matching the year columns
      expect(cells.get(address)).toMatchObject({ value: H, style: "muted" });
      expect(spec.metadata.horizonYears).toBe(H);
      expect(cells.get(`E${rowNumber(address)}`)?.value).toMatch(/re-insert/);
    });

    it("charts the years and the two cumulative rows", () => {
      const { categories, build, rent } = LAYOUT.chartRows;
      // Then the chart covers the year categories and the two cumulative rows with their series names
      expect(spec.chart.dataAddress).toBe(`B${categories}:${yearColumn(H)}${rent}`);
      expect(spec.chart).toMatchObject({ type: "Line", seriesBy: "Rows" });
      expect(cells.has(`B${categories}`)).toBe(false);
      expect(cells.get(`B${build}`)?.value).toBe("Build");
      expect(cells.get(`B${rent}`)?.value).toBe("Rent");
      const top = parseCell(spec.chart.anchorTopLeft);
      const bottom = parseCell(spec.chart.anchorBottomRight);
      expect(bottom.row).toBeGreaterThan(top.row);
      expect(bottom.col).toBeGreaterThan(top.col);
      // Nothing under the chart except the results' own label/unit/value columns.
      for (const cell of spec.cells) {
        const p = parseCell(cell.address);
        const covered =
          p.row >= top.row && p.row <= bottom.row && p.col >= top.col && p.col <= bottom.col;
        expect(covered ? cell.address : "").toBe("");
      }
    });

    it("gives every used column a readable width", () => {
      const widths = new Map(spec.columnWidths.map((w) => [w.column, w.width]));
      const lastCol = Math.max(...spec.cells.map((c) => parseCell(c.address).col));
      // Then every used column has a readable width, the label column about 34 characters or more
      for (let col = 0; col <= lastCol; col++)
        expect(widths.get(columnLetter(col))).toBeGreaterThanOrEqual(charactersToPoints(16));
      expect(widths.get("A")).toBeGreaterThanOrEqual(charactersToPoints(34));
      expect(Math.max(...[...widths.keys()].map(columnIndex))).toBe(lastCol);
    });

    it("records the library and the scenario", () => {
      // Then the metadata records the library and the scenario
      expect(spec.metadata).toEqual({
        libraryId: VALIDATED_BUNDLED_LIBRARY.meta.id,
        libraryVersion: VALIDATED_BUNDLED_LIBRARY.meta.version,
        libraryName: VALIDATED_BUNDLED_LIBRARY.meta.name,
        scenarioId,
        scenarioName: VALIDATED_BUNDLED_LIBRARY.scenarios[scenarioId].name,
        horizonYears: H,
      });
      expect(cells.get(`C${LAYOUT.header.published}`)?.value).toBe(
        VALIDATED_BUNDLED_LIBRARY.meta.publishedAt
      );
    });

    it("matches assumptionsFromLibrary", () => {
      // Then assumptionsFromLibrary returns exactly the template's assumption rows
      expect(assumptionsFromLibrary(index, scenarioId, "")).toEqual(spec.assumptions);
      expect(assumptionsFromLibrary(index, scenarioId, "_2")).toEqual(
        buildRentVsBuildTemplate(index, scenarioId, { sheetName: "X", nameSuffix: "_2" })
          .assumptions
      );
    });

    it("builds the same spec twice", () => {
      // Then building it twice gives the same spec
      expect(buildRentVsBuildTemplate(index, scenarioId, placement)).toEqual(spec);
    });
  });

  describe("a second sheet (suffix _2)", () => {
    // When a second sheet gets the suffix _2
    const spec = buildRentVsBuildTemplate(index, "enterprise-1k-h100", {
      sheetName: "Rent vs Build (2)",
      nameSuffix: "_2",
    });

    it("suffixes every name, in cells and formulas", () => {
      const names = new Set(spec.names.map((n) => n.name));
      // Then every name and every name in a formula carries the suffix, and the sheet evaluates alike
      for (const name of names) expect(name).toMatch(/^CP_[A-Za-z]+_2$/);
      for (const a of spec.assumptions) expect(a.name.endsWith("_2")).toBe(true);
      for (const name of Object.values(spec.resultNames)) expect(names.has(name)).toBe(true);
      const cells = cellMap(spec);
      const problems = spec.cells.flatMap((c) =>
        c.formula ? lintFormula(c.formula, names, cells) : []
      );
      expect(problems).toEqual([]);
      const plain = evaluateTemplate(
        buildRentVsBuildTemplate(index, "enterprise-1k-h100", placement)
      );
      const suffixed = evaluateTemplate(spec);
      expect(suffixed.named("CP_NpvBuild_2")).toBe(plain.named("CP_NpvBuild"));
      expect(suffixed.named("CP_Verdict_2")).toBe(plain.named("CP_Verdict"));
    });

    it("refuses a suffix that could break a name", () => {
      // Then a suffix that could break a name is refused
      expect(() =>
        buildRentVsBuildTemplate(index, "enterprise-1k-h100", {
          sheetName: "S",
          nameSuffix: " (2)",
        })
      ).toThrow(/suffix/);
    });
  });

  describe("an unknown scenario", () => {
    // When the scenario is unknown
    it("names the scenario and the nearest ones", () => {
      // Then it throws an error naming the scenario and suggesting the nearest ones
      expect(() => buildRentVsBuildTemplate(index, "xai-memphis-2025", placement)).toThrow(
        /Unknown scenario "xai-memphis-2025".*xai-memphis-2024/
      );
      expect(() => assumptionsFromLibrary(index, "nope", "")).toThrow(/Unknown scenario/);
    });
  });

  describe("a scenario given by its display name", () => {
    // When the scenario is given by its display name instead of its id
    it("resolves to the same template", () => {
      const byName = buildRentVsBuildTemplate(
        index,
        VALIDATED_BUNDLED_LIBRARY.scenarios["enterprise-1k-h100"].name,
        placement
      );
      // Then it resolves to the same template
      expect(byName).toEqual(buildRentVsBuildTemplate(index, "enterprise-1k-h100", placement));
    });
  });

  describe("library text that looks like a formula, a number or a date", () => {
    // When library text looks like a formula, a number or a date
    const hostile = JSON.parse(JSON.stringify(VALIDATED_BUNDLED_LIBRARY)) as LibraryDocument;
    const scenario = hostile.scenarios["enterprise-1k-h100"];
    scenario.name = '=HYPERLINK("http://evil.example","click")';
    scenario.description = "+cmd|' /C calc'!A0";
    hostile.regions["us-va"].name = "2024-05";
    hostile.gpus["h100-sxm"].systemPricePerGpu.source = "@SUM(1+1)";
    const spec = buildRentVsBuildTemplate(buildIndex(hostile), "enterprise-1k-h100", placement);

    it("is written as text, never as a formula", () => {
      const written = contentBlocks(spec.cells).flatMap((b) => (b.formulas ?? []).flat());
      // Then it is written as text (apostrophe prefix), never as a formula, and never enters a formula
      expect(written).toContain('\'=HYPERLINK("http://evil.example","click")');
      expect(written).toContain("'+cmd|' /C calc'!A0");
      expect(written).toContain("'2024-05");
      expect(written).toContain("'@SUM(1+1)");
      for (const cell of spec.cells) {
        if (cell.formula) expect(cell.formula).not.toMatch(/HYPERLINK|cmd|evil/);
      }
      const sheet = evaluateTemplate(spec);
      expect(sheet.value(`A${LAYOUT.header.scenario}`)).toBe(scenario.name);
      expect(sheet.errors()).toEqual([]);
    });
  });
});

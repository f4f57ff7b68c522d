/**
 * The Options comparison template (issue 11): the same lint as the rent-vs-build spec (allowed functions
 * and literals, names, no reference to a cell the template leaves empty except inside its two spills,
 * formula length), then, for every scenario of the default library, the sheet inserted into the workbench's
 * HyperFormula store with the BUILT custom functions (dist/functions.js and functions.json, as in
 * templateVsFunctions.test.ts): its native formulas must agree to the cent with CAPPLAN.OPTIONS and
 * CAPPLAN.OPTIONLINES called directly, its ranking with a ranking computed here, and its waterfall with
 * the lines of the two best routes.
 *
 * Needs the built add-in: `npx webpack --mode production`.
 */
import { asExcelNamespace, createMemoryExcel } from "../../../src/dev/excel-host";
import {
  CapplanFunctionRegistry,
  parseFunctionsJson,
} from "../../../src/dev/workbench/capplanPlugin";
import { HyperFormulaCellStore } from "../../../src/dev/workbench/hyperFormulaStore";
import { insertOptionsComparison } from "../../../src/excel/insertOptionsComparison";
import { cellAddress, parseCell, parseRange } from "../../../src/model/a1";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { COST_LINES, OPTION_LABELS } from "../../../src/model/options";
import { MAX_FORMULA_LENGTH } from "../../../src/templates/blocks";
import {
  buildOptionsComparisonTemplate,
  OPTION_LINES_SPILL,
  OPTIONS_LAYOUT as L,
  OPTIONS_SPILL,
} from "../../../src/templates/optionsComparison";
import type { CellSpec, TemplateSpec } from "../../../src/templates/types";
import { formulaTokens, referencedCells } from "../../support/templates/formulaLint";
import { loadBuiltFunctions, type LoadedFunctions } from "../../support/customFunctionsRuntime";
import { readDistFile } from "../../support/dist";

const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
const scenarioIds = Object.keys(VALIDATED_BUNDLED_LIBRARY.scenarios);
const placement = { sheetName: "Options comparison", nameSuffix: "" };
const CENT = 0.005;

/** Structure, not data: MATCH's exact mode, MAX(x, 0), RANK's ascending order, FIXED's 0 decimals. */
const ALLOWED_LITERALS = new Set([0, 1]);
const ALLOWED_FUNCTIONS = new Set([
  "IF",
  "ISNUMBER",
  "RANK",
  "COUNTIF",
  "INDEX",
  "MATCH",
  "IFERROR",
  "FIXED",
  "MIN",
  "MAX",
  "SUM",
  "CAPPLAN.LIBRARY",
  "CAPPLAN.OPTIONS",
  "CAPPLAN.OPTIONLINES",
]);

/** The cells the two spills fill (empty in the spec, written by Excel). */
function spillCells(): Set<string> {
  const cells = new Set<string>();
  for (const spill of [OPTIONS_SPILL, OPTION_LINES_SPILL]) {
    const { row, col } = parseCell(spill.anchor);
    for (let r = 0; r < spill.rows; r++)
      for (let c = 0; c < spill.columns; c++) cells.add(cellAddress(row + r, col + c));
  }
  return cells;
}

function lintFormula(
  formula: string,
  names: ReadonlySet<string>,
  cells: ReadonlyMap<string, CellSpec>,
  spilled: ReadonlySet<string>
): string[] {
  const problems: string[] = [];
  if (formula.length > MAX_FORMULA_LENGTH) problems.push(`length ${formula.length}`);
  for (const token of formulaTokens(formula)) {
    if (token.kind === "number" && !ALLOWED_LITERALS.has(token.value))
      problems.push(`literal ${token.value}`);
    if (token.kind === "function" && !ALLOWED_FUNCTIONS.has(token.text))
      problems.push(`function ${token.text}`);
    if (token.kind === "name" && !names.has(token.text))
      problems.push(`unknown name ${token.text}`);
    if (token.kind === "cell" || token.kind === "range") {
      for (const address of referencedCells(token.text))
        if (!cells.has(address) && !spilled.has(address)) problems.push(`empty cell ${address}`);
    }
  }
  return problems;
}

describe("the options comparison template spec", () => {
  // Given the options comparison spec
  describe.each(scenarioIds)("scenario %s", (scenarioId) => {
    // When built for the scenario
    const spec = buildOptionsComparisonTemplate(index, scenarioId, placement);
    const cells = new Map(spec.cells.map((c) => [c.address, c]));
    const names = new Set(spec.names.concat(spec.assumptions).map((n) => n.name));
    const spilled = spillCells();

    it("gives every cell one address and one of value or formula", () => {
      // Then every address is unique and holds exactly one of value or formula
      expect(cells.size).toBe(spec.cells.length);
      for (const cell of spec.cells)
        expect([cell.value !== undefined, cell.formula !== undefined].filter(Boolean)).toHaveLength(
          1
        );
    });

    it("names cells CP_ + letters and writes nothing inside the spills", () => {
      // Then every name matches the house pattern and points at a written cell
      for (const { name, address } of [...spec.names, ...spec.assumptions]) {
        expect(name).toMatch(/^CP_[A-Z][A-Za-z]*$/);
        expect(cells.has(address)).toBe(true);
      }
      // And no cell the spills fill is written (it would block the spill: #SPILL!)
      const anchors = new Set<string>([OPTIONS_SPILL.anchor, OPTION_LINES_SPILL.anchor]);
      for (const address of spilled)
        if (!anchors.has(address)) expect(cells.has(address)).toBe(false);
    });

    it("keeps numbers, unknown names and empty cells out of formulas", () => {
      // Then no formula holds a hard-coded number, an unknown function or name, or an empty cell outside a spill
      const problems = spec.cells.flatMap((c) =>
        c.formula === undefined
          ? []
          : lintFormula(c.formula, names, cells, spilled).map((p) => `${c.address}: ${p}`)
      );
      expect(problems).toEqual([]);
    });

    it("writes the five inputs as named, blue input cells with source and as-of", () => {
      // Then GPU, count, years, region and discount rate are inputs with their provenance beside them
      expect(spec.assumptions.map((a) => a.key)).toEqual([
        "options.gpu",
        "options.count",
        "options.years",
        "options.region",
        "options.discountRate",
      ]);
      for (const a of spec.assumptions) {
        expect(cells.get(a.address)).toMatchObject({ value: a.value, style: "input" });
        expect(a.source.length).toBeGreaterThan(5);
        expect(a.asOf).toMatch(/^\d{4}-\d{2}/);
      }
      const scenario = VALIDATED_BUNDLED_LIBRARY.scenarios[scenarioId];
      expect(spec.assumptions.map((a) => a.value).slice(0, 4)).toEqual([
        scenario.gpu,
        scenario.count,
        scenario.years,
        scenario.region,
      ]);
    });

    it("calls each CAPPLAN function once over the named inputs", () => {
      const capplan = spec.cells.filter((c) => c.formula?.includes("CAPPLAN."));
      // Then only the library look-up and the two spills call the add-in
      const args = spec.assumptions.map((a) => a.name).join(",");
      expect(capplan.map((c) => c.formula)).toEqual([
        "=CAPPLAN.LIBRARY()",
        `=CAPPLAN.OPTIONS(${args})`,
        `=CAPPLAN.OPTIONLINES(${args})`,
      ]);
    });

    it("charts the NPVs as clustered bars and the waterfall as stacked columns", () => {
      // Then the first chart reads the route labels and both NPV columns, the second the waterfall's
      // base (hidden), total, increase and decrease from the best NPV to the second best's
      expect(spec.charts.map((c) => c.type)).toEqual(["BarClustered", "ColumnStacked"]);
      expect(spec.charts[0]?.dataAddress).toBe(`A${L.tableHeader}:C${L.tableHeader + 6}`);
      expect(spec.charts[1]).toMatchObject({
        dataAddress: `A${L.waterfallHeader}:E${L.waterfallEnd}`,
        hiddenSeries: [0],
      });
      const data = parseRange(spec.charts[1]?.dataAddress ?? "");
      expect(data.rowCount).toBe(COST_LINES.length + 3);
    });
  });

  it("suffixes every name, in cells and formulas", () => {
    // Given a second sheet's placement
    const spec = buildOptionsComparisonTemplate(index, scenarioIds[0], {
      sheetName: "Options comparison (2)",
      nameSuffix: "_2",
    });
    // Then every name carries the suffix, and so does every name a formula uses
    for (const n of [...spec.names, ...spec.assumptions])
      expect(n.name).toMatch(/^CP_[A-Za-z]+_2$/);
    const used = spec.cells.flatMap((c) =>
      formulaTokens(c.formula ?? "").filter((t) => t.kind === "name")
    );
    for (const t of used) if (t.kind === "name") expect(t.text).toMatch(/_2$/);
  });
});

// ------------------------------------------------------------------ evaluated with the built functions

let loaded: LoadedFunctions;
let functionsJson: unknown;

beforeAll(() => {
  loaded = loadBuiltFunctions();
  functionsJson = JSON.parse(readDistFile("functions.json"));
});

interface Inserted {
  readonly spec: TemplateSpec;
  value(address: string): unknown;
}

async function insertScenario(scenarioId: string): Promise<Inserted> {
  const registry = new CapplanFunctionRegistry(parseFunctionsJson(functionsJson));
  for (const [id, fn] of loaded.registered) registry.associate(id, fn);
  expect(registry.missing()).toEqual([]);
  const store = new HyperFormulaCellStore({ capplan: registry, sheets: ["Sheet1"] });
  const excel = asExcelNamespace(createMemoryExcel(store).Excel);
  const inserted = await insertOptionsComparison(excel, index, scenarioId);
  const sheet = store.findSheetByName(inserted.sheetName)?.id ?? "";
  return {
    spec: buildOptionsComparisonTemplate(index, scenarioId, {
      sheetName: inserted.sheetName,
      nameSuffix: inserted.nameSuffix,
    }),
    value(address) {
      const { row, col } = parseCell(address);
      return store.getCell(sheet, row, col).value;
    },
  };
}

/** What the template's ranking should be: ascending NPV incl. delay, ties by route order, text unranked. */
function expectedRanks(delay: readonly unknown[]): (number | string)[] {
  return delay.map((v, i) => {
    if (typeof v !== "number") return "not priced";
    const lower = delay.filter((w) => typeof w === "number" && w < v).length;
    const tiedAbove = delay.slice(0, i).filter((w) => w === v).length;
    return 1 + lower + tiedAbove;
  });
}

describe("the options comparison sheet, evaluated", () => {
  // Given each scenario's sheet inserted in the workbench engine with the built CAPPLAN functions
  it.each(scenarioIds)(
    "agrees with OPTIONS and OPTIONLINES to the cent (%s)",
    async (scenarioId) => {
      const w = await insertScenario(scenarioId);
      const a = w.spec.assumptions.map((x) => x.value);
      // When OPTIONS and OPTIONLINES are called directly with the inputs
      const options = loaded.call("OPTIONS", ...a) as (string | number)[][];
      const lines = loaded.call("OPTIONLINES", ...a) as (string | number)[][];

      // Then the side-by-side table holds OPTIONS' values (peak capital is its 7th column)
      const spillColumnOf = [1, 2, 3, 4, 6];
      OPTION_LABELS.forEach((label, k) => {
        const row = L.firstRoute + k;
        expect(w.value(`A${row}`)).toBe(label);
        ["B", "C", "D", "E", "F"].forEach((column, j) => {
          const expected = options[k + 1][spillColumnOf[j]];
          const actual = w.value(`${column}${row}`);
          if (typeof expected === "number")
            expect(Math.abs((actual as number) - expected)).toBeLessThan(CENT);
          else expect(actual).toBe(expected);
        });
      });

      // And each route's cost lines add up to its NPV, to the cent (the model's identity, on library data)
      for (let k = 1; k <= 6; k++) {
        if (typeof options[k][1] !== "number") continue;
        const sum = lines.slice(1).reduce((acc, row) => acc + (row[k] as number), 0);
        expect(Math.abs(sum - (options[k][1] as number))).toBeLessThan(CENT);
      }

      // And the ranks are the ascending NPVs incl. cost of delay, unpriced routes 'not priced'
      const delay = options.slice(1).map((r) => r[2]);
      const ranks = expectedRanks(delay);
      OPTION_LABELS.forEach((_, k) => expect(w.value(`G${L.firstRoute + k}`)).toBe(ranks[k]));
      // (the GB200 scenario has no GB200 rental offer: its two rent routes and the bridge are not priced)
      if (scenarioId === "gb200-nvl72-64-racks")
        expect(ranks.filter((r) => r === "not priced")).toHaveLength(3);
      const best = OPTION_LABELS[ranks.indexOf(1)];
      const second = OPTION_LABELS[ranks.indexOf(2)];
      expect(w.value(`C${L.best}`)).toBe(best);
      expect(w.value(`C${L.second}`)).toBe(second);
      expect(String(w.value(`C${L.verdict}`))).toMatch(
        new RegExp(`^Best: ${best.replace(/[+:]/g, "\\$&")}, `)
      );

      // And the waterfall starts at the best NPV, steps by each line's (second - best), ends at the second's
      const column = (label: string): number => OPTION_LABELS.indexOf(label as never) + 1;
      const npvOf = (label: string): number => options[column(label)][1] as number;
      expect(Math.abs((w.value(`F${L.waterfallStart}`) as number) - npvOf(best))).toBeLessThan(
        CENT
      );
      let running = npvOf(best);
      COST_LINES.forEach(([, label], i) => {
        const row = L.firstLine + i;
        const lineRow = lines.find((r) => r[0] === label) ?? [];
        const change = (lineRow[column(second)] as number) - (lineRow[column(best)] as number);
        running += change;
        expect(Math.abs((w.value(`F${row}`) as number) - change)).toBeLessThan(CENT);
        expect(Math.abs((w.value(`G${row}`) as number) - running)).toBeLessThan(CENT);
        // the chart's columns: an increase or a decrease on an invisible base
        expect(w.value(`D${row}`)).toBeCloseTo(Math.max(change, 0), 2);
        expect(w.value(`E${row}`)).toBeCloseTo(Math.max(-change, 0), 2);
      });
      expect(Math.abs(running - npvOf(second))).toBeLessThan(CENT);
      expect(Math.abs(w.value(`F${L.check}`) as number)).toBeLessThan(CENT);
    }
  );
});

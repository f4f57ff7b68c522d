/**
 * The template's risk section evaluated in HyperFormula, and its values equal the engine's (docs/model.md
 * section 12.13): the values written at insert are a fresh run of the case read back from the sheet's own
 * cells; the sheet's native formulas agree with the engine at the typical inputs to the cent; Status, the
 * tornado deltas and the histogram shares behave as their formulas say.
 */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { OUTPUT_KEYS } from "../../../src/model/risk/simulate";
import {
  LAYOUT,
  RISK_BINS,
  RISK_ROW_KEYS,
  type AssumptionKey,
} from "../../../src/templates/layout";
import { buildRentVsBuildTemplate } from "../../../src/templates/rentVsBuild";
import {
  riskRangeNameBase,
  runTemplateRisk,
  templateRiskCase,
} from "../../../src/templates/riskRun";
import {
  RISK_HISTOGRAM_COLUMN,
  RISK_RANGE_COLUMN,
  RISK_RESULT_COLUMNS,
  RISK_TORNADO_COLUMN,
  riskLayoutInputs,
  riskValueCells,
} from "../../../src/templates/sections/risk";
import type { TemplateSpec } from "../../../src/templates/types";
import { evaluateTemplate, type EvaluatedTemplate } from "../../support/templates/evaluateTemplate";

const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
const scenarioIds = Object.keys(VALIDATED_BUNDLED_LIBRARY.scenarios);
// A fixed time, so the stamp is known (the insert uses the library's publication date without one).
const NOW = new Date("2026-12-03T12:34:56.000Z");
const placement = { sheetName: "Rent vs Build", nameSuffix: "", now: NOW };
// The run at insert: 10,000 trials, seed 1 (the section's documented defaults, docs/model.md 12.13).
const TRIALS = 10_000;
const SEED = 1;
// The bundled library's meta (src/model/library/default-library.json), as the stamp names it.
const LIBRARY_TEXT = "Capacity Planner default library 1.1.0";
const UP_TO_DATE = /^Up to date: /;
const STALE = /^Inputs changed /;

function cellsOf(spec: TemplateSpec) {
  return new Map(spec.cells.map((cell) => [cell.address, cell] as const));
}

/** A named cell's value as HyperFormula computes it, or undefined when the sheet has no such name. */
function reader(spec: TemplateSpec, sheet: EvaluatedTemplate) {
  const names = new Set(spec.names.map((n) => n.name));
  return (name: string): unknown => (names.has(name) ? sheet.named(name) : undefined);
}

/** Each scenario's template, inserted at a known time, and its evaluation in HyperFormula (built once). */
const built = new Map<string, { spec: TemplateSpec; sheet: EvaluatedTemplate }>();
function template(scenarioId: string) {
  let found = built.get(scenarioId);
  if (found === undefined) {
    const spec = buildRentVsBuildTemplate(index, scenarioId, placement);
    found = { spec, sheet: evaluateTemplate(spec) };
    built.set(scenarioId, found);
  }
  return found;
}

describe("the template's risk section", () => {
  describe.each(scenarioIds)("scenario %s", (scenarioId) => {
    // Given the scenario's template, inserted at a known time, evaluated in HyperFormula
    const { spec, sheet } = template(scenarioId);
    const cells = cellsOf(spec);
    const stamp = LAYOUT.riskStamp;
    const s = LAYOUT.riskSummary;
    const status = () => sheet.value(`C${stamp.status}`);
    const usedRows = RISK_ROW_KEYS.filter(
      (key) => cells.get(`${RISK_RANGE_COLUMN.changed}${LAYOUT.riskRanges[key]}`)?.formula
    );

    it("holds a fresh engine run of the case read back from its own cells", () => {
      // When the case is read from the evaluated sheet and run again (10,000 trials, seed 1)
      const libraryValues = new Map(
        spec.assumptions.map((a) => [a.key as AssumptionKey, a.value] as const)
      );
      const t = templateRiskCase(index, scenarioId, "", reader(spec, sheet), libraryValues);
      const run = runTemplateRisk(t, TRIALS, SEED, NOW);
      // Then every value cell of the section is that run's, cell by cell (blank where the run writes "")
      const mismatches = riskValueCells(run).flatMap(({ address, value }) => {
        const held = cells.get(address)?.value;
        return (value === "" ? held === undefined : held === value)
          ? []
          : [`${address}: sheet ${String(held)}, run ${String(value)}`];
      });
      expect(mismatches).toEqual([]);
      // And the stamp names the run
      expect(cells.get(`C${stamp.trialsUsed}`)?.value).toBe(TRIALS);
      expect(cells.get(`C${stamp.seedUsed}`)?.value).toBe(SEED);
      expect(cells.get(`C${stamp.library}`)?.value).toBe(LIBRARY_TEXT);
      expect(String(cells.get(`C${stamp.ranAt}`)?.value)).toMatch(/^2026-12-03T12:34:56\.000Z/);
    });

    it("evaluates its formulas without errors and agrees with the engine at the typical values", () => {
      expect(sheet.errors()).toEqual([]);
      // The template's own difference incl. cost of delay (Results) vs the engine's at the typical inputs
      const engine = sheet.number(`C${s.typicalEngine}`);
      const bySheet = sheet.number(`C${s.typicalSheet}`);
      expect(Math.abs(bySheet - engine)).toBeLessThan(0.005);
      expect(status()).toMatch(UP_TO_DATE);
    });

    it("says the inputs changed after a range or an assumption changes", () => {
      // When a used input's low is typed over
      const key = usedRows[0];
      const lowName = `CP_${riskRangeNameBase(key, "Low")}`;
      const low = sheet.named(lowName) as number;
      sheet.setNamed(lowName, low - 1);
      // Then its row is flagged and Status says so
      expect(sheet.value(`${RISK_RANGE_COLUMN.changed}${LAYOUT.riskRanges[key]}`)).toBe(1);
      expect(status()).toMatch(STALE);
      sheet.setNamed(lowName, low);
      expect(status()).toMatch(UP_TO_DATE);
      // When an assumption the results depend on (the power price) is typed over
      const power = sheet.named("CP_PowerPrice") as number;
      sheet.setNamed("CP_PowerPrice", power * 2);
      expect(status()).toMatch(STALE);
      sheet.setNamed("CP_PowerPrice", power);
      // When the trials or seed differ from the last run's
      sheet.setNamed("CP_RiskSeed", SEED + 1);
      expect(status()).toMatch(STALE);
      sheet.setNamed("CP_RiskSeed", SEED);
      expect(status()).toMatch(UP_TO_DATE);
    });

    it("draws the tornado relative to the typical case, largest swing first", () => {
      const T = RISK_TORNADO_COLUMN;
      const engine = sheet.number(`C${s.typicalEngine}`);
      const swings: number[] = [];
      for (let i = 0; i < RISK_ROW_KEYS.length; i++) {
        const row = LAYOUT.riskTornadoFirstRow + i;
        if (cells.get(`${T.key}${row}`) === undefined) continue;
        const atLow = sheet.number(`${T.atLow}${row}`);
        const atHigh = sheet.number(`${T.atHigh}${row}`);
        expect(sheet.number(`${T.lowDelta}${row}`)).toBeCloseTo(atLow - engine, 6);
        expect(sheet.number(`${T.highDelta}${row}`)).toBeCloseTo(atHigh - engine, 6);
        // The swing is the distance between the two ends (docs/model.md 12: one input at a time)
        expect(sheet.number(`${T.swing}${row}`)).toBeCloseTo(Math.abs(atHigh - atLow), 6);
        swings.push(sheet.number(`${T.swing}${row}`));
      }
      // At most one bar per input the case uses (inputs that share one library figure share a bar)
      expect(swings.length).toBeGreaterThan(0);
      expect(swings.length).toBeLessThanOrEqual(usedRows.length);
      expect(swings).toEqual([...swings].sort((a, b) => b - a));
    });

    it("shares the trials among the histogram's bins", () => {
      const H = RISK_HISTOGRAM_COLUMN;
      const first = LAYOUT.riskHistogramFirstRow;
      const last = first + RISK_BINS - 1;
      let counts = 0;
      let shares = 0;
      for (let row = first; row <= last; row++) {
        counts += sheet.number(`${H.count}${row}`);
        shares += sheet.number(`${H.share}${row}`);
        expect(sheet.value(`${H.curveValue}${row}`)).toBe(sheet.value(`${H.cumulative}${row}`));
      }
      // Every trial falls in one bin: the counts add up to the trials, the shares to 1
      expect(counts).toBe(TRIALS);
      expect(shares).toBeCloseTo(1, 12);
      expect(sheet.number(`${H.cumulative}${last}`)).toBeCloseTo(1, 12);
    });

    it("orders every percentile row and keeps probabilities in [0, 1]", () => {
      for (const key of OUTPUT_KEYS) {
        const row = LAYOUT.riskResults[key];
        const percentiles = RISK_RESULT_COLUMNS.slice(1).map((col) => sheet.value(`${col}${row}`));
        // An output without useful GPU-hours says so in words instead of numbers
        if (percentiles.some((v) => typeof v !== "number")) continue;
        const numbers = percentiles as number[];
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      }
      for (const row of [s.probabilityBuildWins, s.probabilityBuildWinsExclDelay]) {
        const p = sheet.number(`C${row}`);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    });
  });

  it("links typical values to the template's cells, except where the scenario holds another figure", () => {
    // Given xAI Memphis, whose scenario sets the grid wait to 11 months in its model v2 inputs while the
    // library's Tennessee figure is 48 months (regions.us-tn.gridConnectionMonths, "US average 48")
    const { spec, sheet } = template("xai-memphis-2024");
    const cells = cellsOf(spec);
    expect(sheet.named("CP_GridMonths")).toBe(11);
    const libraryCase = templateRiskCase(index, "xai-memphis-2024", "", () => undefined, new Map());
    const inputs = riskLayoutInputs(libraryCase.c, spec.assumptions, "");
    const byKey = new Map(inputs.map((input) => [input.key, input] as const));
    const typical = (key: (typeof RISK_ROW_KEYS)[number]) =>
      cells.get(`${RISK_RANGE_COLUMN.typical}${LAYOUT.riskRanges[key]}`);
    // Then the grid wait keeps its own Typical input (the library's 48), refreshable like low and high
    expect(byKey.get("gridMonths")?.linkedTo).toBeNull();
    expect(typical("gridMonths")).toMatchObject({ value: 48, style: "input" });
    expect(typical("gridMonths")?.formula).toBeUndefined();
    expect(spec.assumptions.map((a) => a.key)).toContain("risk.gridMonths.typical");
    // And an input with no template cell (the approach's construction months) holds its own too
    expect(byKey.get("constructionMonths")?.linkedTo).toBeNull();
    // And the system price links to the template's cell
    expect(byKey.get("systemPricePerGpu")?.linkedTo).toBe("CP_SystemPricePerGpu");
    // And every linked typical is the formula =CP_<Name> of the cell it links to, with its value
    const linked = inputs.filter((input) => input.linkedTo !== null);
    expect(linked.length).toBeGreaterThan(0);
    for (const input of linked) {
      expect(input.linkedTo).toMatch(/^CP_[A-Za-z0-9]+$/);
      expect(typical(input.key)?.formula).toBe(`=${input.linkedTo}`);
      expect(sheet.named(`CP_${riskRangeNameBase(input.key, "Typical")}`)).toBe(
        sheet.named(input.linkedTo ?? "")
      );
      expect(spec.assumptions.map((a) => a.key)).not.toContain(`risk.${input.key}.typical`);
    }
  });
});

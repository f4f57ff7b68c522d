/**
 * The template against the CAPPLAN functions themselves (issue 3): for every scenario of the default
 * library, the rent-vs-build template is inserted (insertTemplate -> buildRentVsBuildTemplate) into
 * a HyperFormula workbook that has the REAL custom functions registered, i.e. the built
 * dist/functions.js (loaded through CustomFunctions.associate in a vm context) turned into a
 * HyperFormula plugin from the built dist/functions.json by src/dev/workbench/capplanPlugin.ts.
 * A second sheet of the same workbook holds =CAPPLAN.CASHFLOWS("build"/"rent", ...) and
 * =CAPPLAN.RENTVSBUILD(...) for the scenario's arguments; every year of the template's build and
 * rent cash-flow totals and its NPV build / NPV rent / difference results must equal the functions'
 * spilled values to the cent. smartRounding is off in the workbench engine (full doubles).
 *
 * Needs the built add-in: `npm run build` (npm test builds first).
 */
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { asExcelNamespace, createMemoryExcel } from "../../../src/dev/excel-host";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex, findGpu } from "../../../src/model/library/indexLibrary";
import { resolveScenarioInputs, type ResolvedScenario } from "../../../src/model/resolve";
import { columnLetter, parseCell } from "../../../src/model/a1";
import { LAYOUT, yearColumn } from "../../../src/templates/layout";
import { buildRentVsBuildTemplate } from "../../../src/templates/rentVsBuild";
import type { RentVsBuildSpec } from "../../../src/templates/types";
import {
  CapplanFunctionRegistry,
  parseFunctionsJson,
} from "../../../src/dev/workbench/capplanPlugin";
import { HyperFormulaCellStore } from "../../../src/dev/workbench/hyperFormulaStore";
import { loadBuiltFunctions, type LoadedFunctions } from "../../support/customFunctionsRuntime";
import { readDistFile } from "../../support/dist";

const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
const scenarioIds = Object.keys(VALIDATED_BUNDLED_LIBRARY.scenarios);
const CENT = 0.005;
const FUNCTIONS_SHEET = "Functions";

/** Where the function formulas go on the Functions sheet (0-based row/col). */
const AT = {
  buildFlows: { row: 0, col: 0 },
  rentFlows: { row: 0, col: 1 },
  npvOfBuildFlows: { row: 0, col: 2 },
  rentVsBuild: { row: 0, col: 4 },
} as const;

/** Why a scenario's rent side cannot be written as CAPPLAN arguments (null: it can). */
type RentNotExpressible = null | "offer-for-another-gpu" | "rent-lead-time-override";

function rentNotExpressible(resolved: ResolvedScenario): RentNotExpressible {
  if (resolved.offer.gpu !== resolved.gpu.id) return "offer-for-another-gpu";
  // The functions always use the offer's own lead time; a scenario may override it.
  if (resolved.rent.leadTimeMonths !== resolved.offer.leadTimeMonths.value)
    return "rent-lead-time-override";
  return null;
}

/** The scenarios whose rent side the functions cannot express, and why (pinned: a new one must be looked at). */
const EXPECTED_NOT_EXPRESSIBLE: Readonly<Record<string, RentNotExpressible>> = {
  // The reference set has no GB200 rental figure: the scenario rents B200s at the neocloud rate as
  // a proxy, while CASHFLOWS/RENTVSBUILD look up an offer for the GPU they are given (GB200 NVL72).
  "gb200-nvl72-64-racks": "offer-for-another-gpu",
};

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

let loaded: LoadedFunctions;
let functionsJson: unknown;

beforeAll(() => {
  loaded = loadBuiltFunctions();
  functionsJson = JSON.parse(readDistFile("functions.json"));
});

/** A workbench engine with the built CAPPLAN functions, as the workbench (and Excel) would run them. */
function newStore(): HyperFormulaCellStore {
  const registry = new CapplanFunctionRegistry(parseFunctionsJson(functionsJson));
  for (const [id, fn] of loaded.registered) registry.associate(id, fn);
  expect(registry.missing()).toEqual([]);
  return new HyperFormulaCellStore({ capplan: registry, sheets: [FUNCTIONS_SHEET] });
}

interface Workbook {
  readonly store: HyperFormulaCellStore;
  readonly spec: RentVsBuildSpec;
  readonly resolved: ResolvedScenario;
  readonly horizon: number;
  /** Value of a cell of the template sheet, A1 address. */
  template(address: string): unknown;
  /** Value of the template cell a workbook name points at. */
  named(name: string): unknown;
  /** Value of a Functions-sheet cell, 0-based. */
  fn(row: number, col: number): unknown;
  /** "#N/A: message" of a Functions-sheet cell, or null when it is not an error. */
  fnError(row: number, col: number): { code: string; message: string } | null;
}

async function insertScenario(scenarioId: string): Promise<Workbook> {
  const store = newStore();
  const excel = asExcelNamespace(createMemoryExcel(store).Excel);
  const inserted = await insertTemplate(excel, index, scenarioId);
  // The same spec insertTemplate rendered (same placement): its names say where everything is.
  const spec = buildRentVsBuildTemplate(index, scenarioId, {
    sheetName: inserted.sheetName,
    nameSuffix: inserted.nameSuffix,
  });
  const templateSheet = store.findSheetByName(inserted.sheetName)?.id;
  const functionsSheet = store.findSheetByName(FUNCTIONS_SHEET)?.id;
  if (templateSheet === undefined || functionsSheet === undefined)
    throw new Error("sheets missing");
  const addressOf = new Map(spec.names.map(({ name, address }) => [name, address]));
  const template = (address: string): unknown => {
    const { row, col } = parseCell(address);
    return store.getCell(templateSheet, row, col).value;
  };
  return {
    store,
    spec,
    resolved: resolveScenarioInputs(index, scenarioId),
    horizon: spec.metadata.horizonYears,
    template,
    named(name) {
      const address = addressOf.get(name);
      if (address === undefined) throw new Error(`No workbook name ${name}`);
      return template(address);
    },
    fn: (row, col) => store.getCell(functionsSheet, row, col).value,
    fnError: (row, col) => store.getCellError(functionsSheet, row, col),
  };
}

/** Writes a formula on the Functions sheet. */
function write(w: Workbook, at: { row: number; col: number }, formula: string): void {
  const sheet = w.store.findSheetByName(FUNCTIONS_SHEET)?.id ?? "";
  w.store.setFormula(sheet, at.row, at.col, formula);
}

/** The scenario as CAPPLAN arguments: ids, the offer's term, and the offer id as the provider. */
function argumentsOf(resolved: ResolvedScenario) {
  return {
    gpu: quote(resolved.gpu.id),
    count: String(resolved.scenario.count),
    years: String(resolved.compare.horizonYears),
    region: quote(resolved.region.id),
    term: quote(resolved.offer.term),
    discountRate: String(resolved.compare.discountRate),
    approach: quote(resolved.approach.id),
    provider: quote(resolved.offer.id),
  };
}

function cashflowsFormula(option: "build" | "rent", resolved: ResolvedScenario): string {
  const a = argumentsOf(resolved);
  return `=CAPPLAN.CASHFLOWS("${option}",${a.gpu},${a.count},${a.years},${a.region},${a.term},${a.approach},${a.provider})`;
}

function rentVsBuildFormula(resolved: ResolvedScenario): string {
  const a = argumentsOf(resolved);
  return `=CAPPLAN.RENTVSBUILD(${a.gpu},${a.count},${a.years},${a.region},${a.term},${a.discountRate},${a.approach},${a.provider})`;
}

/** Every |template - function| > 1 cent, as readable lines ([] when all agree). */
function moneyMismatches(pairs: readonly [string, unknown, unknown][]): string[] {
  return pairs.flatMap(([what, sheet, fn]) =>
    typeof sheet === "number" && typeof fn === "number" && Math.abs(sheet - fn) <= CENT
      ? []
      : [`${what}: template ${String(sheet)} vs function ${String(fn)}`]
  );
}

/** The template's value of a cash-flow total row in every year column. */
function templateRow(w: Workbook, key: "buildTotal" | "rentTotal"): unknown[] {
  return Array.from({ length: w.horizon + 1 }, (_, y) =>
    w.template(`${yearColumn(y)}${LAYOUT.cashflows[key]}`)
  );
}

/** The function's spill down a Functions-sheet column, year 0 to the horizon. */
function spilledColumn(w: Workbook, at: { row: number; col: number }): unknown[] {
  return Array.from({ length: w.horizon + 1 }, (_, y) => w.fn(at.row + y, at.col));
}

function rowPairs(label: string, template: unknown[], fn: unknown[]): [string, unknown, unknown][] {
  return template.map((v, y) => [`${label} year ${y}`, v, fn[y]]);
}

describe("the default library's scenarios", () => {
  // Given the default library's scenarios
  it("lists exactly the scenarios whose rent side CAPPLAN cannot express", () => {
    const found = Object.fromEntries(
      scenarioIds
        .map((id) => [id, rentNotExpressible(resolveScenarioInputs(index, id))] as const)
        .filter(([, why]) => why !== null)
    );
    // Then exactly the known scenarios have a rent side the CAPPLAN arguments cannot express
    expect(found).toEqual(EXPECTED_NOT_EXPRESSIBLE);
    // Most scenarios are fully expressible, so the RENTVSBUILD comparison below is not vacuous.
    expect(scenarioIds.length - Object.keys(found).length).toBeGreaterThanOrEqual(4);
  });
});

describe("the template against the built CAPPLAN functions", () => {
  // Given the rent-vs-build template inserted into a workbook with the built CAPPLAN functions
  describe.each(scenarioIds)("scenario %s", (scenarioId) => {
    // When inserted for the scenario
    let w: Workbook;
    let notExpressible: RentNotExpressible;

    beforeAll(async () => {
      w = await insertScenario(scenarioId);
      notExpressible = rentNotExpressible(w.resolved);
      write(w, AT.buildFlows, cashflowsFormula("build", w.resolved));
      write(w, AT.rentFlows, cashflowsFormula("rent", w.resolved));
      write(w, AT.rentVsBuild, rentVsBuildFormula(w.resolved));
      // The function's documented NPV: =CF0 + NPV(rate, CF1:CFn) over its own spill.
      const col = columnLetter(AT.buildFlows.col);
      const first = AT.buildFlows.row + 1;
      write(
        w,
        AT.npvOfBuildFlows,
        `=${col}${first}+NPV(${w.resolved.compare.discountRate},${col}${first + 1}:${col}${first + w.horizon})`
      );
    });

    it("passes the template's inputs as the functions' arguments", () => {
      const input = (key: string): unknown => {
        const a = w.spec.assumptions.find((x) => x.key === key);
        if (a === undefined) throw new Error(`no assumption ${key}`);
        return w.template(a.address);
      };
      // Then the template's inputs are the arguments given to the functions
      expect(input("gpuCount")).toBe(w.resolved.scenario.count);
      expect(input("discountRate")).toBe(w.resolved.compare.discountRate);
      expect(w.horizon).toBe(w.resolved.compare.horizonYears);
      expect(w.template(`C${LAYOUT.header.liveLibrary}`)).toBe(loaded.call("LIBRARY"));
    });

    it('matches CAPPLAN.CASHFLOWS("build", ...) year by year', () => {
      const spilled = spilledColumn(w, AT.buildFlows);
      // Then each year's build cash flow equals the spilled CAPPLAN.CASHFLOWS("build", ...) to the cent
      expect(spilled.every((v) => typeof v === "number")).toBe(true);
      // Exactly the horizon's years: nothing spills past it.
      expect(w.fn(AT.buildFlows.row + w.horizon + 1, AT.buildFlows.col)).toBeNull();
      expect(moneyMismatches(rowPairs("build", templateRow(w, "buildTotal"), spilled))).toEqual([]);
      // And NPV build is the function's own NPV of those flows (holds whether or not rent is expressible).
      expect(
        moneyMismatches([
          [
            "npvBuild",
            w.named(w.spec.resultNames.npvBuild),
            w.fn(AT.npvOfBuildFlows.row, AT.npvOfBuildFlows.col),
          ],
        ])
      ).toEqual([]);
    });

    it('matches CAPPLAN.CASHFLOWS("rent", ...) and RENTVSBUILD, or is #N/A', () => {
      const rentSpill = spilledColumn(w, AT.rentFlows);
      const table = Array.from({ length: 10 }, (_, i) => [
        w.fn(AT.rentVsBuild.row + i, AT.rentVsBuild.col),
        w.fn(AT.rentVsBuild.row + i, AT.rentVsBuild.col + 1),
      ]);
      const row = (label: string): unknown => {
        const found = table.find(([l]) => l === label);
        if (found === undefined)
          throw new Error(`RENTVSBUILD has no row "${label}": ${JSON.stringify(table)}`);
        return found[1];
      };
      const named = (key: string): unknown => w.named(w.spec.resultNames[key]);

      // Then the rent side equals CAPPLAN.CASHFLOWS("rent", ...) and RENTVSBUILD agrees, or is #N/A where it cannot be expressed
      if (notExpressible === null) {
        expect(
          moneyMismatches([
            ...rowPairs("rent", templateRow(w, "rentTotal"), rentSpill),
            ["npvBuild", named("npvBuild"), row("NPV build (USD)")],
            ["npvRent", named("npvRent"), row("NPV rent (USD)")],
            ["difference", named("difference"), row("Difference, build - rent (USD)")],
            ["costOfDelay", named("costOfDelay"), row("Cost of delay (USD, + = build later)")],
            [
              "differenceWithDelay",
              named("differenceWithDelay"),
              row("Difference incl. cost of delay (USD)"),
            ],
          ])
        ).toEqual([]);
        const breakeven = row("Breakeven (months of use)");
        expect(named("breakevenMonth")).toBe(typeof breakeven === "number" ? breakeven : "never");
        return;
      }

      // Not expressible: the template's rent side (and so NPV rent, the difference and the rest of
      // RENTVSBUILD) is checked against the finance core, to the cent, in rentVsBuildParity.test.ts,
      // with the very RentInputs the scenario resolves to. Here we only pin down that the functions
      // really cannot say it, so this is a known, visible gap rather than a silent skip.
      if (notExpressible === "offer-for-another-gpu") {
        // CAPPLAN.* look the offer up for the GPU argument; the scenario's offer is for another GPU.
        const gpuName = w.resolved.gpu.name;
        for (const at of [AT.rentFlows, AT.rentVsBuild]) {
          const error = w.fnError(at.row, at.col);
          expect(error?.code).toBe("#N/A");
          expect(error?.message).toContain("rental offer");
          expect(error?.message).toContain(gpuName);
        }
        expect(w.fnError(AT.rentFlows.row, AT.rentFlows.col)?.message).toMatch(
          new RegExp(`no rental offer for ${gpuName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)
        );
        // The rent flows themselves depend only on the offer and the count: asked for the offer's
        // own GPU, the function gives the template's rent row (NPV rent too), to the cent.
        const proxy = {
          ...w.resolved,
          gpu: findGpu(index, w.resolved.offer.gpu) ?? w.resolved.gpu,
        };
        expect(proxy.gpu.id).toBe(w.resolved.offer.gpu);
        const proxyAt = { row: 0, col: AT.rentVsBuild.col + 3 };
        write(w, proxyAt, cashflowsFormula("rent", proxy));
        expect(
          moneyMismatches(
            rowPairs("rent (offer's GPU)", templateRow(w, "rentTotal"), spilledColumn(w, proxyAt))
          )
        ).toEqual([]);
      } else {
        // A scenario lead time the offer does not have: the functions use the offer's lead time, so
        // their rent flows are numbers but not the scenario's.
        expect(rentSpill.every((v) => typeof v === "number")).toBe(true);
        expect(
          moneyMismatches(rowPairs("rent", templateRow(w, "rentTotal"), rentSpill)).length
        ).toBeGreaterThan(0);
      }
    });
  });
});

/**
 * The Board memo on the in-memory Excel host, computed by the workbench's HyperFormula store: inserted from
 * the active Rent vs Build sheet in 3 syncs, its numbers the source sheet's to the cent (they are formulas
 * over it), following an edit, a risk re-run and a refresh of the source; refused with nothing written
 * from any other sheet; set up to print on one landscape page where the host has ExcelApi 1.9.
 */
import { asExcelNamespace, createMemoryExcel } from "../../../src/dev/excel-host";
import type { CellStore, MemoryExcel } from "../../../src/dev/excel-host";
import { HyperFormulaCellStore } from "../../../src/dev/workbench/hyperFormulaStore";
import {
  NotARentVsBuildSheetError,
  NotATemplateSheetError,
  ScenarioNotInLibraryError,
} from "../../../src/excel/errors";
import type { ExcelApi } from "../../../src/excel/excelApi";
import { insertBoardMemo } from "../../../src/excel/insertBoardMemo";
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { applyRefresh, planRefresh } from "../../../src/excel/refresh";
import { parseRegistry, pinOfRegistry, REGISTRY_KEY } from "../../../src/excel/templateRegistry";
import type { TemplateRegistry } from "../../../src/excel/templateRegistry";
import { parseCell } from "../../../src/model/a1";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { MEMO_COLUMN, NOT_ON_SOURCE } from "../../../src/templates/boardMemo";
import { LAYOUT, yearColumn } from "../../../src/templates/layout";
import { activate, defaultIndex, teamIndex, typeInto } from "../../support/excel/host";

const SOURCE = "Rent vs Build";
const MEMO = "Board memo";
const SCENARIO = "xai-memphis-2024";
const CENT = 0.005;
const now = () => new Date("2026-12-04T09:00:00.000Z");

interface Book {
  readonly store: HyperFormulaCellStore;
  readonly host: MemoryExcel;
  readonly excel: ExcelApi;
}

function newBook(): Book {
  const store = new HyperFormulaCellStore({ sheets: ["Sheet1"] });
  const host = createMemoryExcel(store);
  return { store, host, excel: asExcelNamespace(host.Excel) };
}

/** "1.12" -> 12: ExcelApi versions are 1.x. */
const minorOf = (version: string): number => Number(version.split(".")[1] ?? 0);

/** Office's requirement check as the host would answer it (the memo's page setup needs ExcelApi 1.9). */
function officeWithExcelApi(version: string | null): void {
  (globalThis as { Office?: unknown }).Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, minVersion = "1.1") =>
          version !== null && name === "ExcelApi" && minorOf(minVersion) <= minorOf(version),
      },
    },
  };
}
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

function sheetIdOf(store: CellStore, name: string): string {
  const id = store.findSheetByName(name)?.id;
  if (id === undefined) throw new Error(`no sheet ${name}`);
  return id;
}

function valueAt(store: CellStore, sheet: string, address: string): unknown {
  const { row, col } = parseCell(address);
  return store.getCell(sheetIdOf(store, sheet), row, col).value;
}

function named(store: CellStore, name: string): unknown {
  const formula = store.getName(name)?.formula ?? "";
  const m = /^='?(.*?)'?!\$?([A-Z]+)\$?([0-9]+)$/.exec(formula);
  if (m === null) throw new Error(`no cell for ${name}: ${formula}`);
  return valueAt(store, m[1] ?? "", `${m[2]}${m[3]}`);
}

/** The memo row whose label (column A, or G in the appendix) is `label`. */
function memoRow(store: CellStore, label: string, column = "A"): number {
  const sheet = sheetIdOf(store, MEMO);
  const col = parseCell(`${column}1`).col;
  for (let row = 0; row < 200; row++)
    if (store.getCell(sheet, row, col).value === label) return row + 1;
  throw new Error(`no memo row '${label}'`);
}

function memo(store: CellStore, label: string, column: string): unknown {
  return valueAt(store, MEMO, `${column}${memoRow(store, label)}`);
}

function num(value: unknown): number {
  if (typeof value !== "number") throw new Error(`not a number: ${String(value)}`);
  return value;
}

function registryOf(store: CellStore): TemplateRegistry {
  const read = parseRegistry(store.getSetting(REGISTRY_KEY));
  if (read.status !== "ok") throw new Error("registry unreadable");
  return read.registry;
}

async function bookWithSource(): Promise<Book> {
  const book = newBook();
  await insertTemplate(book.excel, defaultIndex, SCENARIO, undefined, { now });
  return book;
}

describe("the Board memo", () => {
  it("is inserted from the active Rent vs Build sheet in 3 syncs", async () => {
    // Given a workbook with the xAI Rent vs Build sheet active, on a host with ExcelApi 1.9
    officeWithExcelApi("1.12");
    const { store, host, excel } = await bookWithSource();
    const sourceId = sheetIdOf(store, SOURCE);
    const registryBefore = store.getSetting(REGISTRY_KEY);
    host.stats.reset();

    // When the Board memo is inserted
    const result = await insertBoardMemo(excel, defaultIndex, undefined, { now });

    // Then it takes 3 syncs, is the active sheet, and is recorded as a memo of that sheet
    expect(host.stats.syncCount).toBe(3);
    expect(result.sheetName).toBe(MEMO);
    expect(result.warnings).toEqual([]);
    expect(store.getActiveSheetId()).toBe(result.worksheetId);
    const read = parseRegistry(store.getSetting(REGISTRY_KEY));
    if (read.status !== "ok") throw new Error("registry unreadable");
    const entry = read.registry.sheets[result.worksheetId];
    expect(entry).toMatchObject({
      kind: "boardMemo",
      sourceWorksheetId: sourceId,
      sheetName: MEMO,
      scenarioId: SCENARIO,
      assumptions: {},
    });
    // The memo records the workbook's pin, here the source's library
    const before = parseRegistry(registryBefore);
    if (before.status !== "ok") throw new Error("registry unreadable");
    const source = before.registry.sheets[sourceId];
    expect(entry?.libraryId).toBe(source?.libraryId);
    expect(entry?.libraryVersion).toBe(source?.libraryVersion);
    // And no memo cell is an error
    const errors = [];
    const memoId = sheetIdOf(store, MEMO);
    for (let row = 0; row < 120; row++)
      for (let col = 0; col < 30; col++) {
        const v = store.getCell(memoId, row, col).value;
        if (typeof v === "string" && v.startsWith("#")) errors.push(`${row + 1}:${col + 1} ${v}`);
      }
    expect(errors).toEqual([]);
  });

  it("leaves the workbook's pinned library where it was", async () => {
    // Given a sheet from the default library, then a second one from a team library (which the workbook now pins)
    officeWithExcelApi("1.12");
    const { store, excel } = await bookWithSource();
    await insertTemplate(excel, teamIndex(), SCENARIO, undefined, {
      now: () => new Date("2026-12-04T10:00:00.000Z"),
    });
    const pinBefore = pinOfRegistry(registryOf(store));
    expect(pinBefore).toMatchObject({ kind: "pinned", library: { id: "acme-capacity" } });

    // When a memo of the first sheet is inserted, later (its entry is the newest)
    await activate(excel, SOURCE);
    await insertBoardMemo(excel, defaultIndex, undefined, {
      now: () => new Date("2026-12-04T11:00:00.000Z"),
    });

    // Then the pin is the team library still (the memo's entry now names it, as the newest entry)
    expect(pinOfRegistry(registryOf(store))).toMatchObject({
      kind: "pinned",
      library: { id: "acme-capacity", version: "2.0.0", sheetName: MEMO },
    });
  });

  it("shows the source sheet's numbers to the cent", async () => {
    // Given a memo of the xAI sheet
    officeWithExcelApi("1.12");
    const { store, excel } = await bookWithSource();
    await insertBoardMemo(excel, defaultIndex, undefined, { now });
    const { build, rent } = MEMO_COLUMN;
    const close = (got: unknown, want: unknown) =>
      expect(Math.abs(num(got) - num(want))).toBeLessThanOrEqual(CENT);

    // When its cells are read (evaluated by HyperFormula)
    // Then each number is the source sheet's, and the decision word follows the sign of the difference
    const diff = num(named(store, "CP_DifferenceWithDelay"));
    expect(memo(store, "Recommended (incl. cost of delay)", build)).toBe(
      diff < 0 ? "Build" : "Rent"
    );
    expect(
      memo(
        store,
        "Costs are positive (money out); a negative difference means building costs less.",
        "A"
      )
    ).toBeDefined();
    expect(
      valueAt(store, MEMO, `A${memoRow(store, "Recommended (incl. cost of delay)") + 1}`)
    ).toBe(named(store, "CP_Verdict"));
    close(memo(store, "Discount rate (stated)", build), named(store, "CP_DiscountRate"));
    close(memo(store, "NPV of costs at that rate", build), named(store, "CP_NpvBuild"));
    close(memo(store, "NPV of costs at that rate", rent), named(store, "CP_NpvRent"));
    close(memo(store, "NPV difference, build - rent", build), named(store, "CP_Difference"));
    close(memo(store, "Cost of delay", build), named(store, "CP_CostOfDelay"));
    close(memo(store, "Difference incl. cost of delay", build), diff);
    close(
      memo(store, "NPV difference after tax, own - rent", build),
      num(named(store, "CP_RouteNpvOwn")) - num(named(store, "CP_RouteNpvRent"))
    );
    expect(memo(store, "IRR of building instead of renting", build)).toBe(
      named(store, "CP_RouteIrrBuildVsRent")
    );
    expect(memo(store, "Discounted payback of building", build)).toBe(
      named(store, "CP_RouteDiscountedPaybackMonths")
    );
    expect(memo(store, "Simple payback of building", build)).toBe(
      named(store, "CP_RouteSimplePaybackMonths")
    );
    close(memo(store, "Peak capital", build), named(store, "CP_RoutePeakCapitalOwn"));
    close(memo(store, "Peak capital", rent), named(store, "CP_RoutePeakCapitalRent"));
    close(
      memo(store, "Cost per useful GPU-hour", build),
      named(store, "CP_RouteCostPerUsefulGpuHourOwn")
    );
    close(
      memo(store, "Cost per useful GPU-hour", rent),
      named(store, "CP_RouteCostPerUsefulGpuHourRent")
    );
    close(memo(store, "Months to first capacity", build), named(store, "CP_MonthsToCapacityBuild"));
    close(memo(store, "Months to first capacity", rent), named(store, "CP_MonthsToCapacityRent"));
    // The numbers are real: Memphis builds 100k H100s for billions
    expect(num(named(store, "CP_NpvBuild"))).toBeGreaterThan(1e9);
  });

  it("shows the risk section's P10/P50/P90 and probability, with the run's stamp", async () => {
    // Given a memo of a sheet with a Risk section (inserted with its first run)
    officeWithExcelApi("1.12");
    const { store, excel } = await bookWithSource();
    await insertBoardMemo(excel, defaultIndex, undefined, { now });
    const row = LAYOUT.riskResults.differenceWithDelay;
    const label = "Difference incl. cost of delay";
    const riskRow = memoRow(store, "Risk (Monte Carlo, last run)") + 2;
    expect(valueAt(store, MEMO, `A${riskRow}`)).toBe(label);

    // When the risk rows are read
    // Then P10, P50, P90 are the percentile table's (columns E, F, G), and the probability and stamp the summary's
    expect(valueAt(store, MEMO, `B${riskRow}`)).toBe(valueAt(store, SOURCE, `E${row}`));
    expect(valueAt(store, MEMO, `C${riskRow}`)).toBe(valueAt(store, SOURCE, `F${row}`));
    expect(valueAt(store, MEMO, `D${riskRow}`)).toBe(valueAt(store, SOURCE, `G${row}`));
    const p10 = num(valueAt(store, MEMO, `B${riskRow}`));
    const p90 = num(valueAt(store, MEMO, `D${riskRow}`));
    expect(p10).toBeLessThan(p90);
    expect(memo(store, "Probability building wins (incl. delay)", "B")).toBe(
      valueAt(store, SOURCE, `C${LAYOUT.riskSummary.probabilityBuildWins}`)
    );
    expect(memo(store, "Run: trials and seed", "B")).toBe(10_000);
    expect(memo(store, "Run: trials and seed", "C")).toBe(1);
    expect(memo(store, "Run: date (UTC)", "B")).toBe(
      valueAt(store, SOURCE, `C${LAYOUT.riskStamp.ranAt}`)
    );

    // And a new run's values on the source sheet show on the memo at once
    await typeInto(excel, SOURCE, `E${row}`, -123456789);
    expect(valueAt(store, MEMO, `B${riskRow}`)).toBe(-123456789);
  });

  it("follows an edit and a refresh of the source sheet", async () => {
    // Given a memo of the xAI sheet
    officeWithExcelApi("1.12");
    const { store, excel } = await bookWithSource();
    await insertBoardMemo(excel, defaultIndex, undefined, { now });
    const npvBefore = num(memo(store, "NPV of costs at that rate", "B"));

    // When the GPU count on the source sheet is halved
    const formula = store.getName("CP_GpuCount")?.formula ?? "";
    const address = formula.split("!")[1]?.replace(/\$/g, "") ?? "";
    await typeInto(excel, SOURCE, address, 50_000);

    // Then the memo's NPV and the appendix's value follow, and still equal the source's
    const npvAfter = num(memo(store, "NPV of costs at that rate", "B"));
    expect(npvAfter).not.toBeCloseTo(npvBefore, 0);
    expect(npvAfter).toBe(named(store, "CP_NpvBuild"));
    const gpuRow = memoRow(store, "GPUs (built or rented)", "G");
    expect(valueAt(store, MEMO, `H${gpuRow}`)).toBe(50_000);

    // When the sheet is refreshed from a team library with a new power price
    await activate(excel, SOURCE);
    const team = teamIndex({ powerPrice: 0.081 });
    const plan = await planRefresh(excel, team);
    await applyRefresh(excel, plan, ["powerPrice"]);

    // Then the appendix shows the new value, its source and as-of date, and the new library
    const powerRow = memoRow(store, "Power price", "G");
    expect(valueAt(store, MEMO, `H${powerRow}`)).toBe(0.081);
    expect(valueAt(store, MEMO, `J${powerRow}`)).toBe("2026-10");
    expect(String(valueAt(store, MEMO, `K${powerRow}`))).toContain("Acme PPA with MLGW");
    expect(String(valueAt(store, MEMO, `H${memoRow(store, "Library", "G")}`))).toContain(
      "Acme capacity library 2.0.0"
    );
  });

  it("lists every input used with its value, unit, as-of date and source", async () => {
    // Given a memo of the xAI sheet
    officeWithExcelApi("1.12");
    const { store, excel } = await bookWithSource();
    await insertBoardMemo(excel, defaultIndex, undefined, { now });
    const first = memoRow(store, "Input", "G") + 1;

    // When the appendix is read
    const rows: string[] = [];
    // (the appendix ends with a note that has no value beside it)
    for (let row = first; valueAt(store, MEMO, `H${row}`) !== null; row++) {
      rows.push(String(valueAt(store, MEMO, `G${row}`)));
      // Then each row's as-of and source are the source sheet's cells beside the input
      const asOf = String(valueAt(store, MEMO, `J${row}`));
      expect(asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(String(valueAt(store, MEMO, `K${row}`)).length).toBeGreaterThan(5);
    }
    // 21 inputs of model v1 and 28 of model v2 (docs/model.md sections 1 and 11.1), the phase rows aside
    expect(rows).toHaveLength(21 + 28);
    expect(rows[0]).toBe("GPUs (built or rented)");
  });

  it("draws the cumulative cost chart over its own cells, which copy the source's chart data", async () => {
    // Given a memo of the xAI sheet (a 5-year horizon: years 0..5)
    officeWithExcelApi("1.12");
    const { store, excel } = await bookWithSource();
    const result = await insertBoardMemo(excel, defaultIndex, undefined, { now });

    // When its chart is read
    const charts = store.listCharts(result.worksheetId);

    // Then there is one line chart whose data are on the memo and equal the source's cumulative rows
    expect(charts.map((c) => c.chartType)).toEqual(["Line"]);
    const chart = charts[0];
    if (chart === undefined) throw new Error("no chart");
    expect(chart.source.sheetId).toBe(result.worksheetId);
    const memoId = result.worksheetId;
    const sourceId = sheetIdOf(store, SOURCE);
    const buildRow = chart.source.row + 1;
    const rentRow = chart.source.row + 2;
    for (let col = chart.source.col + 1; col < chart.source.col + chart.source.colCount; col++) {
      expect(store.getCell(memoId, buildRow, col).value).toBe(
        store.getCell(sourceId, LAYOUT.chartRows.build - 1, col).value
      );
      expect(store.getCell(memoId, rentRow, col).value).toBe(
        store.getCell(sourceId, LAYOUT.chartRows.rent - 1, col).value
      );
    }
    expect(chart.source.colCount).toBe(1 + 6);
    expect(store.getCell(memoId, chart.source.row, parseCell(`${yearColumn(5)}1`).col).value).toBe(
      "Year 5"
    );
  });

  it("is set up to print on one landscape page", async () => {
    // Given a host with ExcelApi 1.9
    officeWithExcelApi("1.9");
    const { store, excel } = await bookWithSource();

    // When the memo is inserted
    const result = await insertBoardMemo(excel, defaultIndex, undefined, { now });

    // Then it is landscape, fitted to 1 page wide and 1 tall, centred, with the print area over A..K
    const layout = store.getPageLayout(result.worksheetId);
    expect(layout.orientation).toBe("Landscape");
    expect(layout.zoom).toEqual({ scale: null, horizontalFitToPages: 1, verticalFitToPages: 1 });
    expect(layout.centerHorizontally).toBe(true);
    expect(layout.margins).toEqual({
      top: 36,
      bottom: 36,
      left: 36,
      right: 36,
      header: 18,
      footer: 18,
    });
    expect(layout.printArea?.row).toBe(0);
    expect(layout.printArea?.col).toBe(0);
    expect(layout.printArea?.colCount).toBe(11);
    // The chart sits inside the print area, its data below it
    const chart = store.listCharts(result.worksheetId)[0];
    const printed = layout.printArea?.rowCount ?? 0;
    expect(chart?.source.row).toBeGreaterThan(printed);
  });

  it("is inserted without its page setup, and says so, where Excel lacks ExcelApi 1.9", async () => {
    // Given a host with ExcelApi 1.8 only
    officeWithExcelApi("1.8");
    const { store, host, excel } = await bookWithSource();
    host.stats.reset();

    // When the memo is inserted
    const result = await insertBoardMemo(excel, defaultIndex, undefined, { now });

    // Then it is there with Excel's default page setup and a warning saying how to print it
    expect(host.stats.syncCount).toBe(3);
    expect(store.getPageLayout(result.worksheetId).orientation).toBe("Portrait");
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain(
      "set the sheet to landscape, fit to 1 page(s) wide by 1 tall, print area A1:K"
    );
  });

  it("is refused from a sheet that is not a template, with nothing written", async () => {
    // Given the Rent vs Build sheet and a plain sheet made active
    const { store, host, excel } = await bookWithSource();
    await activate(excel, "Sheet1");
    const settings = JSON.stringify(store.listSettings());
    const sheets = store.listSheets().map((s) => s.name);
    const names = store.listNames().length;
    host.stats.reset();

    // When the memo is asked for
    const attempt = insertBoardMemo(excel, defaultIndex, undefined, { now });

    // Then it is refused after the one read, and the workbook is as it was
    await expect(attempt).rejects.toBeInstanceOf(NotATemplateSheetError);
    expect(host.stats.syncCount).toBe(1);
    expect(store.listSheets().map((s) => s.name)).toEqual(sheets);
    expect(store.listNames()).toHaveLength(names);
    expect(JSON.stringify(store.listSettings())).toBe(settings);
  });

  it("is refused from a Board memo sheet", async () => {
    // Given a memo, active
    const { store, excel } = await bookWithSource();
    await insertBoardMemo(excel, defaultIndex, undefined, { now });
    const sheets = store.listSheets().length;

    // When a memo of the memo is asked for
    const attempt = insertBoardMemo(excel, defaultIndex, undefined, { now });

    // Then it is refused: a memo summarises a Rent vs Build sheet
    await expect(attempt).rejects.toBeInstanceOf(NotARentVsBuildSheetError);
    await expect(attempt).rejects.toThrow("is a Board memo sheet");
    expect(store.listSheets()).toHaveLength(sheets);
  });

  it("is refused when the loaded library lacks the sheet's scenario", async () => {
    // Given the xAI sheet, and a library without that scenario
    const { store, excel } = await bookWithSource();
    const scenarios = { ...VALIDATED_BUNDLED_LIBRARY.scenarios };
    delete scenarios[SCENARIO];
    const other = buildIndex({ ...VALIDATED_BUNDLED_LIBRARY, scenarios });
    const sheets = store.listSheets().length;

    // When the memo is asked for
    const attempt = insertBoardMemo(excel, other, undefined, { now });

    // Then it is refused, naming the scenario, with nothing written
    await expect(attempt).rejects.toBeInstanceOf(ScenarioNotInLibraryError);
    await expect(attempt).rejects.toThrow("insert the Board memo again");
    expect(store.listSheets()).toHaveLength(sheets);
  });

  it("says so where the source sheet has no Risk section", async () => {
    // Given a Rent vs Build sheet from before the Risk section (no CP_RiskTrials name)
    const { store, excel } = await bookWithSource();
    store.removeName("CP_RiskTrials");

    // When the memo is inserted
    await insertBoardMemo(excel, defaultIndex, undefined, { now });

    // Then the risk rows are a note instead of numbers
    const row = memoRow(store, "Risk (Monte Carlo, last run)");
    expect(String(valueAt(store, MEMO, `A${row + 1}`))).toContain("has no Risk section");
    expect(() => memoRow(store, "Probability building wins (incl. delay)")).toThrow();
    // And a number whose name is missing says it is not on the source sheet
    store.removeName("CP_RouteIrrBuildVsRent");
    await activate(excel, SOURCE);
    await insertBoardMemo(excel, defaultIndex, undefined, { now });
    const irrRow = (() => {
      const id = sheetIdOf(store, "Board memo (2)");
      for (let r = 0; r < 100; r++)
        if (store.getCell(id, r, 0).value === "IRR of building instead of renting") return r + 1;
      throw new Error("no IRR row");
    })();
    expect(valueAt(store, "Board memo (2)", `B${irrRow}`)).toBe(NOT_ON_SOURCE);
  });
});

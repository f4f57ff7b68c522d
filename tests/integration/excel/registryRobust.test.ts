/**
 * The template registry under conditions the in-memory host did not show before (issue 7, #5):
 * worksheet ids that change when a file is reopened elsewhere, a lost answer to insert's last sync,
 * and registries nested deeper than anything the add-in writes.
 */
import { CorruptRegistryError } from "../../../src/excel/errors";
import { insertTemplateSpec } from "../../../src/excel/insertSheet";
import {
  applyRefreshWith,
  planRefreshWith,
  undoLastRefreshWith,
} from "../../../src/excel/refreshSheet";
import { REGISTRY_BACKUP_KEY, REGISTRY_KEY } from "../../../src/excel/templateRegistry";
import type { JsonValue } from "../../../src/dev/excel-host";
import { fixtureAssumptions } from "../../support/excel/fixtures";
import { buildFixture as build, registryOf } from "../../support/excel/fixtureWorkbook";
import { activate, cellAt, newWorkbook, openWorkbook, teamIndex } from "../../support/excel/host";
import type { Workbook } from "../../support/excel/host";

/** What Excel may do when the file is opened in another session or platform: new worksheet ids. */
function reopenWithNewIds(wb: Workbook): Workbook {
  wb.store.reissueSheetIds();
  return openWorkbook(wb.store);
}

function nested(depth: number): JsonValue {
  let value: JsonValue = "bottom";
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

describe("worksheet ids are not stable across sessions (#5)", () => {
  it("re-keys an entry after reopening instead of pruning it", async () => {
    // Given a template
    const wb = newWorkbook();
    const first = await insertTemplateSpec(wb.excel, build);

    // When the file is reopened with new sheet ids and another template inserted
    const reopened = reopenWithNewIds(wb);
    const newId = reopened.store.findSheetByName(first.sheetName)?.id ?? "";
    // Then the first entry is kept (re-keyed to its new id), not pruned
    expect(newId).not.toBe(first.worksheetId);
    const second = await insertTemplateSpec(reopened.excel, build);

    const registry = registryOf(reopened);
    expect(Object.keys(registry.sheets).sort()).toEqual([newId, second.worksheetId].sort());
    expect(registry.sheets[newId]?.sheetName).toBe(first.sheetName);
  });

  it("finds the sheet by name for undo after reopening", async () => {
    // Given a refreshed template
    const wb = newWorkbook();
    const first = await insertTemplateSpec(wb.excel, build);
    const p = await planRefreshWith(wb.excel, teamIndex(), fixtureAssumptions);
    await applyRefreshWith(wb.excel, p, ["powerPrice"]);

    const reopened = reopenWithNewIds(wb);
    // When reopened with new sheet ids
    await undoLastRefreshWith(reopened.excel);

    // Then undo still finds the sheet (by name) and re-keys its entry
    expect(cellAt(reopened.store, first.sheetName, "B7").value).toBe(0.0623);
    const newId = reopened.store.findSheetByName(first.sheetName)?.id ?? "";
    expect(Object.keys(registryOf(reopened).sheets)).toEqual([newId]);
    expect(registryOf(reopened).sheets[newId]?.assumptions["powerPrice"]?.value).toBe(0.0623);
  });

  it("does not take a plain sheet with the template's name for it", async () => {
    // Given a template deleted and a plain sheet given its name
    const wb = newWorkbook();
    const first = await insertTemplateSpec(wb.excel, build);
    wb.store.removeSheet(first.worksheetId);
    wb.store.addSheet(first.sheetName);
    // When checking that sheet for updates
    await activate(wb.excel, first.sheetName);

    // Then it is not taken for the template
    await expect(planRefreshWith(wb.excel, teamIndex(), fixtureAssumptions)).rejects.toMatchObject({
      code: "NotATemplateSheet",
    });
  });

  it("prunes an entry whose id and name are gone", async () => {
    // Given a template sheet deleted and its id and name both gone
    const wb = newWorkbook();
    const first = await insertTemplateSpec(wb.excel, build);
    wb.store.renameSheet(first.worksheetId, "Old model");
    wb.store.removeSheet(first.worksheetId);
    // When inserting
    const second = await insertTemplateSpec(wb.excel, build);
    // Then its entry is pruned
    expect(Object.keys(registryOf(wb).sheets)).toEqual([second.worksheetId]);
  });
});

describe("insert's last answer lost", () => {
  it("removes the sheet when the third answer is lost", async () => {
    // Given the answer of insert's third sync is lost after Excel applied it
    const wb = newWorkbook();
    const existing = await insertTemplateSpec(wb.excel, build);
    const registryBefore = wb.store.getSetting(REGISTRY_KEY);
    wb.host.faults.loseResponse({ skip: 2 });

    const error = await insertTemplateSpec(wb.excel, build).catch((e: unknown) => e);

    // Then the rollback removes the sheet and leaves no registry entry for it
    expect(error).toBeInstanceOf(Error);
    expect(wb.host.faults.pending).toBe(0);
    expect(wb.store.listSheets().map((s) => s.name)).toEqual(["Sheet1", existing.sheetName]);
    expect(wb.store.getSetting(REGISTRY_KEY)).toEqual(registryBefore);
  });

  it("leaves no registry setting when the third answer is lost", async () => {
    // Given a workbook without templates
    const wb = newWorkbook();
    wb.host.faults.loseResponse({ skip: 2 });
    // When insert's third answer is lost
    // Then no registry setting is left behind
    await expect(insertTemplateSpec(wb.excel, build)).rejects.toBeInstanceOf(Error);
    expect(wb.store.listSheets().map((s) => s.name)).toEqual(["Sheet1"]);
    expect(wb.store.getSetting(REGISTRY_KEY)).toBeUndefined();
  });
});

describe("registries nested too deep", () => {
  it("backs up a too-deep registry verbatim on insert", async () => {
    // Given a registry nested more than 64 levels deep
    const wb = newWorkbook();
    const deep = nested(70);
    wb.store.setSetting(REGISTRY_KEY, deep);

    // When inserting
    const result = await insertTemplateSpec(wb.excel, build);

    // Then it is backed up verbatim (not as null), reported, and a fresh one started
    expect(wb.store.getSetting(REGISTRY_BACKUP_KEY)).toEqual(deep);
    expect(result.warnings[0]).toMatch(/damaged/);
    expect(Object.keys(registryOf(wb).sheets)).toEqual([result.worksheetId]);
  });

  it("leaves a too-deep registry untouched on refresh", async () => {
    // Given a deep registry as JSON text
    const wb = newWorkbook();
    await insertTemplateSpec(wb.excel, build);
    const text = `${"[".repeat(100000)}${"]".repeat(100000)}`;
    wb.store.setSetting(REGISTRY_KEY, text);
    await activate(wb.excel, "Rent vs Build");

    // When refreshing
    const error = await planRefreshWith(wb.excel, teamIndex(), fixtureAssumptions).catch(
      (e: unknown) => e
    );

    // Then a clear error and the setting is untouched
    expect(error).toBeInstanceOf(CorruptRegistryError);
    expect(wb.store.getSetting(REGISTRY_KEY)).toBe(text);
  });

  it("writes a too-deep entry back verbatim", async () => {
    // Given one entry nested more than 64 levels deep
    const wb = newWorkbook();
    const first = await insertTemplateSpec(wb.excel, build);
    const raw = wb.store.getSetting(REGISTRY_KEY) as {
      version: number;
      sheets: Record<string, JsonValue>;
    };
    const deepEntry = { sheetName: first.sheetName, junk: nested(70) };
    wb.store.setSetting(REGISTRY_KEY, { ...raw, sheets: { [first.worksheetId]: deepEntry } });

    await insertTemplateSpec(wb.excel, build);

    // When another template is inserted
    const after = wb.store.getSetting(REGISTRY_KEY) as { sheets: Record<string, JsonValue> };
    // Then that entry is written back verbatim, not as null
    expect(after.sheets[first.worksheetId]).toEqual(deepEntry);
  });

  it("keeps an earlier registry backup", async () => {
    // Given an earlier backup of a damaged registry
    const wb = newWorkbook();
    wb.store.setSetting(REGISTRY_BACKUP_KEY, "first damage");
    wb.store.setSetting(REGISTRY_KEY, "{second damage");

    // When another damaged registry is set aside
    const result = await insertTemplateSpec(wb.excel, build, undefined, {
      now: () => new Date("2026-12-03T09:00:00.000Z"),
    });

    // Then the earlier backup is not overwritten
    expect(wb.store.getSetting(REGISTRY_BACKUP_KEY)).toBe("first damage");
    expect(wb.store.getSetting(`${REGISTRY_BACKUP_KEY}.2026-12-03T09:00:00.000Z`)).toBe(
      "{second damage"
    );
    expect(result.warnings[0]).toMatch(/capplan\.templates\.damaged\.2026-12-03/);
  });
});

describe("insert re-keys an entry by name only to the sheet its names point at (#5)", () => {
  it("does not give a plain sheet the old entry", async () => {
    // Given a template deleted and a plain sheet given its name
    const wb = newWorkbook();
    const first = await insertTemplateSpec(wb.excel, build);
    wb.store.removeSheet(first.worksheetId);
    const impostor = wb.store.addSheet(first.sheetName);

    // When another template is inserted
    const second = await insertTemplateSpec(wb.excel, build);

    // Then the plain sheet does not inherit the old entry
    expect(registryOf(wb).sheets[impostor.id]).toBeUndefined();
    expect(Object.keys(registryOf(wb).sheets)).toEqual([second.worksheetId]);
  });
});

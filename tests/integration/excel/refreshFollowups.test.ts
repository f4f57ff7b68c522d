/**
 * Review follow-ups to refresh / undo (issue 7): a workbook whose pin is behind the library in use can
 * be moved to it, Undo after an interrupted apply undoes one operation, a failed correction sync is not
 * reported as success, records set aside never replace earlier ones, formula comparison keeps string
 * literals, and undo reasons isolate user text.
 */
import {
  ExcelOperationFailedError,
  UnsafeUndoRecordError,
  userMessage,
} from "../../../src/excel/errors";
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { moveToLibrary, planRefresh, undoLastRefresh } from "../../../src/excel/refresh";
import { UNDO_REFUSED_KEY, formulaKey, undoLastRefreshWith } from "../../../src/excel/refreshSheet";
import {
  PENDING_KEY,
  REGISTRY_BACKUP_KEY,
  REGISTRY_KEY,
  UNDO_KEY,
  parseUndoRecord,
} from "../../../src/excel/templateRegistry";
import type { PinListener } from "../../../src/excel/pinnedLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { COLUMN, LAYOUT } from "../../../src/templates/layout";
import { isolate } from "../../../src/model/library/isolate";
import {
  SCENARIO,
  SHEET,
  applyFixture as apply,
  applyInterrupted,
  fixtureWorkbook,
  planFixture as plan,
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
import type { JsonValue } from "../../../src/dev/excel-host";

/** The bundled library as an add-in update ships it: same values, a newer version. */
const bumped = buildIndex({
  ...VALIDATED_BUNDLED_LIBRARY,
  meta: { ...VALIDATED_BUNDLED_LIBRARY.meta, version: "1.1.0-test" },
});
const headerAddress = `${COLUMN.value}${LAYOUT.header.library}`;

describe("a sheet whose pinned library is behind the one in use (item 1)", () => {
  it("offers to move the sheet when the values are the same", async () => {
    // Given a template on the bundled library and an update of it with the same values
    const wb = newWorkbook();
    await insertTemplate(wb.excel, defaultIndex, SCENARIO);
    const sheetId = Object.keys(registryOf(wb).sheets)[0] ?? "";
    const entryBefore = registryOf(wb).sheets[sheetId];
    const headerBefore = cellAt(wb.store, SHEET, headerAddress).value;
    const priceBefore = recorded(wb, sheetId, "systemPricePerGpu");

    // When checked
    const p = await planRefresh(wb.excel, bumped);
    // Then the plan offers to move the sheet, and moving re-stamps the registry and header only, reports the pin, and Undo restores the old stamp
    expect(p.rows.filter((r) => r.status === "ok" && r.changed)).toEqual([]);
    expect(p.libraryMove).toBe(true);

    const pins: Parameters<PinListener>[0][] = [];
    wb.stats.reset();
    const result = await moveToLibrary(wb.excel, p, { onPinned: (pin) => pins.push(pin) });
    expect(wb.stats.syncCount).toBe(1);
    expect(result).toEqual({ moved: true });

    const entry = registryOf(wb).sheets[sheetId];
    expect(entry?.libraryId).toBe(VALIDATED_BUNDLED_LIBRARY.meta.id);
    expect(entry?.libraryVersion).toBe("1.1.0-test");
    expect(entry?.refreshedAt).not.toBe(entryBefore?.refreshedAt);
    expect(entry?.assumptions).toEqual(entryBefore?.assumptions);
    expect(recorded(wb, sheetId, "systemPricePerGpu")).toBe(priceBefore);
    expect(String(cellAt(wb.store, SHEET, headerAddress).value)).toContain("1.1.0-test");
    expect(pins).toEqual([
      {
        kind: "pinned",
        library: { id: VALIDATED_BUNDLED_LIBRARY.meta.id, version: "1.1.0-test", sheetName: SHEET },
      },
    ]);
    // Nothing left to move.
    expect((await planRefresh(wb.excel, bumped)).libraryMove).toBe(false);

    wb.stats.reset();
    await undoLastRefresh(wb.excel);
    expect(wb.stats.syncCount).toBe(3);
    expect(registryOf(wb).sheets[sheetId]).toEqual(entryBefore);
    expect(cellAt(wb.store, SHEET, headerAddress).value).toBe(headerBefore);
  });

  it("offers no move when the sheet matches", async () => {
    // Given the sheet already matches the library in use
    const wb = newWorkbook();
    await insertTemplate(wb.excel, defaultIndex, SCENARIO);
    const p = await planRefresh(wb.excel, defaultIndex);
    // Then no move is offered and moving writes nothing
    expect(p.libraryMove).toBe(false);
    wb.stats.reset();
    expect(await moveToLibrary(wb.excel, p)).toEqual({ moved: false });
    expect(wb.stats.syncCount).toBe(0);
  });
});

describe("Undo after an interrupted apply (item 2)", () => {
  it("rolls back only the interrupted apply", async () => {
    // Given an earlier refresh and then an apply whose rollback failed
    const wb = await fixtureWorkbook();
    await apply(wb, await plan(wb, teamIndex({ powerPrice: 0.09 })), ["powerPrice"]);
    const earlier = wb.store.getSetting(UNDO_KEY);
    const p = await plan(wb, teamIndex({ powerPrice: 0.09, systemPricePerGpu: 31000 }));
    // When Undo last refresh
    await applyInterrupted(wb, p, ["systemPricePerGpu"]);
    // Then it only rolls back the interrupted apply and the earlier refresh stays undoable
    expect(wb.store.getSetting(PENDING_KEY)).toBeDefined();

    const result = await undoLastRefreshWith(wb.excel);

    expect(result.restored).toBe(1);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(37500);
    // The earlier refresh is untouched and still the one Undo would undo next.
    expect(namedCell(wb.store, "CP_PowerPrice").value).toBe(0.09);
    expect(wb.store.getSetting(UNDO_KEY)).toEqual(earlier);
    expect(wb.store.getSetting(PENDING_KEY)).toBeUndefined();
  });

  it("reports the rollback instead of 'nothing to undo'", async () => {
    // Given no earlier refresh and an interrupted apply
    const wb = await fixtureWorkbook();
    const p = await plan(wb, teamIndex({ systemPricePerGpu: 31000 }));
    await applyInterrupted(wb, p, ["systemPricePerGpu"]);

    // When Undo last refresh
    const result = await undoLastRefreshWith(wb.excel);

    // Then it reports the rollback instead of 'nothing to undo'
    expect(result.restored).toBe(1);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(37500);
  });

  it("does not undo the earlier refresh on retry", async () => {
    // Given an earlier refresh and an interrupted apply
    const wb = await fixtureWorkbook();
    await apply(wb, await plan(wb, teamIndex({ powerPrice: 0.09 })), ["powerPrice"]);
    const earlier = wb.store.getSetting(UNDO_KEY);
    const p = await plan(wb, teamIndex({ powerPrice: 0.09, systemPricePerGpu: 31000 }));
    await applyInterrupted(wb, p, ["systemPricePerGpu"]);
    // Undo's syncs: read the records, read the cells, write the rollback (its answer lost).
    wb.host.faults.loseResponse({ skip: 2 });

    // When Undo rolls the apply back and Excel's answer to that is lost
    const result = await undoLastRefreshWith(wb.excel);

    // Then the retry does not also undo the earlier refresh
    expect(wb.host.faults.pending).toBe(0);
    expect(result.restored).toBe(1);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(37500);
    expect(namedCell(wb.store, "CP_PowerPrice").value).toBe(0.09);
    expect(wb.store.getSetting(UNDO_KEY)).toEqual(earlier);
  });
});

describe("apply's correction sync (item 3)", () => {
  it("saves the corrected undo record on retry", async () => {
    // Given a cell edited between planning and applying and the corrected undo record failing once
    const wb = await fixtureWorkbook();
    const p = await plan(wb, teamIndex({ systemPricePerGpu: 31000 }));
    await typeInto(wb.excel, SHEET, "B6", 36000);
    wb.host.faults.failOperation({ location: "SettingCollection.add", key: UNDO_KEY, skip: 1 });
    wb.stats.reset();

    await apply(wb, p, ["systemPricePerGpu"]);

    // Then the retry saves it
    expect(wb.stats.syncCount).toBe(3);
    expect(wb.host.faults.pending).toBe(0);
    const undo = parseUndoRecord(wb.store.getSetting(UNDO_KEY));
    expect(undo.status === "ok" && undo.record.previous["systemPricePerGpu"]?.value).toBe(36000);
  });

  it("says what is stale when the correction fails twice", async () => {
    // Given the correction failing twice
    const wb = await fixtureWorkbook();
    const p = await plan(wb, teamIndex({ systemPricePerGpu: 31000 }));
    await typeInto(wb.excel, SHEET, "B6", 36000);
    wb.host.faults.failOperation({
      location: "SettingCollection.add",
      key: UNDO_KEY,
      skip: 1,
      times: 2,
    });

    const error = await apply(wb, p, ["systemPricePerGpu"]).catch((e: unknown) => e);

    // Then apply does not report success but says what was applied and what is stale
    expect(error).toBeInstanceOf(ExcelOperationFailedError);
    expect(userMessage(error)).toMatch(/were applied/);
    expect(userMessage(error)).toMatch(/Undo last refresh/);
    expect(cellAt(wb.store, SHEET, "B6").value).toBe(31000);
  });

  it("backs up a registry that became unreadable", async () => {
    // Given the registry became unreadable between planning and applying
    const wb = await fixtureWorkbook();
    const p = await plan(wb, teamIndex({ systemPricePerGpu: 31000 }));
    const damaged: JsonValue = "{not json";
    wb.store.setSetting(REGISTRY_KEY, damaged);

    await apply(wb, p, ["systemPricePerGpu"]);

    // Then apply backs up what it overwrites
    expect(wb.store.getSetting(REGISTRY_BACKUP_KEY)).toBe(damaged);
  });
});

describe("undo records set aside (item 4)", () => {
  it("keeps two refused records under their own keys", async () => {
    // Given two unsafe undo records in turn
    // When each is refused
    const wb = await fixtureWorkbook();
    // Then both are kept under their own keys
    const unsafeRecord = async (formula: string): Promise<void> => {
      await apply(wb, await plan(wb, teamIndex({ systemPricePerGpu: 31000 })), [
        "systemPricePerGpu",
      ]);
      const raw = wb.store.getSetting(UNDO_KEY) as {
        previous: Record<string, { formula: string | null }>;
      };
      const price = raw.previous["systemPricePerGpu"];
      if (price !== undefined) price.formula = formula;
      wb.store.setSetting(UNDO_KEY, raw as unknown as JsonValue);
      await expect(undoLastRefreshWith(wb.excel)).rejects.toBeInstanceOf(UnsafeUndoRecordError);
    };
    await unsafeRecord('=WEBSERVICE("https://a.example")');
    await typeInto(wb.excel, SHEET, "B6", 37500);
    await unsafeRecord('=WEBSERVICE("https://b.example")');

    const setAside = wb.store
      .listSettings()
      .filter(({ key }) => key === UNDO_REFUSED_KEY || key.startsWith(`${UNDO_REFUSED_KEY}.`))
      .map(({ value }) => JSON.stringify(value));
    expect(setAside).toHaveLength(2);
    expect(setAside.join()).toContain("a.example");
    expect(setAside.join()).toContain("b.example");
  });
});

describe("formula comparison (item 5)", () => {
  it("keeps case and spaces inside string literals, ignores them outside", () => {
    expect(formulaKey('="a b"')).not.toBe(formulaKey('="AB"'));
    expect(formulaKey('="a b"')).not.toBe(formulaKey('="A B"'));
    expect(formulaKey("= round( cp_x , 2 )")).toBe(formulaKey("=ROUND(CP_X,2)"));
    expect(formulaKey('=IF(A1="say ""hi"" x", a1)')).toBe(
      formulaKey('=if(a1 = "say ""hi"" x",A1)')
    );
    expect(formulaKey('="say ""hi"" x"')).not.toBe(formulaKey('="say ""HI"" x"'));
    expect(formulaKey("='My Sheet'!A1 + 1")).toBe(formulaKey("='my sheet'!a1+1"));
    expect(formulaKey("='My Sheet'!A1")).not.toBe(formulaKey("='MySheet'!A1"));
    expect(formulaKey(`="it's" & 'Q''s'!B2`)).toBe(formulaKey(`="it's"&'q''S'!b2`));
  });
});

describe("undo reasons isolate user text (item 6)", () => {
  it("marks a deleted name as an isolated run", async () => {
    // Given a refreshed input whose name was deleted
    const wb = await fixtureWorkbook();
    await apply(wb, await plan(wb, teamIndex({ powerPrice: 0.09 })), ["powerPrice"]);
    wb.store.removeName("CP_PowerPrice");

    // When undone
    const result = await undoLastRefreshWith(wb.excel);

    // Then the reason marks the name as an isolated run
    expect(result.notRestored).toEqual([
      {
        key: "powerPrice",
        name: "CP_PowerPrice",
        reason: `the name ${isolate("CP_PowerPrice")} was deleted`,
      },
    ]);
  });
});

/** Fault injection in the in-memory host behaves like a failing Excel (faults.ts). */
import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("host.faults", () => {
  it("fails one keyed settings add and then is spent", async () => {
    // Given a settings add set to fail for one key
    const { store, host, Excel } = makeHost();
    host.faults.failOperation({ location: "SettingCollection.add", key: "b" });

    const error = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.settings.add("a", 1);
        context.workbook.settings.add("b", 2);
        context.workbook.settings.add("c", 3);
        await context.sync();
      })
    );

    // Then earlier operations stay applied, later ones are dropped, other keys are unaffected, and the fault is spent
    expect(error.code).toBe("GeneralException");
    expect(error.debugInfo.errorLocation).toBe("SettingCollection.add");
    expect(store.getSetting("a")).toBe(1);
    expect(store.getSetting("b")).toBeUndefined();
    expect(store.getSetting("c")).toBeUndefined();
    expect(host.faults.pending).toBe(0);
    await Excel.run(async (context) => {
      context.workbook.settings.add("b", 2);
      await context.sync();
    });
    expect(store.getSetting("b")).toBe(2);
  });

  it("fails the matching operation after the skipped ones", async () => {
    // Given an unkeyed fault with skip and a code
    const { store, host, Excel } = makeHost();
    host.faults.failOperation({ location: "Range.values", skip: 1, code: "InvalidOperation" });
    const error = await failure(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [[1]];
        sheet.getRange("A2").values = [[2]];
        await context.sync();
      })
    );
    // Then the matching operation after the skipped ones fails with that code
    expect(error.code).toBe("InvalidOperation");
    const id = store.listSheets()[0]?.id ?? "";
    expect(store.getCell(id, 0, 0).value).toBe(1);
    expect(store.getCell(id, 1, 0).value).toBeNull();
  });

  it("applies everything but rejects a lost response", async () => {
    // Given a lost response
    const { store, host, Excel } = makeHost();
    host.faults.loseResponse();
    let loaded: unknown = "not delivered";
    const error = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.settings.add("k", "v");
        const sheet = context.workbook.worksheets.getItem("Sheet1").load("name");
        await context.sync().finally(() => {
          try {
            loaded = sheet.name;
          } catch {
            // PropertyNotLoaded: the answer never came.
          }
        });
      })
    );
    // Then every operation is applied but sync rejects with ConnectionFailure and delivers no loads
    expect(error.code).toBe("ConnectionFailure");
    expect(store.getSetting("k")).toBe("v");
    expect(loaded).toBe("not delivered");
  });

  it("follows reissued sheet ids", () => {
    // Given reissued sheet ids
    const { store } = makeHost({ sheets: ["One", "Two"] });
    const before = store.listSheets().map((s) => s.id);
    const renamed = store.reissueSheetIds();
    const after = store.listSheets().map((s) => s.id);
    // Then sheets, the active sheet and charts follow the new ids
    expect(after.every((id) => !before.includes(id))).toBe(true);
    expect(before.map((id) => renamed.get(id))).toEqual(after);
    expect(store.getActiveSheetId()).toBe(after[0]);
    expect(store.findSheetByName("Two")?.id).toBe(after[1]);
  });
});

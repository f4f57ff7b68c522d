import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("in-memory Excel: load and sync semantics", () => {
  it("Given a loaded property, When read before sync, Then it throws PropertyNotLoaded; after sync it has the value", async () => {
    const { Excel, store } = makeHost();
    store.setValue(store.listSheets()[0]?.id ?? "", 0, 0, 7);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("values, address");
      const early = await failure(() => range.values);
      expect(early.code).toBe("PropertyNotLoaded");
      expect(early.debugInfo.errorLocation).toBe("Range.values");
      await context.sync();
      expect(range.values).toEqual([[7]]);
      expect(range.address).toBe("Sheet1!A1");
    });
  });

  it("Given a property never loaded, When read after a sync, Then it still throws PropertyNotLoaded", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.load("rowCount");
      await context.sync();
      expect(range.rowCount).toBe(2);
      expect((await failure(() => range.columnCount)).code).toBe("PropertyNotLoaded");
    });
  });

  it("Given load() without arguments, When synced, Then every scalar property is loaded", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1").load();
      await context.sync();
      expect(sheet.toJSON()).toMatchObject({
        name: "Sheet1",
        position: 0,
        visibility: "Visible",
        tabColor: "",
      });
    });
  });

  it("Given writes, When not yet synced, Then the store is unchanged; after sync it has them", async () => {
    const { Excel, store } = makeHost();
    const id = store.listSheets()[0]?.id ?? "";
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [[1, 2]];
      expect(store.getCell(id, 0, 0).value).toBeNull();
      await context.sync();
      expect(store.getCell(id, 0, 1).value).toBe(2);
    });
  });

  it("Given an assigned property, When read back before sync, Then it returns the assigned value (as Office.js does)", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["x"]];
      expect(range.values).toEqual([["x"]]);
      await context.sync();
    });
  });

  it("Given a load queued before a write, When synced, Then the load sees the state at its place in the queue", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const before = sheet.getRange("A1").load("values");
      sheet.getRange("A1").values = [[5]];
      const after = sheet.getRange("A1").load("values");
      await context.sync();
      expect(before.values).toEqual([[""]]);
      expect(after.values).toEqual([[5]]);
    });
  });

  it("Given one batch of writes and a load, When run, Then it costs exactly one round trip", async () => {
    const { Excel, host } = makeHost();
    const total = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A3").values = [[1], [2], [3]];
      sheet.getRange("B1").formulas = [["=SUM(A1:A3)"]];
      const check = sheet.getRange("A1:A3").load("values");
      await context.sync();
      return check.values.length;
    });
    expect(total).toBe(3);
    expect(host.stats.syncCount).toBe(1);
    expect(host.stats.writeCount).toBe(4);
    expect(host.stats.syncs[0]).toMatchObject({ writes: 4, failedWith: null });
  });

  it("Given queued work without an explicit sync, When Excel.run ends, Then its final sync applies it (one round trip)", async () => {
    const { Excel, host, store } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C3").values = [["done"]];
    });
    expect(store.getCell(store.listSheets()[0]?.id ?? "", 2, 2).value).toBe("done");
    expect(host.stats.syncCount).toBe(1);
  });

  it("Given syncs with nothing queued, When called, Then they cost no round trip", async () => {
    const { Excel, host } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      await context.sync();
      expect(range.values).toEqual([[""]]);
    });
    expect(host.stats.syncCount).toBe(1);
    host.stats.reset();
    expect(host.stats.syncCount).toBe(0);
    expect(host.stats.writeCount).toBe(0);
  });

  it("Given two syncs in one run, When counted, Then syncCount is 2 and writes are per sync", async () => {
    const { Excel, host } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [
        [1, 2],
        [3, 4],
      ];
      await context.sync();
      sheet.getRange("C1").values = [[5]];
      await context.sync();
    });
    expect(host.stats.syncCount).toBe(2);
    expect(host.stats.syncs.map((s) => s.writes)).toEqual([4, 1]);
  });

  it("Given a ClientResult, When read before sync, Then it throws ValueNotLoaded; after, it has the value", async () => {
    const { Excel } = makeHost({ sheets: ["A", "B"] });
    await Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect((await failure(() => count.value)).code).toBe("ValueNotLoaded");
      await context.sync();
      expect(count.value).toBe(2);
    });
  });

  it("Given a proxy from a finished Excel.run, When used again, Then it throws InvalidObjectPath at once", async () => {
    const { Excel } = makeHost();
    const leaked = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("address");
      await context.sync();
      return range;
    });
    expect(leaked.address).toBe("Sheet1!A1");
    const error = await failure(() => {
      leaked.values = [[1]];
    });
    expect(error.code).toBe("InvalidObjectPath");
  });

  it("Given a batch that does not return a promise, When run, Then Excel.run rejects with RunMustReturnPromise", async () => {
    const { host } = makeHost();
    const run = host.Excel.run as unknown as (batch: () => unknown) => Promise<unknown>;
    expect((await failure(() => run(() => 42))).code).toBe("RunMustReturnPromise");
  });

  it("Given a batch whose third operation fails, When synced, Then the first two stay applied and the rest is dropped", async () => {
    const { Excel, host, store } = makeHost();
    const id = store.listSheets()[0]?.id ?? "";
    const error = await failure(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        const a1 = sheet.getRange("A1");
        const a2 = sheet.getRange("A2");
        const a3 = sheet.getRange("A3:B3");
        const a4 = sheet.getRange("A4");
        a1.values = [["first"]];
        a2.values = [["second"]];
        a3.values = [["third"]]; // 1 column for a 2-column range
        a4.values = [["fourth"]];
        const probe = a1.load("values");
        await context.sync();
        return probe;
      })
    );
    expect(error.code).toBe("InvalidArgument");
    expect(error.name).toBe("RichApi.Error");
    expect(error.debugInfo.errorLocation).toBe("Range.values");
    expect(store.getCell(id, 0, 0).value).toBe("first");
    expect(store.getCell(id, 1, 0).value).toBe("second");
    expect(store.getCell(id, 2, 0).value).toBeNull();
    expect(store.getCell(id, 3, 0).value).toBeNull();
    expect(host.stats.syncs).toEqual([
      expect.objectContaining({ writes: 2, failedWith: "InvalidArgument" }),
    ]);
  });

  it("Given a failed sync, When a loaded property is read, Then it was not delivered", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const probe = sheet.getRange("A1").load("values");
      context.workbook.worksheets.getItem("Missing");
      expect((await failure(() => context.sync())).code).toBe("ItemNotFound");
      expect((await failure(() => probe.values)).code).toBe("PropertyNotLoaded");
    });
  });

  it("Given context.load(object, props), When synced, Then it behaves like object.load(props)", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      context.load(sheet, "name");
      await context.sync();
      expect(sheet.name).toBe("Sheet1");
    });
  });

  it("Given nested load paths and the object notation, When synced, Then navigation properties are loaded", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.format.font.bold = true;
      range.load("format/font/bold, format/columnWidth, worksheet/name");
      const other = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      other.load({ format: { fill: { color: true } }, address: true });
      await context.sync();
      expect(range.format.font.bold).toBe(true);
      expect(range.format.columnWidth).toBe(48);
      expect(range.worksheet.name).toBe("Sheet1");
      expect(other.format.fill.color).toBe("#FFFFFF");
      expect(other.address).toBe("Sheet1!A1");
    });
  });

  it("Given an unknown property in load, When synced, Then the sync fails with InvalidArgument", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("nonsense");
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });
});

import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("in-memory Excel: load and sync semantics", () => {
  it("delivers a loaded property only at sync", async () => {
    // Given a loaded property
    const { Excel, store } = makeHost();
    store.setValue(store.listSheets()[0]?.id ?? "", 0, 0, 7);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("values, address");
      // When read before sync
      const early = await failure(() => range.values);
      // Then it throws PropertyNotLoaded; after sync it has the value
      expect(early.code).toBe("PropertyNotLoaded");
      expect(early.debugInfo.errorLocation).toBe("Range.values");
      await context.sync();
      expect(range.values).toEqual([[7]]);
      expect(range.address).toBe("Sheet1!A1");
    });
  });

  it("never delivers a property that was not loaded", async () => {
    // Given a property never loaded
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.load("rowCount");
      // When read after a sync
      await context.sync();
      // Then it still throws PropertyNotLoaded
      expect(range.rowCount).toBe(2);
      expect((await failure(() => range.columnCount)).code).toBe("PropertyNotLoaded");
    });
  });

  it("loads every scalar property without arguments", async () => {
    // Given load() without arguments
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1").load();
      // When synced
      await context.sync();
      // Then every scalar property is loaded
      expect(sheet.toJSON()).toMatchObject({
        name: "Sheet1",
        position: 0,
        visibility: "Visible",
        tabColor: "",
      });
    });
  });

  it("applies writes only at sync", async () => {
    // Given writes
    const { Excel, store } = makeHost();
    const id = store.listSheets()[0]?.id ?? "";
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [[1, 2]];
      // When not yet synced
      // Then the store is unchanged; after sync it has them
      expect(store.getCell(id, 0, 0).value).toBeNull();
      await context.sync();
      expect(store.getCell(id, 0, 1).value).toBe(2);
    });
  });

  it("reads back an assigned property before sync", async () => {
    // Given an assigned property
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["x"]];
      // When read back before sync
      // Then it returns the assigned value (as Office.js does)
      expect(range.values).toEqual([["x"]]);
      await context.sync();
    });
  });

  it("loads the state at the load's place in the queue", async () => {
    // Given a load queued before a write
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const before = sheet.getRange("A1").load("values");
      sheet.getRange("A1").values = [[5]];
      const after = sheet.getRange("A1").load("values");
      // When synced
      await context.sync();
      // Then the load sees the state at its place in the queue
      expect(before.values).toEqual([[""]]);
      expect(after.values).toEqual([[5]]);
    });
  });

  it("costs one round trip per batch", async () => {
    // Given one batch of writes and a load
    const { Excel, host } = makeHost();
    // When run
    const total = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A3").values = [[1], [2], [3]];
      sheet.getRange("B1").formulas = [["=SUM(A1:A3)"]];
      const check = sheet.getRange("A1:A3").load("values");
      await context.sync();
      return check.values.length;
    });
    // Then it costs exactly one round trip
    expect(total).toBe(3);
    expect(host.stats.syncCount).toBe(1);
    expect(host.stats.writeCount).toBe(4);
    expect(host.stats.syncs[0]).toMatchObject({ writes: 4, failedWith: null });
  });

  it("applies queued work at the end of Excel.run", async () => {
    // Given queued work without an explicit sync
    const { Excel, host, store } = makeHost();
    // When Excel.run ends
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C3").values = [["done"]];
    });
    // Then its final sync applies it (one round trip)
    expect(store.getCell(store.listSheets()[0]?.id ?? "", 2, 2).value).toBe("done");
    expect(host.stats.syncCount).toBe(1);
  });

  it("costs no round trip for an empty sync", async () => {
    // Given syncs with nothing queued
    const { Excel, host } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      // When called
      await context.sync();
      // Then they cost no round trip
      expect(range.values).toEqual([[""]]);
    });
    expect(host.stats.syncCount).toBe(1);
    host.stats.reset();
    expect(host.stats.syncCount).toBe(0);
    expect(host.stats.writeCount).toBe(0);
  });

  it("counts syncs and writes per sync", async () => {
    // Given two syncs in one run
    const { Excel, host } = makeHost();
    // When counted
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
    // Then syncCount is 2 and writes are per sync
    expect(host.stats.syncCount).toBe(2);
    expect(host.stats.syncs.map((s) => s.writes)).toEqual([4, 1]);
  });

  it("delivers a ClientResult only at sync", async () => {
    // Given a ClientResult
    const { Excel } = makeHost({ sheets: ["A", "B"] });
    await Excel.run(async (context) => {
      // When read before sync
      const count = context.workbook.worksheets.getCount();
      // Then it throws ValueNotLoaded; after, it has the value
      expect((await failure(() => count.value)).code).toBe("ValueNotLoaded");
      await context.sync();
      expect(count.value).toBe(2);
    });
  });

  it("refuses a proxy from a finished Excel.run", async () => {
    // Given a proxy from a finished Excel.run
    const { Excel } = makeHost();
    // When used again
    const leaked = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("address");
      await context.sync();
      return range;
    });
    // Then it throws InvalidObjectPath at once
    expect(leaked.address).toBe("Sheet1!A1");
    const error = await failure(() => {
      leaked.values = [[1]];
    });
    expect(error.code).toBe("InvalidObjectPath");
  });

  it("rejects a batch that does not return a promise", async () => {
    // Given a batch that does not return a promise
    const { host } = makeHost();
    // When run
    const run = host.Excel.run as unknown as (batch: () => unknown) => Promise<unknown>;
    // Then Excel.run rejects with RunMustReturnPromise
    expect((await failure(() => run(() => 42))).code).toBe("RunMustReturnPromise");
  });

  it("keeps operations before a failure and drops the rest", async () => {
    // Given a batch whose third operation fails
    const { Excel, host, store } = makeHost();
    const id = store.listSheets()[0]?.id ?? "";
    // When synced
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
    // Then the first two stay applied and the rest is dropped
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

  it("delivers nothing from a failed sync", async () => {
    // Given a failed sync
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const probe = sheet.getRange("A1").load("values");
      context.workbook.worksheets.getItem("Missing");
      // When a loaded property is read
      // Then it was not delivered
      expect((await failure(() => context.sync())).code).toBe("ItemNotFound");
      expect((await failure(() => probe.values)).code).toBe("PropertyNotLoaded");
    });
  });

  it("treats context.load like object.load", async () => {
    // Given context.load(object, props)
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      context.load(sheet, "name");
      // When synced
      await context.sync();
      // Then it behaves like object.load(props)
      expect(sheet.name).toBe("Sheet1");
    });
  });

  it("loads nested paths and the object notation", async () => {
    // Given nested load paths and the object notation
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.format.font.bold = true;
      range.load("format/font/bold, format/columnWidth, worksheet/name");
      const other = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      other.load({ format: { fill: { color: true } }, address: true });
      // When synced
      await context.sync();
      // Then navigation properties are loaded
      expect(range.format.font.bold).toBe(true);
      expect(range.format.columnWidth).toBe(48);
      expect(range.worksheet.name).toBe("Sheet1");
      expect(other.format.fill.color).toBe("#FFFFFF");
      expect(other.address).toBe("Sheet1!A1");
    });
  });

  it("refuses an unknown property in load", async () => {
    // Given an unknown property in load
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("nonsense");
      // When synced
      // Then the sync fails with InvalidArgument
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });
});

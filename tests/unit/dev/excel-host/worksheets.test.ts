import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("in-memory Excel: worksheets", () => {
  it("Given an existing name in another case, When a sheet is added with it, Then the sync fails with ItemAlreadyExists", async () => {
    const { Excel, store } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("sheet1");
      const error = await failure(() => context.sync());
      expect(error.code).toBe("ItemAlreadyExists");
      expect(error.debugInfo.errorLocation).toBe("WorksheetCollection.add");
    });
    expect(store.listSheets()).toHaveLength(1);
  });

  it("Given a new name, When a sheet is added, Then it is appended, not activated, and usable in the same batch", async () => {
    const { Excel, store } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Rent vs Build");
      sheet.getRange("A1").values = [["Assumptions"]];
      sheet.load("name, position, id");
      await context.sync();
      expect(sheet.name).toBe("Rent vs Build");
      expect(sheet.position).toBe(1);
      expect(sheet.id).toMatch(/^\{[0-9A-F-]+\}$/);
    });
    const added = store.findSheetByName("Rent vs Build");
    expect(store.getCell(added?.id ?? "", 0, 0).value).toBe("Assumptions");
    expect(store.getActiveSheetId()).not.toBe(added?.id);
  });

  it("Given no name, When sheets are added, Then they are named SheetN like Excel", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const a = context.workbook.worksheets.add().load("name");
      const b = context.workbook.worksheets.add().load("name");
      await context.sync();
      expect([a.name, b.name]).toEqual(["Sheet2", "Sheet3"]);
    });
  });

  it.each(["", "a/b", "x[1]", "'quoted'", "History", "x".repeat(32)])(
    "Given the invalid sheet name %p, When added, Then the sync fails with InvalidArgument",
    async (name) => {
      const { Excel } = makeHost();
      await Excel.run(async (context) => {
        context.workbook.worksheets.add(name);
        expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
      });
    }
  );

  it("Given a missing sheet, When getItem is synced even though unused, Then it fails with ItemNotFound", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Nope");
      const error = await failure(() => context.sync());
      expect(error.code).toBe("ItemNotFound");
      expect(error.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
    });
  });

  it("Given a missing and a present sheet, When got with getItemOrNullObject, Then isNullObject tells them apart after sync", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      expect((await failure(() => missing.isNullObject)).code).toBe("PropertyNotLoaded");
      missing.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined();
      expect(present.isNullObject).toBe(false);
    });
  });

  it("Given a null object, When written to, Then the sync fails with ItemNotFound", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      missing.tabColor = "red";
      expect((await failure(() => context.sync())).code).toBe("ItemNotFound");
    });
  });

  it("Given several sheets, When items are loaded either way, Then names come in tab order", async () => {
    const { Excel } = makeHost({ sheets: ["Inputs", "Model", "Charts"] });
    await Excel.run(async (context) => {
      const a = context.workbook.worksheets.load("items/name");
      await context.sync();
      expect(a.items.map((s) => s.name)).toEqual(["Inputs", "Model", "Charts"]);
      const b = context.workbook.worksheets.load("name, visibility");
      await context.sync();
      expect(b.items.map((s) => s.visibility)).toEqual(["Visible", "Visible", "Visible"]);
      const c = context.workbook.worksheets.load("items");
      await context.sync();
      expect(c.items[2]?.position).toBe(2);
    });
  });

  it("Given the collection, When items is read before a load, Then it throws PropertyNotLoaded", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect((await failure(() => sheets.items)).code).toBe("PropertyNotLoaded");
    });
  });

  it("Given a sheet, When renamed, moved, coloured and hidden, Then the store follows", async () => {
    const { Excel, store } = makeHost({ sheets: ["A", "B", "C"] });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("C");
      sheet.name = "Summary";
      sheet.position = 0;
      sheet.tabColor = "#00b050";
      context.workbook.worksheets.getItem("B").visibility = "Hidden";
      await context.sync();
      const count = context.workbook.worksheets.getCount(true);
      await context.sync();
      expect(count.value).toBe(2);
    });
    expect(store.listSheets().map((s) => [s.name, s.visibility, s.tabColor])).toEqual([
      ["Summary", "Visible", "#00B050"],
      ["A", "Visible", ""],
      ["B", "Hidden", ""],
    ]);
  });

  it("Given a proxy got by name, When the sheet is renamed in the same batch, Then the proxy still addresses it", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.name = "Model";
      sheet.getRange("A1").values = [[1]];
      const a1 = sheet.getRange("A1").load("address, values");
      await context.sync();
      expect(a1.address).toBe("Model!A1");
      expect(a1.values).toEqual([[1]]);
    });
  });

  it("Given the only visible sheet, When it is hidden or deleted, Then Excel refuses (GeneralException)", async () => {
    const { Excel } = makeHost({ sheets: ["Only", "Hidden"] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Hidden").visibility = "Hidden";
      await context.sync();
      context.workbook.worksheets.getItem("Only").delete();
      expect((await failure(() => context.sync())).code).toBe("GeneralException");
      context.workbook.worksheets.getItem("Only").visibility = "Hidden";
      expect((await failure(() => context.sync())).code).toBe("GeneralException");
    });
  });

  it("Given the active sheet, When it is deleted, Then the next visible sheet becomes active", async () => {
    const { Excel } = makeHost({ sheets: ["A", "B", "C"] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("B").activate();
      context.workbook.worksheets.getItem("B").delete();
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      expect(active.name).toBe("C");
      expect(sheets.items.map((s) => s.name)).toEqual(["A", "C"]);
    });
  });

  it("Given a deleted sheet, When a proxy to it is used later, Then the sync fails with ItemNotFound", async () => {
    const { Excel } = makeHost({ sheets: ["A", "B"] });
    await Excel.run(async (context) => {
      const b = context.workbook.worksheets.getItem("B");
      const range = b.getRange("A1");
      await context.sync();
      b.delete();
      await context.sync();
      range.values = [[1]];
      expect((await failure(() => context.sync())).code).toBe("ItemNotFound");
    });
  });
  it("Given getItem queued before the add that creates the sheet, When synced, Then it fails: lookups happen in queue order", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Later");
      context.workbook.worksheets.add("Later");
      expect((await failure(() => context.sync())).code).toBe("ItemNotFound");
      const found = context.workbook.worksheets.getItem("Later").load("name");
      expect((await failure(() => context.sync())).code).toBe("ItemNotFound");
      context.workbook.worksheets.add("Later");
      await context.sync();
      const again = context.workbook.worksheets.getItem("Later").load("name");
      await context.sync();
      expect(again.name).toBe("Later");
      expect(found).toBeDefined();
    });
  });

  it("Given a named range, When its sheet is renamed and then deleted, Then the name follows, then becomes #REF!", async () => {
    const { Excel } = makeHost({ sheets: ["Inputs", "Model"] });
    await Excel.run(async (context) => {
      const inputs = context.workbook.worksheets.getItem("Inputs");
      const name = context.workbook.names.add("Rate", inputs.getRange("B2"));
      inputs.name = "Rent vs Build";
      name.load("formula");
      await context.sync();
      expect(name.formula).toBe("='Rent vs Build'!$B$2");
      inputs.delete();
      name.load("formula, type");
      await context.sync();
      expect([name.formula, name.type]).toEqual(["=#REF!$B$2", "Error"]);
    });
  });
});

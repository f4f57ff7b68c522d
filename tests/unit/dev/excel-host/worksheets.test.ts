import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("in-memory Excel: worksheets", () => {
  it("refuses a sheet name that exists in another case", async () => {
    // Given an existing name in another case
    const { Excel, store } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("sheet1");
      // When a sheet is added with it
      const error = await failure(() => context.sync());
      // Then the sync fails with ItemAlreadyExists
      expect(error.code).toBe("ItemAlreadyExists");
      expect(error.debugInfo.errorLocation).toBe("WorksheetCollection.add");
    });
    expect(store.listSheets()).toHaveLength(1);
  });

  it("appends a new sheet without activating it", async () => {
    // Given a new name
    const { Excel, store } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Rent vs Build");
      sheet.getRange("A1").values = [["Assumptions"]];
      sheet.load("name, position, id");
      // When a sheet is added
      await context.sync();
      // Then it is appended, not activated, and usable in the same batch
      expect(sheet.name).toBe("Rent vs Build");
      expect(sheet.position).toBe(1);
      expect(sheet.id).toMatch(/^\{[0-9A-F-]+\}$/);
    });
    const added = store.findSheetByName("Rent vs Build");
    expect(store.getCell(added?.id ?? "", 0, 0).value).toBe("Assumptions");
    expect(store.getActiveSheetId()).not.toBe(added?.id);
  });

  it("names unnamed sheets SheetN", async () => {
    // Given no name
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const a = context.workbook.worksheets.add().load("name");
      const b = context.workbook.worksheets.add().load("name");
      // When sheets are added
      await context.sync();
      // Then they are named SheetN like Excel
      expect([a.name, b.name]).toEqual(["Sheet2", "Sheet3"]);
    });
  });

  it.each(["", "a/b", "x[1]", "'quoted'", "History", "x".repeat(32)])(
    "refuses the invalid sheet name %p",
    async (name) => {
      // Given the invalid sheet name (one case per row)
      const { Excel } = makeHost();
      await Excel.run(async (context) => {
        context.workbook.worksheets.add(name);
        // When added
        // Then the sync fails with InvalidArgument
        expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
      });
    }
  );

  it("refuses a missing sheet even if unused", async () => {
    // Given a missing sheet
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Nope");
      // When getItem is synced even though unused
      const error = await failure(() => context.sync());
      // Then it fails with ItemNotFound
      expect(error.code).toBe("ItemNotFound");
      expect(error.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
    });
  });

  it("tells a missing sheet from a present one with getItemOrNullObject", async () => {
    // Given a missing and a present sheet
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      // When got with getItemOrNullObject
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      // Then isNullObject tells them apart after sync
      expect((await failure(() => missing.isNullObject)).code).toBe("PropertyNotLoaded");
      missing.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined();
      expect(present.isNullObject).toBe(false);
    });
  });

  it("refuses writes to a null object", async () => {
    // Given a null object
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      // When written to
      await context.sync();
      // Then the sync fails with ItemNotFound
      expect(missing.isNullObject).toBe(true);
      missing.tabColor = "red";
      expect((await failure(() => context.sync())).code).toBe("ItemNotFound");
    });
  });

  it("loads sheets in tab order", async () => {
    // Given several sheets
    const { Excel } = makeHost({ sheets: ["Inputs", "Model", "Charts"] });
    await Excel.run(async (context) => {
      const a = context.workbook.worksheets.load("items/name");
      // When items are loaded either way
      await context.sync();
      // Then names come in tab order
      expect(a.items.map((s) => s.name)).toEqual(["Inputs", "Model", "Charts"]);
      const b = context.workbook.worksheets.load("name, visibility");
      await context.sync();
      expect(b.items.map((s) => s.visibility)).toEqual(["Visible", "Visible", "Visible"]);
      const c = context.workbook.worksheets.load("items");
      await context.sync();
      expect(c.items[2]?.position).toBe(2);
    });
  });

  it("refuses items before a load", async () => {
    // Given the collection
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      // When items is read before a load
      const sheets = context.workbook.worksheets;
      // Then it throws PropertyNotLoaded
      expect((await failure(() => sheets.items)).code).toBe("PropertyNotLoaded");
    });
  });

  it("renames, moves, colours and hides a sheet", async () => {
    // Given a sheet
    const { Excel, store } = makeHost({ sheets: ["A", "B", "C"] });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("C");
      sheet.name = "Summary";
      sheet.position = 0;
      sheet.tabColor = "#00b050";
      context.workbook.worksheets.getItem("B").visibility = "Hidden";
      await context.sync();
      const count = context.workbook.worksheets.getCount(true);
      // When renamed, moved, coloured and hidden
      await context.sync();
      // Then the store follows
      expect(count.value).toBe(2);
    });
    expect(store.listSheets().map((s) => [s.name, s.visibility, s.tabColor])).toEqual([
      ["Summary", "Visible", "#00B050"],
      ["A", "Visible", ""],
      ["B", "Hidden", ""],
    ]);
  });

  it("keeps a proxy on a sheet renamed in the same batch", async () => {
    // Given a proxy got by name
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.name = "Model";
      sheet.getRange("A1").values = [[1]];
      const a1 = sheet.getRange("A1").load("address, values");
      // When the sheet is renamed in the same batch
      await context.sync();
      // Then the proxy still addresses it
      expect(a1.address).toBe("Model!A1");
      expect(a1.values).toEqual([[1]]);
    });
  });

  it("refuses to hide or delete the only visible sheet", async () => {
    // Given the only visible sheet
    const { Excel } = makeHost({ sheets: ["Only", "Hidden"] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Hidden").visibility = "Hidden";
      await context.sync();
      context.workbook.worksheets.getItem("Only").delete();
      // When it is hidden or deleted
      // Then Excel refuses (GeneralException)
      expect((await failure(() => context.sync())).code).toBe("GeneralException");
      context.workbook.worksheets.getItem("Only").visibility = "Hidden";
      expect((await failure(() => context.sync())).code).toBe("GeneralException");
    });
  });

  it("activates the next visible sheet when the active one is deleted", async () => {
    // Given the active sheet
    const { Excel } = makeHost({ sheets: ["A", "B", "C"] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("B").activate();
      context.workbook.worksheets.getItem("B").delete();
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      const sheets = context.workbook.worksheets.load("items/name");
      // When it is deleted
      await context.sync();
      // Then the next visible sheet becomes active
      expect(active.name).toBe("C");
      expect(sheets.items.map((s) => s.name)).toEqual(["A", "C"]);
    });
  });

  it("refuses a proxy to a deleted sheet", async () => {
    // Given a deleted sheet
    const { Excel } = makeHost({ sheets: ["A", "B"] });
    await Excel.run(async (context) => {
      const b = context.workbook.worksheets.getItem("B");
      const range = b.getRange("A1");
      await context.sync();
      b.delete();
      await context.sync();
      range.values = [[1]];
      // When a proxy to it is used later
      // Then the sync fails with ItemNotFound
      expect((await failure(() => context.sync())).code).toBe("ItemNotFound");
    });
  });
  it("looks sheets up in queue order", async () => {
    // Given getItem queued before the add that creates the sheet
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Later");
      context.workbook.worksheets.add("Later");
      // When synced
      // Then it fails: lookups happen in queue order
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

  it("follows a named range's sheet renamed, then deleted", async () => {
    // Given a named range
    const { Excel } = makeHost({ sheets: ["Inputs", "Model"] });
    await Excel.run(async (context) => {
      const inputs = context.workbook.worksheets.getItem("Inputs");
      const name = context.workbook.names.add("Rate", inputs.getRange("B2"));
      inputs.name = "Rent vs Build";
      name.load("formula");
      // When its sheet is renamed and then deleted
      await context.sync();
      // Then the name follows, then becomes #REF!
      expect(name.formula).toBe("='Rent vs Build'!$B$2");
      inputs.delete();
      name.load("formula, type");
      await context.sync();
      expect([name.formula, name.type]).toEqual(["=#REF!$B$2", "Error"]);
    });
  });
});

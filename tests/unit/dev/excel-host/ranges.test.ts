import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("in-memory Excel: ranges", () => {
  it("Given a 2-D array of the wrong shape, When written, Then the sync fails with InvalidArgument", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.values = [[1, 2, 3]];
      const error = await failure(() => context.sync());
      expect(error.code).toBe("InvalidArgument");
      expect(error.debugInfo.errorLocation).toBe("Range.values");
    });
  });

  it("Given a ragged 2-D array, When written as formulas, Then the sync fails with InvalidArgument", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").formulas = [[1, 2], [3]];
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("Given a single value for a multi-cell range, When written, Then every cell gets it (Excel's fill)", async () => {
    const { Excel, host } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      (range as unknown as { values: unknown }).values = 0;
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([
        [0, 0],
        [0, 0],
      ]);
    });
    expect(host.stats.writeCount).toBe(4);
  });

  it("Given a single formula for a column, When written, Then relative references shift per row", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("C1:C3");
      (range as unknown as { formulas: unknown }).formulas = "=A1*$B$1";
      range.load("formulas");
      await context.sync();
      expect(range.formulas).toEqual([["=A1*$B$1"], ["=A2*$B$1"], ["=A3*$B$1"]]);
    });
  });

  it("Given null cells in a 2-D array, When written, Then those cells are left unchanged", async () => {
    const { Excel, host } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      range.values = [["a", "b", "c"]];
      await context.sync();
      range.values = [[null, "B", null]];
      range.numberFormat = [[null, null, "0.00%"]];
      range.load("values, numberFormat");
      await context.sync();
      expect(range.values).toEqual([["a", "B", "c"]]);
      expect(range.numberFormat).toEqual([["General", "General", "0.00%"]]);
    });
    expect(host.stats.syncs.map((s) => s.writes)).toEqual([3, 2]);
  });

  it("Given text typed into values, When written, Then Excel's entry parsing applies", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const range = sheet.getRange("A1:F1");
      range.values = [["=1+1", "00123", "TRUE", "#N/A", "'0042", "plain"]];
      const text = sheet.getRange("G1");
      text.numberFormat = [["@"]];
      text.values = [["00123"]];
      range.load("values, formulas, valueTypes");
      text.load("values");
      await context.sync();
      expect(range.formulas).toEqual([["=1+1", 123, true, "#N/A", "0042", "plain"]]);
      expect(range.values).toEqual([["", 123, true, "#N/A", "0042", "plain"]]);
      expect(range.valueTypes).toEqual([
        ["Unknown", "Double", "Boolean", "Error", "String", "String"],
      ]);
      expect(text.values).toEqual([["00123"]]);
    });
  });

  it("Given empty cells, When read, Then values and formulas are empty strings", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem("Sheet1")
        .getRange("D4:E4")
        .load("values, formulas, valueTypes");
      await context.sync();
      expect(range.values).toEqual([["", ""]]);
      expect(range.formulas).toEqual([["", ""]]);
      expect(range.valueTypes).toEqual([["Empty", "Empty"]]);
    });
  });

  it("Given a range, When resized and offset, Then the address math matches Excel's", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const base = context.workbook.worksheets.getItem("Sheet1").getRange("B2:C3");
      const grown = base.getResizedRange(2, 1).load("address, rowCount, columnCount");
      const shrunk = base.getResizedRange(-1, -1).load("address");
      const moved = base.getOffsetRange(1, 2).load("address, rowIndex, columnIndex");
      const back = base.getOffsetRange(-1, -1).load("address");
      const cell = base.getCell(1, 1).load("address");
      const outside = base.getCell(5, 0).load("address");
      const last = base.getLastCell().load("address");
      const row = base.getRow(1).load("address");
      const column = base.getColumn(0).load("address");
      await context.sync();
      expect(grown.address).toBe("Sheet1!B2:D5");
      expect([grown.rowCount, grown.columnCount]).toEqual([4, 3]);
      expect(shrunk.address).toBe("Sheet1!B2");
      expect(moved.address).toBe("Sheet1!D3:E4");
      expect([moved.rowIndex, moved.columnIndex]).toEqual([2, 3]);
      expect(back.address).toBe("Sheet1!A1:B2");
      expect(cell.address).toBe("Sheet1!C3");
      expect(outside.address).toBe("Sheet1!B7");
      expect(last.address).toBe("Sheet1!C3");
      expect(row.address).toBe("Sheet1!B3:C3");
      expect(column.address).toBe("Sheet1!B2:B3");
    });
  });

  it.each([
    ["resized to nothing", (r: Excel.Range) => r.getResizedRange(-2, 0)],
    ["offset off the top", (r: Excel.Range) => r.getOffsetRange(-2, 0)],
    ["offset off the left", (r: Excel.Range) => r.getOffsetRange(0, -3)],
  ])(
    "Given a range %s, When synced, Then it fails with InvalidArgument",
    async (_label, derive) => {
      const { Excel } = makeHost();
      await Excel.run(async (context) => {
        derive(context.workbook.worksheets.getItem("Sheet1").getRange("B2:C3"));
        expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
      });
    }
  );

  it.each(["A0", "ZZZZ1", "A1:B2:C3", "Sheet1!", "not an address"])(
    "Given the bad address %p, When getRange is synced, Then it fails with InvalidArgument at Worksheet.getRange",
    async (address) => {
      const { Excel } = makeHost();
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(address);
        const error = await failure(() => context.sync());
        expect(error.code).toBe("InvalidArgument");
        expect(error.debugInfo.errorLocation).toBe("Worksheet.getRange");
      });
    }
  );

  it("Given a sheet named with spaces, When ranges on it are addressed, Then addresses are quoted", async () => {
    const { Excel } = makeHost({ sheets: ["Rent vs Build"] });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("rent VS build");
      const a = sheet.getRange("'Rent vs Build'!B5").load("address");
      const b = sheet.getRange("C5:D6").load("address");
      await context.sync();
      expect(a.address).toBe("'Rent vs Build'!B5");
      expect(b.address).toBe("'Rent vs Build'!C5:D6");
    });
  });

  it("Given getRange with another sheet's name, When synced, Then it fails with InvalidArgument", async () => {
    const { Excel } = makeHost({ sheets: ["A", "B"] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("B!A1");
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("Given getRangeByIndexes, When loaded, Then it is 0-based", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem("Sheet1")
        .getRangeByIndexes(4, 2, 2, 3)
        .load("address");
      await context.sync();
      expect(range.address).toBe("Sheet1!C5:E6");
    });
  });

  it("Given formats set on a range, When loaded, Then uniform values read back and mixed ones are null", async () => {
    const { Excel, store } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const inputs = sheet.getRange("B2:B4");
      inputs.format.font.color = "blue";
      inputs.format.font.bold = true;
      inputs.format.fill.color = "#fff2cc";
      inputs.format.columnWidth = 120;
      inputs.format.horizontalAlignment = "Right";
      sheet.getRange("B3").format.font.italic = true;
      const all = sheet.getRange("B2:B4");
      all.load(
        "format/font/color, format/font/bold, format/font/italic, format/font/size, format/font/name"
      );
      all.load(
        "format/fill/color, format/columnWidth, format/rowHeight, format/horizontalAlignment, format/wrapText"
      );
      await context.sync();
      expect(all.format.font.color).toBe("#0000FF");
      expect(all.format.font.bold).toBe(true);
      expect(all.format.font.italic).toBeNull();
      expect(all.format.font.size).toBe(11);
      expect(all.format.font.name).toBe("Calibri");
      expect(all.format.fill.color).toBe("#FFF2CC");
      expect(all.format.columnWidth).toBe(120);
      expect(all.format.rowHeight).toBe(15);
      expect(all.format.horizontalAlignment).toBe("Right");
      expect(all.format.wrapText).toBe(false);
      all.format.fill.clear();
      all.format.load("fill/color");
      await context.sync();
      expect(all.format.fill.color).toBe("#FFFFFF");
    });
    expect(store.getColumnWidth(store.listSheets()[0]?.id ?? "", 1)).toBe(120);
  });

  it("Given an unknown color, When set, Then the sync fails with InvalidArgument", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.font.color = "blurple";
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("Given content, When autofitColumns runs, Then the column widens to the longest entry", async () => {
    const { Excel, store } = makeHost();
    const id = store.listSheets()[0]?.id ?? "";
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2");
      range.values = [["GPU capex (USD, incl. networking)"], [1]];
      range.format.autofitColumns();
      await context.sync();
    });
    expect(store.getColumnWidth(id, 0)).toBeGreaterThan(48);
  });

  it("Given a used area, When getUsedRange is loaded, Then it is the bounding box; a blank sheet gives A1 or a null object", async () => {
    const { Excel } = makeHost({ sheets: ["Data", "Blank"] });
    await Excel.run(async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      data.getRange("B2").values = [[1]];
      data.getRange("D5").values = [["x"]];
      data.getRange("F9").format.fill.color = "yellow";
      const used = data.getUsedRange().load("address");
      const usedValues = data.getUsedRange(true).load("address");
      const blank = context.workbook.worksheets.getItem("Blank");
      const blankUsed = blank.getUsedRange().load("address");
      const blankOrNull = blank.getUsedRangeOrNullObject();
      await context.sync();
      expect(used.address).toBe("Data!B2:F9");
      expect(usedValues.address).toBe("Data!B2:D5");
      expect(blankUsed.address).toBe("Blank!A1");
      expect(blankOrNull.isNullObject).toBe(true);
    });
  });

  it("Given content and formats, When cleared by mode, Then only the chosen parts go", async () => {
    const { Excel, store } = makeHost();
    const id = store.listSheets()[0]?.id ?? "";
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [[1, 2]];
      sheet.getRange("A1:B1").format.font.bold = true;
      await context.sync();
      sheet.getRange("A1").clear("Contents");
      sheet.getRange("B1").clear("Formats");
      await context.sync();
    });
    expect(store.getCell(id, 0, 0).value).toBeNull();
    expect(store.getFormat(id, 0, 0).font.bold).toBe(true);
    expect(store.getCell(id, 0, 1).value).toBe(2);
    expect(store.getFormat(id, 0, 1).font.bold).toBe(false);
  });

  it("Given a range, When selected, Then its sheet becomes active and the selection is recorded", async () => {
    const { Excel, store } = makeHost({ sheets: ["A", "B"] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("B").getRange("C3:D4").select();
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(active.name).toBe("B");
    });
    expect(store.getSelection()?.range).toEqual({ row: 2, col: 2, rowCount: 2, colCount: 2 });
  });
});

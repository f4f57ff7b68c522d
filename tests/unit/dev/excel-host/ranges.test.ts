import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("in-memory Excel: ranges", () => {
  it("refuses a 2-D array of the wrong shape", async () => {
    // Given a 2-D array of the wrong shape
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.values = [[1, 2, 3]];
      // When written
      const error = await failure(() => context.sync());
      // Then the sync fails with InvalidArgument
      expect(error.code).toBe("InvalidArgument");
      expect(error.debugInfo.errorLocation).toBe("Range.values");
    });
  });

  it("refuses ragged formulas", async () => {
    // Given a ragged 2-D array
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").formulas = [[1, 2], [3]];
      // When written as formulas
      // Then the sync fails with InvalidArgument
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("fills a range with a single value", async () => {
    // Given a single value for a multi-cell range
    const { Excel, host } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      (range as unknown as { values: unknown }).values = 0;
      range.load("values");
      // When written
      await context.sync();
      // Then every cell gets it (Excel's fill)
      expect(range.values).toEqual([
        [0, 0],
        [0, 0],
      ]);
    });
    expect(host.stats.writeCount).toBe(4);
  });

  it("shifts a single formula's relative references per row", async () => {
    // Given a single formula for a column
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("C1:C3");
      (range as unknown as { formulas: unknown }).formulas = "=A1*$B$1";
      range.load("formulas");
      // When written
      await context.sync();
      // Then relative references shift per row
      expect(range.formulas).toEqual([["=A1*$B$1"], ["=A2*$B$1"], ["=A3*$B$1"]]);
    });
  });

  it("leaves null cells unchanged", async () => {
    // Given null cells in a 2-D array
    const { Excel, host } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      range.values = [["a", "b", "c"]];
      await context.sync();
      range.values = [[null, "B", null]];
      range.numberFormat = [[null, null, "0.00%"]];
      range.load("values, numberFormat");
      // When written
      await context.sync();
      // Then those cells are left unchanged
      expect(range.values).toEqual([["a", "B", "c"]]);
      expect(range.numberFormat).toEqual([["General", "General", "0.00%"]]);
    });
    expect(host.stats.syncs.map((s) => s.writes)).toEqual([3, 2]);
  });

  it("parses text typed into values as Excel does", async () => {
    // Given text typed into values
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
      // When written
      await context.sync();
      // Then Excel's entry parsing applies
      expect(range.formulas).toEqual([["=1+1", 123, true, "#N/A", "0042", "plain"]]);
      expect(range.values).toEqual([["", 123, true, "#N/A", "0042", "plain"]]);
      expect(range.valueTypes).toEqual([
        ["Unknown", "Double", "Boolean", "Error", "String", "String"],
      ]);
      expect(text.values).toEqual([["00123"]]);
    });
  });

  it("reads empty cells as empty strings", async () => {
    // Given empty cells
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem("Sheet1")
        .getRange("D4:E4")
        .load("values, formulas, valueTypes");
      // When read
      await context.sync();
      // Then values and formulas are empty strings
      expect(range.values).toEqual([["", ""]]);
      expect(range.formulas).toEqual([["", ""]]);
      expect(range.valueTypes).toEqual([["Empty", "Empty"]]);
    });
  });

  it("resizes and offsets as Excel does", async () => {
    // Given a range
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
      // When resized and offset
      await context.sync();
      // Then the address math matches Excel's
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
  ])("refuses a range %s", async (_label, derive) => {
    // Given the range (one case per row)
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      derive(context.workbook.worksheets.getItem("Sheet1").getRange("B2:C3"));
      // When synced
      // Then it fails with InvalidArgument
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it.each(["A0", "ZZZZ1", "A1:B2:C3", "Sheet1!", "not an address"])(
    "refuses the bad address %p at Worksheet.getRange",
    async (address) => {
      // Given the bad address (one case per row)
      const { Excel } = makeHost();
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(address);
        // When getRange is synced
        const error = await failure(() => context.sync());
        // Then it fails with InvalidArgument at Worksheet.getRange
        expect(error.code).toBe("InvalidArgument");
        expect(error.debugInfo.errorLocation).toBe("Worksheet.getRange");
      });
    }
  );

  it("quotes addresses on a sheet named with spaces", async () => {
    // Given a sheet named with spaces
    const { Excel } = makeHost({ sheets: ["Rent vs Build"] });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("rent VS build");
      const a = sheet.getRange("'Rent vs Build'!B5").load("address");
      const b = sheet.getRange("C5:D6").load("address");
      // When ranges on it are addressed
      await context.sync();
      // Then addresses are quoted
      expect(a.address).toBe("'Rent vs Build'!B5");
      expect(b.address).toBe("'Rent vs Build'!C5:D6");
    });
  });

  it("refuses another sheet's name in getRange", async () => {
    // Given getRange with another sheet's name
    const { Excel } = makeHost({ sheets: ["A", "B"] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("B!A1");
      // When synced
      // Then it fails with InvalidArgument
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("addresses getRangeByIndexes from 0", async () => {
    // Given getRangeByIndexes
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem("Sheet1")
        .getRangeByIndexes(4, 2, 2, 3)
        .load("address");
      // When loaded
      await context.sync();
      // Then it is 0-based
      expect(range.address).toBe("Sheet1!C5:E6");
    });
  });

  it("reads uniform formats back and mixed ones as null", async () => {
    // Given formats set on a range
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
      // When loaded
      await context.sync();
      // Then uniform values read back and mixed ones are null
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

  it("refuses an unknown color", async () => {
    // Given an unknown color
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.font.color = "blurple";
      // When set
      // Then the sync fails with InvalidArgument
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("widens a column to its longest entry", async () => {
    // Given content
    const { Excel, store } = makeHost();
    const id = store.listSheets()[0]?.id ?? "";
    // When autofitColumns runs
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2");
      range.values = [["GPU capex (USD, incl. networking)"], [1]];
      range.format.autofitColumns();
      await context.sync();
    });
    // Then the column widens to the longest entry
    expect(store.getColumnWidth(id, 0)).toBeGreaterThan(48);
  });

  it("bounds the used range", async () => {
    // Given a used area
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
      // When getUsedRange is loaded
      await context.sync();
      // Then it is the bounding box; a blank sheet gives A1 or a null object
      expect(used.address).toBe("Data!B2:F9");
      expect(usedValues.address).toBe("Data!B2:D5");
      expect(blankUsed.address).toBe("Blank!A1");
      expect(blankOrNull.isNullObject).toBe(true);
    });
  });

  it("clears only the chosen parts", async () => {
    // Given content and formats
    const { Excel, store } = makeHost();
    const id = store.listSheets()[0]?.id ?? "";
    // When cleared by mode
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [[1, 2]];
      sheet.getRange("A1:B1").format.font.bold = true;
      await context.sync();
      sheet.getRange("A1").clear("Contents");
      sheet.getRange("B1").clear("Formats");
      await context.sync();
    });
    // Then only the chosen parts go
    expect(store.getCell(id, 0, 0).value).toBeNull();
    expect(store.getFormat(id, 0, 0).font.bold).toBe(true);
    expect(store.getCell(id, 0, 1).value).toBe(2);
    expect(store.getFormat(id, 0, 1).font.bold).toBe(false);
  });

  it("activates the sheet of a selected range", async () => {
    // Given a range
    const { Excel, store } = makeHost({ sheets: ["A", "B"] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("B").getRange("C3:D4").select();
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      // When selected
      await context.sync();
      // Then its sheet becomes active and the selection is recorded
      expect(active.name).toBe("B");
    });
    expect(store.getSelection()?.range).toEqual({ row: 2, col: 2, rowCount: 2, colCount: 2 });
  });
});

/**
 * Worksheet.copy (ExcelApi 1.10) and Range.getSpillingToRangeOrNullObject (ExcelApi 1.12) on the in-memory
 * host, in both stores: what Freeze for sharing relies on, as Excel does it.
 */
import { asExcelNamespace, createMemoryExcel } from "../../../../src/dev/excel-host";
import { HyperFormulaCellStore } from "../../../../src/dev/workbench/hyperFormulaStore";
import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("in-memory Excel: Worksheet.copy", () => {
  it("copies cells as written, formats, widths, tab color and charts under Excel's copy name", async () => {
    // Given a sheet with a formula, a format, a width, a tab color and a chart of its own cells
    const { Excel, store } = makeHost({ sheets: ["Sheet1", "Rent vs Build"] });
    const source = store.findSheetByName("Rent vs Build")?.id ?? "";
    store.setValue(source, 0, 0, 2);
    store.setFormula(source, 0, 1, "=A1*3");
    store.setFormat(source, 0, 1, { numberFormat: "$#,##0", font: { bold: true } });
    store.setColumnWidth(source, 1, 90);
    store.setTabColor(source, "#FF0000");
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Rent vs Build");
      sheet.charts.add("Line", sheet.getRange("A1:B1"));
      await context.sync();
      // When it is copied after itself
      const copy = sheet.copy("After", sheet);
      copy.load("name, position");
      await context.sync();
      // Then the copy is "Rent vs Build (2)", right after it, not activated
      expect(copy.name).toBe("Rent vs Build (2)");
      expect(copy.position).toBe(2);
    });
    const copy = store.findSheetByName("Rent vs Build (2)")?.id ?? "";
    expect(store.getCell(copy, 0, 1).formula).toBe("=A1*3");
    expect(store.getFormat(copy, 0, 1).numberFormat).toBe("$#,##0");
    expect(store.getFormat(copy, 0, 1).font.bold).toBe(true);
    expect(store.getColumnWidth(copy, 1)).toBe(90);
    expect(store.getSheet(copy)?.tabColor).toBe("#FF0000");
    expect(store.listCharts(copy).map((c) => c.source.sheetId)).toEqual([copy]);
    expect(store.getActiveSheetId()).not.toBe(copy);
  });

  it("puts the copy first by default, and refuses Before/After without the sheet", async () => {
    // Given a workbook of two sheets
    const { Excel, store } = makeHost({ sheets: ["A", "B"] });
    await Excel.run(async (context) => {
      // When B is copied with no position, then with "After" but no sheet
      context.workbook.worksheets.getItem("B").copy();
      await context.sync();
      context.workbook.worksheets.getItem("B").copy("After");
      const error = await failure(() => context.sync());
      // Then the first copy is first (positionType "None"), the second is refused
      expect(error.code).toBe("InvalidArgument");
      expect(error.debugInfo.errorLocation).toBe("Worksheet.copy");
    });
    expect(store.listSheets().map((s) => s.name)).toEqual(["B (2)", "A", "B"]);
  });

  it("keeps Excel's 31-character limit in the copy's name", async () => {
    // Given a sheet whose name has 31 characters
    const long = "Options comparison for the boar";
    const { Excel, store } = makeHost({ sheets: [long] });
    await Excel.run(async (context) => {
      // When it is copied
      context.workbook.worksheets.getItem(long).copy("End");
      await context.sync();
    });
    // Then the base is cut so " (2)" fits: its first 31 - 4 = 27 characters, "Options comparison for the "
    expect(store.listSheets().map((s) => s.name)).toEqual([
      long,
      "Options comparison for the  (2)",
    ]);
  });
});

describe("in-memory Excel: Range.getSpillingToRangeOrNullObject", () => {
  it("is a null object without an engine, and refused on more than one cell", async () => {
    // Given the host's own store (no formula engine)
    const { Excel, store } = makeHost();
    store.setFormula(store.listSheets()[0]?.id ?? "", 0, 0, "=SEQUENCE(3)");
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const spill = sheet.getRange("A1").getSpillingToRangeOrNullObject();
      spill.load("address");
      await context.sync();
      // Then nothing spills there
      expect(spill.isNullObject).toBe(true);
      sheet.getRange("A1:B2").getSpillingToRangeOrNullObject();
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("gives a formula's spill in the workbench's store, anchor included", async () => {
    // Given a HyperFormula store with a spilling formula and a plain one
    const store = new HyperFormulaCellStore({ sheets: ["Sheet1"] });
    const id = store.listSheets()[0]?.id ?? "";
    store.setFormula(id, 1, 1, "=SEQUENCE(3,2)");
    store.setFormula(id, 0, 5, "=1+1");
    const Excel = asExcelNamespace(createMemoryExcel(store).Excel);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const spill = sheet.getRange("B2").getSpillingToRangeOrNullObject();
      spill.load("address");
      const none = sheet.getRange("F1").getSpillingToRangeOrNullObject();
      none.load("address");
      await context.sync();
      // Then the spill is B2:C4, and the single value spills nowhere
      expect(spill.address).toBe("Sheet1!B2:C4");
      expect(none.isNullObject).toBe(true);
    });
    // And a copy of the sheet computes its own spill
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").copy("End");
      await context.sync();
    });
    const copy = store.findSheetByName("Sheet1 (2)")?.id ?? "";
    expect(store.getCell(copy, 3, 2).value).toBe(6);
    expect(store.getSpillRange(copy, 1, 1)).toEqual({ row: 1, col: 1, rowCount: 3, colCount: 2 });
  });
});

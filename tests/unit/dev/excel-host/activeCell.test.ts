import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("in-memory Excel: Workbook.getActiveCell", () => {
  it("is the top-left cell of the selection on the active sheet, resolved in queue order", async () => {
    // Given a selection B2:C3 made through the API
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2:C3").select();
      const cell = context.workbook.getActiveCell();
      cell.load("address");
      // When synced
      await context.sync();
      // Then the active cell is B2, one cell
      expect(cell.address).toBe("Sheet1!B2");
    });
  });

  it("is A1 when the active sheet has no selection", async () => {
    // Given a new sheet activated, nothing selected on it
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("D4").select();
      context.workbook.worksheets.add("Other").activate();
      const cell = context.workbook.getActiveCell();
      cell.load("address");
      await context.sync();
      // Then its active cell is A1 of the active sheet
      expect(cell.address).toBe("Other!A1");
    });
  });

  it("fails at sync with ItemNotFound when no sheet is active", async () => {
    // Given a workbook with no sheet
    const { Excel } = makeHost({ sheets: [] });
    await Excel.run(async (context) => {
      context.workbook.getActiveCell();
      // Then the sync fails, naming the operation
      const error = await failure(() => context.sync());
      expect(error.code).toBe("ItemNotFound");
      expect(error.debugInfo.errorLocation).toBe("Workbook.getActiveCell");
    });
  });
});

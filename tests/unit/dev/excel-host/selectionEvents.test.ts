/**
 * The host's selection APIs as Office.js has them: Workbook.onSelectionChanged (ExcelApi 1.2),
 * Workbook.getActiveCell (1.7), Worksheet.getRanges / RangeAreas.select (1.9), Excel.run(object, batch).
 */
import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe("in-memory Excel: selection", () => {
  it("reports the active cell: the selection's top-left on the active sheet, else A1", async () => {
    // Given B3:C4 selected on Sheet1
    const { Excel, store } = makeHost({ sheets: ["Sheet1", "Sheet2"] });
    const sheet1 = store.findSheetByName("Sheet1")?.id ?? "";
    store.setActiveSheetId(sheet1);
    store.setSelection(sheet1, { row: 2, col: 1, rowCount: 2, colCount: 2 });
    // When the active cell is read, then again after activating Sheet2
    const first = await Excel.run(async (context) => {
      const cell = context.workbook.getActiveCell().load("address");
      await context.sync();
      return cell.address;
    });
    store.setActiveSheetId(store.findSheetByName("Sheet2")?.id ?? "");
    const second = await Excel.run(async (context) => {
      const cell = context.workbook.getActiveCell().load("address");
      await context.sync();
      return cell.address;
    });
    // Then it is B3, then Sheet2's A1
    expect(first).toBe("Sheet1!B3");
    expect(second).toBe("Sheet2!A1");
  });

  it("selects several areas at once and refuses an address off the sheet", async () => {
    // Given a name on Sheet1
    const { Excel, store } = makeHost({ sheets: ["Sheet1", "Sheet2"] });
    store.addName({ name: "Total", formula: "=Sheet1!$D$9", comment: "", visible: true });
    // When three areas (one by name) are selected
    await Excel.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("Sheet1").getRanges("C5, A1:B2;Total");
      areas.select();
      areas.load("areaCount,address");
      await context.sync();
      expect(areas.areaCount).toBe(3);
      expect(areas.address).toBe("Sheet1!C5,Sheet1!A1:B2,Sheet1!D9");
    });
    // Then they are the selection, the first one's top-left the active cell
    expect(store.getSelection()?.areas).toEqual([
      { row: 4, col: 2, rowCount: 1, colCount: 1 },
      { row: 0, col: 0, rowCount: 2, colCount: 2 },
      { row: 8, col: 3, rowCount: 1, colCount: 1 },
    ]);
    // And an address on another sheet, or an empty part, fails the sync with InvalidArgument
    for (const address of ["Sheet2!A1", "A1,,B2"]) {
      const error = await failure(() =>
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRanges(address).select();
          await context.sync();
        })
      );
      expect([address, error.code]).toEqual([address, "InvalidArgument"]);
    }
  });

  it("calls a selection handler after the change, from the sync that added it on, until removed", async () => {
    // Given a handler queued but not yet synced
    const { Excel, store } = makeHost();
    const sheet = store.listSheets()[0]?.id ?? "";
    const calls: unknown[] = [];
    let registration: { remove(): void; context: unknown } | undefined;
    await Excel.run(async (context) => {
      registration = context.workbook.onSelectionChanged.add(async (args) => {
        calls.push(args.workbook);
        await Promise.resolve();
      });
      // When the selection changes before the sync
      store.setSelection(sheet, { row: 1, col: 1, rowCount: 1, colCount: 1 });
      await tick();
      // Then nothing is called: the handler is registered by the sync
      expect(calls).toHaveLength(0);
      await context.sync();
    });

    // When the selection changes after it
    store.setSelection(sheet, { row: 2, col: 2, rowCount: 1, colCount: 1 });
    // Then the handler is called asynchronously, not inside the change
    expect(calls).toHaveLength(0);
    await tick();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toBeDefined();
    // And the same selection again is no change
    store.setSelection(sheet, { row: 2, col: 2, rowCount: 1, colCount: 1 });
    await tick();
    expect(calls).toHaveLength(1);

    // When it is removed through its finished context, then in it (Excel.run(context, batch))
    const added = registration;
    if (added === undefined) throw new Error("no registration");
    expect((await failure(() => added.remove())).code).toBe("InvalidObjectPath");
    await Excel.run(added.context as Excel.RequestContext, async (context) => {
      added.remove();
      await context.sync();
    });
    store.setSelection(sheet, { row: 3, col: 3, rowCount: 1, colCount: 1 });
    await tick();
    // Then it is no longer called
    expect(calls).toHaveLength(1);
  });
});

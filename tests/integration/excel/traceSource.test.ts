/**
 * Trace to source, the Excel side (src/excel/traceSource.ts) on the in-memory host: one sync per trace,
 * one per selection of precedents, and the older-Excel path that selects one range at a time.
 */
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { selectPrecedents, traceSelection } from "../../../src/excel/traceSource";
import { newWorkbook, sheetId } from "../../support/excel/host";

const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
const noAreas = {
  isSetSupported: (name: string, version: string) => `${name} ${version}` !== "ExcelApi 1.18",
};

describe("traceSelection and selectPrecedents", () => {
  it("selects only the first precedent where Excel cannot select several areas", async () => {
    // Given a plain-sheet formula over two cells, traced in 1 sync
    const wb = newWorkbook(["Sheet1"]);
    const id = sheetId(wb.store, "Sheet1");
    wb.store.setFormula(id, 4, 3, "=A1+B2");
    wb.store.setActiveSheetId(id);
    wb.store.setSelection(id, { row: 4, col: 3, rowCount: 1, colCount: 1 });
    const { result } = await traceSelection(wb.excel, index);
    expect(wb.stats.syncCount).toBe(1);
    expect(result.status).toBe("notTemplate");
    expect(result.precedents.map((p) => p.address)).toEqual(["A1", "B2"]);

    // When its precedents are selected in an Excel without RangeAreas.select (ExcelApi 1.18)
    const selected = await selectPrecedents(wb.excel, result.precedents, "Sheet1", noAreas);

    // Then 1 more sync selected A1 alone, and says the rest was not
    expect(wb.stats.syncCount).toBe(2);
    expect(selected.firstOnly).toBe(true);
    expect(selected.selected.map((p) => p.address)).toEqual(["A1"]);
    expect(wb.store.getSelection()?.areas).toEqual([{ row: 0, col: 0, rowCount: 1, colCount: 1 }]);
  });

  it("registers the selection handler in the trace's own sync, and stops in one more", async () => {
    // Given a trace that asks to follow the selection
    const wb = newWorkbook(["Sheet1"]);
    const id = sheetId(wb.store, "Sheet1");
    let changes = 0;
    const { following } = await traceSelection(wb.excel, index, { follow: () => (changes += 1) });
    expect(wb.stats.syncCount).toBe(1);

    // When the selection moves
    wb.store.setSelection(id, { row: 2, col: 2, rowCount: 1, colCount: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Then the listener heard it
    expect(changes).toBe(1);

    // When following stops, and the selection moves again
    await following?.stop();
    expect(wb.stats.syncCount).toBe(2);
    wb.store.setSelection(id, { row: 3, col: 3, rowCount: 1, colCount: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Then it is not called any more
    expect(changes).toBe(1);
  });
});

/**
 * Issue 7: Excel holds at most 32,767 characters in a cell and 8,192 in a formula, and refuses
 * longer writes. The host (and any store under it, the workbench's included) refuses them too.
 */
import { MemoryCellStore, MAX_CELL_TEXT, MAX_FORMULA_LENGTH } from "../../../../src/dev/excel-host";
import { HyperFormulaCellStore } from "../../../../src/dev/workbench/hyperFormulaStore";
import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

const formulaOf = (length: number): string => `=${"1+".repeat((length - 2) / 2)}1`;

describe("in-memory Excel: Excel's cell and formula length limits", () => {
  it("Given text of 32,768 characters, When written through values, Then the sync fails with InvalidArgument and the cell is unchanged", async () => {
    const { Excel, store } = makeHost({ sheets: ["Sheet1"] });
    const error = await failure(() =>
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
        range.values = [["ok", "x".repeat(MAX_CELL_TEXT + 1)]];
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
    expect(error.message).toContain("32767");
    // The whole write failed: not even the short cell was written.
    expect(store.getCell(store.listSheets()[0]?.id ?? "", 0, 0)).toEqual({ value: null, formula: null });
  });

  it("Given text of exactly 32,767 characters, When written, Then it is kept; with an apostrophe prefix on top, it is refused", async () => {
    const { Excel, store } = makeHost({ sheets: ["Sheet1"] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["y".repeat(MAX_CELL_TEXT)]];
      await context.sync();
    });
    expect(String(store.getCell(store.listSheets()[0]?.id ?? "", 0, 0).value)).toHaveLength(MAX_CELL_TEXT);
    const error = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").formulas = [[`'${"y".repeat(MAX_CELL_TEXT)}`]];
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("Given a formula longer than 8,192 characters, When written through formulas, Then the sync fails; 8,192 is accepted", async () => {
    const { Excel, store } = makeHost({ sheets: ["Sheet1"] });
    expect(formulaOf(MAX_FORMULA_LENGTH)).toHaveLength(MAX_FORMULA_LENGTH);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [[formulaOf(MAX_FORMULA_LENGTH)]];
      await context.sync();
    });
    expect(store.getCell(store.listSheets()[0]?.id ?? "", 0, 0).formula).toHaveLength(MAX_FORMULA_LENGTH);
    const error = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").formulas = [[formulaOf(MAX_FORMULA_LENGTH + 2)]];
        await context.sync();
      })
    );
    expect(error.code).toBe("GeneralException");
  });

  it("Given the stores themselves, When too long text or formulas are set directly, Then both refuse and keep the cell", () => {
    const memory = new MemoryCellStore({ sheets: ["Sheet1"] });
    const workbench = new HyperFormulaCellStore({ sheets: ["Sheet1"] });
    for (const store of [memory, workbench]) {
      const id = store.listSheets()[0]?.id ?? "";
      store.setValue(id, 0, 0, "kept");
      expect(() => store.setValue(id, 0, 0, "z".repeat(MAX_CELL_TEXT + 1))).toThrow(/32767/);
      expect(() => store.setFormula(id, 0, 0, formulaOf(MAX_FORMULA_LENGTH + 2))).toThrow(/8192/);
      expect(store.getCell(id, 0, 0)).toEqual({ value: "kept", formula: null });
    }
  });
});

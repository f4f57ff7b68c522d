/**
 * Issue 7: Excel holds at most 32,767 characters in a cell and 8,192 in a formula, and refuses
 * longer writes. The host (and any store under it, the workbench's included) refuses them too.
 */
import { MemoryCellStore, MAX_CELL_TEXT, MAX_FORMULA_LENGTH } from "../../../../src/dev/excel-host";
import { HyperFormulaCellStore } from "../../../../src/dev/workbench/hyperFormulaStore";
import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

const formulaOf = (length: number): string => `=${"1+".repeat((length - 2) / 2)}1`;

describe("in-memory Excel: Excel's cell and formula length limits", () => {
  it("refuses text over 32,767 characters and keeps the cell", async () => {
    // Given text of 32,768 characters
    const { Excel, store } = makeHost({ sheets: ["Sheet1"] });
    // When written through values
    const error = await failure(() =>
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
        range.values = [["ok", "x".repeat(MAX_CELL_TEXT + 1)]];
        await context.sync();
      })
    );
    // Then the sync fails with InvalidArgument and the cell is unchanged
    expect(error.code).toBe("InvalidArgument");
    expect(error.message).toContain("32767");
    // The whole write failed: not even the short cell was written.
    expect(store.getCell(store.listSheets()[0]?.id ?? "", 0, 0)).toEqual({
      value: null,
      formula: null,
    });
  });

  it("keeps 32,767 characters but refuses them with an apostrophe on top", async () => {
    // Given text of exactly 32,767 characters
    const { Excel, store } = makeHost({ sheets: ["Sheet1"] });
    // When written
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [
        ["y".repeat(MAX_CELL_TEXT)],
      ];
      await context.sync();
    });
    // Then it is kept; with an apostrophe prefix on top, it is refused
    expect(String(store.getCell(store.listSheets()[0]?.id ?? "", 0, 0).value)).toHaveLength(
      MAX_CELL_TEXT
    );
    const error = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").formulas = [
          [`'${"y".repeat(MAX_CELL_TEXT)}`],
        ];
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("refuses formulas over 8,192 characters", async () => {
    // Given a formula longer than 8,192 characters
    // When written through formulas
    const { Excel, store } = makeHost({ sheets: ["Sheet1"] });
    // Then the sync fails; 8,192 is accepted
    expect(formulaOf(MAX_FORMULA_LENGTH)).toHaveLength(MAX_FORMULA_LENGTH);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [
        [formulaOf(MAX_FORMULA_LENGTH)],
      ];
      await context.sync();
    });
    expect(store.getCell(store.listSheets()[0]?.id ?? "", 0, 0).formula).toHaveLength(
      MAX_FORMULA_LENGTH
    );
    const error = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").formulas = [
          [formulaOf(MAX_FORMULA_LENGTH + 2)],
        ];
        await context.sync();
      })
    );
    expect(error.code).toBe("GeneralException");
  });

  it("refuses too long text or formulas in the stores themselves", () => {
    // Given the stores themselves
    const memory = new MemoryCellStore({ sheets: ["Sheet1"] });
    // When too long text or formulas are set directly
    const workbench = new HyperFormulaCellStore({ sheets: ["Sheet1"] });
    // Then both refuse and keep the cell
    for (const store of [memory, workbench]) {
      const id = store.listSheets()[0]?.id ?? "";
      store.setValue(id, 0, 0, "kept");
      expect(() => store.setValue(id, 0, 0, "z".repeat(MAX_CELL_TEXT + 1))).toThrow(/32767/);
      expect(() => store.setFormula(id, 0, 0, formulaOf(MAX_FORMULA_LENGTH + 2))).toThrow(/8192/);
      expect(store.getCell(id, 0, 0)).toEqual({ value: "kept", formula: null });
    }
  });
});

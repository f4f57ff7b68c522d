/**
 * Issue 7 (#6): in Excel, a formula that refers to an undefined name leaves a hidden #NAME? entry,
 * and a later names.add of that name can clash with it. The host refuses that order outright.
 */
import { namesInFormula } from "../../../../src/dev/excel-host";
import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("in-memory Excel: names used before they are defined", () => {
  it("refuses a name a formula used before it was added", async () => {
    // Given a formula that uses an undefined name
    const { Excel, store } = makeHost({ sheets: ["Sheet1"] });
    // When the name is added afterwards
    const error = await failure(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").formulas = [["=CP_Rate*2"]];
        context.workbook.names.add("CP_Rate", sheet.getRange("B1"));
        await context.sync();
      })
    );
    // Then the sync fails with ItemAlreadyExists
    expect(error.code).toBe("ItemAlreadyExists");
    expect(error.message).toContain("Sheet1!A1");
    expect(store.getName("CP_Rate")).toBeUndefined();
  });

  it("keeps refusing that name in later sessions", async () => {
    // Given the hidden entry
    const { Excel, store } = makeHost({ sheets: ["Sheet1"] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [
        ["=SUM(cp_rate, 1)"],
      ];
      await context.sync();
    });
    // When a later session adds the name (other case)
    const error = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.names.add("CP_RATE", "=0.05");
        await context.sync();
      })
    );
    // Then it still fails: the workbook keeps it
    expect(error.code).toBe("ItemAlreadyExists");
    expect(store.getName("CP_RATE")).toBeUndefined();
  });

  it("accepts a name defined before its formula in one batch", async () => {
    // Given the name defined first
    const { Excel, store } = makeHost({ sheets: ["Sheet1"] });
    // When the formula using it is written in the same batch
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      context.workbook.names.add("CP_Rate", sheet.getRange("B1"));
      sheet.getRange("A1").formulas = [["=CP_Rate*2"]];
      await context.sync();
    });
    // Then both succeed
    expect(store.getName("CP_Rate")?.formula).toBe("=Sheet1!$B$1");
  });

  it("reads names, not functions, cells, sheets, booleans, numbers or text, from a formula", () => {
    expect(
      namesInFormula(
        "=IF(CP_A>0, SUM(Sheet1!A1:B2, $C$3, 'My Sheet'!D4) & \"CP_Text \" & CP_B, TRUE) + 1E5 + CAPPLAN.LIBRARY() + Tbl[Col] + cp_a"
      )
    ).toEqual(["CP_A", "CP_B"]);
    expect(namesInFormula("=#REF!+CP_C")).toEqual(["CP_C"]);
  });
});

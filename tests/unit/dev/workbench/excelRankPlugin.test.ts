/**
 * Excel's RANK in the workbench engine (HyperFormula has none): text and blanks in the reference are
 * ignored, ties share a rank, order 0/omitted ranks the largest first, a number not in the reference is #N/A.
 */
import { DetailedCellError, HyperFormula, type FunctionPluginDefinition } from "hyperformula";
import {
  ExcelRankPlugin,
  excelRank,
  registerExcelRankNames,
} from "../../../../src/dev/workbench/excelRankPlugin";

describe("Excel's RANK in the workbench", () => {
  it("ranks like Excel: ties share, text ignored, both orders", () => {
    // Given the values 30, "n/a", 10, 30, 20
    const values = [30, "n/a", 10, 30, 20];
    // Then ascending 10 is 1st, 20 2nd, both 30s 3rd; descending 30 is 1st and 10 4th
    expect([10, 20, 30].map((v) => excelRank(v, values, 1))).toEqual([1, 2, 3]);
    expect([30, 20, 10].map((v) => excelRank(v, values, 0))).toEqual([1, 3, 4]);
    // And a number not among them has no rank
    expect(excelRank(15, values, 1)).toBeNull();
  });

  it("evaluates RANK in a HyperFormula sheet", () => {
    // Given a sheet with RANK over a column holding a text cell
    registerExcelRankNames();
    HyperFormula.registerFunctionPlugin(ExcelRankPlugin as unknown as FunctionPluginDefinition);
    const hf = HyperFormula.buildFromArray(
      [
        [30, "=RANK(A1,$A$1:$A$4,1)", "=RANK(A1,$A$1:$A$4)"],
        ["n/a", "=RANK(99,$A$1:$A$4,1)", ""],
        [10, "=RANK(A3,$A$1:$A$4,1)", ""],
        [20, "=RANK(A4,$A$1:$A$4,1)", ""],
      ],
      { licenseKey: "gpl-v3" }
    );
    // Then the ranks are Excel's, and a missing number is #N/A
    const at = (row: number, col: number) => hf.getCellValue({ sheet: 0, row, col });
    expect([at(0, 1), at(2, 1), at(3, 1), at(0, 2)]).toEqual([3, 1, 2, 1]);
    const missing = at(1, 1);
    expect(missing instanceof DetailedCellError && missing.value).toBe("#N/A");
    hf.destroy();
  });
});

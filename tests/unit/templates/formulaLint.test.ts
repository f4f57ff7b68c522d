/** The test helper that reads formulas must itself catch what the spec tests rely on it to catch. */
import {
  formulaTokens,
  localeProblems,
  referencedCells,
  shiftColumns,
} from "../../support/templates/formulaLint";

describe("the formula reader of the template tests", () => {
  // Given the formula reader used by the template tests
  it("reports numbers hidden in a formula, not digits in text or references", () => {
    // When a formula hides a number
    const tokens = formulaTokens('=CP_GpuCount*8760+C$77-TEXT(A1, "$#,##0")&"12 months"');
    // Then the literal is reported, but digits in text and references are not
    expect(tokens.filter((t) => t.kind === "number")).toEqual([{ kind: "number", value: 8760 }]);
    expect(tokens).toContainEqual({ kind: "name", text: "CP_GpuCount" });
    expect(tokens).toContainEqual({ kind: "cell", text: "C$77" });
    expect(tokens).toContainEqual({ kind: "cell", text: "A1" });
    expect(tokens).toContainEqual({ kind: "function", text: "TEXT" });
  });

  it("reads ranges and dotted functions", () => {
    // When a formula has ranges and dotted functions
    const tokens = formulaTokens(
      "=IFERROR(INDEX(A127:A246, MATCH(1, $E127:E246, 0)), 0)+CAPPLAN.LIBRARY()"
    );
    // Then they are read as such
    expect(tokens).toContainEqual({ kind: "range", text: "A127:A246" });
    expect(tokens).toContainEqual({ kind: "range", text: "$E127:E246" });
    expect(tokens).toContainEqual({ kind: "function", text: "CAPPLAN.LIBRARY" });
    expect(
      tokens.filter((t) => t.kind === "number").map((t) => (t.kind === "number" ? t.value : NaN))
    ).toEqual([1, 0, 0]);
  });

  it("moves relative columns when filled right", () => {
    // When filled right
    // Then relative columns move and anchored columns and text stay
    expect(shiftColumns('=SUM($C89:C89)+C$77*CP_X&"C5"', 2)).toBe('=SUM($C89:E89)+E$77*CP_X&"C5"');
    expect(shiftColumns("=Z1+$A$1", 1)).toBe("=AA1+$A$1");
  });

  it("expands a range to every cell", () => {
    // When a range is expanded
    // Then it lists every cell
    expect(referencedCells("$B$2:C3")).toEqual(["B2", "B3", "C2", "C3"]);
    expect(referencedCells("D7")).toEqual(["D7"]);
  });
});

describe("the locale lint", () => {
  // Given the locale lint
  it("reports TEXT and numbers or format codes held as text", () => {
    // When a formula formats with TEXT or holds numbers or format codes as text
    // Then each is reported
    expect(localeProblems('="by "&TEXT(-CP_D, "$#,##0")')).toEqual([
      "locale-dependent function TEXT",
      'locale-dependent text "$#,##0"',
    ]);
    expect(
      localeProblems('=DOLLAR(A1)&VALUE("0.5")&INDIRECT("R1C1", FALSE)&DATEVALUE("2024-05-01")')
    ).toHaveLength(7);
    expect(localeProblems('=IF(A1>0.5, "a;b", "")')).toEqual(['locale-dependent text "a;b"']);
  });

  it("accepts FIXED, plain words and en-US number literals", () => {
    // When a formula uses FIXED, plain words and en-US number literals
    // Then nothing is reported
    expect(
      localeProblems(
        '=IF(CP_D<0, "Build is cheaper by $"&FIXED(-CP_D, 0)&" over "&CP_H&" years", 0.5)'
      )
    ).toEqual([]);
  });
});

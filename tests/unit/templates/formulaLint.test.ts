/** The test helper that reads formulas must itself catch what the spec tests rely on it to catch. */
import { formulaTokens, localeProblems, referencedCells, shiftColumns } from "../../support/templates/formulaLint";

describe("Given the formula reader used by the template tests", () => {
  it("when a formula hides a number, then the literal is reported, but digits in text and references are not", () => {
    const tokens = formulaTokens('=CP_GpuCount*8760+C$77-TEXT(A1, "$#,##0")&"12 months"');
    expect(tokens.filter((t) => t.kind === "number")).toEqual([{ kind: "number", value: 8760 }]);
    expect(tokens).toContainEqual({ kind: "name", text: "CP_GpuCount" });
    expect(tokens).toContainEqual({ kind: "cell", text: "C$77" });
    expect(tokens).toContainEqual({ kind: "cell", text: "A1" });
    expect(tokens).toContainEqual({ kind: "function", text: "TEXT" });
  });

  it("when a formula has ranges and dotted functions, then they are read as such", () => {
    const tokens = formulaTokens("=IFERROR(INDEX(A127:A246, MATCH(1, $E127:E246, 0)), 0)+CAPPLAN.LIBRARY()");
    expect(tokens).toContainEqual({ kind: "range", text: "A127:A246" });
    expect(tokens).toContainEqual({ kind: "range", text: "$E127:E246" });
    expect(tokens).toContainEqual({ kind: "function", text: "CAPPLAN.LIBRARY" });
    expect(tokens.filter((t) => t.kind === "number").map((t) => (t.kind === "number" ? t.value : NaN))).toEqual([
      1, 0, 0,
    ]);
  });

  it("when filled right, then relative columns move and anchored columns and text stay", () => {
    expect(shiftColumns('=SUM($C89:C89)+C$77*CP_X&"C5"', 2)).toBe('=SUM($C89:E89)+E$77*CP_X&"C5"');
    expect(shiftColumns("=Z1+$A$1", 1)).toBe("=AA1+$A$1");
  });

  it("when a range is expanded, then it lists every cell", () => {
    expect(referencedCells("$B$2:C3")).toEqual(["B2", "B3", "C2", "C3"]);
    expect(referencedCells("D7")).toEqual(["D7"]);
  });
});

describe("Given the locale lint", () => {
  it("when a formula formats with TEXT or holds numbers or format codes as text, then each is reported", () => {
    expect(localeProblems('="by "&TEXT(-CP_D, "$#,##0")')).toEqual([
      "locale-dependent function TEXT",
      'locale-dependent text "$#,##0"',
    ]);
    expect(localeProblems('=DOLLAR(A1)&VALUE("0.5")&INDIRECT("R1C1", FALSE)&DATEVALUE("2024-05-01")')).toHaveLength(7);
    expect(localeProblems('=IF(A1>0.5, "a;b", "")')).toEqual(['locale-dependent text "a;b"']);
  });

  it("when a formula uses FIXED, plain words and en-US number literals, then nothing is reported", () => {
    expect(localeProblems('=IF(CP_D<0, "Build is cheaper by $"&FIXED(-CP_D, 0)&" over "&CP_H&" years", 0.5)')).toEqual(
      []
    );
  });
});

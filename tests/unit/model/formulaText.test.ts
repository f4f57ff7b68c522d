/**
 * The formula lexer behind Freeze for sharing: what it takes for a function, a sheet prefix and a defined
 * name, and that rewriting names and sheets never touches string literals or anything else.
 */
import fc from "fast-check";
import {
  callsCapplan,
  rewriteReferences,
  sheetsReadBy,
  tokenizeFormula,
  type NameTarget,
} from "../../../src/model/formulaText";

const NAMES = new Map<string, NameTarget>([
  ["CP_GPUCOUNT", { sheet: "Rent vs Build", range: { row: 4, col: 2, rowCount: 1, colCount: 1 } }],
  ["CP_YEARS", { sheet: "Rent vs Build", range: { row: 9, col: 2, rowCount: 1, colCount: 3 } }],
  ["OTHER", { sheet: "Inputs", range: { row: 0, col: 0, rowCount: 1, colCount: 1 } }],
]);
const REWRITE = {
  ownSheet: "Rent vs Build",
  sheets: new Map([["RENT VS BUILD", "Rent vs Build (frozen)"]]),
  names: NAMES,
};

describe("formula text", () => {
  it("tells a CAPPLAN call from the same text in a string", () => {
    // Given formulas with and without a CAPPLAN call
    // Then only real calls count, in any case, with spaces before the parenthesis
    expect(callsCapplan('=CAPPLAN.GPUCOST("H100",1000)')).toBe(true);
    expect(callsCapplan("=1+capplan.library ()")).toBe(true);
    expect(callsCapplan('="CAPPLAN.GPUCOST(1)"&A1')).toBe(false);
    expect(callsCapplan("=SUM(A1:A3)")).toBe(false);
  });

  it("rewrites names on the own sheet to addresses and sheet prefixes to the copy", () => {
    // Given formulas reading the template's names and the sheet by prefix
    // When they are rewritten for the frozen copy
    // Then names become absolute addresses, prefixes name the copy, other names and strings stay
    expect(rewriteReferences("=CP_GpuCount*2", REWRITE)).toBe("=$C$5*2");
    expect(rewriteReferences("=SUM(cp_years)", REWRITE)).toBe("=SUM($C$10:$E$10)");
    expect(rewriteReferences("='Rent vs Build'!C5+Other", REWRITE)).toBe(
      "='Rent vs Build (frozen)'!C5+Other"
    );
    expect(rewriteReferences('="CP_GpuCount"&CP_GpuCount', REWRITE)).toBe('="CP_GpuCount"&$C$5');
    expect(rewriteReferences("='Rent vs Build'!CP_GpuCount", REWRITE)).toBe(
      "='Rent vs Build (frozen)'!CP_GpuCount"
    );
  });

  it("points another sheet's formula at the copy's address", () => {
    // Given a memo's formula reading the Rent vs Build sheet's name
    const memo = { ...REWRITE, ownSheet: "Memo" };
    // Then the name becomes the frozen copy's address
    expect(rewriteReferences("=CP_GpuCount/1000", memo)).toBe(
      "='Rent vs Build (frozen)'!$C$5/1000"
    );
    expect([...sheetsReadBy("=CP_GpuCount+Inputs!A1+Other", NAMES)].sort()).toEqual([
      "INPUTS",
      "RENT VS BUILD",
    ]);
  });

  it("gives any text back unchanged when nothing is renamed", () => {
    // Given any text, even unbalanced quotes and brackets
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => {
        // Then the tokens join to the text, and rewriting with nothing to rename changes nothing
        expect(
          tokenizeFormula(text)
            .map((t) => t.text)
            .join("")
        ).toBe(text);
        expect(
          rewriteReferences(text, { ownSheet: "S", sheets: new Map(), names: new Map() })
        ).toBe(text);
      })
    );
  });

  it("never rewrites inside a string literal", () => {
    // Given a formula whose string literal holds a name and a sheet prefix
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (inner) => {
        const literal = `"${inner.replace(/"/g, '""')} CP_GpuCount 'Rent vs Build'!A1"`;
        // Then the literal is left as written
        expect(rewriteReferences(`=${literal}&CP_GpuCount`, REWRITE)).toBe(`=${literal}&$C$5`);
      })
    );
  });
});

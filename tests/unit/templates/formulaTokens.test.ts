/**
 * The formula lexer behind Trace to source: what a formula's direct precedents are (references,
 * ranges, the ranges its names refer to; never text inside a string literal), and how it reads in words.
 */
import { excelNameKey } from "../../../src/model/a1";
import {
  formulaInWords,
  formulaPrecedents,
  tokenizeFormula,
} from "../../../src/templates/formulaTokens";

const NAMES = new Map(
  [
    ["CP_NpvBuild", "='Rent vs Build'!$C$44"],
    ["CP_NpvRent", "='Rent vs Build'!$C$45"],
    ["CP_Rate", "=0.08"],
    ["CP_Gone", "=#REF!$C$5"],
  ].map(([name, formula]) => [excelNameKey(name ?? ""), formula ?? ""] as const)
);

const addresses = (formula: string, sheet = "Rent vs Build"): string[] =>
  formulaPrecedents(formula, sheet, NAMES).precedents.map((p) => `${p.sheet}!${p.address}`);

describe("formula precedents", () => {
  it("finds references, ranges and the ranges names refer to, each once", () => {
    // Given a formula with a name, a reference twice and a range
    // When its precedents are derived
    // Then each appears once, in order of first use, names resolved to their cells
    expect(addresses("=CP_NpvBuild+C5*$C$5+SUM(D40:H40)")).toEqual([
      "Rent vs Build!C44",
      "Rent vs Build!C5",
      "Rent vs Build!D40:H40",
    ]);
  });

  it("skips text in string literals, function names and booleans", () => {
    // Given references spelled inside strings, a function named like a cell, and TRUE
    // When its precedents are derived
    // Then only the real reference counts
    expect(addresses('=IF(TRUE, "C5 and ""D6""", LOG10(B2))')).toEqual(["Rent vs Build!B2"]);
  });

  it("keeps the sheet of a qualified reference, quoted or not", () => {
    // Given references to two other sheets
    // When its precedents are derived on Sheet1
    // Then each keeps its sheet; the unqualified one is Sheet1's
    expect(addresses("='Rent vs Build'!C16*Data!B2:B3+A1", "Sheet1")).toEqual([
      "Rent vs Build!C16",
      "Data!B2:B3",
      "Sheet1!A1",
    ]);
  });

  it("reports names that are not ranges, and a constant has no precedents", () => {
    // Given a constant name, a #REF! name and an unknown name
    const found = formulaPrecedents("=CP_Rate*CP_Gone+Nope", "Sheet1", NAMES);
    // Then none is a precedent, and each is reported once
    expect(found.precedents).toEqual([]);
    expect(found.unresolvedNames).toEqual(["CP_Rate", "CP_Gone", "Nope"]);
    expect(formulaPrecedents("C5", "Sheet1", NAMES).precedents).toEqual([]);
  });

  it("gives the formula back when its tokens are joined", () => {
    const formula = `='It''s'!A1:B2&"x""y"+Table1[Col]-#N/A*-1.5E+3%`;
    expect(
      tokenizeFormula(formula)
        .map((t) => t.text)
        .join("")
    ).toBe(formula);
  });
});

describe("formula in words", () => {
  const labels: Record<string, string> = {
    CP_NpvBuild: "NPV of building",
    CP_NpvRent: "NPV of renting",
    CP_Rate: "Discount rate",
  };
  const wording = {
    name: (name: string) => labels[name],
    ref: (_sheet: string | null, _range: unknown, text: string) =>
      text === "C89" ? "Build cash flow (C89)" : undefined,
  };

  it("replaces names by their rows' labels, operators by symbols", () => {
    expect(formulaInWords("=CP_NpvBuild-CP_NpvRent", wording)).toBe(
      "NPV of building − NPV of renting"
    );
  });

  it("keeps functions, literals and unknown references, and tells unary minus from subtraction", () => {
    expect(formulaInWords('=IF(-C89>0, "yes", CP_Rate*D5/2)', wording)).toBe(
      'IF(−Build cash flow (C89) > 0, "yes", Discount rate × D5 ÷ 2)'
    );
  });

  it("spells comparison operators", () => {
    expect(formulaInWords("=A1<>B1", { name: () => undefined, ref: () => undefined })).toBe(
      "A1 ≠ B1"
    );
  });
});

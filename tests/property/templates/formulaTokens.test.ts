/**
 * The formula lexer on open input: joined tokens always give the formula back, and nothing inside a
 * string literal is ever taken for a reference or a name (Trace to source must not select "C5" because
 * a formula says "see C5").
 */
import fc from "fast-check";
import { formulaPrecedents, tokenizeFormula } from "../../../src/templates/formulaTokens";

const pieces = fc.constantFrom(
  "A1",
  "$B$2",
  "C3:D4",
  "'Rent vs Build'!C5",
  "Data!A1",
  "CP_Name",
  "SUM(",
  ")",
  "+",
  "-",
  "*",
  ",",
  " ",
  "1.5",
  "TRUE",
  "#N/A",
  "Table1[Col]",
  "'",
  '"',
  "!"
);

describe("formula tokens (property)", () => {
  it("round-trips any text", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 12 }), (parts) => {
        const formula = `=${parts.join("")}`;
        expect(
          tokenizeFormula(formula)
            .map((t) => t.text)
            .join("")
        ).toBe(formula);
      })
    );
  });

  it("takes nothing inside a string literal for a precedent", () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        // Given any references, written only inside one string literal
        const inside = parts.join("").replace(/"/g, '""');
        const formula = `=LEN("${inside}")`;
        // Then the formula has no precedent and uses no name
        const found = formulaPrecedents(formula, "Sheet1", new Map());
        expect(found.precedents).toEqual([]);
        expect(found.unresolvedNames).toEqual([]);
      })
    );
  });
});

/**
 * The function finder's formula builder over any text: a text argument always becomes exactly one string
 * literal that reads back as the text, and the formula has no quote outside its string literals.
 */
import fc from "fast-check";
import { buildFormula, checkText, MAX_TEXT_ARGUMENT } from "../../../src/taskpane/functionFormula";
import type { CatalogFunction } from "../../../src/taskpane/functionCatalog";

const GPUCOST: CatalogFunction = {
  id: "GPUCOST",
  name: "GPUCOST",
  description: "",
  summary: "",
  parameters: [
    { name: "gpu", description: "", type: "string", optional: false, matrix: false },
    { name: "count", description: "", type: "number", optional: false, matrix: false },
    { name: "scope", description: "", type: "string", optional: true, matrix: false },
  ],
  spills: false,
};

/**
 * Splits a formula into code and string literals the way Excel's lexer does: `"` opens a literal, `""`
 * inside it is one quote, a lone `"` closes it. Returns null when a literal is never closed.
 */
function lex(formula: string): { code: string; literals: string[] } | null {
  let code = "";
  const literals: string[] = [];
  for (let i = 0; i < formula.length; i++) {
    if (formula[i] !== '"') {
      code += formula[i];
      continue;
    }
    let literal = "";
    for (i++; ; i++) {
      if (i >= formula.length) return null;
      if (formula[i] === '"') {
        if (formula[i + 1] === '"') {
          literal += '"';
          i++;
          continue;
        }
        break;
      }
      literal += formula[i];
    }
    literals.push(literal);
    code += "S";
  }
  return { code, literals };
}

/** Any text a formula may hold: up to 255 characters, quotes, parentheses, commas and = included. */
const typedText = fc
  .string({
    unit: fc.constantFrom('"', "(", ")", ",", "=", "+", "!", "'", "a", "Z", "1", " ", "é", "中"),
    maxLength: MAX_TEXT_ARGUMENT,
  })
  .filter((t) => checkText(t).ok);
const anyText = fc.oneof(
  typedText,
  fc.string({ unit: "grapheme", maxLength: 80 }).filter((t) => checkText(t).ok)
);

describe("buildFormula, property", () => {
  it("writes any text argument as one string literal that reads back as the text", () => {
    fc.assert(
      fc.property(
        anyText,
        anyText,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (gpu, scope, count) => {
          // Given any two texts and a finite number
          const built = buildFormula(GPUCOST, [
            { kind: "text", value: gpu },
            { kind: "number", value: count },
            { kind: "text", value: scope },
          ]);
          // Then the formula is one GPUCOST call with exactly two literals, the texts, and no stray quote
          expect(built.ok).toBe(true);
          if (!built.ok) return;
          const lexed = lex(built.value);
          expect(lexed).not.toBeNull();
          expect(lexed?.literals).toEqual([gpu, scope]);
          expect(lexed?.code).toBe(`=CAPPLAN.GPUCOST(S,${String(count)},S)`);
        }
      ),
      { numRuns: 500 }
    );
  });
});

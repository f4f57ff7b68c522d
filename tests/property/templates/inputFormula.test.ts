/**
 * The grammar of what undo writes back into an input (src/templates/inputFormula.ts), property-tested:
 * every formula the grammar describes passes, and no text passes that is outside it.
 */
import fc from "fast-check";
import { INPUT_FORMULA_FUNCTIONS, isSafeInputFormula } from "../../../src/templates/inputFormula";
import { buildRentVsBuildTemplate } from "../../../src/templates/rentVsBuild";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";

const NAMES = ["CP_GpuPrice", "CP_RentalRate", "CP_Pue_2"];
const BANNED = [
  "WEBSERVICE",
  "HYPERLINK",
  "INDIRECT",
  "CALL",
  "REGISTER",
  "EXEC",
  "RTD",
  "FILTERXML",
  "IMPORTXML",
  "NOW",
  "RAND",
  "OFFSET",
];

/** A generator of formulas in the grammar (an independent description of it). */
const number = fc.oneof(
  fc.nat({ max: 1e6 }).map(String),
  fc.double({ min: 0, max: 1e9, noNaN: true }).map((x) => String(x)),
  fc.constantFrom("1.5e3", "2E-07", ".5", "3.")
);
const column = fc.constantFrom("A", "B", "Z", "AA", "XFD");
const cell = fc
  .tuple(fc.boolean(), column, fc.boolean(), fc.integer({ min: 1, max: 1048576 }))
  .map(([c, col, r, row]) => `${c ? "$" : ""}${col}${r ? "$" : ""}${row}`);
const operand = fc.oneof(
  number,
  fc.constantFrom(...NAMES, "cp_gpuprice", "TRUE", "false"),
  cell,
  fc.tuple(cell, cell).map(([a, b]) => `${a}:${b}`),
  fc
    .string({ maxLength: 10 })
    .filter((s) => !/["|]/.test(s))
    .map((s) => `"${s}"`)
);
const binary = fc.constantFrom("+", "-", "*", "/", "^", "&", "=", "<>", "<", ">", "<=", ">=");
const { expr } = fc.letrec<{ expr: string; call: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    operand,
    fc.tuple(tie("expr"), binary, tie("expr")).map(([a, op, b]) => `${a}${op}${b}`),
    tie("expr").map((e) => `(${e})`),
    tie("expr").map((e) => `-${e}`),
    tie("expr").map((e) => `(${e})%`),
    tie("call")
  ),
  call: fc
    .tuple(
      fc
        .tuple(fc.constantFrom(...INPUT_FORMULA_FUNCTIONS), fc.boolean())
        .map(([f, lower]) => (lower ? f.toLowerCase() : f)),
      fc.array(tie("expr"), { minLength: 1, maxLength: 3 })
    )
    .map(([f, args]) => `${f}(${args.join(",")})`),
}));
const formula = expr.map((e) => `=${e}`).filter((f) => f.length <= 1000 && nesting(f) <= 60);

function nesting(f: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of f.replace(/"[^"]*"/g, "")) {
    if (ch === "(") max = Math.max(max, ++depth);
    if (ch === ")") depth -= 1;
  }
  return max;
}

/** Text outside string literals. */
const outsideStrings = (f: string): string => f.replace(/"[^"]*"/g, '""');

describe("isSafeInputFormula, property-tested", () => {
  it("accepts every formula of the grammar", () => {
    fc.assert(
      fc.property(formula, (f) => isSafeInputFormula(f, NAMES)),
      { numRuns: 2000 }
    );
  });

  it("refuses a grammar formula once a banned call, another sheet, a workbook link or DDE is spliced in", () => {
    const hostile = fc.oneof(
      fc.constantFrom(...BANNED).map((f) => `${f}(1)`),
      fc.constantFrom(
        "Sheet2!A1",
        "'My sheet'!B2",
        "[1]Sheet1!A1",
        "[book.xlsx]S!A1",
        "cmd|' /c calc'!A0",
        '"a|b"',
        "CP_Unknown"
      )
    );
    fc.assert(
      fc.property(formula, hostile, fc.nat(), (f, bad, at) => {
        // Spliced in as an operand: after "=" or after an operator / open parenthesis / comma.
        const masked = f.replace(/"[^"]*"/g, (s) => "x".repeat(s.length));
        const spots = [...masked.matchAll(/[=(,+*\/^&-]/g)].map((m) => (m.index ?? 0) + 1);
        const spot = spots[at % spots.length] ?? 1;
        const spliced = `${f.slice(0, spot)}${bad}+${f.slice(spot)}`;
        return !isSafeInputFormula(spliced, NAMES);
      }),
      { numRuns: 1000 }
    );
  });

  it("lets no random text through that calls anything off the list, reaches outside the sheet or is unbalanced", () => {
    // Every character the grammar knows or must refuse, and words of each kind.
    const pieces = fc.constantFrom(
      ...`=(),+-*/^%&<>:![]|'" $.#`,
      ..."1 0.5 e3 A1 B XFD1 CP_GpuPrice cp_rentalrate Sheet2 TRUE".split(" "),
      ...INPUT_FORMULA_FUNCTIONS.slice(0, 8),
      ...BANNED
    );
    const text = fc.oneof(
      fc.array(pieces, { maxLength: 25 }).map((p) => `=${p.join("")}`),
      fc.string({ maxLength: 40 }).map((s) => `=${s}`),
      fc.string({ maxLength: 40 })
    );
    const allowed = new Set(INPUT_FORMULA_FUNCTIONS);
    fc.assert(
      fc.property(text, (t) => {
        if (!isSafeInputFormula(t, NAMES)) return true;
        const code = outsideStrings(t);
        const calls = [...code.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) =>
          (m[1] ?? "").toUpperCase()
        );
        return (
          t.startsWith("=") &&
          !/[!\[\]|'#]/.test(code) &&
          !/\|/.test(t) &&
          calls.every((c) => allowed.has(c)) &&
          nesting(t) >= 0 &&
          (code.match(/\(/g) ?? []).length === (code.match(/\)/g) ?? []).length
        );
      }),
      { numRuns: 5000 }
    );
  });

  it("accepts what the template writes into an input, as a formula, and the template's own arithmetic", () => {
    const spec = buildRentVsBuildTemplate(
      buildIndex(VALIDATED_BUNDLED_LIBRARY),
      "xai-memphis-2024",
      {
        sheetName: "Rent vs Build",
        nameSuffix: "",
      }
    );
    const names = [...spec.assumptions.map((a) => a.name), ...spec.names.map((n) => n.name)];
    // Every numeric input as a formula (the text input, the v2 power kind, is restored as text, never a formula)
    for (const a of spec.assumptions.filter((x) => typeof x.value === "number"))
      expect(isSafeInputFormula(`=${String(a.value)}`, names)).toBe(true);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) =>
        isSafeInputFormula(`=${String(x)}`, names)
      )
    );
    // Formulas of the template that use only listed functions and no text or other sheets.
    const allowed = new Set(INPUT_FORMULA_FUNCTIONS);
    const inGrammar = spec.cells
      .map((c) => c.formula)
      .filter((f): f is string => f !== undefined)
      .filter((f) => !/["!\[]/.test(f))
      // Input formulas are capped at 1,000 characters by design; a long computed row is never an input.
      .filter((f) => f.length <= 1000)
      .filter((f) =>
        [...f.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\(/g)].every((m) =>
          allowed.has((m[1] ?? "").toUpperCase())
        )
      );
    expect(inGrammar.length).toBeGreaterThan(20);
    for (const f of inGrammar) expect([f, isSafeInputFormula(f, names)]).toEqual([f, true]);
  });
});

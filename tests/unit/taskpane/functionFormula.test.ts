/**
 * The function finder's formula builder and argument readers: only checked pieces reach the formula.
 */
import {
  buildFormula,
  checkNumber,
  checkReference,
  checkText,
  MAX_FORMULA_LENGTH,
  OMITTED,
  stringLiteral,
  type ArgumentValue,
} from "../../../src/taskpane/functionFormula";
import type { CatalogFunction, CatalogParameter } from "../../../src/taskpane/functionCatalog";
import { readEntry } from "../../../src/taskpane/functionArguments";

const param = (
  name: string,
  type: CatalogParameter["type"],
  optional = false,
  matrix = false
): CatalogParameter => ({
  name,
  description: "",
  type,
  optional,
  matrix,
});

const RENTRATE: CatalogFunction = {
  id: "RENTRATE",
  name: "RENTRATE",
  description: "",
  summary: "",
  parameters: [
    param("gpu", "string"),
    param("term", "string", true),
    param("provider", "string", true),
  ],
  spills: false,
};

const text = (value: string): ArgumentValue => ({ kind: "text", value });

describe("stringLiteral", () => {
  it("doubles every quote", () => {
    // Given text with quotes; Then the literal is quoted with each inner quote doubled
    expect(stringLiteral('a"b""c')).toBe('"a""b""""c"');
    expect(stringLiteral("")).toBe('""');
  });
});

describe("checkReference", () => {
  it("accepts cells, ranges, sheet references and names, normalised", () => {
    // Given references as a user types them; Then they come back as Excel writes them
    const ok = (t: string) => {
      const r = checkReference(t);
      return r.ok && r.value.kind === "reference" ? r.value.value : null;
    };
    expect(ok("b2")).toBe("B2");
    expect(ok(" $B$2 ")).toBe("$B$2");
    expect(ok("a1:c3")).toBe("A1:C3");
    expect(ok("Sheet1!b2")).toBe("Sheet1!B2");
    expect(ok("'Rent vs Build'!c5")).toBe("'Rent vs Build'!C5");
    expect(ok("'It''s'!A1")).toBe("'It''s'!A1");
    expect(ok("CP_GpuCount")).toBe("CP_GpuCount");
  });

  it("refuses formulas, whole columns and what Excel would read otherwise", () => {
    // Given entries that are not a plain reference; Then each is refused
    for (const t of [
      "",
      "1+1",
      "A1+B1",
      "SUM(A1)",
      "A:A",
      "Rent vs Build!A1",
      "TRUE",
      "R1C1",
      "A1,B1",
      '"x"!A1',
      "XFE1",
    ])
      expect(checkReference(t).ok).toBe(false);
  });
});

describe("checkNumber and checkText", () => {
  it("reads numbers with thousands commas and exponents, finite only", () => {
    // Given typed numbers; Then they read as numbers, or are refused
    const value = (t: string) => {
      const r = checkNumber(t);
      return r.ok && r.value.kind === "number" ? r.value.value : null;
    };
    expect(value("100,000")).toBe(100000);
    expect(value("-0.5")).toBe(-0.5);
    expect(value("1e6")).toBe(1e6);
    expect(value("1e999")).toBeNull();
    expect(value("12abc")).toBeNull();
    expect(value("0x10")).toBeNull();
  });

  it("refuses text Excel cannot hold in a formula", () => {
    // Given text over 255 characters or with a line break; Then it is refused
    expect(checkText("x".repeat(255)).ok).toBe(true);
    expect(checkText("x".repeat(256)).ok).toBe(false);
    expect(checkText("a\nb").ok).toBe(false);
  });
});

describe("readEntry", () => {
  it("reads =B2 as a reference for text arguments and B2 as one for numbers", () => {
    // Given entries for a text and a number argument
    const gpu = param("gpu", "string");
    const count = param("count", "number");
    // Then "TN1"-like text stays text, "=B2" is a cell, and a number argument takes B2 as a cell
    expect(readEntry(gpu, "TN1")).toEqual({ ok: true, value: { kind: "text", value: "TN1" } });
    expect(readEntry(gpu, "=b2")).toEqual({ ok: true, value: { kind: "reference", value: "B2" } });
    expect(readEntry(count, "b2")).toEqual({ ok: true, value: { kind: "reference", value: "B2" } });
    expect(readEntry(count, "")).toEqual({ ok: true, value: OMITTED });
    expect(readEntry(count, "1.2.3").ok).toBe(false);
    // A word is a defined name (Excel answers #NAME? in the cell if the workbook has none by that name)
    expect(readEntry(count, "Count")).toEqual({
      ok: true,
      value: { kind: "reference", value: "Count" },
    });
    expect(readEntry(param("overrides", "any", true, true), "5").ok).toBe(false);
  });
});

describe("buildFormula", () => {
  it("drops trailing omitted arguments and leaves omitted ones in between empty", () => {
    // Given RENTRATE with gpu and provider but no term
    const formula = buildFormula(RENTRATE, [text("h100-sxm"), OMITTED, text("oracle")]);
    // Then term is an empty argument, as Excel passes null for it
    expect(formula).toEqual({ ok: true, value: '=CAPPLAN.RENTRATE("h100-sxm",,"oracle")' });
    expect(buildFormula(RENTRATE, [text("h100-sxm"), OMITTED, OMITTED])).toEqual({
      ok: true,
      value: '=CAPPLAN.RENTRATE("h100-sxm")',
    });
  });

  it("refuses a missing required argument, a wrong type, a forged reference and an unknown id", () => {
    // Given values that do not fit; Then no formula is built
    expect(buildFormula(RENTRATE, []).ok).toBe(false);
    expect(buildFormula(RENTRATE, [{ kind: "number", value: 1 }]).ok).toBe(false);
    expect(buildFormula(RENTRATE, [{ kind: "reference", value: "A1)+CAPPLAN.LIBRARY(" }]).ok).toBe(
      false
    );
    expect(buildFormula({ ...RENTRATE, id: "X)+1" }, [text("a")]).ok).toBe(false);
    expect(buildFormula(RENTRATE, [text("a"), text("b"), text("c"), text("d")]).ok).toBe(false);
  });

  it("refuses a formula longer than Excel's 8,192 characters", () => {
    // Given many long text arguments (64 x 255 characters, doubled quotes: well over 8,192)
    const many: CatalogFunction = {
      ...RENTRATE,
      parameters: Array.from({ length: 64 }, (_, i) => param(`a${i}`, "string")),
    };
    const result = buildFormula(
      many,
      Array.from({ length: 64 }, () => text('"'.repeat(255)))
    );
    // Then it is refused, naming the limit
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.problem).toContain(String(MAX_FORMULA_LENGTH));
  });
});

/**
 * Which entries become formulas (issue 7, item 5): through the API the host is stricter than Excel
 * (white space or full-width signs before "=", "+", "-", "@" too); typed into the workbench's grid,
 * it is what Excel does with a typed entry.
 */
import { interpretInput } from "../../../../src/dev/excel-host";

describe("in-memory Excel: entries read as formulas", () => {
  it("treats API input that starts like a formula as a formula", () => {
    // Given API input
    // When it starts like a formula after white space or in full width
    // Then it is a formula; numbers stay numbers
    expect(interpretInput("+A1", false)).toEqual({ kind: "formula", formula: "=+A1" });
    expect(interpretInput("-A1", false)).toEqual({ kind: "formula", formula: "=-A1" });
    expect(interpretInput("@SUM(A1)", false)).toEqual({ kind: "formula", formula: "=SUM(A1)" });
    expect(interpretInput(" \t=1+1", false)).toEqual({ kind: "formula", formula: "=1+1" });
    expect(interpretInput("＝1+1", false)).toEqual({ kind: "formula", formula: "=1+1" });
    expect(interpretInput("\u3000－A1", false)).toEqual({ kind: "formula", formula: "=-A1" });
    expect(interpretInput("-3", false)).toEqual({ kind: "value", value: -3 });
    expect(interpretInput("+1.5", false)).toEqual({ kind: "value", value: 1.5 });
    expect(interpretInput("-", false)).toEqual({ kind: "value", value: "-" });
    expect(interpretInput("'=1+1", false)).toEqual({ kind: "value", value: "=1+1" });
  });

  it("makes formula-like text a formula through formulas, text through values, in a Text cell", () => {
    // Given a Text (@) cell
    // When formula-like text comes through Range.formulas
    // Then it is a formula; through values it stays text
    expect(interpretInput("=1+1", true, "formulas")).toEqual({ kind: "formula", formula: "=1+1" });
    expect(interpretInput(" -A1", true, "formulas")).toEqual({ kind: "formula", formula: "=-A1" });
    expect(interpretInput("=1+1", true, "values")).toEqual({ kind: "value", value: "=1+1" });
    expect(interpretInput("2024-05", true, "formulas")).toEqual({
      kind: "value",
      value: "2024-05",
    });
  });

  it("keeps a grid entry with white space before '=' as text", () => {
    // Given an entry typed into the workbench's grid
    // When it has white space before '='
    // Then it stays text as in Excel
    expect(interpretInput(" =1+1", false, "typed")).toEqual({ kind: "value", value: " =1+1" });
    expect(interpretInput("＝1", false, "typed")).toEqual({ kind: "value", value: "＝1" });
    expect(interpretInput("-A1", false, "typed")).toEqual({ kind: "formula", formula: "=-A1" });
  });
});

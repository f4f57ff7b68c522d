import {
  invalidateSheetInFormula,
  renameSheetInFormula,
  shiftFormula,
} from "../../../../src/dev/excel-host";

describe("formula references", () => {
  it("moves only relative parts when filled", () => {
    // Given a formula with relative and absolute parts
    // When filled down and right
    // Then only relative parts move
    expect(shiftFormula("=A1*$B$1+C$2+$D3", 2, 1)).toBe("=B3*$B$1+D$2+$D5");
    expect(shiftFormula("=SUM(A1:A3)", 1, 0)).toBe("=SUM(A2:A4)");
  });

  it("leaves strings, functions, names and numbers alone", () => {
    // Given strings, function names, defined names and numbers
    // When shifted
    // Then they are untouched
    expect(shiftFormula('=LOG10(A1)&"A1"&Rate_2024+1E5', 1, 0)).toBe(
      '=LOG10(A2)&"A1"&Rate_2024+1E5'
    );
    expect(shiftFormula('=CAPPLAN.GPUCOST("H100", B2)', 1, 0)).toBe('=CAPPLAN.GPUCOST("H100", B3)');
  });

  it("keeps the sheet part of a reference", () => {
    // Given sheet-qualified references
    // When shifted
    // Then the sheet part stays
    expect(shiftFormula("='Rent vs Build'!B5+Inputs!C1", 0, 1)).toBe(
      "='Rent vs Build'!C5+Inputs!D1"
    );
  });

  it("turns references off the grid into #REF!", () => {
    // Given a reference that would leave the grid
    // When shifted
    // Then it becomes #REF!
    expect(shiftFormula("=A1", -1, 0)).toBe("=#REF!");
  });

  it("follows a renamed sheet, quoting as needed", () => {
    // Given a renamed sheet
    // When formulas are rewritten
    // Then references follow with quoting as needed
    expect(renameSheetInFormula("=Sheet1!$A$1+Sheet2!B1", "sheet1", "Rent vs Build")).toBe(
      "='Rent vs Build'!$A$1+Sheet2!B1"
    );
    expect(renameSheetInFormula("='Rent vs Build'!C5", "Rent vs Build", "Model")).toBe("=Model!C5");
  });

  it("turns references to a deleted sheet into #REF!", () => {
    // Given a deleted sheet
    // When formulas are rewritten
    // Then its references become #REF!
    expect(invalidateSheetInFormula("=Gone!A1:B2+Kept!A1", "Gone")).toBe("=#REF!A1:B2+Kept!A1");
  });
});

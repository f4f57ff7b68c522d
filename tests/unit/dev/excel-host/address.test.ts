import {
  columnToLetters,
  formatRange,
  formatSheetAddress,
  lettersToColumn,
  parseAddress,
  quoteSheetName,
  tryParseAddress,
} from "../../../../src/dev/excel-host";
import { MemoryExcelError } from "../../../../src/dev/excel-host";

describe("A1 addresses", () => {
  it("Given column indexes, When converted to letters and back, Then they round-trip", () => {
    for (const [col, letters] of [
      [0, "A"],
      [25, "Z"],
      [26, "AA"],
      [701, "ZZ"],
      [702, "AAA"],
      [16383, "XFD"],
    ] as const) {
      expect(columnToLetters(col)).toBe(letters);
      expect(lettersToColumn(letters)).toBe(col);
    }
    expect(lettersToColumn("XFE")).toBe(-1);
  });

  it("Given A1, $A$1, A1:C3 and a reversed range, When parsed, Then rows/columns are 0-based and normalised", () => {
    expect(parseAddress("A1").range).toEqual({ row: 0, col: 0, rowCount: 1, colCount: 1 });
    const abs = parseAddress("$B$5");
    expect(abs.range).toEqual({ row: 4, col: 1, rowCount: 1, colCount: 1 });
    expect(abs.start.rowAbsolute && abs.start.colAbsolute).toBe(true);
    expect(parseAddress("A1:C3").range).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 3 });
    expect(parseAddress("c3:a1").range).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 3 });
  });

  it("Given sheet-qualified addresses, When parsed, Then the sheet name is unquoted", () => {
    expect(parseAddress("Sheet1!A1:B2")).toMatchObject({
      sheet: "Sheet1",
      range: { rowCount: 2, colCount: 2 },
    });
    expect(parseAddress("'Rent vs Build'!B5")).toMatchObject({
      sheet: "Rent vs Build",
      range: { row: 4, col: 1 },
    });
    expect(parseAddress("'It''s'!A1").sheet).toBe("It's");
  });

  it.each([
    "",
    "A0",
    "1A",
    "A1:B2:C3",
    "XFE1",
    "A1048577",
    "'Unclosed!A1",
    "Sheet1!",
    "!A1",
    "A 1",
    "hello",
  ])("Given the bad address %p, When parsed, Then it throws InvalidArgument", (bad) => {
    let caught: unknown;
    try {
      parseAddress(bad);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MemoryExcelError);
    expect(caught).toMatchObject({ code: "InvalidArgument" });
    expect(tryParseAddress(bad)).toBeNull();
  });

  it("Given a whole-column address, When parsed, Then it is reported as unsupported rather than invalid", () => {
    expect(() => parseAddress("A:C")).toThrow(
      expect.objectContaining({ code: "UnsupportedOperation" })
    );
    expect(() => parseAddress("1:3")).toThrow(
      expect.objectContaining({ code: "UnsupportedOperation" })
    );
  });

  it("Given sheet names, When quoted for an address, Then only names that need it are quoted", () => {
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("Rent vs Build")).toBe("'Rent vs Build'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName("2024")).toBe("'2024'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("R1C1")).toBe("'R1C1'");
    expect(quoteSheetName("Capex-2024")).toBe("'Capex-2024'");
  });

  it("Given a range, When formatted, Then relative and absolute forms match Excel's", () => {
    const range = { row: 4, col: 2, rowCount: 1, colCount: 1 };
    expect(formatRange(range)).toBe("C5");
    expect(formatRange({ row: 0, col: 0, rowCount: 3, colCount: 2 })).toBe("A1:B3");
    expect(formatSheetAddress("Rent vs Build", range, { absolute: true })).toBe(
      "'Rent vs Build'!$C$5"
    );
    expect(formatSheetAddress("Sheet1", { row: 0, col: 0, rowCount: 2, colCount: 2 })).toBe(
      "Sheet1!A1:B2"
    );
  });
});

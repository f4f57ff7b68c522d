/**
 * src/model/a1.ts, the one A1 module: the union of the tests of the three it replaced (the template's,
 * the Excel layer's and the in-memory host's), plus the host's wrapper that gives its errors Excel's codes.
 * Rows and columns are 0-based, arguments (row, col).
 */
import {
  cellAddress,
  cellReference,
  columnIndex,
  columnLetter,
  excelNameKey,
  isCellReferenceLike,
  isInsideGrid,
  isWholeRowsOrColumns,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  parseCanonicalCell,
  parseCell,
  parseRange,
  parseSheetReference,
  quoteSheetName,
  rangeAddress,
  sameExcelName,
  sheetRangeAddress,
  tryColumnIndex,
  tryParseAddress,
  tryParseCell,
  tryParseCellAddress,
  tryParseRange,
} from "../../../src/model/a1";
import {
  MemoryExcelError,
  parseAddress as hostParseAddress,
  tryParseAddress as hostTryParseAddress,
} from "../../../src/dev/excel-host";

describe("columns", () => {
  it("round-trips column letters past Z", () => {
    // Given column indexes
    // When converted to letters and back
    // Then they round-trip past Z
    for (const [col, letters] of [
      [0, "A"],
      [25, "Z"],
      [26, "AA"],
      [51, "AZ"],
      [52, "BA"],
      [701, "ZZ"],
      [702, "AAA"],
      [16383, "XFD"],
    ] as const) {
      expect(columnLetter(col)).toBe(letters);
      expect(columnIndex(letters)).toBe(col);
      expect(tryColumnIndex(letters.toLowerCase())).toBe(col);
    }
  });

  it("refuses columns beyond XFD or not letters", () => {
    // Given anything beyond XFD or not letters
    // When converted
    // Then refused (throw, or null from try*)
    expect(MAX_COLUMNS).toBe(16_384);
    expect(() => columnLetter(16_384)).toThrow(RangeError);
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(() => columnIndex("XFE")).toThrow(/XFD/);
    expect(() => columnIndex("AAAA")).toThrow();
    expect(() => columnIndex("")).toThrow();
    // The template's own letters are upper case: another spelling there is a typo.
    expect(() => columnIndex("a")).toThrow();
    expect(tryColumnIndex("XFE")).toBeNull();
    expect(tryColumnIndex("A1")).toBeNull();
  });
});

describe("cells", () => {
  it("parses cells 0-based as (row, col)", () => {
    // Given A1 text
    // When parsed
    // Then rows and columns are 0-based, (row, col)
    expect(parseCell("A1")).toEqual({ row: 0, col: 0 });
    expect(parseCell("AF30")).toEqual({ row: 29, col: 31 });
    expect(parseCell("$B$5")).toEqual({ row: 4, col: 1 });
    expect(parseCell(" b5 ")).toEqual({ row: 4, col: 1 });
    expect(tryParseCell("A0")).toBeNull();
    expect(() => parseCell("A0")).toThrow(RangeError);
    expect(() => parseCell("A1:B2")).toThrow(/single-cell/);
  });

  it("accepts the last row and column and refuses one beyond", () => {
    // Given the last row and column
    // When parsed
    // Then accepted; one beyond, refused
    expect(MAX_ROWS).toBe(1_048_576);
    expect(parseCell("A1048576")).toEqual({ row: 1_048_575, col: 0 });
    expect(parseCell("XFD1")).toEqual({ row: 0, col: 16_383 });
    expect(() => parseCell("A1048577")).toThrow();
    expect(() => parseCell("XFE1")).toThrow();
    expect(cellAddress(1_048_575, 16_383)).toBe("XFD1048576");
  });

  it("keeps $ anchors where they were", () => {
    // Given $ anchors
    // When parsed and written back
    // Then each anchor is kept where it was
    expect(tryParseCellAddress("$B5")).toEqual({
      row: 4,
      col: 1,
      colAbsolute: true,
      rowAbsolute: false,
    });
    for (const text of ["B5", "$B5", "B$5", "$B$5"]) {
      const cell = tryParseCellAddress(text);
      expect(cell === null ? null : cellReference(cell)).toBe(text);
    }
    expect(cellAddress(4, 2)).toBe("C5");
    expect(cellAddress(4, 2, { absolute: true })).toBe("$C$5");
    // tryParseCellAddress reads formula text as it stands: no blanks.
    expect(tryParseCellAddress(" B5")).toBeNull();
  });

  it("passes only the plain spelling of a spec address", () => {
    // Given a template spec's address
    // When read strictly
    // Then only the plain spelling passes
    expect(parseCanonicalCell("C12")).toEqual({ row: 11, col: 2 });
    for (const bad of ["$C$12", "c12", "C012", " C12", "C0", "C12:D13"]) {
      expect(() => parseCanonicalCell(bad)).toThrow(RangeError);
    }
  });
});

describe("ranges and sheet-qualified addresses", () => {
  it("parses cells and ranges 0-based and normalised", () => {
    // Given A1, $A$1, A1:C3 and a reversed range
    // When parsed
    // Then rows/columns are 0-based and normalised
    expect(parseAddress("A1").range).toEqual({ row: 0, col: 0, rowCount: 1, colCount: 1 });
    const abs = parseAddress("$B$5");
    expect(abs.range).toEqual({ row: 4, col: 1, rowCount: 1, colCount: 1 });
    expect(abs.start.rowAbsolute && abs.start.colAbsolute).toBe(true);
    expect(parseAddress("A1:C3").range).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 3 });
    expect(parseAddress("c3:a1").range).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 3 });
    expect(tryParseRange("C3:A1")).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 3 });
    expect(tryParseRange("A0")).toBeNull();
    expect(tryParseRange("Sheet1!A1")).toBeNull();
    expect(parseRange(" $A$1:$B$2 ")).toEqual({ row: 0, col: 0, rowCount: 2, colCount: 2 });
    expect(() => parseRange("A1:B2:C3")).toThrow(RangeError);
  });

  it("unquotes sheet names", () => {
    // Given sheet-qualified addresses
    // When parsed
    // Then the sheet name is unquoted
    expect(parseAddress("Sheet1!A1:B2")).toMatchObject({
      sheet: "Sheet1",
      range: { rowCount: 2, colCount: 2 },
    });
    expect(parseAddress("'Rent vs Build'!B5")).toMatchObject({
      sheet: "Rent vs Build",
      range: { row: 4, col: 1 },
    });
    expect(parseAddress("'It''s'!A1").sheet).toBe("It's");
    expect(parseAddress("A1").sheet).toBeNull();
    // A name that needs quotes is not an address without them, as in Excel.
    expect(tryParseAddress("Rent vs Build!B5")).toBeNull();
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
  ])("throws a RangeError for %p", (bad) => {
    // Given the bad address %p
    // When parsed
    // Then it throws a RangeError (try*: null)
    expect(() => parseAddress(bad)).toThrow(RangeError);
    expect(isWholeRowsOrColumns(bad)).toBe(false);
    expect(tryParseAddress(bad)).toBeNull();
  });

  it("refuses whole columns and rows, told apart from nonsense", () => {
    // Given whole columns or rows
    // When parsed
    // Then refused, and told apart from nonsense (valid in Excel, not a rectangle here)
    for (const whole of ["A:C", "1:3", "$A:$A", "Sheet1!2:2"]) {
      expect(() => parseAddress(whole)).toThrow(RangeError);
      expect(isWholeRowsOrColumns(whole)).toBe(true);
    }
    expect(tryParseRange("A:C")).toBeNull();
  });

  it("formats ranges as Excel does", () => {
    // Given ranges
    // When formatted
    const range = { row: 4, col: 2, rowCount: 1, colCount: 1 };
    // Then relative and absolute forms match Excel's
    expect(rangeAddress(range)).toBe("C5");
    expect(rangeAddress({ row: 0, col: 0, rowCount: 3, colCount: 2 })).toBe("A1:B3");
    expect(rangeAddress({ row: 4, col: 26, rowCount: 2, colCount: 3 })).toBe("AA5:AC6");
    expect(sheetRangeAddress("Rent vs Build", range, { absolute: true })).toBe(
      "'Rent vs Build'!$C$5"
    );
    expect(sheetRangeAddress("Sheet1", { row: 0, col: 0, rowCount: 2, colCount: 2 })).toBe(
      "Sheet1!A1:B2"
    );
  });

  it("passes only rectangles inside the grid", () => {
    // Given rectangles
    // When checked against the grid
    // Then only those inside pass
    expect(isInsideGrid({ row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLUMNS })).toBe(true);
    expect(isInsideGrid({ row: 1, col: 0, rowCount: MAX_ROWS, colCount: 1 })).toBe(false);
    expect(isInsideGrid({ row: 0, col: 0, rowCount: 0, colCount: 1 })).toBe(false);
    expect(isInsideGrid({ row: -1, col: 0, rowCount: 1, colCount: 1 })).toBe(false);
  });
});

describe("sheet names and defined-name formulas", () => {
  it("quotes only sheet names that need it", () => {
    // Given sheet names
    // When quoted for an address
    // Then only names that need it are quoted
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("Rent vs Build")).toBe("'Rent vs Build'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName("2024")).toBe("'2024'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("R1C1")).toBe("'R1C1'");
    expect(quoteSheetName("Capex-2024")).toBe("'Capex-2024'");
    expect(isCellReferenceLike("xfd1")).toBe(true);
    expect(isCellReferenceLike("Sheet1")).toBe(false);
  });

  it("parses sheet and cell out of defined-name formulas", () => {
    // Given defined-name formulas
    // When parsed
    // Then sheet and cell come out, quotes unescaped
    expect(parseSheetReference("='Rent vs Build (2)'!$C$16")).toEqual({
      sheet: "Rent vs Build (2)",
      range: { row: 15, col: 2, rowCount: 1, colCount: 1 },
    });
    expect(parseSheetReference("='Bob''s'!$A$1:$B$2")).toEqual({
      sheet: "Bob's",
      range: { row: 0, col: 0, rowCount: 2, colCount: 2 },
    });
    expect(parseSheetReference("=Sheet1!B5")?.sheet).toBe("Sheet1");
    expect(parseSheetReference("=#REF!$C$5")).toBeNull();
    expect(parseSheetReference("=0.07")).toBeNull();
    expect(parseSheetReference("=B5")).toBeNull();
    expect(parseSheetReference("=Rent vs Build!B5")).toBeNull();
    expect(parseSheetReference("=Sheet1!A1,Sheet1!B2")).toBeNull();
  });

  it("compares names ignoring case", () => {
    // Given sheet or defined names in different case
    // When compared
    // Then Excel's way: case ignored
    expect(sameExcelName("CP_Pue", "cp_PUE")).toBe(true);
    expect(excelNameKey("Rent vs Build")).toBe(excelNameKey("RENT VS BUILD"));
    expect(sameExcelName("Sheet1", "Sheet2")).toBe(false);
  });
});

describe("the in-memory host's addresses (its wrapper of parseAddress)", () => {
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
  ])("throws InvalidArgument for %p", (bad) => {
    // Given the bad address %p
    let caught: unknown;
    // When parsed by the host
    try {
      hostParseAddress(bad);
    } catch (error) {
      caught = error;
    }
    // Then it throws InvalidArgument, as Excel does
    expect(caught).toBeInstanceOf(MemoryExcelError);
    expect(caught).toMatchObject({ code: "InvalidArgument" });
    expect(hostTryParseAddress(bad)).toBeNull();
  });

  it("reports a whole-column address as unsupported", () => {
    // Given a whole-column address
    // When parsed by the host
    // Then it is reported as unsupported rather than invalid
    expect(() => hostParseAddress("A:C")).toThrow(
      expect.objectContaining({ code: "UnsupportedOperation" })
    );
    expect(() => hostParseAddress("1:3")).toThrow(
      expect.objectContaining({ code: "UnsupportedOperation" })
    );
  });

  it("returns the shared parser's result for a good address", () => {
    // Given a good address
    // When parsed by the host
    // Then the shared parser's result
    expect(hostParseAddress("'Rent vs Build'!$B$5:C6")).toEqual(
      parseAddress("'Rent vs Build'!$B$5:C6")
    );
  });
});

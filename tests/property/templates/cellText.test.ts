/**
 * Issue 7, item 5: library text written to cells never becomes a formula. Whatever a hostile
 * library puts in a label, source or description ("=HYPERLINK(...)", " =1", "\t+A1", "＝1+1",
 * "-cmd|..."), what the renderer writes lands in the cell as that text, on a host that takes more
 * entries for formulas than Excel does (src/dev/excel-host/cellInput.ts).
 */
import fc from "fast-check";
import { asExcelNamespace, createMemoryExcel, MemoryCellStore } from "../../../src/dev/excel-host";
import { cellContent, startsLikeFormula, valueContent } from "../../../src/templates/blocks";

/** Characters Excel (or this stricter host) may read as the start of a formula, and what hides them. */
const LEADS = [
  "=",
  "+",
  "-",
  "@",
  "＝",
  "＋",
  "－",
  "＠",
  " ",
  "\t",
  "\r",
  "\n",
  "\u00A0",
  "\u3000",
  "\uFEFF",
  "'",
  "#",
  "0",
  "1",
];
const hostile = fc
  .tuple(
    fc.array(fc.constantFrom(...LEADS), { maxLength: 4 }),
    fc.string({ maxLength: 20 }),
    fc.constantFrom("", "1+1", "SUM(A1)", "A1", "cmd|' /C calc'!A0", 'HYPERLINK("http://x")')
  )
  .map(([lead, middle, tail]) => `${lead.join("")}${middle}${tail}`)
  .filter((text) => text !== "");
const anyText = fc.oneof(hostile, fc.string({ minLength: 1, maxLength: 30, unit: "grapheme" }));

async function writeAndRead(
  content: string | number | boolean,
  property: "formulas" | "values",
  numberFormat?: string
): Promise<{ value: unknown; formula: string | null }> {
  const store = new MemoryCellStore({ sheets: ["S"] });
  const Excel = asExcelNamespace(createMemoryExcel(store).Excel);
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("S").getRange("A1");
    if (numberFormat !== undefined) range.numberFormat = [[numberFormat]];
    range[property] = [[content]];
    await context.sync();
  });
  return store.getCell(store.listSheets()[0]?.id ?? "", 0, 0);
}

describe("library text of any shape", () => {
  // Given library text of any shape
  it("renders as exactly that text, never a formula", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        // When rendered into a template cell (Range.formulas)
        const content = cellContent({ address: "A1", value: text });
        // Then the cell holds exactly that text, never a formula
        expect(content).not.toBeNull();
        const cell = await writeAndRead(content ?? "", "formulas");
        expect(cell).toEqual({ value: text, formula: null });
      }),
      { numRuns: 400 }
    );
  });

  it("is written back by refresh or undo as exactly that text", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        // When written later by refresh or undo (Range.values)
        const cell = await writeAndRead(valueContent(text), "values");
        // Then the cell holds exactly that text
        expect(cell).toEqual({ value: text, formula: null });
      }),
      { numRuns: 300 }
    );
  });

  it("is never a formula in a Text (@) cell", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const content = cellContent({ address: "A1", value: text, numberFormat: "@" });
        // When rendered into a Text-formatted (@) cell
        const cell = await writeAndRead(content ?? "", "formulas", "@");
        // Then it is never a formula (formula-like text keeps a visible apostrophe)
        expect(cell.formula).toBeNull();
        expect(cell.value).toBe(startsLikeFormula(text) ? `'${text}` : text);
      }),
      { numRuns: 300 }
    );
  });

  it("(the host is strict enough for this to mean something) unprefixed formula-like text becomes a formula", async () => {
    for (const text of [
      "=1+1",
      " =1+1",
      "\t+A1",
      "\r\n-A1",
      "@SUM(A1)",
      "＝1+1",
      "\u3000＋A1",
      "-cmd|' /C calc'!A0",
    ]) {
      expect([text, (await writeAndRead(text, "formulas")).formula]).not.toEqual([text, null]);
    }
  });
});

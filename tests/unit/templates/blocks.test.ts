/** Grouping template cells into few rectangular range writes. */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { parseCell } from "../../../src/model/a1";
import {
  cellContent,
  contentBlocks,
  contentWrites,
  fitCellText,
  groupIntoBlocks,
  MAX_CELL_TEXT,
  needsTextPrefix,
  startsLikeFormula,
  styleGroups,
  valueContent,
} from "../../../src/templates/blocks";
import { buildRentVsBuildTemplate } from "../../../src/templates/rentVsBuild";
import { SheetBuilder } from "../../../src/templates/sheetBuilder";
import type { CellSpec } from "../../../src/templates/types";
import { referencedCells } from "../../support/templates/formulaLint";

const at = (
  address: string,
  value: number | string = 1,
  style: CellSpec["style"] = "formula"
): CellSpec => ({
  address,
  value,
  style,
});

/** Every cell a list of A1 rectangles covers. */
function covered(addresses: readonly string[]): string[] {
  return addresses.flatMap((a) => referencedCells(a));
}

describe("grouping cells into blocks", () => {
  // Given cells to group into blocks
  it("covers a filled rectangle with one block, row-major", () => {
    const cells = [at("C3", 6), at("B2", 1), at("C2", 2), at("B3", 5)];
    // When they fill a rectangle
    const blocks = groupIntoBlocks(cells);
    // Then one block covers them in row-major order
    expect(blocks).toHaveLength(1);
    expect(blocks[0].address).toBe("B2:C3");
    expect(blocks[0].items.map((row) => row.map((c) => c.value))).toEqual([
      [1, 2],
      [5, 6],
    ]);
  });

  it("covers an L or a holed shape exactly, never the hole", () => {
    const cells = [at("A1"), at("B1"), at("C1"), at("A2"), at("C2"), at("A3"), at("B3"), at("C3")];
    // When they form an L or have a hole
    const blocks = groupIntoBlocks(cells);
    // Then the blocks cover exactly those cells, never the hole
    expect(covered(blocks.map((b) => b.address)).sort()).toEqual(
      cells.map((c) => c.address).sort()
    );
    expect(covered(blocks.map((b) => b.address))).not.toContain("B2");
  });

  it("gives a single cell its own block", () => {
    // When a cell is single
    // Then its block is that cell
    expect(groupIntoBlocks([at("Z9")]).map((b) => b.address)).toEqual(["Z9"]);
    expect(groupIntoBlocks([])).toEqual([]);
  });

  it("refuses duplicate and non-canonical addresses", () => {
    // When two cells share an address
    // Then grouping refuses; a non-canonical address ($B$5, b5) is refused too
    expect(() => groupIntoBlocks([at("A1"), at("A1")])).toThrow(/two cells at A1/);
    expect(() => groupIntoBlocks([at("B5"), at("$B$5")])).toThrow(/\$B\$5/);
    expect(() => groupIntoBlocks([at("b5")])).toThrow(/b5/);
  });

  it("stacks runs with the same columns and starts new blocks otherwise", () => {
    // When runs in consecutive rows have the same columns
    const blocks = groupIntoBlocks([
      at("A1"),
      at("B1"),
      at("D1"),
      at("A2"),
      at("B2"),
      at("A3"),
      at("A5"),
    ]);
    // Then they stack; different widths and strays start new blocks
    expect(blocks.map((b) => b.address)).toEqual(["A1:B2", "D1", "A3", "A5"]);
    expect(blocks.map((b) => [b.topLeft, b.rowCount, b.colCount])).toEqual([
      [{ row: 0, col: 0 }, 2, 2],
      [{ row: 0, col: 3 }, 1, 1],
      [{ row: 2, col: 0 }, 1, 1],
      [{ row: 4, col: 0 }, 1, 1],
    ]);
  });
});

describe("cell contents for Range.formulas", () => {
  // Given cell contents for Range.formulas
  it("prefixes text Excel would misread with an apostrophe", () => {
    // When text would be misread by Excel
    // Then it gets the apostrophe prefix
    for (const text of [
      "=1+1",
      "=SUM(A1)",
      "+1",
      "-3",
      "@x",
      "2024-05",
      "12",
      "$5",
      "$1,000",
      "TRUE",
      "false",
      "#N/A",
      "Jan 2024",
      "May 2024",
      "Sept. 2024",
      "june-24",
      // Any word starting with a month name, then a number: over-prefixing is harmless.
      "Mayhem 2",
      "'quoted",
    ]) {
      expect([text, needsTextPrefix(text)]).toEqual([text, true]);
    }
    for (const text of [
      "GPU",
      "USD per GPU",
      "Power price",
      "Build is cheaper",
      "Oracle Cloud (BM.GPU.H100.8)",
      "Année",
      "May",
      "",
    ]) {
      expect([text, needsTextPrefix(text)]).toEqual([text, false]);
    }
  });

  it("writes formulas and numbers as they are, prefixes text, leaves empty cells", () => {
    // When a cell's content is made
    // Then the formula wins, text is prefixed, numbers pass, an empty cell is left as is
    expect(cellContent({ address: "A1", value: "2024-05" })).toBe("'2024-05");
    expect(cellContent({ address: "A1", formula: "=A2", value: 2 })).toBe("=A2");
    expect(cellContent({ address: "A1", value: 3 })).toBe(3);
    expect(cellContent({ address: "A1", value: true })).toBe(true);
    expect(cellContent({ address: "A1" })).toBeNull();
    expect(() => cellContent({ address: "A1", value: Number.NaN })).toThrow(/A1/);
  });

  it("leaves text in a Text (@) cell unprefixed", () => {
    // When the cell is formatted as Text (@)
    // Then its text gets no apostrophe (Excel would keep it)
    expect(cellContent({ address: "A1", value: "2024-08", numberFormat: "@" })).toBe("2024-08");
  });

  it("keeps the apostrophe on formula-like text in a Text (@) cell", () => {
    // When formula-like text goes into a Text (@) cell
    // Then it keeps the apostrophe: Range.formulas might still make it a formula
    for (const text of ["=1+1", " =1", "\t+A1", "-x", "@SUM(A1)", "＝1+1", "\u3000＋1"]) {
      expect([text, startsLikeFormula(text)]).toEqual([text, true]);
      expect(cellContent({ address: "A1", value: text, numberFormat: "@" })).toBe(`'${text}`);
    }
    expect(startsLikeFormula("Power = 5")).toBe(false);
  });

  it("cuts text longer than a cell holds and says so", () => {
    const long = `-${"x".repeat(40000)}`;
    // When text is longer than a cell holds
    const written = String(valueContent(long));
    // Then it is cut to fit, apostrophe included, and ends by saying so
    expect(written.length).toBe(MAX_CELL_TEXT);
    expect(written.startsWith("'-xxx")).toBe(true);
    expect(written).toMatch(
      / … \[cut: the library's text has 40,001 characters; an Excel cell holds 32,767\]$/
    );
    expect(fitCellText("short")).toBe("short");
    // A cut never splits a surrogate pair.
    const emoji = fitCellText("😀".repeat(20000));
    expect(emoji.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(/[\uD800-\uDBFF] …/.test(emoji)).toBe(false);
    expect(
      String(
        cellContent({ address: "A1", value: "a".repeat(MAX_CELL_TEXT + 1), numberFormat: "@" })
      ).length
    ).toBe(MAX_CELL_TEXT);
  });

  it("refuses a formula over 8,192 characters", () => {
    // When a template formula is longer than Excel's 8,192 characters
    const b = new SheetBuilder("");
    // Then building the sheet refuses it
    expect(() => b.formula("A1", `=${"1+".repeat(4096)}1`, "formula")).toThrow(
      /A1 has 8194 characters; Excel allows 8192/
    );
    expect(() => b.formula("A2", `=${"1+".repeat(4095)}1`, "formula")).not.toThrow();
  });

  it("prefixes a later value as for a cell of unknown format", () => {
    // When a value is written later into a cell of unknown format (refresh, undo)
    // Then text is prefixed as for a cell
    expect(valueContent("=1")).toBe("'=1");
    expect(valueContent("Power price")).toBe("Power price");
    expect(valueContent(0.07)).toBe(0.07);
    expect(valueContent(false)).toBe(false);
  });

  it("lines formats up with contents and leaves out empty blocks", () => {
    // When blocks are planned
    const blocks = contentBlocks([
      { address: "A1", value: "x", style: "label" },
      { address: "B1", formula: "=A1", style: "formula", numberFormat: "$#,##0" },
      { address: "C1", style: "input" },
      { address: "A3", style: "label" },
      { address: "A5", numberFormat: "0%", style: "input" },
    ]);
    // Then formats line up with the contents; null leaves a cell as is; blocks with nothing to write are left out
    expect(blocks).toEqual([
      { address: "A1:C1", formulas: [["x", "=A1", null]], numberFormat: [[null, "$#,##0", null]] },
      { address: "A5", formulas: null, numberFormat: [["0%"]] },
    ]);
    expect(blocks.map(contentWrites)).toEqual([3, 1]);
  });
});

describe("grouping a whole rent-vs-build template", () => {
  // Given a whole rent-vs-build template
  const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
  const spec = buildRentVsBuildTemplate(index, "xai-memphis-2024", {
    sheetName: "Rent vs Build",
    nameSuffix: "",
  });

  it("writes every cell once, in far fewer writes than cells", () => {
    // When grouped
    const blocks = contentBlocks(spec.cells);
    const all = covered(blocks.map((b) => b.address));
    // Then every cell is written exactly once and in far fewer writes than cells
    expect(all.sort()).toEqual(spec.cells.map((c) => c.address).sort());
    expect(blocks.length).toBeLessThan(spec.cells.length / 20);
    for (const block of blocks) {
      const [first, last = first] = block.address.split(":");
      const rows = parseCell(last).row - parseCell(first).row + 1;
      const cols = parseCell(last).col - parseCell(first).col + 1;
      expect(block.formulas).toHaveLength(rows);
      for (const row of block.formulas ?? []) expect(row).toHaveLength(cols);
      if (block.numberFormat !== null) expect(block.numberFormat).toHaveLength(rows);
    }
  });

  it("gives each cell its own style in a few rectangles", () => {
    // When styles are grouped
    const groups = styleGroups(spec.cells);
    const styleOf = new Map(spec.cells.map((c) => [c.address, c.style]));
    const seen = new Set<string>();
    // Then each cell gets exactly its own style in a few rectangles
    for (const group of groups) {
      for (const address of covered(group.addresses)) {
        expect(styleOf.get(address)).toBe(group.style);
        expect(seen.has(address)).toBe(false);
        seen.add(address);
      }
    }
    expect(seen.size).toBe(spec.cells.length);
    // About 74 rectangles for the v1 sections, 62 for the model v2 section (its sub-headings and total rows
    // interrupt the stacks of formula cells) and 70 for the risk section (its ranges table alternates inputs,
    // linked formulas and rows the case does not use); all are queued before one sync.
    expect(groups.reduce((n, g) => n + g.addresses.length, 0)).toBeLessThan(220);
  });
});

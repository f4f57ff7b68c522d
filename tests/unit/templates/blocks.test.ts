/** Grouping template cells into few rectangular range writes. */
import { DEFAULT_LIBRARY } from "../../../src/model/library/defaultLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { columnIndex, columnLetter, parseCell, rangeAddress } from "../../../src/templates/a1";
import {
  cellContent,
  contentBlocks,
  groupIntoBlocks,
  needsTextPrefix,
  styleGroups,
} from "../../../src/templates/blocks";
import { buildRentVsBuildTemplate } from "../../../src/templates/rentVsBuild";
import type { CellSpec } from "../../../src/templates/types";
import { referencedCells } from "./formulaLint";

const at = (address: string, value: number | string = 1, style: CellSpec["style"] = "formula"): CellSpec => ({
  address,
  value,
  style,
});

/** Every cell a list of A1 rectangles covers. */
function covered(addresses: readonly string[]): string[] {
  return addresses.flatMap((a) => referencedCells(a));
}

describe("Given A1 helpers", () => {
  it("when converting columns, then letters and indexes round-trip past Z", () => {
    for (const i of [0, 25, 26, 51, 52, 701, 702]) expect(columnIndex(columnLetter(i))).toBe(i);
    expect(columnLetter(26)).toBe("AA");
    expect(parseCell("AF30")).toEqual({ col: 31, row: 30 });
    expect(rangeAddress({ col: 1, row: 2 }, { col: 1, row: 2 })).toBe("B2");
    expect(() => parseCell("A0")).toThrow();
    expect(() => parseCell("A1:B2")).toThrow();
  });
});

describe("Given cells to group into blocks", () => {
  it("when they fill a rectangle, then one block covers them in row-major order", () => {
    const cells = [at("C3", 6), at("B2", 1), at("C2", 2), at("B3", 5)];
    const blocks = groupIntoBlocks(cells);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].address).toBe("B2:C3");
    expect(blocks[0].items.map((row) => row.map((c) => c.value))).toEqual([
      [1, 2],
      [5, 6],
    ]);
  });

  it("when they form an L or have a hole, then the blocks cover exactly those cells, never the hole", () => {
    const cells = [at("A1"), at("B1"), at("C1"), at("A2"), at("C2"), at("A3"), at("B3"), at("C3")];
    const blocks = groupIntoBlocks(cells);
    expect(covered(blocks.map((b) => b.address)).sort()).toEqual(cells.map((c) => c.address).sort());
    expect(covered(blocks.map((b) => b.address))).not.toContain("B2");
  });

  it("when a cell is single, then its block is that cell", () => {
    expect(groupIntoBlocks([at("Z9")]).map((b) => b.address)).toEqual(["Z9"]);
    expect(groupIntoBlocks([])).toEqual([]);
  });

  it("when two cells share an address, then grouping refuses", () => {
    expect(() => groupIntoBlocks([at("A1"), at("A1")])).toThrow(/A1/);
  });

  it("when runs in consecutive rows have the same columns, then they stack; different widths start new blocks", () => {
    const blocks = groupIntoBlocks([at("A1"), at("B1"), at("A2"), at("B2"), at("A3")]);
    expect(blocks.map((b) => b.address)).toEqual(["A1:B2", "A3"]);
  });
});

describe("Given cell contents for Range.formulas", () => {
  it("when text would be misread by Excel, then it gets the apostrophe prefix", () => {
    for (const text of [
      "=1+1",
      "+1",
      "-3",
      "@x",
      "2024-05",
      "12",
      "$5",
      "TRUE",
      "false",
      "#N/A",
      "Jan 2024",
      "'quoted",
    ]) {
      expect(needsTextPrefix(text)).toBe(true);
    }
    for (const text of ["GPU", "USD per GPU", "Build is cheaper", "Oracle Cloud (BM.GPU.H100.8)", "Année", ""]) {
      expect(needsTextPrefix(text)).toBe(false);
    }
    expect(cellContent({ address: "A1", value: "2024-05", style: "source" })).toBe("'2024-05");
    expect(cellContent({ address: "A1", formula: "=A2", style: "formula" })).toBe("=A2");
    expect(cellContent({ address: "A1", value: 3, style: "input" })).toBe(3);
    expect(() => cellContent({ address: "A1", value: Number.NaN, style: "input" })).toThrow(/A1/);
  });

  it("when blocks are planned, then formats default to General and line up with the contents", () => {
    const blocks = contentBlocks([
      { address: "A1", value: "x", style: "label" },
      { address: "B1", formula: "=A1", style: "formula", numberFormat: "$#,##0" },
    ]);
    expect(blocks).toEqual([{ address: "A1:B1", formulas: [["x", "=A1"]], numberFormat: [["General", "$#,##0"]] }]);
  });
});

describe("Given a whole rent-vs-build template", () => {
  const index = buildIndex(DEFAULT_LIBRARY);
  const spec = buildRentVsBuildTemplate(index, "xai-memphis-2024", { sheetName: "Rent vs Build", nameSuffix: "" });

  it("when grouped, then every cell is written exactly once and in far fewer writes than cells", () => {
    const blocks = contentBlocks(spec.cells);
    const all = covered(blocks.map((b) => b.address));
    expect(all.sort()).toEqual(spec.cells.map((c) => c.address).sort());
    expect(blocks.length).toBeLessThan(spec.cells.length / 20);
    for (const block of blocks) {
      const [first, last = first] = block.address.split(":");
      const rows = parseCell(last).row - parseCell(first).row + 1;
      const cols = parseCell(last).col - parseCell(first).col + 1;
      expect(block.formulas).toHaveLength(rows);
      expect(block.numberFormat).toHaveLength(rows);
      for (const row of block.formulas) expect(row).toHaveLength(cols);
    }
  });

  it("when styles are grouped, then each cell gets exactly its own style in a few rectangles", () => {
    const groups = styleGroups(spec.cells);
    const styleOf = new Map(spec.cells.map((c) => [c.address, c.style]));
    const seen = new Set<string>();
    for (const group of groups) {
      for (const address of covered(group.addresses)) {
        expect(styleOf.get(address)).toBe(group.style);
        expect(seen.has(address)).toBe(false);
        seen.add(address);
      }
    }
    expect(seen.size).toBe(spec.cells.length);
    expect(groups.reduce((n, g) => n + g.addresses.length, 0)).toBeLessThan(100);
  });
});

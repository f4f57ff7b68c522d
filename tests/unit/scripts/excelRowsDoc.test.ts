/**
 * docs/model.md section 4 shows the template's own formulas: it is generated from the template spec
 * by scripts/excel-rows-doc.ts, and this test fails while the document is out of date.
 */
import { readFileSync } from "fs";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { buildRentVsBuildTemplate } from "../../../src/templates/rentVsBuild";
import {
  BEGIN_MARKER,
  DOC_PATH,
  END_MARKER,
  documentedSpec,
  excelRowsMarkdown,
  expectedDoc,
  withExcelRows,
} from "../../../scripts/excel-rows-doc";

describe("docs/model.md section 4", () => {
  it("is up to date with the template", () => {
    // Given docs/model.md as committed
    const doc = readFileSync(DOC_PATH, "utf8");
    // When section 4 is generated from the template spec
    // Then nothing changes (else run: npx tsx scripts/excel-rows-doc.ts)
    expect(doc).toContain(BEGIN_MARKER);
    expect(doc).toContain(END_MARKER);
    expect(expectedDoc(doc)).toBe(doc);
  });

  it("reads the same for every scenario", () => {
    // Given the template of each default-library scenario of 3 years or more
    const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
    const documented = excelRowsMarkdown(documentedSpec());
    const ids = Object.entries(VALIDATED_BUNDLED_LIBRARY.scenarios)
      .filter(([, s]) => s.years >= 3)
      .map(([id]) => id);
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) {
      const spec = buildRentVsBuildTemplate(index, id, {
        sheetName: "Rent vs Build",
        nameSuffix: "",
      });
      // Then its formulas, references named, are the documented ones
      expect(excelRowsMarkdown(spec)).toBe(documented);
    }
  });

  it("names every workbook name a formula uses", () => {
    // Given every workbook name that appears in a template formula
    const spec = documentedSpec();
    const used = new Set(
      spec.cells.flatMap((cell) => cell.formula?.match(/\bCP_[A-Za-z0-9_]+/g) ?? [])
    );
    expect(used.size).toBeGreaterThan(40);
    // Then the section shows each of them as a name of its own
    const section = excelRowsMarkdown(spec);
    const shown = new Set(section.match(/\bCP_[A-Za-z0-9_]+/g) ?? []);
    expect([...used].filter((name) => !shown.has(name))).toEqual([]);
  });

  it("is written between its markers only", () => {
    // Given a document with text around the markers
    const doc = `before\n${BEGIN_MARKER}\nold\n${END_MARKER}\nafter\n`;
    // Then only the text between them is replaced, and a document without them is refused
    expect(withExcelRows(doc, "new")).toBe(`before\n${BEGIN_MARKER}\nnew\n${END_MARKER}\nafter\n`);
    expect(() => withExcelRows("no markers", "new")).toThrow(/markers/);
  });
});

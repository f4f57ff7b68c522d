/**
 * Issue 7: library text longer than Excel's 32,767-character cell limit. Excel would refuse the
 * write and the whole insert would fail; the in-memory host now refuses it too. The add-in cuts
 * such text to fit and says so in the cell (src/templates/blocks.ts, fitCellText).
 */
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { MAX_CELL_TEXT } from "../../../src/dev/excel-host";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import type { LibraryDocument } from "../../../src/model/library/schema";
import { LAYOUT } from "../../../src/templates/layout";
import { cellAt, newWorkbook } from "../../support/excel/host";

const SCENARIO = "xai-memphis-2024";

function libraryWithDescription(description: string): LibraryDocument {
  const library = structuredClone(VALIDATED_BUNDLED_LIBRARY) as LibraryDocument;
  const scenario = library.scenarios[SCENARIO];
  if (scenario === undefined) throw new Error("scenario");
  library.scenarios[SCENARIO] = { ...scenario, description };
  return library;
}

describe("a library text longer than an Excel cell", () => {
  // Given a library text longer than an Excel cell holds
  it("inserts the cut text, marked as cut, within the limit", async () => {
    const long = `=HYPERLINK("x") ${"Memphis ".repeat(6000)}`; // 48,016 characters, formula-like too
    const wb = newWorkbook();

    await insertTemplate(wb.excel, buildIndex(libraryWithDescription(long)), SCENARIO);

    // When the template is inserted
    const cell = cellAt(wb.store, "Rent vs Build", `A${LAYOUT.header.description}`);
    const text = String(cell.value);
    // Then the insert succeeds and the cell holds the cut text, marked as cut, within the limit
    expect(cell.formula).toBeNull();
    expect(text.length).toBeLessThanOrEqual(MAX_CELL_TEXT - 1);
    expect(text.startsWith('=HYPERLINK("x") Memphis Memphis')).toBe(true);
    expect(text).toMatch(
      / … \[cut: the library's text has 48,016 characters; an Excel cell holds 32,767\]$/
    );
  });

  it("writes text that fits exactly whole", async () => {
    const exact = `A${"b".repeat(MAX_CELL_TEXT - 1)}`;
    const wb = newWorkbook();
    // When the text fits exactly
    await insertTemplate(wb.excel, buildIndex(libraryWithDescription(exact)), SCENARIO);
    // Then it is written whole
    expect(cellAt(wb.store, "Rent vs Build", `A${LAYOUT.header.description}`).value).toBe(exact);
  });
});

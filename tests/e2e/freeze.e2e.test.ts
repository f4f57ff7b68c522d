/**
 * Freeze for sharing end to end: the built workbench in Chromium, the xAI template inserted from the task
 * pane, frozen from the pane's Freeze for sharing panel, then exported as a user would; the exported file,
 * read back with exceljs, has a frozen copy without any CAPPLAN formula and with the workbench's values.
 * Saves docs/screenshots/freeze.png of the panel (the README shows it).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { REPO_ROOT } from "../../scripts/support/paths";
import type { TestServer } from "../../scripts/support/server";
import { openWorkbench } from "../support/dev/workbench/workbench";

let server: TestServer;
let browser: Browser;
let page: Page;
let pane: FrameLocator;

beforeAll(async () => {
  ({ server, browser, page } = await openWorkbench());
  pane = page.frameLocator("#wb-pane");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every cell of `sheet` that holds a formula there, by address, with its value in `sheet` and in `other`. */
function formulaCells(
  sheet: string,
  other: string
): Promise<Array<{ address: string; formula: string; value: unknown; otherValue: unknown }>> {
  return page.evaluate(
    ([s, o]) => {
      const out: Array<{ address: string; formula: string; value: unknown; otherValue: unknown }> =
        [];
      const letters = (c: number): string =>
        c < 26 ? String.fromCharCode(65 + c) : letters(Math.floor(c / 26) - 1) + letters(c % 26);
      for (let r = 1; r <= 400; r++)
        for (let c = 0; c < 40; c++) {
          const address = `${letters(c)}${r}`;
          const cell = window.capplanWorkbench.getCell(s, address);
          if (cell.formula === null) continue;
          const twin = window.capplanWorkbench.getCell(o, address);
          out.push({ address, formula: cell.formula, value: cell.value, otherValue: twin.value });
        }
      return out;
    },
    [sheet, other] as const
  );
}

async function exported(
  options: { capplan?: "values" | "frozen" } = {}
): Promise<ExcelJS.Workbook> {
  const bytes = await page.evaluate(
    async (o) => Array.from(await window.capplanWorkbench.exportXlsx(o)),
    options
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(bytes).buffer);
  return book;
}

/** The value exceljs reads for a cell: a formula's cached result, else the constant. */
function fileValue(book: ExcelJS.Workbook, sheet: string, address: string): unknown {
  const value = book.getWorksheet(sheet)?.getCell(address).value;
  if (value !== null && typeof value === "object" && "formula" in value) return value.result;
  if (value !== null && typeof value === "object" && "error" in value) return value.error;
  return value;
}

function capplanFormulas(book: ExcelJS.Workbook, sheet: string): string[] {
  const out: string[] = [];
  book.getWorksheet(sheet)?.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula && /_xldudf_CAPPLAN|CAPPLAN\./i.test(cell.formula)) out.push(cell.formula);
    })
  );
  return out;
}

test("Freeze for sharing copies the xAI template without CAPPLAN formulas, and the export keeps its values", async () => {
  // Given the xAI template inserted from the task pane
  await pane.getByRole("option", { name: /xAI Memphis 2024/ }).click();
  await pane.getByRole("button", { name: "Insert template" }).click();
  await pane
    .getByText(/Inserted the sheet/)
    .first()
    .waitFor({ state: "visible", timeout: 30000 });

  // When the user lists the template sheets, ticks it and chooses Freeze copies
  const freeze = pane.getByRole("region", { name: "Freeze for sharing" });
  await freeze.getByRole("button", { name: "List template sheets" }).click();
  await freeze.getByRole("checkbox", { name: /^Rent vs Build/ }).check();
  await page.evaluate(() => window.capplanWorkbench.resetStats());
  await freeze.getByRole("button", { name: "Freeze copies" }).click();
  await freeze.getByText("Froze 1 copy").waitFor({ state: "visible", timeout: 60000 });

  // Then it took 3 round trips and added the frozen copy after the template
  expect((await page.evaluate(() => window.capplanWorkbench.stats())).syncCount).toBe(3);
  expect(await page.evaluate(() => window.capplanWorkbench.sheets())).toEqual([
    "Sheet1",
    "Rent vs Build",
    "Rent vs Build (frozen)",
  ]);
  fs.mkdirSync(path.join(REPO_ROOT, "docs", "screenshots"), { recursive: true });
  await freeze.screenshot({ path: path.join(REPO_ROOT, "docs", "screenshots", "freeze.png") });

  // And in the exported .xlsx the frozen copy calls no CAPPLAN function and shows the template's values
  const original = await formulaCells("Rent vs Build", "Rent vs Build (frozen)");
  expect(original.length).toBeGreaterThan(300);
  expect(original.filter((c) => /CAPPLAN\./i.test(c.formula)).length).toBe(1); // CAPPLAN.LIBRARY()
  expect(original.filter((c) => c.value !== c.otherValue)).toEqual([]);
  const book = await exported();
  expect(capplanFormulas(book, "Rent vs Build")).toHaveLength(1);
  expect(capplanFormulas(book, "Rent vs Build (frozen)")).toEqual([]);
  const differing = original.filter((c) => {
    const got = fileValue(book, "Rent vs Build (frozen)", c.address);
    // exceljs writes no cached result for a formula whose result is falsy (0, "", FALSE): Excel shows
    // that result once it calculates, so a missing one stands for it.
    if (got === undefined && (c.value === 0 || c.value === "" || c.value === false)) return false;
    return typeof c.value === "number"
      ? typeof got !== "number" || Math.abs(got - c.value) > 0.005
      : got !== c.value;
  });
  expect(differing).toEqual([]);
  // And the copy keeps every other formula, and its note names the library and the day
  const copy = await formulaCells("Rent vs Build (frozen)", "Rent vs Build");
  expect(copy.length).toBe(original.length - 1);
  const notes: string[] = [];
  book.getWorksheet("Rent vs Build (frozen)")?.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string" && cell.value.startsWith("Frozen from library "))
        notes.push(cell.value);
    })
  );
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatch(/^Frozen from library .+ on \d{4}-\d{2}-\d{2}: /);

  // And the workbench's own frozen export leaves no CAPPLAN formula on any sheet
  const frozenBook = await exported({ capplan: "frozen" });
  for (const sheet of ["Sheet1", "Rent vs Build", "Rent vs Build (frozen)"])
    expect(capplanFormulas(frozenBook, sheet)).toEqual([]);
});

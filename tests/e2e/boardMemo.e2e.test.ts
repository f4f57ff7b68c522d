/**
 * The Board memo end to end, as a user makes it: the built workbench in Chromium, the xAI Rent vs Build sheet
 * inserted from the task pane, then "Board memo" chosen in the templates gallery and inserted from it. Its
 * numbers are read from the grid's engine and its page setup from the exported .xlsx.
 */
import ExcelJS from "exceljs";
import type { Browser, FrameLocator, Page } from "playwright-core";
import type { WorkbenchCell } from "../../src/dev/workbench/testApi";
import { LAYOUT } from "../../src/templates/layout";
import type { TestServer } from "../../scripts/support/server";
import { saveScreenshot } from "../support/dev/workbench/screenshots";
import { openWorkbench } from "../support/dev/workbench/workbench";

const SOURCE = "Rent vs Build";
const MEMO = "Board memo";

let server: TestServer;
let browser: Browser;
let page: Page;
let pane: FrameLocator;

const cell = (sheet: string, address: string): Promise<WorkbenchCell> =>
  page.evaluate(([s, a]) => window.capplanWorkbench.getCell(s, a), [sheet, address] as const);

beforeAll(async () => {
  ({ server, browser, page } = await openWorkbench());
  pane = page.frameLocator("#wb-pane");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("a Board memo of the xAI sheet shows its numbers and prints on one landscape page", async () => {
  // Given the xAI Rent vs Build sheet inserted from the task pane
  await pane.getByRole("option", { name: /xAI Memphis 2024/ }).click();
  await pane.getByRole("button", { name: "Insert template" }).click();
  await pane
    .getByText(/Inserted the sheet/)
    .first()
    .waitFor({ state: "visible", timeout: 30000 });
  await page.evaluate(() => window.capplanWorkbench.resetStats());

  // When the Board memo is inserted from it
  const gallery = pane.getByRole("region", { name: "Insert template" });
  await gallery.getByRole("radio", { name: /Board memo/ }).check();
  await gallery.getByRole("button", { name: "Insert template" }).click();
  const said = gallery.getByText(`Inserted the sheet '${MEMO}'`);
  await said.first().waitFor({ state: "visible", timeout: 30000 });

  // Then it is the active sheet, made in 3 syncs, with no warning (the workbench has ExcelApi 1.12)
  await expect(gallery.locator(".ms-MessageBar--success").count()).resolves.toBe(1);
  expect(await page.evaluate(() => window.capplanWorkbench.activeSheet())).toBe(MEMO);
  expect((await page.evaluate(() => window.capplanWorkbench.stats())).syncCount).toBe(3);
  // And the decision and the numbers are the source sheet's
  const verdict = await cell(SOURCE, `C${LAYOUT.verdict}`);
  expect((await cell(MEMO, "A8")).value).toBe(verdict.value);
  const diff = (await cell(SOURCE, `C${LAYOUT.results.differenceWithDelay}`)).value;
  expect((await cell(MEMO, "B7")).value).toBe(Number(diff) < 0 ? "Build" : "Rent");
  expect((await cell(MEMO, "B14")).value).toBe(
    (await cell(SOURCE, `C${LAYOUT.results.npvBuild}`)).value
  );
  // And its chart is drawn
  const charts = await page.evaluate(() => window.capplanWorkbench.charts("Board memo"));
  expect(charts.map((c) => c.type)).toEqual(["Line"]);
  // (npm run screenshots writes it to docs/screenshots/board-memo.png)
  await saveScreenshot(page, "board-memo");

  // And the exported file prints it landscape, on 1 page wide by 1 tall
  const bytes = await page.evaluate(async () =>
    Array.from(await window.capplanWorkbench.exportXlsx())
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(bytes).buffer);
  expect(book.getWorksheet(MEMO)?.pageSetup).toMatchObject({
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
  });
});

/**
 * Run risk analysis end to end: the built workbench in Chromium (a formula engine behind the grid), a
 * template inserted from the task pane, its seed typed into the grid, and the sidebar's button clicked.
 */
import type { Browser, FrameLocator, Page } from "playwright-core";
import { LAYOUT } from "../../src/templates/layout";
import type { WorkbenchCell } from "../../src/dev/workbench/testApi";
import type { TestServer } from "../../scripts/support/server";
import { openWorkbench } from "../support/dev/workbench/workbench";

const SHEET = "Rent vs Build";

let server: TestServer;
let browser: Browser;
let page: Page;
let pane: FrameLocator;

const cell = (address: string): Promise<WorkbenchCell> =>
  page.evaluate(([s, a]) => window.capplanWorkbench.getCell(s, a), [SHEET, address] as const);

/** Types into the grid the way a user does: Name Box to go to the cell, Formula Bar to enter it. */
async function typeInto(address: string, text: string): Promise<void> {
  const nameBox = page.getByRole("textbox", { name: "Name Box" });
  await nameBox.fill(address);
  await nameBox.press("Enter");
  const bar = page.getByRole("textbox", { name: "Formula Bar" });
  await bar.fill(text);
  await bar.press("Enter");
}

beforeAll(async () => {
  ({ server, browser, page } = await openWorkbench());
  pane = page.frameLocator("#wb-pane");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("Run risk analysis re-runs with the seed typed into the sheet, with progress, in 2 syncs", async () => {
  // Given an inserted xAI template whose seed the user changed to 42
  await pane.getByRole("option", { name: /xAI Memphis 2024/ }).click();
  await pane.getByRole("button", { name: "Insert template" }).click();
  await pane
    .getByText(/Inserted the sheet/)
    .first()
    .waitFor({ state: "visible", timeout: 30000 });
  expect((await cell(`C${LAYOUT.riskStamp.seedUsed}`)).value).toBe(1);
  await typeInto(`C${LAYOUT.riskSettings.seed}`, "42");
  expect((await cell(`C${LAYOUT.riskSettings.seed}`)).value).toBe(42);
  expect(String((await cell(`C${LAYOUT.riskStamp.status}`)).value)).toMatch(/^Inputs changed/);
  await page.evaluate(() => window.capplanWorkbench.resetStats());

  // When the user clicks Run risk analysis
  const risk = pane.getByRole("region", { name: "Risk analysis" });
  await risk.getByRole("button", { name: "Run risk analysis" }).click();

  // Then the progress finishes, the result is said, and the stamp carries the new seed
  await risk
    .getByText(/^Ran the risk analysis on 'Rent vs Build'/)
    .waitFor({ state: "visible", timeout: 60000 });
  await risk.locator(".cp-progress-block").waitFor({ state: "hidden" });
  expect(await risk.locator("progress").getAttribute("aria-valuetext")).toBe("Done (100%)");
  expect(await risk.getByRole("status").first().textContent()).toMatch(
    /^10,000 trials, seed 42: P50 of the difference incl\. cost of delay -?\d+\.\d\d bn USD; building wins in [\d.]+ % of trials$/
  );
  expect((await cell(`C${LAYOUT.riskStamp.seedUsed}`)).value).toBe(42);
  expect(String((await cell(`C${LAYOUT.riskStamp.status}`)).value)).toMatch(/^Up to date/);
  const stats = await page.evaluate(() => window.capplanWorkbench.stats());
  expect(stats.syncCount).toBe(2);
});

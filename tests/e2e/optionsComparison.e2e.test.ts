/**
 * The templates gallery and the Options comparison sheet end to end (issue 11): the built workbench in
 * Chromium, Options comparison chosen in the task pane's gallery with the keyboard, inserted for the xAI
 * model; the six routes, their ranking, the best route in words and both charts (clustered bars, and the
 * waterfall drawn as stacked columns on an invisible base) appear in the workbench. Saves the README's
 * screenshots docs/screenshots/templates-gallery.png and docs/screenshots/options-comparison.png.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { OPTION_LABELS } from "../../src/model/options";
import { OPTIONS_LAYOUT as L } from "../../src/templates/optionsComparison";
import type { WorkbenchCell } from "../../src/dev/workbench/testApi";
import type { TestServer } from "../../scripts/support/server";
import { REPO_ROOT } from "../support/dist";
import { openWorkbench } from "../support/dev/workbench/workbench";

const SHEET = "Options comparison";
const SHOTS = path.join(REPO_ROOT, "docs", "screenshots");

let server: TestServer;
let browser: Browser;
let page: Page;
let pane: FrameLocator;

const cell = (address: string): Promise<WorkbenchCell> =>
  page.evaluate(([s, a]) => window.capplanWorkbench.getCell(s, a), [SHEET, address] as const);

async function shot(name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

beforeAll(async () => {
  ({ server, browser, page } = await openWorkbench());
  pane = page.frameLocator("#wb-pane");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("chooses Options comparison in the gallery and inserts the six routes, ranked and charted", async () => {
  // Given the xAI model selected and the gallery's radio group
  await pane.getByRole("option", { name: /xAI Memphis 2024/ }).click();
  const insert = pane.getByRole("region", { name: "Insert template" });
  const gallery = insert.getByRole("group", { name: "Templates" });
  const rentVsBuild = gallery.getByRole("radio", { name: "Rent vs Build" });
  const options = gallery.getByRole("radio", { name: "Options comparison" });
  expect(await rentVsBuild.isChecked()).toBe(true);

  // When the user moves the choice with the arrow key and clicks Insert template
  await rentVsBuild.focus();
  await rentVsBuild.press("ArrowDown");
  expect(await options.isChecked()).toBe(true);
  await insert.locator(".cp-template-choice.is-selected").scrollIntoViewIfNeeded();
  await shot("templates-gallery");
  await page.evaluate(() => window.capplanWorkbench.resetStats());
  await insert.getByRole("button", { name: "Insert template" }).click();
  await insert
    .getByText(/^Inserted the sheet 'Options comparison'/)
    .waitFor({ state: "visible", timeout: 30000 });

  // Then the sheet is active, inserted in 3 round trips
  expect(await page.evaluate(() => window.capplanWorkbench.activeSheet())).toBe(SHEET);
  expect((await page.evaluate(() => window.capplanWorkbench.stats())).syncCount).toBe(3);
  // And the six routes sit side by side with numbers from the spill and a rank 1..6 each
  const ranks: unknown[] = [];
  for (const [k, label] of OPTION_LABELS.entries()) {
    const row = L.firstRoute + k;
    expect((await cell(`A${row}`)).value).toBe(label);
    expect(typeof (await cell(`B${row}`)).value).toBe("number");
    ranks.push((await cell(`G${row}`)).value);
  }
  expect([...ranks].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  // And the best route is named in words, with the waterfall's check at 0
  const best = (await cell(`C${L.best}`)).value;
  expect(OPTION_LABELS).toContain(best);
  expect(String((await cell(`C${L.verdict}`)).value)).toMatch(
    /^Best: .+ USD below the second best, /
  );
  expect(Math.abs((await cell(`F${L.check}`)).value as number)).toBeLessThan(0.005);
  // And both charts are there, the waterfall drawn as stacked columns without its base series
  const charts = await page.evaluate((s) => window.capplanWorkbench.charts(s), SHEET);
  expect(charts.map((c) => c.type)).toEqual(["BarClustered", "ColumnStacked"]);
  const svg = page.locator("svg.wb-chart").nth(1);
  await svg.scrollIntoViewIfNeeded();
  expect(await svg.locator('rect[data-series="Base"]').count()).toBe(0);
  expect(await svg.locator("rect[data-series]").count()).toBeGreaterThan(2);

  // Go to the routes, the table and both charts, as a reader would, on a wide screen for the screenshot.
  await page.setViewportSize({ width: 2300, height: 1250 });
  const nameBox = page.getByRole("textbox", { name: "Name Box" });
  await nameBox.fill(`A${L.spillSection}`);
  await nameBox.press("Enter");
  await page.locator(`td[data-address="A${L.spillSection}"]`).scrollIntoViewIfNeeded();
  await page
    .locator(`td[data-address="A${L.spillSection}"]`)
    .evaluate((td) => td.scrollIntoView({ block: "start", inline: "start" }));
  await shot("options-comparison");
});

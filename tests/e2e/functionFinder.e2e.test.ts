/**
 * The function finder end to end, as a user: in the built workbench (HyperFormula behind the grid, the real
 * task pane beside it), type "rent" into Find a function, choose RENTVSBUILD, pick a GPU from the list, fill
 * count and years, select an empty cell, Insert function, and see the result spill in the grid. axe-core finds
 * no serious or critical violation in the filled panel; its screenshot is function-finder.png (docs/screenshots
 * with npm run screenshots, which the README shows).
 */
import type { Browser, FrameLocator, Page } from "playwright-core";
import type { WorkbenchCell } from "../../src/dev/workbench/testApi";
import type { TestServer } from "../../scripts/support/server";
import { openWorkbench } from "../support/dev/workbench/workbench";
import { saveScreenshot } from "../support/dev/workbench/screenshots";
import { seriousViolations } from "../support/dev/workbench/axe";

const SHEET = "Sheet1";

let server: TestServer;
let browser: Browser;
let page: Page;
let pane: FrameLocator;

const cell = (address: string): Promise<WorkbenchCell> =>
  page.evaluate(([s, a]) => window.capplanWorkbench.getCell(s, a), [SHEET, address] as const);

beforeAll(async () => {
  ({ server, browser, page } = await openWorkbench());
  pane = page.frameLocator("#wb-pane");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("finds RENTVSBUILD by typing rent, inserts it with a picked GPU in 1 sync, and the grid shows the spill", async () => {
  const finder = pane.getByRole("region", { name: "Insert a function" });
  // Given the user types "rent" into Find a function and chooses RENTVSBUILD from the list
  await finder.getByLabel("Find a function").fill("rent");
  const option = finder.getByRole("option", { name: /^CAPPLAN\.RENTVSBUILD\b/ });
  await option.waitFor({ state: "visible", timeout: 30000 });
  await option.click();
  expect(await option.getAttribute("aria-selected")).toBe("true");
  // And picks a GPU from the list and fills count and years
  await finder.getByLabel("gpu", { exact: true }).selectOption("h100-sxm");
  await finder.getByLabel("count", { exact: true }).fill("1000");
  await finder.getByLabel("years", { exact: true }).fill("5");
  await finder.locator(".cp-preview-table").waitFor({ state: "visible" });
  expect(await finder.locator(".cp-formula").textContent()).toBe(
    '=CAPPLAN.RENTVSBUILD("h100-sxm",1000,5)'
  );
  // And selects the empty cell B3 in the grid
  expect((await cell("B3")).value).toBeNull();
  const nameBox = page.getByRole("textbox", { name: "Name Box" });
  await nameBox.fill("B3");
  await nameBox.press("Enter");
  await page.evaluate(() => window.capplanWorkbench.resetStats());

  // When Insert function is clicked
  await finder.getByRole("button", { name: "Insert function" }).click();
  await finder.getByText("Inserted the function into Sheet1!B3").waitFor({ state: "visible" });

  // Then B3 holds the formula, written in one round trip
  expect((await cell("B3")).formula).toBe('=CAPPLAN.RENTVSBUILD("h100-sxm",1000,5)');
  expect((await page.evaluate(() => window.capplanWorkbench.stats())).syncCount).toBe(1);
  // And the grid shows the spill: the same rows the implementation Excel calls returns, label and value
  const expected = await page.evaluate(() => {
    const paneWindow = window.capplanWorkbench.pane as unknown as Record<symbol, unknown> | null;
    const table = paneWindow?.[Symbol.for("capacity-planner.function-implementations")] as
      Map<string, (...args: unknown[]) => unknown> | undefined;
    const rentVsBuild = table?.get("RENTVSBUILD");
    return rentVsBuild === undefined
      ? null
      : (rentVsBuild("h100-sxm", 1000, 5, null, null, null, null, null, null) as unknown[][]);
  });
  expect(expected).not.toBeNull();
  const rows = expected ?? [];
  expect(rows.length).toBeGreaterThan(1);
  for (const [i, row] of rows.entries()) {
    expect((await cell(`B${3 + i}`)).value).toBe(row[0]);
    const value = (await cell(`C${3 + i}`)).value;
    if (typeof row[1] === "number") expect(value).toBeCloseTo(row[1], 6);
    else expect(value).toBe(row[1]);
  }
  // And the preview showed as many rows as the grid spilled
  expect(await finder.locator(".cp-preview-table tbody tr").count()).toBe(
    Math.min(rows.length, 30)
  );

  // The panel, for the README: a viewport tall enough that the pane shows the whole panel at once
  await page.setViewportSize({ width: 1280, height: 2400 });
  // The pane's header stays on top while it scrolls: scroll the panel's heading to just below it.
  await finder.evaluate((section) => {
    section.scrollIntoView({ block: "start" });
    const header = section.ownerDocument.querySelector(".cp-header");
    section.ownerDocument.defaultView?.scrollBy(
      0,
      -(header?.getBoundingClientRect().height ?? 0) - 8
    );
  });
  await saveScreenshot(finder, "function-finder");

  // And the filled panel passes axe-core (WCAG 2.1 A/AA and best practices: no serious or critical violation)
  expect(await seriousViolations(page, "Insert a function")).toEqual([]);
});

test("the panel with a function chosen has no serious or critical axe-core violation in the dark theme", async () => {
  // Given the workbench in Office's dark theme, and RENTVSBUILD chosen with a GPU picked and a bad count
  const dark = await openWorkbench("?theme=dark");
  try {
    const finder = dark.page
      .frameLocator("#wb-pane")
      .getByRole("region", { name: "Insert a function" });
    await finder.getByLabel("Find a function").fill("rentvsbuild");
    await finder.getByRole("option", { name: /^CAPPLAN\.RENTVSBUILD\b/ }).click();
    await finder.getByLabel("gpu", { exact: true }).selectOption("h100-sxm");
    await finder.getByLabel("count", { exact: true }).fill("=1+1");
    await finder.locator(".cp-problem:not([hidden])").waitFor({ state: "visible" });
    expect(await dark.page.frameLocator("#wb-pane").locator(".cp-app.cp-theme-dark").count()).toBe(
      1
    );
    // Then axe-core finds nothing serious in the panel (contrast of the error text included)
    expect(await seriousViolations(dark.page, "Insert a function")).toEqual([]);
  } finally {
    await dark.browser.close();
    await dark.server.close();
  }
});

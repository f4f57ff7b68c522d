/**
 * Trace to source end to end: the built workbench in Chromium, the xAI template inserted from the task
 * pane, an input selected in the grid through the Name Box and traced to its library source, then a
 * result followed by selection and its precedents selected. Saves docs/screenshots/trace-to-source.png.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { VALIDATED_BUNDLED_LIBRARY } from "../../src/model/library/validatedBundledLibrary";
import { REPO_ROOT } from "../support/dist";
import type { TestServer } from "../../scripts/support/server";
import { openWorkbench } from "../support/dev/workbench/workbench";

const SCREENSHOT = path.join(REPO_ROOT, "docs", "screenshots", "trace-to-source.png");

let server: TestServer;
let browser: Browser;
let page: Page;
let pane: FrameLocator;

/** Goes to a cell or name the way a user does: the Name Box, then Enter. */
async function goTo(target: string): Promise<void> {
  const nameBox = page.getByRole("textbox", { name: "Name Box" });
  await nameBox.fill(target);
  await nameBox.press("Enter");
}

/** The Trace panel's value for a term ("Source", "Row", ...). */
async function fact(term: string): Promise<string> {
  const trace = pane.getByRole("region", { name: "Trace to source" });
  return (
    (await trace
      .locator("dt", { hasText: new RegExp(`^${term}$`) })
      .locator("xpath=following-sibling::dd[1]")
      .textContent()) ?? ""
  );
}

beforeAll(async () => {
  ({ server, browser, page } = await openWorkbench());
  pane = page.frameLocator("#wb-pane");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("traces an input to its library source and selects a result's precedents", async () => {
  // Given an inserted xAI template
  await pane.getByRole("option", { name: /xAI Memphis 2024/ }).click();
  await pane.getByRole("button", { name: "Insert template" }).click();
  await pane
    .getByText(/Inserted the sheet/)
    .first()
    .waitFor({ state: "visible", timeout: 30000 });
  const trace = pane.getByRole("region", { name: "Trace to source" });

  // When the user goes to the system price per GPU in the grid and traces it
  await goTo("CP_SystemPricePerGpu");
  await page.evaluate(() => window.capplanWorkbench.resetStats());
  await trace.getByRole("button", { name: "Trace selected cell" }).click();
  await trace.getByText("Library entry").waitFor({ state: "visible", timeout: 30000 });

  // Then the panel shows the H100 entry's source and as-of date, in 1 sync
  const q = VALIDATED_BUNDLED_LIBRARY.gpus["h100-sxm"]?.systemPricePerGpu;
  expect(q).toBeDefined();
  expect(await fact("Library entry")).toBe("gpus.h100-sxm.systemPricePerGpu");
  expect(await fact("Source")).toBe(q?.source);
  expect(await fact("As of")).toBe(q?.asOf);
  expect(await fact("Your value")).toMatch(/^Not overridden/);
  expect((await page.evaluate(() => window.capplanWorkbench.stats())).syncCount).toBe(1);
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await trace.screenshot({ path: SCREENSHOT });

  // When the user goes to the difference, build minus rent (the panel follows the selection)
  await goTo("CP_Difference");
  await trace
    .getByText("NPV of building − NPV of renting")
    .waitFor({ state: "visible", timeout: 30000 });
  expect(await fact("Row")).toBe("Difference, build minus rent");

  // And clicks Select precedents
  await trace.getByRole("button", { name: /^Select precedents/ }).click();

  // Then the grid's selection moves to the NPV of building (the workbench's Excel, ExcelApi 1.12,
  // selects one range at a time: the panel names the other)
  await trace.getByText(/^Selected C\d+\./).waitFor({ state: "visible", timeout: 30000 });
  await page.waitForFunction(
    () =>
      (document.getElementById("wb-namebox") as HTMLInputElement | null)?.value === "CP_NpvBuild",
    undefined,
    { timeout: 30000 }
  );
  expect(await trace.getByText(/^Selected C\d+\./).textContent()).toMatch(
    /This Excel selects one range at a time; the others: C\d+\./
  );
});

/**
 * The change report end to end: the built workbench in Chromium (HyperFormula behind the grid), xAI's template
 * inserted from the task pane, a team library that changes the Tennessee power price and Oracle's rate loaded
 * from a URL, Check for updates, Apply: the "What changed" region lists both and the headline before / after,
 * the "after" being the sheet's CP_Difference as the workbench recalculated it. Then "Add as sheet".
 */
import type { Browser, FrameLocator, Page } from "playwright-core";
import { VALIDATED_BUNDLED_LIBRARY } from "../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../src/model/library/indexLibrary";
import { buildRentVsBuildTemplate } from "../../src/templates/rentVsBuild";
import type { WorkbenchCell } from "../../src/dev/workbench/testApi";
import type { TestServer } from "../../scripts/support/server";
import { openWorkbench } from "../support/dev/workbench/workbench";
import { saveScreenshot } from "../support/dev/workbench/screenshots";
import { seriousViolations } from "../support/dev/workbench/axe";

const SHEET = "Rent vs Build";
const spec = buildRentVsBuildTemplate(buildIndex(VALIDATED_BUNDLED_LIBRARY), "xai-memphis-2024", {
  sheetName: SHEET,
  nameSuffix: "",
});
const addressOf = (name: string): string => {
  const entry = spec.names.find((n) => n.name === name);
  if (!entry) throw new Error(`the template has no name ${name}`);
  return entry.address;
};

const { meta, regions, rentalOffers } = VALIDATED_BUNDLED_LIBRARY;
const tn = regions["us-tn"];
const oracle = rentalOffers["oracle-h100-on-demand"];

/** A team library that changes the Tennessee power price and Oracle's rate (sources and dates its own). */
function teamLibrary(): string {
  return JSON.stringify({
    meta: { ...meta, id: "team-e2e", name: "Team e2e library", version: "1.2.0" },
    regions: {
      "us-tn": {
        powerPrice: {
          value: 0.08,
          unit: tn.powerPrice.unit,
          source: "e2e team tariff",
          asOf: "2026-11",
        },
      },
    },
    rentalOffers: {
      "oracle-h100-on-demand": {
        rate: { value: 9, unit: oracle.rate.unit, source: "e2e Oracle quote", asOf: "2026-09" },
      },
    },
  });
}

let server: TestServer;
let browser: Browser;
let page: Page;
let pane: FrameLocator;

const cell = (sheet: string, address: string): Promise<WorkbenchCell> =>
  page.evaluate(([s, a]) => window.capplanWorkbench.getCell(s, a), [sheet, address] as const);

const numberAt = async (name: string): Promise<number> => {
  const { value } = await cell(SHEET, addressOf(name));
  if (typeof value !== "number") throw new Error(`${name} holds ${JSON.stringify(value)}`);
  return value;
};

beforeAll(async () => {
  ({ server, browser, page } = await openWorkbench());
  pane = page.frameLocator("#wb-pane");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("shows what changed after a refresh, with the headline as the sheet recalculates it", async () => {
  // Given xAI's template, and a team library that changes the power price and Oracle's rate
  await pane.getByRole("option", { name: /xAI Memphis 2024/ }).click();
  await pane.getByRole("button", { name: "Insert template" }).click();
  await pane
    .getByText(/Inserted the sheet/)
    .first()
    .waitFor({ state: "visible", timeout: 30000 });
  const differenceBefore = await numberAt("CP_Difference");
  server.publish("/libraries/team.json", teamLibrary());
  await pane
    .getByRole("textbox", { name: "Team library URL" })
    .fill(`${server.origin}/libraries/team.json`);
  await pane.getByRole("button", { name: "Load from URL" }).click();
  await pane
    .getByText(/Now using Team e2e library/)
    .first()
    .waitFor({ timeout: 30000 });

  // When the user checks for updates and applies them
  await pane.getByRole("button", { name: "Check for updates" }).click();
  await pane.getByRole("button", { name: /^Apply selected \(\d+\)$/ }).click();

  // Then "What changed" lists both assumptions with old and new value, source and as-of
  const report = pane.getByRole("region", { name: "What changed" });
  await report.waitFor({ state: "visible", timeout: 30000 });
  const row = async (key: string): Promise<string[]> => {
    const tr = report.locator(`tr[data-key="${key}"]`);
    const td = tr.locator("td");
    return [
      await td.nth(0).innerText(),
      await td.nth(1).locator(".cp-value").innerText(),
      await tr.locator("th .cp-outcome").innerText(),
      await td.nth(1).locator(".cp-source").innerText(),
      await td.nth(1).locator(".cp-asof").innerText(),
    ];
  };
  await expect(row("powerPrice")).resolves.toEqual([
    `${tn.powerPrice.value} USD per kWh`,
    "0.08 USD per kWh",
    "changed",
    "e2e team tariff",
    "2026-11",
  ]);
  await expect(row("rentRate")).resolves.toEqual([
    `${oracle.rate.value} USD per GPU-hour`,
    "9 USD per GPU-hour",
    "changed",
    "e2e Oracle quote",
    "2026-09",
  ]);
  // And the headline: before is what the sheet showed, after is the sheet's CP_Difference recalculated
  const headline = report.locator('[aria-label="Headline results"] td[data-key="difference"]');
  const values = (
    await headline.evaluateAll((tds) => tds.map((td) => td.getAttribute("data-value")))
  ).map(Number);
  const differenceAfter = await numberAt("CP_Difference");
  expect(differenceAfter).not.toBeCloseTo(differenceBefore, 0);
  expect(Math.abs(values[0] - differenceBefore)).toBeLessThan(0.005);
  expect(Math.abs(values[1] - differenceAfter)).toBeLessThan(0.005);
  expect(Math.abs(values[2] - (differenceAfter - differenceBefore))).toBeLessThan(0.005);
  await saveScreenshot(report, "change-report");

  // When the user adds it as a sheet
  await report.getByRole("button", { name: "Add as sheet" }).click();
  await report.getByText("Added the sheet 'What changed'.").waitFor({ timeout: 30000 });
  // Then the sheet holds the report as values
  const sheets = await page.evaluate(() => window.capplanWorkbench.sheets());
  expect(sheets).toContain("What changed");
  expect(await cell("What changed", "A1")).toMatchObject({ value: "What changed", formula: null });
});

test("the report has no serious or critical accessibility violations, light and dark", async () => {
  // Given the report on screen in the light theme (the test above)
  const report = pane.getByRole("region", { name: "What changed" });
  await report.waitFor({ state: "visible" });
  // Then axe-core finds nothing serious
  expect(await seriousViolations(page)).toEqual([]);

  // Given the same in the dark theme
  const dark = await openWorkbench("?theme=dark");
  try {
    dark.server.publish("/libraries/team.json", teamLibrary());
    const darkPane = dark.page.frameLocator("#wb-pane");
    await darkPane.getByRole("option", { name: /xAI Memphis 2024/ }).click();
    await darkPane.getByRole("button", { name: "Insert template" }).click();
    await darkPane
      .getByText(/Inserted the sheet/)
      .first()
      .waitFor({ timeout: 30000 });
    await darkPane
      .getByRole("textbox", { name: "Team library URL" })
      .fill(`${dark.server.origin}/libraries/team.json`);
    await darkPane.getByRole("button", { name: "Load from URL" }).click();
    await darkPane
      .getByText(/Now using Team e2e library/)
      .first()
      .waitFor({ timeout: 30000 });
    await darkPane.getByRole("button", { name: "Check for updates" }).click();
    await darkPane.getByRole("button", { name: /^Apply selected \(\d+\)$/ }).click();
    await darkPane.getByRole("region", { name: "What changed" }).waitFor({ timeout: 30000 });
    // Then axe-core finds nothing serious there either (contrast included)
    expect(await seriousViolations(dark.page)).toEqual([]);
  } finally {
    await dark.browser.close();
    await dark.server.close();
  }
});

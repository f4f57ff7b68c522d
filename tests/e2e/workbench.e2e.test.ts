/**
 * The add-in end to end without Excel: the built workbench in Chromium (support/chromium.ts says which one),
 * CAPPLAN formulas typed into the grid, and the real task pane driven by its accessible names, as a user would.
 */
import ExcelJS from "exceljs";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { compareOptions } from "../../src/model/finance";
import { VALIDATED_BUNDLED_LIBRARY } from "../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../src/model/library/indexLibrary";
import { resolveScenarioInputs } from "../../src/model/resolve";
import { buildRentVsBuildTemplate } from "../../src/templates/rentVsBuild";
import { LAYOUT } from "../../src/templates/layout";
import type { WorkbenchCell } from "../../src/dev/workbench/testApi";
import { screenshot } from "../../scripts/support/browser";
import type { TestServer } from "../../scripts/support/server";
import { openWorkbench } from "../support/dev/workbench/workbench";

const SHEET = "Rent vs Build";
const SCENARIO = "xai-memphis-2024";
const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
const spec = buildRentVsBuildTemplate(index, SCENARIO, { sheetName: SHEET, nameSuffix: "" });
const addressOf = (name: string): string => {
  const entry = spec.names.find((n) => n.name === name);
  if (!entry) throw new Error(`the template has no name ${name}`);
  return entry.address;
};
const resultAddress = (id: string): string => addressOf(spec.resultNames[id]);

let server: TestServer;
let browser: Browser;
let page: Page;
let pane: FrameLocator;

const cell = (sheet: string, address: string): Promise<WorkbenchCell> =>
  page.evaluate(([s, a]) => window.capplanWorkbench.getCell(s, a), [sheet, address] as const);
const numberAt = async (sheet: string, address: string): Promise<number> => {
  const { value } = await cell(sheet, address);
  if (typeof value !== "number")
    throw new Error(`${sheet}!${address} holds ${JSON.stringify(value)}, not a number`);
  return value;
};
const expectClose = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    Math.max(0.01, Math.abs(expected) * 1e-9)
  );

/** Types into the grid the way a user does: Name Box to go to the cell, Formula Bar to enter it. */
async function typeInto(address: string, text: string): Promise<void> {
  const nameBox = page.getByRole("textbox", { name: "Name Box" });
  await nameBox.fill(address);
  await nameBox.press("Enter");
  const bar = page.getByRole("textbox", { name: "Formula Bar" });
  await bar.fill(text);
  await bar.press("Enter");
}

async function waitForMessage(pattern: RegExp): Promise<void> {
  await pane.getByText(pattern).first().waitFor({ state: "visible", timeout: 30000 });
}

beforeAll(async () => {
  ({ server, browser, page } = await openWorkbench());
  pane = page.frameLocator("#wb-pane");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("CAPPLAN formulas in the grid", () => {
  test("shows the cluster cost of =CAPPLAN.GPUCOST", async () => {
    // Given a blank sheet
    // When the user types =CAPPLAN.GPUCOST("H100",1000)
    await typeInto("A1", '=CAPPLAN.GPUCOST("H100",1000)');
    const h100 = VALIDATED_BUNDLED_LIBRARY.gpus["h100-sxm"];
    const expected =
      (h100.systemPricePerGpu.value * 1000) /
      (1 - VALIDATED_BUNDLED_LIBRARY.operations.networkShareOfClusterCost.value);
    // Then the cell shows the cluster cost
    expectClose(await numberAt("Sheet1", "A1"), expected);
    expect((await cell("Sheet1", "A1")).formula).toBe('=CAPPLAN.GPUCOST("H100",1000)');
  });

  test("suggests the nearest names for an unknown GPU", async () => {
    // Given an unknown GPU
    await typeInto("A2", '=CAPPLAN.GPUCOST("H10O",1)');
    const result = await cell("Sheet1", "A2");
    // Then the cell shows #N/A and its message suggests the nearest names
    expect(result.error?.code).toBe("#N/A");
    expect(result.error?.message).toMatch(/Unknown GPU "H10O".*Did you mean/);
    expect(result.text).toBe("#N/A");
    // Hovering the cell shows the function's message, as Excel does for custom-function errors.
    await page.locator('td[data-address="A2"]').hover();
    const tooltip = page.getByRole("tooltip");
    await tooltip.waitFor({ state: "visible" });
    expect(await tooltip.textContent()).toMatch(/Unknown GPU "H10O"/);
  });

  test("names the bundled library", async () => {
    // Given =CAPPLAN.LIBRARY()
    await typeInto("A3", "=CAPPLAN.LIBRARY()");
    // Then it names the bundled library
    expect((await cell("Sheet1", "A3")).value).toBe(
      `${VALIDATED_BUNDLED_LIBRARY.meta.name} ${VALIDATED_BUNDLED_LIBRARY.meta.version}`
    );
  });
});

describe("the rent-vs-build template from the task pane", () => {
  const core = resolveScenarioInputs(index, SCENARIO);

  test("inserts a template whose results match the core", async () => {
    // Given the xAI scenario
    // When the user selects it and clicks Insert template
    await pane.getByRole("option", { name: /xAI Memphis 2024/ }).click();
    await pane.getByRole("button", { name: "Insert template" }).click();
    await waitForMessage(/Inserted|inserted/);
    // Then the sheet's results match the core
    expect(await page.evaluate(() => window.capplanWorkbench.sheets())).toContain(SHEET);
    expect(await page.evaluate(() => window.capplanWorkbench.activeSheet())).toBe(SHEET);

    const expected = compareOptions(core.build, core.rent, core.compare);
    expectClose(await numberAt(SHEET, resultAddress("npvBuild")), expected.npvBuild);
    expectClose(await numberAt(SHEET, resultAddress("npvRent")), expected.npvRent);
    expectClose(await numberAt(SHEET, resultAddress("difference")), expected.difference);
    expectClose(await numberAt(SHEET, resultAddress("costOfDelay")), expected.costOfDelay);
    expect(await numberAt(SHEET, resultAddress("breakevenMonth"))).toBe(expected.breakevenMonth);
    // The cumulative-cost chart and the risk section's tornado, histogram and S-curve
    expect(await page.evaluate(() => window.capplanWorkbench.charts("Rent vs Build").length)).toBe(
      1 + spec.riskCharts.length
    );
    // And the risk section's values agree with the sheet's own formulas at the typical inputs
    expect((await cell(SHEET, `C${LAYOUT.riskStamp.status}`)).value).toMatch(/^Up to date: /);
    await screenshot(page, "workbench-after-insert");
    // Go to the results and the chart, as a reader of the sheet would, for the second screenshot.
    const nameBox = page.getByRole("textbox", { name: "Name Box" });
    await nameBox.fill(resultAddress("npvBuild"));
    await nameBox.press("Enter");
    await page.locator(`td[data-address="A60"]`).scrollIntoViewIfNeeded();
    await screenshot(page, "workbench-results");
  });

  test("recalculates when an input changes", async () => {
    // Given the inserted template
    const rateAddress = addressOf("CP_RentRate");
    await page.evaluate((s) => window.capplanWorkbench.activateSheet(s), SHEET);
    // When the user doubles the rental rate input
    await typeInto(rateAddress, String(core.rent.ratePerGpuHour * 2));
    const expected = compareOptions(
      core.build,
      { ...core.rent, ratePerGpuHour: core.rent.ratePerGpuHour * 2 },
      core.compare
    );
    // Then the results recalculate
    expectClose(await numberAt(SHEET, resultAddress("npvRent")), expected.npvRent);
    expectClose(await numberAt(SHEET, resultAddress("difference")), expected.difference);
  });

  test("refreshes from a team library, keeps the edit and undoes", async () => {
    // Given a changed team library
    const tn = VALIDATED_BUNDLED_LIBRARY.regions["us-tn"];
    const newPowerPrice = tn.powerPrice.value + 0.01;
    server.publish(
      "/libraries/team.json",
      JSON.stringify({
        meta: {
          ...VALIDATED_BUNDLED_LIBRARY.meta,
          id: "team-e2e",
          name: "Team e2e library",
          version: "1.1.0",
        },
        regions: {
          "us-tn": {
            powerPrice: {
              ...tn.powerPrice,
              value: newPowerPrice,
              source: "e2e team tariff",
              low: undefined,
              high: undefined,
            },
          },
        },
      })
    );
    const editedRate = core.rent.ratePerGpuHour * 2;
    // When loaded and refreshed
    await pane
      .getByRole("textbox", { name: "Team library URL" })
      .fill(`${server.origin}/libraries/team.json`);
    await pane.getByRole("button", { name: "Load from URL" }).click();
    await waitForMessage(/Team e2e library/);
    // Then library values apply, the user's edit is kept, and undo restores
    // The sidebar asks for a full recalculation, so CAPPLAN cells typed earlier use the new library at once.
    expect((await cell("Sheet1", "A3")).value).toBe("Team e2e library 1.1.0");

    await pane.getByRole("button", { name: "Check for updates" }).click();
    const override = pane.getByRole("checkbox", { name: /your edit/ });
    await override.waitFor({ state: "visible" });
    expect(await override.isChecked()).toBe(false);
    expect(await pane.getByRole("checkbox", { name: /Power price/ }).isChecked()).toBe(true);
    await pane.getByRole("button", { name: /Apply selected/ }).click();
    await waitForMessage(/Kept/);

    const powerAddress = addressOf("CP_PowerPrice");
    expect(await numberAt(SHEET, powerAddress)).toBeCloseTo(newPowerPrice, 12);
    expect(await numberAt(SHEET, addressOf("CP_RentRate"))).toBeCloseTo(editedRate, 12);
    const expected = compareOptions(
      { ...core.build, powerPricePerKwh: newPowerPrice },
      { ...core.rent, ratePerGpuHour: editedRate },
      core.compare
    );
    expectClose(await numberAt(SHEET, resultAddress("npvBuild")), expected.npvBuild);
    await screenshot(page, "workbench-after-refresh");

    await pane.getByRole("button", { name: "Undo last refresh" }).click();
    await waitForMessage(/Undo|restored|Restored/);
    expect(await numberAt(SHEET, powerAddress)).toBeCloseTo(tn.powerPrice.value, 12);
    expect(await numberAt(SHEET, addressOf("CP_RentRate"))).toBeCloseTo(editedRate, 12);
  });

  test("shows a malformed library's error and changes nothing", async () => {
    // Given a malformed library
    await page.getByRole("tab", { name: "Sheet1" }).click();
    await typeInto("B1", "=CAPPLAN.LIBRARY()");
    const before = await page.evaluate((s) => {
      const api = window.capplanWorkbench;
      return {
        library: api.getCell("Sheet1", "B1").value,
        sheets: api.sheets(),
        power: api.getCell(s, "A1").value,
      };
    }, SHEET);
    server.publish("/libraries/broken.json", '{ "meta": { "id": "broken", ');
    // When loaded
    await pane
      .getByRole("textbox", { name: "Team library URL" })
      .fill(`${server.origin}/libraries/broken.json`);
    await pane.getByRole("button", { name: "Load from URL" }).click();
    await waitForMessage(/malformed JSON/i);
    const after = await page.evaluate((s) => {
      const api = window.capplanWorkbench;
      return {
        library: api.getCell("Sheet1", "B1").value,
        sheets: api.sheets(),
        power: api.getCell(s, "A1").value,
      };
    }, SHEET);
    // Then its error is shown and nothing changes
    expect(after).toEqual(before);
    expect(String(after.library)).toContain("Team e2e library 1.1.0");
  });

  test("exports sheets with values and formulas", async () => {
    // Given the workbook
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export .xlsx" }).click(),
    ]);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    // When exported
    await workbook.xlsx.readFile(file);
    const sheet1 = workbook.getWorksheet("Sheet1");
    const template = workbook.getWorksheet(SHEET);
    // Then the .xlsx holds the sheets with values and formulas
    expect(sheet1 && template).toBeTruthy();
    const a1 = sheet1?.getCell("A1").value as { formula?: string; result?: unknown } | null;
    // As Excel stores a JavaScript custom function in a file (src/dev/workbench/README.md).
    expect(a1?.formula).toBe('_xldudf_CAPPLAN_GPUCOST("H100",1000)');
    expect(typeof a1?.result).toBe("number");
    const npv = template?.getCell(resultAddress("npvBuild")).value as {
      formula?: string;
      result?: unknown;
    } | null;
    expect(npv?.formula).toMatch(/NPV\(CP_DiscountRate/);
    expect(typeof npv?.result).toBe("number");
  });

  test("exports CAPPLAN cells as values with a note", async () => {
    // Given the workbook
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export values .xlsx" }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    // When exported as values
    await workbook.xlsx.readFile(await download.path());
    const a1 = workbook.getWorksheet("Sheet1")?.getCell("A1");
    // Then CAPPLAN cells hold their values with a note
    expect(typeof a1?.value).toBe("number");
    expect(JSON.stringify(a1?.note)).toContain("CAPPLAN.GPUCOST");
    const npv = workbook.getWorksheet(SHEET)?.getCell(resultAddress("npvBuild")).value as {
      formula?: string;
    } | null;
    expect(npv?.formula).toMatch(/NPV\(CP_DiscountRate/);
  });

  test("brings the workbook back after a reload", async () => {
    // Given a saved workbook
    // When the page is reloaded
    const rateBefore = await numberAt(SHEET, addressOf("CP_RentRate"));
    await page.getByRole("button", { name: "Save" }).click();
    await page.reload();
    await page.evaluate(() => window.capplanWorkbench.ready);
    // Then the sheets, inputs and formulas come back
    expect(await page.evaluate(() => window.capplanWorkbench.sheets())).toEqual(
      expect.arrayContaining(["Sheet1", SHEET])
    );
    expect(await numberAt(SHEET, addressOf("CP_RentRate"))).toBe(rateBefore);
    expect((await cell("Sheet1", "A1")).formula).toBe('=CAPPLAN.GPUCOST("H100",1000)');
    expect(typeof (await cell(SHEET, resultAddress("npvBuild"))).value).toBe("number");
  });
});

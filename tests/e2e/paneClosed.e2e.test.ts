/**
 * The shared runtime as Excel starts it with a workbook while the task pane stays closed
 * (workbench.html?pane=closed: the Office shim and the built functions.js, no taskpane.js). The workbook's
 * template was inserted from the team library; the CAPPLAN cells must show the team's numbers when the
 * library's saved copy is there, and say the library is missing when it is not: never bundled numbers.
 */
import type { Browser, Page } from "playwright-core";
import { VALIDATED_BUNDLED_LIBRARY } from "../../src/model/library/validatedBundledLibrary";
import { CACHE_KEY, writeCachedLibrary } from "../../src/shared-state/libraryCache";
import { validateTeamLibraryText } from "../../src/model/library/teamLibrary";
import { MemoryStorage } from "../support/taskpane/harness";
import { teamLibraryText } from "../support/taskpane/libraries";
import { screenshot } from "../../scripts/support/browser";
import type { TestServer } from "../../scripts/support/server";
import { openWorkbench } from "../support/dev/workbench/workbench";

/** The template registry as the pane writes it after inserting a sheet from acme-team 2.0.0. */
const REGISTRY = {
  version: 1,
  sheets: {
    "{sheet-1}": {
      sheetName: "Rent vs Build",
      nameSuffix: "",
      libraryId: "acme-team",
      libraryVersion: "2.0.0",
      scenarioId: "acme-site",
      insertedAt: "2026-11-30T08:00:00.000Z",
      assumptions: {},
    },
  },
};

/** What the pane saves after loading the team library (the same code writes it). */
function savedTeamLibrary(): string {
  const result = validateTeamLibraryText(teamLibraryText(), VALIDATED_BUNDLED_LIBRARY);
  if (!result.ok) throw new Error("invalid test library");
  const storage = new MemoryStorage();
  writeCachedLibrary(storage, {
    text: teamLibraryText(),
    library: result.library,
    source: { kind: "url", url: "https://libraries.example.com/acme.json" },
    savedAt: "2026-11-30T08:00:00.000Z",
  });
  return storage.getItem(CACHE_KEY) ?? "";
}

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openWorkbench());
  // A workbook with a template pinned to acme-team 2.0.0 and two CAPPLAN cells, saved in the browser.
  await page.evaluate(async (registry) => {
    const wb = window.capplanWorkbench;
    const excel = (wb.pane as unknown as { Excel: typeof Excel }).Excel;
    await excel.run(async (context) => {
      context.workbook.settings.add("capplan.templates", registry);
      await context.sync();
    });
    wb.setCell("Sheet1", "A1", '=CAPPLAN.GPUCOST("H100",1000,"server")');
    wb.setCell("Sheet1", "A2", "=CAPPLAN.LIBRARY()");
    wb.save();
  }, REGISTRY);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPaneClosed(): Promise<void> {
  await page.goto(`${server.origin}/workbench.html?pane=closed`);
  await page.evaluate(() => window.capplanWorkbench.ready);
  // functions.js reads the workbook's pin after Office.onReady and asks for a recalculation if needed.
  await page.waitForTimeout(300);
}

const cell = (address: string) =>
  page.evaluate((a) => window.capplanWorkbench.getCell("Sheet1", a), address);

describe("the task pane closed", () => {
  test("says the library is missing without a saved copy", async () => {
    // Given no saved copy of the workbook's team library
    // When the workbook opens with the pane closed
    await page.evaluate((key) => localStorage.removeItem(key), CACHE_KEY);
    await openPaneClosed();
    const a1 = await cell("A1");
    // Then CAPPLAN cells say the library is missing (no bundled numbers)
    expect(a1.error?.code).toBe("#N/A");
    expect(a1.error?.message).toMatch(
      /"acme-team" 2\.0\.0, which is not loaded.*Open Capacity Planner/
    );
    expect((await cell("A2")).value).toMatch(/^Library missing: /);
    await screenshot(page, "pane-closed-library-missing");
  });

  test("uses the team library the pane saved earlier", async () => {
    // Given the team library saved by the pane earlier
    // When the workbook opens with the pane closed
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      CACHE_KEY,
      savedTeamLibrary(),
    ] as const);
    await openPaneClosed();
    // Then CAPPLAN cells use the team library
    expect((await cell("A1")).value).toBe(34000 * 1000);
    expect((await cell("A2")).value).toBe("Acme team library 2.0.0");
  });
});

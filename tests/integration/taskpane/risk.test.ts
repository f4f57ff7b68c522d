/** @jest-environment jsdom */
/**
 * Run risk analysis through the sidebar: on an inserted Rent vs Build sheet, the button re-runs the Risk
 * section from its cells in 2 syncs, with progress, and says the result in words; elsewhere it says why not.
 */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { LAYOUT } from "../../../src/templates/layout";
import { parseCell } from "../../../src/model/a1";
import {
  activateSheet,
  button,
  cleanUp,
  click,
  editNamedCell,
  FIXED_NOW,
  modelOption,
  mountSidebar,
  mustMessage,
  panel,
  workbookSnapshot,
  type Sidebar,
} from "../../support/taskpane/harness";

afterEach(cleanUp);

const FIRST = Object.values(VALIDATED_BUNDLED_LIBRARY.scenarios)[0];

async function withTemplate(): Promise<Sidebar> {
  const sidebar = mountSidebar();
  click(modelOption(sidebar.root, FIRST?.name ?? ""));
  click(button(panel(sidebar.root, "Insert template"), "Insert template"));
  await sidebar.app.whenIdle();
  return sidebar;
}

function sheetCell(sidebar: Sidebar, address: string): unknown {
  const sheet = sidebar.store.findSheetByName("Rent vs Build");
  const { row, col } = parseCell(address);
  return sheet === undefined ? undefined : sidebar.store.getCell(sheet.id, row, col).value;
}

describe("Run risk analysis in the sidebar", () => {
  it("re-runs with the typed seed in 2 syncs, shows progress and says the result", async () => {
    // Given an inserted template whose seed the user changed
    const sidebar = await withTemplate();
    await editNamedCell(sidebar.Excel, "CP_RiskSeed", 5);
    const riskPanel = panel(sidebar.root, "Risk analysis");
    const run = button(riskPanel, "Run risk analysis");
    const progress = riskPanel.querySelector("progress");
    expect(progress).not.toBeNull();
    const steps: string[] = [];
    const observer = new MutationObserver(() => {
      const text = progress?.getAttribute("aria-valuetext");
      if (text && steps[steps.length - 1] !== text) steps.push(text);
    });
    observer.observe(progress as HTMLProgressElement, { attributes: true });
    const before = sidebar.host.stats.syncCount;

    // When Run risk analysis is clicked
    click(run);
    expect(run.disabled).toBe(true);
    expect(riskPanel.getAttribute("aria-busy")).toBe("true");
    expect(progress?.parentElement?.hidden).toBe(false);
    await sidebar.app.whenIdle();
    observer.disconnect();

    // Then 2 syncs wrote the stamp with the new seed, progress ran to the end, and the result is said
    expect(sidebar.host.stats.syncCount - before).toBe(2);
    expect(sheetCell(sidebar, `C${LAYOUT.riskStamp.seedUsed}`)).toBe(5);
    expect(sheetCell(sidebar, `C${LAYOUT.riskStamp.ranAt}`)).toMatch(
      new RegExp(`^${FIXED_NOW.toISOString().replace(/\./g, "\\.")}`)
    );
    expect(steps).toEqual(
      expect.arrayContaining([
        "Reading the sheet (0%)",
        "Ran 10,000 of 10,000 trials (90%)",
        "Writing the results (95%)",
        "Done (100%)",
      ])
    );
    const p50 = sheetCell(sidebar, `F${LAYOUT.riskResults.differenceWithDelay}`) as number;
    const wins = sheetCell(sidebar, `C${LAYOUT.riskSummary.probabilityBuildWins}`) as number;
    // The numbers from the cells the run wrote (the share to one decimal, ".0" dropped).
    const share = Math.round(wins * 1000) / 10;
    const sentence = `10,000 trials, seed 5: P50 of the difference incl. cost of delay ${(p50 / 1e9).toFixed(2)} bn USD; building wins in ${Number.isInteger(share) ? share.toFixed(0) : share.toFixed(1)} % of trials`;
    expect(riskPanel.querySelector('[role="status"]')?.textContent).toBe(sentence);
    const shown = mustMessage(riskPanel);
    expect(shown.kind).toBe("success");
    expect(shown.title).toBe("Ran the risk analysis on 'Rent vs Build'");
    expect(shown.details[0]).toMatch(
      /^10,000 trials, seed 5: P50 of the difference incl\. cost of delay -?\d+\.\d\d bn USD; building wins in [\d.]+ % of trials$/
    );
    expect(run.disabled).toBe(false);
    expect(progress?.parentElement?.hidden).toBe(true);
    expect(riskPanel.getAttribute("aria-busy")).toBe("false");
  });

  it("says to select a template on a sheet that is not one, and changes nothing", async () => {
    // Given a template and a plain sheet active
    const sidebar = await withTemplate();
    await activateSheet(sidebar.Excel, "Sheet1");
    const before = workbookSnapshot(sidebar.store);
    // When Run risk analysis is clicked
    click(button(panel(sidebar.root, "Risk analysis"), "Run risk analysis"));
    await sidebar.app.whenIdle();
    // Then the message says what to select, and the workbook is as it was
    const shown = mustMessage(panel(sidebar.root, "Risk analysis"));
    expect(shown.kind).toBe("warning");
    expect(shown.title).toBe("This sheet is not a Rent vs Build template");
    expect(shown.next).toMatch(/Select a 'Rent vs Build' sheet/);
    expect(workbookSnapshot(sidebar.store)).toBe(before);
  });

  it("refuses 50 trials with the rule and writes nothing", async () => {
    // Given a template whose trials the user set to 50
    const sidebar = await withTemplate();
    await editNamedCell(sidebar.Excel, "CP_RiskTrials", 50);
    const before = workbookSnapshot(sidebar.store);
    // When Run risk analysis is clicked
    click(button(panel(sidebar.root, "Risk analysis"), "Run risk analysis"));
    await sidebar.app.whenIdle();
    // Then the message gives the rule, and the workbook is as it was
    const shown = mustMessage(panel(sidebar.root, "Risk analysis"));
    expect(shown.kind).toBe("warning");
    expect(shown.title).toBe("The risk analysis did not run");
    expect(shown.next).toMatch(
      /^Trials \(cell C\d+\) must be a whole number from 100 to 1,000,000; it holds 50\. Nothing in the workbook was changed\./
    );
    expect(workbookSnapshot(sidebar.store)).toBe(before);
  });

  it("is a keyboard-reachable button", () => {
    const sidebar = mountSidebar();
    const run = button(panel(sidebar.root, "Risk analysis"), "Run risk analysis");
    expect(run.getAttribute("type")).toBe("button");
    expect(run.tabIndex).toBe(0);
    expect(run.disabled).toBe(false);
  });
});

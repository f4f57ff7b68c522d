/** @jest-environment jsdom */
/**
 * Trace to source in the sidebar, on the in-memory host: on an inserted Rent vs Build sheet the panel
 * says what the selected cell is, its formula in words and, for an input, its library source, as-of
 * date, low/high and whether the user overrode it (1 sync per trace); "Select precedents" selects what
 * the formula uses (1 sync). It follows the selection once asked, says plainly when a cell is not part
 * of a template, and still finds template cells after the user inserted rows above them.
 */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { formatNumber } from "../../../src/taskpane/format";
import { LAYOUT } from "../../../src/templates/layout";
import { REGISTRY_KEY } from "../../../src/excel/templateRegistry";
import { parseSheetReference, rangeAddress } from "../../../src/model/a1";
import {
  button,
  cleanUp,
  click,
  editNamedCell,
  modelOption,
  mountSidebar,
  panel,
  type Sidebar,
} from "../../support/taskpane/harness";
import { insertRowsAbove } from "../../support/taskpane/insertRows";

afterEach(cleanUp);

const XAI = "xAI Memphis 2024 — build 100k H100";
const SHEET = "Rent vs Build";
const H100 = VALIDATED_BUNDLED_LIBRARY.gpus["h100-sxm"];

async function withTemplate(): Promise<Sidebar> {
  const sidebar = mountSidebar();
  click(modelOption(sidebar.root, XAI));
  click(button(panel(sidebar.root, "Insert template"), "Insert template"));
  await sidebar.app.whenIdle();
  return sidebar;
}

function tracePanel(sidebar: Sidebar): HTMLElement {
  return panel(sidebar.root, "Trace to source");
}

/** Where a workbook name points now (0-based). */
function target(sidebar: Sidebar, name: string): { sheet: string; row: number; col: number } {
  const ref = parseSheetReference(sidebar.store.getName(name)?.formula ?? "");
  if (ref === null) throw new Error(`no range name ${name}`);
  return { sheet: ref.sheet, row: ref.range.row, col: ref.range.col };
}

/** The user clicks a cell (the grid sets Excel's selection, as a click does). */
function selectCell(sidebar: Sidebar, sheetName: string, row: number, col: number): void {
  const sheet = sidebar.store.findSheetByName(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  sidebar.store.setActiveSheetId(sheet.id);
  sidebar.store.setSelection(sheet.id, { row, col, rowCount: 1, colCount: 1 });
}

function selectNamed(sidebar: Sidebar, name: string): void {
  const t = target(sidebar, name);
  selectCell(sidebar, t.sheet, t.row, t.col);
}

/** Clicks Trace selected cell; returns the syncs it took. */
async function traceNow(sidebar: Sidebar): Promise<number> {
  const before = sidebar.host.stats.syncCount;
  click(button(tracePanel(sidebar), "Trace selected cell"));
  await sidebar.app.whenIdle();
  return sidebar.host.stats.syncCount - before;
}

/** Lets Excel's selection-changed event reach the pane, and the trace it starts finish. */
async function eventsDelivered(sidebar: Sidebar): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 10));
  await sidebar.app.whenIdle();
}

/** The panel's facts, term -> text. */
function facts(sidebar: Sidebar): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dt of Array.from(tracePanel(sidebar).querySelectorAll("dt")))
    out[dt.textContent ?? ""] = dt.nextElementSibling?.textContent ?? "";
  return out;
}

function tracedCell(sidebar: Sidebar): string {
  return tracePanel(sidebar).querySelector("h3")?.textContent ?? "";
}

describe("Trace to source", () => {
  it("traces an input to its library entry, source, as-of date and range, then sees the user's override", async () => {
    // Given an inserted xAI template and its system price per GPU selected
    const sidebar = await withTemplate();
    selectNamed(sidebar, "CP_SystemPricePerGpu");

    // When Trace selected cell is clicked
    const syncs = await traceNow(sidebar);

    // Then one sync explains it: an input from the H100's library entry, not overridden
    expect(syncs).toBe(1);
    const q = H100?.systemPricePerGpu;
    if (q === undefined) throw new Error("the bundled library has no H100 system price");
    const shown = facts(sidebar);
    expect(tracedCell(sidebar)).toBe(`'${SHEET}'!C${LAYOUT.assumptions.systemPricePerGpu}`);
    expect(shown["What it is"]).toMatch(/^An input/);
    expect(shown["Row"]).toBe("System price per GPU");
    expect(shown["Section"]).toBe("Assumptions");
    expect(shown["Library entry"]).toBe("gpus.h100-sxm.systemPricePerGpu");
    expect(shown["Library value"]).toBe(`${formatNumber(q.value, "en-US")} ${q.unit}`);
    expect(shown["Source"]).toBe(q.source);
    expect(shown["As of"]).toBe(q.asOf);
    // The bundled entry gives both ends of its range.
    expect(q.low).toBeDefined();
    expect(q.high).toBeDefined();
    expect(shown["Low / high"]).toBe(
      `${formatNumber(q.low ?? NaN, "en-US")} / ${formatNumber(q.high ?? NaN, "en-US")}`
    );
    expect(shown["Your value"]).toBe("Not overridden: the cell holds the value the add-in wrote.");

    // When the user types another price and traces again
    await editNamedCell(sidebar.Excel, "CP_SystemPricePerGpu", 41_000);
    const again = await traceNow(sidebar);

    // Then it says the cell is overridden, with the value the add-in wrote (the library's)
    expect(again).toBe(1);
    expect(facts(sidebar)["Your value"]).toBe(
      `Overridden: the cell holds 41,000; the add-in wrote ${formatNumber(q.value, "en-US")}.`
    );
  });

  it("says a result's formula in words, and selects its precedents in one sync", async () => {
    // Given the template's difference, build minus rent, traced
    const sidebar = await withTemplate();
    selectNamed(sidebar, "CP_Difference");
    expect(await traceNow(sidebar)).toBe(1);

    // Then it is a result whose formula reads in the rows' labels
    const shown = facts(sidebar);
    expect(shown["What it is"]).toMatch(/^A result/);
    expect(shown["Row"]).toBe("Difference, build minus rent");
    expect(shown["Unit"]).toBe("USD");
    expect(shown["Section"]).toBe("Results");
    expect(shown["Formula in words"]).toBe("NPV of building − NPV of renting");
    expect(shown["Formula"]).toBe("=CP_NpvBuild-CP_NpvRent");

    // When Select precedents is clicked
    const before = sidebar.host.stats.syncCount;
    click(button(tracePanel(sidebar), "Select precedents"));
    await sidebar.app.whenIdle();

    // Then one sync selected the two NPV cells, and the panel says which
    expect(sidebar.host.stats.syncCount - before).toBe(1);
    const selection = sidebar.store.getSelection();
    const npvBuild = target(sidebar, "CP_NpvBuild");
    const npvRent = target(sidebar, "CP_NpvRent");
    expect(selection?.areas.map((a) => rangeAddress(a))).toEqual([
      rangeAddress({ row: npvBuild.row, col: npvBuild.col, rowCount: 1, colCount: 1 }),
      rangeAddress({ row: npvRent.row, col: npvRent.col, rowCount: 1, colCount: 1 }),
    ]);
    expect(tracePanel(sidebar).textContent).toContain(
      `Selected C${LAYOUT.results.npvBuild}, C${LAYOUT.results.npvRent}.`
    );
  });

  it("says plainly when the cell is not part of a template", async () => {
    // Given a plain sheet with a formula over two cells, and a template elsewhere
    const sidebar = await withTemplate();
    const plain = sidebar.store.findSheetByName("Sheet1");
    if (plain === undefined) throw new Error("no Sheet1");
    sidebar.store.setFormula(plain.id, 0, 2, '=SUM(A1:A3)&"C9"');
    selectCell(sidebar, "Sheet1", 0, 2);

    // When it is traced
    expect(await traceNow(sidebar)).toBe(1);

    // Then the panel says it is not a template cell; the words keep the function and the text literal
    const shown = facts(sidebar);
    expect(shown["What it is"]).toBe(
      "Not part of a Capacity Planner template: this sheet is not one the add-in inserted."
    );
    expect(shown["Formula in words"]).toBe('SUM(A1:A3) & "C9"');
    expect(tracedCell(sidebar)).toBe("Sheet1!C1");

    // And its precedents are the range only (not the "C9" inside the string)
    click(button(tracePanel(sidebar), "Select precedents"));
    await sidebar.app.whenIdle();
    expect(sidebar.store.getSelection()?.areas).toEqual([
      { row: 0, col: 0, rowCount: 3, colCount: 1 },
    ]);
  });

  it("finds template cells by their names and labels after rows were inserted above them", async () => {
    // Given 3 rows inserted above the Results section
    const sidebar = await withTemplate();
    insertRowsAbove(sidebar.store, SHEET, LAYOUT.resultSection, 3);
    expect(target(sidebar, "CP_Difference").row + 1).toBe(LAYOUT.results.difference + 3);

    // When the moved difference cell is traced
    selectNamed(sidebar, "CP_Difference");
    expect(await traceNow(sidebar)).toBe(1);

    // Then it is still the template's difference, found by its name
    expect(tracedCell(sidebar)).toBe(`'${SHEET}'!C${LAYOUT.results.difference + 3}`);
    expect(facts(sidebar)["Row"]).toBe("Difference, build minus rent");
    expect(facts(sidebar)["Formula in words"]).toBe("NPV of building − NPV of renting");

    // When an unnamed cell below (the energy cost of year 2) is traced
    const row = LAYOUT.cashflows.energy - 1 + 3;
    selectCell(sidebar, SHEET, row, 4);
    expect(await traceNow(sidebar)).toBe(1);

    // Then it is found by its position and label, with its year, and its shifted formula is noted
    const shown = facts(sidebar);
    expect(shown["Row"]).toBe(
      sidebar.store.getCell(sidebar.store.findSheetByName(SHEET)?.id ?? "", row, 0).value
    );
    expect(shown["What it is"]).toMatch(/^A calculation/);
    // Column E is year 2: the year columns start at C with year 0 (layout.ts yearColumn).
    expect(shown["Column"]).toBe("Year 2");
    expect(shown["Note"]).toMatch(/rows were inserted, or it was edited/);
  });

  it("follows the selection once traced, one sync per change, until told to stop", async () => {
    // Given a first trace (which starts following)
    const sidebar = await withTemplate();
    selectNamed(sidebar, "CP_GpuCount");
    expect(await traceNow(sidebar)).toBe(1);
    expect(facts(sidebar)["Row"]).toBe("GPUs (built or rented)");

    // When the user selects another cell
    const before = sidebar.host.stats.syncCount;
    selectNamed(sidebar, "CP_NpvRent");
    await eventsDelivered(sidebar);

    // Then the panel traced it by itself, in one sync
    expect(sidebar.host.stats.syncCount - before).toBe(1);
    expect(facts(sidebar)["Row"]).toBe("NPV of renting");

    // When following is switched off and the selection moves again
    const follow = tracePanel(sidebar).querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (follow === null) throw new Error("no follow checkbox");
    follow.checked = false;
    follow.dispatchEvent(new Event("change"));
    await sidebar.app.whenIdle();
    const stopped = sidebar.host.stats.syncCount;
    selectNamed(sidebar, "CP_GpuCount");
    await eventsDelivered(sidebar);

    // Then nothing more is traced
    expect(sidebar.host.stats.syncCount).toBe(stopped);
    expect(facts(sidebar)["Row"]).toBe("NPV of renting");
  });

  it("costs the pane's other actions no sync until the panel is used", async () => {
    // Given a pane where Trace to source was never used
    const sidebar = await withTemplate();
    const before = sidebar.host.stats.syncCount;

    // When the selection moves
    selectNamed(sidebar, "CP_GpuCount");
    await eventsDelivered(sidebar);

    // Then no trace ran
    expect(sidebar.host.stats.syncCount).toBe(before);
    expect(tracePanel(sidebar).querySelector("h3")?.textContent ?? "").toBe("");
  });

  it("says why it cannot tell when the workbook's record is damaged, and changes nothing", async () => {
    // Given a template whose Capacity Planner record was overwritten with text that is not JSON
    const sidebar = await withTemplate();
    sidebar.store.setSetting(REGISTRY_KEY, "{not json");
    selectNamed(sidebar, "CP_GpuCount");
    const settingsBefore = JSON.stringify(sidebar.store.listSettings());

    // When the input is traced
    expect(await traceNow(sidebar)).toBe(1);

    // Then the panel says the record is damaged, and the record is left as it was
    expect(facts(sidebar)["What it is"]).toBe(
      "Not traced: the Capacity Planner record in this workbook is damaged (not valid JSON)."
    );
    expect(JSON.stringify(sidebar.store.listSettings())).toBe(settingsBefore);
  });

  it("names the kind of another template sheet and reads its formula from the sheet's labels", async () => {
    // Given a sheet registered as an Options comparison (built here by hand) with a labelled formula
    const sidebar = mountSidebar();
    const options = sidebar.store.addSheet("Options");
    sidebar.store.setValue(options.id, 4, 0, "NPV, own");
    sidebar.store.setValue(options.id, 4, 2, 10);
    sidebar.store.setValue(options.id, 5, 0, "NPV, rent");
    sidebar.store.setValue(options.id, 5, 2, 12);
    sidebar.store.addName({
      name: "CP_OptNpvOwn",
      formula: "=Options!$C$5",
      comment: "",
      visible: true,
    });
    sidebar.store.setFormula(options.id, 6, 2, "=CP_OptNpvOwn-C6");
    sidebar.store.setSetting(REGISTRY_KEY, {
      version: 1,
      sheets: {
        [options.id]: {
          kind: "options",
          sheetName: "Options",
          nameSuffix: "",
          libraryId: VALIDATED_BUNDLED_LIBRARY.meta.id,
          libraryVersion: VALIDATED_BUNDLED_LIBRARY.meta.version,
          scenarioId: "xai-memphis-2024",
          insertedAt: "2026-12-01T09:00:00.000Z",
          assumptions: {},
        },
      },
    });
    selectCell(sidebar, "Options", 6, 2);

    // When it is traced
    expect(await traceNow(sidebar)).toBe(1);

    // Then the panel names the kind and says the formula with the sheet's own labels
    const shown = facts(sidebar);
    expect(shown["Sheet"]).toBe("An Options comparison sheet");
    expect(shown["Formula in words"]).toBe("NPV, own − NPV, rent (C6)");
  });

  it("says which library explains a sheet inserted from another version", async () => {
    // Given a template whose record says it came from an older version of the library
    const sidebar = await withTemplate();
    const raw = sidebar.store.getSetting(REGISTRY_KEY) as {
      sheets: Record<string, { libraryVersion: string }>;
    };
    for (const entry of Object.values(raw.sheets)) entry.libraryVersion = "0.9.0";
    sidebar.store.setSetting(REGISTRY_KEY, raw);
    selectNamed(sidebar, "CP_PowerPrice");

    // When its power price is traced
    expect(await traceNow(sidebar)).toBe(1);

    // Then the panel says the sheet's version and the one in use
    const { id, name, version } = VALIDATED_BUNDLED_LIBRARY.meta;
    expect(facts(sidebar)["Library"]).toBe(
      `Inserted from ${id} 0.9.0; explained with the library in use, ${name} ${version}`
    );
    expect(facts(sidebar)["Note"]).toContain(`inserted from library ${id} 0.9.0`);
  });

  it("activates another sheet to select precedents that are there", async () => {
    // Given a plain-sheet formula over a template input
    const sidebar = await withTemplate();
    const plain = sidebar.store.findSheetByName("Sheet1");
    if (plain === undefined) throw new Error("no Sheet1");
    const gpus = target(sidebar, "CP_GpuCount");
    sidebar.store.setFormula(plain.id, 1, 1, `='${SHEET}'!C${gpus.row + 1}*2`);
    selectCell(sidebar, "Sheet1", 1, 1);
    expect(await traceNow(sidebar)).toBe(1);

    // When Select precedents is clicked
    click(button(tracePanel(sidebar), "Select precedents"));
    await sidebar.app.whenIdle();

    // Then the template sheet is active with the input selected
    expect(sidebar.store.getActiveSheetId()).toBe(sidebar.store.findSheetByName(SHEET)?.id);
    expect(sidebar.store.getSelection()?.range).toEqual({
      row: gpus.row,
      col: gpus.col,
      rowCount: 1,
      colCount: 1,
    });
    expect(tracePanel(sidebar).textContent).toContain(`Selected C${gpus.row + 1} on '${SHEET}'.`);
  });
});

/** @jest-environment jsdom */
/**
 * The templates gallery of the Insert template panel (issue 11): a labelled radio group of templates,
 * each with its one-line description; choosing Options comparison and clicking Insert template adds an
 * "Options comparison" sheet (CAPPLAN.OPTIONS and OPTIONLINES spills, a bar chart and a waterfall) in at
 * most 3 syncs; Rent vs Build still inserts as before; a failed insert leaves the workbook as it was.
 */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { REGISTRY_KEY } from "../../../src/excel/templateRegistry";
import { TEMPLATE_CHOICES } from "../../../src/taskpane/templateGallery";
import {
  button,
  cleanUp,
  click,
  modelOption,
  mountSidebar,
  mustMessage,
  panel,
  workbookSnapshot,
  type Sidebar,
} from "../../support/taskpane/harness";

afterEach(cleanUp);

const undo: (() => void)[] = [];
/** Runs `restore` after the current test, pass or fail. */
function afterThis(restore: () => void): void {
  undo.push(restore);
}
afterEach(() => undo.splice(0).forEach((restore) => restore()));

const [firstId, first] = Object.entries(VALIDATED_BUNDLED_LIBRARY.scenarios)[0];

function radio(scope: HTMLElement, title: string): HTMLInputElement {
  const found = Array.from(scope.querySelectorAll<HTMLInputElement>('input[type="radio"]')).find(
    (r) => r.closest("label")?.querySelector(".cp-option-name")?.textContent === title
  );
  if (!found) throw new Error(`no template "${title}"`);
  return found;
}

function choose(input: HTMLInputElement): void {
  input.checked = true;
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

function registrySheets(sidebar: Sidebar): Record<string, { kind?: string; sheetName: string }> {
  const registry = sidebar.store.getSetting(REGISTRY_KEY) as {
    sheets: Record<string, { kind?: string; sheetName: string }>;
  };
  return registry.sheets;
}

describe("the templates gallery", () => {
  it("offers the templates as a labelled radio group, Rent vs Build first", () => {
    // Given the sidebar
    const sidebar = mountSidebar();
    const insertPanel = panel(sidebar.root, "Insert template");
    // Then a fieldset labelled "Templates" holds one radio per template, each described by its line
    const group = insertPanel.querySelector("fieldset");
    const legendId = group?.getAttribute("aria-labelledby") ?? "";
    expect(document.getElementById(legendId)?.textContent).toBe("Templates");
    const radios = Array.from(group?.querySelectorAll<HTMLInputElement>("input") ?? []);
    expect(radios.map((r) => r.type)).toEqual(TEMPLATE_CHOICES.map(() => "radio"));
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    for (const [i, choice] of TEMPLATE_CHOICES.entries()) {
      expect(radios[i]?.closest("label")?.querySelector(".cp-option-name")?.textContent).toBe(
        choice.title
      );
      const description = document.getElementById(
        radios[i]?.getAttribute("aria-describedby") ?? ""
      );
      expect(description?.textContent).toBe(choice.description);
    }
    expect(TEMPLATE_CHOICES.map((c) => c.title)).toEqual([
      "Rent vs Build",
      "Options comparison",
      "Board memo",
    ]);
    // And Rent vs Build is chosen, and Insert template waits for a model
    expect(radio(insertPanel, "Rent vs Build").checked).toBe(true);
    expect(button(insertPanel, "Insert template").disabled).toBe(true);
  });

  it("inserts an Options comparison sheet for the selected model in at most 3 syncs", async () => {
    // Given a model and Options comparison chosen in the gallery
    const sidebar = mountSidebar();
    const insertPanel = panel(sidebar.root, "Insert template");
    click(modelOption(sidebar.root, first.name));
    choose(radio(insertPanel, "Options comparison"));
    const syncsBefore = sidebar.host.stats.syncCount;
    // When Insert template is clicked
    click(button(insertPanel, "Insert template"));
    await sidebar.app.whenIdle();
    // Then an active "Options comparison" sheet holds the OPTIONS and OPTIONLINES spills over the named inputs
    const sheet = sidebar.store.findSheetByName("Options comparison");
    expect(sheet).toBeDefined();
    expect(sidebar.store.getActiveSheetId()).toBe(sheet?.id);
    // (read the workbook; write the sheet, names and charts; record it and activate it)
    expect(sidebar.host.stats.syncCount - syncsBefore).toBe(3);
    // (row 18 = index 17: the spill's anchor)
    const anchor = sidebar.store.getCell(sheet?.id ?? "", 17, 0).formula;
    expect(anchor).toBe(
      "=CAPPLAN.OPTIONS(CP_OptionsGpu,CP_OptionsGpuCount,CP_OptionsYears,CP_OptionsRegion,CP_OptionsDiscountRate)"
    );
    expect(sidebar.store.getName("CP_OptionsGpuCount")).toBeDefined();
    // And a clustered bar chart and a stacked-column waterfall whose base series has no fill
    const charts = sidebar.store.listCharts(sheet?.id);
    expect(charts.map((c) => c.chartType)).toEqual(["BarClustered", "ColumnStacked"]);
    expect(charts[1]?.seriesFills?.[0]).toBe("none");
    expect(charts[1]?.legend.visible).toBe(false);
    // And the registry records it as an options sheet, and the message names it
    expect(Object.values(registrySheets(sidebar))).toEqual([
      expect.objectContaining({
        kind: "options",
        sheetName: "Options comparison",
        scenarioId: firstId,
      }),
    ]);
    const shown = mustMessage(insertPanel);
    expect(shown.kind).toBe("success");
    expect(shown.title).toBe(`Inserted the sheet 'Options comparison' for ${first.name}`);
    expect(shown.next).toMatch(/routes, the ranking and both charts recalculate/);
  });

  it("inserts both templates side by side in one workbook", async () => {
    // Given a model
    const sidebar = mountSidebar();
    const insertPanel = panel(sidebar.root, "Insert template");
    click(modelOption(sidebar.root, first.name));
    // When Rent vs Build, then Options comparison twice, are inserted
    click(button(insertPanel, "Insert template"));
    await sidebar.app.whenIdle();
    choose(radio(insertPanel, "Options comparison"));
    click(button(insertPanel, "Insert template"));
    await sidebar.app.whenIdle();
    click(button(insertPanel, "Insert template"));
    await sidebar.app.whenIdle();
    // Then each has its sheet and its kind, and the second options sheet its own suffixed names
    expect(sidebar.store.listSheets().map((s) => s.name)).toEqual([
      "Sheet1",
      "Rent vs Build",
      "Options comparison",
      "Options comparison (2)",
    ]);
    expect(
      Object.values(registrySheets(sidebar))
        .map((e) => `${e.sheetName}: ${e.kind ?? "rentVsBuild"}`)
        .sort()
    ).toEqual([
      "Options comparison (2): options",
      "Options comparison: options",
      "Rent vs Build: rentVsBuild",
    ]);
    expect(sidebar.store.getName("CP_GpuCount")).toBeDefined();
    expect(sidebar.store.getName("CP_OptionsGpuCount_2")).toBeDefined();
  });

  it("inserts a Board memo of the active Rent vs Build sheet in 3 syncs, without a model selected", async () => {
    // Given Excel with ExcelApi 1.12 (the memo's page setup needs 1.9; the pane asks Office.context) and a
    // Rent vs Build sheet inserted for a model, active
    (globalThis as { Office?: unknown }).Office = {
      context: { requirements: { isSetSupported: () => true } },
    };
    afterThis(() => delete (globalThis as { Office?: unknown }).Office);
    const sidebar = mountSidebar();
    const insertPanel = panel(sidebar.root, "Insert template");
    click(modelOption(sidebar.root, first.name));
    click(button(insertPanel, "Insert template"));
    await sidebar.app.whenIdle();
    const source = sidebar.store.findSheetByName("Rent vs Build");
    expect(sidebar.store.getActiveSheetId()).toBe(source?.id);
    // When Board memo is chosen (it needs no model: Insert is enabled) and Insert template is clicked
    choose(radio(insertPanel, "Board memo"));
    expect(button(insertPanel, "Insert template").disabled).toBe(false);
    const syncsBefore = sidebar.host.stats.syncCount;
    click(button(insertPanel, "Insert template"));
    await sidebar.app.whenIdle();
    // Then an active "Board memo" sheet is recorded as the memo of that sheet, in 3 syncs
    expect(sidebar.host.stats.syncCount - syncsBefore).toBe(3);
    const memo = sidebar.store.findSheetByName("Board memo");
    expect(sidebar.store.getActiveSheetId()).toBe(memo?.id);
    expect(registrySheets(sidebar)[memo?.id ?? ""]).toEqual(
      expect.objectContaining({ kind: "boardMemo", sourceWorksheetId: source?.id })
    );
    const shown = mustMessage(insertPanel);
    expect(shown).toEqual(
      expect.objectContaining({
        kind: "success",
        title: "Inserted the sheet 'Board memo'",
        details: [],
      })
    );
  });

  it("refuses a Board memo from a sheet that is not a Rent vs Build sheet, changing nothing", async () => {
    // Given an Options comparison sheet active
    const sidebar = mountSidebar();
    const insertPanel = panel(sidebar.root, "Insert template");
    click(modelOption(sidebar.root, first.name));
    choose(radio(insertPanel, "Options comparison"));
    click(button(insertPanel, "Insert template"));
    await sidebar.app.whenIdle();
    const before = workbookSnapshot(sidebar.store);
    // When a Board memo is inserted from it
    choose(radio(insertPanel, "Board memo"));
    click(button(insertPanel, "Insert template"));
    await sidebar.app.whenIdle();
    // Then the panel says to select a Rent vs Build sheet, and the workbook is as it was
    const shown = mustMessage(insertPanel);
    expect(shown.kind).toBe("warning");
    expect(shown.title).toBe("This sheet is not a Rent vs Build sheet");
    expect(shown.next).toMatch(/Options comparison sheet.*Select a 'Rent vs Build' sheet/);
    expect(workbookSnapshot(sidebar.store)).toEqual(before);
  });

  it("leaves the workbook as it was when Excel refuses the waterfall", async () => {
    // Given Excel failing to clear the waterfall base's fill
    const sidebar = mountSidebar();
    const insertPanel = panel(sidebar.root, "Insert template");
    click(modelOption(sidebar.root, first.name));
    choose(radio(insertPanel, "Options comparison"));
    const before = workbookSnapshot(sidebar.store);
    sidebar.host.faults.failOperation({ location: "ChartFill.clear", code: "GeneralException" });
    // When Options comparison is inserted
    click(button(insertPanel, "Insert template"));
    await sidebar.app.whenIdle();
    // Then an error says so, and the sheet, its names and its charts are gone again
    expect(mustMessage(insertPanel).kind).toBe("error");
    expect(workbookSnapshot(sidebar.store)).toBe(before);
    expect(sidebar.store.findSheetByName("Options comparison")).toBeUndefined();
    // And the gallery can be used again
    expect(radio(insertPanel, "Options comparison").disabled).toBe(false);
    expect(button(insertPanel, "Insert template").disabled).toBe(false);
  });

  it("keeps the choice disabled while inserting", async () => {
    // Given a model
    const sidebar = mountSidebar();
    const insertPanel = panel(sidebar.root, "Insert template");
    click(modelOption(sidebar.root, first.name));
    // When Insert template is clicked
    click(button(insertPanel, "Insert template"));
    // Then the radios cannot change the template mid-insert, and can again afterwards
    expect(radio(insertPanel, "Options comparison").disabled).toBe(true);
    await sidebar.app.whenIdle();
    expect(radio(insertPanel, "Options comparison").disabled).toBe(false);
  });

  it("lets Check for updates say an Options comparison sheet is not one it refreshes", async () => {
    // Given an inserted Options comparison sheet, active
    const sidebar = mountSidebar();
    const insertPanel = panel(sidebar.root, "Insert template");
    click(modelOption(sidebar.root, first.name));
    choose(radio(insertPanel, "Options comparison"));
    click(button(insertPanel, "Insert template"));
    await sidebar.app.whenIdle();
    const before = workbookSnapshot(sidebar.store);
    // When Check for updates is clicked on it
    const refresh = panel(sidebar.root, "Refresh assumptions");
    click(button(refresh, "Check for updates"));
    await sidebar.app.whenIdle();
    // Then the registry's kind makes the sidebar name the sheet's kind, and nothing is written
    expect(mustMessage(refresh).text).toMatch(/is an Options comparison sheet/);
    expect(workbookSnapshot(sidebar.store)).toBe(before);
  });
});

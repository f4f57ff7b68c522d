/** @jest-environment jsdom */
/**
 * Insert template through the sidebar: pick a model in the list, click Insert template, and a
 * Rent vs Build sheet appears, with progress while it works and a message naming the sheet.
 */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import {
  button,
  cleanUp,
  click,
  modelOption,
  mountSidebar,
  mustMessage,
  panel,
  workbookSnapshot,
} from "../../support/taskpane/harness";

afterEach(cleanUp);

const SCENARIOS = Object.entries(VALIDATED_BUNDLED_LIBRARY.scenarios).map(([id, s]) => ({
  id,
  name: s.name,
}));

describe("inserting a template", () => {
  it("inserts each bundled scenario as an active, named sheet", async () => {
    // Given the bundled library
    const sidebar = mountSidebar();
    const insertPanel = panel(sidebar.root, "Insert template");
    const expectedNames = [
      "Rent vs Build",
      "Rent vs Build (2)",
      "Rent vs Build (3)",
      "Rent vs Build (4)",
      "Rent vs Build (5)",
      "Rent vs Build (6)",
      "Rent vs Build (7)",
    ];

    // When each scenario is picked and inserted in turn
    // Then a sheet appears for each, active and named in the message
    for (const [i, scenario] of SCENARIOS.entries()) {
      const syncsBefore = sidebar.host.stats.syncCount;
      click(modelOption(sidebar.root, scenario.name));
      click(button(insertPanel, "Insert template"));
      await sidebar.app.whenIdle();

      const sheet = sidebar.store.findSheetByName(expectedNames[i]);
      expect(sheet).toBeDefined();
      expect(sidebar.store.getActiveSheetId()).toBe(sheet?.id);
      const shown = mustMessage(insertPanel);
      expect(shown.kind).toBe("success");
      expect(shown.title).toBe(`Inserted the sheet '${expectedNames[i]}' for ${scenario.name}`);
      expect(sidebar.host.stats.syncCount - syncsBefore).toBeLessThanOrEqual(3);
      // The sheet holds the scenario's inputs (the GPU count name carries the sheet's suffix).
      const suffix = i === 0 ? "" : `_${i + 1}`;
      const gpuCount = sidebar.store.getName(`CP_GpuCount${suffix}`);
      expect(gpuCount).toBeDefined();
    }
    expect(sidebar.store.listSheets().map((s) => s.name)).toEqual(["Sheet1", ...expectedNames]);
  });

  it("disables the button and announces progress while inserting", async () => {
    // Given a model
    const sidebar = mountSidebar();
    const insertPanel = panel(sidebar.root, "Insert template");
    // When Insert template is clicked
    const progress = insertPanel.querySelector("progress");
    // Then the button is disabled and progress is shown and announced until it finishes
    expect(progress).not.toBeNull();
    const steps: string[] = [];
    const observer = new MutationObserver(() => {
      const text = progress?.getAttribute("aria-valuetext");
      if (text && steps[steps.length - 1] !== text) steps.push(text);
    });
    observer.observe(progress as HTMLProgressElement, { attributes: true });

    click(modelOption(sidebar.root, SCENARIOS[0].name));
    const insert = button(insertPanel, "Insert template");
    click(insert);
    expect(insert.disabled).toBe(true);
    expect(progress?.parentElement?.hidden).toBe(false);
    expect(insertPanel.querySelector('[role="status"]')?.textContent).not.toBe("");
    expect(insertPanel.getAttribute("aria-busy")).toBe("true");

    await sidebar.app.whenIdle();
    observer.disconnect();
    expect(steps).toEqual(
      expect.arrayContaining(["Reading workbook (10%)", "Writing template (30%)", "Done (100%)"])
    );
    expect(insert.disabled).toBe(false);
    expect(progress?.parentElement?.hidden).toBe(true);
    expect(insertPanel.getAttribute("aria-busy")).toBe("false");
    expect(insertPanel.querySelector('[role="status"]')?.textContent).toBe(
      "Inserted 'Rent vs Build'."
    );
  });

  it("leaves a newer add-in's workbook unchanged and says what to do", async () => {
    // Given a workbook saved by a newer add-in
    const sidebar = mountSidebar();
    sidebar.store.setSetting("capplan.templates", { version: 99, sheets: {} });
    const before = workbookSnapshot(sidebar.store);
    click(modelOption(sidebar.root, SCENARIOS[0].name));
    click(button(panel(sidebar.root, "Insert template"), "Insert template"));
    // When a template is inserted
    await sidebar.app.whenIdle();
    const shown = mustMessage(panel(sidebar.root, "Insert template"));
    // Then an error message says what to do and the workbook is unchanged
    expect(shown.kind).toBe("error");
    expect(shown.role).toBe("alert");
    expect(shown.title).toBe("This workbook needs a newer Capacity Planner");
    expect(shown.next).toMatch(/Update the add-in/);
    expect(workbookSnapshot(sidebar.store)).toBe(before);
    expect(button(panel(sidebar.root, "Insert template"), "Insert template").disabled).toBe(false);
  });

  it("says Excel could not insert and what to try", async () => {
    // Given an Excel failure
    const sidebar = mountSidebar({
      wrapExcel: () => ({
        run: (() =>
          Promise.reject(
            Object.assign(new Error("The request failed"), { code: "GeneralException" })
          )) as typeof Excel.run,
      }),
    });
    click(modelOption(sidebar.root, SCENARIOS[0].name));
    click(button(panel(sidebar.root, "Insert template"), "Insert template"));
    // When a template is inserted
    await sidebar.app.whenIdle();
    const shown = mustMessage(panel(sidebar.root, "Insert template"));
    // Then the message says Excel could not do it and what to try
    expect(shown.kind).toBe("error");
    expect(shown.next).toMatch(/try again/);
  });
});

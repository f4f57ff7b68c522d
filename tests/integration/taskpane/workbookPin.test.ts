/** @jest-environment jsdom */
/**
 * The workbook's pin (the library its template sheets record) follows what the pane writes in the same
 * session: after Insert, Apply and Undo the functions use the pin the pane just wrote (without reading the
 * settings again), and Excel recalculates only when that changed whether the functions may answer. The
 * in-memory workbook counts Application.calculate.
 */
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { readPinnedLibrary } from "../../../src/excel/pinnedLibrary";
import { MemoryCellStore } from "../../../src/dev/excel-host";
import { libraryUnavailable, setPinnedLibrary } from "../../../src/shared-state/activeLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { validateTeamLibraryText } from "../../../src/model/library/teamLibrary";
import {
  button,
  cleanUp,
  click,
  modelOption,
  mountSidebar,
  mustMessage,
  panel,
  type Sidebar,
} from "../../support/taskpane/harness";
import { teamLibraryText } from "../../support/taskpane/libraries";

class CountingStore extends MemoryCellStore {
  recalcs = 0;
  recalculate(): void {
    this.recalcs += 1;
  }
}

afterEach(cleanUp);

const XAI = "xAI Memphis 2024 — build 100k H100";

async function clickAndWait(sidebar: Sidebar, target: HTMLElement): Promise<void> {
  click(target);
  await sidebar.app.whenIdle();
}

/**
 * A workbook with a template from the team library (acme-team 2.0.0), opened with the bundled library
 * restored at start: its pin was read (as functions.js does), so the functions answer #N/A.
 */
async function workbookPinnedToTeam(): Promise<{ sidebar: Sidebar; store: CountingStore }> {
  const store = new CountingStore();
  const sidebar = mountSidebar({ store });
  await sidebar.app.whenIdle();
  const team = validateTeamLibraryText(teamLibraryText(), VALIDATED_BUNDLED_LIBRARY);
  if (!team.ok) throw new Error("the test's team library is invalid");
  // Inserted a month before the pane's clock (FIXED_NOW): what the pane writes is the latest record.
  await insertTemplate(sidebar.Excel, buildIndex(team.library), "xai-memphis-2024", undefined, {
    now: () => new Date("2026-11-01T09:00:00.000Z"),
  });
  setPinnedLibrary(await readPinnedLibrary(sidebar.Excel));
  expect(libraryUnavailable()).toMatch(/"acme-team" 2\.0\.0, which is not loaded/);
  return { sidebar, store };
}

describe("the pin follows what the pane writes", () => {
  it("answers again after inserting from the library in use", async () => {
    // Given a workbook pinned to a missing team library
    const { sidebar, store } = await workbookPinnedToTeam();
    click(modelOption(sidebar.root, XAI));
    const syncs = sidebar.host.stats.syncCount;
    // When the pane inserts a template from the library in use
    await clickAndWait(sidebar, button(panel(sidebar.root, "Insert template"), "Insert template"));
    // Then the functions answer again and Excel recalculates once, with no extra sync
    expect(libraryUnavailable()).toBeNull();
    expect(store.recalcs).toBe(1);
    // The insert's 3 syncs and the recalculation's 1: the pin written was not read back.
    expect(sidebar.host.stats.syncCount - syncs).toBe(4);
  });

  it("recalculates nothing for an insert from the pinned library", async () => {
    // Given a workbook whose pin is the library in use
    const store = new CountingStore();
    const sidebar = mountSidebar({ store });
    setPinnedLibrary({ kind: "none" });
    click(modelOption(sidebar.root, XAI));
    // When the pane inserts another template
    await clickAndWait(sidebar, button(panel(sidebar.root, "Insert template"), "Insert template"));
    await clickAndWait(sidebar, button(panel(sidebar.root, "Insert template"), "Insert template"));
    // Then nothing is recalculated
    expect(libraryUnavailable()).toBeNull();
    expect(store.recalcs).toBe(0);
  });

  it("recalculates once on refresh and once on undo", async () => {
    // Given a workbook pinned to a missing team library
    const { sidebar, store } = await workbookPinnedToTeam();
    const refresh = panel(sidebar.root, "Refresh assumptions");
    // When its template is refreshed to the library in use and the refresh undone
    await clickAndWait(sidebar, button(refresh, "Check for updates"));
    await clickAndWait(sidebar, button(refresh, /^Apply selected \(\d+\)$/));
    // Then the functions answer, then not again, with one recalculation each
    expect(libraryUnavailable()).toBeNull();
    expect(store.recalcs).toBe(1);
    await clickAndWait(sidebar, button(refresh, "Undo last refresh"));
    expect(libraryUnavailable()).toMatch(/"acme-team" 2\.0\.0, which is not loaded/);
    expect(store.recalcs).toBe(2);
  });

  it("offers to move a sheet on an older bundled library", async () => {
    // Given a workbook built on an older version of the bundled library (its values unchanged)
    const store = new CountingStore();
    const sidebar = mountSidebar({ store });
    await sidebar.app.whenIdle();
    // What an add-in update does: the same library, a newer version bundled.
    const older = buildIndex({
      ...VALIDATED_BUNDLED_LIBRARY,
      meta: { ...VALIDATED_BUNDLED_LIBRARY.meta, version: "0.9.0" },
    });
    // When Check for updates
    await insertTemplate(sidebar.Excel, older, "xai-memphis-2024", undefined, {
      now: () => new Date("2026-11-01T09:00:00.000Z"),
    });
    setPinnedLibrary(await readPinnedLibrary(sidebar.Excel));
    // Then it offers to move the sheet, moving makes the functions answer again, and Undo puts the old pin back
    expect(libraryUnavailable()).toMatch(
      /0\.9\.0, which is not loaded.*Check for updates to move the workbook to the library in use\.$/
    );
    expect((libraryUnavailable() ?? "").length).toBeLessThanOrEqual(255);

    const refresh = panel(sidebar.root, "Refresh assumptions");
    await clickAndWait(sidebar, button(refresh, "Check for updates"));
    const offered = mustMessage(refresh);
    expect(offered.title).toBe("Nothing to update");
    expect(offered.next).toMatch(/recorded as built on .*0\.9\.0\. Move this sheet to /);
    const move = button(refresh, /^Move this sheet to /);
    expect(move.textContent).toContain(VALIDATED_BUNDLED_LIBRARY.meta.version);

    await clickAndWait(sidebar, move);
    expect(mustMessage(refresh).kind).toBe("success");
    expect(mustMessage(refresh).details).toEqual(["No values changed."]);
    expect(libraryUnavailable()).toBeNull();
    expect(store.recalcs).toBe(1);
    expect(move.hidden).toBe(true);

    await clickAndWait(sidebar, button(refresh, "Undo last refresh"));
    expect(mustMessage(refresh).title).toBe("Undid the last refresh; no values to put back");
    expect(libraryUnavailable()).toMatch(/0\.9\.0, which is not loaded/);
    expect(store.recalcs).toBe(2);
  });
});

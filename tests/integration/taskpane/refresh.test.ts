/** @jest-environment jsdom */
/**
 * Refresh assumptions through the sidebar: insert a template, edit an input, load a changed team
 * library, check for updates (the edit is marked "your edit" and unticked), apply, and undo.
 */
import { nodeFetch } from "../../support/taskpane/browserGaps";
import {
  activateSheet,
  button,
  cleanUp,
  click,
  editNamedCell,
  field,
  modelOption,
  mountSidebar,
  mustMessage,
  panel,
  readNamedCell,
  type Sidebar,
  workbookSnapshot,
} from "../../support/taskpane/harness";
import { teamLibrary, teamLibraryText } from "../../support/taskpane/libraries";
import { startServer, type TestServer } from "../../support/taskpane/server";

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    "/team.json": { body: teamLibraryText() },
    "/team-v2.json": { body: JSON.stringify(utilizationTeamLibrary(), null, 2) },
  });
});

afterAll(async () => {
  await server.close();
});

afterEach(cleanUp);

const XAI = "xAI Memphis 2024 — build 100k H100";

/** A team library that changes only a model v2 input: productive utilization 0.80 -> 0.70. */
function utilizationTeamLibrary(): Record<string, unknown> {
  const team = teamLibrary({ version: "2.1.0" });
  return {
    meta: team.meta,
    operations: {
      productiveUtilization: {
        value: 0.7,
        unit: "fraction",
        source: "Acme scheduler logs 2026",
        asOf: "2026-11",
      },
    },
  };
}

function refreshPanel(sidebar: Sidebar): HTMLElement {
  return panel(sidebar.root, "Refresh assumptions");
}

async function clickAndWait(sidebar: Sidebar, target: HTMLElement): Promise<void> {
  click(target);
  await sidebar.app.whenIdle();
}

async function insertXai(sidebar: Sidebar): Promise<void> {
  click(modelOption(sidebar.root, XAI));
  await clickAndWait(sidebar, button(panel(sidebar.root, "Insert template"), "Insert template"));
}

async function loadTeamLibrary(sidebar: Sidebar): Promise<void> {
  field(panel(sidebar.root, "Library"), "Team library URL").value = server.url("/team.json");
  await clickAndWait(sidebar, button(panel(sidebar.root, "Library"), "Load from URL"));
}

/**
 * What the team library changes on xAI's template: the H100 price, the power price, Oracle's rate, the on-site
 * power price that follows the region's, and in the risk section's ranges table the low and high of the H100
 * price and of the rate (the team's figures carry no low / high, so each range closes on the new value).
 */
const TEAM_UPDATES = [
  "systemPricePerGpu",
  "powerPrice",
  "rentRate",
  "v2.onsitePricePerKwh",
  "risk.systemPricePerGpu.low",
  "risk.systemPricePerGpu.high",
  "risk.rentRate.low",
  "risk.rentRate.high",
] as const;
/** The same without the power price, which the tests edit by hand first (kept unticked). */
const TEAM_UPDATES_BUT_POWER = TEAM_UPDATES.filter((key) => key !== "powerPrice");

/** A sidebar whose template was refreshed from the team library (every update in TEAM_UPDATES applied). */
async function refreshedFromTeamLibrary(): Promise<Sidebar> {
  const sidebar = mountSidebar({ fetch: nodeFetch() });
  await insertXai(sidebar);
  await loadTeamLibrary(sidebar);
  await clickAndWait(sidebar, button(refreshPanel(sidebar), "Check for updates"));
  await clickAndWait(
    sidebar,
    button(refreshPanel(sidebar), `Apply selected (${TEAM_UPDATES.length})`)
  );
  return sidebar;
}

interface DiffRow {
  readonly key: string;
  readonly label: string;
  readonly workbook: string;
  readonly library: string;
  readonly source: string;
  readonly asOf: string;
  readonly checkbox: HTMLInputElement | null;
  readonly yourEdit: boolean;
  readonly hidden: boolean;
}

function diffRows(sidebar: Sidebar): DiffRow[] {
  return Array.from(refreshPanel(sidebar).querySelectorAll<HTMLTableRowElement>("tbody tr")).map(
    (tr) => {
      const cells = tr.querySelectorAll("td");
      const th = tr.querySelector("th");
      return {
        key: tr.dataset.key ?? "",
        label: th?.firstChild?.textContent ?? "",
        workbook: cells[1]?.textContent ?? "",
        library: cells[2]?.textContent ?? "",
        source: cells[3]?.textContent ?? "",
        asOf: cells[4]?.textContent ?? "",
        checkbox: tr.querySelector<HTMLInputElement>('input[type="checkbox"]'),
        yourEdit: th?.querySelector(".cp-badge")?.textContent === "your edit",
        hidden: tr.hidden,
      };
    }
  );
}

function row(sidebar: Sidebar, key: string): DiffRow {
  const found = diffRows(sidebar).find((r) => r.key === key);
  if (!found) throw new Error(`no diff row ${key}`);
  return found;
}

describe("refreshing a template's assumptions", () => {
  it("updates a model v2 input like any other assumption", async () => {
    // Given a template from the bundled library and a team library that changes productive utilization
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    await insertXai(sidebar);
    field(panel(sidebar.root, "Library"), "Team library URL").value = server.url("/team-v2.json");
    await clickAndWait(sidebar, button(panel(sidebar.root, "Library"), "Load from URL"));
    // When updates are checked
    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Check for updates"));
    // Then the v2 input is the one change, ticked, with its new source; the team's figure has no low / high,
    // so the risk section's range of the same input closes on it (the bundled library's low 0.75 and
    // high 0.85 both become 0.7)
    const changed = diffRows(sidebar).filter((r) => r.checkbox !== null);
    expect(changed.map((r) => r.key)).toEqual([
      "v2.productiveUtilization",
      "risk.productiveUtilization.low",
      "risk.productiveUtilization.high",
    ]);
    expect(changed[0]).toMatchObject({
      source: "operations.productiveUtilization: Acme scheduler logs 2026",
      asOf: "2026-11",
    });
    expect(changed[0].checkbox?.checked).toBe(true);
    // When it is applied
    await clickAndWait(
      sidebar,
      button(refreshPanel(sidebar), `Apply selected (${changed.length})`)
    );
    // Then the cell holds 0.7
    expect(await readNamedCell(sidebar.Excel, "CP_ProductiveUtilization")).toBe(0.7);
  });

  it("finds nothing to update right after inserting", async () => {
    // Given a template just inserted from the library in use
    const sidebar = mountSidebar();
    await insertXai(sidebar);
    const syncs = sidebar.host.stats.syncCount;
    // When Check for updates is clicked
    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Check for updates"));
    // Then there is nothing to update
    expect(sidebar.host.stats.syncCount - syncs).toBe(1);
    const shown = mustMessage(refreshPanel(sidebar));
    expect(shown.kind).toBe("info");
    expect(shown.title).toBe("Nothing to update");
    expect(shown.next).toBe(
      "'Rent vs Build' already matches Capacity Planner default library 1.1.0."
    );
    expect(refreshPanel(sidebar).querySelector("table")).toBeNull();
  });

  it("keeps an edit unticked, applies the rest and undoes", async () => {
    // Given a template from the bundled library and a user edit of the power price
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    await insertXai(sidebar);
    await editNamedCell(sidebar.Excel, "CP_PowerPrice", 0.05);
    // And a team library that changes the H100 price, the Tennessee power price and Oracle's rate
    await loadTeamLibrary(sidebar);

    // When updates are checked
    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Check for updates"));

    // Then the changed assumptions are listed with both values, source and as-of
    const price = row(sidebar, "systemPricePerGpu");
    expect(price).toMatchObject({
      label: "System price per GPU",
      workbook: "37,500 USD per GPU",
      library: "34,000 USD per GPU",
      source: "Acme Dell quote Q4",
      asOf: "2026-10",
      yourEdit: false,
      hidden: false,
    });
    expect(price.checkbox?.checked).toBe(true);
    expect(price.checkbox?.getAttribute("aria-label")).toBe("Update System price per GPU");
    const rent = row(sidebar, "rentRate");
    expect(rent.checkbox?.checked).toBe(true);
    expect(rent.library).toBe("9 USD per GPU-hour");
    // And the user's edit is marked and unticked by default
    const power = row(sidebar, "powerPrice");
    expect(power).toMatchObject({
      workbook: "0.05 USD per kWh",
      library: "0.08 USD per kWh",
      yourEdit: true,
    });
    expect(power.checkbox?.checked).toBe(false);
    expect(power.checkbox?.getAttribute("aria-label")).toBe("Update Power price (your edit)");
    // And unchanged rows are hidden behind a toggle with their count
    const unchanged = diffRows(sidebar).filter((r) => r.checkbox === null);
    expect(unchanged.length).toBeGreaterThan(10);
    expect(unchanged.every((r) => r.hidden)).toBe(true);
    const toggle = field(refreshPanel(sidebar), `Show ${unchanged.length} unchanged assumptions`);
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    expect(
      diffRows(sidebar)
        .filter((r) => r.checkbox === null)
        .every((r) => !r.hidden)
    ).toBe(true);
    expect(
      diffRows(sidebar)
        .filter((r) => r.checkbox !== null)
        .map((r) => r.key)
    ).toEqual([...TEAM_UPDATES]);
    expect(
      diffRows(sidebar)
        .filter((r) => r.checkbox?.checked === true)
        .map((r) => r.key)
    ).toEqual(TEAM_UPDATES_BUT_POWER);
    const applySelected = `Apply selected (${TEAM_UPDATES_BUT_POWER.length})`;
    expect(button(refreshPanel(sidebar), applySelected).disabled).toBe(false);

    // When the selection is applied
    const syncs = sidebar.host.stats.syncCount;
    await clickAndWait(sidebar, button(refreshPanel(sidebar), applySelected));

    // Then the ticked assumptions take the library values, in one round trip, and the edit stays
    expect(sidebar.host.stats.syncCount - syncs).toBe(1);
    expect(await readNamedCell(sidebar.Excel, "CP_SystemPricePerGpu")).toBe(34000);
    expect(await readNamedCell(sidebar.Excel, "CP_RentRate")).toBe(9);
    expect(await readNamedCell(sidebar.Excel, "CP_PowerPrice")).toBe(0.05);
    const applied = mustMessage(refreshPanel(sidebar));
    expect(applied.kind).toBe("success");
    // (the model v2 on-site power price follows the region's power price: no sourced fuel figure)
    expect(await readNamedCell(sidebar.Excel, "CP_OnsitePricePerKwh")).toBe(0.08);
    expect(applied.title).toBe(
      `Updated ${TEAM_UPDATES_BUT_POWER.length} assumptions on 'Rent vs Build'`
    );
    expect(applied.details).toEqual(["Kept: Power price = 0.05 (your edit)"]);
    // (the list of updates is gone; the "What changed" report below it has tables of its own)
    expect(refreshPanel(sidebar).querySelector(".cp-diff table")).toBeNull();

    // And checking again lists only the kept edit, still unticked
    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Check for updates"));
    const remaining = diffRows(sidebar).filter((r) => r.checkbox !== null);
    expect(remaining.map((r) => r.key)).toEqual(["powerPrice"]);
    expect(remaining[0].checkbox?.checked).toBe(false);
    expect(button(refreshPanel(sidebar), "Apply selected").disabled).toBe(true);

    // When the refresh is undone
    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Undo last refresh"));

    // Then the previous values are back
    expect(mustMessage(refreshPanel(sidebar)).title).toBe(
      `Restored ${TEAM_UPDATES_BUT_POWER.length} assumptions to their values before the last refresh`
    );
    expect(await readNamedCell(sidebar.Excel, "CP_SystemPricePerGpu")).toBe(37500);
    expect(await readNamedCell(sidebar.Excel, "CP_RentRate")).toBe(10);
    expect(await readNamedCell(sidebar.Excel, "CP_PowerPrice")).toBe(0.05);
    expect(await readNamedCell(sidebar.Excel, "CP_OnsitePricePerKwh")).toBe(0.0623);
  });

  it("applies an override ticked on purpose", async () => {
    // Given an override the user ticks on purpose
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    await insertXai(sidebar);
    await editNamedCell(sidebar.Excel, "CP_PowerPrice", 0.05);
    await loadTeamLibrary(sidebar);
    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Check for updates"));
    const power = row(sidebar, "powerPrice").checkbox as HTMLInputElement;
    power.checked = true;
    power.dispatchEvent(new Event("change"));
    // When applied
    await clickAndWait(
      sidebar,
      button(refreshPanel(sidebar), `Apply selected (${TEAM_UPDATES.length})`)
    );
    // Then it takes the library value
    expect(await readNamedCell(sidebar.Excel, "CP_PowerPrice")).toBe(0.08);
  });

  it("warns to select a Rent vs Build sheet", async () => {
    // Given the active sheet is not a template
    const sidebar = mountSidebar();
    await insertXai(sidebar);
    await activateSheet(sidebar.Excel, "Sheet1");
    const before = workbookSnapshot(sidebar.store);
    // When updates are checked
    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Check for updates"));
    const shown = mustMessage(refreshPanel(sidebar));
    // Then a warning says to select a Rent vs Build sheet and nothing changes
    expect(shown.kind).toBe("warning");
    expect(shown.role).toBe("alert");
    expect(shown.title).toBe("This sheet is not a Rent vs Build template");
    expect(shown.next).toMatch(/Select a 'Rent vs Build' sheet, or insert one\./);
    expect(workbookSnapshot(sidebar.store)).toBe(before);
    expect(button(refreshPanel(sidebar), "Check for updates").disabled).toBe(false);
  });

  it("says the previous values were put back after a failed write", async () => {
    // Given Excel fails the registry write while applying
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    await insertXai(sidebar);
    await loadTeamLibrary(sidebar);
    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Check for updates"));
    sidebar.host.faults.failOperation({
      location: "SettingCollection.add",
      key: "capplan.templates",
    });

    await clickAndWait(
      sidebar,
      button(refreshPanel(sidebar), `Apply selected (${TEAM_UPDATES.length})`)
    );

    const shown = mustMessage(refreshPanel(sidebar));
    // Then the panel says the previous values were put back, and the next check does not call them your edit
    expect(shown.kind).toBe("error");
    expect(shown.next).toMatch(/were put back: nothing was changed/);
    expect(await readNamedCell(sidebar.Excel, "CP_SystemPricePerGpu")).toBe(37500);
    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Check for updates"));
    expect(row(sidebar, "systemPricePerGpu")).toMatchObject({ yourEdit: false });
    expect(row(sidebar, "systemPricePerGpu").checkbox?.checked).toBe(true);
  });

  it("names what undo could not restore", async () => {
    // Given a refreshed input whose name was then deleted
    const sidebar = await refreshedFromTeamLibrary();
    sidebar.store.removeName("CP_RentRate");

    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Undo last refresh"));

    // When undone
    const shown = mustMessage(refreshPanel(sidebar));
    // Then the rest is restored and the panel names what was not
    expect(shown.kind).toBe("warning");
    expect(shown.title).toBe(
      `Restored ${TEAM_UPDATES.length - 1} assumptions to their values before the last refresh`
    );
    expect(shown.details).toEqual([
      "Not restored: CP_RentRate, because the name CP_RentRate was deleted; it keeps the refreshed value.",
    ]);
    expect(await readNamedCell(sidebar.Excel, "CP_SystemPricePerGpu")).toBe(37500);
    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Undo last refresh"));
    expect(mustMessage(refreshPanel(sidebar)).title).toBe("Nothing to undo");
  });

  it("keeps and reports an edit made after the refresh", async () => {
    // Given a refreshed input edited by hand afterwards
    const sidebar = await refreshedFromTeamLibrary();
    await editNamedCell(sidebar.Excel, "CP_SystemPricePerGpu", 33000);

    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Undo last refresh"));

    // When undone
    const shown = mustMessage(refreshPanel(sidebar));
    // Then the edit is kept and the panel says so
    expect(shown.kind).toBe("warning");
    expect(shown.title).toBe(
      `Restored ${TEAM_UPDATES.length - 1} assumptions to their values before the last refresh`
    );
    expect(shown.details).toEqual([
      expect.stringMatching(
        /^Kept: CP_SystemPricePerGpu \([A-Z]+[0-9]+\), because you edited it after the refresh\.$/
      ),
    ]);
    expect(await readNamedCell(sidebar.Excel, "CP_SystemPricePerGpu")).toBe(33000);
  });

  it("says there is nothing to undo", async () => {
    // Given no refresh was applied
    const sidebar = mountSidebar();
    // When Undo last refresh is clicked
    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Undo last refresh"));
    const shown = mustMessage(refreshPanel(sidebar));
    // Then it says there is nothing to undo
    expect(shown.kind).toBe("info");
    expect(shown.title).toBe("Nothing to undo");
  });

  it("clears the list of updates when the library changes", async () => {
    // Given a list of updates on screen
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    // When the library changes
    await insertXai(sidebar);
    await loadTeamLibrary(sidebar);
    await clickAndWait(sidebar, button(refreshPanel(sidebar), "Check for updates"));
    // Then the list is cleared and the user asked to check again
    expect(refreshPanel(sidebar).querySelector("table")).not.toBeNull();
    await clickAndWait(sidebar, button(panel(sidebar.root, "Library"), "Use bundled library"));
    expect(refreshPanel(sidebar).querySelector("table")).toBeNull();
    const shown = mustMessage(refreshPanel(sidebar));
    expect(shown.title).toBe("The list of updates was cleared");
    expect(shown.next).toBe("Choose Check for updates again.");
  });
});

/** @jest-environment jsdom */
/**
 * Right-to-left library and user text everywhere the sidebar shows it: after a library full of Hebrew and
 * Arabic names (allowed; only bidi controls are refused) is loaded from a file with a Hebrew name, a
 * template inserted and checked for updates, every text node with right-to-left letters must sit in a
 * <bdi> that holds exactly one piece of library or user text, so it cannot reorder the sentence, number
 * or punctuation around it (message bars, captions, the refresh table, the Library panel, the Models panel).
 */
import {
  activateSheet,
  button,
  chooseFile,
  cleanUp,
  click,
  modelOption,
  mountSidebar,
  panel,
  type,
  type Sidebar,
} from "../../support/taskpane/harness";
import { setPinnedLibrary } from "../../../src/shared-state/activeLibrary";
import { teamLibrary } from "../../support/taskpane/libraries";

afterEach(cleanUp);

const RTL = {
  name: "ספריית הצוות",
  publisher: "אקמה מימון",
  description: "המחירים שלנו",
  scenarioName: "موقع أكمي 2000",
  scenarioDescription: "موقعنا في تينيسي",
  priceSource: "عرض ديل للربع الرابع",
  powerSource: "חוזה חשמל",
  fileName: "ספרייה.json",
  query: "חיפוש",
  // A workbook's registry is not validated like a library: its pinned id can be any text.
  pinnedId: "ספרייה-ישנה",
  // A sheet the user renamed after a refresh, named in Undo's report.
  sheetName: "תחזית",
};
const RTL_VALUES = new Set(Object.values(RTL));
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

function rtlLibrary(): string {
  const library = teamLibrary({ scenarioName: RTL.scenarioName }) as {
    meta: Record<string, unknown>;
    gpus: Record<string, { systemPricePerGpu: { source: string } }>;
    regions: Record<string, { powerPrice: { source: string } }>;
    scenarios: Record<string, { description: string }>;
  };
  library.meta.name = RTL.name;
  library.meta.publisher = RTL.publisher;
  library.meta.description = RTL.description;
  library.gpus["h100-sxm"].systemPricePerGpu.source = RTL.priceSource;
  library.regions["us-tn"].powerPrice.source = RTL.powerSource;
  library.scenarios["acme-site"].description = RTL.scenarioDescription;
  return JSON.stringify(library);
}

/** Each right-to-left text node whose nearest <bdi> is missing or holds more than one piece of text. */
function unisolated(root: HTMLElement): string[] {
  const problems: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const value = node.textContent ?? "";
    if (!RTL_LETTER.test(value)) continue;
    const isolating = node.parentElement?.closest("bdi") ?? null;
    const where = node.parentElement?.className || node.parentElement?.tagName || "?";
    if (isolating === null) problems.push(`not isolated in ${where}: ${value}`);
    else if (!RTL_VALUES.has(isolating.textContent ?? ""))
      problems.push(`isolated with other text in ${where}: ${isolating.textContent ?? ""}`);
  }
  return problems;
}

async function clickAndWait(sidebar: Sidebar, target: HTMLElement): Promise<void> {
  click(target);
  await sidebar.app.whenIdle();
}

describe("bidi isolation of library and user text", () => {
  it("isolates every right-to-left text in a <bdi>", async () => {
    // Given a right-to-left library, a template and a refresh
    const sidebar = mountSidebar();
    await sidebar.app.whenIdle();
    // A template from the bundled library, to be checked against the team library later.
    click(modelOption(sidebar.root, "xAI Memphis 2024 — build 100k H100"));
    await clickAndWait(sidebar, button(panel(sidebar.root, "Insert template"), "Insert template"));

    const library = panel(sidebar.root, "Library");
    chooseFile(
      library.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement,
      new File([rtlLibrary()], RTL.fileName)
    );
    await sidebar.app.whenIdle();

    click(modelOption(sidebar.root, RTL.scenarioName));
    await clickAndWait(sidebar, button(panel(sidebar.root, "Insert template"), "Insert template"));

    // When the sidebar shows them
    await activateSheet(sidebar.Excel, "Rent vs Build");
    await clickAndWait(
      sidebar,
      button(panel(sidebar.root, "Refresh assumptions"), "Check for updates")
    );
    // Then every right-to-left text node is alone in a <bdi>
    expect(panel(sidebar.root, "Refresh assumptions").querySelector("table")).not.toBeNull();

    // Everything shown at once: the library's message and info, the model details, the insert message and
    // caption, the refresh caption, table and status.
    const shown = sidebar.root.textContent ?? "";
    for (const value of [RTL.name, RTL.publisher, RTL.scenarioName, RTL.priceSource, RTL.fileName])
      expect(shown).toContain(value);
    expect(unisolated(sidebar.root)).toEqual([]);

    // A search the user typed, echoed back when nothing matches.
    type(
      panel(sidebar.root, "Models").querySelector<HTMLInputElement>(
        'input[type="search"]'
      ) as HTMLInputElement,
      RTL.query
    );
    await sidebar.app.whenIdle();
    expect(sidebar.root.textContent).toContain(RTL.query);
    expect(unisolated(sidebar.root)).toEqual([]);
  });
});

describe("bidi isolation of what the workbook says", () => {
  it("isolates a missing right-to-left library id", async () => {
    // Given a workbook pinned to a right-to-left library id that is not loaded
    setPinnedLibrary({
      kind: "pinned",
      library: { id: RTL.pinnedId, version: "2.0.0", sheetName: "Rent vs Build" },
    });
    const sidebar = mountSidebar();
    // When the pane says so
    await sidebar.app.restored;
    await sidebar.app.whenIdle();
    // Then the id is alone in a <bdi>
    expect(sidebar.root.textContent).toContain(RTL.pinnedId);
    expect(unisolated(sidebar.root)).toEqual([]);
  });
});

describe("bidi isolation of what Undo reports", () => {
  it("isolates a right-to-left sheet name in an undo reason", async () => {
    // Given a refreshed sheet renamed to right-to-left text and an input's name moved off one cell
    const sidebar = mountSidebar();
    await sidebar.app.whenIdle();
    click(modelOption(sidebar.root, "xAI Memphis 2024 — build 100k H100"));
    await clickAndWait(sidebar, button(panel(sidebar.root, "Insert template"), "Insert template"));
    const library = panel(sidebar.root, "Library");
    chooseFile(
      library.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement,
      new File([rtlLibrary()], RTL.fileName)
    );
    await sidebar.app.whenIdle();
    const refresh = panel(sidebar.root, "Refresh assumptions");
    await clickAndWait(sidebar, button(refresh, "Check for updates"));
    await clickAndWait(sidebar, button(refresh, /^Apply selected \(\d+\)$/));

    const sheet = sidebar.store.findSheetByName("Rent vs Build");
    if (sheet === undefined) throw new Error("no template sheet");
    sidebar.store.renameSheet(sheet.id, RTL.sheetName);
    sidebar.store.updateName("CP_PowerPrice", { formula: `='${RTL.sheetName}'!$C$1:$C$2` });
    await clickAndWait(sidebar, button(refresh, "Undo last refresh"));

    // When undone
    const details = refresh.querySelector(".cp-message-details")?.textContent ?? "";
    // Then the sheet name in the reason is alone in a <bdi>
    expect(details).toContain(
      `Not restored: CP_PowerPrice, because the name CP_PowerPrice no longer points at one cell on '${RTL.sheetName}'`
    );
    expect(unisolated(sidebar.root)).toEqual([]);
  });
});

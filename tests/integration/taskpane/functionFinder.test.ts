/** @jest-environment jsdom */
/**
 * The function finder ("Insert a function") on the in-memory host: the list is the built functions.json,
 * typing filters it, the keyboard moves through it, choosing a function shows its arguments with their help
 * and the library's names in pickers, the preview is what the built implementation answers, and Insert
 * function writes one formula, built only from checked pieces, into the active cell in exactly 1 sync
 * (needs `npx webpack --mode production` for dist/).
 */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { parseCell } from "../../../src/model/a1";
import { loadBuiltFunctions, type LoadedFunctions } from "../../support/customFunctionsRuntime";
import { readDistFile } from "../../support/dist";
import { previewText } from "../../../src/taskpane/functionFinderPanel";
import {
  button,
  cleanUp,
  click,
  modelOption,
  mountSidebar,
  mustMessage,
  panel,
  press,
  type,
  workbookSnapshot,
  type Sidebar,
} from "../../support/taskpane/harness";

afterEach(cleanUp);
// Each test drives the whole sidebar; on a loaded machine (shared CI cores) a few take seconds.
jest.setTimeout(20000);

let built: LoadedFunctions;
beforeAll(() => {
  built = loadBuiltFunctions();
});

const CATALOG = JSON.parse(readDistFile("functions.json")) as {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description: string }[];
  }[];
};

function mountFinder(options: { catalog?: string | null } = {}): Sidebar {
  const text = options.catalog === undefined ? readDistFile("functions.json") : options.catalog;
  return mountSidebar({
    loadFunctionCatalog: text === null ? undefined : () => Promise.resolve(text),
    functionImplementation: (id) => built.registered.get(id),
  });
}

const finder = (sidebar: Sidebar): HTMLElement => panel(sidebar.root, "Insert a function");

function searchBox(scope: HTMLElement): HTMLInputElement {
  const label = Array.from(scope.querySelectorAll("label")).find(
    (l) => l.textContent === "Find a function"
  );
  const input = label ? scope.querySelector(`#${label.getAttribute("for") ?? ""}`) : null;
  if (!(input instanceof HTMLInputElement))
    throw new Error("no search box labelled Find a function");
  return input;
}

function listbox(scope: HTMLElement): HTMLElement {
  const list = scope.querySelector<HTMLElement>('[role="listbox"]');
  if (!list) throw new Error("no listbox");
  return list;
}

function visibleFunctions(scope: HTMLElement): string[] {
  return Array.from(scope.querySelectorAll<HTMLElement>('[role="option"]'))
    .filter((o) => !o.hidden)
    .map((o) => o.querySelector(".cp-option-name")?.textContent ?? "");
}

function option(scope: HTMLElement, name: string): HTMLElement {
  const found = Array.from(scope.querySelectorAll<HTMLElement>('[role="option"]')).find(
    (o) => o.querySelector(".cp-option-name")?.textContent === name
  );
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

/** The control labelled `label` (a select or an input), by <label for>. */
function control<T extends HTMLElement>(scope: HTMLElement, label: string): T {
  const l = Array.from(scope.querySelectorAll("label")).find((x) => x.textContent === label);
  const id = l?.getAttribute("for");
  const found = id ? scope.querySelector<T>(`#${id}`) : null;
  if (!found) throw new Error(`no control labelled "${label}"`);
  return found;
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  if (select.value !== value) throw new Error(`no option "${value}"`);
  select.dispatchEvent(new Event("change", { bubbles: true }));
}

function formulaShown(scope: HTMLElement): string {
  return scope.querySelector(".cp-formula")?.textContent ?? "";
}

function selectCell(sidebar: Sidebar, sheet: string, address: string): void {
  const info = sidebar.store.findSheetByName(sheet);
  if (!info) throw new Error(`no sheet ${sheet}`);
  const { row, col } = parseCell(address);
  sidebar.store.setActiveSheetId(info.id);
  sidebar.store.setSelection(info.id, { row, col, rowCount: 1, colCount: 1 });
}

function formulaAt(sidebar: Sidebar, sheet: string, address: string): string | null {
  const info = sidebar.store.findSheetByName(sheet);
  const { row, col } = parseCell(address);
  return info ? sidebar.store.getCell(info.id, row, col).formula : null;
}

/** RENTVSBUILD chosen, with gpu, count and years filled. */
async function rentVsBuild(sidebar: Sidebar, count = "1000", years = "5"): Promise<HTMLElement> {
  await sidebar.app.whenIdle();
  const scope = finder(sidebar);
  type(searchBox(scope), "rent");
  click(option(scope, "CAPPLAN.RENTVSBUILD"));
  choose(control<HTMLSelectElement>(scope, "gpu"), "h100-sxm");
  type(control<HTMLInputElement>(scope, "count"), count);
  type(control<HTMLInputElement>(scope, "years"), years);
  await sidebar.app.whenIdle(); // the preview runs once typing pauses
  return scope;
}

describe("finding a function", () => {
  it("lists every function of the built functions.json, in its order", async () => {
    // Given the sidebar with the built functions.json
    const sidebar = mountFinder();
    await sidebar.app.whenIdle();
    // Then the list is the file's functions, each with the first sentence of its description
    const scope = finder(sidebar);
    expect(visibleFunctions(scope)).toEqual(CATALOG.functions.map((f) => `CAPPLAN.${f.name}`));
    const meta = option(scope, "CAPPLAN.LIBRARY").querySelector(".cp-option-meta")?.textContent;
    expect(meta).toBe('The model library in use: "name version".');
  });

  it("filters as the user types", async () => {
    // Given the list
    const sidebar = mountFinder();
    await sidebar.app.whenIdle();
    const scope = finder(sidebar);
    // When "rent" is typed
    type(searchBox(scope), "rent");
    // Then exactly the functions whose name, description or arguments mention it remain (RENTVSBUILD among them)
    const expected = CATALOG.functions
      .filter((f) =>
        [f.id, f.name, `CAPPLAN.${f.name}`, f.description, ...f.parameters.map((p) => p.name)]
          .join("\n")
          .toLowerCase()
          .includes("rent")
      )
      .map((f) => `CAPPLAN.${f.name}`);
    expect(visibleFunctions(scope)).toEqual(expected);
    expect(expected).toContain("CAPPLAN.RENTVSBUILD");
    expect(expected).not.toContain("CAPPLAN.LIBRARY");
    // And a query nothing matches says so
    type(searchBox(scope), "zzzz");
    expect(visibleFunctions(scope)).toEqual([]);
    expect(scope.querySelector(".cp-empty")?.textContent).toContain("No function matches");
  });

  it("moves through the list with the keyboard and goes to the first argument on Enter", async () => {
    // Given the list filtered to "rent"
    const sidebar = mountFinder();
    await sidebar.app.whenIdle();
    const scope = finder(sidebar);
    const search = searchBox(scope);
    type(search, "rent");
    const list = listbox(scope);
    // When ArrowDown is pressed in the search box
    press(search, "ArrowDown");
    // Then the list has focus and its first match is the active, selected option
    expect(document.activeElement).toBe(list);
    const shown = visibleFunctions(scope);
    expect(list.getAttribute("aria-activedescendant")).toBe(option(scope, shown[0] ?? "").id);
    // When ArrowDown moves on to RENTVSBUILD
    const target = shown.indexOf("CAPPLAN.RENTVSBUILD");
    expect(target).toBeGreaterThan(0);
    for (let i = 0; i < target; i++) press(list, "ArrowDown");
    // Then it is the active option, selected, and its arguments are shown
    expect(list.getAttribute("aria-activedescendant")).toBe(
      option(scope, "CAPPLAN.RENTVSBUILD").id
    );
    expect(option(scope, "CAPPLAN.RENTVSBUILD").getAttribute("aria-selected")).toBe("true");
    expect(scope.querySelector("h3")?.textContent).toBe("CAPPLAN.RENTVSBUILD");
    // When Enter is pressed on it
    press(list, "Enter");
    // Then focus is on the first argument's control (the GPU picker)
    expect(document.activeElement).toBe(control(scope, "gpu"));
    // And End/Home move across everything visible
    type(search, "");
    press(list, "End");
    expect(list.getAttribute("aria-activedescendant")).toBe(
      option(scope, `CAPPLAN.${CATALOG.functions[CATALOG.functions.length - 1]?.name ?? ""}`).id
    );
    press(list, "Home");
    expect(list.getAttribute("aria-activedescendant")).toBe(
      option(scope, `CAPPLAN.${CATALOG.functions[0]?.name ?? ""}`).id
    );
  });
});

describe("filling the arguments", () => {
  it("shows each argument with its help and the library's names in pickers", async () => {
    // Given RENTVSBUILD chosen
    const sidebar = mountFinder();
    await sidebar.app.whenIdle();
    const scope = finder(sidebar);
    click(option(scope, "CAPPLAN.RENTVSBUILD"));
    // Then every argument of functions.json is there, in order, with its description as help
    const meta = CATALOG.functions.find((f) => f.id === "RENTVSBUILD");
    const argumentNodes = Array.from(scope.querySelectorAll(".cp-argument"));
    expect(argumentNodes).toHaveLength(meta?.parameters.length ?? -1);
    meta?.parameters.forEach((p, i) => {
      expect(argumentNodes[i]?.querySelector("label")?.textContent).toMatch(
        new RegExp(`^${p.name}( \\(optional\\))?$`)
      );
      expect(argumentNodes[i]?.textContent).toContain(p.description);
    });
    // And the GPU, region, term, approach and provider pickers list the library's ids
    const values = (label: string) =>
      Array.from(control<HTMLSelectElement>(scope, label).options)
        .map((o) => o.value)
        .filter((v) => v !== "" && !v.startsWith("\u0000"));
    expect(values("gpu")).toEqual(Object.keys(VALIDATED_BUNDLED_LIBRARY.gpus));
    expect(values("region (optional)")).toEqual(Object.keys(VALIDATED_BUNDLED_LIBRARY.regions));
    expect(values("approach (optional)")).toEqual(
      Object.keys(VALIDATED_BUNDLED_LIBRARY.approaches)
    );
    const terms = new Set<string>(
      Object.values(VALIDATED_BUNDLED_LIBRARY.rentalOffers).map((o) => o.term)
    );
    expect(values("term (optional)")).toEqual(
      ["on-demand", "capacity-block", "1yr", "3yr"].filter((t) => terms.has(t))
    );
    expect(values("provider (optional)")).toContain("oracle");
    // And every control of the panel has a label (by <label for>), for screen readers
    for (const node of Array.from(scope.querySelectorAll("input, select"))) {
      expect(scope.querySelector(`label[for="${node.id}"]`)).not.toBeNull();
    }
  });

  it("previews the spill the built implementation answers", async () => {
    // Given RENTVSBUILD with h100-sxm, 1000 GPUs, 5 years
    const sidebar = mountFinder();
    const scope = await rentVsBuild(sidebar);
    // Then the formula is shown and the preview table holds what the built function returns for it
    expect(formulaShown(scope)).toBe('=CAPPLAN.RENTVSBUILD("h100-sxm",1000,5)');
    const expected = built.call("RENTVSBUILD", "h100-sxm", 1000, 5) as unknown[][];
    const rows = Array.from(scope.querySelectorAll(".cp-preview-table tbody tr"));
    expect(rows).toHaveLength(Math.min(expected.length, 30));
    expect(rows[0]?.querySelectorAll("td")[0]?.textContent).toBe(String(expected[0]?.[0]));
    const value = expected[0]?.[1];
    expect(typeof value).toBe("number");
    expect(rows[0]?.querySelectorAll("td")[1]?.textContent).toBe(
      previewText(value as number, "en-US")
    );
    expect(scope.querySelector(".cp-preview-table caption")?.textContent).toContain(
      `Spills ${expected.length} rows`
    );
  });

  it("previews an Excel error as its code and message", async () => {
    // Given a GPU the library does not have, typed instead of picked
    const sidebar = mountFinder();
    await sidebar.app.whenIdle();
    const scope = finder(sidebar);
    click(option(scope, "CAPPLAN.GPUCOST"));
    choose(control<HTMLSelectElement>(scope, "gpu"), "\u0000type");
    type(control<HTMLInputElement>(scope, "gpu: value or cell"), "Z9000");
    type(control<HTMLInputElement>(scope, "count"), "10");
    await sidebar.app.whenIdle();
    // Then the preview shows #N/A with the function's message (the nearest names)
    const preview = scope.querySelector(".cp-preview-error")?.textContent ?? "";
    expect(preview.startsWith("#N/A")).toBe(true);
    let message = "";
    try {
      built.call("GPUCOST", "Z9000", 10);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe("");
    expect(preview).toContain(message);
  });

  it("takes cell references, and says the preview needs their values", async () => {
    // Given count typed as a cell reference
    const sidebar = mountFinder();
    const scope = await rentVsBuild(sidebar, "$B$2", "'My inputs'!c3");
    // Then the formula uses the references, normalised, and the preview asks for the cells
    expect(formulaShown(scope)).toBe("=CAPPLAN.RENTVSBUILD(\"h100-sxm\",$B$2,'My inputs'!C3)");
    expect(scope.querySelector(".cp-preview")?.textContent).toContain(
      "needs the values of $B$2, 'My inputs'!C3"
    );
  });

  it("refuses what is not a number or a reference, and keeps Insert disabled", async () => {
    // Given a formula typed into count
    const sidebar = mountFinder();
    const scope = await rentVsBuild(sidebar, "=1+1");
    // Then the argument says why, and Insert function cannot be clicked
    const problem = scope.querySelector(".cp-problem:not([hidden])")?.textContent ?? "";
    expect(problem).toContain("is not a cell reference");
    expect(control(scope, "count").getAttribute("aria-invalid")).toBe("true");
    expect(button(scope, "Insert function").disabled).toBe(true);
  });

  it("previews a slow function only when asked", async () => {
    // Given a GPUCOST whose implementation takes longer than the pane waits for unasked (busy for 350 ms)
    let calls = 0;
    const slowGpuCost = (...args: unknown[]): unknown => {
      calls += 1;
      const until = Date.now() + 350;
      while (Date.now() < until) {
        // busy, as a long Monte Carlo is
      }
      return built.call("GPUCOST", ...args);
    };
    const sidebar = mountSidebar({
      loadFunctionCatalog: () => Promise.resolve(readDistFile("functions.json")),
      functionImplementation: (id) => (id === "GPUCOST" ? slowGpuCost : built.registered.get(id)),
    });
    await sidebar.app.whenIdle();
    const scope = finder(sidebar);
    click(option(scope, "CAPPLAN.GPUCOST"));
    choose(control<HTMLSelectElement>(scope, "gpu"), "h100-sxm");
    type(control<HTMLInputElement>(scope, "count"), "10");
    await sidebar.app.whenIdle();
    expect(calls).toBe(1);
    // When the count changes again
    type(control<HTMLInputElement>(scope, "count"), "20");
    await sidebar.app.whenIdle();
    // Then it is not computed until Preview is clicked, and then shows what the function returns
    expect(calls).toBe(1);
    click(button(scope, "Preview"));
    await sidebar.app.whenIdle();
    expect(calls).toBe(2);
    const expected = built.call("GPUCOST", "h100-sxm", 20) as number;
    expect(scope.querySelector(".cp-preview-value")?.textContent).toBe(
      previewText(expected, "en-US")
    );
  });
});

describe("inserting a function", () => {
  it("writes the formula into the active cell in exactly 1 sync", async () => {
    // Given RENTVSBUILD filled and C3 of Sheet1 selected
    const sidebar = mountFinder();
    const scope = await rentVsBuild(sidebar);
    selectCell(sidebar, "Sheet1", "C3");
    const syncsBefore = sidebar.host.stats.syncCount;
    // When Insert function is clicked
    click(button(scope, "Insert function"));
    await sidebar.app.whenIdle();
    // Then C3 holds the formula, written in one round trip, and the message says where
    expect(formulaAt(sidebar, "Sheet1", "C3")).toBe('=CAPPLAN.RENTVSBUILD("h100-sxm",1000,5)');
    expect(sidebar.host.stats.syncCount - syncsBefore).toBe(1);
    const shown = mustMessage(scope);
    expect(shown.kind).toBe("success");
    expect(shown.title).toBe("Inserted the function into Sheet1!C3");
  });

  it("writes typed text as one string literal, whatever it contains", async () => {
    // Given text that tries to close the string and call another function
    const sidebar = mountFinder();
    await sidebar.app.whenIdle();
    const scope = finder(sidebar);
    click(option(scope, "CAPPLAN.GPUCOST"));
    const hostile = 'H100",1),HYPERLINK("http://x.example","y';
    choose(control<HTMLSelectElement>(scope, "gpu"), "\u0000type");
    type(control<HTMLInputElement>(scope, "gpu: value or cell"), hostile);
    type(control<HTMLInputElement>(scope, "count"), "1");
    selectCell(sidebar, "Sheet1", "A1");
    // When it is inserted
    click(button(scope, "Insert function"));
    await sidebar.app.whenIdle();
    // Then the cell holds one GPUCOST call whose first argument is the text, its quotes doubled
    expect(formulaAt(sidebar, "Sheet1", "A1")).toBe(
      '=CAPPLAN.GPUCOST("H100"",1),HYPERLINK(""http://x.example"",""y",1)'
    );
  });

  it("refuses a template's input cell and leaves the workbook as it was", async () => {
    // Given a Rent vs Build sheet, and its GPU count input cell selected
    const sidebar = mountFinder();
    await sidebar.app.whenIdle();
    const first = Object.values(VALIDATED_BUNDLED_LIBRARY.scenarios)[0];
    click(modelOption(sidebar.root, first?.name ?? ""));
    click(button(panel(sidebar.root, "Insert template"), "Insert template"));
    await sidebar.app.whenIdle();
    const gpuCount = sidebar.store.getName("CP_GpuCount");
    const target = gpuCount?.formula.match(/!\$?([A-Z]+)\$?(\d+)$/);
    expect(target).not.toBeNull();
    const scope = await rentVsBuild(sidebar);
    selectCell(sidebar, "Rent vs Build", `${target?.[1] ?? ""}${target?.[2] ?? ""}`);
    const before = workbookSnapshot(sidebar.store);
    const syncsBefore = sidebar.host.stats.syncCount;
    // When Insert function is clicked
    click(button(scope, "Insert function"));
    await sidebar.app.whenIdle();
    // Then it is refused with the input's name, the cell is put back (a second sync), nothing else changed
    const shown = mustMessage(scope);
    expect(shown.kind).toBe("warning");
    expect(shown.title).toBe("The function was not inserted: that cell is a template input");
    expect(shown.next).toContain("CP_GpuCount");
    expect(workbookSnapshot(sidebar.store)).toBe(before);
    expect(sidebar.host.stats.syncCount - syncsBefore).toBe(2);
  }, 30000); // inserting the template first takes a few seconds on a loaded machine

  it("says so when Excel refuses the write, and nothing changes", async () => {
    // Given a filled function and a host that refuses the write
    const sidebar = mountFinder();
    const scope = await rentVsBuild(sidebar);
    selectCell(sidebar, "Sheet1", "B2");
    sidebar.host.faults.failOperation({ location: "Range.formulas" });
    const before = workbookSnapshot(sidebar.store);
    // When Insert function is clicked
    click(button(scope, "Insert function"));
    await sidebar.app.whenIdle();
    // Then an error says Excel refused, and the workbook is as it was
    const shown = mustMessage(scope);
    expect(shown.kind).toBe("error");
    expect(shown.next).toContain("Excel could not insert the function");
    expect(workbookSnapshot(sidebar.store)).toBe(before);
  });
});

describe("loading the list", () => {
  it("says when the pane cannot read functions.json", async () => {
    // Given a functions.json that is not custom-functions metadata
    const sidebar = mountFinder({
      catalog: JSON.stringify({ functions: [{ id: "X(1)", name: "X" }] }),
    });
    await sidebar.app.whenIdle();
    // Then the panel lists nothing and says why
    const scope = finder(sidebar);
    expect(visibleFunctions(scope)).toEqual([]);
    const shown = mustMessage(scope);
    expect(shown.title).toBe("The function list could not be read");
    expect(shown.details[0]).toContain("functions[0].id");
  });

  it("says the list is not available without a loader", async () => {
    // Given no way to read functions.json
    const sidebar = mountFinder({ catalog: null });
    await sidebar.app.whenIdle();
    // Then the count line says so
    expect(finder(sidebar).textContent).toContain(
      "The function list is not available in this pane."
    );
  });
});

/**
 * Mounting the sidebar on the in-memory Excel host, with a fake storage and a test fetch, and the
 * DOM steps a user takes (click, type, choose a file) for Given/When/Then tests.
 */
import { resetActiveLibrary } from "../../../src/shared-state/activeLibrary";
import { asExcelNamespace, createMemoryExcel, MemoryCellStore } from "../../../src/dev/excel-host";
import type { CellStore, MemoryExcel } from "../../../src/dev/excel-host";
import { mount, type MountedTaskpane, type TaskpaneDeps } from "../../../src/taskpane/app";
import type { StorageLike } from "../../../src/shared-state/libraryCache";
import type { FetchLike } from "../../../src/taskpane/libraryFetch";
import type { RecalcExcel } from "../../../src/excel/recalculate";
import { installBrowserGaps } from "./browserGaps";

/** localStorage stand-in; `failWrites` simulates a full or blocked storage. */
export class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  failWrites = false;

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error("QuotaExceededError");
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export const FIXED_NOW = new Date("2026-12-01T09:00:00.000Z");

/** A fetch that must not be called (URL rule refusals). */
export const noFetch: FetchLike & { readonly calls: string[] } = Object.assign(
  (url: string): Promise<never> => {
    noFetch.calls.push(url);
    return Promise.reject(new Error("fetch should not have been called"));
  },
  { calls: [] as string[] }
);

export interface Sidebar<S extends CellStore = MemoryCellStore> {
  readonly app: MountedTaskpane;
  readonly root: HTMLElement;
  readonly store: S;
  readonly host: MemoryExcel;
  readonly Excel: typeof Excel;
  readonly storage: MemoryStorage;
}

export interface SidebarOptions {
  readonly storage?: MemoryStorage;
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
  readonly maxLibraryBytes?: number;
  /** The host's cells; a MemoryCellStore by default (the workbench's HyperFormulaCellStore recalculates). */
  readonly store?: CellStore;
  /** Wraps the host's Excel (e.g. to add workbook.application). */
  readonly wrapExcel?: (excel: typeof Excel) => RecalcExcel;
  readonly theme?: TaskpaneDeps["theme"];
  /** The function finder's functions.json text (e.g. the built one) and implementations. */
  readonly loadFunctionCatalog?: TaskpaneDeps["loadFunctionCatalog"];
  readonly functionImplementation?: TaskpaneDeps["functionImplementation"];
}

const mounted: Sidebar<CellStore>[] = [];

// The default last: Parameters<typeof mountSidebar> (used by tests) sees that one.
export function mountSidebar<S extends CellStore>(
  options: SidebarOptions & { readonly store: S }
): Sidebar<S>;
export function mountSidebar(
  options?: SidebarOptions & { readonly store?: MemoryCellStore }
): Sidebar;
export function mountSidebar(options: SidebarOptions = {}): Sidebar<CellStore> {
  installBrowserGaps();
  const store = options.store ?? new MemoryCellStore();
  const host = createMemoryExcel(store);
  const excel = asExcelNamespace(host.Excel);
  const storage = options.storage ?? new MemoryStorage();
  const root = document.createElement("div");
  document.body.appendChild(root);
  const app = mount(root, {
    excel: options.wrapExcel ? options.wrapExcel(excel) : excel,
    storage,
    fetch: options.fetch ?? noFetch,
    now: () => FIXED_NOW,
    timeoutMs: options.timeoutMs,
    maxLibraryBytes: options.maxLibraryBytes,
    theme: options.theme,
    locale: "en-US",
    loadFunctionCatalog: options.loadFunctionCatalog,
    functionImplementation: options.functionImplementation,
  });
  const sidebar = { app, root, store, host, Excel: excel, storage };
  mounted.push(sidebar);
  return sidebar;
}

/** For afterEach: unmount every sidebar, and go back to the bundled library. */
export function cleanUp(): void {
  for (const sidebar of mounted.splice(0)) {
    sidebar.app.unmount();
    sidebar.root.remove();
  }
  resetActiveLibrary();
  noFetch.calls.length = 0;
}

// ---------------------------------------------------------------------------------------------
// Finding things the way a user does
// ---------------------------------------------------------------------------------------------

export function panel(root: HTMLElement, heading: string): HTMLElement {
  for (const section of Array.from(root.querySelectorAll("section"))) {
    if (section.querySelector("h2")?.textContent === heading) return section;
  }
  throw new Error(`no panel "${heading}"`);
}

export function button(scope: HTMLElement, label: string | RegExp): HTMLButtonElement {
  const found = Array.from(scope.querySelectorAll("button")).find((b) => {
    const text = (b.textContent ?? "").trim();
    return typeof label === "string" ? text === label : label.test(text);
  });
  if (!found) throw new Error(`no button "${String(label)}"`);
  return found;
}

/** The input labelled `label` (by <label for>). */
export function field(scope: HTMLElement, label: string): HTMLInputElement {
  const labelElement = Array.from(scope.querySelectorAll("label")).find(
    (l) => l.textContent === label
  );
  const id = labelElement?.getAttribute("for");
  const input = id ? scope.querySelector(`#${id}`) : null;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no field labelled "${label}"`);
  return input;
}

export function click(target: HTMLElement): void {
  target.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
  if (target instanceof HTMLButtonElement && target.disabled)
    throw new Error("the button is disabled");
  target.click();
}

export function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

export function press(target: HTMLElement, key: string): void {
  target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
}

export function chooseFile(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

export interface ShownMessage {
  readonly kind: string;
  readonly role: string;
  readonly title: string;
  readonly details: string[];
  readonly next: string;
  readonly text: string;
}

/** The message bar of a panel, or null. */
export function message(scope: HTMLElement): ShownMessage | null {
  const bar = scope.querySelector<HTMLElement>(".cp-message");
  if (!bar) return null;
  return {
    kind: bar.dataset.kind ?? "",
    role: bar.getAttribute("role") ?? "",
    title: bar.querySelector(".cp-message-title")?.textContent ?? "",
    details: Array.from(bar.querySelectorAll(".cp-message-details li")).map(
      (li) => li.textContent ?? ""
    ),
    next: bar.querySelector(".cp-message-next")?.textContent ?? "",
    text: bar.textContent ?? "",
  };
}

export function mustMessage(scope: HTMLElement): ShownMessage {
  const shown = message(scope);
  if (!shown) throw new Error("no message shown");
  return shown;
}

/** The library panel's "Name", "Version", ... values. */
export function libraryInfo(root: HTMLElement): Record<string, string> {
  const info: Record<string, string> = {};
  const dl = panel(root, "Library").querySelector("dl");
  const terms = Array.from(dl?.querySelectorAll("dt") ?? []);
  for (const dt of terms) info[dt.textContent ?? ""] = dt.nextElementSibling?.textContent ?? "";
  return info;
}

export function modelOptions(root: HTMLElement): HTMLElement[] {
  return Array.from(panel(root, "Models").querySelectorAll<HTMLElement>('[role="option"]'));
}

export function visibleModelNames(root: HTMLElement): string[] {
  return modelOptions(root)
    .filter((o) => !o.hidden)
    .map((o) => o.querySelector(".cp-option-name")?.textContent ?? "");
}

export function modelOption(root: HTMLElement, name: string): HTMLElement {
  const option = modelOptions(root).find(
    (o) => o.querySelector(".cp-option-name")?.textContent === name
  );
  if (!option) throw new Error(`no model "${name}"`);
  return option;
}

// ---------------------------------------------------------------------------------------------
// The workbook, for "nothing changed" assertions
// ---------------------------------------------------------------------------------------------

/** Everything the store holds that the add-in could change, as comparable JSON. */
export function workbookSnapshot(store: CellStore): string {
  const sheets = store.listSheets().map((sheet) => {
    const bounds = store.getUsedBounds(sheet.id, false);
    const cells: Array<[number, number, unknown, unknown]> = [];
    if (bounds) {
      for (let r = bounds.row; r < bounds.row + bounds.rowCount; r++) {
        for (let c = bounds.col; c < bounds.col + bounds.colCount; c++) {
          const cell = store.getCell(sheet.id, r, c);
          if (cell.value !== null || cell.formula !== null)
            cells.push([r, c, cell.value, cell.formula]);
        }
      }
    }
    return { ...sheet, cells };
  });
  return JSON.stringify({
    sheets,
    active: store.getActiveSheetId(),
    names: store.listNames(),
    settings: store.listSettings(),
    charts: store.listCharts(),
  });
}

/** Writes a value into a named cell, as a user typing into it. */
export async function editNamedCell(
  excel: typeof Excel,
  name: string,
  value: number | string
): Promise<void> {
  await excel.run(async (context) => {
    context.workbook.names.getItem(name).getRange().values = [[value]];
    await context.sync();
  });
}

export async function readNamedCell(excel: typeof Excel, name: string): Promise<unknown> {
  return excel.run(async (context) => {
    const range = context.workbook.names.getItem(name).getRange();
    range.load("values");
    await context.sync();
    return range.values[0]?.[0];
  });
}

export async function activateSheet(excel: typeof Excel, name: string): Promise<void> {
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
}

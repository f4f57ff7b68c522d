/**
 * The sidebar mounted on the in-memory host over the workbench's HyperFormula store with the built
 * CAPPLAN functions (dist/functions.js, as Excel loads them), so formulas have values: what Freeze for
 * sharing needs to show that a copy keeps the numbers. Needs `npm run build` (as the adapter tests).
 */
import { asExcelNamespace, createMemoryExcel } from "../../../src/dev/excel-host";
import type { MemoryExcel } from "../../../src/dev/excel-host";
import type { HyperFormulaCellStore } from "../../../src/dev/workbench/hyperFormulaStore";
import { resetActiveLibrary } from "../../../src/shared-state/activeLibrary";
import { mount, type MountedTaskpane } from "../../../src/taskpane/app";
import { computedStore } from "../dev/workbench/computedStore";
import { installBrowserGaps } from "./browserGaps";
import { FIXED_NOW, MemoryStorage, noFetch } from "./harness";

export interface ComputedSidebar {
  readonly app: MountedTaskpane;
  readonly root: HTMLElement;
  readonly store: HyperFormulaCellStore;
  readonly host: MemoryExcel;
  readonly Excel: typeof Excel;
}

const mounted: ComputedSidebar[] = [];

export function mountComputedSidebar(
  options: { isSetSupported?: (name: string, version: string) => boolean } = {}
): ComputedSidebar {
  installBrowserGaps();
  const store = computedStore();
  const host = createMemoryExcel(store);
  const excel = asExcelNamespace(host.Excel);
  const root = document.createElement("div");
  document.body.appendChild(root);
  const app = mount(root, {
    excel,
    storage: new MemoryStorage(),
    fetch: noFetch,
    now: () => FIXED_NOW,
    locale: "en-US",
    isSetSupported: options.isSetSupported,
  });
  const sidebar = { app, root, store, host, Excel: excel };
  mounted.push(sidebar);
  return sidebar;
}

export function cleanUpComputed(): void {
  for (const sidebar of mounted.splice(0)) {
    sidebar.app.unmount();
    sidebar.root.remove();
  }
  resetActiveLibrary();
}

/** Every cell of a sheet with its formula and value, by A1-free (row, col) key. */
export function sheetCells(
  store: HyperFormulaCellStore,
  sheetId: string
): Map<string, { formula: string | null; value: unknown }> {
  const out = new Map<string, { formula: string | null; value: unknown }>();
  const used = store.getUsedBounds(sheetId, true);
  if (used === null) return out;
  for (let r = used.row; r < used.row + used.rowCount; r++)
    for (let c = used.col; c < used.col + used.colCount; c++) {
      const { value } = store.getCell(sheetId, r, c);
      const { formula } = store.getCellContent(sheetId, r, c);
      if (value !== null || formula !== null) out.set(`${r}:${c}`, { formula, value });
    }
  return out;
}

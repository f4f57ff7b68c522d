/* global Window */
/**
 * The contract between the workbench page (the "Excel" side: workbook, grid, formula engine) and
 * the office shim running inside the task pane's iframe (the "add-in" side). The page publishes a
 * bridge on its window; the shim, loaded in place of office.js, finds it on `window.parent`.
 * Only plain data and functions cross it: each side keeps its own classes, as a real add-in and
 * Excel share nothing but the wire.
 */
import type { CellStore, MemoryExcelStats } from "../excel-host";

export const BRIDGE_KEY = "capplanWorkbenchBridge";

export interface WorkbenchBridge {
  /** The workbook: the Excel host the shim builds reads and writes it (like the wire to Excel). */
  readonly store: CellStore;
  /** CustomFunctions.associate, forwarded: the function keeps running in the pane's realm. */
  associate(id: string, implementation: (...args: unknown[]) => unknown): void;
  /** The pane's Excel host, so the page can report round trips (the test API's stats()). */
  attachHost(host: { readonly stats: MemoryExcelStats }): void;
  /** Office.onReady resolved in the pane. */
  paneReady(): void;
}

/** The bridge of the parent page, if this window is the workbench's task pane iframe. */
export function findBridge(win: Window): WorkbenchBridge | undefined {
  try {
    if (win.parent === win) return undefined;
    const candidate: unknown = (win.parent as unknown as Record<string, unknown>)[BRIDGE_KEY];
    return typeof candidate === "object" && candidate !== null
      ? (candidate as WorkbenchBridge)
      : undefined;
  } catch {
    // A cross-origin parent: not the workbench.
    return undefined;
  }
}

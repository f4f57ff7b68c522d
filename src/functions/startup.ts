/* global globalThis */
/**
 * What functions.js does when it loads, before Excel's first calculation, whether or not the task pane ever
 * opens: bring back the saved team library (restoreLibrary.ts), then find out which library the workbook
 * pins (its template registry, read through src/excel) and, only if that changes what the functions answer
 * (the pinned library is missing), ask Excel to recalculate so no cell keeps numbers from the wrong library.
 */
import { updatePinnedLibrary } from "../excel/pinnedLibrary";
import { retryFailedRecalculation, type RecalcExcel } from "../excel/recalculate";
import type { StorageLike } from "../shared-state/libraryCache";
import { recordStartupRestore, setPinnedLibrary } from "../shared-state/activeLibrary";
import { restoreSavedLibrary } from "./restoreLibrary";

interface RuntimeGlobals {
  readonly localStorage?: StorageLike;
  readonly Excel?: RecalcExcel;
  readonly Office?: { readonly onReady?: () => Promise<unknown> };
}

const scope = globalThis as unknown as RuntimeGlobals & Record<symbol, unknown>;

/** localStorage of the shared runtime; null in Excel's JavaScript-only runtime or when blocked. */
function runtimeStorage(): StorageLike | null {
  try {
    return scope.localStorage ?? null;
  } catch {
    return null; // reading the property itself throws where storage is blocked
  }
}

/** Reads the workbook's pin; the functions keep answering with the restored library meanwhile. */
async function checkWorkbookPin(): Promise<void> {
  const excel = scope.Excel;
  if (excel === undefined || typeof excel.run !== "function") return; // no workbook to read
  try {
    if (typeof scope.Office?.onReady === "function") await scope.Office.onReady();
    // Cells computed before the pin was known hold the restored library's numbers: a refused
    // recalculation is asked again, then shown (LIBRARY(), the pane), never ignored.
    await retryFailedRecalculation(excel, await updatePinnedLibrary(excel));
  } catch {
    // The settings could not be read: nothing is known to be pinned, the restored library stays in use.
    setPinnedLibrary({ kind: "none" });
  }
}

recordStartupRestore(restoreSavedLibrary(runtimeStorage(), new Date()));

/** Resolves when the pin check is over (tests and the workbench wait on it). */
export const FUNCTIONS_STARTUP_KEY = Symbol.for("capacity-planner.functions-startup");
scope[FUNCTIONS_STARTUP_KEY] = checkWorkbookPin();

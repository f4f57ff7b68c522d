/**
 * Refresh a rent-vs-build template's assumptions from the current library: plan (1 sync), apply the
 * rows the user ticked (1 sync), undo the last refresh (3 syncs). See refreshSheet.ts.
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import { LIBRARY_HEADER, assumptionsFromLibrary } from "../templates/rentVsBuild";
import type { ExcelApi } from "./excelApi";
import {
  applyRefreshWith,
  moveToLibraryWith,
  planRefreshWith,
  undoLastRefreshWith,
} from "./refreshSheet";
import type { RefreshOptions, RefreshPlan, UndoResult } from "./refreshSheet";

export type {
  CellContent,
  LibraryRef,
  KeptEdit,
  NotRestored,
  RefreshBasis,
  RefreshOptions,
  RefreshPlan,
  RefreshRow,
  RefreshRowStatus,
  UndoResult,
} from "./refreshSheet";

export async function planRefresh(excel: ExcelApi, index: LibraryIndex): Promise<RefreshPlan> {
  return planRefreshWith(excel, index, assumptionsFromLibrary, LIBRARY_HEADER);
}

export async function applyRefresh(
  excel: ExcelApi,
  plan: RefreshPlan,
  keys: readonly string[],
  options?: RefreshOptions
): Promise<{ applied: number }> {
  return applyRefreshWith(excel, plan, keys, options);
}

export async function undoLastRefresh(
  excel: ExcelApi,
  options?: RefreshOptions
): Promise<UndoResult> {
  return undoLastRefreshWith(excel, options);
}

/** Re-stamps a sheet whose pinned library is behind the one in use (plan.libraryMove); see refreshSheet.ts. */
export async function moveToLibrary(
  excel: ExcelApi,
  plan: RefreshPlan,
  options?: RefreshOptions
): Promise<{ moved: boolean }> {
  return moveToLibraryWith(excel, plan, options);
}

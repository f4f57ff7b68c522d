/**
 * Refresh a rent-vs-build template's assumptions from the current library: plan (1 sync), apply the
 * rows the user ticked (1 sync), undo the last refresh (3 syncs). See refreshSheet.ts. After an apply, the
 * change report (src/templates/changeReport.ts) is computed from what planning read (no sync), and
 * "Add as sheet" writes it as a sheet (2 syncs, changeReportSheet.ts).
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import { loadCode } from "./errors";
import type { ExcelApi } from "./excelApi";
import type { CellScalar, RefreshOptions, RefreshPlan, UndoResult } from "./refreshSheet";
import type { ChangeReport } from "../templates/changeReport";

/**
 * The refresh code and the template builder are loaded on first use (one chunk with the insert's): they are
 * a third of the task pane's code, and the pane opens faster without them (npm run bench, taskpane.js).
 * Nothing touches the workbook before they are here.
 */
const refreshSheet = () =>
  loadCode(() => import(/* webpackChunkName: "template" */ "./refreshSheet"));

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
  const [{ planRefreshWith }, { LIBRARY_HEADER, assumptionsFromLibrary }] = await Promise.all([
    refreshSheet(),
    loadCode(() => import(/* webpackChunkName: "template" */ "../templates/rentVsBuild")),
  ]);
  return planRefreshWith(excel, index, assumptionsFromLibrary, LIBRARY_HEADER, CHANGE_REPORT_NAMES);
}

/** The sheet's cells the change report reads besides the assumptions (src/templates/changeReport.ts). */
const CHANGE_REPORT_NAMES = ["Horizon", "Difference", "DifferenceWithDelay"] as const;

/**
 * The change report of an apply of `keys` from `plan`: computed from what planning read, so it costs no sync.
 * Call it after applyRefresh succeeded.
 */
export async function changeReportFor(
  plan: RefreshPlan,
  keys: readonly string[],
  appliedAt: Date
): Promise<ChangeReport> {
  const [{ provenanceDifferences }, { buildChangeReport }] = await Promise.all([
    refreshSheet(),
    loadCode(() => import(/* webpackChunkName: "template" */ "../templates/changeReport")),
  ]);
  const assumptions: Record<string, CellScalar> = Object.create(null) as Record<string, CellScalar>;
  for (const [key, cell] of Object.entries(plan.basis.cells)) assumptions[key] = cell.value;
  return buildChangeReport({
    sheetName: plan.sheetName,
    libraryBefore: plan.libraryBefore,
    libraryAfter: plan.libraryAfter,
    appliedAt: appliedAt.toISOString(),
    rows: plan.rows,
    applied: keys,
    cellsBefore: { assumptions, horizon: plan.sheetValues.Horizon },
    provenanceDifferences: provenanceDifferences(plan),
    sheetDifference: plan.sheetValues.Difference,
    sheetDifferenceWithDelay: plan.sheetValues.DifferenceWithDelay,
  });
}

export async function applyRefresh(
  excel: ExcelApi,
  plan: RefreshPlan,
  keys: readonly string[],
  options?: RefreshOptions
): Promise<{ applied: number }> {
  return (await refreshSheet()).applyRefreshWith(excel, plan, keys, options);
}

export async function undoLastRefresh(
  excel: ExcelApi,
  options?: RefreshOptions
): Promise<UndoResult> {
  return (await refreshSheet()).undoLastRefreshWith(excel, options);
}

/** Re-stamps a sheet whose pinned library is behind the one in use (plan.libraryMove); see refreshSheet.ts. */
export async function moveToLibrary(
  excel: ExcelApi,
  plan: RefreshPlan,
  options?: RefreshOptions
): Promise<{ moved: boolean }> {
  return (await refreshSheet()).moveToLibraryWith(excel, plan, options);
}

/** Writes a change report as a new "What changed" sheet (2 syncs); see changeReportSheet.ts. */
export async function addChangeReportSheet(
  excel: ExcelApi,
  report: ChangeReport
): Promise<{ readonly sheetName: string }> {
  const { addChangeReportSheet: add } = await loadCode(
    () => import(/* webpackChunkName: "template" */ "./changeReportSheet")
  );
  return add(excel, report);
}

/**
 * Run risk analysis: re-runs the active template's Monte Carlo and rewrites its Risk section's values
 * with their run stamp, in 2 syncs with progress (see riskAnalysisRun.ts).
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import { loadCode } from "./errors";
import type { ExcelApi } from "./excelApi";
import type { RiskAnalysisOptions, RiskAnalysisResult } from "./riskAnalysisRun";

export type { RiskAnalysisOptions, RiskAnalysisResult, RiskProgress } from "./riskAnalysisRun";

export async function runRiskAnalysis(
  excel: ExcelApi,
  index: LibraryIndex,
  options: RiskAnalysisOptions = {}
): Promise<RiskAnalysisResult> {
  // The engine and the template code are loaded on first use, with the insert's (the "template" chunk):
  // the pane opens faster without them (npm run bench, taskpane.js). Nothing touches the workbook before.
  const { runRiskAnalysisWith } = await loadCode(
    () => import(/* webpackChunkName: "template" */ "./riskAnalysisRun")
  );
  return runRiskAnalysisWith(excel, index, options);
}

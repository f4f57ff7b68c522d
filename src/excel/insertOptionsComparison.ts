/**
 * Insert an Options comparison sheet for a library scenario (at most 3 syncs; see insertSheet.ts): the six
 * routes of CAPPLAN.OPTIONS side by side, ranked, with a bar chart and a waterfall of the two best.
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import { loadCode } from "./errors";
import type { ExcelApi } from "./excelApi";
import type { InsertOptions, InsertProgress, InsertResult } from "./insertSheet";

/** The sheet's base name ("Options comparison", "Options comparison (2)"...). */
export const OPTIONS_SHEET_BASE = "Options comparison";

export async function insertOptionsComparison(
  excel: ExcelApi,
  index: LibraryIndex,
  scenarioId: string,
  onProgress?: InsertProgress,
  options: InsertOptions = {}
): Promise<InsertResult> {
  // Loaded when first used, in the same "template" chunk as the rent-vs-build builder.
  const [{ buildOptionsComparisonTemplate }, { insertTemplateSpec }] = await loadCode(() =>
    Promise.all([
      import(/* webpackChunkName: "template" */ "../templates/optionsComparison"),
      import(/* webpackChunkName: "template" */ "./insertSheet"),
    ])
  );
  return insertTemplateSpec(
    excel,
    (placement) => buildOptionsComparisonTemplate(index, scenarioId, placement),
    onProgress,
    { ...options, sheetBaseName: OPTIONS_SHEET_BASE, kind: "options" }
  );
}

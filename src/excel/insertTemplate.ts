/**
 * Insert a rent-vs-build template sheet for a library scenario (at most 3 syncs; see insertSheet.ts).
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import { loadCode } from "./errors";
import type { ExcelApi } from "./excelApi";
import type { InsertOptions, InsertProgress, InsertResult } from "./insertSheet";

export type { InsertOptions, InsertProgress, InsertResult, TemplatePlacement } from "./insertSheet";

export async function insertTemplate(
  excel: ExcelApi,
  index: LibraryIndex,
  scenarioId: string,
  onProgress?: InsertProgress,
  options?: InsertOptions
): Promise<InsertResult> {
  // The template builder is loaded when first used: it is a third of the task pane's code, and the pane
  // opens faster without it (npm run bench, taskpane.js). Nothing touches the workbook before it is here.
  const [{ buildRentVsBuildTemplate }, { insertTemplateSpec }] = await loadCode(() =>
    Promise.all([
      import(/* webpackChunkName: "template" */ "../templates/rentVsBuild"),
      import(/* webpackChunkName: "template" */ "./insertSheet"),
    ])
  );
  return insertTemplateSpec(
    excel,
    (placement) => buildRentVsBuildTemplate(index, scenarioId, placement),
    onProgress,
    options
  );
}

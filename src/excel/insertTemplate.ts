/**
 * Insert a rent-vs-build template sheet for a library scenario (at most 3 syncs; see insertSheet.ts).
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import { buildRentVsBuildTemplate } from "../templates/rentVsBuild";
import type { ExcelApi } from "./excelApi";
import { insertTemplateSpec } from "./insertSheet";
import type { InsertOptions, InsertProgress, InsertResult } from "./insertSheet";

export type { InsertOptions, InsertProgress, InsertResult, TemplatePlacement } from "./insertSheet";

export async function insertTemplate(
  excel: ExcelApi,
  index: LibraryIndex,
  scenarioId: string,
  onProgress?: InsertProgress,
  options?: InsertOptions
): Promise<InsertResult> {
  return insertTemplateSpec(
    excel,
    (placement) => buildRentVsBuildTemplate(index, scenarioId, placement),
    onProgress,
    options
  );
}

/**
 * Insert a rent-vs-build template sheet for a library scenario (at most 3 syncs; see insertCore.ts).
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import { buildRentVsBuildTemplate } from "../templates/rentVsBuild";
import type { ExcelApi } from "./excelApi";
import { insertTemplateSpec } from "./insertCore";
import type { InsertOptions, InsertProgress, InsertResult } from "./insertCore";

export type { InsertOptions, InsertProgress, InsertResult, TemplatePlacement } from "./insertCore";

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

/**
 * Insert a Board memo summarising the active Rent vs Build sheet (at most 3 syncs; see insertSheet.ts):
 * sync 1 reads the active sheet, the names and the registry, the memo is built from them (or refused,
 * with nothing written), sync 2 writes it with its page setup, sync 3 records it with its source's id.
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import { loadCode } from "./errors";
import type { ExcelApi } from "./excelApi";
import type { InsertOptions, InsertProgress, InsertResult } from "./insertSheet";

export const BOARD_MEMO_SHEET_BASE = "Board memo";

export async function insertBoardMemo(
  excel: ExcelApi,
  index: LibraryIndex,
  onProgress?: InsertProgress,
  options?: InsertOptions
): Promise<InsertResult> {
  // Loaded when first used, with the other template code (see insertTemplate.ts).
  const [{ buildBoardMemo, memoSourceOf }, { insertTemplateSpec }] = await loadCode(() =>
    Promise.all([
      import(/* webpackChunkName: "template" */ "./boardMemoSource"),
      import(/* webpackChunkName: "template" */ "./insertSheet"),
    ])
  );
  const now = (options?.now ?? (() => new Date()))();
  return insertTemplateSpec(
    excel,
    (placement, facts) => buildBoardMemo(index, placement, facts, now),
    onProgress,
    {
      ...options,
      sheetBaseName: BOARD_MEMO_SHEET_BASE,
      kind: "boardMemo",
      needsWorkbook: true,
      sourceWorksheetId: (facts) => memoSourceOf(facts, index).registryId,
    }
  );
}

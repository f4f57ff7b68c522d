/**
 * The Board memo's source: the active sheet, which must be a Rent vs Build template (found in the registry
 * as refresh finds it), turned into what the memo builder needs. Runs on what sync 1 of the insert read
 * (WorkbookFacts), so a refusal comes before anything is written.
 */
import { excelNameKey } from "../model/a1";
import { findScenario } from "../model/library/indexLibrary";
import type { LibraryIndex } from "../model/library/indexLibrary";
import { buildBoardMemoTemplate } from "../templates/boardMemo";
import type { MemoSource } from "../templates/boardMemo";
import type { TemplateSpec } from "../templates/types";
import { ScenarioNotInLibraryError } from "./errors";
import type { TemplatePlacement, WorkbookFacts } from "./insertSheet";
import { findEntry } from "./refreshSheet";
import { pinOfRegistry } from "./templateRegistry";

export interface FoundMemoSource {
  /** The registry id of the source sheet (recorded in the memo's entry). */
  readonly registryId: string;
  readonly source: MemoSource;
}

/**
 * The active sheet as a memo source. Throws NotATemplateSheetError (not a template),
 * NotARentVsBuildSheetError (an Options comparison or a Board memo), CorruptTemplateEntryError, or
 * ScenarioNotInLibraryError when the active library lacks the sheet's scenario.
 */
export function memoSourceOf(facts: WorkbookFacts, index: LibraryIndex): FoundMemoSource {
  const { registryId, entry } = findEntry(facts.registry, facts.activeSheet, facts);
  if (findScenario(index, entry.scenarioId) === undefined)
    throw new ScenarioNotInLibraryError(
      entry.scenarioId,
      index.library.meta.name,
      "insert the Board memo again"
    );
  // The memo's entry records the workbook's pin (the library of the template inserted or refreshed last), so
  // inserting a memo never moves it; with no readable pin, the source sheet's own library.
  const pin = pinOfRegistry(facts.registry);
  const library =
    pin.kind === "pinned"
      ? { id: pin.library.id, version: pin.library.version }
      : { id: entry.libraryId, version: entry.libraryVersion };
  return {
    registryId,
    source: {
      sheetName: facts.activeSheet.name,
      nameSuffix: entry.nameSuffix,
      scenarioId: entry.scenarioId,
      libraryId: library.id,
      libraryVersion: library.version,
      hasName: (name) => facts.names.has(excelNameKey(name)),
    },
  };
}

/** The memo for the active sheet of `facts` (the insert's builder). */
export function buildBoardMemo(
  index: LibraryIndex,
  placement: TemplatePlacement,
  facts: WorkbookFacts | null,
  now: Date
): TemplateSpec {
  // The insert is asked with needsWorkbook, so every build sees what sync 1 read.
  if (facts === null) throw new Error("The Board memo is built from the workbook it summarises.");
  const { source } = memoSourceOf(facts, index);
  return buildBoardMemoTemplate(index, source, { ...placement, now });
}

/**
 * Errors src/excel raises, each with a message written for the person using the sidebar: what went
 * wrong and what to do next. The sidebar shows `message` as is (as text, never as HTML).
 */

export type CapacityPlannerErrorCode =
  | "NotATemplateSheet"
  | "NotARentVsBuildSheet"
  | "CorruptRegistry"
  | "CorruptTemplateEntry"
  | "NewerRegistry"
  | "ScenarioNotInLibrary"
  | "NothingToUndo"
  | "CorruptUndoRecord"
  | "UnsafeUndoRecord"
  | "RefreshedSheetMissing"
  | "InvalidRefreshSelection"
  | "CodeLoadFailed"
  | "RiskAnalysisRefused"
  | "TemplateInputCell"
  | "FreezeRefused"
  | "ExcelOperationFailed";

export abstract class CapacityPlannerError extends Error {
  abstract readonly code: CapacityPlannerErrorCode;

  protected constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    if (options !== undefined && "cause" in options) {
      Object.defineProperty(this, "cause", {
        value: options.cause,
        enumerable: false,
        writable: true,
        configurable: true,
      });
    }
    this.name = new.target.name;
  }
}

/**
 * The template and refresh code (dist/template.*.js, loaded on first use) could not be fetched: offline, or
 * the add-in was redeployed while this pane was open. Raised before anything touches the workbook.
 */
export class CodeLoadFailedError extends CapacityPlannerError {
  readonly code = "CodeLoadFailed";

  constructor(cause: unknown) {
    super(
      "Capacity Planner could not load its template and refresh code. Nothing in the workbook was changed. Check the connection and try again; if the add-in was updated meanwhile, close and reopen it.",
      { cause }
    );
  }
}

/** Loads code split out of taskpane.js; any failure becomes CodeLoadFailedError. */
export async function loadCode<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw new CodeLoadFailedError(error);
  }
}

export class NotATemplateSheetError extends CapacityPlannerError {
  readonly code = "NotATemplateSheet";

  constructor(readonly sheetName: string | null = null) {
    super(
      "The active sheet is not a Capacity Planner template. Select a 'Rent vs Build' sheet, or insert one."
    );
  }
}

/** The active sheet is a template of another kind (Options comparison, Board memo) where a Rent vs Build one is needed. */
export class NotARentVsBuildSheetError extends CapacityPlannerError {
  readonly code = "NotARentVsBuildSheet";

  constructor(
    readonly sheetName: string,
    readonly kindLabel: string
  ) {
    super(
      `The sheet '${sheetName}' is ${kindLabel}: its numbers come from CAPPLAN functions and from a Rent vs Build sheet, so it has no library assumptions of its own. Select a 'Rent vs Build' sheet.`
    );
  }
}

/** The workbook's template metadata ("capplan.templates") cannot be read at all. */
export class CorruptRegistryError extends CapacityPlannerError {
  readonly code = "CorruptRegistry";

  constructor(readonly problem: string) {
    super(
      `The Capacity Planner information saved in this workbook is damaged (${problem}), so nothing was changed. ` +
        "Insert a new 'Rent vs Build' sheet to start again; the damaged information is kept in the workbook for support."
    );
  }
}

/** This sheet's entry in the metadata is unreadable: the sheet is treated as not a template. */
export class CorruptTemplateEntryError extends CapacityPlannerError {
  readonly code = "CorruptTemplateEntry";

  constructor(
    readonly sheetName: string,
    readonly problem: string
  ) {
    super(
      `The Capacity Planner information for the sheet '${sheetName}' is damaged (${problem}), so it cannot be refreshed ` +
        "and nothing was changed. Insert a new 'Rent vs Build' sheet and copy your inputs across."
    );
  }
}

export class NewerRegistryError extends CapacityPlannerError {
  readonly code = "NewerRegistry";

  constructor(readonly version: number) {
    super(
      `This workbook's templates were saved by a newer version of Capacity Planner (format ${version}), so nothing was changed. ` +
        "Update the add-in (reload the task pane) and try again."
    );
  }
}

export class ScenarioNotInLibraryError extends CapacityPlannerError {
  readonly code = "ScenarioNotInLibrary";

  constructor(
    readonly scenarioId: string,
    readonly libraryName: string,
    /** What to do once that library is loaded. */
    again = "refresh again"
  ) {
    super(
      `This sheet was made from the scenario '${scenarioId}', which the loaded library '${libraryName}' does not have. ` +
        `Load the library the sheet came from (or one that includes the scenario) and ${again}.`
    );
  }
}

export class NothingToUndoError extends CapacityPlannerError {
  readonly code = "NothingToUndo";

  constructor() {
    super("There is no refresh to undo in this workbook.");
  }
}

export class CorruptUndoRecordError extends CapacityPlannerError {
  readonly code = "CorruptUndoRecord";

  constructor(readonly problem: string) {
    super(
      `The saved undo information is damaged (${problem}), so nothing was restored; it was set aside for support. ` +
        "Check the assumption values by hand; the sheet's sources and as-of dates show where each came from."
    );
  }
}

/**
 * The undo record asks to write something the add-in could never have saved there (a formula calling a
 * function, a reference outside the template): a workbook's settings are untrusted, so nothing is written.
 */
export class UnsafeUndoRecordError extends CapacityPlannerError {
  readonly code = "UnsafeUndoRecord";

  constructor(
    readonly names: readonly string[],
    readonly backupKey: string
  ) {
    super(
      `The saved undo information for ${names.join(", ")} is not a value or formula Capacity Planner could have written, ` +
        `so nothing was restored. It was set aside (setting '${backupKey}'); check those assumptions by hand against ` +
        "the sources and as-of dates on the sheet."
    );
  }
}

export class RefreshedSheetMissingError extends CapacityPlannerError {
  readonly code = "RefreshedSheetMissing";

  constructor(readonly sheetName: string) {
    super(
      `The sheet '${sheetName}' that the last refresh changed no longer exists, so there is nothing to undo.`
    );
  }
}

/** A programming error in the caller: keys that are not refreshable rows of the plan. */
export class InvalidRefreshSelectionError extends CapacityPlannerError {
  readonly code = "InvalidRefreshSelection";

  constructor(readonly keys: readonly string[]) {
    super(
      `These assumptions cannot be refreshed: ${keys.join(", ")}. Run the refresh again to get an up-to-date list.`
    );
  }
}

/**
 * Run risk analysis did not run: the sheet has no Risk section, trials or seed are out of range, or the
 * typed ranges do not allow a run. Raised before anything is written: the workbook is as it was.
 */
export class RiskAnalysisRefusedError extends CapacityPlannerError {
  readonly code = "RiskAnalysisRefused";

  constructor(
    readonly problem: string,
    readonly next: string
  ) {
    super(`${problem}. Nothing in the workbook was changed. ${next}`);
  }
}

/** Excel refused an operation (e.g. a sync failed); wraps the OfficeExtension.Error as `cause`. */
export class ExcelOperationFailedError extends CapacityPlannerError {
  readonly code = "ExcelOperationFailed";

  constructor(
    readonly action: string,
    readonly excelCode: string | null,
    detail: string,
    cause: unknown,
    readonly rolledBack: boolean,
    /** What the failure left behind and what to do, when the action knows better than the default. */
    outcome?: string
  ) {
    super(
      `Excel could not ${action}: ${detail}${excelCode === null ? "" : ` (${excelCode})`}. ` +
        (outcome ??
          (rolledBack ? "Nothing was changed. " : "") +
            "Close any cell you are editing and try again; if it keeps failing, save the workbook and reopen it."),
      { cause }
    );
  }
}

/** `OfficeExtension.Error` (and the in-memory host's) carry a string `code`. */
export function excelErrorCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code: unknown = (error as { code: unknown }).code;
    return typeof code === "string" ? code : null;
  }
  return null;
}

/** Where Excel says the failing operation was queued ("WorksheetCollection.add"...), if it says. */
export function excelErrorLocation(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("debugInfo" in error)) return null;
  const debugInfo: unknown = (error as { debugInfo: unknown }).debugInfo;
  if (typeof debugInfo !== "object" || debugInfo === null || !("errorLocation" in debugInfo))
    return null;
  const location: unknown = (debugInfo as { errorLocation: unknown }).errorLocation;
  return typeof location === "string" ? location : null;
}

function errorDetail(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== "")
    return error.message.trim().replace(/\.$/, "");
  return "an unexpected error";
}

/** Wraps anything thrown by Excel (not our own typed errors) for the sidebar. */
export function wrapExcelError(
  action: string,
  error: unknown,
  rolledBack: boolean,
  outcome?: string
): Error {
  if (error instanceof CapacityPlannerError) return error;
  return new ExcelOperationFailedError(
    action,
    excelErrorCode(error),
    errorDetail(error),
    error,
    rolledBack,
    outcome
  );
}

/** The text to show in the sidebar's message bar for any error. */
export function userMessage(error: unknown): string {
  if (error instanceof CapacityPlannerError) return error.message;
  return wrapExcelError("complete the action", error, false).message;
}

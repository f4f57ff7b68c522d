/**
 * Errors from src/excel as message-bar messages: a short title per error, and the error's own message
 * (which already says what to do next) as the next step.
 */
import { CapacityPlannerError, userMessage, type CapacityPlannerErrorCode } from "../excel/errors";
import type { Message, MessageKind } from "./messageBar";

const TITLES: Readonly<Record<CapacityPlannerErrorCode, string>> = {
  NotATemplateSheet: "This sheet is not a Rent vs Build template",
  NotARentVsBuildSheet: "This sheet is not a Rent vs Build sheet",
  CorruptRegistry: "The Capacity Planner information in this workbook is damaged",
  CorruptTemplateEntry: "This sheet's Capacity Planner information is damaged",
  NewerRegistry: "This workbook needs a newer Capacity Planner",
  ScenarioNotInLibrary: "The loaded library does not have this sheet's scenario",
  NothingToUndo: "Nothing to undo",
  CorruptUndoRecord: "The undo information is damaged",
  UnsafeUndoRecord: "The undo information was refused",
  RefreshedSheetMissing: "The refreshed sheet no longer exists",
  InvalidRefreshSelection: "The list of updates is out of date",
  CodeLoadFailed: "Capacity Planner could not load part of itself",
  RiskAnalysisRefused: "The risk analysis did not run",
  TemplateInputCell: "The function was not inserted: that cell is a template input",
  FreezeRefused: "The sheets were not frozen",
  ExcelOperationFailed: "Excel could not complete the action",
};

const KINDS: Partial<Record<CapacityPlannerErrorCode, MessageKind>> = {
  NotATemplateSheet: "warning",
  NotARentVsBuildSheet: "warning",
  NothingToUndo: "info",
  RefreshedSheetMissing: "warning",
  ScenarioNotInLibrary: "warning",
  InvalidRefreshSelection: "warning",
  RiskAnalysisRefused: "warning",
  TemplateInputCell: "warning",
  FreezeRefused: "warning",
};

/** The message for anything an src/excel call threw. `action` names what failed ("Inserting the template"). */
export function excelErrorMessage(error: unknown, action: string): Message {
  if (error instanceof CapacityPlannerError) {
    return { kind: KINDS[error.code] ?? "error", title: TITLES[error.code], next: error.message };
  }
  return { kind: "error", title: `${action} failed`, next: userMessage(error) };
}

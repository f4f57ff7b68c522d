/* global CustomFunctions */
/**
 * The one place that turns failures into Excel error values. Excel shows the code in the cell and, ONLY for
 * #VALUE! and #N/A, the custom message on hover (Microsoft's ErrorCode reference: no custom message for #NUM!,
 * #DIV/0!, #NULL!, #NAME?, #REF!). A message the user can act on matters more than the code, so every failure
 * maps to one of those two: unknown names and results that do not exist -> #N/A, anything the user typed
 * wrong (type, missing, or a number outside its range) -> #VALUE! with the allowed range in the message.
 */
import { isModelInputError } from "../model/finance";
import { LookupError } from "../model/resolve";
import { ArgumentError } from "./argumentError";

/** A result that does not exist (e.g. no breakeven within 10 years): #N/A rather than a made-up number. */
export class NoResultError extends Error {
  override readonly name = "NoResultError";
}

/** The workbook pins a library that is not loaded (activeLibrary.ts): #N/A, never another library's numbers. */
export class LibraryUnavailableError extends Error {
  override readonly name = "LibraryUnavailableError";
}

// Excel truncates longer messages; keep the start, which names the argument.
const MAX_MESSAGE = 255;
const clip = (message: string): string =>
  message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;

/** The codes whose message Excel displays: the only ones this add-in throws. */
type ShownCode = CustomFunctions.ErrorCode.invalidValue | CustomFunctions.ErrorCode.notAvailable;

function excelError(code: ShownCode, message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(code, clip(message));
}

export function toExcelError(error: unknown): CustomFunctions.Error {
  const { ErrorCode } = CustomFunctions;
  if (
    error instanceof LookupError ||
    error instanceof NoResultError ||
    error instanceof LibraryUnavailableError
  ) {
    return excelError(ErrorCode.notAvailable, error.message);
  }
  // Out of range ("number") and wrong type ("value") alike: #VALUE!, whose message Excel shows.
  if (error instanceof ArgumentError) return excelError(ErrorCode.invalidValue, error.message);
  if (isModelInputError(error)) {
    return excelError(
      ErrorCode.invalidValue,
      error.kind === "range" ? `Out of range: ${error.message}.` : `${error.message}.`
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return excelError(ErrorCode.invalidValue, `Capacity Planner could not compute this: ${detail}`);
}

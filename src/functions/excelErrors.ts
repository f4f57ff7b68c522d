/* global CustomFunctions */
/**
 * The one place that turns failures into Excel error values. Excel shows the code in the cell and the message
 * on hover, so messages say what to type instead.
 */
import { isModelInputError } from "../model/finance";
import { LookupError } from "../model/resolve";
import { ArgumentError } from "./argumentError";

/** A result that does not exist (e.g. no breakeven within 10 years): #N/A rather than a made-up number. */
export class NoResultError extends Error {
  override readonly name = "NoResultError";
}

// Excel truncates longer messages; keep the start, which names the argument.
const MAX_MESSAGE = 255;
const clip = (message: string): string =>
  message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;

export function toExcelError(error: unknown): CustomFunctions.Error {
  const { ErrorCode } = CustomFunctions;
  if (error instanceof LookupError || error instanceof NoResultError) {
    return new CustomFunctions.Error(ErrorCode.notAvailable, clip(error.message));
  }
  if (error instanceof ArgumentError) {
    const code = error.kind === "number" ? ErrorCode.invalidNumber : ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, clip(error.message));
  }
  if (isModelInputError(error)) {
    const code = error.kind === "range" ? ErrorCode.invalidNumber : ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, clip(`Out of range: ${error.message}.`));
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(
    ErrorCode.invalidValue,
    clip(`Capacity Planner could not compute this: ${detail}`)
  );
}

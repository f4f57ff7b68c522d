/**
 * Errors of the in-memory Excel host, shaped like `OfficeExtension.Error`
 * (`name` "RichApi.Error", `code`, `message`, `debugInfo.errorLocation`), so code
 * that inspects `error.code` behaves the same here and in Excel.
 */

/** The `Excel.ErrorCodes` / `OfficeExtension.ErrorCodes` values this host raises. */
export type MemoryErrorCode =
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidObjectPath"
  | "InvalidReference"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "ValueNotLoaded"
  | "RunMustReturnPromise"
  | "UnsupportedOperation"
  | "ResponsePayloadSizeLimitExceeded"
  /** OfficeExtension.ErrorCodes.connectionFailure: the answer of a round trip never arrived. */
  | "ConnectionFailure";

export interface MemoryErrorDebugInfo {
  code: string;
  message: string;
  /** Where the failing operation was queued, e.g. "WorksheetCollection.add" or "Range.values". */
  errorLocation?: string;
  /** A short rendering of the failing statement (this host: the operation's location). */
  statement?: string;
}

/** Default messages, paraphrasing Office's so log output reads familiar. */
const DEFAULT_MESSAGES: Record<MemoryErrorCode, string> = {
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The requested operation is invalid.",
  InvalidObjectPath:
    "The object path isn't working for what you're trying to do. Objects cannot be used after their Excel.run batch has finished.",
  InvalidReference: "This reference isn't valid for the current operation.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise.',
  UnsupportedOperation: "The operation is not supported by the in-memory Excel host.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  ConnectionFailure: "The connection to Excel was lost before its answer arrived.",
};

export class MemoryExcelError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: MemoryErrorCode;
  readonly debugInfo: MemoryErrorDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: MemoryExcelError | null = null;

  constructor(code: MemoryErrorCode, message?: string, errorLocation?: string) {
    const text = message ?? DEFAULT_MESSAGES[code];
    super(text);
    this.code = code;
    this.debugInfo = { code, message: text };
    if (errorLocation !== undefined) {
      this.debugInfo.errorLocation = errorLocation;
      this.debugInfo.statement = errorLocation;
    }
  }

  /** A copy that names `location` as the failing place, unless one is already set. */
  located(location: string): MemoryExcelError {
    if (this.debugInfo.errorLocation !== undefined) return this;
    return new MemoryExcelError(this.code, this.message, location);
  }
}

export function itemNotFound(what?: string): MemoryExcelError {
  return new MemoryExcelError(
    "ItemNotFound",
    what === undefined ? undefined : `The requested resource doesn't exist: ${what}.`
  );
}

export function itemAlreadyExists(what?: string): MemoryExcelError {
  return new MemoryExcelError(
    "ItemAlreadyExists",
    what === undefined
      ? undefined
      : `A resource with the same name or identifier already exists: ${what}.`
  );
}

export function propertyNotLoaded(entity: string, property: string): MemoryExcelError {
  return new MemoryExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`
  );
}

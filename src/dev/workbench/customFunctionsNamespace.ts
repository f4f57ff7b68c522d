/**
 * A stand-in for the `CustomFunctions` global of Excel's custom-functions runtime: `Error` (code shown in the
 * cell, message on hover), `ErrorCode`, and `associate` in both its forms. The workbench's Office shim and the
 * tests that load the built functions.js use this one definition.
 */

/** The error codes Excel's custom-functions runtime exposes as CustomFunctions.ErrorCode. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ExcelErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The only codes whose custom message Excel shows (Microsoft's ErrorCode reference: "A custom error message
 * can't be used" for #DIV/0!, #NUM!, #NULL!, #NAME? and #REF!). Excel drops the message of every other code.
 */
export const CODES_WITH_MESSAGE: ReadonlySet<string> = new Set<string>([
  ErrorCode.invalidValue,
  ErrorCode.notAvailable,
]);

/** The message Excel shows beside `code`: the custom message for #VALUE! and #N/A, nothing otherwise. */
export function shownMessage(code: string, message: string | undefined): string {
  return CODES_WITH_MESSAGE.has(code) ? (message ?? "") : "";
}

/**
 * Mirrors CustomFunctions.Error as the user sees it: `code` in the cell and `message` on hover. The message
 * is what Excel displays, so it is dropped for codes that cannot carry one: a test or the workbench reading
 * it sees exactly what a user of Excel would (nothing), not what the add-in hoped to show.
 */
export class CustomFunctionsError extends Error {
  readonly code: ExcelErrorCode;
  constructor(code: ExcelErrorCode, message?: string) {
    super(shownMessage(code, message));
    this.code = code;
  }
}

export type CustomFunctionImplementation = (...args: unknown[]) => unknown;

export interface CustomFunctionsNamespace {
  readonly Error: typeof CustomFunctionsError;
  readonly ErrorCode: typeof ErrorCode;
  associate(
    idOrMappings: string | Record<string, CustomFunctionImplementation>,
    implementation?: CustomFunctionImplementation
  ): void;
}

/** The namespace, handing every associated function (by its id as written) to `register`. */
export function createCustomFunctionsNamespace(
  register: (id: string, implementation: CustomFunctionImplementation) => void
): CustomFunctionsNamespace {
  return {
    Error: CustomFunctionsError,
    ErrorCode,
    associate(idOrMappings, implementation): void {
      if (typeof idOrMappings === "string") {
        if (implementation === undefined)
          throw new Error(`associate("${idOrMappings}") needs a function`);
        register(idOrMappings, implementation);
      } else {
        for (const [id, fn] of Object.entries(idOrMappings)) register(id, fn);
      }
    },
  };
}

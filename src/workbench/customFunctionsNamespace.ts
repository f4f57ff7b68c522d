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

/** Mirrors CustomFunctions.Error: Excel shows `code` in the cell and `message` on hover. */
export class CustomFunctionsError extends Error {
  readonly code: ExcelErrorCode;
  constructor(code: ExcelErrorCode, message?: string) {
    super(message ?? "");
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

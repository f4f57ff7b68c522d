/**
 * The tests' entry to the CustomFunctions stand-in (scripts/support/customFunctionsRuntime.ts, shared with
 * npm run bench), plus the assertion helper the tests use on what it returns.
 */
import { CustomFunctionsError } from "../../scripts/support/customFunctionsRuntime";

export {
  CustomFunctionsError,
  ErrorCode,
  loadBuiltFunctions,
  type LoadedFunctions,
} from "../../scripts/support/customFunctionsRuntime";

/** Runs `fn` and returns the CustomFunctions error it throws (failing the test if it returns instead). */
export function excelError(fn: () => unknown): CustomFunctionsError {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    // Errors thrown inside the vm context come from the shim class installed there, which is this class.
    if (error instanceof CustomFunctionsError) return error;
    throw new Error(`expected a CustomFunctions.Error, got ${String(error)}`);
  }
  throw new Error(
    `expected a CustomFunctions.Error, but the function returned ${JSON.stringify(result)}`
  );
}

/** The number a function returned (failing the test, with the value, if it returned anything else). */
export function numberResult(value: unknown): number {
  if (typeof value !== "number") throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  return value;
}

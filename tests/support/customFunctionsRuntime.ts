import * as vm from "vm";
import {
  createCustomFunctionsNamespace,
  CustomFunctionsError,
  ErrorCode,
  type CustomFunctionImplementation,
  type ExcelErrorCode,
} from "../../src/workbench/customFunctionsNamespace";
import { readDistFile } from "./dist";

export { CustomFunctionsError, ErrorCode };
export type { ExcelErrorCode };

export type RegisteredFunction = CustomFunctionImplementation;

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: {
    name: string;
    description?: string;
    type: string;
    optional?: boolean;
    dimensionality?: string;
  }[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

export interface LoadedFunctions {
  registered: Map<string, RegisteredFunction>;
  metadata: Map<string, FunctionMetadata>;
  /** Calls a function as Excel does: omitted trailing arguments arrive as null. */
  call(id: string, ...args: unknown[]): unknown;
}

export function customFunctionsGlobal(
  registered: Map<string, RegisteredFunction>
): Record<string, unknown> {
  return { ...createCustomFunctionsNamespace((id, fn) => registered.set(id.toUpperCase(), fn)) };
}

/**
 * Loads the built dist/functions.js in a fresh context that has only the CustomFunctions global, exactly
 * what Excel's JavaScript-only runtime offers: no DOM, no Office, no network.
 */
export function loadBuiltFunctions(): LoadedFunctions {
  const registered = new Map<string, RegisteredFunction>();
  const metadataJson = JSON.parse(readDistFile("functions.json")) as {
    functions: FunctionMetadata[];
  };
  const metadata = new Map(metadataJson.functions.map((f) => [f.id, f]));
  const context = vm.createContext({ CustomFunctions: customFunctionsGlobal(registered), console });
  vm.runInContext(readDistFile("functions.js"), context, { filename: "functions.js" });
  return {
    registered,
    metadata,
    call(id: string, ...args: unknown[]): unknown {
      const fn = registered.get(id);
      const meta = metadata.get(id);
      if (!fn || !meta) throw new Error(`CAPPLAN.${id} is not registered`);
      const padded = [...args];
      while (padded.length < meta.parameters.length) padded.push(null);
      return fn(...padded);
    },
  };
}

/**
 * Loads dist/functions.js into this realm (as a function of the CustomFunctions global) for benchmarks:
 * node's vm contexts route every global look-up through interceptors, which would measure node, not us.
 */
export function loadBuiltFunctionsInThisRealm(): Map<string, RegisteredFunction> {
  const registered = new Map<string, RegisteredFunction>();
  // Dev tooling only: the add-in itself never evaluates code from strings.
  const run = new Function("CustomFunctions", readDistFile("functions.js")) as (
    cf: unknown
  ) => void;
  run(customFunctionsGlobal(registered));
  return registered;
}

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

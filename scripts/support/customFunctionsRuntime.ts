/**
 * The CustomFunctions stand-in that runs the built dist/functions.js outside Excel: the tests load it as
 * Excel's runtimes do, npm run bench times it. Dev tooling shared by scripts and tests (scripts never import
 * tests/); the tests reach it through tests/support/customFunctionsRuntime.ts, with their assertion helpers.
 */
import * as vm from "vm";
import {
  createCustomFunctionsNamespace,
  CustomFunctionsError,
  ErrorCode,
  type CustomFunctionImplementation,
} from "../../src/dev/workbench/customFunctionsNamespace";
import { readDistFile } from "./paths";

export { CustomFunctionsError, ErrorCode };

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
  /** Resolves when functions.js's start-up (the workbook pin check) is over. */
  started: Promise<void>;
  /** Calls a function as Excel does: omitted trailing arguments arrive as null. */
  call(id: string, ...args: unknown[]): unknown;
}

export function customFunctionsGlobal(
  registered: Map<string, RegisteredFunction>
): Record<string, unknown> {
  return { ...createCustomFunctionsNamespace((id, fn) => registered.set(id.toUpperCase(), fn)) };
}

/**
 * What Excel's shared runtime offers besides CustomFunctions (the manifest asks for SharedRuntime 1.1): the
 * page's localStorage (the one the task pane writes its saved library to) and the Excel API over the open
 * workbook, whether or not the task pane is shown. Omitted, the context is Excel's JavaScript-only runtime.
 */
export interface SharedRuntimeGlobals {
  readonly localStorage?: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
  readonly Excel?: unknown;
  readonly Office?: unknown;
}

/** The promise functions.js's start-up publishes (src/functions/startup.ts): the workbook pin check. */
const FUNCTIONS_STARTUP_KEY = Symbol.for("capacity-planner.functions-startup");

/**
 * Loads the built dist/functions.js in a fresh context that has only the CustomFunctions global, exactly
 * what Excel's JavaScript-only runtime offers: no DOM, no Office, no network; or, with `shared`, what the
 * shared runtime adds with the task pane closed (storage and the Excel API, but no taskpane.js).
 */
export function loadBuiltFunctions(shared: SharedRuntimeGlobals = {}): LoadedFunctions {
  const registered = new Map<string, RegisteredFunction>();
  const metadataJson = JSON.parse(readDistFile("functions.json")) as {
    functions: FunctionMetadata[];
  };
  const metadata = new Map(metadataJson.functions.map((f) => [f.id, f]));
  const context = vm.createContext({
    CustomFunctions: customFunctionsGlobal(registered),
    console,
    ...shared,
  });
  vm.runInContext(readDistFile("functions.js"), context, { filename: "functions.js" });
  // Read inside the context: symbol-keyed globals are not mirrored onto the sandbox object.
  const startup: unknown = vm.runInContext(
    `globalThis[Symbol.for(${JSON.stringify(FUNCTIONS_STARTUP_KEY.description)})]`,
    context
  );
  return {
    registered,
    metadata,
    // A promise of the vm's realm: duck-typed, as instanceof would compare with this realm's Promise.
    started: Promise.resolve(startup as PromiseLike<void> | undefined).then(() => undefined),
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

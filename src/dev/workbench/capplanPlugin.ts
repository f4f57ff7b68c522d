/**
 * The CAPPLAN custom functions inside HyperFormula, for the workbench (dev tooling, never bundled
 * into the add-in).
 *
 * The functions are not re-implemented here: the registry receives the very functions the BUILT
 * functions.js hands to `CustomFunctions.associate` (in the workbench, from the task pane's
 * iframe, like Excel's shared runtime; in unit tests, from a vm context), and the plugin is
 * generated from the BUILT functions.json, so the workbench can only ever show what Excel would
 * compute with the same two files.
 *
 * What this file reproduces of Excel's custom-functions runtime:
 *  - omitted optional arguments (and explicitly empty ones, `f(a,,c)`) arrive as null; a reference
 *    to an empty cell arrives as the declared type's blank (0, "", false; null for "any");
 *  - an argument that is an error value is not passed in: the cell shows that error;
 *  - a thrown (or returned) CustomFunctions.Error becomes that error code with its message;
 *    any other exception becomes #VALUE! with the exception's message;
 *  - a matrix result spills; its size is found by evaluating the call once when the formula is
 *    entered (HyperFormula must know a spill's size before it evaluates). When the arguments
 *    change the size later, the call answers an error for one pass and asks the store to re-enter
 *    the formula (see `drainResizeRequests`), so a spill grows and shrinks as in Excel.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
} from "hyperformula";
import type { FunctionPluginDefinition, ImplementedFunctions } from "hyperformula";
import type { InterpreterState, PluginAst, PluginValue, ScalarPluginValue } from "./hfTypes";
import { addFunctionNames, asPluginAst, plainArgument } from "./hfTypes";
import { shownMessage, type CustomFunctionImplementation } from "./customFunctionsNamespace";

// ------------------------------------------------------------------ functions.json

/** One parameter as custom-functions-metadata writes it. */
export interface CustomFunctionParameter {
  readonly name: string;
  readonly type?: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
  readonly repeating?: boolean;
}

/** One function of functions.json. */
export interface CustomFunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly CustomFunctionParameter[];
  readonly result: { readonly type?: string; readonly dimensionality?: string };
  readonly options?: { readonly volatile?: boolean };
}

/** Reads functions.json at the boundary: a clear message beats a plugin that silently lacks functions. */
export function parseFunctionsJson(json: unknown): CustomFunctionMetadata[] {
  const fail = (what: string): never => {
    throw new Error(`functions.json is not custom-functions metadata: ${what}`);
  };
  if (typeof json !== "object" || json === null || !("functions" in json)) fail("no functions");
  const list = (json as { functions: unknown }).functions;
  if (!Array.isArray(list)) return fail("functions is not an array");
  return list.map((entry: unknown, i): CustomFunctionMetadata => {
    if (typeof entry !== "object" || entry === null) return fail(`functions[${i}]`);
    const f = entry as Record<string, unknown>;
    if (typeof f.id !== "string" || typeof f.name !== "string")
      return fail(`functions[${i}].id/name`);
    const params = f.parameters ?? [];
    if (!Array.isArray(params)) return fail(`functions[${i}].parameters`);
    const parameters = params.map((p: unknown, j): CustomFunctionParameter => {
      if (typeof p !== "object" || p === null) return fail(`functions[${i}].parameters[${j}]`);
      const q = p as Record<string, unknown>;
      return {
        name: String(q.name),
        type: typeof q.type === "string" ? q.type : undefined,
        dimensionality: typeof q.dimensionality === "string" ? q.dimensionality : undefined,
        optional: q.optional === true,
        repeating: q.repeating === true,
      };
    });
    const result = (typeof f.result === "object" && f.result !== null ? f.result : {}) as Record<
      string,
      unknown
    >;
    const options = (
      typeof f.options === "object" && f.options !== null ? f.options : {}
    ) as Record<string, unknown>;
    return {
      id: f.id.toUpperCase(),
      name: f.name,
      description: typeof f.description === "string" ? f.description : undefined,
      parameters,
      result: {
        type: typeof result.type === "string" ? result.type : undefined,
        dimensionality:
          typeof result.dimensionality === "string" ? result.dimensionality : undefined,
      },
      options: { volatile: options.volatile === true },
    };
  });
}

// ------------------------------------------------------------------ Excel error codes

/** Excel's error codes that HyperFormula has a type for; the others travel in the message. */
const HF_TYPE_OF_CODE: Readonly<Record<string, ErrorType>> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NAME?": ErrorType.NAME,
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#REF!": ErrorType.REF,
  "#SPILL!": ErrorType.SPILL,
};

/** HyperFormula's error types as Excel shows them; #CYCLE!, #ERROR! and #LIC! have no Excel twin. */
const CODE_OF_HF_TYPE: Readonly<Record<string, string>> = {
  DIV_BY_ZERO: "#DIV/0!",
  NAME: "#NAME?",
  VALUE: "#VALUE!",
  NUM: "#NUM!",
  NA: "#N/A",
  REF: "#REF!",
  SPILL: "#SPILL!",
  CYCLE: "#VALUE!",
  ERROR: "#VALUE!",
  LIC: "#VALUE!",
};

const CODE_PREFIX = /^\[(#[A-Z0-9_/]+[!?]?|#N\/A)\] /;

/** An Excel error as the UI shows it: the code in the cell, the message on hover. */
export interface ExcelErrorInfo {
  readonly code: string;
  readonly message: string;
}

/**
 * Builds a HyperFormula error for an Excel code. Codes HyperFormula lacks (#BUSY!, #NULL!,
 * #CALC!...) ride as a "[#CODE] " prefix of a #VALUE! message, which `excelErrorOf` unwraps.
 */
export function cellErrorFor(code: string, message: string): CellError {
  const type = HF_TYPE_OF_CODE[code];
  return type !== undefined
    ? new CellError(type, message)
    : new CellError(ErrorType.VALUE, `[${code}] ${message}`);
}

/** The Excel code and message of a HyperFormula error (`DetailedCellError` or `CellError`). */
export function excelErrorOf(error: {
  readonly type: string;
  readonly message?: string;
}): ExcelErrorInfo {
  const message = error.message ?? "";
  const tagged = CODE_PREFIX.exec(message);
  if (tagged !== null && tagged[1] !== undefined) {
    return { code: tagged[1], message: message.slice(tagged[0].length) };
  }
  const code = CODE_OF_HF_TYPE[error.type] ?? "#VALUE!";
  if (error.type === "CYCLE") return { code, message: message || "Circular reference." };
  return { code, message };
}

/**
 * CustomFunctions.Error from any realm (the task pane's iframe, a vm context): duck-typed on purpose. The
 * message is what Excel would show on hover: dropped for every code but #VALUE! and #N/A, whichever
 * CustomFunctions stand-in built the error.
 */
function asCustomFunctionsError(value: unknown): ExcelErrorInfo | null {
  if (typeof value !== "object" || value === null) return null;
  const { code, message } = value as { code?: unknown; message?: unknown };
  if (typeof code !== "string" || !code.startsWith("#")) return null;
  return { code, message: shownMessage(code, typeof message === "string" ? message : undefined) };
}

/** What Excel shows for an exception that is not a CustomFunctions.Error. */
function errorFromException(error: unknown): CellError {
  const known = asCustomFunctionsError(error);
  if (known !== null) return cellErrorFor(known.code, known.message);
  const message =
    typeof error === "object" && error !== null && "message" in error
      ? String((error as { message: unknown }).message)
      : String(error);
  return new CellError(ErrorType.VALUE, message);
}

// ------------------------------------------------------------------ the registry

export type { CustomFunctionImplementation };

/** A formula cell whose spill must be sized again (HyperFormula sheet id, 0-based row/col). */
export interface SpillResizeRequest {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

/**
 * The functions.json metadata plus the implementations `CustomFunctions.associate` delivered.
 * Implementations may arrive after the engine exists (the task pane loads after the grid):
 * until then a call shows #BUSY!, as Excel does while an add-in's functions load.
 */
export class CapplanFunctionRegistry {
  readonly functions: readonly CustomFunctionMetadata[];
  private readonly byId = new Map<string, CustomFunctionMetadata>();
  private readonly implementations = new Map<string, CustomFunctionImplementation>();
  private readonly listeners = new Set<(id: string) => void>();
  private resizeRequests: SpillResizeRequest[] = [];

  constructor(
    functions: readonly CustomFunctionMetadata[],
    /** The manifest's custom-functions namespace: formulas say CAPPLAN.GPUCOST. */
    readonly namespace = "CAPPLAN"
  ) {
    this.functions = functions;
    for (const f of functions) this.byId.set(f.id.toUpperCase(), f);
  }

  /** The name a formula uses, e.g. "CAPPLAN.GPUCOST". */
  formulaName(meta: CustomFunctionMetadata): string {
    return `${this.namespace}.${meta.name}`.toUpperCase();
  }

  /** Matrix-returning functions' formula names (what may spill). */
  spillingNames(): string[] {
    return this.functions
      .filter((f) => f.result.dimensionality === "matrix")
      .map((f) => this.formulaName(f));
  }

  /** CustomFunctions.associate(id, fn): ids are case-insensitive, unknown ids are refused as Excel does. */
  associate(id: string, implementation: CustomFunctionImplementation): void {
    const key = id.toUpperCase();
    if (!this.byId.has(key)) {
      throw new Error(`CustomFunctions.associate: "${id}" is not in functions.json`);
    }
    if (typeof implementation !== "function") {
      throw new Error(`CustomFunctions.associate("${id}") needs a function`);
    }
    this.implementations.set(key, implementation);
    for (const listener of [...this.listeners]) listener(key);
  }

  implementation(id: string): CustomFunctionImplementation | undefined {
    return this.implementations.get(id);
  }

  /** Ids in functions.json that no associate() has delivered yet. */
  missing(): string[] {
    return this.functions.map((f) => f.id).filter((id) => !this.implementations.has(id));
  }

  isComplete(): boolean {
    return this.implementations.size >= this.byId.size;
  }

  onAssociate(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Called by the plugin during evaluation; drained by the store once the pass is over. */
  requestResize(request: SpillResizeRequest): void {
    this.resizeRequests.push(request);
  }

  drainResizeRequests(): SpillResizeRequest[] {
    const out = this.resizeRequests;
    this.resizeRequests = [];
    return out;
  }
}

// ------------------------------------------------------------------ values across the boundary

/** What a reference to an empty cell passes for a parameter of this declared type. */
function blankFor(param: CustomFunctionParameter | undefined): unknown {
  switch (param?.type) {
    case "number":
      return 0;
    case "string":
      return "";
    case "boolean":
      return false;
    default:
      return null;
  }
}

function scalarToJs(value: ScalarPluginValue, blank: unknown): unknown {
  if (value instanceof CellError) return excelErrorOf(value).code;
  return plainArgument(value, blank);
}

/** Dimensions of a rectangular 2-D array, or null when `value` is not one. */
function matrixSize(value: unknown): { readonly rows: number; readonly cols: number } | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const first: unknown = value[0];
  if (!Array.isArray(first) || first.length === 0) return null;
  const cols = first.length;
  for (const row of value as unknown[]) {
    if (!Array.isArray(row) || row.length !== cols) return null;
  }
  return { rows: value.length, cols };
}

function resultScalar(value: unknown): ScalarPluginValue {
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? value
      : new CellError(ErrorType.NUM, "The function returned a number Excel cannot show.");
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value === null || value === undefined) return EmptyValue;
  const error = asCustomFunctionsError(value);
  if (error !== null) return cellErrorFor(error.code, error.message);
  return new CellError(
    ErrorType.VALUE,
    `The function returned an unsupported value (${typeof value}).`
  );
}

interface VertexShape {
  readonly rows: number;
  readonly cols: number;
  readonly isArray: boolean;
  readonly isRoot: boolean;
}

/**
 * The formula vertex being evaluated, read defensively: `formulaVertex` is internal to
 * HyperFormula (an array vertex has `array`, `width`, `height`; its `formula` is the root AST).
 */
function vertexShape(state: InterpreterState, ast: PluginAst): VertexShape | null {
  const vertex: unknown = state.formulaVertex;
  if (typeof vertex !== "object" || vertex === null) return null;
  const v = vertex as { array?: unknown; width?: unknown; height?: unknown; formula?: unknown };
  const isArray =
    v.array !== undefined && typeof v.width === "number" && typeof v.height === "number";
  return {
    rows: isArray ? (v.height as number) : 1,
    cols: isArray ? (v.width as number) : 1,
    isArray,
    isRoot: v.formula === ast,
  };
}

// ------------------------------------------------------------------ the plugin

/**
 * Generates a HyperFormula FunctionPlugin class for every function of the registry (one
 * method per function, named `capplan_<ID>`), and makes the names known to every registered
 * language (HyperFormula only calls functions that have a translation).
 * Pass the class in the engine's `functionPlugins` next to HyperFormula's own plugins.
 */
export function createCapplanPlugin(registry: CapplanFunctionRegistry): FunctionPluginDefinition {
  class CapplanPlugin extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {};

    /** Evaluates the arguments as Excel passes them; an error argument short-circuits. */
    customArguments(
      meta: CustomFunctionMetadata,
      ast: PluginAst,
      state: InterpreterState
    ): unknown[] | CellError {
      const params = meta.parameters;
      if (ast.args.length > params.length) {
        return new CellError(
          ErrorType.NA,
          `${registry.formulaName(meta)} takes at most ${params.length} arguments (got ${ast.args.length}).`
        );
      }
      const args: unknown[] = [];
      for (let i = 0; i < params.length; i++) {
        const argAst = ast.args[i];
        // Omitted (trailing) or explicitly empty (f(a,,c)): null, as Excel passes it.
        if (argAst === undefined || (argAst.type as string) === "EMPTY") {
          args.push(null);
          continue;
        }
        const value = this.evaluateAst(argAst, state) as PluginValue;
        if (value instanceof CellError) return value;
        const param = params[i];
        if (value instanceof SimpleRangeValue) {
          // A range: its values as a 2-D array (a scalar parameter then reports "give a single cell").
          args.push(value.rawData().map((row) => row.map((v) => scalarToJs(v, null))));
        } else {
          const js = scalarToJs(value, blankFor(param));
          args.push(param?.dimensionality === "matrix" ? [[js]] : js);
        }
      }
      return args;
    }

    callCustom(
      meta: CustomFunctionMetadata,
      rawAst: unknown,
      state: InterpreterState
    ): PluginValue {
      const ast = asPluginAst(rawAst);
      const implementation = registry.implementation(meta.id);
      if (implementation === undefined) {
        return cellErrorFor("#BUSY!", `${registry.formulaName(meta)} is still loading.`);
      }
      const args = this.customArguments(meta, ast, state);
      if (args instanceof CellError) return args;
      let result: unknown;
      try {
        result = implementation(...args);
      } catch (error) {
        return errorFromException(error);
      }
      if (typeof result === "object" && result !== null && "then" in result) {
        return new CellError(
          ErrorType.VALUE,
          "Asynchronous custom functions are not supported by the workbench's engine."
        );
      }
      if (!Array.isArray(result)) {
        return resultScalar(result);
      }
      const size = matrixSize(result);
      if (size === null) {
        return cellErrorFor("#CALC!", "The function returned an empty or ragged array.");
      }
      if (meta.result.dimensionality !== "matrix") {
        return new CellError(
          ErrorType.VALUE,
          `${registry.formulaName(meta)} returned an array but functions.json declares a single value.`
        );
      }
      const shape = vertexShape(state, ast);
      if (shape !== null && (shape.isArray || shape.isRoot)) {
        const exceeds = size.rows > shape.rows || size.cols > shape.cols;
        const differs =
          exceeds || (shape.isRoot && (size.rows < shape.rows || size.cols < shape.cols));
        if (differs) {
          registry.requestResize({ ...state.formulaAddress });
        }
        if (exceeds) {
          // HyperFormula cannot grow a spill during evaluation; the store re-enters the formula.
          return cellErrorFor("#BUSY!", "Resizing the spill range.");
        }
      }
      const rows = (result as unknown[][]).map((row) => row.map(resultScalar));
      return SimpleRangeValue.onlyValues(rows);
    }

    /** Spill size: the call evaluated once with the arguments' current values. */
    predictSize(meta: CustomFunctionMetadata, rawAst: unknown, state: InterpreterState): ArraySize {
      const implementation = registry.implementation(meta.id);
      if (implementation === undefined) return ArraySize.scalar();
      try {
        const args = this.customArguments(meta, asPluginAst(rawAst), state);
        if (args instanceof CellError) return ArraySize.scalar();
        const size = matrixSize(implementation(...args));
        if (size !== null) return new ArraySize(size.cols, size.rows);
      } catch {
        // An argument not computed yet (HyperFormula throws) or the function failed: one cell for
        // now; the evaluation asks for a resize if the result turns out bigger.
      }
      return ArraySize.scalar();
    }
  }

  const translations: Record<string, string> = {};
  for (const meta of registry.functions) {
    const name = registry.formulaName(meta);
    const method = `capplan_${meta.id}`;
    const matrix = meta.result.dimensionality === "matrix";
    CapplanPlugin.implementedFunctions[name] = {
      method,
      ...(matrix ? { sizeOfResultArrayMethod: `${method}_size` } : {}),
      // Arguments are evaluated by callCustom itself; this list only tells HyperFormula's
      // function catalogue how many there are.
      parameters: meta.parameters.map(() => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: true,
      })),
      vectorizationForbidden: true,
      isVolatile: meta.options?.volatile === true,
    };
    // HyperFormula looks methods up by name on the prototype (own properties only).
    Object.defineProperty(CapplanPlugin.prototype, method, {
      value: function (this: CapplanPlugin, ast: unknown, state: InterpreterState): PluginValue {
        return this.callCustom(meta, ast, state);
      },
    });
    if (matrix) {
      Object.defineProperty(CapplanPlugin.prototype, `${method}_size`, {
        value: function (this: CapplanPlugin, ast: unknown, state: InterpreterState): ArraySize {
          return this.predictSize(meta, ast, state);
        },
      });
    }
    translations[name] = name;
  }
  addFunctionNames(translations);
  return CapplanPlugin;
}

/**
 * HyperFormula's plugin-facing types live in its internal typings (not re-exported from the
 * package index). They are imported here, types only, so the rest of the workbench names them
 * once and the deep paths stay in one file if HyperFormula moves them. With them, what every
 * function plugin of the workbench (CAPPLAN's, Excel's TEXT and FIXED) does the same way: read an
 * argument as a plain value, and teach HyperFormula's languages a function's name.
 */
import { EmptyValue, HyperFormula } from "hyperformula";
import type { ProcedureAst } from "hyperformula/typings/parser";
import type { InterpreterState as HfInterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type {
  InternalScalarValue,
  InterpreterValue,
  RichNumber,
} from "hyperformula/typings/interpreter/InterpreterValue";

export type PluginAst = ProcedureAst;
export type InterpreterState = HfInterpreterState;
/** What a plugin method may return (a number, text, boolean, EmptyValue, CellError or a range). */
export type PluginValue = InterpreterValue;
export type ScalarPluginValue = InternalScalarValue;

/** Dates, percents and currencies are numbers wrapped with a format hint; `val` is the number. */
export function isRichNumber(value: unknown): value is RichNumber {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { val?: unknown }).val === "number"
  );
}

/** HyperFormula hands plugin methods a function-call node; checked once so callers can trust it. */
export function asPluginAst(value: unknown): PluginAst {
  if (
    typeof value !== "object" ||
    value === null ||
    !Array.isArray((value as { args?: unknown }).args)
  ) {
    throw new Error("HyperFormula called a CAPPLAN function without a function-call node");
  }
  return value as PluginAst;
}

/**
 * An argument as a plain value: a blank cell is `blank` (what the parameter's type reads as blank), a
 * date, percent or currency its number; anything else (text, booleans, errors) as it is.
 */
export function plainArgument<B>(value: unknown, blank: B): unknown {
  if (value === EmptyValue) return blank;
  if (isRichNumber(value)) return value.val;
  return value;
}

/**
 * HyperFormula calls only functions its language knows by name: adds each English name to every
 * registered language (idempotent), for plugins that define functions no language has (FIXED, CAPPLAN.*).
 */
export function addFunctionNames(names: Readonly<Record<string, string>>): void {
  for (const code of HyperFormula.getRegisteredLanguagesCodes()) {
    HyperFormula.getLanguage(code).extendFunctions({ ...names });
  }
}

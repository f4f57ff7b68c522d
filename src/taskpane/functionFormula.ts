/**
 * The formula the function finder writes, assembled only from validated pieces: the function id from
 * functions.json (checked there against the namespace's id pattern), text as a string literal with every
 * `"` doubled, finite numbers, and references that parse as an A1 cell or range (optionally on a sheet) or
 * a defined name. Nothing the user types is pasted into the formula as it was typed, so no argument can
 * close the string, end the call or start another formula.
 */
import {
  excelNameKey,
  isCellReferenceLike,
  quoteSheetName,
  splitSheetPrefix,
  tryParseAddress,
} from "../model/a1";
import { FUNCTION_NAMESPACE, type CatalogFunction, type CatalogParameter } from "./functionCatalog";

/** Excel's limit on a formula's length. */
export const MAX_FORMULA_LENGTH = 8192;
/** Excel's limit on a text value inside a formula ("Text values in formulas are limited to 255 characters"). */
export const MAX_TEXT_ARGUMENT = 255;
const MAX_NAME_LENGTH = 255;

export type ArgumentValue =
  | { readonly kind: "omitted" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  /** A validated reference, as it goes into the formula ("B2", "'Rent vs Build'!$C$5", "CP_GpuCount"). */
  | { readonly kind: "reference"; readonly value: string };

export const OMITTED: ArgumentValue = { kind: "omitted" };

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** A line break, tab or other C0 control character, or DEL. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** `He said "hi"` -> `"He said ""hi"""`: Excel's string literal. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Text for a string argument: at most 255 characters, no line breaks or other control characters. */
export function checkText(text: string): Checked<ArgumentValue> {
  if (text.length > MAX_TEXT_ARGUMENT)
    return { ok: false, problem: `Text in a formula has at most ${MAX_TEXT_ARGUMENT} characters.` };
  if (hasControlCharacter(text))
    return { ok: false, problem: "Text in a formula cannot contain line breaks or tabs." };
  return { ok: true, value: { kind: "text", value: text } };
}

/** A number as typed ("1000", "-0.5", "1e6", "100,000" with thousands commas); finite only. */
export function checkNumber(text: string): Checked<ArgumentValue> {
  const trimmed = text.trim().replace(/(\d),(?=\d{3}(\D|$))/g, "$1");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed))
    return { ok: false, problem: `"${text.trim()}" is not a number.` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, problem: `${text.trim()} is too large.` };
  return { ok: true, value: { kind: "number", value } };
}

const NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

/**
 * A cell reference as the user types it: "B2", "$B$2", "A1:B5", "Sheet1!B2", "'Rent vs Build'!C5", or a
 * defined name ("CP_GpuCount"). Returns it normalised for the formula (sheet re-quoted as Excel quotes it,
 * cell letters upper-case), or why it is not one.
 */
export function checkReference(text: string): Checked<ArgumentValue> {
  const trimmed = text.trim();
  const refuse = (): Checked<ArgumentValue> => ({
    ok: false,
    problem: `"${trimmed}" is not a cell reference (e.g. B2, Sheet1!B2:C5) or a defined name.`,
  });
  if (trimmed === "" || trimmed.length > MAX_NAME_LENGTH + 40) return refuse();
  const address = tryParseAddress(trimmed);
  if (address !== null) {
    const split = splitSheetPrefix(trimmed);
    if (split === null) return refuse();
    const local = split.local.toUpperCase();
    if (split.sheet === null) return { ok: true, value: { kind: "reference", value: local } };
    if (split.sheet === "" || split.sheet.length > 31 || /[:\\/?*[\]"]/.test(split.sheet))
      return refuse();
    return {
      ok: true,
      value: { kind: "reference", value: `${quoteSheetName(split.sheet)}!${local}` },
    };
  }
  // A defined name: letters, digits, _ . and \, not something Excel reads as a cell or R1C1 reference.
  const key = excelNameKey(trimmed);
  if (
    trimmed.length <= MAX_NAME_LENGTH &&
    NAME.test(trimmed) &&
    !isCellReferenceLike(trimmed) &&
    // Letters then digits ("XFE1") reads as a cell past the grid's last column: never taken for a name.
    !/^[A-Za-z]{1,3}[0-9]+$/.test(trimmed) &&
    key !== "TRUE" &&
    key !== "FALSE"
  )
    return { ok: true, value: { kind: "reference", value: trimmed } };
  return refuse();
}

/** One argument as a formula piece. */
export function argumentText(value: ArgumentValue): string {
  switch (value.kind) {
    case "omitted":
      return "";
    case "number":
      // String() of a finite number is a numeral Excel reads ("1e+21" included).
      return String(value.value);
    case "boolean":
      return value.value ? "TRUE" : "FALSE";
    case "text":
      return stringLiteral(value.value);
    case "reference":
      return value.value;
  }
}

/** Whether `value` may fill `parameter` (its type and shape), else why not. */
export function fits(parameter: CatalogParameter, value: ArgumentValue): string | null {
  if (value.kind === "omitted") return parameter.optional ? null : `${parameter.name} is required.`;
  if (parameter.matrix && value.kind !== "reference")
    return `${parameter.name} takes a range: type a reference such as A1:B5.`;
  if (value.kind === "reference") return null;
  if (parameter.type === "number" && value.kind !== "number")
    return `${parameter.name} takes a number or a cell reference.`;
  if (parameter.type === "string" && value.kind !== "text")
    return `${parameter.name} takes text or a cell reference.`;
  if (parameter.type === "boolean" && value.kind !== "boolean")
    return `${parameter.name} takes TRUE, FALSE or a cell reference.`;
  return null;
}

/**
 * `=CAPPLAN.RENTVSBUILD("h100-sxm",1000,5)`: one argument per parameter in order, trailing omitted
 * ones dropped, omitted ones in between left empty (Excel passes them as null, as when omitted).
 */
export function buildFormula(
  fn: CatalogFunction,
  values: readonly ArgumentValue[]
): Checked<string> {
  if (!/^[A-Z][A-Z0-9_.]{0,63}$/.test(fn.id))
    return { ok: false, problem: `"${fn.id}" is not a CAPPLAN function id.` };
  if (values.length > fn.parameters.length)
    return { ok: false, problem: `${fn.name} takes at most ${fn.parameters.length} arguments.` };
  const pieces: string[] = [];
  for (const [i, parameter] of fn.parameters.entries()) {
    const value = values[i] ?? OMITTED;
    const problem = fits(parameter, value);
    if (problem !== null) return { ok: false, problem };
    // Pieces are re-checked here, not only where they were made: a value built by hand cannot slip through.
    if (value.kind === "number" && !Number.isFinite(value.value))
      return { ok: false, problem: `${parameter.name} is not a finite number.` };
    if (value.kind === "text") {
      const text = checkText(value.value);
      if (!text.ok) return text;
    }
    if (value.kind === "reference") {
      const ref = checkReference(value.value);
      if (!ref.ok || ref.value.kind !== "reference" || ref.value.value !== value.value)
        return {
          ok: false,
          problem: `${parameter.name}: "${value.value}" is not a checked reference.`,
        };
    }
    pieces.push(argumentText(value));
  }
  while (pieces.length > 0 && pieces[pieces.length - 1] === "") pieces.pop();
  const formula = `=${FUNCTION_NAMESPACE}.${fn.id}(${pieces.join(",")})`;
  if (formula.length > MAX_FORMULA_LENGTH)
    return {
      ok: false,
      problem: `The formula would have ${formula.length} characters; Excel allows ${MAX_FORMULA_LENGTH}.`,
    };
  return { ok: true, value: formula };
}

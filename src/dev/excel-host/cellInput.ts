/**
 * How values written through the API land in cells, and how cells read back, following Excel:
 *  - 2-D input must match the range's dimensions exactly, else "InvalidArgument";
 *  - a single (non-array) value fills every cell; a single formula is filled like Excel's fill,
 *    relative references shifting per cell (as VBA's Range.Formula does);
 *  - null inside a 2-D array leaves that cell unchanged; null as the whole value is invalid;
 *  - "" clears the content; text written to `values` is parsed as if typed: "=..." is a formula,
 *    numeric text becomes a number, "TRUE"/"FALSE" booleans, "#N/A" an error, a leading
 *    apostrophe forces text (unless the cell's number format is "@", Text); "+x", "-x", "@x", and
 *    (stricter than Excel) white space or full-width signs before them, are formulas too;
 *  - empty cells read back as "".
 * Dates typed as text ("3/11/2015") and percentages ("5%") are NOT parsed here (kept as text).
 */
import { MemoryExcelError } from "./errors";
import { checkFormulaLength, checkTextLength } from "./limits";
import { shiftFormula } from "./formulaRefs";
import { isErrorValue } from "./cellStore";
import type { CellContent, CellValue } from "./cellStore";

export type CellWrite =
  | { readonly kind: "skip" }
  | { readonly kind: "value"; readonly value: CellValue }
  | { readonly kind: "formula"; readonly formula: string };

const NUMERIC_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * Entries Excel may take for a formula although they do not start with "=". Excel reads "+A1" and
 * "-A1" as formulas (Lotus habit; an 8,200-character "-..." string written through Range.values
 * failed as a formula too long: OfficeDev/office-js#3256) and "@SUM(A1)" as "=SUM(A1)". Whether
 * leading white space (tab, CR, LF, no-break or ideographic space) before "=", or the full-width
 * "＝＋－＠" an IME types, also start a formula is not documented: this host says they do, to be
 * stricter than Excel, so code that writes library text must neutralise all of them (the
 * apostrophe prefix, src/templates/blocks.ts). Numeric text ("-3", "+1.5") stays a number.
 */
const LENIENT_FORMULA = /^[\s\u00A0\u3000\uFEFF]*([=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;
/** What a person typing into Excel's grid gets (the workbench's grid stays faithful to that). */
const TYPED_FORMULA = /^([+\-@])/;

/** Where an entry comes from: Range.values, Range.formulas, or typed into the workbench's grid. */
export type InputSource = "values" | "formulas" | "typed";

function lenientFormula(raw: string, source: InputSource): string | null {
  if (NUMERIC_TEXT.test(raw)) return null;
  const m = (source === "typed" ? TYPED_FORMULA : LENIENT_FORMULA).exec(raw);
  if (m === null) return null;
  const rest = raw.slice(m[0].length);
  if (rest.trim() === "") return null;
  const sign =
    m[1] === "+" || m[1] === "\uFF0B" ? "+" : m[1] === "-" || m[1] === "\uFF0D" ? "-" : "";
  return `=${sign}${rest}`;
}

/**
 * Interprets one input cell the way Excel interprets a typed entry. A cell formatted as Text ("@")
 * keeps typed text, but whether Range.formulas can still put a formula there is not documented:
 * this host says it can (stricter), so text that looks like a formula is never safe in a Text cell
 * without the apostrophe.
 */
export function interpretInput(
  raw: unknown,
  cellIsText: boolean,
  source: InputSource = "values"
): CellWrite {
  if (raw === null || raw === undefined) return { kind: "skip" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw))
      throw new MemoryExcelError("InvalidArgument", `Not a finite number: ${raw}`);
    return { kind: "value", value: raw };
  }
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  if (typeof raw !== "string") {
    throw new MemoryExcelError("InvalidArgument", `Unsupported cell input of type ${typeof raw}`);
  }
  if (raw === "") return { kind: "value", value: null };
  checkTextLength(raw);
  if (
    cellIsText &&
    !(source === "formulas" && (raw.startsWith("=") || lenientFormula(raw, source) !== null))
  )
    return { kind: "value", value: raw };
  if (raw.startsWith("=") && raw.length > 1) {
    checkFormulaLength(raw);
    return { kind: "formula", formula: raw };
  }
  const lenient = lenientFormula(raw, source);
  if (lenient !== null) {
    checkFormulaLength(lenient);
    return { kind: "formula", formula: lenient };
  }
  if (raw.startsWith("'"))
    return { kind: "value", value: raw.slice(1) === "" ? null : raw.slice(1) };
  if (NUMERIC_TEXT.test(raw)) return { kind: "value", value: Number(raw) };
  const upper = raw.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  if (isErrorValue(upper)) return { kind: "value", value: upper };
  return { kind: "value", value: raw };
}

const DIMENSION_MESSAGE =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/**
 * Validates a 2-D (or single) input against a rowCount x colCount range and returns a reader of
 * the input for cell (i, j). A single formula is shifted per cell.
 */
export function inputMatrix(
  input: unknown,
  rowCount: number,
  colCount: number
): (i: number, j: number) => unknown {
  if (input === null || input === undefined) {
    throw new MemoryExcelError(
      "InvalidArgument",
      "null is not a valid value for a range property; use a 2-D array."
    );
  }
  if (!Array.isArray(input)) {
    if (typeof input === "string" && input.startsWith("=")) {
      return (i, j) => shiftFormula(input, i, j);
    }
    return () => input;
  }
  const rows: unknown[] = input;
  if (rows.length !== rowCount) throw new MemoryExcelError("InvalidArgument", DIMENSION_MESSAGE);
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== colCount) {
      throw new MemoryExcelError("InvalidArgument", DIMENSION_MESSAGE);
    }
  }
  return (i, j) => {
    const row: unknown = rows[i];
    return Array.isArray(row) ? (row[j] as unknown) : undefined;
  };
}

/** A cell's value as Range.values reports it ("" for empty). */
export function apiValue(content: CellContent): string | number | boolean {
  return content.value === null ? "" : content.value;
}

/** A cell as Range.formulas reports it: the formula, else the constant, else "". */
export function apiFormula(content: CellContent): string | number | boolean {
  if (content.formula !== null) return content.formula;
  return content.value === null ? "" : content.value;
}

export type RangeValueTypeName =
  "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue";

export function apiValueType(content: CellContent): RangeValueTypeName {
  const v = content.value;
  if (v === null) return content.formula === null ? "Empty" : "Unknown";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return isErrorValue(v) ? "Error" : "String";
}

// ------------------------------------------------------------------ colors

const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  maroon: "#800000",
  navy: "#000080",
  teal: "#008080",
  olive: "#808000",
  lime: "#00FF00",
  aqua: "#00FFFF",
  cyan: "#00FFFF",
  fuchsia: "#FF00FF",
  magenta: "#FF00FF",
  pink: "#FFC0CB",
  brown: "#A52A2A",
  gold: "#FFD700",
  beige: "#F5F5DC",
  ivory: "#FFFFF0",
  lavender: "#E6E6FA",
  coral: "#FF7F50",
  salmon: "#FA8072",
  tan: "#D2B48C",
  khaki: "#F0E68C",
  indigo: "#4B0082",
  violet: "#EE82EE",
  turquoise: "#40E0D0",
  crimson: "#DC143C",
  chocolate: "#D2691E",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  darkgray: "#A9A9A9",
  darkgrey: "#A9A9A9",
  lightblue: "#ADD8E6",
  lightgreen: "#90EE90",
  lightyellow: "#FFFFE0",
  darkblue: "#00008B",
  darkgreen: "#006400",
  darkred: "#8B0000",
};

/**
 * "#rrggbb", "rrggbb" or a common HTML color name -> "#RRGGBB". Anything else is InvalidArgument
 * (Excel accepts every HTML color name; this host knows the common ones only).
 */
export function normalizeColor(input: unknown): string {
  if (typeof input !== "string")
    throw new MemoryExcelError("InvalidArgument", "A color is a string");
  const text = input.trim();
  const m = /^#?([0-9a-fA-F]{6})$/.exec(text);
  if (m !== null) return `#${(m[1] ?? "").toUpperCase()}`;
  const named = NAMED_COLORS[text.toLowerCase()];
  if (named !== undefined) return named;
  throw new MemoryExcelError("InvalidArgument", `Unknown color: ${input}`);
}

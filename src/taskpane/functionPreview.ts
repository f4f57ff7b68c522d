/**
 * The function finder's preview: the implementation Excel calls (published by functions.js, see
 * src/shared-state/functionImplementations.ts) called with the literal arguments as Excel passes them
 * (an omitted argument as null), its answer as the cell would show it: a value, a spill, or an error code
 * with its message.
 */
import type { FunctionImplementation } from "../shared-state/functionImplementations";
import type { CatalogFunction } from "./functionCatalog";
import type { ArgumentValue } from "./functionFormula";

export type Scalar = string | number | boolean | null;

export type Preview =
  | { readonly kind: "value"; readonly value: Scalar }
  | { readonly kind: "spill"; readonly rows: readonly (readonly Scalar[])[] }
  | { readonly kind: "error"; readonly code: string; readonly message: string }
  /** Some arguments are cell references: the preview would need their values. */
  | { readonly kind: "needsCells"; readonly references: readonly string[] }
  /** functions.js did not publish this function in this pane. */
  | { readonly kind: "unavailable" };

const EXCEL_ERROR = /^#[A-Z0-9/]+[!?]?$|^#N\/A$/;

function scalarOf(value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** A thrown CustomFunctions.Error (of any realm) as code and message; anything else is #VALUE! as in Excel. */
export function errorOf(error: unknown): { code: string; message: string } {
  if (typeof error === "object" && error !== null) {
    const code: unknown = (error as { code?: unknown }).code;
    const message: unknown = (error as { message?: unknown }).message;
    const text = typeof message === "string" ? message : "";
    if (typeof code === "string" && EXCEL_ERROR.test(code)) return { code, message: text };
    return { code: "#VALUE!", message: text };
  }
  return { code: "#VALUE!", message: String(error) };
}

export function previewCall(
  fn: CatalogFunction,
  values: readonly ArgumentValue[],
  implementation: FunctionImplementation | undefined
): Preview {
  const references = values.flatMap((v) => (v.kind === "reference" ? [v.value] : []));
  if (references.length > 0) return { kind: "needsCells", references };
  if (implementation === undefined) return { kind: "unavailable" };
  const args = fn.parameters.map((_, i) => {
    const v = values[i];
    return v === undefined || v.kind === "omitted" ? null : v.value;
  });
  let result: unknown;
  try {
    result = implementation(...args);
  } catch (error) {
    return { kind: "error", ...errorOf(error) };
  }
  if (Array.isArray(result)) {
    const rows = result.map((row: unknown) =>
      Array.isArray(row) ? row.map(scalarOf) : [scalarOf(row)]
    );
    return { kind: "spill", rows };
  }
  if (typeof result === "object" && result !== null && "code" in result)
    return { kind: "error", ...errorOf(result) };
  return { kind: "value", value: scalarOf(result) };
}

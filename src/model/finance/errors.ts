/**
 * The one error type of the finance core. Adapters map `kind` to an Excel error:
 * "range" -> #NUM! (a number outside its allowed range, or a result too large to represent),
 * "type"  -> #VALUE! (not a number / not a boolean where one is required).
 */
export type ModelInputErrorKind = "range" | "type";

export class ModelInputError extends Error {
  override readonly name = "ModelInputError";
  /** The input (or derived quantity) at fault, e.g. "gpuCount", "horizonYears". */
  readonly field: string;
  /** What is wrong and what is allowed, e.g. "must be >= 0". */
  readonly reason: string;
  readonly kind: ModelInputErrorKind;

  constructor(field: string, reason: string, kind: ModelInputErrorKind) {
    super(`${field} ${reason}`);
    this.field = field;
    this.reason = reason;
    this.kind = kind;
  }
}

export function isModelInputError(error: unknown): error is ModelInputError {
  return error instanceof ModelInputError;
}

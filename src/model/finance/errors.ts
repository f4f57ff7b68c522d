/**
 * The one error type of the finance core. `kind` says what went wrong:
 * "range": a number outside its allowed range, or a result too large to represent;
 * "type":  not a number / not a boolean where one is required.
 * The CAPPLAN functions give #VALUE! for both, with the message (Excel shows none for #NUM!).
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

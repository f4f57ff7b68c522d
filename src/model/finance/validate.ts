/**
 * Cheap guards used by every exported function: plain comparisons, no allocation unless they throw.
 * A value that is not a number (or is NaN) is a "type" error; a finite number out of range, or
 * +-Infinity, is a "range" error.
 */
import { ModelInputError } from "./errors";
import { MAX_HORIZON_YEARS } from "./units";

/** Throws unless `value` is a finite number. */
export function requireFinite(value: number, field: string): void {
  if (typeof value !== "number" || value !== value) {
    throw new ModelInputError(field, "must be a number", "type");
  }
  if (value === Infinity || value === -Infinity) {
    throw new ModelInputError(field, "must be a finite number", "range");
  }
}

/** Throws unless `value` is a finite number >= min. */
export function requireAtLeast(value: number, min: number, field: string): void {
  requireFinite(value, field);
  if (value < min) throw new ModelInputError(field, `must be >= ${min} (got ${value})`, "range");
}

/** Throws unless `value` is a finite number > min. */
export function requireAbove(value: number, min: number, field: string): void {
  requireFinite(value, field);
  if (value <= min) throw new ModelInputError(field, `must be > ${min} (got ${value})`, "range");
}

/** Throws unless `value` is a finite number >= 0. */
export function requireNonNegative(value: number, field: string): void {
  requireFinite(value, field);
  if (value < 0) throw new ModelInputError(field, `must be >= 0 (got ${value})`, "range");
}

/** Throws unless min <= value <= max. */
export function requireBetween(value: number, min: number, max: number, field: string): void {
  requireFinite(value, field);
  if (value < min || value > max) {
    throw new ModelInputError(field, `must be between ${min} and ${max} (got ${value})`, "range");
  }
}

/** Throws unless value is a whole number with min <= value <= max. */
export function requireWholeBetween(value: number, min: number, max: number, field: string): void {
  requireFinite(value, field);
  if (value < min || value > max || Math.floor(value) !== value) {
    throw new ModelInputError(
      field,
      `must be a whole number from ${min} to ${max} (got ${value})`,
      "range"
    );
  }
}

/** Throws unless 0 <= value < 1 (a share of a whole that cannot be all of it). */
export function requireShareBelowOne(value: number, field: string): void {
  requireFinite(value, field);
  if (value < 0 || value >= 1) {
    throw new ModelInputError(field, `must be >= 0 and < 1 (got ${value})`, "range");
  }
}

/** Throws unless `value` is a boolean. */
export function requireBoolean(value: boolean, field: string): void {
  if (typeof value !== "boolean") throw new ModelInputError(field, "must be TRUE or FALSE", "type");
}

/** Throws unless the horizon is a whole number of years in 1..MAX_HORIZON_YEARS. */
export function requireHorizon(value: number, field = "horizonYears"): void {
  requireFinite(value, field);
  if (value < 1 || value > MAX_HORIZON_YEARS || Math.floor(value) !== value) {
    throw new ModelInputError(
      field,
      `must be a whole number of years from 1 to ${MAX_HORIZON_YEARS} (got ${value})`,
      "range"
    );
  }
}

/** Throws unless `value` is a non-null object (an inputs record). */
export function requireRecord(value: object, field: string): void {
  if (typeof value !== "object" || value === null) {
    throw new ModelInputError(field, "must be an object of inputs", "type");
  }
}

/**
 * Returns `value` when it is finite; otherwise the inputs were so large that the result overflowed
 * (or Infinity - Infinity became NaN): a "range" error naming the result.
 */
export function finiteResult(value: number, field: string): number {
  if (value - value !== 0) {
    throw new ModelInputError(
      field,
      "is too large to represent: check the magnitudes of the inputs",
      "range"
    );
  }
  return value;
}

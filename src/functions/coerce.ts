/**
 * Turning what Excel passes into typed arguments. Excel sends omitted optional arguments as null (sometimes
 * undefined) and empty cells as null, 0 or "" depending on the declared type, so every reader accepts all of
 * them. These run on every call: on success they only compare and return, never allocate.
 */
import { ArgumentError } from "./argumentError";

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === "";

/** A name such as a GPU or region; a number is accepted as its text ("2" is not a GPU, but lookup says so). */
export function requiredText(value: unknown, argument: string, example: string): string {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (isBlank(value)) throw new ArgumentError("value", `${argument} is required: type ${example}.`);
  throw new ArgumentError(
    "value",
    `${argument} must be text such as ${example}, not ${describeValue(value)}.`
  );
}

export function optionalText(
  value: unknown,
  argument: string,
  example: string
): string | undefined {
  if (isBlank(value) || value === 0) return undefined;
  return requiredText(value, argument, example);
}

export interface NumberRule {
  readonly min: number;
  readonly max: number;
  /** Unit or meaning for the message, e.g. "GPUs", "MW of IT load". */
  readonly what: string;
  readonly integer?: boolean;
}

export function requiredNumber(value: unknown, argument: string, rule: NumberRule): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new ArgumentError("number", `${argument} must be a finite number.`);
    if (value < rule.min || value > rule.max) {
      throw new ArgumentError(
        "number",
        `${argument} must be between ${fmt(rule.min)} and ${fmt(rule.max)} ${rule.what} (got ${fmt(value)}).`
      );
    }
    if (rule.integer === true && !Number.isInteger(value)) {
      throw new ArgumentError(
        "number",
        `${argument} must be a whole number of ${rule.what} (got ${fmt(value)}).`
      );
    }
    return value;
  }
  if (isBlank(value))
    throw new ArgumentError("value", `${argument} is required: type a number of ${rule.what}.`);
  throw new ArgumentError(
    "value",
    `${argument} must be a number of ${rule.what}, not ${describeValue(value)}.`
  );
}

/**
 * An optional number. `zeroMeansOmitted` is for quantities where 0 is impossible (a PUE, a utilization),
 * because Excel passes an empty referenced cell as 0.
 */
export function optionalNumber(
  value: unknown,
  argument: string,
  rule: NumberRule,
  zeroMeansOmitted: boolean
): number | undefined {
  if (isBlank(value) || (zeroMeansOmitted && value === 0)) return undefined;
  return requiredNumber(value, argument, rule);
}

function fmt(n: number): string {
  return Math.abs(n) >= 1e6 ? n.toExponential(2) : String(n);
}

/** How a value of the wrong type is named in a message. */
export function describeValue(value: unknown): string {
  if (typeof value === "boolean") return `TRUE/FALSE (${String(value).toUpperCase()})`;
  if (typeof value === "string") return `"${value}"`;
  if (Array.isArray(value)) return "a range (give a single cell)";
  return typeof value;
}

/**
 * The `overrides` argument of the compare functions: a 2-column range or array constant of key / value,
 * e.g. {"pue",1.5;"powerPrice",0.13}. Keys are case-insensitive with aliases (src/model/overrides.ts);
 * blank rows are ignored. An unknown key is #N/A with the nearest names; a wrong value, a key given twice,
 * or a range of the wrong shape is #VALUE! naming the key and what it takes.
 */
import { nearestNames } from "../model/library/nearest";
import { shorten } from "../model/library/normalize";
import {
  findOverride,
  NO_OVERRIDES,
  OVERRIDE_NAMES,
  ROUTE_ONLY_KEYS,
  type OverrideKey,
  type Overrides,
  type OverrideSpec,
} from "../model/overrides";
import { LookupError } from "../model/resolve";
import { ArgumentError } from "./argumentError";
import { requiredNumber } from "./coerce";

/** Rows an overrides range may have (blank rows count). */
export const MAX_OVERRIDE_ROWS = 64;

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === "";

/**
 * The overrides of a function that does not read `refused`: a key it would ignore is refused with #VALUE!
 * naming it and `why`, rather than silently ignored (a productive utilization typed into TCO must not look
 * as if it had an effect).
 */
export function overridesRefusing(
  value: unknown,
  functionName: string,
  refused: readonly OverrideKey[],
  why: string
): Overrides {
  const o = overridesArg(value);
  if (o === NO_OVERRIDES) return o;
  const given = refused.filter((key) => o[key] !== undefined);
  if (given.length > 0)
    throw new ArgumentError(
      "value",
      `${given.join(", ")} ${given.length === 1 ? "does" : "do"} not apply to ${functionName}: ${why}`
    );
  return o;
}

/** Keys only a comparison with a cost of delay reads. */
const DELAY_KEYS: readonly OverrideKey[] = ["valuePerGpuHour"];

/**
 * The overrides of a function that prices every installed hour before tax and has no cost of delay (TCO,
 * BREAKEVEN, CASHFLOWS, PAYBACK, BREAKEVENUTIL, COSTPERHOUR "delivered"): route-only keys and the value of a
 * GPU-hour are refused.
 */
export function v1OverridesArg(value: unknown, functionName: string): Overrides {
  const hint =
    functionName === "COSTPERHOUR"
      ? 'COSTPERHOUR with basis "useful" and CAPPLAN.OPTIONS price the model-v2 keys.'
      : "CAPPLAN.OPTIONS prices the model-v2 keys.";
  return overridesRefusing(
    value,
    functionName,
    [...ROUTE_ONLY_KEYS, ...DELAY_KEYS],
    `it counts every installed GPU-hour before tax, with no cost of delay; ${hint}`
  );
}

/** The parsed overrides; NO_OVERRIDES when the argument is omitted or holds only blank rows. */
export function overridesArg(value: unknown): Overrides {
  if (isBlank(value) || value === 0) return NO_OVERRIDES;
  if (!Array.isArray(value))
    throw new ArgumentError(
      "value",
      'overrides must be a 2-column range or array of key and value, e.g. {"pue",1.5;"powerPrice",0.13}.'
    );
  if (value.length > MAX_OVERRIDE_ROWS)
    throw new ArgumentError(
      "value",
      `overrides has ${value.length} rows: at most ${MAX_OVERRIDE_ROWS} are allowed.`
    );
  // A null-prototype record: a typed key can never reach Object.prototype.
  const parsed: Record<string, number | boolean> = Object.create(null) as Record<
    string,
    number | boolean
  >;
  let any = false;
  for (const row of value as unknown[]) {
    const cells: unknown[] = Array.isArray(row) ? (row as unknown[]) : [row];
    if (cells.every(isBlank)) continue;
    if (cells.length !== 2)
      throw new ArgumentError(
        "value",
        `overrides must have 2 columns, key and value (got ${cells.length}).`
      );
    const [keyCell, valueCell] = cells;
    if (typeof keyCell !== "string" || keyCell.trim() === "")
      throw new ArgumentError(
        "value",
        'overrides: each row needs a key as text in its first column, such as "pue".'
      );
    const spec = findOverride(keyCell);
    if (!spec)
      throw new LookupError(
        "override key",
        keyCell,
        nearestNames(keyCell, OVERRIDE_NAMES),
        `Keys: ${OVERRIDE_NAMES.join(", ")}.`
      );
    if (spec.key in parsed)
      throw new ArgumentError(
        "value",
        `overrides: ${spec.key} is given twice ("${shorten(keyCell)}"); give each key once.`
      );
    parsed[spec.key] = overrideValue(spec, valueCell);
    any = true;
  }
  return any ? (parsed as unknown as Overrides) : NO_OVERRIDES;
}

function overrideValue(spec: OverrideSpec, value: unknown): number | boolean {
  if (spec.kind === "switch") {
    if (value === true || value === 1) return true;
    if (value === false || value === 0) return false;
    throw new ArgumentError(
      "value",
      `overrides: ${spec.key} must be 1 (on) or 0 (off), or TRUE/FALSE.`
    );
  }
  return requiredNumber(value, `overrides: ${spec.key}`, {
    min: spec.min,
    max: spec.max,
    what: spec.what,
  });
}

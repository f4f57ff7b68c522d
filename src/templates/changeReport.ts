/**
 * The change report after a refresh, pure: which assumptions an apply changed (old value, new value, source and
 * as-of of the new value), which it kept (the user's own value, or a row left unticked), which differ from the
 * library only in their source / as-of / low / high, and the effect on the headline results.
 *
 * The headline is the rent-vs-build sheet's own arithmetic: its section 3 results (CP_Difference = NPV of
 * building - NPV of renting, CP_DifferenceWithDelay = that + the cost of delay) are native formulas over its
 * assumption cells and its horizon, and they implement compareCore (src/model/finance/compare.ts; docs/model.md
 * sections 2 and 3; tests/support/templates/coreParity.ts checks every cell against it). So the report feeds
 * compareCore the values the sheet's cells held before the apply and those they hold after it: no library
 * record, no extra round trip, and the same number Excel shows once it recalculates.
 */
import {
  compareCore,
  type BuildInputs,
  type CompareInputs,
  type RentInputs,
} from "../model/finance";
import { ownEntry } from "../model/library/indexLibrary";
import { ASSUMPTION_KEYS, type AssumptionKey } from "./layout";
import type { CellScalar, RefreshRow } from "./refreshPlan";

/** The sheet's values the headline needs: its v1 assumption cells by key, and its horizon (years). */
export interface HeadlineCells {
  readonly assumptions: Readonly<Record<string, CellScalar | undefined>>;
  readonly horizon: CellScalar | undefined;
}

export interface Headline {
  /** NPV of building - NPV of renting, USD (CP_Difference). */
  readonly difference: number;
  /** The difference plus the cost of delay, USD (CP_DifferenceWithDelay). */
  readonly differenceWithDelay: number;
}

export type HeadlineResult =
  | { readonly ok: true; readonly headline: Headline }
  | { readonly ok: false; readonly reason: string };

/** The core's inputs the template's assumption rows stand for (the mapping the template's formulas use). */
function coreInputs(
  value: (key: AssumptionKey) => number,
  horizonYears: number
): { build: BuildInputs; rent: RentInputs; compare: CompareInputs } {
  return {
    build: {
      gpuCount: value("gpuCount"),
      systemPricePerGpu: value("systemPricePerGpu"),
      networkShare: value("networkShare"),
      systemPowerKwPerGpu: value("kwPerGpu"),
      // The sheet: IF(CP_FacilityCapexFlag=1, facility capex, 0).
      facilityCapex: value("facilityCapexFlag") === 1,
      constructionCostPerMw: value("constructionCostPerMw"),
      capexMultiplier: value("capexMultiplier"),
      pue: value("pue"),
      utilization: value("utilization"),
      powerPricePerKwh: value("powerPrice"),
      colocationPerKwMonth: value("colocationPerKwMonth"),
      maintenanceShareOfHwPerYear: value("maintenance"),
      staffCostPerMwYear: value("staffPerMwYear"),
      buildMonths: value("buildMonths"),
      itDepreciationYears: value("itLife"),
      facilityLifeYears: value("facilityLife"),
    },
    rent: {
      gpuCount: value("gpuCount"),
      ratePerGpuHour: value("rentRate"),
      annualPriceChange: value("rentPriceChange"),
      leadTimeMonths: value("rentLeadMonths"),
    },
    compare: {
      horizonYears,
      discountRate: value("discountRate"),
      valuePerGpuHour: value("valuePerGpuHour"),
    },
  };
}

const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/**
 * The sheet's headline results for these cell values, or why they cannot be computed here (a cell holding text
 * or a formula's error, a value the model refuses): then the sheet's own cells are the answer.
 */
export function headlineOf(
  cells: HeadlineCells,
  labels: Readonly<Record<string, string>> = {}
): HeadlineResult {
  const missing: string[] = [];
  const numbers = new Map<AssumptionKey, number>();
  for (const key of ASSUMPTION_KEYS) {
    const cell = ownEntry(cells.assumptions, key);
    if (isNumber(cell)) numbers.set(key, cell);
    else missing.push(ownEntry(labels, key) ?? key);
  }
  if (!isNumber(cells.horizon)) missing.push("Horizon");
  if (missing.length > 0)
    return { ok: false, reason: `not a number on the sheet: ${missing.join(", ")}` };
  const { build, rent, compare } = coreInputs(
    (key) => numbers.get(key) ?? NaN,
    cells.horizon as number
  );
  try {
    const result = compareCore(build, rent, compare);
    return {
      ok: true,
      headline: { difference: result.difference, differenceWithDelay: result.differenceWithDelay },
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** What a report row is about: a v1 assumption, a model v2 input, or a risk range's low / high. */
export type ChangeKind = "assumption" | "modelV2" | "riskRange";

/**
 * - "changed": the apply wrote the library's value (with its source and as-of);
 * - "kept": the library differs, but the cell keeps its value (the user's own, or left unticked);
 * - "provenanceOnly": the value is the library's, only its source / low / high (and perhaps as-of) text differs
 *   (a refresh writes those with a value, so they stay as they are). A difference of the as-of date alone is
 *   counted (ChangeReport.asOfOnly), not listed.
 */
export type ChangeOutcome = "changed" | "kept" | "provenanceOnly";

export interface ChangeReportRow {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly kind: ChangeKind;
  readonly outcome: ChangeOutcome;
  /** The cell before the apply. */
  readonly before: CellScalar | null;
  /** The cell after it (the library's value when changed, else what it held). */
  readonly after: CellScalar | null;
  /** The library's value (what a kept row was not given). */
  readonly libraryValue: number | string | null;
  /** Source and as-of of the library's value. */
  readonly source: string;
  readonly asOf: string;
  /** The cell held the user's own value (not what the add-in last wrote). */
  readonly isOverride: boolean;
  /** For provenanceOnly: which texts differ ("source", "asOf", "low", "high"). */
  readonly differs: readonly string[];
}

export interface LibraryStamp {
  readonly id: string;
  readonly version: string;
  readonly name?: string;
}

export interface ChangeReport {
  readonly sheetName: string;
  readonly libraryBefore: LibraryStamp;
  readonly libraryAfter: LibraryStamp & { readonly name: string };
  /** ISO 8601 UTC time of the apply. */
  readonly appliedAt: string;
  readonly rows: readonly ChangeReportRow[];
  /** Assumptions whose value and source are the library's and only the as-of date differs (not listed). */
  readonly asOfOnly: number;
  readonly before: HeadlineResult;
  readonly after: HeadlineResult;
  /**
   * What the sheet's own CP_Difference / CP_DifferenceWithDelay showed before the apply (null when they held no
   * number, e.g. not calculated yet), and whether the computed "before" agrees with them to the cent: when it
   * does not, the sheet's result formulas were edited and the computed effect is the template's, not the sheet's.
   */
  readonly sheetBefore: {
    readonly difference: number;
    readonly differenceWithDelay: number;
  } | null;
  readonly matchesSheet: boolean | null;
  /** after - before of both headline results, when both are known. */
  readonly change: Headline | null;
}

/** A provenance cell that differs from the library: its role, only for rows whose value is the library's. */
export interface ProvenanceDifference {
  readonly key: string;
  readonly roles: readonly string[];
}

export interface ChangeReportInput {
  readonly sheetName: string;
  readonly libraryBefore: LibraryStamp;
  readonly libraryAfter: LibraryStamp & { readonly name: string };
  readonly appliedAt: string;
  readonly rows: readonly RefreshRow[];
  /** The keys the apply wrote. */
  readonly applied: readonly string[];
  /** The sheet's values as planning read them (before the apply). */
  readonly cellsBefore: HeadlineCells;
  readonly provenanceDifferences: readonly ProvenanceDifference[];
  /** CP_Difference and CP_DifferenceWithDelay as planning read them. */
  readonly sheetDifference: CellScalar | undefined;
  readonly sheetDifferenceWithDelay: CellScalar | undefined;
}

function kindOf(key: string): ChangeKind {
  if (key.startsWith("risk.")) return "riskRange";
  if (key.startsWith("v2.")) return "modelV2";
  return "assumption";
}

/** Money to the cent: the precision the template's results are checked to (coreParity.ts). */
export const CENT = 0.005;

export function buildChangeReport(input: ChangeReportInput): ChangeReport {
  const applied = new Set(input.applied);
  const labels: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const row of input.rows) labels[row.key] = row.label;
  const rows: ChangeReportRow[] = [];
  const after: Record<string, CellScalar | undefined> = Object.create(null) as Record<
    string,
    CellScalar | undefined
  >;
  for (const [key, value] of Object.entries(input.cellsBefore.assumptions)) after[key] = value;

  for (const row of input.rows) {
    if (row.status !== "ok") continue;
    const base = {
      key: row.key,
      label: row.label,
      unit: row.unit,
      kind: kindOf(row.key),
      before: row.workbookValue,
      libraryValue: row.libraryValue,
      source: row.source,
      asOf: row.asOf,
      isOverride: row.isOverride,
      differs: [] as string[],
    };
    if (row.changed && applied.has(row.key) && row.libraryValue !== null) {
      rows.push({ ...base, outcome: "changed", after: row.libraryValue });
      if (ownEntry(input.cellsBefore.assumptions, row.key) !== undefined)
        after[row.key] = row.libraryValue;
    } else if (row.changed) {
      rows.push({ ...base, outcome: "kept", after: row.workbookValue });
    }
  }
  const byKey = new Map(input.rows.map((r) => [r.key, r]));
  let asOfOnly = 0;
  for (const diff of input.provenanceDifferences) {
    const row = byKey.get(diff.key);
    if (row === undefined || row.status !== "ok" || row.changed || diff.roles.length === 0)
      continue;
    // A new as-of alone is mostly the new library's publication date on every figure it derives or
    // defaults: counted, not listed one by one.
    if (diff.roles.every((role) => role === "asOf")) {
      asOfOnly += 1;
      continue;
    }
    rows.push({
      key: row.key,
      label: row.label,
      unit: row.unit,
      kind: kindOf(row.key),
      outcome: "provenanceOnly",
      before: row.workbookValue,
      after: row.workbookValue,
      libraryValue: row.libraryValue,
      source: row.source,
      asOf: row.asOf,
      isOverride: row.isOverride,
      differs: diff.roles,
    });
  }

  const before = headlineOf(input.cellsBefore, labels);
  const headlineAfter = headlineOf(
    { assumptions: after, horizon: input.cellsBefore.horizon },
    labels
  );
  const d = input.sheetDifference;
  const dd = input.sheetDifferenceWithDelay;
  const sheetBefore =
    isNumber(d) && isNumber(dd) ? { difference: d, differenceWithDelay: dd } : null;
  const matchesSheet =
    sheetBefore === null || !before.ok
      ? null
      : Math.abs(sheetBefore.difference - before.headline.difference) < CENT &&
        Math.abs(sheetBefore.differenceWithDelay - before.headline.differenceWithDelay) < CENT;
  return {
    sheetName: input.sheetName,
    libraryBefore: input.libraryBefore,
    libraryAfter: input.libraryAfter,
    appliedAt: input.appliedAt,
    rows,
    asOfOnly,
    before,
    after: headlineAfter,
    sheetBefore,
    matchesSheet,
    change:
      before.ok && headlineAfter.ok
        ? {
            difference: headlineAfter.headline.difference - before.headline.difference,
            differenceWithDelay:
              headlineAfter.headline.differenceWithDelay - before.headline.differenceWithDelay,
          }
        : null,
  };
}

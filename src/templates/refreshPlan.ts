/**
 * The refresh diff, pure: for each assumption of a template sheet, what the add-in last wrote
 * (recorded), what the cell holds now, and what the current library says. No Excel here; src/excel
 * reads the three inputs in one sync and writes the chosen rows back in one more.
 */
import { ownEntry } from "../model/library/indexLibrary";
import type { AssumptionSpec } from "./types";

/** A cell's value as Excel reports it ("" for an empty cell). */
export type CellScalar = string | number | boolean;

export interface RecordedAssumption {
  /** The workbook name of the value cell. */
  readonly name: string;
  /** The value the add-in last wrote into the cell. */
  readonly value: number | string;
  readonly libraryVersion?: string;
}

/**
 * - "ok": the row can be refreshed;
 * - "cellMissing": the sheet's named cell is gone (the name was deleted or points elsewhere);
 * - "notInWorkbook": the library has an assumption this sheet has no cell for (an older template);
 * - "notInLibrary": the sheet has an assumption the library no longer provides.
 */
export type RefreshRowStatus = "ok" | "cellMissing" | "notInWorkbook" | "notInLibrary";

export interface RefreshRow {
  readonly key: string;
  readonly label: string;
  /** Workbook name of the value cell. */
  readonly name: string;
  readonly unit: string;
  /** What the cell holds now; null when it cannot be read. */
  readonly workbookValue: CellScalar | null;
  /** What the current library says; null when it has no such assumption. */
  readonly libraryValue: number | string | null;
  /** What the add-in last wrote; null when it never wrote this assumption. */
  readonly insertedValue: number | string | null;
  readonly source: string;
  readonly asOf: string;
  /** The user changed the cell since the add-in last wrote it. */
  readonly isOverride: boolean;
  /** The cell differs from the library. */
  readonly changed: boolean;
  /** Ticked in the diff: changed, and not an override the user made on purpose. */
  readonly selectedByDefault: boolean;
  readonly status: RefreshRowStatus;
}

/** The library version a recorded value came from, when known. */
export type RecordedAssumptions = Readonly<Record<string, RecordedAssumption>>;

/**
 * Excel shows and accepts 15 significant digits; a number that came back from a cell may differ from
 * the one written in the last bits. Relative differences below 1e-12 are the same value.
 */
function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

function asNumber(value: CellScalar): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value))
    return Number(value);
  return null;
}

/**
 * Whether two cell values are the same for the purpose of a refresh: numbers to a relative 1e-12
 * (a number stored as text counts as that number), text exactly, booleans exactly.
 */
export function sameCellValue(a: CellScalar | null, b: CellScalar | null): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === "number" || typeof b === "number") {
    const x = asNumber(a);
    const y = asNumber(b);
    return x !== null && y !== null && sameNumber(x, y);
  }
  return a === b;
}

/**
 * One row per assumption, in the library's (template's) order, then the recorded assumptions the
 * library no longer has.
 *
 * @param recorded the sheet's registry entry: key -> name and the value the add-in last wrote.
 * @param currentCellValues key -> the cell's current value; a missing key (or undefined) means the
 *   cell could not be read (its name is gone).
 * @param libraryAssumptions the template's assumptions built from the current library.
 */
export function computeRefreshRows(
  recorded: RecordedAssumptions,
  currentCellValues: Readonly<Record<string, CellScalar | undefined>>,
  libraryAssumptions: readonly AssumptionSpec[]
): RefreshRow[] {
  const rows: RefreshRow[] = [];
  const seen = new Set<string>();
  const current = (key: string): CellScalar | null => ownEntry(currentCellValues, key) ?? null;
  const recordedOf = (key: string): RecordedAssumption | undefined => ownEntry(recorded, key);

  for (const spec of libraryAssumptions) {
    if (seen.has(spec.key)) continue;
    seen.add(spec.key);
    const rec = recordedOf(spec.key);
    const base = {
      key: spec.key,
      label: spec.label,
      unit: spec.unit,
      source: spec.source,
      asOf: spec.asOf,
      libraryValue: spec.value,
    };
    if (rec === undefined) {
      rows.push({
        ...base,
        name: spec.name,
        workbookValue: null,
        insertedValue: null,
        isOverride: false,
        changed: false,
        selectedByDefault: false,
        status: "notInWorkbook",
      });
      continue;
    }
    const workbookValue = current(spec.key);
    if (workbookValue === null) {
      rows.push({
        ...base,
        name: rec.name,
        workbookValue: null,
        insertedValue: rec.value,
        isOverride: false,
        changed: false,
        selectedByDefault: false,
        status: "cellMissing",
      });
      continue;
    }
    const isOverride = !sameCellValue(workbookValue, rec.value);
    const changed = !sameCellValue(workbookValue, spec.value);
    rows.push({
      ...base,
      name: rec.name,
      workbookValue,
      insertedValue: rec.value,
      isOverride,
      changed,
      selectedByDefault: changed && !isOverride,
      status: "ok",
    });
  }

  for (const [key, rec] of Object.entries(recorded)) {
    if (seen.has(key)) continue;
    const workbookValue = current(key);
    rows.push({
      key,
      label: key,
      name: rec.name,
      unit: "",
      workbookValue,
      libraryValue: null,
      insertedValue: rec.value,
      source: "",
      asOf: "",
      isOverride: workbookValue !== null && !sameCellValue(workbookValue, rec.value),
      changed: false,
      selectedByDefault: false,
      status: "notInLibrary",
    });
  }
  return rows;
}

/** Rows the user can tick: refreshable and different from the library. */
export function refreshableRows(rows: readonly RefreshRow[]): RefreshRow[] {
  return rows.filter((row) => row.status === "ok" && row.changed);
}

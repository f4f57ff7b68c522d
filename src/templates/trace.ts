/**
 * Trace to source, pure: what a selected cell of a template sheet is, its formula in words, and, for
 * an input, where its value came from in the library and whether the user overrode it. src/excel reads
 * the facts (the cell, its sheet, the registry entry, the workbook names, the sheet's labels) in one
 * sync; everything here works on them, with no Excel and no network.
 *
 * The cell is found in the sheet's TemplateSpec (rebuilt from the registry entry with the active
 * library) by the workbook names that point at it first, which follow rows the user inserted; else by
 * its position, shifted by what the names say about inserted rows and checked against the row label.
 */
import {
  cellAddress,
  columnIndex,
  excelNameKey,
  parseCanonicalCell,
  parseSheetReference,
  rangeAddress,
  sameExcelName,
  sheetRangeAddress,
  type GridRange,
} from "../model/a1";
import { findAssumption, ownEntry, type LibraryIndex } from "../model/library/indexLibrary";
import { yearColumn } from "./layout";
import { formulaInWords, formulaPrecedents, type Precedent } from "./formulaTokens";
import { sameCellValue, type CellScalar, type RecordedAssumption } from "./refreshPlan";
import { buildRentVsBuildTemplate } from "./rentVsBuild";
import { NAME_PREFIX } from "./sheetBuilder";
import type { AssumptionSpec, CellSpec, TemplateSpec } from "./types";

/** What the registry records about a template sheet (src/excel's TemplateEntry, the part used here). */
export interface TraceEntry {
  /** "rentVsBuild", "options", "boardMemo", or a kind this version does not know. */
  readonly kind: string;
  /** How the kind is named to the user ("a Rent vs Build sheet"). */
  readonly kindLabel: string;
  readonly scenarioId: string;
  readonly nameSuffix: string;
  readonly libraryId: string;
  readonly libraryVersion: string;
  readonly assumptions: Readonly<Record<string, RecordedAssumption>>;
}

/** What one sync read about the selection. */
export interface TraceFacts {
  readonly sheetName: string;
  /** 0-based position of the active cell. */
  readonly row: number;
  readonly col: number;
  /** Range.formulas of the cell: the formula text, or the constant. */
  readonly formula: CellScalar;
  readonly value: CellScalar;
  /** The sheet's registry entry; undefined when it is not a template sheet. */
  readonly entry: TraceEntry | undefined;
  /** Why the sheet's registry entry could not be read, when it could not. */
  readonly registryProblem?: string;
  /** The workbook's names: name as written -> formula ("='Rent vs Build'!$C$5"). */
  readonly names: readonly { readonly name: string; readonly formula: string }[];
  /** Column A of the sheet by 0-based row: the row labels as the workbook has them now. */
  readonly labels: ReadonlyMap<number, string>;
}

export type CellRole = "input" | "result" | "calculation" | "constant" | "label" | "text" | "empty";

export interface InputTrace {
  readonly key: string;
  readonly name: string;
  readonly libraryPath?: string;
  /** What the active library says. */
  readonly libraryValue: number | string;
  readonly unit: string;
  readonly source: string;
  readonly asOf: string;
  readonly low?: number;
  readonly high?: number;
  /** What the add-in last wrote into the cell (the registry); undefined when it recorded none. */
  readonly recordedValue?: number | string;
  readonly recordedLibraryVersion?: string;
  /** The cell differs from what the add-in last wrote; null when nothing was recorded. */
  readonly overridden: boolean | null;
}

export interface TraceLibraries {
  readonly sheet: { readonly id: string; readonly version: string };
  readonly active: { readonly id: string; readonly name: string; readonly version: string };
  readonly same: boolean;
}

export type TraceResult =
  | {
      readonly status: "notTemplate";
      readonly cell: string;
      readonly sheet: string;
      readonly value: CellScalar;
      readonly problem?: string;
      readonly formulaInWords?: string;
      readonly formula: CellScalar;
      readonly precedents: readonly Precedent[];
      readonly unresolvedNames: readonly string[];
    }
  | {
      readonly status: "template";
      /** "'Rent vs Build'!C12": the cell as the workbook has it now. */
      readonly cell: string;
      readonly sheet: string;
      readonly value: CellScalar;
      readonly kind: string;
      readonly kindLabel: string;
      readonly libraries: TraceLibraries;
      /** Undefined when the cell is not one the template wrote (or could not be matched). */
      readonly what?: {
        readonly role: CellRole;
        readonly label: string;
        readonly unit: string;
        readonly section: string;
        /** The column's heading when the row has one per column (a year of the cash flows). */
        readonly column?: string;
        /** Where the cell sits in the template as built ("C12"), and how it was found. */
        readonly templateAddress: string;
        readonly foundBy: "name" | "position";
        readonly name?: string;
      };
      /** The template's formula for the cell, and the cell's own when it differs (edited or shifted). */
      readonly templateFormula?: string;
      readonly formulaInWords?: string;
      readonly formula: CellScalar;
      readonly input?: InputTrace;
      readonly precedents: readonly Precedent[];
      readonly unresolvedNames: readonly string[];
      readonly notes: readonly string[];
    };

type RowMap = ReadonlyMap<number, ReadonlyMap<number, CellSpec>>;

interface SpecView {
  readonly spec: TemplateSpec;
  /** 0-based row -> 0-based column -> cell. */
  readonly rows: RowMap;
  readonly byName: ReadonlyMap<string, string>;
  readonly assumptionsByAddress: ReadonlyMap<string, AssumptionSpec>;
  readonly namesByAddress: ReadonlyMap<string, string>;
}

const specViews = new WeakMap<LibraryIndex, Map<string, SpecView | Error>>();

function viewOf(spec: TemplateSpec): SpecView {
  const rows = new Map<number, Map<number, CellSpec>>();
  for (const cell of spec.cells) {
    const { row, col } = parseCanonicalCell(cell.address);
    let cols = rows.get(row);
    if (cols === undefined) rows.set(row, (cols = new Map()));
    cols.set(col, cell);
  }
  return {
    spec,
    rows,
    byName: new Map(spec.names.map((n) => [excelNameKey(n.name), n.address] as const)),
    assumptionsByAddress: new Map(spec.assumptions.map((a) => [a.address, a] as const)),
    namesByAddress: new Map(spec.names.map((n) => [n.address, n.name] as const)),
  };
}

/** The sheet's spec, built once per library, scenario and suffix (the risk section's run is cached too). */
function specFor(index: LibraryIndex, entry: TraceEntry, sheetName: string): SpecView | Error {
  let views = specViews.get(index);
  if (views === undefined) specViews.set(index, (views = new Map()));
  const key = JSON.stringify([entry.scenarioId, entry.nameSuffix]);
  const cached = views.get(key);
  if (cached !== undefined) return cached;
  let view: SpecView | Error;
  try {
    view = viewOf(
      buildRentVsBuildTemplate(index, entry.scenarioId, {
        sheetName,
        nameSuffix: entry.nameSuffix,
      })
    );
  } catch (error) {
    view = error instanceof Error ? error : new Error(String(error));
  }
  views.set(key, view);
  return view;
}

function cellText(cell: CellSpec | undefined): string {
  if (cell === undefined || cell.formula !== undefined) return "";
  return typeof cell.value === "string" ? cell.value : "";
}

function roleOf(cell: CellSpec | undefined, isInput: boolean): CellRole {
  if (isInput) return "input";
  if (cell === undefined) return "empty";
  if (cell.formula !== undefined) return cell.style === "result" ? "result" : "calculation";
  if (cell.style === "result") return "result";
  if (typeof cell.value === "number" || typeof cell.value === "boolean") return "constant";
  return cell.style === "label" || cell.style === "section" || cell.style === "header"
    ? "label"
    : "text";
}

/** The nearest section heading at or above `row` (column A, style "section"). */
function sectionAbove(rows: RowMap, row: number): string {
  for (let r = row; r >= 0; r--) {
    const cell = rows.get(r)?.get(0);
    if (cell?.style === "section") return cellText(cell);
  }
  return "";
}

/** The heading of `col` above `row` (a header row with a cell in that column), e.g. "Year 3". */
function columnHeading(rows: RowMap, row: number, col: number): string | undefined {
  if (col <= 1) return undefined;
  for (let r = row - 1; r >= 0; r--) {
    const cols = rows.get(r);
    const first = cols?.get(0);
    if (first?.style === "section") return undefined;
    const cell = cols?.get(col);
    if (cell?.style === "header") {
      const text = cell.value;
      const rowName = cellText(first);
      // The year headings are 0 then "=previous+1" across the year columns (cashflows.ts).
      if (rowName === "Year") return `Year ${col - columnIndex(yearColumn(0))}`;
      return typeof text === "string" || typeof text === "number" ? String(text) : undefined;
    }
  }
  return undefined;
}

/** The label of a template row (column A), or "" when the row has none. */
function rowLabel(rows: RowMap, row: number): string {
  return cellText(rows.get(row)?.get(0));
}

/** A name without its "CP_" prefix and the sheet's suffix: "CP_NpvBuild_2" -> "NpvBuild". */
function bareName(name: string, suffix: string): string {
  let base = name.startsWith(NAME_PREFIX) ? name.slice(NAME_PREFIX.length) : name;
  if (suffix !== "" && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  return base;
}

function nameMap(facts: TraceFacts): Map<string, string> {
  return new Map(facts.names.map((n) => [excelNameKey(n.name), n.formula] as const));
}

/**
 * Which template cell the selected cell is: a template name pointing at exactly that cell, else its
 * position shifted by the rows inserted above it (the offsets the names show, nearest named cell above
 * first, then none), accepted only when the row's label is the template's.
 */
function locate(
  view: SpecView,
  facts: TraceFacts
): { row: number; col: number; foundBy: "name" | "position"; name?: string } | undefined {
  const anchors: { workbookRow: number; offset: number }[] = [];
  for (const { name, formula } of facts.names) {
    const specAddress = view.byName.get(excelNameKey(name));
    const target = parseSheetReference(formula);
    if (specAddress === undefined || target === null) continue;
    if (!sameExcelName(target.sheet, facts.sheetName)) continue;
    const spec = parseCanonicalCell(specAddress);
    if (
      target.range.row === facts.row &&
      target.range.col === facts.col &&
      target.range.rowCount === 1 &&
      target.range.colCount === 1
    )
      return { row: spec.row, col: spec.col, foundBy: "name", name };
    anchors.push({ workbookRow: target.range.row, offset: target.range.row - spec.row });
  }
  const above = anchors
    .filter((a) => a.workbookRow <= facts.row)
    .sort((a, b) => b.workbookRow - a.workbookRow)
    .map((a) => a.offset);
  const label = facts.labels.get(facts.row) ?? "";
  for (const offset of [...new Set([...above, 0])]) {
    const row = facts.row - offset;
    if (row < 0) continue;
    const specLabel = rowLabel(view.rows, row);
    if (label !== "" && specLabel === label) return { row, col: facts.col, foundBy: "position" };
  }
  return undefined;
}

function lowHigh(index: LibraryIndex, a: AssumptionSpec): { low?: number; high?: number } {
  if (a.libraryPath === undefined) return {};
  const q = findAssumption(index, a.libraryPath)?.quantity;
  return {
    ...(q?.low === undefined ? {} : { low: q.low }),
    ...(q?.high === undefined ? {} : { high: q.high }),
  };
}

function inputTrace(
  index: LibraryIndex,
  a: AssumptionSpec,
  entry: TraceEntry,
  value: CellScalar
): InputTrace {
  const recorded = ownEntry(entry.assumptions, a.key);
  return {
    key: a.key,
    name: recorded?.name ?? a.name,
    ...(a.libraryPath === undefined ? {} : { libraryPath: a.libraryPath }),
    libraryValue: a.value,
    unit: a.unit,
    source: a.source,
    asOf: a.asOf,
    ...lowHigh(index, a),
    ...(recorded === undefined
      ? {}
      : {
          recordedValue: recorded.value,
          ...(recorded.libraryVersion === undefined
            ? {}
            : { recordedLibraryVersion: recorded.libraryVersion }),
        }),
    overridden: recorded === undefined ? null : !sameCellValue(value, recorded.value),
  };
}

/**
 * Words for the formula's names and references. With a spec: a name is the label of the template row
 * it names; a reference is read against the template's rows (shifted by `offset`, the rows inserted
 * above). Without one (another kind of sheet): the labels the workbook's column A has now.
 */
function wording(
  facts: TraceFacts,
  labelAt: (sheet: string, row: number) => string,
  nameLabel: (name: string) => string | undefined
) {
  const refWords = (sheet: string | null, range: GridRange): string | undefined => {
    const on = sheet ?? facts.sheetName;
    // A range across several rows has no one label.
    const label = range.rowCount === 1 ? labelAt(on, range.row) : "";
    const where =
      sheet === null || sameExcelName(sheet, facts.sheetName)
        ? rangeAddress(range)
        : sheetRangeAddress(sheet, range);
    return label === "" ? where : `${label} (${where})`;
  };
  return { name: nameLabel, ref: refWords };
}

/** Explains the selected cell; see the module comment. */
export function traceCell(index: LibraryIndex, facts: TraceFacts): TraceResult {
  const cell = sheetRangeAddress(facts.sheetName, {
    row: facts.row,
    col: facts.col,
    rowCount: 1,
    colCount: 1,
  });
  const names = nameMap(facts);
  const formula = facts.formula;
  const isFormula = typeof formula === "string" && formula.startsWith("=");
  const { precedents, unresolvedNames } = isFormula
    ? formulaPrecedents(formula, facts.sheetName, names)
    : { precedents: [], unresolvedNames: [] };

  // Labels as the workbook has them (for sheets without a spec, and names pointing off the template).
  const workbookLabel = (sheet: string, row: number): string =>
    sameExcelName(sheet, facts.sheetName) ? (facts.labels.get(row) ?? "") : "";
  const workbookNameLabel = (name: string): string | undefined => {
    const target = parseSheetReference(names.get(excelNameKey(name)) ?? "");
    if (target === null || target.range.rowCount !== 1) return undefined;
    const label = workbookLabel(target.sheet, target.range.row);
    return label === "" ? undefined : label;
  };

  const entry = facts.entry;
  if (entry === undefined) {
    return {
      status: "notTemplate",
      cell,
      sheet: facts.sheetName,
      value: facts.value,
      ...(facts.registryProblem === undefined ? {} : { problem: facts.registryProblem }),
      ...(isFormula
        ? {
            formulaInWords: formulaInWords(
              formula,
              wording(facts, workbookLabel, workbookNameLabel)
            ),
          }
        : {}),
      formula,
      precedents,
      unresolvedNames,
    };
  }

  const meta = index.library.meta;
  const libraries: TraceLibraries = {
    sheet: { id: entry.libraryId, version: entry.libraryVersion },
    active: { id: meta.id, name: meta.name, version: meta.version },
    same: entry.libraryId === meta.id && entry.libraryVersion === meta.version,
  };
  const notes: string[] = [];
  const base = {
    status: "template" as const,
    cell,
    sheet: facts.sheetName,
    value: facts.value,
    kind: entry.kind,
    kindLabel: entry.kindLabel,
    libraries,
    formula,
    precedents,
    unresolvedNames,
  };
  const generic = (): TraceResult => ({
    ...base,
    ...(isFormula
      ? {
          formulaInWords: formulaInWords(formula, wording(facts, workbookLabel, workbookNameLabel)),
        }
      : {}),
    notes,
  });

  if (entry.kind !== "rentVsBuild") return generic();
  const view = specFor(index, entry, facts.sheetName);
  if (view instanceof Error) {
    notes.push(
      `The library in use cannot rebuild this sheet's template (${view.message}); the formula is read from the workbook's own labels.`
    );
    return generic();
  }

  const found = locate(view, facts);
  if (found === undefined) {
    notes.push("This cell is not one the template wrote (or its row label was changed).");
    return generic();
  }
  const templateAddress = cellAddress(found.row, found.col);
  const specCell = view.rows.get(found.row)?.get(found.col);
  const assumption = view.assumptionsByAddress.get(templateAddress);
  const specNameLabel = (name: string): string | undefined => {
    const address = view.byName.get(excelNameKey(name));
    if (address === undefined) return workbookNameLabel(name);
    const label = rowLabel(view.rows, parseCanonicalCell(address).row);
    // A named cell whose row has no label (e.g. the risk table's), by its name.
    return label === "" ? bareName(name, entry.nameSuffix) : label;
  };
  // References in the template's formula are the template's own addresses.
  const specRefLabel = (sheet: string, row: number): string =>
    sameExcelName(sheet, facts.sheetName) ? rowLabel(view.rows, row) : "";
  const label = rowLabel(view.rows, found.row);
  const column = columnHeading(view.rows, found.row, found.col);
  const what = {
    role: roleOf(specCell, assumption !== undefined),
    label: assumption?.label ?? label,
    unit: assumption?.unit ?? cellText(view.rows.get(found.row)?.get(1)),
    section: sectionAbove(view.rows, found.row),
    ...(column === undefined ? {} : { column }),
    templateAddress,
    foundBy: found.foundBy,
    ...(found.name === undefined ? {} : { name: found.name }),
  };
  const templateFormula = specCell?.formula;
  if (templateFormula !== undefined && isFormula && templateFormula !== formula)
    notes.push(
      found.foundBy === "position" || templateAddress !== cellAddress(facts.row, facts.col)
        ? "The cell's formula reads differently from the template's (rows were inserted, or it was edited): the words follow the template's."
        : "The cell's formula was edited since the template wrote it: the words follow the template's."
    );
  if (templateFormula === undefined && isFormula)
    notes.push("The template wrote a value here; the cell now holds a formula.");
  if (!libraries.same)
    notes.push(
      `This sheet was inserted from library ${entry.libraryId} ${entry.libraryVersion}; the sources below are from the library in use, ${meta.name} ${meta.version}.`
    );
  return {
    ...base,
    what,
    ...(templateFormula === undefined
      ? isFormula
        ? {
            formulaInWords: formulaInWords(
              formula,
              wording(facts, workbookLabel, workbookNameLabel)
            ),
          }
        : {}
      : {
          templateFormula,
          formulaInWords: formulaInWords(
            templateFormula,
            wording(facts, specRefLabel, specNameLabel)
          ),
        }),
    ...(assumption === undefined
      ? {}
      : { input: inputTrace(index, assumption, entry, facts.value) }),
    notes,
  };
}

/* global Excel */
/**
 * Refreshing a template sheet's assumptions from the current library, given any source of the
 * template's assumptions (refresh.ts passes the rent-vs-build one).
 *
 *   planRefreshWith  1 sync: the active sheet, the registry, the workbook names and the sheet's
 *                    used cells -> one row per assumption (src/templates/refreshPlan.ts), and the
 *                    values of any further named cells the caller asks for (the change report's);
 *   applyRefreshWith 1 sync: write the chosen values with their source / as-of cells and the
 *                    library header, update the registry, save an undo record;
 *   undoLastRefresh  3 syncs: read the undo record, read the cells it would write (a cell the
 *                    user changed since the refresh is kept), restore cells and registry.
 *
 * Atomicity. Excel applies a batch in order and stops at the first failing operation, keeping what
 * came before it; on the web the answer of a batch that Excel applied can also be lost. So apply and
 * undo write a "pending" record (PENDING_KEY) as the first write of their batch and delete it as the
 * last. After a failure the add-in reads what was left behind and makes it consistent at once (or, if
 * Excel is still failing, at the next Check for updates / Undo):
 *   - no pending record: nothing was written, or (its undo record carries the apply's opId) all was;
 *   - a pending apply: roll it back (cells, source / as-of, header, registry to their previous state);
 *   - a pending undo: roll it forward (undo is idempotent: it writes the previous state again).
 * Rolling back an apply and finishing an undo are the same operation, `queueRestore`. It writes a
 * cell back only while it holds what the refresh wrote (or already its earlier content): a cell the
 * user changed since is theirs, left as it is and reported (UndoResult.kept). Undo reads those cells
 * in a sync of their own; reconciling at Check for updates uses the active sheet it reads anyway.
 *
 * Apply also re-reads, in its own batch, the registry and the cells it overwrites (a load queued before
 * a write sees the old value); in the rare case that something changed since planning (a template
 * inserted meanwhile, a cell edited) it corrects the records with one more round trip.
 */
import { findScenario } from "../model/library/indexLibrary";
import { NAME_PREFIX } from "../templates/sheetBuilder";
import type { LibraryIndex } from "../model/library/indexLibrary";
import { valueContent } from "../templates/blocks";
import { isSafeInputFormula } from "../templates/inputFormula";
import { computeRefreshRows, sameCellValue } from "../templates/refreshPlan";
import type { CellScalar, RefreshRow } from "../templates/refreshPlan";
import type { AssumptionSpec, LibraryHeaderSpec } from "../templates/types";
import {
  cellAddress,
  excelNameKey,
  parseCell,
  parseSheetReference,
  sameExcelName,
} from "../model/a1";
import {
  CapacityPlannerError,
  CorruptRegistryError,
  CorruptTemplateEntryError,
  CorruptUndoRecordError,
  InvalidRefreshSelectionError,
  NewerRegistryError,
  NotATemplateSheetError,
  NotARentVsBuildSheetError,
  NothingToUndoError,
  RefreshedSheetMissingError,
  ScenarioNotInLibraryError,
  UnsafeUndoRecordError,
  wrapExcelError,
} from "./errors";
import type { ExcelApi } from "./excelApi";
// Plain string marks (no DOM): the reasons are shown in the sidebar, where user text must be isolated.
import { isolate } from "../model/library/isolate";
import type { PinListener } from "./pinnedLibrary";
import { serialized } from "./serialize";
import {
  PENDING_KEY,
  REGISTRY_BACKUP_KEY,
  REGISTRY_KEY,
  UNDO_KEY,
  backupKeyFor,
  parsePending,
  parseRegistry,
  parseUndoRecord,
  pinOfRegistry,
  queuePendingWrite,
  queueRegistryWrite,
  queueSettingRead,
  queueUndoWrite,
  namesPointAt,
  registryIdOf,
  sameRegistry,
  settingValue,
  withEntryMoved,
  kindOf,
  TEMPLATE_KIND_LABELS,
} from "./templateRegistry";
import type {
  LibraryRef,
  NameFormulas,
  Pending,
  PendingRead,
  ProvenanceChange,
  RegistryRead,
  TemplateEntry,
  TemplateRegistry,
  UndoRead,
  UndoRecord,
} from "./templateRegistry";

export type { CellScalar, RefreshRow, RefreshRowStatus } from "../templates/refreshPlan";
export type { LibraryRef } from "./templateRegistry";

/** Where an undo record that asked to write something unsafe is set aside (kept for support). */
export const UNDO_REFUSED_KEY = "capplan.undo.refused";

/** The template's assumptions as the given library defines them (names carry the sheet's suffix). */
export type AssumptionsSource = (
  index: LibraryIndex,
  scenarioId: string,
  nameSuffix: string
) => readonly AssumptionSpec[];

export interface CellContent {
  /** The value Excel shows ("" when empty). */
  readonly value: CellScalar;
  /** The formula, when the cell holds one. */
  readonly formula: string | null;
}

/** A source / as-of / range cell to rewrite with its value (0-based, on the template sheet). */
export interface ProvenanceTarget {
  readonly role: ProvenanceChange["role"];
  readonly row: number;
  readonly col: number;
  /** Offset from the named value cell (undo finds the cell from the name, wherever it is then). */
  readonly dRow: number;
  readonly dCol: number;
  readonly before: CellScalar;
  readonly after: string | number;
}

/** The header cell naming the library, when it still holds what the add-in wrote there. */
export interface HeaderTarget {
  readonly row: number;
  readonly col: number;
  readonly before: CellScalar;
  readonly after: string;
}

/** What planning read, for apply: the registry as it was, and each assumption cell's content. */
export interface RefreshBasis {
  readonly registry: TemplateRegistry;
  /** The id the sheet's entry is stored under (normally the worksheet id). */
  readonly registryId: string;
  readonly entry: TemplateEntry;
  readonly cells: Readonly<Record<string, CellContent>>;
  /** Per assumption key: the provenance cells that change with the value. */
  readonly provenance: Readonly<Record<string, readonly ProvenanceTarget[]>>;
  readonly header: HeaderTarget | null;
}

export interface RefreshPlan {
  readonly worksheetId: string;
  readonly sheetName: string;
  readonly scenarioId: string;
  readonly libraryBefore: LibraryRef;
  readonly libraryAfter: LibraryRef & { readonly name: string };
  readonly rows: readonly RefreshRow[];
  /**
   * Nothing to update, but the sheet's registry entry names another library (id or version) than the
   * one in use, e.g. after an add-in update bumped the bundled library: the functions show #N/A until
   * the pin moves, so moveToLibraryWith offers to re-stamp the entry (no value changes).
   */
  readonly libraryMove: boolean;
  readonly basis: RefreshBasis;
  /**
   * The values of the sheet's named cells the caller asked for (by name base, e.g. "Horizon"), as planning read
   * them: the change report's "before" (src/templates/changeReport.ts). A name that is gone is absent.
   */
  readonly sheetValues: Readonly<Record<string, CellScalar>>;
}

export interface RefreshOptions {
  /** Clock for refreshedAt / appliedAt (tests). */
  readonly now?: () => Date;
  /**
   * Hears the workbook's pin once an apply or undo saved the registry, so no one has to read it back. Not
   * called when a failure was recovered from (the caller reads the pin then).
   */
  readonly onPinned?: PinListener;
}

export interface NotRestored {
  readonly key: string;
  /** The workbook name of the value cell. */
  readonly name: string;
  /** Why, for the user ("the name CP_Pue was deleted"), user text in it marked with isolate(). */
  readonly reason: string;
}

/** Cells an undo (or rollback) left alone because the user changed them after the refresh. */
export interface KeptEdit {
  /** The assumption's key; null for the library header. */
  readonly key: string | null;
  /** The input's workbook name ("CP_PowerPrice"), or "the library header". */
  readonly name: string;
  /** The cells left as they are, A1 on the refreshed sheet (the value cell, or source / as-of cells). */
  readonly cells: readonly string[];
}

export interface UndoResult {
  readonly restored: number;
  /** Assumptions whose cells could not be found; their registry record keeps the refreshed value. */
  readonly notRestored: readonly NotRestored[];
  /** Cells the user edited since the refresh, not overwritten; an edited value keeps its registry record. */
  readonly kept: readonly KeptEdit[];
}

function requireRegistry(read: RegistryRead): TemplateRegistry {
  if (read.status === "newer") throw new NewerRegistryError(read.version);
  if (read.status === "corrupt") throw new CorruptRegistryError(read.problem);
  return read.registry;
}

function toScalar(value: unknown): CellScalar {
  return typeof value === "number" || typeof value === "boolean" || typeof value === "string"
    ? value
    : "";
}

function contentOf(value: unknown, formula: unknown): CellContent {
  return {
    value: toScalar(value),
    formula: typeof formula === "string" && formula.startsWith("=") ? formula : null,
  };
}

/**
 * Finds the active sheet's entry: by id, else (an id that changed) by name among entries of vanished ids.
 * Refuses a sheet that is not a Rent vs Build template (refresh, and the Board memo's source).
 */
export function findEntry(
  registry: TemplateRegistry,
  sheet: { readonly id: string; readonly name: string },
  state: Pick<WorkbookState, "sheets" | "names">
): { registryId: string; entry: TemplateEntry } {
  const damaged = registry.damaged[sheet.id];
  if (damaged !== undefined) throw new CorruptTemplateEntryError(sheet.name, damaged.problem);
  const existingIds = new Set(state.sheets.map((s) => s.id));
  // Found by name only if one of its names still points at this sheet (not a reused name).
  const registryId = registryIdOf(registry, sheet, existingIds, state.names);
  const entry = registryId === undefined ? undefined : registry.sheets[registryId];
  if (registryId === undefined || entry === undefined) throw new NotATemplateSheetError(sheet.name);
  if (kindOf(entry) !== "rentVsBuild")
    throw new NotARentVsBuildSheetError(sheet.name, TEMPLATE_KIND_LABELS[kindOf(entry)]);
  return { registryId, entry };
}

function libraryAssumptions(
  index: LibraryIndex,
  entry: TemplateEntry,
  source: AssumptionsSource
): readonly AssumptionSpec[] {
  if (findScenario(index, entry.scenarioId) === undefined) {
    throw new ScenarioNotInLibraryError(entry.scenarioId, index.library.meta.name);
  }
  return source(index, entry.scenarioId, entry.nameSuffix);
}

/** Whether `text` is what `header` writes for a library with this id and version (any name). */
function isHeaderOf(header: LibraryHeaderSpec, text: CellScalar, library: LibraryRef): boolean {
  if (typeof text !== "string") return false;
  const hole = "\u0000";
  const [prefix = "", suffix = ""] = header
    .text({ id: library.id, version: library.version, name: hole })
    .split(hole);
  return (
    text.length >= prefix.length + suffix.length && text.startsWith(prefix) && text.endsWith(suffix)
  );
}

// ------------------------------------------------------------------------------------ workbook state

/** Everything apply's recovery, undo and the reconciliation of a pending record need, read in one sync. */
interface WorkbookState {
  readonly undoSetting: Excel.Setting;
  readonly undo: UndoRead;
  readonly pending: PendingRead;
  readonly registry: RegistryRead;
  readonly sheets: readonly { readonly id: string; readonly name: string }[];
  readonly names: NameFormulas;
  /** Whether a refused undo record was set aside before (the next one gets a key of its own). */
  readonly refusedTaken: boolean;
}

interface QueuedState {
  readonly refusedSetting: Excel.Setting;
  readonly undoSetting: Excel.Setting;
  readonly pendingSetting: Excel.Setting;
  readonly registrySetting: Excel.Setting;
  readonly worksheets: Excel.WorksheetCollection;
  readonly names: Excel.NamedItemCollection;
}

function queueStateRead(context: Excel.RequestContext): QueuedState {
  return {
    refusedSetting: queueSettingRead(context, UNDO_REFUSED_KEY),
    undoSetting: queueSettingRead(context, UNDO_KEY),
    pendingSetting: queueSettingRead(context, PENDING_KEY),
    registrySetting: queueSettingRead(context, REGISTRY_KEY),
    worksheets: context.workbook.worksheets.load("items/id,items/name"),
    names: context.workbook.names.load("items/name,items/formula"),
  };
}

function stateOf(q: QueuedState): WorkbookState {
  return {
    undoSetting: q.undoSetting,
    undo: parseUndoRecord(settingValue(q.undoSetting)),
    pending: parsePending(settingValue(q.pendingSetting)),
    registry: parseRegistry(settingValue(q.registrySetting)),
    sheets: q.worksheets.items.map((w) => ({ id: w.id, name: w.name })),
    names: new Map(q.names.items.map((n) => [excelNameKey(n.name), n.formula])),
    refusedTaken: settingValue(q.refusedSetting) !== undefined,
  };
}

async function readState(context: Excel.RequestContext): Promise<WorkbookState> {
  const q = queueStateRead(context);
  await context.sync();
  return stateOf(q);
}

/**
 * The refreshed sheet: by id, else (worksheet ids are not stable across sessions and platforms) by
 * name, if one of the refreshed inputs' names still points at it: a sheet that merely reuses the name
 * of a deleted template (whose names turned into #REF!) is not it.
 */
function findSheet(
  state: WorkbookState,
  record: UndoRecord
): { readonly id: string; readonly name: string } | undefined {
  const byId = state.sheets.find((s) => s.id === record.worksheetId);
  if (byId !== undefined) return byId;
  const byName = state.sheets.find((s) => sameExcelName(s.name, record.sheetName));
  if (byName === undefined) return undefined;
  const pointsHere = namesPointAt(
    state.names,
    Object.values(record.previous).map((p) => p.name),
    byName.name
  );
  return pointsHere ? byName : undefined;
}

/** Two undo records are the same refresh (records of older versions have no opId). */
function sameOperation(a: UndoRecord, b: UndoRecord): boolean {
  if (a.opId !== undefined || b.opId !== undefined) return a.opId === b.opId;
  return a.appliedAt === b.appliedAt && a.worksheetId === b.worksheetId;
}

/**
 * Names of the record's previous formulas that are not in the grammar of src/templates/inputFormula.ts
 * over the sheet's names: the workbook names that refer to a range on `sheet`. Not the names the
 * record lists: the record is untrusted, and a name defined as a formula (=WEBSERVICE(...)) would
 * run that formula wherever it is used.
 */
function unsafeFormulas(record: UndoRecord, state: WorkbookState, sheet: Sheet): string[] {
  const allowed = [...state.names.keys()].filter((name) =>
    namesPointAt(state.names, [name], sheet.name)
  );
  return Object.values(record.previous)
    .filter((p) => p.formula !== null && !isSafeInputFormula(p.formula, allowed))
    .map((p) => p.name);
}

type Sheet = { readonly id: string; readonly name: string };
type PreviousContent = UndoRecord["previous"][string];

/** A refreshed assumption whose value cell was found (by its name, on the refreshed sheet). */
interface Located {
  readonly key: string;
  readonly previous: PreviousContent;
  readonly row: number;
  readonly col: number;
}

/** Finds each refreshed value cell by its name; those that cannot be restored, with the reason. */
function locate(
  record: UndoRecord,
  state: WorkbookState,
  sheet: Sheet
): { readonly located: readonly Located[]; readonly notRestored: readonly NotRestored[] } {
  const located: Located[] = [];
  const notRestored: NotRestored[] = [];
  const unsafe = new Set(unsafeFormulas(record, state, sheet));
  for (const [key, previous] of Object.entries(record.previous)) {
    const name = previous.name;
    if (unsafe.has(name)) {
      notRestored.push({
        key,
        name,
        reason: `its earlier content is not a value or formula Capacity Planner writes back`,
      });
      continue;
    }
    const formula = state.names.get(excelNameKey(name));
    if (formula === undefined) {
      notRestored.push({ key, name, reason: `the name ${isolate(name)} was deleted` });
      continue;
    }
    const target = parseSheetReference(formula);
    if (
      target === null ||
      !sameExcelName(target.sheet, sheet.name) ||
      target.range.rowCount !== 1 ||
      target.range.colCount !== 1
    ) {
      notRestored.push({
        key,
        name,
        reason: `the name ${isolate(name)} no longer points at one cell on '${isolate(sheet.name)}'`,
      });
      continue;
    }
    located.push({ key, previous, row: target.range.row, col: target.range.col });
  }
  return { located, notRestored };
}

/** The provenance cells of a located value cell that are on the grid. */
function provenanceCells(
  at: Located
): { readonly change: ProvenanceChange; readonly row: number; readonly col: number }[] {
  return (at.previous.provenance ?? [])
    .map((change) => ({ change, row: at.row + change.dRow, col: at.col + change.dCol }))
    .filter((c) => c.row >= 0 && c.col >= 0);
}

/**
 * What a restore finds in the cells it would write: a lookup (row, col on the refreshed sheet), or
 * "unchecked" when nobody can have edited them since they were written (see recoverApply).
 */
type CurrentCells = ((row: number, col: number) => CellContent | undefined) | "unchecked";

/**
 * Reads, in one sync, every cell `queueRestore` would write for `record`: the value cells, their
 * provenance cells and the header. Small ranges, not the used range: the sheet may be large.
 */
async function readRestoreTargets(
  context: Excel.RequestContext,
  record: UndoRecord,
  state: WorkbookState,
  sheet: Sheet
): Promise<CurrentCells> {
  const ws = context.workbook.worksheets.getItem(sheet.id);
  const ranges = new Map<string, Excel.Range>();
  const queue = (row: number, col: number): void => {
    const address = cellAddress(row, col);
    if (!ranges.has(address)) ranges.set(address, ws.getRange(address).load("values,formulas"));
  };
  for (const at of locate(record, state, sheet).located) {
    queue(at.row, at.col);
    for (const c of provenanceCells(at)) queue(c.row, c.col);
  }
  if (record.header !== undefined) queue(record.header.row, record.header.col);
  if (ranges.size === 0) return "unchecked";
  await context.sync();
  return (row, col) => {
    const range = ranges.get(cellAddress(row, col));
    return range === undefined
      ? undefined
      : contentOf(range.values[0]?.[0], range.formulas[0]?.[0]);
  };
}

/** Whether a cell holds the value `written` as the add-in writes it (text possibly shortened). */
function holdsValue(cell: CellContent, written: CellScalar): boolean {
  if (cell.formula !== null) return false;
  if (sameCellValue(cell.value, written)) return true;
  const stored = valueContent(written);
  // valueContent may prefix an apostrophe (not part of the cell's value) and cut long text.
  return typeof stored === "string" && cell.value === stored.replace(/^'/, "");
}

/**
 * Formulas compared as Excel may give them back: upper case and without spaces, but only outside
 * "..." string literals (a doubled "" inside one is a quote): ="a b" and ="AB" are different formulas,
 * and calling a user's edit "unchanged" would let undo overwrite it. Exported for its unit test.
 */
export function formulaKey(formula: string): string {
  // A literal runs from " to the next " not followed by another; the rest is normalised piecewise.
  // A quoted sheet name ('My Sheet'!A1, '' a quote) keeps its spaces but not its case, as Excel
  // matches sheet names.
  return formula
    .split(/("(?:[^"]|"")*"?|'(?:[^']|'')*'?)/)
    .map((part, i) => {
      const upper = part.toLocaleUpperCase("en-US");
      if (i % 2 === 0) return upper.replace(/\s+/g, "");
      return part.startsWith("'") ? upper : part;
    })
    .join("");
}

/**
 * Whether the add-in may write `before` over this cell: it still holds what the refresh wrote
 * (`after`), or already holds `before` (an undo finished halfway, a rollback of a write that never
 * happened). Anything else is an edit made since, which is the user's and is kept. A record of an
 * older version without `after` cannot tell, and is written as before.
 */
function mayRestore(
  current: CurrentCells,
  row: number,
  col: number,
  after: CellScalar | undefined,
  before: { readonly value: CellScalar; readonly formula: string | null }
): boolean {
  if (current === "unchecked" || after === undefined) return true;
  const cell = current(row, col);
  if (cell === undefined) return true;
  if (holdsValue(cell, after)) return true;
  return before.formula === null
    ? holdsValue(cell, before.value)
    : cell.formula !== null && formulaKey(cell.formula) === formulaKey(before.formula);
}

/**
 * Queues writing back the state before the refresh `record` describes: each value cell (found by its
 * name) with its source / as-of cells, the library header, and the sheet's registry entry. Assumptions
 * whose name is gone are reported and keep their refreshed registry record, which is what their cell
 * (wherever it is) still holds. A cell the user changed after the refresh (per `current`) is not
 * overwritten but listed in `kept`; an edited value cell keeps its row (value, source, as-of) and its
 * refreshed registry record, so the next Check for updates calls it "your edit". Idempotent: queuing
 * it twice restores the same state.
 */
function queueRestore(
  context: Excel.RequestContext,
  record: UndoRecord,
  state: WorkbookState,
  sheet: Sheet,
  registry: TemplateRegistry,
  current: CurrentCells
): { result: UndoResult; saved: TemplateRegistry | null } {
  const ws = context.workbook.worksheets.getItem(sheet.id);
  const write = (row: number, col: number, value: CellScalar): void => {
    // valueContent: text that looks like a formula is written as text, never as a formula.
    ws.getRange(cellAddress(row, col)).values = [[valueContent(value)]];
  };
  const { located, notRestored } = locate(record, state, sheet);
  const kept: KeptEdit[] = [];
  /** Inputs whose value cell is left as the user edited it. */
  const valueKept = new Set<string>();
  let restored = 0;
  for (const at of located) {
    const { key, previous, row, col } = at;
    if (!mayRestore(current, row, col, previous.after, previous)) {
      kept.push({ key, name: previous.name, cells: [cellAddress(row, col)] });
      valueKept.add(key);
      continue;
    }
    // Only formulas that passed unsafeFormulas (in locate) reach here.
    if (previous.formula !== null)
      ws.getRange(cellAddress(row, col)).formulas = [[previous.formula]];
    else write(row, col, previous.value);
    const keptCells: string[] = [];
    for (const c of provenanceCells(at)) {
      if (
        mayRestore(current, c.row, c.col, c.change.after, { value: c.change.before, formula: null })
      )
        write(c.row, c.col, c.change.before);
      else keptCells.push(cellAddress(c.row, c.col));
    }
    if (keptCells.length > 0) kept.push({ key, name: previous.name, cells: keptCells });
    restored += 1;
  }
  const existingIds = new Set(state.sheets.map((s) => s.id));
  const registryId = registryIdOf(registry, sheet, existingIds, state.names);
  // The header is found by its address, not a name: written only on a sheet the registry knows.
  const header = record.header;
  if (header !== undefined && registryId !== undefined) {
    if (
      mayRestore(current, header.row, header.col, header.after, {
        value: header.before,
        formula: null,
      })
    )
      write(header.row, header.col, header.before);
    else
      kept.push({
        key: null,
        name: "the library header",
        cells: [cellAddress(header.row, header.col)],
      });
  }
  const entryNow = registryId === undefined ? undefined : registry.sheets[registryId];
  const assumptions = { ...record.entryBefore.assumptions };
  // Inputs left as they are keep the record of what the add-in last wrote into them.
  for (const key of [...notRestored.map((n) => n.key), ...valueKept]) {
    const recordNow = entryNow?.assumptions[key];
    if (recordNow !== undefined) assumptions[key] = recordNow;
  }
  const entry: TemplateEntry = { ...record.entryBefore, sheetName: sheet.name, assumptions };
  // A sheet the registry does not know (the template was deleted and its name reused) is not made a
  // template by an undo.
  const result = { restored, notRestored, kept };
  if (registryId === undefined) return { result, saved: null };
  const saved = withEntryMoved(registry, registryId, sheet.id, entry);
  queueRegistryWrite(context, saved);
  return { result, saved };
}

/**
 * Cells a caller already read, for settlePending: for one sheet (plan has read the active sheet's used
 * range), or for one operation (a retried undo read them for the attempt Excel stopped), or
 * "unchecked" (right after a failed apply: see recoverApply).
 */
type KnownCells =
  | { readonly sheetId: string; readonly current: CurrentCells }
  | { readonly opId: string; readonly current: CurrentCells }
  | "unchecked";

function knownFor(known: KnownCells | null, sheetId: string, opId: string): CurrentCells | null {
  if (known === null) return null;
  if (known === "unchecked") return "unchecked";
  if ("sheetId" in known) return known.sheetId === sheetId ? known.current : null;
  return known.opId === opId ? known.current : null;
}

/**
 * Makes a pending record left by an interrupted apply or undo consistent: an apply whose undo record
 * was saved had completed (only the pending record is left to remove); any other apply is rolled back;
 * an undo is finished. One sync. Returns what was restored (for an undo), or null.
 */
async function settlePending(
  context: Excel.RequestContext,
  pending: Pending,
  state: WorkbookState,
  known: KnownCells | null,
  onQueued?: (result: UndoResult | null) => void
): Promise<{ readonly outcome: "completed" | "restored"; readonly result: UndoResult | null }> {
  const settings = context.workbook.settings;
  const pendingSetting = settings.getItem(PENDING_KEY);
  const saved = state.undo.status === "ok" ? state.undo.record : null;
  if (pending.kind === "apply" && saved !== null && saved.opId === pending.opId) {
    pendingSetting.delete();
    await context.sync();
    return { outcome: "completed", result: null };
  }
  const sheet = findSheet(state, pending.record);
  let result: UndoResult | null = null;
  if (sheet !== undefined) {
    const registry = requireRegistry(state.registry);
    // The cells are read (one more sync) unless the caller already knows them.
    const current =
      knownFor(known, sheet.id, pending.opId) ??
      (await readRestoreTargets(context, pending.record, state, sheet));
    result = queueRestore(context, pending.record, state, sheet, registry, current).result;
  }
  // An undo removes the record it undid; a rolled-back apply leaves the earlier refresh's record alone.
  if (pending.kind === "undo" && saved !== null && sameOperation(saved, pending.record))
    state.undoSetting.delete();
  pendingSetting.delete();
  // Before the sync: a caller that retries after a lost answer must know what this batch did.
  onQueued?.(result);
  await context.sync();
  return { outcome: "restored", result };
}

// ------------------------------------------------------------------------------------ plan

export async function planRefreshWith(
  excel: ExcelApi,
  index: LibraryIndex,
  source: AssumptionsSource,
  header?: LibraryHeaderSpec,
  /** Name bases of further cells to read from the used range it loads anyway (no extra sync). */
  readNames: readonly string[] = []
): Promise<RefreshPlan> {
  return serialized(excel, () =>
    excel.run(async (context) => {
      // A refresh or undo interrupted earlier (Excel failed, the pane closed) is settled first, so the
      // comparison never calls the add-in's own half-written values "your edit". Normally 1 sync.
      let read = await readPlanInputs(context);
      if (read.state.pending.status === "ok") {
        // The active sheet's cells were just read: no extra sync to check them when it is that sheet.
        const known = { sheetId: read.sheet.id, current: usedRangeCells(read.used) };
        await settlePending(context, read.state.pending.pending, read.state, known);
        read = await readPlanInputs(context);
      }
      return planFrom(index, source, header, read.sheet, read.used, read.state, readNames);
    })
  );
}

async function readPlanInputs(context: Excel.RequestContext): Promise<{
  readonly sheet: { readonly id: string; readonly name: string };
  readonly used: Excel.Range;
  readonly state: WorkbookState;
}> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("id,name");
  // Only cells with values: a named cell outside this rectangle is empty.
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount,values,formulas");
  const queued = queueStateRead(context);
  await context.sync();
  return { sheet: { id: sheet.id, name: sheet.name }, used, state: stateOf(queued) };
}

/** A cell of a loaded used range (loaded with valuesOnly: a cell outside it is empty). */
function usedRangeCells(used: Excel.Range): (row: number, col: number) => CellContent {
  return (row, col) => {
    if (used.isNullObject) return { value: "", formula: null };
    const i = row - used.rowIndex;
    const j = col - used.columnIndex;
    if (i < 0 || j < 0 || i >= used.rowCount || j >= used.columnCount)
      return { value: "", formula: null };
    return contentOf(used.values[i]?.[j], used.formulas[i]?.[j]);
  };
}

function planFrom(
  index: LibraryIndex,
  source: AssumptionsSource,
  header: LibraryHeaderSpec | undefined,
  sheet: { readonly id: string; readonly name: string },
  used: Excel.Range,
  state: WorkbookState,
  readNames: readonly string[] = []
): RefreshPlan {
  const registry = requireRegistry(state.registry);
  const { registryId, entry } = findEntry(registry, sheet, state);
  const fromLibrary = libraryAssumptions(index, entry, source);
  const specByKey = new Map(fromLibrary.map((a) => [a.key, a]));

  const cellAt = usedRangeCells(used);

  const cells: Record<string, CellContent> = {};
  const provenance: Record<string, ProvenanceTarget[]> = {};
  for (const [key, recorded] of Object.entries(entry.assumptions)) {
    const formula = state.names.get(excelNameKey(recorded.name));
    const target = formula === undefined ? null : parseSheetReference(formula);
    if (target === null || !sameExcelName(target.sheet, sheet.name)) continue;
    if (target.range.rowCount !== 1 || target.range.colCount !== 1) continue;
    const { row, col } = target.range;
    cells[key] = cellAt(row, col);

    // The provenance cells sit where the template put them relative to the value cell.
    const spec = specByKey.get(key);
    if (spec?.provenance === undefined) continue;
    const anchor = parseCell(spec.address);
    const targets: ProvenanceTarget[] = [];
    for (const p of spec.provenance) {
      const at = parseCell(p.address);
      const dRow = at.row - anchor.row;
      const dCol = at.col - anchor.col;
      if (row + dRow < 0 || col + dCol < 0) continue;
      const current = cellAt(row + dRow, col + dCol);
      // A formula the user put there is theirs: left alone.
      if (current.formula !== null) continue;
      targets.push({
        role: p.role,
        row: row + dRow,
        col: col + dCol,
        dRow,
        dCol,
        before: current.value,
        after: p.value,
      });
    }
    provenance[key] = targets;
  }
  const values: Record<string, CellScalar> = {};
  for (const [key, cell] of Object.entries(cells)) values[key] = cell.value;

  const meta = index.library.meta;
  const libraryBefore = { id: entry.libraryId, version: entry.libraryVersion };
  let headerTarget: HeaderTarget | null = null;
  if (header !== undefined) {
    const { row, col } = parseCell(header.address);
    const current = cellAt(row, col);
    // Rewritten only while it still says what the add-in wrote for the sheet's library.
    if (current.formula === null && isHeaderOf(header, current.value, libraryBefore))
      headerTarget = { row, col, before: current.value, after: header.text(meta) };
  }

  const rows = computeRefreshRows(entry.assumptions, values, fromLibrary);
  const sheetValues: Record<string, CellScalar> = Object.create(null) as Record<string, CellScalar>;
  for (const base of readNames) {
    const formula = state.names.get(excelNameKey(`${NAME_PREFIX}${base}${entry.nameSuffix}`));
    const target = formula === undefined ? null : parseSheetReference(formula);
    if (target === null || !sameExcelName(target.sheet, sheet.name)) continue;
    if (target.range.rowCount !== 1 || target.range.colCount !== 1) continue;
    sheetValues[base] = cellAt(target.range.row, target.range.col).value;
  }
  return {
    worksheetId: sheet.id,
    sheetName: sheet.name,
    scenarioId: entry.scenarioId,
    libraryBefore,
    libraryAfter: { id: meta.id, version: meta.version, name: meta.name },
    rows,
    libraryMove:
      !rows.some((r) => r.status === "ok" && r.changed) &&
      (libraryBefore.id !== meta.id || libraryBefore.version !== meta.version),
    basis: { registry, registryId, entry, cells, provenance, header: headerTarget },
    sheetValues,
  };
}

/**
 * The rows whose value is the library's but whose source / as-of / low / high cells say something else (an apply
 * writes those only with a value): key and the roles that differ, for the change report.
 */
export function provenanceDifferences(
  plan: RefreshPlan
): { readonly key: string; readonly roles: readonly string[] }[] {
  const out: { key: string; roles: string[] }[] = [];
  for (const row of plan.rows) {
    if (row.status !== "ok" || row.changed) continue;
    const roles = (plan.basis.provenance[row.key] ?? [])
      .filter((p) => !holdsValue({ value: p.before, formula: null }, p.after))
      .map((p) => p.role);
    if (roles.length > 0) out.push({ key: row.key, roles });
  }
  return out;
}

// ------------------------------------------------------------------------------------ apply

function refreshedEntry(
  plan: RefreshPlan,
  rows: readonly RefreshRow[],
  now: string,
  current: TemplateEntry
): TemplateEntry {
  const assumptions = { ...current.assumptions };
  for (const row of rows) {
    if (row.libraryValue === null) continue;
    assumptions[row.key] = {
      name: row.name,
      value: row.libraryValue,
      libraryVersion: plan.libraryAfter.version,
    };
  }
  return {
    ...current,
    sheetName: plan.sheetName,
    libraryId: plan.libraryAfter.id,
    libraryVersion: plan.libraryAfter.version,
    refreshedAt: now,
    assumptions,
  };
}

function undoRecordFor(
  plan: RefreshPlan,
  rows: readonly RefreshRow[],
  cells: Readonly<Record<string, CellContent>>,
  appliedAt: string,
  opId: string
): UndoRecord {
  const previous: UndoRecord["previous"] = {};
  const entry = plan.basis.entry;
  for (const row of rows) {
    const cell = cells[row.key] ?? { value: "", formula: null };
    previous[row.key] = {
      name: row.name,
      value: cell.value,
      formula: cell.formula,
      libraryVersionBefore: entry.assumptions[row.key]?.libraryVersion ?? entry.libraryVersion,
      ...(row.libraryValue === null ? {} : { after: row.libraryValue }),
    };
    const provenance = plan.basis.provenance[row.key] ?? [];
    if (provenance.length > 0)
      previous[row.key] = {
        ...previous[row.key],
        provenance: provenance.map((p) => ({
          role: p.role,
          dRow: p.dRow,
          dCol: p.dCol,
          before: p.before,
          after: p.after,
        })),
      };
  }
  const header = plan.basis.header;
  return {
    version: 1,
    opId,
    worksheetId: plan.worksheetId,
    sheetName: plan.sheetName,
    appliedAt,
    libraryBefore: plan.libraryBefore,
    libraryAfter: { id: plan.libraryAfter.id, version: plan.libraryAfter.version },
    entryBefore: entry,
    previous,
    ...(header === null
      ? {}
      : {
          header: { row: header.row, col: header.col, before: header.before, after: header.after },
        }),
  };
}

function selectRows(plan: RefreshPlan, keys: readonly string[]): RefreshRow[] {
  const byKey = new Map(plan.rows.map((row) => [row.key, row]));
  const wanted = [...new Set(keys)];
  const invalid = wanted.filter((key) => {
    const row = byKey.get(key);
    return row === undefined || row.status !== "ok" || row.libraryValue === null;
  });
  if (invalid.length > 0) throw new InvalidRefreshSelectionError(invalid);
  return wanted.map((key) => byKey.get(key)).filter((row): row is RefreshRow => row !== undefined);
}

const ROLLED_BACK =
  "Excel stopped partway through, and the previous values, sources and registry were put back: nothing was changed. " +
  "Close any cell you are editing and apply again; if it keeps failing, save the workbook and reopen it.";
const STILL_PENDING =
  "Excel stopped partway through and the previous values could not be put back yet. They are saved in the workbook: " +
  "choose Check for updates (or Undo last refresh) and Capacity Planner will finish tidying up before anything else.";

/** What a failed correction of apply's records (after two tries) leaves, said precisely. */
function staleRecordsOutcome(
  undoStale: boolean,
  registryStale: boolean,
  backupKey: string | null
): string {
  const stale = [
    ...(undoStale
      ? [
          "Undo last refresh would put back the values from when you checked, not a value typed since",
        ]
      : []),
    ...(registryStale
      ? [
          "a template sheet inserted or refreshed meanwhile may be missing from Capacity Planner's records",
        ]
      : []),
    ...(backupKey !== null
      ? [
          `the damaged Capacity Planner information it replaced could not be set aside (setting '${backupKey}')`,
        ]
      : []),
  ];
  return (
    "The updates were applied, but the workbook changed between Check for updates and Apply, and Excel failed " +
    `twice while Capacity Planner corrected its records: ${stale.join("; ")}. Check the sheet before you choose ` +
    "Undo last refresh, and choose Check for updates to compare it with the library again."
  );
}

/** A fresh id for one apply, stored in its undo record (to recognise it after a lost answer). */
function newOpId(now: string): string {
  return `${now}/${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Writes the library value of each chosen row into its named cell (with its source and as-of cells and
 * the library header), records the new values and library version in the registry, and keeps the
 * previous contents for undo. Nothing chosen: nothing happens. If Excel fails partway the workbook is
 * put back as it was (see the top of this file) and the error says so.
 */
export async function applyRefreshWith(
  excel: ExcelApi,
  plan: RefreshPlan,
  keys: readonly string[],
  options: RefreshOptions = {}
): Promise<{ applied: number }> {
  const rows = selectRows(plan, keys);
  if (rows.length === 0) return { applied: 0 };
  return applyRows(excel, plan, rows, options);
}

/**
 * Moves the sheet to the library in use when the plan says it is behind it (`plan.libraryMove`): the
 * registry entry's library id / version / refreshedAt and the library header are re-stamped, no value
 * changes. It is an apply of no rows, so it is as atomic as one and Undo last refresh restores the old
 * stamp. 1 sync, like apply. `moved: false` (nothing written) when there is nothing to move.
 */
export async function moveToLibraryWith(
  excel: ExcelApi,
  plan: RefreshPlan,
  options: RefreshOptions = {}
): Promise<{ moved: boolean }> {
  if (!plan.libraryMove) return { moved: false };
  await applyRows(excel, plan, [], options);
  return { moved: true };
}

async function applyRows(
  excel: ExcelApi,
  plan: RefreshPlan,
  rows: readonly RefreshRow[],
  options: RefreshOptions
): Promise<{ applied: number }> {
  const now = (options.now ?? (() => new Date()))().toISOString();
  const opId = newOpId(now);

  return serialized(excel, async () => {
    try {
      const { applied, saved } = await applyInExcel(excel, plan, rows, now, opId);
      // Outside Excel.run and the recovery below: a listener's failure is not a failed apply.
      options.onPinned?.(pinOfRegistry(saved));
      return { applied };
    } catch (error) {
      if (error instanceof CapacityPlannerError) throw error;
      let outcome: "untouched" | "completed" | "restored";
      try {
        outcome = await recoverApply(excel, opId);
      } catch {
        throw wrapExcelError("apply the refresh", error, false, STILL_PENDING);
      }
      if (outcome === "completed") return { applied: rows.length };
      throw wrapExcelError(
        "apply the refresh",
        error,
        true,
        outcome === "restored" ? ROLLED_BACK : undefined
      );
    }
  });
}

/** After a failed apply batch: what did it leave, and make it consistent (2 syncs at most). */
async function recoverApply(
  excel: ExcelApi,
  opId: string
): Promise<"untouched" | "completed" | "restored"> {
  return excel.run(async (context) => {
    const state = await readState(context);
    const saved = state.undo.status === "ok" ? state.undo.record : null;
    if (state.pending.status === "ok" && state.pending.pending.opId === opId) {
      // "unchecked": the failed batch ran a moment ago, so its cells hold what it wrote or what was
      // there before it; no edit of the user's can be among them (and it saves a round trip).
      return (await settlePending(context, state.pending.pending, state, "unchecked")).outcome;
    }
    // No pending record of ours: its write (the batch's first) never happened, or the whole batch did.
    return saved?.opId === opId ? "completed" : "untouched";
  });
}

async function applyInExcel(
  excel: ExcelApi,
  plan: RefreshPlan,
  rows: readonly RefreshRow[],
  now: string,
  opId: string
): Promise<{ applied: number; saved: TemplateRegistry }> {
  return await excel.run(async (context) => {
    const names = context.workbook.names;
    const settings = context.workbook.settings;
    // Looked up first: a deleted name or sheet fails the batch before anything is written.
    const registryProbe = queueSettingRead(context, REGISTRY_KEY);
    const backupProbe = queueSettingRead(context, REGISTRY_BACKUP_KEY);
    const cellProbes = rows.map((row) => {
      const probe = names.getItem(row.name).getRange();
      probe.load("values,formulas");
      return { row, probe };
    });
    const ws = context.workbook.worksheets.getItem(plan.worksheetId);

    const record = undoRecordFor(plan, rows, plan.basis.cells, now, opId);
    queuePendingWrite(context, { version: 1, kind: "apply", opId, record });
    for (const row of rows) {
      if (row.libraryValue === null) continue;
      names.getItem(row.name).getRange().values = [[valueContent(row.libraryValue)]];
      for (const p of plan.basis.provenance[row.key] ?? [])
        ws.getRange(cellAddress(p.row, p.col)).values = [[valueContent(p.after)]];
    }
    const header = plan.basis.header;
    if (header !== null)
      ws.getRange(cellAddress(header.row, header.col)).values = [[valueContent(header.after)]];
    const { registry, registryId } = plan.basis;
    const entry = refreshedEntry(plan, rows, now, plan.basis.entry);
    let saved = withEntryMoved(registry, registryId, plan.worksheetId, entry);
    queueRegistryWrite(context, saved);
    queueUndoWrite(context, record);
    settings.getItem(PENDING_KEY).delete();
    await context.sync();

    // Rare: something changed between planning and applying. Correct the records (one more sync).
    const actual: Record<string, CellContent> = {};
    let cellsMoved = false;
    for (const { row, probe } of cellProbes) {
      const cell = contentOf(probe.values[0]?.[0], probe.formulas[0]?.[0]);
      actual[row.key] = cell;
      const planned = plan.basis.cells[row.key];
      if (planned === undefined || planned.value !== cell.value || planned.formula !== cell.formula)
        cellsMoved = true;
    }
    const registryRaw = settingValue(registryProbe);
    const registryNow = parseRegistry(registryRaw);
    const registryMoved =
      registryNow.status !== "ok" || !sameRegistry(registryNow.registry, registry);
    if (cellsMoved || registryMoved) {
      if (registryMoved && registryNow.status === "ok") {
        const current = registryNow.registry.sheets[registryId] ?? plan.basis.entry;
        saved = withEntryMoved(
          registryNow.registry,
          registryId,
          plan.worksheetId,
          refreshedEntry(plan, rows, now, current)
        );
      }
      // A registry that became damaged or newer meanwhile was overwritten above: it is set aside
      // verbatim, as insert does, under a key that does not replace an earlier backup.
      const backupKey =
        registryMoved && registryNow.status !== "ok"
          ? backupKeyFor(
              REGISTRY_BACKUP_KEY,
              settingValue(backupProbe) !== undefined,
              new Date(now)
            )
          : null;
      const corrected = saved;
      const queueCorrection = (): void => {
        if (backupKey !== null) settings.add(backupKey, registryRaw);
        if (registryMoved && registryNow.status === "ok") queueRegistryWrite(context, corrected);
        if (cellsMoved) queueUndoWrite(context, undoRecordFor(plan, rows, actual, now, opId));
      };
      // Each write sets a whole setting, so a retry after a partial failure writes the same state.
      try {
        queueCorrection();
        await context.sync();
      } catch (first) {
        try {
          queueCorrection();
          await context.sync();
        } catch {
          // Not recoverApply's business: no pending record is left and the undo record carries this
          // opId, so it would call the apply "completed" and hide that the records are stale.
          throw wrapExcelError(
            "record the refresh",
            first,
            false,
            staleRecordsOutcome(cellsMoved, registryMoved && registryNow.status === "ok", backupKey)
          );
        }
      }
    }
    return { applied: rows.length, saved };
  });
}

// ------------------------------------------------------------------------------------ undo

const UNDO_INTERRUPTED =
  "Excel stopped partway through the undo. Where it stopped is saved in the workbook: choose Undo last refresh again " +
  "(or Check for updates) and Capacity Planner will finish it.";

/**
 * Restores the cells (with their source / as-of cells and the library header) and the registry entry
 * the last refresh changed, then forgets the undo record. Cells whose name is gone are reported in
 * `notRestored` instead of failing the whole undo (which would fail the same way every time).
 */
export async function undoLastRefreshWith(
  excel: ExcelApi,
  options: RefreshOptions = {}
): Promise<UndoResult> {
  return serialized(excel, async () => {
    const attempt: UndoAttempt = { read: null, rolledBack: null };
    try {
      const { result, saved } = await undoInExcel(excel, attempt);
      // Known only when this undo itself wrote the registry (not when it finished an interrupted one).
      if (saved !== null) options.onPinned?.(pinOfRegistry(saved));
      return result;
    } catch (error) {
      if (error instanceof CapacityPlannerError) throw error;
      // Undo is idempotent: one more try finishes what Excel left half done (with the cells the
      // first try read: a moment ago, and since then changed only by that try).
      try {
        return (await undoInExcel(excel, attempt)).result;
      } catch (again) {
        if (again instanceof CapacityPlannerError) throw again;
        throw wrapExcelError("undo the refresh", error, false, UNDO_INTERRUPTED);
      }
    }
  });
}

/** The result of rolling back an interrupted apply whose sheet is gone (nothing left to write). */
const NOTHING_RESTORED: UndoResult = Object.freeze({ restored: 0, notRestored: [], kept: [] });

/** What one undo attempt read of the cells it was about to write, for a retry of the same undo. */
interface UndoAttempt {
  read: { readonly opId: string; readonly current: CurrentCells } | null;
  /** What rolling back an interrupted apply wrote, when that was this undo (see undoInExcel). */
  rolledBack: UndoResult | null;
}

/**
 * One undo, normally 3 syncs: read the records, read the cells it would write (to keep the user's
 * later edits), write. A pending record is settled first (1 or 2 syncs more).
 */
async function undoInExcel(
  excel: ExcelApi,
  attempt: UndoAttempt
): Promise<{ result: UndoResult; saved: TemplateRegistry | null }> {
  return await excel.run(async (context) => {
    let state = await readState(context);
    // A retry after the rollback of an interrupted apply went through but its answer was lost: the
    // pending record that batch deleted last is gone, and that rollback was this undo.
    if (attempt.rolledBack !== null && state.pending.status !== "ok")
      return { result: attempt.rolledBack, saved: null };
    if (state.pending.status === "ok") {
      const pending = state.pending.pending;
      const settled = await settlePending(context, pending, state, attempt.read, (result) => {
        if (pending.kind === "apply") attempt.rolledBack = result ?? NOTHING_RESTORED;
      });
      // An interrupted undo: finishing it was this undo.
      if (pending.kind === "undo" && settled.result !== null)
        return { result: settled.result, saved: null };
      // An interrupted apply just rolled back: that was the refresh to undo. Going on would also undo
      // the earlier refresh's record (or say "nothing to undo" right after undoing one).
      if (pending.kind === "apply" && settled.outcome === "restored")
        return { result: settled.result ?? NOTHING_RESTORED, saved: null };
      state = await readState(context);
    }
    // A record that can never be undone is set aside verbatim (kept for support) and removed, so
    // Undo does not fail the same way every time; under a key of its own (the rule insert uses for a
    // damaged registry), so an earlier one is kept.
    const refusedKey = backupKeyFor(UNDO_REFUSED_KEY, state.refusedTaken, new Date());
    const setAside = async (error: CapacityPlannerError): Promise<never> => {
      context.workbook.settings.add(refusedKey, settingValue(state.undoSetting) ?? null);
      state.undoSetting.delete();
      await context.sync();
      throw error;
    };
    const undo = state.undo;
    if (undo.status === "absent") throw new NothingToUndoError();
    if (undo.status === "corrupt") return setAside(new CorruptUndoRecordError(undo.problem));
    const record = undo.record;
    const registry = requireRegistry(state.registry);
    const sheet = findSheet(state, record);
    if (sheet === undefined) return setAside(new RefreshedSheetMissingError(record.sheetName));
    const unsafe = unsafeFormulas(record, state, sheet);
    if (unsafe.length > 0) return setAside(new UnsafeUndoRecordError(unsafe, refusedKey));

    const opId = record.opId ?? newOpId(new Date().toISOString());
    const current = await readRestoreTargets(context, record, state, sheet);
    attempt.read = { opId, current };
    queuePendingWrite(context, { version: 1, kind: "undo", opId, record });
    const { result, saved } = queueRestore(context, record, state, sheet, registry, current);
    state.undoSetting.delete();
    context.workbook.settings.getItem(PENDING_KEY).delete();
    await context.sync();
    return { result, saved: saved ?? registry };
  });
}

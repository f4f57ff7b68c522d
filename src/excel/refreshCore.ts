/**
 * Refreshing a template sheet's assumptions from the current library, given any source of the
 * template's assumptions (refresh.ts passes the rent-vs-build one).
 *
 *   planRefreshWith  1 sync: the active sheet, the registry, the workbook names and the sheet's
 *                    used cells -> one row per assumption (src/templates/refreshPlan.ts);
 *   applyRefreshWith 1 sync: write the chosen values, update the registry, save an undo record;
 *   undoLastRefresh  2 syncs: read the undo record, restore cells and registry.
 *
 * Apply writes back a registry and an undo record computed from what planning read. In the same
 * round trip it re-reads both (a load queued before a write sees the old value), and in the rare
 * case that something changed in between (a template inserted meanwhile, a cell edited) it corrects
 * them with one more round trip, so nothing is lost.
 */
import { findScenario } from "../model/library/indexLibrary";
import type { LibraryIndex } from "../model/library/indexLibrary";
import { valueContent } from "../templates/blocks";
import { computeRefreshRows } from "../templates/refreshPlan";
import type { CellScalar, RefreshRow } from "../templates/refreshPlan";
import type { AssumptionSpec } from "../templates/types";
import { excelNameKey, parseSheetReference, sameExcelName } from "./a1";
import {
  CorruptRegistryError,
  CorruptTemplateEntryError,
  CorruptUndoRecordError,
  InvalidRefreshSelectionError,
  NewerRegistryError,
  NotATemplateSheetError,
  NothingToUndoError,
  RefreshedSheetMissingError,
  ScenarioNotInLibraryError,
  wrapExcelError,
} from "./errors";
import type { ExcelApi } from "./excelApi";
import { serialized } from "./serialize";
import {
  REGISTRY_KEY,
  UNDO_KEY,
  parseRegistry,
  parseUndoRecord,
  queueRegistryWrite,
  queueSettingRead,
  queueUndoWrite,
  sameRegistry,
  settingValue,
  withEntry,
} from "./templateRegistry";
import type {
  LibraryRef,
  RegistryRead,
  TemplateEntry,
  TemplateRegistry,
  UndoRecord,
} from "./templateRegistry";

export type { CellScalar, RefreshRow, RefreshRowStatus } from "../templates/refreshPlan";
export type { LibraryRef } from "./templateRegistry";

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

/** What planning read, for apply: the registry as it was, and each assumption cell's content. */
export interface RefreshBasis {
  readonly registry: TemplateRegistry;
  /** The id the sheet's entry is stored under (normally the worksheet id). */
  readonly registryId: string;
  readonly entry: TemplateEntry;
  readonly cells: Readonly<Record<string, CellContent>>;
}

export interface RefreshPlan {
  readonly worksheetId: string;
  readonly sheetName: string;
  readonly scenarioId: string;
  readonly libraryBefore: LibraryRef;
  readonly libraryAfter: LibraryRef & { readonly name: string };
  readonly rows: readonly RefreshRow[];
  readonly basis: RefreshBasis;
}

export interface RefreshOptions {
  /** Clock for refreshedAt / appliedAt (tests). */
  readonly now?: () => Date;
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

/** Finds the active sheet's entry: by id, else (an id that changed) by name among entries of vanished ids. */
function findEntry(
  registry: TemplateRegistry,
  sheet: { readonly id: string; readonly name: string },
  existingIds: ReadonlySet<string>
): { registryId: string; entry: TemplateEntry } {
  const byId = registry.sheets[sheet.id];
  if (byId !== undefined) return { registryId: sheet.id, entry: byId };
  const damaged = registry.damaged[sheet.id];
  if (damaged !== undefined) throw new CorruptTemplateEntryError(sheet.name, damaged.problem);
  const orphan = Object.entries(registry.sheets).find(
    ([id, entry]) => !existingIds.has(id) && sameExcelName(entry.sheetName, sheet.name)
  );
  if (orphan !== undefined) return { registryId: orphan[0], entry: orphan[1] };
  throw new NotATemplateSheetError(sheet.name);
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

export async function planRefreshWith(
  excel: ExcelApi,
  index: LibraryIndex,
  source: AssumptionsSource
): Promise<RefreshPlan> {
  return serialized(excel, () =>
    excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("id,name");
      const worksheets = context.workbook.worksheets.load("items/id");
      const names = context.workbook.names.load("items/name,items/formula");
      // Only cells with values: a named cell outside this rectangle is empty.
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount,values,formulas");
      const registrySetting = queueSettingRead(context, REGISTRY_KEY);
      await context.sync();

      const registry = requireRegistry(parseRegistry(settingValue(registrySetting)));
      const existingIds = new Set(worksheets.items.map((w) => w.id));
      const { registryId, entry } = findEntry(
        registry,
        { id: sheet.id, name: sheet.name },
        existingIds
      );
      const fromLibrary = libraryAssumptions(index, entry, source);

      const formulaByName = new Map(names.items.map((n) => [excelNameKey(n.name), n.formula]));
      const cells: Record<string, CellContent> = {};
      for (const [key, recorded] of Object.entries(entry.assumptions)) {
        const formula = formulaByName.get(excelNameKey(recorded.name));
        const target = formula === undefined ? null : parseSheetReference(formula);
        if (target === null || !sameExcelName(target.sheet, sheet.name)) continue;
        if (target.range.rowCount !== 1 || target.range.colCount !== 1) continue;
        const i = used.isNullObject ? -1 : target.range.row - used.rowIndex;
        const j = used.isNullObject ? -1 : target.range.col - used.columnIndex;
        if (used.isNullObject || i < 0 || j < 0 || i >= used.rowCount || j >= used.columnCount) {
          cells[key] = { value: "", formula: null };
          continue;
        }
        const rawFormula: unknown = used.formulas[i]?.[j];
        cells[key] = {
          value: toScalar(used.values[i]?.[j]),
          formula: typeof rawFormula === "string" && rawFormula.startsWith("=") ? rawFormula : null,
        };
      }
      const values: Record<string, CellScalar> = {};
      for (const [key, cell] of Object.entries(cells)) values[key] = cell.value;

      const meta = index.library.meta;
      return {
        worksheetId: sheet.id,
        sheetName: sheet.name,
        scenarioId: entry.scenarioId,
        libraryBefore: { id: entry.libraryId, version: entry.libraryVersion },
        libraryAfter: { id: meta.id, version: meta.version, name: meta.name },
        rows: computeRefreshRows(entry.assumptions, values, fromLibrary),
        basis: { registry, registryId, entry, cells },
      };
    })
  );
}

/** The registry with this sheet's entry replaced (and moved to the current worksheet id if it had changed). */
function registryWith(
  registry: TemplateRegistry,
  registryId: string,
  worksheetId: string,
  entry: TemplateEntry
): TemplateRegistry {
  if (registryId === worksheetId) return withEntry(registry, worksheetId, entry);
  const sheets = { ...registry.sheets };
  delete sheets[registryId];
  return withEntry({ sheets, damaged: registry.damaged }, worksheetId, entry);
}

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
  appliedAt: string
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
    };
  }
  return {
    version: 1,
    worksheetId: plan.worksheetId,
    sheetName: plan.sheetName,
    appliedAt,
    libraryBefore: plan.libraryBefore,
    libraryAfter: { id: plan.libraryAfter.id, version: plan.libraryAfter.version },
    entryBefore: entry,
    previous,
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

/**
 * Writes the library value of each chosen row into its named cell, records the new values and library
 * version in the registry, and keeps the previous contents for undo. Nothing chosen: nothing happens.
 */
export async function applyRefreshWith(
  excel: ExcelApi,
  plan: RefreshPlan,
  keys: readonly string[],
  options: RefreshOptions = {}
): Promise<{ applied: number }> {
  const rows = selectRows(plan, keys);
  if (rows.length === 0) return { applied: 0 };
  const now = (options.now ?? (() => new Date()))().toISOString();

  try {
    return await serialized(excel, () => applyInExcel(excel, plan, rows, now));
  } catch (error) {
    throw wrapExcelError("apply the refresh", error, false);
  }
}

async function applyInExcel(
  excel: ExcelApi,
  plan: RefreshPlan,
  rows: readonly RefreshRow[],
  now: string
): Promise<{ applied: number }> {
  return await excel.run(async (context) => {
    const names = context.workbook.names;
    // Reads queued before the writes see the values as they are just before them.
    const registryProbe = queueSettingRead(context, REGISTRY_KEY);
    const cellProbes = rows.map((row) => {
      const probe = names.getItem(row.name).getRange();
      probe.load("values,formulas");
      return { row, probe };
    });

    for (const row of rows) {
      if (row.libraryValue === null) continue;
      names.getItem(row.name).getRange().values = [[valueContent(row.libraryValue)]];
    }
    const { registry, registryId } = plan.basis;
    const entry = refreshedEntry(plan, rows, now, plan.basis.entry);
    queueRegistryWrite(context, registryWith(registry, registryId, plan.worksheetId, entry));
    queueUndoWrite(context, undoRecordFor(plan, rows, plan.basis.cells, now));
    await context.sync();

    // Rare: something changed between planning and applying. Correct the records (one more sync).
    const actual: Record<string, CellContent> = {};
    let cellsMoved = false;
    for (const { row, probe } of cellProbes) {
      const formula: unknown = probe.formulas[0]?.[0];
      const cell: CellContent = {
        value: toScalar(probe.values[0]?.[0]),
        formula: typeof formula === "string" && formula.startsWith("=") ? formula : null,
      };
      actual[row.key] = cell;
      const planned = plan.basis.cells[row.key];
      if (planned === undefined || planned.value !== cell.value || planned.formula !== cell.formula)
        cellsMoved = true;
    }
    const registryNow = parseRegistry(settingValue(registryProbe));
    const registryMoved =
      registryNow.status !== "ok" || !sameRegistry(registryNow.registry, registry);
    if (cellsMoved || registryMoved) {
      if (registryMoved && registryNow.status === "ok") {
        const current = registryNow.registry.sheets[registryId] ?? plan.basis.entry;
        queueRegistryWrite(
          context,
          registryWith(
            registryNow.registry,
            registryId,
            plan.worksheetId,
            refreshedEntry(plan, rows, now, current)
          )
        );
      }
      if (cellsMoved) queueUndoWrite(context, undoRecordFor(plan, rows, actual, now));
      await context.sync();
    }
    return { applied: rows.length };
  });
}

/** Restores the cells and the registry entry the last refresh changed, then forgets the undo record. */
export interface NotRestored {
  readonly key: string;
  readonly name: string;
  readonly reason: string;
}

export interface UndoResult {
  readonly restored: number;
  readonly notRestored: readonly NotRestored[];
}

export async function undoLastRefreshWith(excel: ExcelApi): Promise<UndoResult> {
  try {
    return await serialized(excel, () => undoInExcel(excel));
  } catch (error) {
    throw wrapExcelError("undo the refresh", error, false);
  }
}

async function undoInExcel(excel: ExcelApi): Promise<UndoResult> {
  return await excel.run(async (context) => {
    const undoSetting = queueSettingRead(context, UNDO_KEY);
    const registrySetting = queueSettingRead(context, REGISTRY_KEY);
    const worksheets = context.workbook.worksheets.load("items/id");
    await context.sync();

    const undo = parseUndoRecord(settingValue(undoSetting));
    if (undo.status === "absent") throw new NothingToUndoError();
    if (undo.status === "corrupt") throw new CorruptUndoRecordError(undo.problem);
    const record = undo.record;
    const registry = requireRegistry(parseRegistry(settingValue(registrySetting)));
    if (!worksheets.items.some((w) => w.id === record.worksheetId))
      throw new RefreshedSheetMissingError(record.sheetName);

    const entries = Object.entries(record.previous);
    for (const [, previous] of entries) {
      const range = context.workbook.names.getItem(previous.name).getRange();
      if (previous.formula !== null) range.formulas = [[previous.formula]];
      else range.values = [[valueContent(previous.value)]];
    }
    queueRegistryWrite(context, withEntry(registry, record.worksheetId, record.entryBefore));
    undoSetting.delete();
    await context.sync();
    return { restored: entries.length, notRestored: [] };
  });
}

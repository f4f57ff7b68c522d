/* global Excel */
/**
 * The workbook's record of its template sheets, kept in document settings (context.workbook.settings)
 * so it travels with the file:
 *
 *   "capplan.templates": { version: 1, sheets: { [worksheetId]: TemplateEntry } }
 *   "capplan.undo":      the values the last refresh replaced (UndoRecord)
 *   "capplan.pending":   a refresh or undo whose batch has not finished (Pending; refreshSheet.ts)
 *   "capplan.templates.damaged[.<time>]", "capplan.undo.refused": unreadable records, set aside verbatim
 *
 * Worksheet ids are not stable across Excel sessions and platforms: an entry is found by its id,
 * else by its sheet name (pruneRegistry, registryIdOf), and re-keyed to the current id.
 *
 * A workbook is untrusted input: everything read back is zod-parsed once, and nothing walks it
 * recursively without a bound. An unreadable entry means "that sheet is not a template" (with the
 * reason), and is kept verbatim when the registry is written back; an unreadable registry is reported
 * and backed up verbatim, never silently overwritten.
 */
import { z } from "zod";
import { issuesFromZod } from "../model/library/load";
import type { RecordedAssumption } from "../templates/refreshPlan";
import { excelNameKey, parseSheetReference, sameExcelName } from "../model/a1";
import type { ExcelApi } from "./excelApi";
import type { PinState } from "../shared-state/activeLibrary";
import { pinnedLibraryOf } from "./pinnedLibrary";

export const REGISTRY_KEY = "capplan.templates";
export const UNDO_KEY = "capplan.undo";
/** A refresh or undo in progress: written before its first change, removed after its last (see refreshSheet.ts). */
export const PENDING_KEY = "capplan.pending";
/** Where an unreadable registry is moved before a fresh one is started (kept for support). */
export const REGISTRY_BACKUP_KEY = "capplan.templates.damaged";
export const REGISTRY_VERSION = 1;

/** What survives a trip through document settings. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Deeper than this, a setting is not something Capacity Planner wrote (its registry is 5 levels deep). */
export const MAX_SETTING_DEPTH = 64;

/**
 * Whether `value` is JSON data no deeper than MAX_SETTING_DEPTH. Iterative, not recursive: a workbook
 * is untrusted input, and a value nested 100,000 levels deep must not overflow the stack.
 */
export function isJson(value: unknown): value is Json {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const v = item.value;
    if (v === null || typeof v === "string" || typeof v === "boolean") continue;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (typeof v !== "object" || item.depth >= MAX_SETTING_DEPTH) return false;
    if (!Array.isArray(v)) {
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return false;
    }
    for (const child of Object.values(v as object) as unknown[]) {
      if (child !== undefined) stack.push({ value: child, depth: item.depth + 1 });
    }
  }
  return true;
}

/** How deep `value` nests, counted iteratively and only up to `limit + 1`. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== "object" || item.value === null) continue;
    if (item.depth >= limit) return true;
    for (const child of Object.values(item.value) as unknown[])
      stack.push({ value: child, depth: item.depth + 1 });
  }
  return false;
}

// ------------------------------------------------------------------------------------ schemas

const AssumptionValueSchema = z.union([z.number(), z.string()]);

/** Reads what ../templates/refreshPlan's RecordedAssumption describes (the type is that one). */
export const RecordedAssumptionSchema = z.object({
  /** The workbook name of the value cell. */
  name: z.string().min(1),
  /** The value the add-in last wrote into the cell (at insert or refresh). */
  value: AssumptionValueSchema,
  /** The library version that value came from. */
  libraryVersion: z.string().min(1).optional(),
}) satisfies z.ZodType<RecordedAssumption>;
export type { RecordedAssumption };

/**
 * What a registered sheet is. Absent in entries written before there was more than one kind: those are
 * all "rentVsBuild". Only a rent-vs-build sheet has library assumptions to refresh and a Risk section;
 * "options" (Options comparison) and "boardMemo" (Board memo) compute from CAPPLAN functions and from
 * another template's names, and are registered so that freeze, trace and the pin know them.
 */
export const TEMPLATE_KINDS = ["rentVsBuild", "options", "boardMemo"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TemplateEntrySchema = z.object({
  kind: z.enum(TEMPLATE_KINDS).optional(),
  /** Board memo: the registry id of the rent-vs-build sheet it summarises (when it was inserted). */
  sourceWorksheetId: z.string().min(1).optional(),
  sheetName: z.string().min(1),
  nameSuffix: z.string(),
  libraryId: z.string().min(1),
  libraryVersion: z.string().min(1),
  scenarioId: z.string().min(1),
  insertedAt: z.string().min(1),
  refreshedAt: z.string().min(1).optional(),
  assumptions: z.record(z.string(), RecordedAssumptionSchema),
});
export type TemplateEntry = z.infer<typeof TemplateEntrySchema>;

/** The entry's kind; entries from before kinds existed are rent-vs-build sheets. */
export function kindOf(entry: TemplateEntry): TemplateKind {
  return entry.kind ?? "rentVsBuild";
}

/** How a sheet of each kind is named to the user (the gallery's titles). */
export const TEMPLATE_KIND_LABELS: Readonly<Record<TemplateKind, string>> = {
  rentVsBuild: "a Rent vs Build sheet",
  options: "an Options comparison sheet",
  boardMemo: "a Board memo sheet",
};

const EnvelopeSchema = z.object({
  version: z.number().int().min(1),
  sheets: z.record(z.string(), z.unknown()),
});

const LibraryRefSchema = z.object({ id: z.string().min(1), version: z.string().min(1) });
export type LibraryRef = z.infer<typeof LibraryRefSchema>;

const CellScalarSchema = z.union([z.number(), z.string(), z.boolean()]);

const ProvenanceChangeSchema = z.object({
  role: z.enum(["source", "asOf", "low", "high"]),
  // Bounded: the template puts these cells beside the value; a tampered offset must not send a
  // write off the grid (a batch Excel would refuse every time).
  dRow: z.number().int().min(-50).max(50),
  dCol: z.number().int().min(-50).max(50),
  before: CellScalarSchema,
  after: CellScalarSchema,
});
export type ProvenanceChange = z.infer<typeof ProvenanceChangeSchema>;

export const UndoRecordSchema = z.object({
  version: z.literal(REGISTRY_VERSION),
  worksheetId: z.string().min(1),
  sheetName: z.string(),
  appliedAt: z.string().min(1),
  libraryBefore: LibraryRefSchema,
  libraryAfter: LibraryRefSchema,
  /** The sheet's registry entry as it was before the refresh, restored as is by undo. */
  entryBefore: TemplateEntrySchema,
  /** Identifies the apply that wrote this record (to tell, after a lost answer, whether it completed). */
  opId: z.string().min(1).max(200).optional(),
  /** Per refreshed assumption: the cell's content before the refresh (its formula, if it had one). */
  previous: z.record(
    z.string(),
    z.object({
      name: z.string().min(1),
      value: CellScalarSchema,
      formula: z.string().max(8192).nullable(),
      libraryVersionBefore: z.string(),
      /** The value the refresh wrote. */
      after: CellScalarSchema.optional(),
      /** The source / as-of / range cells rewritten with the value, relative to the named cell. */
      provenance: z.array(ProvenanceChangeSchema).max(8).optional(),
    })
  ),
  /** The library header cell, when the refresh rewrote it (0-based, on the refreshed sheet). */
  header: z
    .object({
      row: z.number().int().min(0).max(1048575),
      col: z.number().int().min(0).max(16383),
      before: CellScalarSchema,
      after: CellScalarSchema,
    })
    .optional(),
});
export type UndoRecord = z.infer<typeof UndoRecordSchema>;

/**
 * A refresh or undo in progress ("capplan.pending"): written first in its batch and deleted last, so
 * a batch that Excel stopped partway (or whose answer was lost) can be told apart from one that never
 * started or one that completed, and be reconciled (refreshSheet.ts).
 */
export const PendingSchema = z.object({
  version: z.literal(REGISTRY_VERSION),
  kind: z.enum(["apply", "undo"]),
  opId: z.string().min(1).max(200),
  record: UndoRecordSchema,
});
export type Pending = z.infer<typeof PendingSchema>;

// ------------------------------------------------------------------------------------ registry

export interface DamagedEntry {
  /** The entry exactly as read (possibly not JSON we could check, e.g. nested too deep): written back as is. */
  readonly raw: unknown;
  readonly problem: string;
}

export interface TemplateRegistry {
  readonly sheets: Readonly<Record<string, TemplateEntry>>;
  /** Entries that failed validation, kept verbatim so writing the registry back does not destroy them. */
  readonly damaged: Readonly<Record<string, DamagedEntry>>;
}

export const EMPTY_REGISTRY: TemplateRegistry = Object.freeze({
  sheets: Object.freeze({}),
  damaged: Object.freeze({}),
});

export type RegistryRead =
  | { readonly status: "ok"; readonly registry: TemplateRegistry }
  /** `raw`: the setting exactly as read, to back up verbatim. */
  | { readonly status: "corrupt"; readonly problem: string; readonly raw: unknown }
  | { readonly status: "newer"; readonly version: number };

function firstProblem(error: z.ZodError): string {
  const issue = issuesFromZod(error)[0];
  return issue === undefined ? "invalid" : `${issue.path}: ${issue.message}`;
}

/** Settings may hold the object itself or (written by other tools) its JSON text. */
function parseText(raw: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof raw !== "string") return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    // Also a RangeError from a parser that recurses: the text is kept as it is either way.
    return { ok: false };
  }
}

/** A whole setting (undo, pending) as checked JSON; `raw` is always the setting exactly as read. */
function decodeSetting(
  raw: unknown
): { ok: true; value: Json } | { ok: false; problem: string; raw: unknown } {
  const text = parseText(raw);
  if (!text.ok) return { ok: false, problem: "not valid JSON", raw };
  if (depthExceeds(text.value, MAX_SETTING_DEPTH))
    return { ok: false, problem: `nested more than ${MAX_SETTING_DEPTH} levels deep`, raw };
  if (isJson(text.value)) return { ok: true, value: text.value };
  return { ok: false, problem: "not JSON data", raw };
}

/** Parses the "capplan.templates" setting; `undefined`/`null` (no setting) is an empty registry. */
export function parseRegistry(raw: unknown): RegistryRead {
  if (raw === undefined || raw === null) return { status: "ok", registry: EMPTY_REGISTRY };
  // Only the envelope is checked here, each entry on its own below: one entry nested too deep (or
  // otherwise unreadable) is kept verbatim as damaged instead of making every other entry unreadable.
  const text = parseText(raw);
  if (!text.ok) return { status: "corrupt", problem: "not valid JSON", raw };
  const envelope = EnvelopeSchema.safeParse(text.value);
  if (!envelope.success) {
    const problem = depthExceeds(text.value, MAX_SETTING_DEPTH)
      ? `nested more than ${MAX_SETTING_DEPTH} levels deep`
      : firstProblem(envelope.error);
    return { status: "corrupt", problem, raw };
  }
  if (envelope.data.version > REGISTRY_VERSION)
    return { status: "newer", version: envelope.data.version };
  const sheets: Record<string, TemplateEntry> = {};
  const damaged: Record<string, DamagedEntry> = {};
  for (const [worksheetId, rawEntry] of Object.entries(envelope.data.sheets)) {
    const entry = TemplateEntrySchema.safeParse(rawEntry);
    if (entry.success) sheets[worksheetId] = entry.data;
    else
      damaged[worksheetId] = {
        raw: rawEntry,
        problem: depthExceeds(rawEntry, MAX_SETTING_DEPTH)
          ? `nested more than ${MAX_SETTING_DEPTH} levels deep`
          : firstProblem(entry.error),
      };
  }
  return { status: "ok", registry: { sheets, damaged } };
}

function entryToJson(entry: TemplateEntry): Json {
  const assumptions: { [key: string]: Json } = {};
  for (const [key, a] of Object.entries(entry.assumptions)) {
    assumptions[key] =
      a.libraryVersion === undefined
        ? { name: a.name, value: a.value }
        : { name: a.name, value: a.value, libraryVersion: a.libraryVersion };
  }
  const out: { [key: string]: Json } = {};
  // A rent-vs-build entry is written without a kind, as before kinds existed, so an earlier version of the
  // add-in reads it unchanged.
  if (entry.kind !== undefined && entry.kind !== "rentVsBuild") out["kind"] = entry.kind;
  if (entry.sourceWorksheetId !== undefined) out["sourceWorksheetId"] = entry.sourceWorksheetId;
  Object.assign(out, {
    sheetName: entry.sheetName,
    nameSuffix: entry.nameSuffix,
    libraryId: entry.libraryId,
    libraryVersion: entry.libraryVersion,
    scenarioId: entry.scenarioId,
    insertedAt: entry.insertedAt,
  });
  if (entry.refreshedAt !== undefined) out["refreshedAt"] = entry.refreshedAt;
  out["assumptions"] = assumptions;
  return out;
}

/** The setting's value: readable entries plus the damaged ones, verbatim. */
export function serializeRegistry(registry: TemplateRegistry): { [key: string]: unknown } {
  const sheets: { [key: string]: unknown } = {};
  for (const [id, damaged] of Object.entries(registry.damaged)) sheets[id] = damaged.raw;
  for (const [id, entry] of Object.entries(registry.sheets)) sheets[id] = entryToJson(entry);
  return { version: REGISTRY_VERSION, sheets };
}

export function withEntry(
  registry: TemplateRegistry,
  worksheetId: string,
  entry: TemplateEntry
): TemplateRegistry {
  const damaged = { ...registry.damaged };
  delete damaged[worksheetId];
  return { sheets: { ...registry.sheets, [worksheetId]: entry }, damaged };
}

/** The workbook's names (keyed by excelNameKey) -> their formula ("='Rent vs Build'!$C$5"). */
export type NameFormulas = ReadonlyMap<string, string>;

/**
 * Whether one of `names` still refers to a range on the sheet called `sheetName`. A sheet found by
 * name after its id changed is taken for a template only then: a plain sheet that merely reuses the
 * name of a deleted template (whose names Excel turned into #REF!) is not it. The one rule for
 * Insert, Check for updates and Undo.
 */
export function namesPointAt(
  formulas: NameFormulas,
  names: Iterable<string>,
  sheetName: string
): boolean {
  for (const name of names) {
    const formula = formulas.get(excelNameKey(name));
    const target = formula === undefined ? null : parseSheetReference(formula);
    if (target !== null && sameExcelName(target.sheet, sheetName)) return true;
  }
  return false;
}

function entryPointsAt(formulas: NameFormulas, entry: TemplateEntry, sheetName: string): boolean {
  return namesPointAt(
    formulas,
    Object.values(entry.assumptions).map((a) => a.name),
    sheetName
  );
}

/**
 * Fits the registry to the workbook's sheets. Worksheet ids are not stable across Excel sessions and
 * platforms, so an entry whose id is gone but whose sheet name belongs to a sheet without an entry of
 * its own, and whose names still point at that sheet, is that sheet under a new id: it is re-keyed to
 * it. Only entries whose id and name are both gone are dropped. A damaged entry is kept while its id exists, its name exists, or it has no readable
 * name (nothing tells which sheet it was).
 */
export function pruneRegistry(
  registry: TemplateRegistry,
  sheets: readonly { readonly id: string; readonly name: string }[],
  names: NameFormulas
): TemplateRegistry {
  const ids = new Set(sheets.map((s) => s.id));
  const out: Record<string, TemplateEntry> = {};
  for (const [id, entry] of Object.entries(registry.sheets)) if (ids.has(id)) out[id] = entry;
  for (const sheet of sheets) {
    if (out[sheet.id] !== undefined || registry.damaged[sheet.id] !== undefined) continue;
    const orphanId = registryIdOf(registry, sheet, ids, names);
    const orphan = orphanId === undefined ? undefined : registry.sheets[orphanId];
    if (orphan !== undefined) out[sheet.id] = { ...orphan, sheetName: sheet.name };
  }
  const nameExists = (name: string): boolean => sheets.some((s) => sameExcelName(s.name, name));
  const damaged = Object.fromEntries(
    Object.entries(registry.damaged).filter(([id, entry]) => {
      if (ids.has(id)) return true;
      const raw = entry.raw;
      const name: unknown =
        typeof raw === "object" && raw !== null && !Array.isArray(raw)
          ? (raw as { sheetName?: unknown }).sheetName
          : undefined;
      return typeof name !== "string" || nameExists(name);
    })
  );
  return { sheets: out, damaged };
}

/**
 * The id under which the registry knows a sheet: its current id, else (ids change between sessions
 * and platforms) an entry with its name whose id no longer exists and one of whose names still points
 * at the sheet (namesPointAt). Undefined when it is not a template.
 */
export function registryIdOf(
  registry: TemplateRegistry,
  sheet: { readonly id: string; readonly name: string },
  existingIds: ReadonlySet<string>,
  names: NameFormulas
): string | undefined {
  if (registry.sheets[sheet.id] !== undefined || registry.damaged[sheet.id] !== undefined)
    return sheet.id;
  const orphan = latestOrphan(registry, sheet.name, existingIds);
  if (orphan === undefined || !entryPointsAt(names, orphan[1], sheet.name)) return undefined;
  return orphan[0];
}

/**
 * The entry of a vanished id recorded under this sheet name; of several (a template deleted and its
 * name reused before the ids changed), the one inserted or refreshed last.
 */
function latestOrphan(
  registry: TemplateRegistry,
  sheetName: string,
  existingIds: ReadonlySet<string>
): [string, TemplateEntry] | undefined {
  const stamp = (e: TemplateEntry): string => e.refreshedAt ?? e.insertedAt;
  return Object.entries(registry.sheets)
    .filter(([id, entry]) => !existingIds.has(id) && sameExcelName(entry.sheetName, sheetName))
    .reduce<[string, TemplateEntry] | undefined>(
      (best, next) => (best === undefined || stamp(next[1]) > stamp(best[1]) ? next : best),
      undefined
    );
}

/** The registry with `entry` stored under `worksheetId`, and removed from `oldId` if it was stored there. */
export function withEntryMoved(
  registry: TemplateRegistry,
  oldId: string | undefined,
  worksheetId: string,
  entry: TemplateEntry
): TemplateRegistry {
  if (oldId === undefined || oldId === worksheetId) return withEntry(registry, worksheetId, entry);
  const sheets = { ...registry.sheets };
  delete sheets[oldId];
  return withEntry({ sheets, damaged: registry.damaged }, worksheetId, entry);
}

// ------------------------------------------------------------------------------------ undo

export type UndoRead =
  | { readonly status: "absent" }
  | { readonly status: "ok"; readonly record: UndoRecord }
  | { readonly status: "corrupt"; readonly problem: string };

type RecordRead<T> =
  | { readonly status: "absent" }
  | { readonly status: "ok"; readonly value: T }
  | { readonly status: "corrupt"; readonly problem: string };

/**
 * A record kept whole in one setting (undo, pending): absent (no setting), checked against `schema`,
 * or corrupt with the first problem found.
 */
function parseRecordSetting<T>(schema: z.ZodType<T>, raw: unknown): RecordRead<T> {
  if (raw === undefined || raw === null) return { status: "absent" };
  const decoded = decodeSetting(raw);
  if (!decoded.ok) return { status: "corrupt", problem: decoded.problem };
  const parsed = schema.safeParse(decoded.value);
  return parsed.success
    ? { status: "ok", value: parsed.data }
    : { status: "corrupt", problem: firstProblem(parsed.error) };
}

export function parseUndoRecord(raw: unknown): UndoRead {
  const read = parseRecordSetting(UndoRecordSchema, raw);
  return read.status === "ok" ? { status: "ok", record: read.value } : read;
}

export function serializeUndoRecord(record: UndoRecord): Json {
  const previous: { [key: string]: Json } = {};
  for (const [key, p] of Object.entries(record.previous)) {
    const out: { [key: string]: Json } = {
      name: p.name,
      value: p.value,
      formula: p.formula,
      libraryVersionBefore: p.libraryVersionBefore,
    };
    if (p.after !== undefined) out["after"] = p.after;
    if (p.provenance !== undefined)
      out["provenance"] = p.provenance.map((c) => ({
        role: c.role,
        dRow: c.dRow,
        dCol: c.dCol,
        before: c.before,
        after: c.after,
      }));
    previous[key] = out;
  }
  const extra: { [key: string]: Json } = {};
  if (record.opId !== undefined) extra["opId"] = record.opId;
  if (record.header !== undefined) extra["header"] = { ...record.header };
  return {
    ...extra,
    version: record.version,
    worksheetId: record.worksheetId,
    sheetName: record.sheetName,
    appliedAt: record.appliedAt,
    libraryBefore: { id: record.libraryBefore.id, version: record.libraryBefore.version },
    libraryAfter: { id: record.libraryAfter.id, version: record.libraryAfter.version },
    entryBefore: entryToJson(record.entryBefore),
    previous,
  };
}

// ------------------------------------------------------------------------------------ queued access

/** Queues loading a setting (null object when absent); read it with `settingValue` after the sync. */
export function queueSettingRead(context: Excel.RequestContext, key: string): Excel.Setting {
  const setting = context.workbook.settings.getItemOrNullObject(key);
  setting.load("value");
  return setting;
}

/**
 * The key to set something aside under (a damaged registry, a refused undo record): `base` when no
 * setting has it yet, else `base` with a timestamp, so a backup never replaces an earlier one.
 */
export function backupKeyFor(base: string, baseTaken: boolean, now: Date): string {
  return baseTaken ? `${base}.${now.toISOString()}` : base;
}

/** The loaded value of a setting queued with `queueSettingRead`; undefined when there is none. */
export function settingValue(setting: Excel.Setting): unknown {
  if (setting.isNullObject) return undefined;
  const value: unknown = setting.value;
  return value;
}

/** The pin of a registry as queueRegistryWrite saves it: what readPinnedLibrary would read back. */
export function pinOfRegistry(registry: TemplateRegistry): PinState {
  return pinnedLibraryOf(serializeRegistry(registry));
}

export function queueRegistryWrite(
  context: Excel.RequestContext,
  registry: TemplateRegistry
): void {
  context.workbook.settings.add(REGISTRY_KEY, serializeRegistry(registry));
}

export function queueUndoWrite(context: Excel.RequestContext, record: UndoRecord): void {
  context.workbook.settings.add(UNDO_KEY, serializeUndoRecord(record));
}

export type PendingRead =
  | { readonly status: "absent" }
  | { readonly status: "ok"; readonly pending: Pending }
  | { readonly status: "corrupt"; readonly problem: string };

export function parsePending(raw: unknown): PendingRead {
  const read = parseRecordSetting(PendingSchema, raw);
  return read.status === "ok" ? { status: "ok", pending: read.value } : read;
}

export function queuePendingWrite(context: Excel.RequestContext, pending: Pending): void {
  context.workbook.settings.add(PENDING_KEY, {
    version: pending.version,
    kind: pending.kind,
    opId: pending.opId,
    record: serializeUndoRecord(pending.record),
  });
}

/** Reads the registry in one sync (for the sidebar: which sheets are templates, and from which library). */
export async function readTemplateRegistry(excel: ExcelApi): Promise<RegistryRead> {
  return excel.run(async (context) => {
    const setting = queueSettingRead(context, REGISTRY_KEY);
    await context.sync();
    return parseRegistry(settingValue(setting));
  });
}

/**
 * JSON text with object keys sorted, to compare two registries regardless of key order. Iterative
 * (damaged entries are kept verbatim and may nest deep); a value it cannot walk compares as unequal.
 */
export function canonicalJson(value: unknown): string {
  if (depthExceeds(value, MAX_SETTING_DEPTH * 2)) return `\u0000${Math.random()}`;
  const walk = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(walk).join(",")}]`;
    if (v !== null && typeof v === "object") {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${walk(record[k] ?? null)}`).join(",")}}`;
    }
    return JSON.stringify(v) ?? "null";
  };
  return walk(value);
}

/** Whether two registries hold the same entries (damaged ones included). */
export function sameRegistry(a: TemplateRegistry, b: TemplateRegistry): boolean {
  return canonicalJson(serializeRegistry(a)) === canonicalJson(serializeRegistry(b));
}

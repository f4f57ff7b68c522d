/* global Excel */
/**
 * The workbook's record of its template sheets, kept in document settings (context.workbook.settings)
 * so it travels with the file:
 *
 *   "capplan.templates": { version: 1, sheets: { [worksheetId]: TemplateEntry } }
 *   "capplan.undo":      the values the last refresh replaced (UndoRecord)
 *
 * A workbook is untrusted input: everything read back is zod-parsed. An unreadable entry means "that
 * sheet is not a template" (with the reason), and is kept verbatim when the registry is written
 * back; an unreadable registry is reported, never silently overwritten.
 */
import { z } from "zod";
import { issuesFromZod } from "../model/library/load";
import type { RecordedAssumption } from "../templates/refreshPlan";
import type { ExcelApi } from "./excelApi";

export const REGISTRY_KEY = "capplan.templates";
export const UNDO_KEY = "capplan.undo";
/** A refresh or undo in progress: written before its first change, removed after its last (see refreshCore.ts). */
export const PENDING_KEY = "capplan.pending";
/** Where an unreadable registry is moved before a fresh one is started (kept for support). */
export const REGISTRY_BACKUP_KEY = "capplan.templates.damaged";
export const REGISTRY_VERSION = 1;

/** What survives a trip through document settings. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function isJson(value: unknown, depth = 0): value is Json {
  if (depth > 64) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1));
  if (typeof value === "object") {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value).every((v) => v === undefined || isJson(v, depth + 1));
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

export const TemplateEntrySchema = z.object({
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

const EnvelopeSchema = z.object({
  version: z.number().int().min(1),
  sheets: z.record(z.string(), z.unknown()),
});

const LibraryRefSchema = z.object({ id: z.string().min(1), version: z.string().min(1) });
export type LibraryRef = z.infer<typeof LibraryRefSchema>;

const CellScalarSchema = z.union([z.number(), z.string(), z.boolean()]);

export const UndoRecordSchema = z.object({
  version: z.literal(REGISTRY_VERSION),
  worksheetId: z.string().min(1),
  sheetName: z.string(),
  appliedAt: z.string().min(1),
  libraryBefore: LibraryRefSchema,
  libraryAfter: LibraryRefSchema,
  /** The sheet's registry entry as it was before the refresh, restored as is by undo. */
  entryBefore: TemplateEntrySchema,
  /** Per refreshed assumption: the cell's content before the refresh (its formula, if it had one). */
  previous: z.record(
    z.string(),
    z.object({
      name: z.string().min(1),
      value: CellScalarSchema,
      formula: z.string().nullable(),
      libraryVersionBefore: z.string(),
    })
  ),
});
export type UndoRecord = z.infer<typeof UndoRecordSchema>;

// ------------------------------------------------------------------------------------ registry

export interface DamagedEntry {
  readonly raw: Json;
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
  | { readonly status: "corrupt"; readonly problem: string; readonly raw: Json }
  | { readonly status: "newer"; readonly version: number };

function firstProblem(error: z.ZodError): string {
  const issue = issuesFromZod(error)[0];
  return issue === undefined ? "invalid" : `${issue.path}: ${issue.message}`;
}

/** Settings may hold the object itself or (written by other tools) its JSON text. */
function decodeSetting(
  raw: unknown
): { ok: true; value: Json } | { ok: false; problem: string; raw: Json } {
  if (typeof raw === "string") {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isJson(parsed)) return { ok: true, value: parsed };
    } catch {
      return { ok: false, problem: "not valid JSON", raw };
    }
    return { ok: false, problem: "not valid JSON", raw };
  }
  if (isJson(raw)) return { ok: true, value: raw };
  return { ok: false, problem: "not JSON data", raw: null };
}

/** Parses the "capplan.templates" setting; `undefined`/`null` (no setting) is an empty registry. */
export function parseRegistry(raw: unknown): RegistryRead {
  if (raw === undefined || raw === null) return { status: "ok", registry: EMPTY_REGISTRY };
  const decoded = decodeSetting(raw);
  if (!decoded.ok) return { status: "corrupt", problem: decoded.problem, raw: decoded.raw };
  const envelope = EnvelopeSchema.safeParse(decoded.value);
  if (!envelope.success)
    return { status: "corrupt", problem: firstProblem(envelope.error), raw: decoded.value };
  if (envelope.data.version > REGISTRY_VERSION)
    return { status: "newer", version: envelope.data.version };
  const sheets: Record<string, TemplateEntry> = {};
  const damaged: Record<string, DamagedEntry> = {};
  for (const [worksheetId, rawEntry] of Object.entries(envelope.data.sheets)) {
    const entry = TemplateEntrySchema.safeParse(rawEntry);
    if (entry.success) sheets[worksheetId] = entry.data;
    else
      damaged[worksheetId] = {
        raw: isJson(rawEntry) ? rawEntry : null,
        problem: firstProblem(entry.error),
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
  const out: { [key: string]: Json } = {
    sheetName: entry.sheetName,
    nameSuffix: entry.nameSuffix,
    libraryId: entry.libraryId,
    libraryVersion: entry.libraryVersion,
    scenarioId: entry.scenarioId,
    insertedAt: entry.insertedAt,
  };
  if (entry.refreshedAt !== undefined) out["refreshedAt"] = entry.refreshedAt;
  out["assumptions"] = assumptions;
  return out;
}

/** The setting's value: readable entries plus the damaged ones, verbatim. */
export function serializeRegistry(registry: TemplateRegistry): Json {
  const sheets: { [key: string]: Json } = {};
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

/** Drops entries (readable or not) of sheets that no longer exist. */
export function pruneRegistry(
  registry: TemplateRegistry,
  existingSheetIds: ReadonlySet<string>
): TemplateRegistry {
  const keep = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([id]) => existingSheetIds.has(id)));
  return { sheets: keep(registry.sheets), damaged: keep(registry.damaged) };
}

// ------------------------------------------------------------------------------------ undo

export type UndoRead =
  | { readonly status: "absent" }
  | { readonly status: "ok"; readonly record: UndoRecord }
  | { readonly status: "corrupt"; readonly problem: string };

export function parseUndoRecord(raw: unknown): UndoRead {
  if (raw === undefined || raw === null) return { status: "absent" };
  const decoded = decodeSetting(raw);
  if (!decoded.ok) return { status: "corrupt", problem: decoded.problem };
  const record = UndoRecordSchema.safeParse(decoded.value);
  return record.success
    ? { status: "ok", record: record.data }
    : { status: "corrupt", problem: firstProblem(record.error) };
}

export function serializeUndoRecord(record: UndoRecord): Json {
  const previous: { [key: string]: Json } = {};
  for (const [key, p] of Object.entries(record.previous)) {
    previous[key] = {
      name: p.name,
      value: p.value,
      formula: p.formula,
      libraryVersionBefore: p.libraryVersionBefore,
    };
  }
  return {
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

/** The loaded value of a setting queued with `queueSettingRead`; undefined when there is none. */
export function settingValue(setting: Excel.Setting): unknown {
  if (setting.isNullObject) return undefined;
  const value: unknown = setting.value;
  return value;
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

/** Reads the registry in one sync (for the sidebar: which sheets are templates, and from which library). */
export async function readTemplateRegistry(excel: ExcelApi): Promise<RegistryRead> {
  return excel.run(async (context) => {
    const setting = queueSettingRead(context, REGISTRY_KEY);
    await context.sync();
    return parseRegistry(settingValue(setting));
  });
}

/** JSON text with object keys sorted, to compare two registries regardless of key order. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] ?? null)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Whether two registries hold the same entries (damaged ones included). */
export function sameRegistry(a: TemplateRegistry, b: TemplateRegistry): boolean {
  return canonicalJson(serializeRegistry(a)) === canonicalJson(serializeRegistry(b));
}

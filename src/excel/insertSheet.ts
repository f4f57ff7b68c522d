/**
 * Inserting a template sheet, given any TemplateSpec builder (insertTemplate.ts passes the
 * rent-vs-build one). Three round trips however large the template:
 *   1. read the sheet names, the workbook names and the template registry;
 *   2. add the sheet and queue every write: contents, number formats, styles, widths, names, chart;
 *   3. record the sheet in the registry (its id is known only after 2) and activate it.
 * If 2 or 3 fails, the sheet and the names it added are removed again, so a failed insert leaves the
 * workbook (and its settings) as it was.
 */
import type { CellSpec, TemplateSpec } from "../templates/types";
import { sameCellValue } from "../templates/refreshPlan";
import { excelNameKey, parseCell } from "../model/a1";
import { NewerRegistryError, excelErrorLocation, wrapExcelError } from "./errors";
import { serialized } from "./serialize";
import type { ExcelApi } from "./excelApi";
import type { PinListener } from "./pinnedLibrary";
import { planRender, queueRender, templateNames } from "./render";
import type { RenderPlan } from "./render";
import { TEMPLATE_SHEET_BASE, nextNameSuffix, nextSheetName } from "./sheetNames";
import {
  EMPTY_REGISTRY,
  REGISTRY_BACKUP_KEY,
  REGISTRY_KEY,
  backupKeyFor,
  parseRegistry,
  pruneRegistry,
  pinOfRegistry,
  queueRegistryWrite,
  queueSettingRead,
  settingValue,
  withEntry,
} from "./templateRegistry";
import type {
  NameFormulas,
  TemplateEntry,
  TemplateKind,
  TemplateRegistry,
} from "./templateRegistry";

export interface TemplatePlacement {
  readonly sheetName: string;
  /** Appended to every workbook name of the template ("" for the first sheet, "_2"...). */
  readonly nameSuffix: string;
}

/**
 * What sync 1 read of the workbook, for a builder whose template depends on it (the Board memo summarises
 * the active Rent vs Build sheet). The registry is the one read (empty when it was damaged).
 */
export interface WorkbookFacts {
  readonly registry: TemplateRegistry;
  readonly activeSheet: { readonly id: string; readonly name: string };
  readonly sheets: readonly { readonly id: string; readonly name: string }[];
  readonly names: NameFormulas;
}

/**
 * Builds the template for a placement; may throw (e.g. an unknown scenario) before anything is written.
 * `workbook` is null for the check build made before Excel is touched (see InsertOptions.needsWorkbook).
 */
export type TemplateBuilder = (
  placement: TemplatePlacement,
  workbook: WorkbookFacts | null
) => TemplateSpec;

/** Progress for the sidebar: a step to show and the fraction done (0..1). */
export type InsertProgress = (step: string, fraction: number) => void;

export interface InsertResult {
  readonly sheetName: string;
  readonly worksheetId: string;
  readonly nameSuffix: string;
  /** Cells written (contents and number formats). */
  readonly cellWrites: number;
  /** Things the user should know that did not stop the insert (e.g. damaged metadata set aside). */
  readonly warnings: readonly string[];
}

export interface InsertOptions {
  /** Clock for the registry's insertedAt (tests). */
  readonly now?: () => Date;
  /** Hears the workbook's pin once the new registry is saved, so no one has to read it back. */
  readonly onPinned?: PinListener;
  /** Base sheet name; default "Rent vs Build". */
  readonly sheetBaseName?: string;
  /** What the registry records the sheet as (default "rentVsBuild"). */
  readonly kind?: TemplateKind;
  /**
   * The builder needs what sync 1 reads (WorkbookFacts): no check build before Excel is touched; a bad
   * request then fails after sync 1, still before anything is written.
   */
  readonly needsWorkbook?: boolean;
  /** Board memo: the registry id of the sheet it summarises, recorded in its entry. */
  readonly sourceWorksheetId?: (workbook: WorkbookFacts) => string | undefined;
}

/**
 * The spec's cells with every assumption's value cell present: an assumption without a cell gets an
 * input cell; one whose cell holds a different value is a builder bug (refresh would call it an override).
 */
export function cellsWithAssumptions(spec: TemplateSpec): CellSpec[] {
  const cells = [...spec.cells];
  const byAddress = new Map<string, CellSpec>();
  for (const cell of cells) {
    const { row, col } = parseCell(cell.address);
    byAddress.set(`${row}:${col}`, cell);
  }
  const keys = new Set<string>();
  for (const a of spec.assumptions) {
    if (keys.has(a.key)) throw new Error(`The template lists the assumption '${a.key}' twice.`);
    keys.add(a.key);
    const { row, col } = parseCell(a.address);
    const cell = byAddress.get(`${row}:${col}`);
    if (cell === undefined) {
      const added: CellSpec = {
        address: a.address,
        value: a.value,
        numberFormat: a.numberFormat,
        style: "input",
      };
      cells.push(added);
      byAddress.set(`${row}:${col}`, added);
    } else if (
      cell.formula !== undefined ||
      cell.value === undefined ||
      !sameCellValue(cell.value, a.value)
    ) {
      throw new Error(
        `The template's cell ${a.address} does not hold the value of the assumption '${a.key}'.`
      );
    }
  }
  return cells;
}

export function entryFor(
  spec: TemplateSpec,
  placement: TemplatePlacement,
  insertedAt: string,
  kind: TemplateKind = "rentVsBuild",
  sourceWorksheetId?: string
): TemplateEntry {
  const { libraryId, libraryVersion, scenarioId } = spec.metadata;
  const assumptions: TemplateEntry["assumptions"] = {};
  for (const a of spec.assumptions)
    assumptions[a.key] = { name: a.name, value: a.value, libraryVersion };
  return {
    ...(kind === "rentVsBuild" ? {} : { kind }),
    ...(sourceWorksheetId === undefined ? {} : { sourceWorksheetId }),
    sheetName: placement.sheetName,
    nameSuffix: placement.nameSuffix,
    libraryId,
    libraryVersion,
    scenarioId,
    insertedAt,
    assumptions,
  };
}

/** The spec's names with the placement's suffix removed, to try other suffixes against. */
function baseNames(spec: TemplateSpec): string[] {
  const suffix = spec.nameSuffix;
  return templateNames(spec).map(({ name }) =>
    suffix !== "" && name.endsWith(suffix) ? name.slice(0, -suffix.length) : name
  );
}

/** What the workbook had before the insert (to choose names, and to undo only what the insert added). */
interface WorkbookSnapshot {
  readonly sheetIds: ReadonlySet<string>;
  readonly sheetNames: readonly string[];
  readonly names: readonly string[];
}

/**
 * What sync 3 may have written to document settings, to put back on rollback: its answer can be lost
 * after Excel applied it, so a failed sync 3 does not mean the registry is unchanged.
 */
interface SettingsBefore {
  /** The registry setting exactly as sync 1 read it (undefined: there was none). */
  readonly registry: unknown;
  /** The backup key sync 3 wrote a damaged registry to, if it did. */
  readonly backupKey: string | null;
}

/**
 * Undoes a failed insert: deletes the names it added and the sheet it added. The sheet is found by id
 * when known, else by name, and deleted only if it did not exist before; when Excel refused the add
 * itself, nothing was created (names come after the sheet) and nothing is touched. After sync 3,
 * `settingsBefore` puts the registry setting back as sync 1 read it (and removes a backup sync 3 made).
 */
async function rollback(
  excel: ExcelApi,
  error: unknown,
  sheet: { readonly name: string; readonly id: string | null },
  snapshot: WorkbookSnapshot,
  addedNames: readonly string[],
  settingsBefore: SettingsBefore | null = null
): Promise<boolean> {
  if (sheet.id === null && excelErrorLocation(error) === "WorksheetCollection.add") return true;
  try {
    await excel.run(async (context) => {
      const settings = context.workbook.settings;
      const registryNow =
        settingsBefore === null ? null : settings.getItemOrNullObject(REGISTRY_KEY).load("key");
      const backupNow =
        settingsBefore?.backupKey == null
          ? null
          : settings.getItemOrNullObject(settingsBefore.backupKey).load("key");
      const added = context.workbook.worksheets.getItemOrNullObject(sheet.id ?? sheet.name);
      added.load("id");
      const existing = new Set(snapshot.names.map(excelNameKey));
      const names = addedNames
        .filter((name) => !existing.has(excelNameKey(name)))
        .map((name) => context.workbook.names.getItemOrNullObject(name).load("name"));
      await context.sync();
      if (settingsBefore !== null) {
        // Queued first: the registry must never name a sheet the rollback removes.
        if (settingsBefore.registry !== undefined)
          settings.add(REGISTRY_KEY, settingsBefore.registry);
        else if (registryNow !== null && !registryNow.isNullObject) registryNow.delete();
        if (backupNow !== null && !backupNow.isNullObject) backupNow.delete();
      }
      for (const name of names) if (!name.isNullObject) name.delete();
      if (!added.isNullObject && !snapshot.sheetIds.has(added.id)) added.delete();
      await context.sync();
    });
    return true;
  } catch {
    return false;
  }
}

export async function insertTemplateSpec(
  excel: ExcelApi,
  build: TemplateBuilder,
  onProgress?: InsertProgress,
  options: InsertOptions = {}
): Promise<InsertResult> {
  const progress = (step: string, fraction: number): void => onProgress?.(step, fraction);
  const base = options.sheetBaseName ?? TEMPLATE_SHEET_BASE;

  // Build once before touching Excel: a bad scenario fails here, with nothing read or written.
  progress("Preparing the template", 0.05);
  const provisional =
    options.needsWorkbook === true ? null : build({ sheetName: base, nameSuffix: "" }, null);

  return serialized(excel, () =>
    insertSerialized(excel, build, provisional, progress, options, base)
  );
}

async function insertSerialized(
  excel: ExcelApi,
  build: TemplateBuilder,
  provisional: TemplateSpec | null,
  progress: InsertProgress,
  options: InsertOptions,
  base: string
): Promise<InsertResult> {
  return excel.run(async (context) => {
    // ---- sync 1: what the workbook already has
    progress("Reading workbook", 0.1);
    const worksheets = context.workbook.worksheets.load("items/name,items/id");
    const names = context.workbook.names.load("items/name,items/formula");
    const registrySetting = queueSettingRead(context, REGISTRY_KEY);
    const backupSetting = queueSettingRead(context, REGISTRY_BACKUP_KEY);
    const activeSheet =
      options.needsWorkbook === true
        ? context.workbook.worksheets.getActiveWorksheet().load("id,name")
        : null;
    await context.sync();

    const read = parseRegistry(settingValue(registrySetting));
    if (read.status === "newer") throw new NewerRegistryError(read.version);
    const warnings: string[] = [];
    let registry = EMPTY_REGISTRY;
    let damagedRegistry: { readonly raw: unknown; readonly problem: string } | null = null;
    // A backup never replaces an earlier one: each damaged registry gets its own key.
    const backupKey = backupKeyFor(
      REGISTRY_BACKUP_KEY,
      settingValue(backupSetting) !== undefined,
      (options.now ?? (() => new Date()))()
    );
    if (read.status === "corrupt") {
      damagedRegistry = { raw: read.raw, problem: read.problem };
      warnings.push(
        `The Capacity Planner information saved in this workbook was damaged (${read.problem}); it was set aside ` +
          `unchanged (setting '${backupKey}') and a new record started. Earlier template sheets can no longer be refreshed.`
      );
    } else {
      registry = read.registry;
    }
    const snapshot: WorkbookSnapshot = {
      sheetIds: new Set(worksheets.items.map((s) => s.id)),
      sheetNames: worksheets.items.map((s) => s.name),
      names: names.items.map((n) => n.name),
    };

    const nameFormulas: NameFormulas = new Map(
      names.items.map((n) => [excelNameKey(n.name), n.formula])
    );
    const facts: WorkbookFacts | null =
      activeSheet === null
        ? null
        : {
            registry,
            activeSheet: { id: activeSheet.id, name: activeSheet.name },
            sheets: worksheets.items.map((w) => ({ id: w.id, name: w.name })),
            names: nameFormulas,
          };
    const first = provisional ?? build({ sheetName: base, nameSuffix: "" }, facts);
    const { name: sheetName, ordinal } = nextSheetName(snapshot.sheetNames, base);
    const nameSuffix = nextNameSuffix(snapshot.names, baseNames(first), ordinal);
    const placement: TemplatePlacement = { sheetName, nameSuffix };
    const spec = sheetName === base && nameSuffix === "" ? first : build(placement, facts);
    const cells = cellsWithAssumptions(spec);
    const plan: RenderPlan = planRender({ ...spec, cells });
    const taken = new Set(snapshot.names.map(excelNameKey));
    const clash = plan.names.find((n) => taken.has(excelNameKey(n.name)));
    if (clash !== undefined)
      throw new Error(`The template's name ${clash.name} already exists in the workbook.`);
    const addedNames = plan.names.map((n) => n.name);

    // ---- sync 2: the sheet and everything on it
    progress("Writing template", 0.3);
    let worksheetId: string;
    try {
      const sheet = context.workbook.worksheets.add(sheetName);
      sheet.load("id");
      const counts = queueRender(context.workbook, sheet, plan);
      await context.sync();
      worksheetId = sheet.id;
      const page = plan.pageLayout;
      if (page !== null && !counts.pageLayout)
        warnings.push(
          `This version of Excel cannot set up printing from an add-in (ExcelApi 1.9): in Page Layout, set the sheet to ` +
            `${page.orientation.toLowerCase()}, fit to ${page.fitToPagesWide} page(s) wide by ${page.fitToPagesTall} tall, ` +
            `print area ${page.printArea}.`
        );
    } catch (error) {
      const rolledBack = await rollback(
        excel,
        error,
        { name: sheetName, id: null },
        snapshot,
        addedNames
      );
      throw wrapExcelError("insert the template", error, rolledBack);
    }

    // ---- sync 3: record it, then show it
    progress("Saving template details", 0.85);
    const now = (options.now ?? (() => new Date()))();
    const settingsBefore: SettingsBefore = {
      registry: settingValue(registrySetting),
      backupKey: damagedRegistry === null ? null : backupKey,
    };
    let saved: TemplateRegistry;
    try {
      // The sheets as they were before this insert: the new sheet gets its own entry below, so an
      // old entry that merely shares its name is pruned rather than taken for it.
      const before = worksheets.items.map((w) => ({ id: w.id, name: w.name }));
      const next = withEntry(
        pruneRegistry(registry, before, nameFormulas),
        worksheetId,
        entryFor(
          spec,
          placement,
          now.toISOString(),
          options.kind,
          facts === null ? undefined : options.sourceWorksheetId?.(facts)
        )
      );
      if (damagedRegistry !== null) context.workbook.settings.add(backupKey, damagedRegistry.raw);
      queueRegistryWrite(context, next);
      context.workbook.worksheets.getItem(worksheetId).activate();
      await context.sync();
      saved = next;
    } catch (error) {
      const rolledBack = await rollback(
        excel,
        error,
        { name: sheetName, id: worksheetId },
        snapshot,
        addedNames,
        settingsBefore
      );
      throw wrapExcelError("insert the template", error, rolledBack);
    }

    // After the try: a listener's failure must not roll back an insert that succeeded.
    options.onPinned?.(pinOfRegistry(saved));
    progress("Done", 1);
    return { sheetName, worksheetId, nameSuffix, cellWrites: plan.cellWrites, warnings };
  });
}

/* global Excel */
/**
 * Freeze for sharing: copies of the chosen template sheets in which every CAPPLAN formula is its
 * current value and every other formula stays native, reading the copies (freezePlan.ts), with a note
 * saying which library and when. The originals, the registry and the workbook's names are left as
 * they were; the copies are not registered templates. Three round trips:
 *   1. read the registry, the sheets, the names and each chosen sheet's used range (formulas, values, types);
 *   2. copy each chosen sheet after its original (Worksheet.copy, ExcelApi 1.10), name it, and ask each
 *      CAPPLAN cell of the original for its spill (Range.getSpillingToRangeOrNullObject, ExcelApi 1.12);
 *   3. write the values and the rewritten formulas, and the note; activate the first copy.
 * If sync 2 or 3 fails, a fourth deletes every sheet that was not there at sync 1 (the copies).
 */
import { excelNameKey, rangeAddress } from "../model/a1";
import type { GridRange } from "../model/a1";
import {
  CapacityPlannerError,
  CorruptRegistryError,
  NewerRegistryError,
  wrapExcelError,
} from "./errors";
import type { ExcelApi } from "./excelApi";
import {
  cellKey,
  freezeNote,
  planFreeze,
  stillComputing,
  writeMatrix,
  type ChosenSheetRead,
  type SheetFreezePlan,
} from "./freezePlan";
import { serialized } from "./serialize";
import {
  REGISTRY_KEY,
  TEMPLATE_KIND_LABELS,
  kindOf,
  parseRegistry,
  pruneRegistry,
  queueSettingRead,
  settingValue,
} from "./templateRegistry";
import { valueContent } from "../templates/blocks";

/** Freeze cannot run as asked; nothing in the workbook was changed. */
export class FreezeRefusedError extends CapacityPlannerError {
  readonly code = "FreezeRefused";

  constructor(
    readonly problem: string,
    readonly next: string
  ) {
    super(`${problem}. Nothing in the workbook was changed. ${next}`);
  }
}

export interface FreezeOptions {
  /** Worksheet ids of the template sheets to freeze (in the order to report them). */
  readonly worksheetIds: readonly string[];
  /** The library whose values the CAPPLAN cells show (the one in use), for the note. */
  readonly library: { readonly name: string; readonly version: string };
  readonly now: () => Date;
  /** Office.context.requirements.isSetSupported (copy needs ExcelApi 1.10, spills 1.12). */
  readonly isSetSupported: (name: string, version: string) => boolean;
}

export interface FrozenSheet {
  readonly sourceName: string;
  readonly name: string;
  readonly id: string;
  /** Cells that became values (CAPPLAN formulas and their spills). */
  readonly valueCells: number;
  /** Native formulas kept, of which `rewritten` now read the copies instead of the originals. */
  readonly nativeFormulas: number;
  readonly rewritten: number;
  /** The note's address on the copy ("A160"). */
  readonly noteAddress: string;
  /** Sheets not frozen that the copy's formulas read live (as the original's did). */
  readonly readsLive: readonly string[];
}

export interface FreezeResult {
  readonly sheets: readonly FrozenSheet[];
}

/** A template sheet the panel can offer (read in one sync). */
export interface FreezableSheet {
  readonly id: string;
  readonly name: string;
  readonly kindLabel: string;
  /** A board memo's Rent vs Build sheet, when it still exists. */
  readonly readsSheet: string | null;
}

/** The loaded names (excelNameKey) -> their formula. */
function nameFormulasOf(names: Excel.NamedItemCollection): Map<string, string> {
  return new Map(names.items.map((n) => [excelNameKey(n.name), n.formula]));
}

/** The workbook's template sheets, in tab order (one sync). */
export async function listFreezableSheets(excel: ExcelApi): Promise<FreezableSheet[]> {
  return excel.run(async (context) => {
    const setting = queueSettingRead(context, REGISTRY_KEY);
    const worksheets = context.workbook.worksheets.load("items/name,items/id");
    const names = context.workbook.names.load("items/name,items/formula");
    await context.sync();
    const read = parseRegistry(settingValue(setting));
    if (read.status === "newer") throw new NewerRegistryError(read.version);
    if (read.status === "corrupt") throw new CorruptRegistryError(read.problem);
    const sheets = worksheets.items.map((w) => ({ id: w.id, name: w.name }));
    const registry = pruneRegistry(read.registry, sheets, nameFormulasOf(names));
    const out: FreezableSheet[] = [];
    for (const sheet of sheets) {
      const entry = registry.sheets[sheet.id];
      if (entry === undefined) continue;
      const source =
        entry.sourceWorksheetId === undefined
          ? undefined
          : sheets.find((s) => s.id === entry.sourceWorksheetId);
      out.push({
        id: sheet.id,
        name: sheet.name,
        kindLabel: TEMPLATE_KIND_LABELS[kindOf(entry)],
        readsSheet: source?.name ?? null,
      });
    }
    return out;
  });
}

export function freezeSheets(excel: ExcelApi, options: FreezeOptions): Promise<FreezeResult> {
  return serialized(excel, () => freezeSerialized(excel, options));
}

interface SheetRead {
  readonly id: string;
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
}

function readChosen(read: SheetRead): ChosenSheetRead {
  if (read.sheet.isNullObject)
    throw new FreezeRefusedError(
      "A chosen sheet no longer exists",
      "Use Find template sheets to list the sheets again."
    );
  const used = read.used;
  if (used.isNullObject)
    return {
      id: read.id,
      name: read.sheet.name,
      used: null,
      formulas: [],
      values: [],
      valueTypes: [],
    };
  return {
    id: read.id,
    name: read.sheet.name,
    used: {
      row: used.rowIndex,
      col: used.columnIndex,
      rowCount: used.rowCount,
      colCount: used.columnCount,
    },
    formulas: used.formulas as unknown[][],
    values: used.values as unknown[][],
    valueTypes: used.valueTypes as string[][],
  };
}

function unsupported(): FreezeRefusedError {
  return new FreezeRefusedError(
    "This version of Excel cannot copy sheets for the add-in (it needs ExcelApi 1.12: Excel 2021, Microsoft 365 or Excel on the web)",
    "Use Excel's own Move or Copy and Paste Values on the CAPPLAN cells instead."
  );
}

async function freezeSerialized(excel: ExcelApi, options: FreezeOptions): Promise<FreezeResult> {
  const ids = [...new Set(options.worksheetIds)];
  if (ids.length === 0)
    throw new FreezeRefusedError("No sheet was chosen", "Tick the template sheets to freeze.");
  // Said before anything is read; the check is repeated where the 1.10/1.12 members are used (the
  // manifest tests see them guarded there).
  if (!options.isSetSupported("ExcelApi", "1.12") || !options.isSetSupported("ExcelApi", "1.10"))
    throw unsupported();
  return excel.run(async (context) => {
    // ---- sync 1: what there is
    const setting = queueSettingRead(context, REGISTRY_KEY);
    const worksheets = context.workbook.worksheets.load("items/name,items/id");
    const names = context.workbook.names.load("items/name,items/formula");
    const reads: SheetRead[] = ids.map((id) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(id);
      sheet.load("id,name");
      const used = sheet.getUsedRangeOrNullObject(false);
      used.load("rowIndex,columnIndex,rowCount,columnCount,formulas,values,valueTypes");
      return { id, sheet, used };
    });
    await context.sync();

    const registryRead = parseRegistry(settingValue(setting));
    if (registryRead.status === "newer") throw new NewerRegistryError(registryRead.version);
    if (registryRead.status === "corrupt") throw new CorruptRegistryError(registryRead.problem);
    const sheets = worksheets.items.map((w) => ({ id: w.id, name: w.name }));
    const nameFormulas = nameFormulasOf(names);
    const registry = pruneRegistry(registryRead.registry, sheets, nameFormulas);
    const chosen = reads.map(readChosen);
    const planned = planFreeze({
      entries: registry.sheets,
      sheets,
      names: nameFormulas,
      chosen,
    });
    if (!planned.ok) throw new FreezeRefusedError(planned.problem, planned.next);
    for (const [index, plan] of planned.sheets.entries()) {
      const read = chosen[index];
      for (const cell of plan.capplanCells) {
        const value =
          read?.values[cell.row - (read.used?.row ?? 0)]?.[cell.col - (read.used?.col ?? 0)];
        if (stillComputing(value))
          throw new FreezeRefusedError(
            `Excel is still computing CAPPLAN cells on '${plan.sourceName}'`,
            "Wait until no cell shows #BUSY!, then freeze again."
          );
      }
    }
    const before = new Set(sheets.map((s) => s.id));

    try {
      if (
        options.isSetSupported("ExcelApi", "1.12") &&
        options.isSetSupported("ExcelApi", "1.10")
      ) {
        // ---- sync 2: the copies, and the spills of the originals' CAPPLAN cells
        const copies: Excel.Worksheet[] = [];
        const spills: Excel.Range[][] = [];
        planned.sheets.forEach((plan, index) => {
          const original = reads[index]?.sheet;
          if (original === undefined) return;
          const copy = original.copy("After", original);
          copy.name = plan.frozenName;
          copy.load("id,name");
          copies.push(copy);
          spills.push(
            plan.capplanCells.map((cell) => {
              const spill = original.getCell(cell.row, cell.col).getSpillingToRangeOrNullObject();
              spill.load("rowIndex,columnIndex,rowCount,columnCount");
              return spill;
            })
          );
        });
        await context.sync();

        // ---- sync 3: values, rewritten formulas, the note
        const frozen: FrozenSheet[] = [];
        planned.sheets.forEach((plan, index) => {
          const copy = copies[index];
          const read = chosen[index];
          if (copy === undefined || read === undefined) return;
          const valueCells = valueCellsOf(plan, spills[index] ?? []);
          const write = writeMatrix(plan, read, valueCells);
          if (write !== null) copy.getRange(rangeAddress(write.area)).formulas = write.formulas;
          const noteAddress = rangeAddress({ ...plan.noteCell, rowCount: 1, colCount: 1 });
          const note = copy.getRange(noteAddress);
          // Text that can never become a formula (valueContent prefixes what Excel would misread).
          note.formulas = [
            [
              valueContent(
                freezeNote(`${options.library.name} ${options.library.version}`, options.now())
              ),
            ],
          ];
          note.format.font.italic = true;
          frozen.push({
            sourceName: plan.sourceName,
            name: copy.name,
            id: copy.id,
            valueCells: valueCells.size,
            nativeFormulas: plan.nativeFormulas,
            rewritten: plan.rewrites.size,
            noteAddress,
            readsLive: plan.readsLive,
          });
        });
        copies[0]?.activate();
        await context.sync();
        return { sheets: frozen };
      }
    } catch (error) {
      const removed = await rollBack(context, before);
      throw wrapExcelError(
        "freeze the sheets",
        error,
        removed,
        removed
          ? "The copies made so far were removed; the originals were not changed. Try again."
          : "Some copies may remain (sheets named '... (frozen)'): delete them; the originals were not changed."
      );
    }
    throw unsupported();
  });
}

/** Every cell that becomes a value: the CAPPLAN cells and, for a spilling one, its whole spill. */
function valueCellsOf(plan: SheetFreezePlan, spills: readonly Excel.Range[]): Set<string> {
  const out = new Set<string>();
  plan.capplanCells.forEach((cell, i) => {
    out.add(cellKey(cell.row, cell.col));
    const spill = spills[i];
    if (spill === undefined || spill.isNullObject) return;
    const area: GridRange = {
      row: spill.rowIndex,
      col: spill.columnIndex,
      rowCount: spill.rowCount,
      colCount: spill.columnCount,
    };
    for (let r = area.row; r < area.row + area.rowCount; r++)
      for (let c = area.col; c < area.col + area.colCount; c++) out.add(cellKey(r, c));
  });
  return out;
}

/** Deletes the sheets added since sync 1 (the copies); false when that failed too. */
async function rollBack(
  context: Excel.RequestContext,
  before: ReadonlySet<string>
): Promise<boolean> {
  try {
    const now = context.workbook.worksheets.load("items/id");
    await context.sync();
    const added = now.items.filter((w) => !before.has(w.id));
    if (added.length === 0) return true;
    for (const sheet of added) sheet.delete();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/* global Excel, setTimeout */
/**
 * Run risk analysis (docs/model.md section 12.13): re-runs the active template's Monte Carlo from what its
 * cells hold now and rewrites the Risk section's values with their run stamp. Loaded on first use (the
 * "template" chunk, see riskAnalysis.ts). Two syncs on success:
 *
 *   sync 1  the active sheet, the template registry, the workbook names and the sheet's used cells
 *           (values, formulas, number formats); every input the run needs is read from them by its
 *           workbook name (names carry the sheet's suffix), the anchor from where CP_RiskTrials is now;
 *   (no sync) trials and seed checked, the case built (templateRiskCase), the engine run in steps with a
 *           macrotask between them so the sidebar paints its progress, then summarized exactly as at insert;
 *   sync 2  the section's values (riskValueCells) written as constants, shifted by the rows and columns the
 *           user inserted above / left of the section; the run stamp's trials and seed last.
 *
 * Nothing is written when anything before sync 2 fails: a refused run leaves the workbook as it was. (Excel
 * applies a failing batch up to the failing operation; the stamp's trials and seed go last, so a write cut
 * short leaves a Status that says the inputs changed since the last run.)
 */
import {
  cellAddress,
  excelNameKey,
  parseCell,
  parseSheetReference,
  sameExcelName,
} from "../model/a1";
import { ModelInputError } from "../model/finance/errors";
import { findScenario, type LibraryIndex } from "../model/library/indexLibrary";
import { isolate } from "../model/library/isolate";
import { riskSettingsFor, startSimulation, MAX_SEED } from "../model/risk";
import { SIMULATION_MAX_TRIALS, SIMULATION_MIN_TRIALS } from "../model/risk/simulate";
import { cellContent } from "../templates/blocks";
import { LAYOUT, type AssumptionKey } from "../templates/layout";
import { assumptionsFromLibrary } from "../templates/rentVsBuild";
import {
  RISK_SEED_NAME_BASE,
  RISK_TRIALS_NAME_BASE,
  templateRiskCase,
  templateRiskFromRun,
  type RiskSectionRun,
} from "../templates/riskRun";
import { riskValueCells, type RiskValueCell } from "../templates/sections/risk";
import { NAME_PREFIX } from "../templates/sheetBuilder";
import {
  CorruptRegistryError,
  CorruptTemplateEntryError,
  NewerRegistryError,
  NotATemplateSheetError,
  NotARentVsBuildSheetError,
  RiskAnalysisRefusedError,
  ScenarioNotInLibraryError,
  wrapExcelError,
} from "./errors";
import type { ExcelApi } from "./excelApi";
import { serialized } from "./serialize";
import {
  REGISTRY_KEY,
  parseRegistry,
  queueSettingRead,
  registryIdOf,
  settingValue,
  kindOf,
  TEMPLATE_KIND_LABELS,
  type NameFormulas,
} from "./templateRegistry";

/** Progress for the sidebar: a fraction from 0 to 1 and what is happening. */
export type RiskProgress = (fraction: number, text: string) => void;

export interface RiskAnalysisOptions {
  readonly onProgress?: RiskProgress;
  /** The run's time in the stamp (tests); default the clock. */
  readonly now?: Date;
  /** Trials per step between progress updates (default 2,000). */
  readonly trialsPerStep?: number;
}

export interface RiskAnalysisResult {
  readonly sheetName: string;
  readonly trials: number;
  readonly seed: number;
  /** ISO 8601 UTC, as stamped. */
  readonly ranAt: string;
  /** "Name version" of the library the run used (the one in use in the sidebar). */
  readonly libraryText: string;
  /** Whether the sheet's registry entry names another library or version than the one the run used. */
  readonly otherLibrary: boolean;
  /** P50 of the difference build - rent incl. cost of delay (USD), null when no trial priced it. */
  readonly p50DifferenceWithDelay: number | null;
  /** Share of trials in which building wins incl. cost of delay (0..1). */
  readonly probabilityBuildWins: number;
  /** What the run did not take from the sheet, in words (also in the stamp). */
  readonly notes: readonly string[];
  /** Cells written in sync 2. */
  readonly cellWrites: number;
  /** The whole run (tests compare it with runTemplateRisk). */
  readonly run: RiskSectionRun;
}

export const RISK_TRIALS_PER_STEP = 2_000;

const nextMacrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface CellRead {
  readonly value: unknown;
  readonly formula: string | null;
  readonly numberFormat: string | null;
}

interface NamedCell {
  readonly row: number;
  readonly col: number;
}

/** A workbook name: letters, digits, "_", "." and "\" (Excel's rule), not starting with a digit. */
const NAME_ONLY = /^=\s*([A-Za-z_\\][A-Za-z0-9_.\\]*)\s*$/;

/** How deep "=CP_A" -> "=CP_B" -> ... is followed (the template links one level). */
const MAX_LINK_DEPTH = 4;

function loadedCell(used: Excel.Range, row: number, col: number): CellRead {
  if (used.isNullObject) return { value: "", formula: null, numberFormat: null };
  const i = row - used.rowIndex;
  const j = col - used.columnIndex;
  if (i < 0 || j < 0 || i >= used.rowCount || j >= used.columnCount)
    return { value: "", formula: null, numberFormat: null };
  const formula: unknown = used.formulas[i]?.[j];
  const format: unknown = used.numberFormat[i]?.[j];
  return {
    value: used.values[i]?.[j] ?? "",
    formula: typeof formula === "string" && formula.startsWith("=") ? formula : null,
    numberFormat: typeof format === "string" ? format : null,
  };
}

/** The cell a name refers to when it is one cell on `sheetName`, else null. */
function namedCellOn(names: NameFormulas, name: string, sheetName: string): NamedCell | null {
  const formula = names.get(excelNameKey(name));
  const target = formula === undefined ? null : parseSheetReference(formula);
  if (target === null || !sameExcelName(target.sheet, sheetName)) return null;
  if (target.range.rowCount !== 1 || target.range.colCount !== 1) return null;
  return { row: target.range.row, col: target.range.col };
}

/**
 * A named cell's value. A cell holding exactly "=<a workbook name>" (the ranges table's typical values are
 * linked so to the template's own inputs) gives that name's value: Excel's computed value is the same, but
 * it may be stale (manual calculation) and a host without a formula engine (the in-memory host without its
 * evaluate hook, which the tests use) has none; following the link gives the same number in every host.
 * Any other formula gives its computed value. Undefined when the name does not point at a cell of the sheet.
 */
function readNamed(
  names: NameFormulas,
  used: Excel.Range,
  sheetName: string
): (name: string) => unknown {
  const read = (name: string, depth: number): unknown => {
    const at = namedCellOn(names, name, sheetName);
    if (at === null) return undefined;
    const cell = loadedCell(used, at.row, at.col);
    const link = cell.formula === null ? null : NAME_ONLY.exec(cell.formula);
    if (link?.[1] !== undefined && depth < MAX_LINK_DEPTH && names.has(excelNameKey(link[1])))
      return read(link[1], depth + 1);
    return cell.value;
  };
  return (name) => read(name, 0);
}

function requireWhole(
  value: unknown,
  min: number,
  max: number,
  what: string,
  address: string
): number {
  const shown =
    typeof value === "number"
      ? String(value)
      : value === "" || value === undefined
        ? "nothing"
        : `"${isolate(String(value))}"`;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new RiskAnalysisRefusedError(
      `${what} (cell ${address}) must be a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}; it holds ${shown}`,
      `Type a ${what.toLowerCase()} in ${address} and run the risk analysis again.`
    );
  }
  return value;
}

interface Sync1 {
  readonly sheet: { readonly id: string; readonly name: string };
  readonly used: Excel.Range;
  readonly names: NameFormulas;
  readonly registry: ReturnType<typeof parseRegistry>;
  readonly sheets: readonly { readonly id: string; readonly name: string }[];
}

async function readSheet(context: Excel.RequestContext): Promise<Sync1> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("id,name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat");
  const registrySetting = queueSettingRead(context, REGISTRY_KEY);
  const worksheets = context.workbook.worksheets.load("items/id,items/name");
  const names = context.workbook.names.load("items/name,items/formula");
  await context.sync();
  return {
    sheet: { id: sheet.id, name: sheet.name },
    used,
    names: new Map(names.items.map((n) => [excelNameKey(n.name), n.formula])),
    registry: parseRegistry(settingValue(registrySetting)),
    sheets: worksheets.items.map((w) => ({ id: w.id, name: w.name })),
  };
}

/** One row's run of adjacent cells, written as one range. */
interface Segment {
  readonly row: number;
  readonly col: number;
  readonly values: (string | number | boolean)[];
}

function segments(
  cells: readonly { row: number; col: number; content: string | number | boolean }[]
): Segment[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: { row: number; col: number; values: (string | number | boolean)[] }[] = [];
  for (const cell of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.row === cell.row && last.col + last.values.length === cell.col)
      last.values.push(cell.content);
    else out.push({ row: cell.row, col: cell.col, values: [cell.content] });
  }
  return out;
}

/** A value cell's content as written: constants only, text never taken for a formula (cellContent). */
function contentOf(cell: RiskValueCell, numberFormat: string | null): string | number | boolean {
  // A non-finite number has no cell form; the cell is cleared rather than the run refused.
  if (typeof cell.value === "number" && !Number.isFinite(cell.value)) return "";
  const content = cellContent({
    address: cell.address,
    value: cell.value,
    numberFormat: numberFormat ?? undefined,
  });
  return content ?? "";
}

export async function runRiskAnalysisWith(
  excel: ExcelApi,
  index: LibraryIndex,
  options: RiskAnalysisOptions = {}
): Promise<RiskAnalysisResult> {
  const progress: RiskProgress = options.onProgress ?? (() => undefined);
  const perStep = Math.max(1, Math.floor(options.trialsPerStep ?? RISK_TRIALS_PER_STEP));
  return serialized(excel, () =>
    excel.run(async (context) => {
      progress(0, "Reading the sheet");
      let read: Sync1;
      try {
        read = await readSheet(context);
      } catch (error) {
        throw wrapExcelError("read the sheet for the risk analysis", error, true);
      }
      const { sheet, used, names } = read;

      // The sheet: a registered template (the rule of Check for updates).
      if (read.registry.status === "newer") throw new NewerRegistryError(read.registry.version);
      if (read.registry.status === "corrupt") throw new CorruptRegistryError(read.registry.problem);
      const registry = read.registry.registry;
      const damaged = registry.damaged[sheet.id];
      if (damaged !== undefined) throw new CorruptTemplateEntryError(sheet.name, damaged.problem);
      const registryId = registryIdOf(
        registry,
        sheet,
        new Set(read.sheets.map((s) => s.id)),
        names
      );
      const entry = registryId === undefined ? undefined : registry.sheets[registryId];
      if (entry === undefined) throw new NotATemplateSheetError(sheet.name);
      if (kindOf(entry) !== "rentVsBuild")
        throw new NotARentVsBuildSheetError(sheet.name, TEMPLATE_KIND_LABELS[kindOf(entry)]);
      if (findScenario(index, entry.scenarioId) === undefined)
        throw new ScenarioNotInLibraryError(entry.scenarioId, index.library.meta.name);
      const suffix = entry.nameSuffix;
      const fullName = (base: string) => `${NAME_PREFIX}${base}${suffix}`;

      // The section's anchor: where its trials cell is now.
      const trialsName = fullName(RISK_TRIALS_NAME_BASE);
      const anchor = namedCellOn(names, trialsName, sheet.name);
      if (anchor === null) {
        throw new RiskAnalysisRefusedError(
          `The sheet '${isolate(sheet.name)}' has no Risk section (no cell named ${trialsName}): it was inserted by an earlier version of Capacity Planner, or the name was deleted`,
          "Insert a new 'Rent vs Build' sheet to get the Risk section."
        );
      }
      const inserted = parseCell(`C${LAYOUT.riskSettings.trials}`);
      const dRow = anchor.row - inserted.row;
      const dCol = anchor.col - inserted.col;
      const shifted = (address: string) => {
        const at = parseCell(address);
        return { row: at.row + dRow, col: at.col + dCol };
      };
      const addressOf = (row: number, col: number) => cellAddress(row, col);

      const readName = readNamed(names, used, sheet.name);
      const trials = requireWhole(
        readName(trialsName),
        SIMULATION_MIN_TRIALS,
        SIMULATION_MAX_TRIALS,
        "Trials",
        addressOf(anchor.row, anchor.col)
      );
      const seedName = fullName(RISK_SEED_NAME_BASE);
      const seedAt = namedCellOn(names, seedName, sheet.name);
      const seed = requireWhole(
        readName(seedName),
        0,
        MAX_SEED,
        "Seed",
        seedAt === null ? seedName : addressOf(seedAt.row, seedAt.col)
      );

      // The case as the cells stand, and the engine's run in steps.
      let result: RiskSectionRun;
      try {
        const libraryValues = new Map(
          assumptionsFromLibrary(index, entry.scenarioId, suffix).map(
            (a) => [a.key as AssumptionKey, a.value] as const
          )
        );
        const t = templateRiskCase(index, entry.scenarioId, suffix, readName, libraryValues);
        const running = startSimulation(t.c, trials, seed, riskSettingsFor(index.library));
        while (running.done() < trials) {
          const done = running.step(perStep);
          progress(
            0.05 + 0.85 * (done / trials),
            `Ran ${done.toLocaleString("en-US")} of ${trials.toLocaleString("en-US")} trials`
          );
          await nextMacrotask();
        }
        progress(0.92, "Summarizing");
        result = templateRiskFromRun(t, running.result(), options.now ?? new Date());
      } catch (error) {
        if (error instanceof ModelInputError) {
          throw new RiskAnalysisRefusedError(
            `The inputs do not allow a run: ${isolate(error.message)}`,
            "Check the Low, Typical and High of the ranges table (low <= typical <= high) and the inputs above, then run again."
          );
        }
        throw error;
      }

      // Sync 2: the values at the section's current place; the stamp's trials and seed last.
      progress(0.95, "Writing the results");
      const stampRows = new Set([LAYOUT.riskStamp.trialsUsed, LAYOUT.riskStamp.seedUsed]);
      const cells = riskValueCells(result).map((cell) => {
        const at = shifted(cell.address);
        const current = loadedCell(used, at.row, at.col);
        return {
          ...at,
          last: stampRows.has(parseCell(cell.address).row + 1),
          content: contentOf(cell, current.numberFormat),
        };
      });
      const target = context.workbook.worksheets.getItem(sheet.id);
      const ordered = [
        ...segments(cells.filter((c) => !c.last)),
        ...segments(cells.filter((c) => c.last)),
      ];
      for (const segment of ordered) {
        target.getRangeByIndexes(segment.row, segment.col, 1, segment.values.length).values = [
          segment.values,
        ];
      }
      try {
        await context.sync();
      } catch (error) {
        throw wrapExcelError(
          "write the risk analysis",
          error,
          false,
          "Some results may have been written: the Status cell says so. Close any cell you are editing and run the risk analysis again."
        );
      }
      progress(1, "Done");
      const difference = result.summary.outputs.differenceWithDelay;
      return {
        sheetName: sheet.name,
        trials,
        seed,
        ranAt: result.ranAt,
        libraryText: result.libraryText,
        otherLibrary:
          entry.libraryId !== index.library.meta.id ||
          entry.libraryVersion !== index.library.meta.version,
        p50DifferenceWithDelay: difference === null ? null : (difference.percentiles[2] ?? null),
        probabilityBuildWins: result.summary.probabilityBuildWins,
        notes: result.notes,
        cellWrites: cells.length,
        run: result,
      };
    })
  );
}

/* global Excel, OfficeExtension */
/**
 * Trace to source, the Excel side: one sync reads the active cell (address, formula, value), its
 * sheet (id, name), the sheet's labels (column A), the workbook's sheets and names and the template
 * registry; src/templates/trace.ts explains the cell from that, with no Excel call. Select precedents
 * is one more sync, from what the trace found. Following the selection registers
 * Workbook.onSelectionChanged (ExcelApi 1.2) in the trace's own sync.
 */
import { excelNameKey } from "../model/a1";
import type { LibraryIndex } from "../model/library/indexLibrary";
import type { CellScalar } from "../templates/refreshPlan";
import type { Precedent } from "../templates/formulaTokens";
import type { TraceEntry, TraceFacts, TraceResult } from "../templates/trace";
import { loadCode } from "./errors";
import type { ExcelApi } from "./excelApi";
import {
  kindOf,
  parseRegistry,
  queueSettingRead,
  registryIdOf,
  REGISTRY_KEY,
  settingValue,
  TEMPLATE_KIND_LABELS,
  type NameFormulas,
} from "./templateRegistry";

export type { TraceResult } from "../templates/trace";
export type { Precedent } from "../templates/formulaTokens";

/** Called when the selection changes (after Excel's event; never inside a batch). */
export type SelectionListener = () => void;

/** A registered selection-changed handler; `stop` removes it (1 sync, in the context it was added in). */
export interface Following {
  stop(): Promise<void>;
}

export interface TraceOutcome {
  readonly result: TraceResult;
  /** Set when `follow` was asked for and Excel accepted the handler. */
  readonly following?: Following;
  /** Why following could not start, when it was asked for and could not. */
  readonly followProblem?: string;
}

function scalar(value: unknown): CellScalar {
  return typeof value === "number" || typeof value === "string" || typeof value === "boolean"
    ? value
    : "";
}

/**
 * Traces the active cell in exactly one sync. With `follow`, the same sync registers `follow` for
 * Workbook.onSelectionChanged, and the outcome says how to stop it.
 */
export async function traceSelection(
  excel: ExcelApi,
  index: LibraryIndex,
  options: { readonly follow?: SelectionListener } = {}
): Promise<TraceOutcome> {
  // The template code comes with the insert's chunk, loaded on first use (see riskAnalysis.ts).
  const { traceCell } = await loadCode(
    () => import(/* webpackChunkName: "template" */ "../templates/trace")
  );
  return excel.run(async (context) => {
    const cell = context.workbook.getActiveCell();
    cell.load("address,formulas,values,rowIndex,columnIndex");
    const sheet = context.workbook.worksheets.getActiveWorksheet().load("id,name");
    // Column A of the used range: the row labels the cell is matched by (a template starts at A1).
    const used = sheet.getUsedRange(true);
    used.load("rowIndex,columnIndex");
    const labels = used.getColumn(0).load("values");
    const worksheets = context.workbook.worksheets.load("items/id,items/name");
    const names = context.workbook.names.load("items/name,items/formula");
    const setting = queueSettingRead(context, REGISTRY_KEY);

    let registration: OfficeExtension.EventHandlerResult<Excel.SelectionChangedEventArgs> | null =
      null;
    let followProblem: string | undefined;
    if (options.follow !== undefined) {
      const listener = options.follow;
      const events = (context.workbook as Partial<Pick<Excel.Workbook, "onSelectionChanged">>)
        .onSelectionChanged;
      if (events === undefined)
        followProblem = "This version of Excel does not tell add-ins when the selection changes.";
      else
        registration = events.add(async () => {
          listener();
          await Promise.resolve();
        });
    }
    await context.sync();

    const nameFormulas: NameFormulas = new Map(
      names.items.map((n) => [excelNameKey(n.name), n.formula] as const)
    );
    const read = parseRegistry(settingValue(setting));
    let entry: TraceEntry | undefined;
    let registryProblem: string | undefined;
    if (read.status === "ok") {
      const ids = new Set(worksheets.items.map((w) => w.id));
      const id = registryIdOf(read.registry, { id: sheet.id, name: sheet.name }, ids, nameFormulas);
      const found = id === undefined ? undefined : read.registry.sheets[id];
      const damaged = id === undefined ? undefined : read.registry.damaged[id];
      if (found !== undefined) {
        const kind = kindOf(found);
        entry = {
          kind,
          kindLabel: TEMPLATE_KIND_LABELS[kind],
          scenarioId: found.scenarioId,
          nameSuffix: found.nameSuffix,
          libraryId: found.libraryId,
          libraryVersion: found.libraryVersion,
          assumptions: found.assumptions,
        };
      } else if (damaged !== undefined)
        registryProblem = `its record in this workbook is damaged (${damaged.problem})`;
    } else
      registryProblem =
        read.status === "newer"
          ? `the workbook was saved by a newer version of Capacity Planner (record version ${read.version})`
          : `the Capacity Planner record in this workbook is damaged (${read.problem})`;

    const labelMap = new Map<number, string>();
    if (used.columnIndex === 0)
      labels.values.forEach((row, i) => {
        const text = row[0];
        if (typeof text === "string" && text !== "") labelMap.set(used.rowIndex + i, text);
      });
    const facts: TraceFacts = {
      sheetName: sheet.name,
      row: cell.rowIndex,
      col: cell.columnIndex,
      formula: scalar(cell.formulas[0]?.[0]),
      value: scalar(cell.values[0]?.[0]),
      entry,
      ...(registryProblem === undefined ? {} : { registryProblem }),
      names: names.items.map((n) => ({ name: n.name, formula: n.formula })),
      labels: labelMap,
    };
    const result = traceCell(index, facts);
    if (registration === null)
      return { result, ...(followProblem === undefined ? {} : { followProblem }) };
    const added = registration;
    return {
      result,
      following: {
        stop: () =>
          excel.run(added.context, async (again) => {
            added.remove();
            await again.sync();
          }),
      },
    };
  });
}

/** Office.context.requirements: which API sets this Excel supports. */
export interface Requirements {
  isSetSupported(name: string, minVersion: string): boolean;
}

export interface SelectedPrecedents {
  /** The sheet the selection is on now. */
  readonly sheet: string;
  readonly selected: readonly Precedent[];
  /** Precedents on other sheets, not selected (Excel selects on one sheet at a time). */
  readonly elsewhere: readonly Precedent[];
  /** Only the first was selected: this Excel cannot select several areas (RangeAreas.select, ExcelApi 1.18). */
  readonly firstOnly: boolean;
}

/**
 * Selects the precedents a trace found, in one sync: those on the traced cell's sheet, else those on
 * the first other sheet they are on (activating it). Several at once need Worksheet.getRanges
 * (ExcelApi 1.9) and RangeAreas.select (ExcelApi 1.18); an older Excel selects the first one only. Throws when there is nothing to select.
 */
export async function selectPrecedents(
  excel: ExcelApi,
  precedents: readonly Precedent[],
  formulaSheet: string,
  requirements: Requirements
): Promise<SelectedPrecedents> {
  const first = precedents[0];
  if (first === undefined) throw new Error("The cell has no precedents to select.");
  const same = (a: string, b: string): boolean => excelNameKey(a) === excelNameKey(b);
  const target = precedents.some((p) => same(p.sheet, formulaSheet)) ? formulaSheet : first.sheet;
  const here = precedents.filter((p) => same(p.sheet, target));
  const elsewhere = precedents.filter((p) => !same(p.sheet, target));
  let severalAreas = false;
  const chosen = here.length > 1 ? here : [here[0] ?? first];
  return excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(target);
    if (!same(target, formulaSheet)) sheet.activate();
    if (chosen.length > 1 && requirements.isSetSupported("ExcelApi", "1.18")) {
      severalAreas = true;
      sheet.getRanges(chosen.map((p) => p.address).join(",")).select();
    } else sheet.getRange((chosen[0] ?? first).address).select();
    await context.sync();
    return {
      sheet: target,
      selected: severalAreas ? chosen : chosen.slice(0, 1),
      elsewhere,
      firstOnly: !severalAreas && chosen.length > 1,
    };
  });
}

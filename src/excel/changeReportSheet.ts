/**
 * "Add as sheet" of the change report: a new "What changed" sheet (a free name: "What changed (2)" after the
 * first) holding the report as values only, in 2 syncs: read the sheet names, then add the sheet, write and
 * format it and activate it in one batch. Text goes through valueContent, so no library text (a source, a
 * label) can become a formula. If the batch fails, the sheet it added is deleted again (one more sync), so a
 * failed action leaves the workbook as it was.
 */
import { cellAddress } from "../model/a1";
import { valueContent } from "../templates/blocks";
import type { ChangeReport, ChangeReportRow, HeadlineResult } from "../templates/changeReport";
import { CHANGE_REPORT_HEADLINES, asOfOnlyText, outcomeText } from "../templates/changeReportText";
import { FORMAT } from "../templates/formats";
import { wrapExcelError } from "./errors";
import type { ExcelApi } from "./excelApi";
import { serialized } from "./serialize";
import { nextSheetName } from "./sheetNames";

export const CHANGE_REPORT_SHEET_BASE = "What changed";

type Cell = string | number | boolean;

const WIDTH = 7;

function scalar(value: ChangeReportRow["before"]): Cell {
  return value === null ? "(missing)" : value;
}

function headlineCells(result: HeadlineResult, pick: "difference" | "differenceWithDelay"): Cell {
  return result.ok ? result.headline[pick] : "not computed";
}

/** The report as rows of WIDTH cells (values only), and which rows are headings / money. */
export function changeReportGrid(report: ChangeReport): {
  readonly rows: Cell[][];
  readonly headings: number[];
  readonly money: { readonly row: number; readonly cols: readonly number[] }[];
} {
  const rows: Cell[][] = [];
  const headings: number[] = [];
  const money: { row: number; cols: number[] }[] = [];
  const push = (cells: Cell[], heading = false): void => {
    if (heading) headings.push(rows.length);
    rows.push([...cells, ...Array<Cell>(WIDTH - cells.length).fill("")]);
  };
  const { libraryBefore: before, libraryAfter: after } = report;
  push(["What changed"], true);
  push([`Refresh of the sheet '${report.sheetName}', applied ${report.appliedAt}`]);
  push([
    `Library: ${after.name} version ${after.version} (id ${after.id}); before: ${before.id} version ${before.version}`,
  ]);
  push([]);
  push(["Headline result", "Unit", "Before", "After", "Change"], true);
  const change = report.change;
  const line = (label: string, pick: "difference" | "differenceWithDelay"): void => {
    money.push({ row: rows.length, cols: [2, 3, 4] });
    push([
      label,
      "USD",
      headlineCells(report.before, pick),
      headlineCells(report.after, pick),
      change === null ? "" : change[pick],
    ]);
  };
  for (const { key, label } of CHANGE_REPORT_HEADLINES) line(label, key);
  if (!report.before.ok) push([`Before not computed: ${report.before.reason}`]);
  if (!report.after.ok) push([`After not computed: ${report.after.reason}`]);
  if (report.matchesSheet === false)
    push([
      "The sheet's result cells showed other numbers before the refresh (its formulas were edited): the effect is the template's arithmetic.",
    ]);
  push([]);
  push(["Assumption", "Unit", "Before", "After", "Outcome", "Source", "As of"], true);
  for (const row of report.rows)
    push([
      row.label,
      row.unit,
      scalar(row.before),
      scalar(row.after),
      outcomeText(row),
      row.source,
      row.asOf,
    ]);
  if (report.rows.length === 0) push(["No assumption changed."]);
  const asOf = asOfOnlyText(report.asOfOnly);
  if (asOf !== null) push([asOf]);
  return { rows, headings, money };
}

/** Adds the report as a new sheet and activates it; returns its name. 2 syncs. */
export async function addChangeReportSheet(
  excel: ExcelApi,
  report: ChangeReport
): Promise<{ readonly sheetName: string }> {
  const grid = changeReportGrid(report);
  return serialized(excel, async () => {
    const name = await excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return nextSheetName(
        sheets.items.map((s) => s.name),
        CHANGE_REPORT_SHEET_BASE
      ).name;
    });
    try {
      await excel.run(async (context) => {
        const ws = context.workbook.worksheets.add(name);
        const last = cellAddress(grid.rows.length - 1, WIDTH - 1);
        const all = ws.getRange(`A1:${last}`);
        // Every text through valueContent: one that looks like a formula is written as text.
        all.values = grid.rows.map((cells) => cells.map((c) => valueContent(c)));
        for (const row of grid.headings)
          ws.getRange(`A${row + 1}:${cellAddress(row, WIDTH - 1)}`).format.font.bold = true;
        for (const { row, cols } of grid.money)
          for (const col of cols) ws.getRange(cellAddress(row, col)).numberFormat = [[FORMAT.usd]];
        all.format.autofitColumns();
        ws.activate();
        await context.sync();
      });
    } catch (error) {
      // The name was free a moment ago: a sheet of that name now is the one the failed batch added.
      let removed = false;
      try {
        await excel.run(async (context) => {
          const added = context.workbook.worksheets.getItemOrNullObject(name);
          added.load("name");
          await context.sync();
          if (!added.isNullObject) {
            added.delete();
            await context.sync();
          }
        });
        removed = true;
      } catch {
        // The error below says the sheet may be left.
      }
      throw wrapExcelError(
        "add the change report sheet",
        error,
        removed,
        removed ? undefined : `A partly written sheet '${name}' may be left: delete it.`
      );
    }
    return { sheetName: name };
  });
}

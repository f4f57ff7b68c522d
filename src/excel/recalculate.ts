/* global Excel */
/**
 * After what the CAPPLAN functions answer with changes (another library, or the workbook's library found
 * missing), their cells must recompute: custom functions are not volatile, so Excel would not run them
 * again by itself. A full recalculation is costly in big workbooks, so callers ask for one only when the
 * answers changed (activeLibrary.ts's answersToken). Hosts without the application object are skipped.
 */
import type { ExcelApi } from "./excelApi";

/** Excel.run, plus the CalculationType enum when the host has it (office.js does). */
export type RecalcExcel = ExcelApi & Partial<Pick<typeof Excel, "CalculationType">>;

/** "unchanged": nothing the functions answer with changed, so no recalculation was asked for. */
export type RecalcOutcome = "recalculated" | "unchanged" | "unsupported" | "failed";

export async function requestFullRecalculation(excel: RecalcExcel): Promise<RecalcOutcome> {
  const full = excel.CalculationType?.full ?? "Full";
  try {
    return await excel.run(async (context) => {
      const application = (context.workbook as { application?: Excel.Application }).application;
      if (
        application === undefined ||
        application === null ||
        typeof application.calculate !== "function"
      ) {
        return "unsupported";
      }
      application.calculate(full);
      await context.sync();
      return "recalculated";
    });
  } catch {
    return "failed";
  }
}

/** A full recalculation only when the token of what the functions answer with changed. */
export async function recalculateIfChanged(
  excel: RecalcExcel,
  before: string,
  after: string
): Promise<RecalcOutcome> {
  return before === after ? "unchanged" : requestFullRecalculation(excel);
}

/* global Excel */
/**
 * After the library changes, CAPPLAN formulas must recompute with it: ask Excel for a full
 * recalculation. Hosts without the application object (the in-memory test host) are skipped.
 */
import type { ExcelApi } from "../excel/excelApi";

/** Excel.run, plus the CalculationType enum when the host has it (office.js does). */
export type RecalcExcel = ExcelApi & Partial<Pick<typeof Excel, "CalculationType">>;

export type RecalcOutcome = "recalculated" | "unsupported" | "failed";

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

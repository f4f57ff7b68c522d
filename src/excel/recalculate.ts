/* global Excel */
/**
 * After what the CAPPLAN functions answer with changes (another library, or the workbook's library found
 * missing), their cells must recompute: custom functions are not volatile, so Excel would not run them
 * again by itself. A full recalculation is costly in big workbooks, so callers ask for one only when the
 * answers changed (activeLibrary.ts's answersToken). Hosts without the application object are skipped.
 */
import { setRecalculationPending } from "../shared-state/activeLibrary";
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
      setRecalculationPending(false); // every cell has the current answers now
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

/**
 * For a recalculation that must happen (cells hold answers that are no longer right): when Excel refused it,
 * asks once more (a refusal is often momentary: a cell being edited, a dialog open); when that fails too,
 * records that the user must recalculate, which LIBRARY() and the pane's Library panel then say, so cells
 * never keep another library's numbers silently.
 */
export async function retryFailedRecalculation(
  excel: RecalcExcel,
  outcome: RecalcOutcome
): Promise<RecalcOutcome> {
  if (outcome !== "failed") return outcome;
  const again = await requestFullRecalculation(excel);
  if (again === "failed") setRecalculationPending(true);
  return again;
}

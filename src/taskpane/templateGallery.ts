/**
 * The templates the Insert template panel offers, one entry each: what the gallery shows (title, one-line
 * description) and how to insert it. A template is one more entry here.
 */
import { insertBoardMemo } from "../excel/insertBoardMemo";
import type { ExcelApi } from "../excel/excelApi";
import type { InsertOptions, InsertProgress, InsertResult } from "../excel/insertSheet";
import { insertOptionsComparison } from "../excel/insertOptionsComparison";
import { insertTemplate } from "../excel/insertTemplate";
import type { LibraryIndex } from "../model/library/indexLibrary";

export interface TemplateRequest {
  readonly excel: ExcelApi;
  readonly index: LibraryIndex;
  /** The selected model's id; null when none is selected (only for templates that need none). */
  readonly scenarioId: string | null;
}

export interface TemplateChoice {
  /** Stable id (also the radio's value). */
  readonly id: string;
  readonly title: string;
  /** One line: what the sheet holds. */
  readonly description: string;
  /** Built from the selected model: Insert waits until one is selected. */
  readonly needsScenario: boolean;
  /** What to tell the user after the insert (the message's next step). */
  readonly next: string;
  readonly insert: (
    request: TemplateRequest,
    onProgress: InsertProgress,
    options: InsertOptions
  ) => Promise<InsertResult>;
}

function scenarioOf(request: TemplateRequest): string {
  if (request.scenarioId === null) throw new Error("Select a model above first.");
  return request.scenarioId;
}

export const TEMPLATE_CHOICES: readonly TemplateChoice[] = [
  {
    id: "rentVsBuild",
    title: "Rent vs Build",
    description:
      "Inputs with their sources, results, yearly cash flows, a chart and a sensitivity grid for the selected model.",
    needsScenario: true,
    next: "The new sheet is active. Blue cells are inputs you can change; when the library changes, select the sheet and choose Check for updates.",
    insert: (request, onProgress, options) =>
      insertTemplate(request.excel, request.index, scenarioOf(request), onProgress, options),
  },
  {
    id: "options",
    title: "Options comparison",
    description:
      "All six routes of CAPPLAN.OPTIONS side by side, ranked, with a bar chart and a waterfall of the gap between the two best.",
    needsScenario: true,
    next: "The new sheet is active. Change the blue inputs (GPU, count, years, region, discount rate) and the routes, the ranking and both charts recalculate.",
    insert: (request, onProgress, options) =>
      insertOptionsComparison(
        request.excel,
        request.index,
        scenarioOf(request),
        onProgress,
        options
      ),
  },
  {
    id: "boardMemo",
    title: "Board memo",
    description:
      "One printable landscape page summarising the active Rent vs Build sheet: the decision, the numbers a CFO asks for, the risk percentiles, the cumulative cost chart and the sources.",
    // It summarises the active sheet, not the selected model: select a Rent vs Build sheet first.
    needsScenario: false,
    next: "The memo is active and follows its Rent vs Build sheet: edits, refreshes and risk runs there show here. Print it on A4 or Letter, landscape, one page.",
    insert: (request, onProgress, options) =>
      insertBoardMemo(request.excel, request.index, onProgress, options),
  },
];

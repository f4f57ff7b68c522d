/**
 * "Export .xlsx": the workbook as an Excel file, written by exceljs. Loaded on demand (the
 * workbench imports this module dynamically), so exceljs is a separate chunk and the page starts
 * without it.
 *
 * Written: sheet names, order, visibility and tab colors; formulas (with their computed value as
 * the cached result, so the file shows numbers before Excel recalculates) and constants; number
 * formats, fonts, fills, alignment; column widths and row heights; workbook names that refer to
 * ranges; a sheet's page setup when it was set (orientation, fit to pages or scale, centring, margins,
 * print area; never a paper size, which the host does not model: Excel then uses the printer's default).
 * Not written: charts and document settings (exceljs cannot), names holding constants.
 * A spilled result is written as values below its formula: exceljs cannot mark a dynamic array,
 * and Excel would otherwise open the formula as a single-cell (implicit intersection) formula.
 *
 * CAPPLAN cells (issue 7, #10). Excel does not store a JavaScript custom function under the name
 * typed: it saves `=CAPPLAN.GPUCOST(...)` as `_xldudf_CAPPLAN_GPUCOST(...)` (prefix `_xldudf_`,
 * dots as underscores), and maps that back to the add-in's function once the add-in's manifest is
 * loaded; a plain `CAPPLAN.GPUCOST(` in a file is an unknown function and stays #NAME? even when the
 * add-in is installed (src/dev/workbench/README.md, "Export .xlsx", cites the sources). So:
 *  - "formulas" (default): CAPPLAN calls are written the way Excel writes them, each cell with its
 *    computed value cached; for a recipient with the add-in the cells stay live.
 *  - "values": every cell whose formula calls CAPPLAN is written as its value, with a note giving
 *    the formula it came from; native formulas stay formulas. For a recipient without the add-in.
 *  - "frozen" (issue 11, Freeze for sharing): as "values" but like the sidebar's frozen copies: no
 *    comment per cell, and on each sheet that had CAPPLAN cells the note "Frozen from library <name>
 *    <version> on <date>: ..." (src/templates/freezeNote.ts) two rows below its used range, in italics.
 *    Sheets frozen in the sidebar already hold values and native formulas that read their own cells
 *    (explicit addresses, no sheet-scoped names), so every mode writes them as they are.
 */
import type {
  Workbook,
  CellErrorValue,
  CellValue as XlsxCellValue,
  Fill,
  Font,
  PageSetup,
} from "exceljs";
import { rangeAddress } from "../../model/a1";
import {
  tryParseAddress,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  DEFAULT_PAGE_LAYOUT,
  isErrorValue,
} from "../excel-host";
import type { CellFormat, CellValue, GridRange, PageLayoutRecord } from "../excel-host";
import type { HyperFormulaCellStore } from "./hyperFormulaStore";
import { callsCapplan } from "../../model/formulaText";
import { freezeNote, noteCellBelow } from "../../templates/freezeNote";

type ExcelJsModule = typeof import("exceljs");

const XLSX_ERRORS: ReadonlySet<string> = new Set([
  "#N/A",
  "#REF!",
  "#NAME?",
  "#DIV/0!",
  "#NULL!",
  "#VALUE!",
  "#NUM!",
]);
export interface ExportOptions {
  /** How cells that call CAPPLAN functions are written (see the file comment). Default "formulas". */
  readonly capplan?: "formulas" | "values" | "frozen";
  /** "frozen": the date in the note (default now). */
  readonly now?: Date;
}

/** Excel's file prefix for a JavaScript custom function's name. */
export const CUSTOM_FUNCTION_FILE_PREFIX = "_xldudf_";

const STRING_OR_CAPPLAN_CALL = /("(?:[^"]|"")*")|\bCAPPLAN\.([A-Za-z0-9_.]+)(\s*\()/gi;

/**
 * Does the formula call a CAPPLAN function (outside string literals)? The sidebar's Freeze for sharing
 * asks the same question of the same lexer, so "Export values/frozen .xlsx" and a frozen copy agree on
 * which cells become values.
 */
export { callsCapplan };

/**
 * The formula as Excel stores it in a file: `CAPPLAN.X(` -> `_xldudf_CAPPLAN_X(` outside string
 * literals; everything else as typed (without the leading "=", as exceljs wants).
 */
export function fileFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return body.replace(
    STRING_OR_CAPPLAN_CALL,
    (
      whole: string,
      text: string | undefined,
      name: string | undefined,
      paren: string | undefined
    ) =>
      text !== undefined || name === undefined
        ? whole
        : `${CUSTOM_FUNCTION_FILE_PREFIX}CAPPLAN_${name.replace(/\./g, "_").toUpperCase()}${paren ?? "("}`
  );
}

/** Columns/rows scanned past the used range for custom widths/heights. */
const LAYOUT_MARGIN = 30;

async function loadExcelJs(): Promise<ExcelJsModule> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as ExcelJsModule & {
    default?: ExcelJsModule;
  };
  // A CommonJS/UMD module may come wrapped as the namespace's default export.
  return mod.Workbook !== undefined ? mod : (mod.default ?? mod);
}

function asError(code: string): CellErrorValue {
  // exceljs knows Excel's seven classic errors; newer ones (#SPILL!, #BUSY!...) are written as #N/A.
  return { error: (XLSX_ERRORS.has(code) ? code : "#N/A") as CellErrorValue["error"] };
}

function cachedResult(value: CellValue): number | string | boolean | CellErrorValue | undefined {
  if (value === null) return undefined;
  if (typeof value === "string" && isErrorValue(value)) return asError(value);
  return value;
}

function constant(value: CellValue): XlsxCellValue {
  if (typeof value === "string" && isErrorValue(value)) return asError(value);
  return value;
}

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

function fontOf(format: CellFormat): Partial<Font> | null {
  const f = format.font;
  if (!f.bold && !f.italic && f.color === "#000000" && f.size === 11 && f.name === "Calibri")
    return null;
  return {
    bold: f.bold,
    italic: f.italic,
    size: f.size,
    name: f.name,
    color: { argb: argb(f.color) },
  };
}

const HORIZONTAL: Readonly<
  Record<
    string,
    "left" | "center" | "right" | "fill" | "justify" | "centerContinuous" | "distributed"
  >
> = {
  Left: "left",
  Center: "center",
  Right: "right",
  Fill: "fill",
  Justify: "justify",
  CenterAcrossSelection: "centerContinuous",
  Distributed: "distributed",
};

/** Points per inch: the host keeps margins in points, a file in inches. */
const POINTS_PER_INCH = 72;

/**
 * The print area as exceljs wants it: exceljs writes `'Sheet'!$` + each end, so "A$1:K$55" becomes the
 * absolute "$A$1:$K$55" Excel saves (with "A1:K55" the rows would be relative, and move with the cell).
 */
function exceljsPrintArea(range: GridRange): string {
  const end = (row: number, col: number): string =>
    rangeAddress({ row, col, rowCount: 1, colCount: 1 }).replace(/([0-9]+)$/, "$$$1");
  return `${end(range.row, range.col)}:${end(range.row + range.rowCount - 1, range.col + range.colCount - 1)}`;
}

/**
 * A page setup as exceljs writes it (<pageSetup>, <pageMargins>, <printOptions>, the _xlnm.Print_Area name),
 * or null for Excel's defaults (nothing to write).
 */
export function pageSetupOf(layout: PageLayoutRecord): Partial<PageSetup> | null {
  if (JSON.stringify(layout) === JSON.stringify(DEFAULT_PAGE_LAYOUT)) return null;
  const { zoom, margins, printArea } = layout;
  const inches = (points: number): number => points / POINTS_PER_INCH;
  return {
    orientation: layout.orientation === "Landscape" ? "landscape" : "portrait",
    ...(zoom.scale !== null
      ? { fitToPage: false, scale: zoom.scale }
      : {
          fitToPage: true,
          // 0: as many pages as needed in that direction (Excel's blank "tall" box).
          fitToWidth: zoom.horizontalFitToPages ?? 0,
          fitToHeight: zoom.verticalFitToPages ?? 0,
        }),
    horizontalCentered: layout.centerHorizontally,
    verticalCentered: layout.centerVertically,
    margins: {
      top: inches(margins.top),
      bottom: inches(margins.bottom),
      left: inches(margins.left),
      right: inches(margins.right),
      header: inches(margins.header),
      footer: inches(margins.footer),
    },
    ...(printArea === null ? {} : { printArea: exceljsPrintArea(printArea) }),
  };
}

/** Points -> Excel's column width unit (characters of the default font: 64 px = 8.43). */
export function pointsToCharacters(points: number): number {
  return Math.max(0, Math.round((((points * 4) / 3 - 5) / 7) * 100) / 100);
}

export async function buildWorkbook(
  store: HyperFormulaCellStore,
  options: ExportOptions = {}
): Promise<Workbook> {
  const frozen = options.capplan === "frozen";
  const valuesOnly = options.capplan === "values" || frozen;
  // The library the CAPPLAN cells were computed with, as CAPPLAN.LIBRARY() says it ("<name> <version>").
  const note = frozen
    ? freezeNote(
        String(store.evaluateFormula("=CAPPLAN.LIBRARY()") ?? "unknown"),
        options.now ?? new Date()
      )
    : "";
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Capacity Planner workbench";
  workbook.created = new Date();
  // Use the cached values on open rather than asking for a full recalculation (Excel may still
  // recalculate a file saved by an older calculation engine: see the README).
  workbook.calcProperties.fullCalcOnLoad = false;
  for (const sheet of store.listSheets()) {
    const ws = workbook.addWorksheet(sheet.name, {
      state:
        sheet.visibility === "Visible"
          ? "visible"
          : sheet.visibility === "Hidden"
            ? "hidden"
            : "veryHidden",
      properties: sheet.tabColor !== "" ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    });
    const pageSetup = pageSetupOf(store.getPageLayout(sheet.id));
    if (pageSetup !== null) Object.assign(ws.pageSetup, pageSetup);
    const used = store.getUsedBounds(sheet.id, false);
    const lastRow = (used === null ? 0 : used.row + used.rowCount) + LAYOUT_MARGIN;
    const lastCol = (used === null ? 0 : used.col + used.colCount) + LAYOUT_MARGIN;
    for (let col = 0; col < lastCol; col++) {
      const width = store.getColumnWidth(sheet.id, col);
      if (width !== DEFAULT_COLUMN_WIDTH) ws.getColumn(col + 1).width = pointsToCharacters(width);
    }
    for (let row = 0; row < lastRow; row++) {
      const height = store.getRowHeight(sheet.id, row);
      if (height !== DEFAULT_ROW_HEIGHT) ws.getRow(row + 1).height = height;
    }
    if (used === null) continue;
    let frozeCells = false;
    for (let row = used.row; row < used.row + used.rowCount; row++) {
      for (let col = used.col; col < used.col + used.colCount; col++) {
        const content = store.getCellContent(sheet.id, row, col);
        const { value } = store.getCell(sheet.id, row, col);
        const format = store.getFormat(sheet.id, row, col);
        const cell = ws.getCell(row + 1, col + 1);
        if (content.formula !== null && valuesOnly && callsCapplan(content.formula)) {
          // Values-only export: the number (or text, or error) the add-in computed, marked as such.
          if (value !== null) cell.value = constant(value);
          frozeCells = true;
          if (!frozen)
            cell.note = `Value computed by the Capacity Planner add-in: ${content.formula} (exported as a value; the formula is not in this file)`;
        } else if (content.formula !== null) {
          const result = cachedResult(value);
          const formula = fileFormula(content.formula);
          cell.value = result === undefined ? { formula } : { formula, result };
        } else if (value !== null) {
          cell.value = constant(value);
        }
        if (format.numberFormat !== "General") cell.numFmt = format.numberFormat;
        const font = fontOf(format);
        if (font !== null) cell.font = font;
        if (format.fillColor !== null) {
          const fill: Fill = {
            type: "pattern",
            pattern: "solid",
            fgColor: { argb: argb(format.fillColor) },
          };
          cell.fill = fill;
        }
        const horizontal = HORIZONTAL[format.horizontalAlignment];
        if (horizontal !== undefined || format.wrapText) {
          cell.alignment = {
            ...(horizontal !== undefined ? { horizontal } : {}),
            ...(format.wrapText ? { wrapText: true } : {}),
          };
        }
      }
    }
    if (frozen && frozeCells) {
      // The same note, at the same place, as the sidebar's frozen copy (exceljs writes text as text).
      const at = noteCellBelow(store.getUsedBounds(sheet.id, false));
      const cell = ws.getCell(at.row + 1, at.col + 1);
      cell.value = note;
      cell.font = { italic: true };
    }
  }
  for (const name of store.listNames()) {
    const parsed = tryParseAddress(name.formula.replace(/^=/, ""));
    if (parsed !== null && parsed.sheet !== null)
      workbook.definedNames.add(name.formula.replace(/^=/, ""), name.name);
  }
  return workbook;
}

/** The .xlsx file's bytes. */
export async function exportXlsx(
  store: HyperFormulaCellStore,
  options: ExportOptions = {}
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = await buildWorkbook(store, options);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

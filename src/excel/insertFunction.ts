/**
 * Insert function (the sidebar's function finder): writes one formula into the active cell in ONE sync.
 * The same batch reads, before the write, what the cell held, the template registry and the workbook's
 * names; if the active cell turns out to be an input cell of a template (a cell named by one of its
 * recorded assumptions), a second sync puts back exactly what the cell held and the insert is refused,
 * so the workbook is as it was. If Excel refuses the write, the batch stops there (the write is its last
 * operation) and nothing changed.
 *
 * The formula comes from src/taskpane/functionFormula.ts (built from validated pieces only); this module
 * re-checks that it is one CAPPLAN call of at most 8,192 characters before it writes.
 */
import { CapacityPlannerError, wrapExcelError } from "./errors";
import type { ExcelApi } from "./excelApi";
import { excelNameKey, parseSheetReference, sameExcelName } from "../model/a1";
import { NAME_PREFIX } from "../templates/sheetBuilder";
import { parseRegistry, REGISTRY_KEY } from "./templateRegistry";

export const MAX_FORMULA_LENGTH = 8192;

/** Nothing was inserted: the active cell is a template's input cell. Raised after the cell was put back. */
export class TemplateInputCellError extends CapacityPlannerError {
  readonly code = "TemplateInputCell";

  constructor(
    readonly address: string,
    readonly inputName: string
  ) {
    super(
      `${address} is the template input ${inputName}: a formula there would replace the library's value. Nothing in the workbook was changed. Select an empty cell outside the template's inputs and insert the function again.`
    );
  }
}

export interface InsertedFunction {
  /** Where the formula went, as Excel names it ("Sheet1!B2"). */
  readonly address: string;
}

interface NameItem {
  readonly name: string;
  readonly formula: string;
}

/**
 * The name of the template input at `address` ("Sheet1!B2"), or null. The inputs are the names the
 * registry records for its sheets' assumptions; when the registry cannot be read (damaged, or written
 * by a newer version), every name the templates define (CP_...) counts, so a doubt refuses.
 */
export function templateInputAt(
  address: string,
  registryRaw: unknown,
  names: readonly NameItem[]
): string | null {
  const cell = parseSheetReference(address);
  if (cell === null) return null;
  const read = parseRegistry(registryRaw);
  const inputs = new Set<string>();
  const everyTemplateName = read.status !== "ok";
  if (read.status === "ok")
    for (const entry of Object.values(read.registry.sheets))
      for (const a of Object.values(entry.assumptions)) inputs.add(excelNameKey(a.name));
  for (const item of names) {
    const isInput = everyTemplateName
      ? excelNameKey(item.name).startsWith(NAME_PREFIX.toUpperCase())
      : inputs.has(excelNameKey(item.name));
    if (!isInput) continue;
    const target = parseSheetReference(item.formula);
    if (target === null || !sameExcelName(target.sheet, cell.sheet)) continue;
    const { row, col, rowCount, colCount } = target.range;
    if (
      cell.range.row >= row &&
      cell.range.row < row + rowCount &&
      cell.range.col >= col &&
      cell.range.col < col + colCount
    )
      return item.name;
  }
  return null;
}

/** One CAPPLAN call, nothing around it: "=CAPPLAN.ID(" ... ")". */
function checkFormula(formula: string): void {
  if (
    formula.length > MAX_FORMULA_LENGTH ||
    !/^=CAPPLAN\.[A-Z][A-Z0-9_.]{0,63}\(/.test(formula) ||
    !formula.endsWith(")")
  )
    throw new RangeError("Insert function writes one CAPPLAN call of at most 8,192 characters.");
}

export async function insertFunctionFormula(
  excel: ExcelApi,
  formula: string
): Promise<InsertedFunction> {
  checkFormula(formula);
  return excel.run(async (context) => {
    // Queued before the write, so these loads see the workbook as it was.
    const before = context.workbook.getActiveCell();
    before.load("address,formulas");
    const setting = context.workbook.settings.getItemOrNullObject(REGISTRY_KEY);
    setting.load("value");
    const names = context.workbook.names.load("items/name,items/formula");
    const target = context.workbook.getActiveCell();
    target.formulas = [[formula]];
    try {
      await context.sync();
    } catch (error) {
      throw wrapExcelError("insert the function", error, true);
    }
    const address = before.address;
    const input = templateInputAt(
      address,
      setting.isNullObject ? null : (setting.value as unknown),
      names.items.map((n) => ({ name: n.name, formula: n.formula }))
    );
    if (input === null) return { address };
    // The cell was a template input: put back what it held (its formula, or its value as Excel reads it).
    target.formulas = before.formulas;
    try {
      await context.sync();
    } catch (error) {
      throw wrapExcelError(
        "put back the template input",
        error,
        false,
        `${address} is the template input ${input} and now holds the function: undo (Ctrl+Z) or refresh the sheet's assumptions to restore it.`
      );
    }
    throw new TemplateInputCellError(address, input);
  });
}

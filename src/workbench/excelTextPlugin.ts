/**
 * Excel's TEXT(value, format_text) for HyperFormula. HyperFormula's own TEXT knows only a few
 * codes (TEXT(1234,"$#,##0") gives "$1234,##0"), and the template writes its verdict with TEXT,
 * so the workbench replaces it with the grid's Excel number formatter: a value shows the same
 * text in a formatted cell and through TEXT, as in Excel.
 */
import { EmptyValue, FunctionArgumentType, FunctionPlugin } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import type { InterpreterState, PluginAst, PluginValue } from "./hfTypes";
import { asPluginAst, isRichNumber } from "./hfTypes";
import { formatCellValue } from "./numberFormat";

const NUMERIC_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export class ExcelTextPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    TEXT: {
      method: "excelText",
      parameters: [
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.STRING },
      ],
    },
  };

  excelText(rawAst: unknown, state: InterpreterState): PluginValue {
    const ast: PluginAst = asPluginAst(rawAst);
    return this.runFunction(
      ast.args,
      state,
      this.metadata("TEXT"),
      (value: unknown, format: string): string => {
        // Excel formats numbers and numeric text; other text and booleans come back as they are.
        if (value === EmptyValue) return formatCellValue(0, format).text;
        if (isRichNumber(value)) return formatCellValue(value.val, format).text;
        if (typeof value === "number") return formatCellValue(value, format).text;
        if (typeof value === "string" && NUMERIC_TEXT.test(value))
          return formatCellValue(Number(value), format).text;
        if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
        return formatCellValue(String(value), format).text;
      }
    );
  }
}

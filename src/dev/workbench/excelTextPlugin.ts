/**
 * Excel's TEXT(value, format_text) and FIXED(number, [decimals], [no_commas]) for HyperFormula.
 * HyperFormula's own TEXT knows only a few codes (TEXT(1234,"$#,##0") gives "$1234,##0") and it
 * has no FIXED, which the template's verdict uses (a locale-independent formula, unlike TEXT with
 * a format string). Both go through the grid's Excel number formatter, so a value shows the same
 * text in a formatted cell, through TEXT and through FIXED, as in Excel in an en-US locale.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import type { InterpreterState, PluginAst, PluginValue } from "./hfTypes";
import { addFunctionNames, asPluginAst, plainArgument } from "./hfTypes";
import { formatCellValue } from "./numberFormat";

/** ROUND's rule: halves away from zero; decimals < 0 round left of the point (FIXED(1250,-2) = 1,300). */
function roundHalfAwayFromZero(value: number, decimals: number): number {
  const scale = 10 ** Math.abs(decimals);
  const scaled = decimals >= 0 ? Math.abs(value) * scale : Math.abs(value) / scale;
  // 15 significant digits first, as Excel does, so 1.005*100 rounds as the decimal 100.5 it shows.
  const whole = Math.round(Number(scaled.toPrecision(15)));
  const magnitude = decimals >= 0 ? whole / scale : whole * scale;
  return value < 0 ? -magnitude : magnitude;
}

const NUMERIC_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export class ExcelTextPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    FIXED: {
      method: "excelFixed",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 2 },
        { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: false },
      ],
    },
    TEXT: {
      method: "excelText",
      parameters: [
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.STRING },
      ],
    },
  };

  excelFixed(rawAst: unknown, state: InterpreterState): PluginValue {
    const ast: PluginAst = asPluginAst(rawAst);
    return this.runFunction(
      ast.args,
      state,
      this.metadata("FIXED"),
      (value: number, rawDecimals: number, noCommas: boolean): string | CellError => {
        // Excel truncates decimals to an integer and allows at most 127.
        const decimals = Math.trunc(rawDecimals);
        if (decimals > 127)
          return new CellError(ErrorType.VALUE, "FIXED allows at most 127 decimals");
        const rounded = roundHalfAwayFromZero(value, decimals);
        const digits = decimals > 0 ? `.${"0".repeat(decimals)}` : "";
        return formatCellValue(rounded, `${noCommas ? "0" : "#,##0"}${digits}`).text;
      }
    );
  }

  excelText(rawAst: unknown, state: InterpreterState): PluginValue {
    const ast: PluginAst = asPluginAst(rawAst);
    return this.runFunction(
      ast.args,
      state,
      this.metadata("TEXT"),
      (argument: unknown, format: string): string => {
        // Excel formats numbers and numeric text (a blank cell is 0); other text and booleans come
        // back as they are.
        const value = plainArgument(argument, 0);
        if (typeof value === "number") return formatCellValue(value, format).text;
        if (typeof value === "string" && NUMERIC_TEXT.test(value))
          return formatCellValue(Number(value), format).text;
        if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
        return formatCellValue(String(value), format).text;
      }
    );
  }
}

/**
 * HyperFormula calls only functions its language knows by name, and none of its languages has
 * FIXED: adds the English name to every registered language (idempotent).
 */
export function registerExcelTextNames(): void {
  addFunctionNames({ FIXED: "FIXED" });
}

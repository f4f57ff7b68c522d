/**
 * Excel's RANK(number, ref, [order]) for HyperFormula, which has none (the Options comparison ranks its
 * routes with it). As in Excel: the cells of `ref` that are not numbers (text, blanks, booleans) are
 * ignored; order 0 or omitted ranks the largest 1, any other order the smallest 1; equal numbers share a
 * rank (the next rank is skipped); a number that is not among ref's numbers is #N/A.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from "hyperformula";
import type { ImplementedFunctions, SimpleRangeValue } from "hyperformula";
import type { InterpreterState, PluginAst, PluginValue } from "./hfTypes";
import { addFunctionNames, asPluginAst } from "./hfTypes";

/** The rank Excel's RANK gives `number` among `values` (null: it is not among them, #N/A). */
export function excelRank(
  number: number,
  values: readonly unknown[],
  order: number
): number | null {
  const numbers = values.filter((v): v is number => typeof v === "number");
  if (!numbers.includes(number)) return null;
  const ascending = order !== 0;
  return 1 + numbers.filter((v) => (ascending ? v < number : v > number)).length;
}

export class ExcelRankPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    RANK: {
      method: "excelRankFunction",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
      ],
    },
  };

  excelRankFunction(rawAst: unknown, state: InterpreterState): PluginValue {
    const ast: PluginAst = asPluginAst(rawAst);
    return this.runFunction(
      ast.args,
      state,
      this.metadata("RANK"),
      (number: number, ref: SimpleRangeValue, order: number): number | CellError => {
        const values = ref.valuesFromTopLeftCorner();
        const error = values.find((v): v is CellError => v instanceof CellError);
        if (error !== undefined) return error;
        const rank = excelRank(number, values, Math.trunc(order));
        return rank ?? new CellError(ErrorType.NA, "RANK: the number is not in the reference");
      }
    );
  }
}

/** Adds RANK's English name to every registered language (HyperFormula calls only names it knows). */
export function registerExcelRankNames(): void {
  addFunctionNames({ RANK: "RANK" });
}

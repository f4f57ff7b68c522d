/**
 * Evaluates a TemplateSpec in HyperFormula as Excel would hold it after rendering: the cell
 * contents the renderer writes (blocks.cellContent, text prefixes included) and workbook names as
 * named expressions. smartRounding is off: by default HyperFormula rounds every output to 10
 * significant digits, i.e. to whole dollars on a $10 B cash flow, which would hide cent errors.
 */
import { DetailedCellError, HyperFormula, type CellValue } from "hyperformula";
import { parseCell, parseRange, sheetRangeAddress } from "../../../src/model/a1";
import { cellContent } from "../../../src/templates/blocks";
import type { TemplateSpec } from "../../../src/templates/types";
import { registerCapplanLibrary } from "./capplanPlugin";

export interface EvaluatedTemplate {
  readonly hf: HyperFormula;
  value(address: string): CellValue;
  /** The number in a cell; throws with the address and the error when it is not a number. */
  number(address: string): number;
  /** Value of the cell a workbook name points at. */
  named(name: string): CellValue;
  /** Overwrites a named input, as a user typing into the cell. */
  setNamed(name: string, value: number): void;
  /** Every formula cell that evaluates to an error, as "C12: #DIV/0! message". */
  errors(): string[];
}

export function evaluateTemplate(spec: TemplateSpec): EvaluatedTemplate {
  registerCapplanLibrary();
  let rows = 0;
  let cols = 0;
  for (const cell of spec.cells) {
    const { row, col } = parseCell(cell.address);
    rows = Math.max(rows, row + 1);
    cols = Math.max(cols, col + 1);
  }
  const data: (string | number | boolean | null)[][] = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => null)
  );
  for (const cell of spec.cells) {
    const { row, col } = parseCell(cell.address);
    data[row][col] = cellContent(cell);
  }
  const namedExpressions = spec.names.map(({ name, address }) => ({
    name,
    expression: `=${sheetRangeAddress(spec.sheetName, parseRange(address), { absolute: true })}`,
  }));
  const hf = HyperFormula.buildFromSheets(
    { [spec.sheetName]: data },
    { licenseKey: "gpl-v3", smartRounding: false },
    namedExpressions
  );
  const sheet = hf.getSheetId(spec.sheetName);
  if (sheet === undefined) throw new Error("sheet missing");
  const addressOf = new Map(spec.names.map(({ name, address }) => [name, address]));
  const at = (address: string) => {
    const { row, col } = parseCell(address);
    return { sheet, row, col };
  };
  const value = (address: string): CellValue => hf.getCellValue(at(address));
  const nameAddress = (name: string): string => {
    const address = addressOf.get(name);
    if (address === undefined) throw new Error(`No workbook name ${name}`);
    return address;
  };
  return {
    hf,
    value,
    number(address) {
      const v = value(address);
      if (typeof v !== "number") {
        const detail =
          v instanceof DetailedCellError ? `${v.value} ${v.message}` : JSON.stringify(v);
        throw new Error(`${address} is not a number: ${detail}`);
      }
      return v;
    },
    named: (name) => value(nameAddress(name)),
    setNamed(name, v) {
      hf.setCellContents(at(nameAddress(name)), v);
    },
    errors() {
      return spec.cells
        .filter((cell) => cell.formula !== undefined)
        .flatMap((cell) => {
          const v = value(cell.address);
          return v instanceof DetailedCellError ? [`${cell.address}: ${v.value} ${v.message}`] : [];
        });
    },
  };
}

/**
 * Collects the cells and workbook names of a template while the sections are laid out, and refuses
 * the two mistakes that would silently corrupt a sheet: two writes to one cell, and one name twice.
 */
import { MAX_FORMULA_LENGTH } from "./blocks";
import type { CellSpec, CellStyle } from "./types";

/** Every workbook name of the template starts with this, so names never look like cell references. */
export const NAME_PREFIX = "CP_";

export interface NameSpec {
  readonly name: string;
  readonly address: string;
}

export class SheetBuilder {
  private readonly cells = new Map<string, CellSpec>();
  private readonly names = new Map<string, string>();

  constructor(readonly nameSuffix: string) {
    if (!/^[A-Za-z0-9_]*$/.test(nameSuffix)) {
      throw new Error(`A name suffix may hold only letters, digits and "_" (got "${nameSuffix}")`);
    }
  }

  /** The workbook name for `base` on this sheet: "CP_" + base + suffix. */
  name(base: string): string {
    return `${NAME_PREFIX}${base}${this.nameSuffix}`;
  }

  put(cell: CellSpec): void {
    if (this.cells.has(cell.address))
      throw new Error(`Template cell ${cell.address} is written twice`);
    this.cells.set(cell.address, cell);
  }

  text(address: string, value: string, style: CellStyle): void {
    this.put({ address, value, style });
  }

  value(
    address: string,
    value: number | string | boolean,
    style: CellStyle,
    numberFormat?: string
  ): void {
    this.put(
      numberFormat === undefined
        ? { address, value, style }
        : { address, value, style, numberFormat }
    );
  }

  formula(address: string, formula: string, style: CellStyle, numberFormat?: string): void {
    if (!formula.startsWith("="))
      throw new Error(`Formula for ${address} must start with "=": ${formula}`);
    // Excel refuses a longer formula and the whole insert would fail: fail here, where it is built.
    if (formula.length > MAX_FORMULA_LENGTH)
      throw new Error(
        `Formula for ${address} has ${formula.length} characters; Excel allows ${MAX_FORMULA_LENGTH}`
      );
    this.put(
      numberFormat === undefined
        ? { address, formula, style }
        : { address, formula, style, numberFormat }
    );
  }

  /** Names the cell at `address` and returns the full name. */
  defineName(base: string, address: string): string {
    const name = this.name(base);
    if (this.names.has(name)) throw new Error(`Workbook name ${name} is defined twice`);
    this.names.set(name, address);
    return name;
  }

  cellList(): CellSpec[] {
    return [...this.cells.values()];
  }

  nameList(): NameSpec[] {
    return [...this.names].map(([name, address]) => ({ name, address }));
  }
}

/** What every section of the template needs while it lays out its cells. */
import type { LibraryDocument } from "../../model/library/schema";
import type { ResolvedScenario } from "../../model/resolve";
import { yearColumn } from "../layout";
import type { SheetBuilder } from "../sheetBuilder";
import type { AssumptionSpec } from "../types";

export interface SectionContext {
  readonly b: SheetBuilder;
  readonly library: LibraryDocument;
  readonly resolved: ResolvedScenario;
  readonly assumptions: readonly AssumptionSpec[];
  /** Whole years of the scenario: the table has year columns 0..horizon. */
  readonly horizon: number;
}

/** The workbook name for `base` on this sheet (e.g. "GpuCount" -> "CP_GpuCount_2"). */
export function nameOf(ctx: SectionContext, base: string): string {
  return ctx.b.name(base);
}

/** Years 0..H, for laying out one formula per year column. */
export function years(ctx: SectionContext): number[] {
  return Array.from({ length: ctx.horizon + 1 }, (_, y) => y);
}

/** "D12:H12": years 1..H of a row, the range Excel's NPV discounts (year 0 is added outside NPV). */
export function yearsOneToH(ctx: SectionContext, row: number): string {
  return `${yearColumn(1)}${row}:${yearColumn(ctx.horizon)}${row}`;
}

/** "C12:H12": years 0..H of a row. */
export function allYears(ctx: SectionContext, row: number): string {
  return `${yearColumn(0)}${row}:${yearColumn(ctx.horizon)}${row}`;
}

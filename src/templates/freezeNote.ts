/**
 * The note a frozen sheet carries (Freeze for sharing), and where it goes: one text for the sidebar's
 * frozen copies (src/excel/freeze.ts) and the workbench's frozen export (src/dev/workbench/exportXlsx.ts).
 */
import type { GridRange } from "../model/a1";
import { fitCellText } from "./blocks";

/**
 * "Frozen from library <name> <version> on <date>: ..." (`library` is "<name> <version>", as
 * CAPPLAN.LIBRARY() says it); the sidebar's copies and the workbench's frozen export write the same
 * text. Write it with valueContent: it is text, never a formula.
 */
export function freezeNote(library: string, now: Date): string {
  const date = now.toISOString().slice(0, 10);
  return fitCellText(
    `Frozen from library ${library} on ${date}: CAPPLAN formulas were replaced by their values; other formulas are live.`
  );
}

/** Where the note goes on a sheet whose used range is `used`: two rows below it, in its first column. */
export function noteCellBelow(used: GridRange | null): { row: number; col: number } {
  return used === null ? { row: 0, col: 0 } : { row: used.row + used.rowCount + 1, col: used.col };
}

/** Section 1: what this sheet is, which scenario and which library version it was built from. */
import { COLUMN, LAYOUT } from "../layout";
import type { LibraryHeaderSpec } from "../types";
import type { SectionContext } from "./context";

/** The library header cell: written at insert, rewritten by a refresh (src/excel/refreshSheet.ts). */
export const LIBRARY_HEADER: LibraryHeaderSpec = {
  address: `${COLUMN.value}${LAYOUT.header.library}`,
  text: (meta) => `${meta.name} ${meta.version} (${meta.id})`,
};

export function writeHeader(ctx: SectionContext): void {
  const { b, library, resolved } = ctx;
  const rows = LAYOUT.header;
  const { label, value } = COLUMN;
  b.text(`${label}${rows.title}`, "Capacity Planner: rent vs build", "title");
  b.text(`${label}${rows.scenario}`, resolved.scenario.name, "subtitle");
  b.text(`${label}${rows.description}`, resolved.scenario.description, "note");
  b.text(`${label}${rows.library}`, "Library", "label");
  b.text(LIBRARY_HEADER.address, LIBRARY_HEADER.text(library.meta), "muted");
  b.text(`${label}${rows.published}`, "Library published (as of)", "label");
  b.text(`${value}${rows.published}`, library.meta.publishedAt, "muted");
  b.text(`${label}${rows.liveLibrary}`, "Library the CAPPLAN functions use now", "label");
  // A library look-up, not arithmetic: shows whether the workbook's library has moved on since insertion.
  b.formula(`${value}${rows.liveLibrary}`, "=CAPPLAN.LIBRARY()", "muted");
  b.text(
    `${label}${rows.conventions}`,
    "Inputs are blue on a pale fill; everything else is a formula over the named inputs. USD; positive cash flow = money out. If the two libraries above differ, use Refresh assumptions in the sidebar.",
    "note"
  );
}

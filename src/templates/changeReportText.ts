/**
 * The change report's words, shared by the sidebar and the "What changed" sheet. Pure, and small: the sidebar's
 * main bundle imports it (the report itself is computed in the template chunk).
 */
import type { ChangeReportRow } from "./changeReport";

export const CHANGE_REPORT_HEADLINES = [
  { key: "difference", label: "NPV difference, build minus rent" },
  { key: "differenceWithDelay", label: "Difference including cost of delay" },
] as const;

/** What a row's outcome says. */
export function outcomeText(
  row: Pick<ChangeReportRow, "outcome" | "isOverride" | "differs">
): string {
  switch (row.outcome) {
    case "changed":
      return row.isOverride ? "changed (your edit, replaced as you chose)" : "changed";
    case "kept":
      return row.isOverride ? "kept: your value" : "kept: not selected";
    case "provenanceOnly": {
      const roles = row.differs.map((r) => (r === "asOf" ? "as-of" : r)).join(", ");
      return `value unchanged; the library's ${roles} ${row.differs.length === 1 ? "differs" : "differ"} (not written)`;
    }
  }
}

/** The line for the assumptions whose as-of date alone differs (null when there are none). */
export function asOfOnlyText(count: number): string | null {
  if (count === 0) return null;
  return `${count} more ${count === 1 ? "assumption has" : "assumptions have"} only another as-of date in the library (its publication date for figures it derives or defaults); not written.`;
}

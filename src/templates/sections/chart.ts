/**
 * Section 5: the chart's data (years as text categories, one row per option) and the chart spec.
 * The data block repeats the cumulative rows next to each other because a chart range must be one
 * rectangle; the categories are text ("Year 3") so Excel never mistakes them for a series.
 */
import type { TemplateChartSpec } from "../types";
import { FORMAT } from "../formats";
import { COLUMN, LAYOUT, yearColumn } from "../layout";
import { years, type SectionContext } from "./context";
import { yearHeaderRef } from "./cashflows";

export function writeChart(ctx: SectionContext): TemplateChartSpec {
  const { b } = ctx;
  const { label, unit } = COLUMN;
  const rows = LAYOUT.chartRows;
  b.text(
    `${label}${LAYOUT.chartSection}`,
    "Chart data: cumulative cost (USD, undiscounted)",
    "section"
  );
  b.text(`${label}${rows.categories}`, "Year", "label");
  b.text(`${label}${rows.build}`, "Cumulative build cost", "label");
  b.text(`${unit}${rows.build}`, "Build", "header");
  b.text(`${label}${rows.rent}`, "Cumulative rent cost", "label");
  b.text(`${unit}${rows.rent}`, "Rent", "header");
  for (const y of years(ctx)) {
    const col = yearColumn(y);
    b.formula(`${col}${rows.categories}`, `="Year "&${yearHeaderRef(col)}`, "header");
    b.formula(
      `${col}${rows.build}`,
      `=${col}${LAYOUT.cashflows.cumulativeBuild}`,
      "formula",
      FORMAT.usd
    );
    b.formula(
      `${col}${rows.rent}`,
      `=${col}${LAYOUT.cashflows.cumulativeRent}`,
      "formula",
      FORMAT.usd
    );
  }
  return {
    title: "Cumulative cost: rent vs build (USD, undiscounted)",
    type: "Line",
    // Top-left cell (B of the categories row) is empty: Excel then reads row 1 as categories, column 1 as names.
    dataAddress: `${unit}${rows.categories}:${yearColumn(ctx.horizon)}${rows.rent}`,
    seriesBy: "Rows",
    // Beside the results, clear of the verdict line (which spills right) and of the derived block below.
    anchorTopLeft: `E${LAYOUT.verdict + 1}`,
    anchorBottomRight: `L${LAYOUT.derivedSection - 1}`,
  };
}

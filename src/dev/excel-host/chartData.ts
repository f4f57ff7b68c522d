/**
 * What a chart shows, read from its source cells: enough for tests and for a renderer to draw.
 * Kept apart from the proxies so a workbench can call it on a CellStore directly.
 *
 * Series orientation follows Excel's "Auto": series in columns when the source has more rows
 * than columns, else in rows. Header detection is a simplification of Excel's: the first line
 * holds series names when its cells (past the corner) are text or empty, the first column holds
 * categories when its cells are text or empty, and an empty top-left corner means both.
 */
import type { CellStore, CellValue, ChartRecord } from "./cellStore";

export interface ChartSeriesData {
  readonly name: string;
  /** One value per category; null for empty or non-numeric cells. */
  readonly values: ReadonlyArray<number | null>;
}

export interface ChartData {
  readonly categories: readonly string[];
  readonly series: readonly ChartSeriesData[];
  /** Whether series run down columns of the source. */
  readonly seriesInColumns: boolean;
}

const isTextLike = (v: CellValue): boolean => v === null || typeof v === "string";
const asText = (v: CellValue): string => (v === null ? "" : String(v));

export function readChartData(store: CellStore, chart: ChartRecord): ChartData {
  const { source } = chart;
  if (store.getSheet(source.sheetId) === undefined)
    return { categories: [], series: [], seriesInColumns: true };
  const grid: CellValue[][] = [];
  for (let i = 0; i < source.rowCount; i++) {
    const line: CellValue[] = [];
    for (let j = 0; j < source.colCount; j++)
      line.push(store.getCell(source.sheetId, source.row + i, source.col + j).value);
    grid.push(line);
  }
  const seriesInColumns =
    chart.seriesBy === "Columns" ||
    (chart.seriesBy === "Auto" && source.rowCount > source.colCount);
  // lines[s][p]: series s, point p (index 0 of each may be the series name; line 0 may be categories).
  const lines: CellValue[][] = seriesInColumns
    ? Array.from({ length: source.colCount }, (_, j) => grid.map((row) => row[j] ?? null))
    : grid;
  const width = lines[0]?.length ?? 0;
  const corner = lines[0]?.[0] ?? null;
  const bothHeaders = corner === null && lines.length > 1 && width > 1;
  const hasCategories =
    bothHeaders ||
    (lines.length > 1 &&
      (lines[0] ?? []).slice(1).every(isTextLike) &&
      (lines[0] ?? []).some((v) => typeof v === "string"));
  const firstSeries = hasCategories ? 1 : 0;
  const seriesLines = lines.slice(firstSeries);
  const hasNames =
    bothHeaders ||
    (width > 1 &&
      seriesLines.every((l) => isTextLike(l[0] ?? null)) &&
      seriesLines.some((l) => typeof l[0] === "string"));
  const firstPoint = hasNames ? 1 : 0;
  const pointCount = Math.max(0, width - firstPoint);
  const categories = hasCategories
    ? (lines[0] ?? []).slice(firstPoint).map(asText)
    : Array.from({ length: pointCount }, (_, p) => String(p + 1));
  const series = seriesLines.map((line, s) => ({
    name: hasNames ? asText(line[0] ?? null) : `Series${s + 1}`,
    values: line.slice(firstPoint).map((v) => (typeof v === "number" ? v : null)),
  }));
  return { categories, series, seriesInColumns };
}

/** Left edge of column `col`, in points. */
export function columnLeft(store: CellStore, sheetId: string, col: number): number {
  let x = 0;
  for (let c = 0; c < col; c++) x += store.getColumnWidth(sheetId, c);
  return x;
}

/** Top edge of row `row`, in points. */
export function rowTop(store: CellStore, sheetId: string, row: number): number {
  let y = 0;
  for (let r = 0; r < row; r++) y += store.getRowHeight(sheetId, r);
  return y;
}

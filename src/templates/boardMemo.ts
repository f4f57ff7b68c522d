/**
 * The Board memo: one printable landscape page that summarises a Rent vs Build sheet (its "source") for a
 * board or a CFO. Every number is a native formula over the source sheet: its workbook names (CP_... plus
 * the sheet's suffix) where the number has one, else a reference to the source cell (the risk section's
 * percentiles and run stamp, the chart data, the as-of and source cells beside each input). So the memo
 * follows edits, refreshes and risk re-runs of the source sheet, and holds no number of its own.
 *
 * Layout (docs/model.md section 13): left, A..E, the header, the decision, the numbers, the risk rows and
 * the cumulative cost chart; right, G..K, the sources appendix (library, then every input with its value,
 * unit, as-of date and source). The chart's data sit below the print area.
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import { parseRange, sheetRangeAddress } from "../model/a1";
import { assumptionsFromLibrary } from "./rentVsBuild";
import { resolveTemplateInputs } from "./assumptions";
import { FORMAT } from "./formats";
import { charactersToPoints, COLUMN, LAYOUT, yearColumn } from "./layout";
import type { V2ResultKey } from "./layout";
import { LIBRARY_HEADER } from "./sections/header";
import { resultNameBase } from "./sections/results";
import { v2ResultNameBase } from "./sections/modelV2";
import { RISK_RESULT_COLUMNS } from "./sections/risk";
import { RISK_TRIALS_NAME_BASE } from "./riskRun";
import { NAME_PREFIX, SheetBuilder } from "./sheetBuilder";
import type { AssumptionSpec, CellStyle, TemplatePageLayout, TemplateSpec } from "./types";
import type { ResultKey } from "./layout";

/** The Rent vs Build sheet a memo summarises, as the workbook and its registry entry describe it. */
export interface MemoSource {
  /** The sheet's current name (references to it are written with it; Excel follows a later rename). */
  readonly sheetName: string;
  readonly nameSuffix: string;
  readonly scenarioId: string;
  /**
   * The library the memo's registry entry records: the workbook's pinned library (src/excel/boardMemoSource.ts),
   * so that inserting a memo, which adds no inputs, never moves the pin.
   */
  readonly libraryId: string;
  readonly libraryVersion: string;
  /** Whether the workbook defines a name (case-insensitive, as Excel matches names). */
  readonly hasName: (name: string) => boolean;
}

export interface MemoPlacement {
  readonly sheetName: string;
  readonly nameSuffix: string;
  /** When the memo is inserted (its date line). */
  readonly now: Date;
}

/** Columns of the memo's left block and of the sources appendix. */
export const MEMO_COLUMN = {
  label: "A",
  build: "B",
  rent: "C",
  third: "D",
  unit: "E",
  gap: "F",
  inputLabel: "G",
  inputValue: "H",
  inputUnit: "I",
  inputAsOf: "J",
  inputSource: "K",
} as const;

/** Widths in characters: A..K print on one landscape page at about 56 % (Letter) to 60 % (A4); docs/model.md 13.3. */
const WIDTHS: readonly [string, number][] = [
  ["A", 36],
  // As the source's year columns: "-$28,742,515,702" (tens of billions of USD) fits.
  ["B", 17],
  ["C", 17],
  ["D", 17],
  ["E", 17],
  ["F", 2],
  ["G", 34],
  ["H", 15],
  ["I", 20],
  ["J", 10],
  ["K", 52],
];

/** Half an inch all round, a quarter inch for header and footer (points). */
const MARGINS: TemplatePageLayout["margins"] = {
  top: 36,
  bottom: 36,
  left: 36,
  right: 36,
  header: 18,
  footer: 18,
};

/** Rows the chart takes below the numbers. */
const CHART_ROWS = 18;
/** Empty rows between the printed page and the chart data below it. */
const CHART_DATA_GAP = 4;

/** Text shown instead of a number the source sheet does not have (a sheet inserted by an older version). */
export const NOT_ON_SOURCE = "not on the source sheet (inserted by an older version)";

interface MemoContext {
  readonly b: SheetBuilder;
  readonly source: MemoSource;
  /** The source's workbook name for `base`: "CP_" + base + the source sheet's suffix. */
  readonly n: (base: string) => string;
  /** An absolute reference to a cell of the source sheet: "'Rent vs Build'!$C$5". */
  readonly at: (address: string) => string;
}

/** One row of the numbers: a formula per value column, each over names the source sheet must have. */
interface MetricRow {
  readonly label: string;
  readonly unit: string;
  readonly format: string;
  /** Formulas for B (build, or the one value), C (rent), D; null leaves the cell empty. */
  readonly values: readonly (string | null)[];
  /** Names every formula of the row reads. */
  readonly needs: readonly string[];
}

const r1 = (key: ResultKey): string => resultNameBase(key);
const r2 = (key: V2ResultKey): string => v2ResultNameBase(key);

function metricRows(n: (base: string) => string): MetricRow[] {
  return [
    {
      label: "Discount rate (stated)",
      unit: "per year",
      format: FORMAT.percent,
      values: [`=${n("DiscountRate")}`],
      needs: [n("DiscountRate")],
    },
    {
      label: "NPV of costs at that rate",
      unit: "USD",
      format: FORMAT.usd,
      values: [`=${n(r1("npvBuild"))}`, `=${n(r1("npvRent"))}`],
      needs: [n(r1("npvBuild")), n(r1("npvRent"))],
    },
    {
      label: "NPV difference, build - rent",
      unit: "USD",
      format: FORMAT.usd,
      values: [`=${n(r1("difference"))}`],
      needs: [n(r1("difference"))],
    },
    {
      label: "Cost of delay",
      unit: "USD",
      format: FORMAT.usd,
      values: [`=${n(r1("costOfDelay"))}`],
      needs: [n(r1("costOfDelay"))],
    },
    {
      label: "Difference incl. cost of delay",
      unit: "USD",
      format: FORMAT.usd,
      values: [`=${n(r1("differenceWithDelay"))}`],
      needs: [n(r1("differenceWithDelay"))],
    },
    {
      label: "NPV difference after tax, own - rent",
      unit: "USD",
      format: FORMAT.usd,
      values: [`=${n(r2("npvOwn"))}-${n(r2("npvRent"))}`],
      needs: [n(r2("npvOwn")), n(r2("npvRent"))],
    },
    {
      label: "IRR of building instead of renting",
      unit: "per year",
      format: FORMAT.percent,
      values: [`=${n(r2("irrBuildVsRent"))}`],
      needs: [n(r2("irrBuildVsRent"))],
    },
    {
      label: "Discounted payback of building",
      unit: "months",
      format: FORMAT.months,
      values: [`=${n(r2("discountedPaybackMonths"))}`],
      needs: [n(r2("discountedPaybackMonths"))],
    },
    {
      label: "Simple payback of building",
      unit: "months",
      format: FORMAT.months,
      values: [`=${n(r2("simplePaybackMonths"))}`],
      needs: [n(r2("simplePaybackMonths"))],
    },
    {
      label: "Peak capital",
      unit: "USD",
      format: FORMAT.usd,
      values: [`=${n(r2("peakCapitalOwn"))}`, `=${n(r2("peakCapitalRent"))}`],
      needs: [n(r2("peakCapitalOwn")), n(r2("peakCapitalRent"))],
    },
    {
      label: "Cost per useful GPU-hour",
      unit: "USD per GPU-hour",
      format: FORMAT.usdCents,
      values: [`=${n(r2("costPerUsefulGpuHourOwn"))}`, `=${n(r2("costPerUsefulGpuHourRent"))}`],
      needs: [n(r2("costPerUsefulGpuHourOwn")), n(r2("costPerUsefulGpuHourRent"))],
    },
    {
      label: "Months to first capacity",
      unit: "months",
      format: FORMAT.months,
      values: [`=${n(r1("monthsToCapacityBuild"))}`, `=${n(r1("monthsToCapacityRent"))}`],
      needs: [n(r1("monthsToCapacityBuild")), n(r1("monthsToCapacityRent"))],
    },
  ];
}

const VALUE_COLUMNS = [MEMO_COLUMN.build, MEMO_COLUMN.rent, MEMO_COLUMN.third] as const;

/** Writes a row of formulas, or NOT_ON_SOURCE when the source sheet lacks a name the row reads. */
function writeRow(ctx: MemoContext, row: number, def: MetricRow): void {
  const { b, source } = ctx;
  b.text(`${MEMO_COLUMN.label}${row}`, def.label, "label");
  b.text(`${MEMO_COLUMN.unit}${row}`, def.unit, "unit");
  if (!def.needs.every((name) => source.hasName(name))) {
    b.text(`${MEMO_COLUMN.build}${row}`, NOT_ON_SOURCE, "muted");
    return;
  }
  def.values.forEach((formula, i) => {
    const col = VALUE_COLUMNS[i];
    if (formula !== null && col !== undefined)
      b.formula(`${col}${row}`, formula, "result", def.format);
  });
}

function headerRow(b: SheetBuilder, row: number, titles: readonly string[]): void {
  const cols = [MEMO_COLUMN.label, ...VALUE_COLUMNS, MEMO_COLUMN.unit];
  titles.forEach((title, i) => {
    const col = cols[i];
    if (col !== undefined) b.text(`${col}${row}`, title, "header");
  });
}

/** The decision: a word from the sign of the difference incl. cost of delay, and the source's sentence. */
function writeDecision(ctx: MemoContext, first: number): number {
  const { b, n, source } = ctx;
  const d = n(r1("differenceWithDelay"));
  const verdict = n(r1("verdict"));
  b.text(`${MEMO_COLUMN.label}${first}`, "Decision", "section");
  b.text(`${MEMO_COLUMN.label}${first + 1}`, "Recommended (incl. cost of delay)", "label");
  if (source.hasName(d))
    b.formula(
      `${MEMO_COLUMN.build}${first + 1}`,
      `=IF(${d}<0, "Build", IF(${d}>0, "Rent", "Either: same cost"))`,
      "verdict"
    );
  else b.text(`${MEMO_COLUMN.build}${first + 1}`, NOT_ON_SOURCE, "muted");
  // The source sheet's verdict sentence, in A so that it has the width of the whole block.
  if (source.hasName(verdict))
    b.formula(`${MEMO_COLUMN.label}${first + 2}`, `=${verdict}`, "result");
  b.text(
    `${MEMO_COLUMN.label}${first + 3}`,
    "Costs are positive (money out); a negative difference means building costs less.",
    "note"
  );
  return first + 4;
}

function writeNumbers(ctx: MemoContext, first: number): number {
  const { b } = ctx;
  b.text(`${MEMO_COLUMN.label}${first}`, "The numbers", "section");
  headerRow(b, first + 1, ["Measure", "Build", "Rent", "", "Unit"]);
  let row = first + 2;
  for (const def of metricRows(ctx.n)) writeRow(ctx, row++, def);
  return row;
}

/** P10/P50/P90 of the difference incl. cost of delay and the probability building wins, with the run's stamp. */
function writeRisk(ctx: MemoContext, first: number): number {
  const { b, source, at } = ctx;
  b.text(`${MEMO_COLUMN.label}${first}`, "Risk (Monte Carlo, last run)", "section");
  if (!source.hasName(ctx.n(RISK_TRIALS_NAME_BASE))) {
    b.text(
      `${MEMO_COLUMN.label}${first + 1}`,
      "The source sheet has no Risk section: insert a new Rent vs Build sheet for one.",
      "note"
    );
    return first + 2;
  }
  headerRow(b, first + 1, ["Measure", "P10", "P50", "P90", "Unit"]);
  const L = LAYOUT;
  const diffRow = L.riskResults.differenceWithDelay;
  // The percentile table's columns: C mean, D P5, E P10, F P50, G P90, H P95.
  const [, , p10, p50, p90] = RISK_RESULT_COLUMNS;
  let row = first + 2;
  b.text(`${MEMO_COLUMN.label}${row}`, "Difference incl. cost of delay", "label");
  b.text(`${MEMO_COLUMN.unit}${row}`, "USD", "unit");
  [p10, p50, p90].forEach((col, i) => {
    const target = VALUE_COLUMNS[i];
    if (col !== undefined && target !== undefined)
      b.formula(`${target}${row}`, `=${at(`${col}${diffRow}`)}`, "result", FORMAT.usd);
  });
  row++;
  b.text(`${MEMO_COLUMN.label}${row}`, "Probability building wins (incl. delay)", "label");
  b.text(`${MEMO_COLUMN.unit}${row}`, "share of trials", "unit");
  b.formula(
    `${MEMO_COLUMN.build}${row}`,
    `=${at(`C${L.riskSummary.probabilityBuildWins}`)}`,
    "result",
    FORMAT.percent
  );
  row++;
  b.text(`${MEMO_COLUMN.label}${row}`, "Run: trials and seed", "label");
  b.text(`${MEMO_COLUMN.unit}${row}`, "trials, seed", "unit");
  b.formula(
    `${MEMO_COLUMN.build}${row}`,
    `=${at(`C${L.riskStamp.trialsUsed}`)}`,
    "formula",
    FORMAT.count
  );
  b.formula(
    `${MEMO_COLUMN.rent}${row}`,
    `=${at(`C${L.riskStamp.seedUsed}`)}`,
    "formula",
    FORMAT.flag
  );
  row++;
  b.text(`${MEMO_COLUMN.label}${row}`, "Run: date (UTC)", "label");
  b.formula(`${MEMO_COLUMN.build}${row}`, `=${at(`C${L.riskStamp.ranAt}`)}`, "formula");
  row++;
  b.text(`${MEMO_COLUMN.label}${row}`, "Run: status", "label");
  b.formula(`${MEMO_COLUMN.build}${row}`, `=${at(`C${L.riskStamp.status}`)}`, "muted");
  return row + 1;
}

/** The source sheet's chart data, copied by reference below the page, and the chart over them. */
function writeChart(ctx: MemoContext, chartTop: number, dataFirst: number, horizon: number) {
  const { b, at } = ctx;
  const rows = LAYOUT.chartRows;
  const categories = dataFirst + 1;
  const build = dataFirst + 2;
  const rent = dataFirst + 3;
  b.text(
    `${MEMO_COLUMN.label}${dataFirst}`,
    "Chart data (not printed): the source sheet's cumulative cost",
    "section"
  );
  b.text(`${MEMO_COLUMN.label}${categories}`, "Year", "label");
  b.text(`${MEMO_COLUMN.label}${build}`, "Cumulative build cost", "label");
  b.text(`${MEMO_COLUMN.label}${rent}`, "Cumulative rent cost", "label");
  b.formula(`${COLUMN.unit}${build}`, `=${at(`${COLUMN.unit}${rows.build}`)}`, "header");
  b.formula(`${COLUMN.unit}${rent}`, `=${at(`${COLUMN.unit}${rows.rent}`)}`, "header");
  for (let y = 0; y <= horizon; y++) {
    const col = yearColumn(y);
    b.formula(`${col}${categories}`, `=${at(`${col}${rows.categories}`)}`, "header");
    b.formula(`${col}${build}`, `=${at(`${col}${rows.build}`)}`, "formula", FORMAT.usd);
    b.formula(`${col}${rent}`, `=${at(`${col}${rows.rent}`)}`, "formula", FORMAT.usd);
  }
  return {
    title: "Cumulative cost: rent vs build (USD, undiscounted)",
    type: "Line" as const,
    // B of the categories row stays empty: Excel then reads row 1 as categories, column 1 as names.
    dataAddress: `${COLUMN.unit}${categories}:${yearColumn(horizon)}${rent}`,
    seriesBy: "Rows" as const,
    anchorTopLeft: `${MEMO_COLUMN.label}${chartTop}`,
    anchorBottomRight: `${MEMO_COLUMN.gap}${chartTop + CHART_ROWS}`,
  };
}

/** The inputs the appendix lists: every named input of the source but the phase rows and the risk ranges. */
export function memoInputs(index: LibraryIndex, source: MemoSource): AssumptionSpec[] {
  return assumptionsFromLibrary(index, source.scenarioId, source.nameSuffix).filter(
    (a) => !a.key.startsWith("risk.") && !/^v2\.phase\d/.test(a.key)
  );
}

/** The sources appendix: the library (as the source sheet's header says), then one row per input. */
function writeSources(ctx: MemoContext, inputs: readonly AssumptionSpec[]): number {
  const { b, at, source } = ctx;
  const C = MEMO_COLUMN;
  b.text(`${C.inputLabel}1`, "Sources: every input used", "section");
  b.text(`${C.inputLabel}2`, "Library", "label");
  b.formula(`${C.inputValue}2`, `=${at(LIBRARY_HEADER.address)}`, "muted");
  const head = 3;
  const titles: [string, string][] = [
    [C.inputLabel, "Input"],
    [C.inputValue, "Value"],
    [C.inputUnit, "Unit"],
    [C.inputAsOf, "As of"],
    [C.inputSource, "Source"],
  ];
  for (const [col, title] of titles) b.text(`${col}${head}`, title, "header");
  let row = head + 1;
  for (const a of inputs) {
    b.text(`${C.inputLabel}${row}`, a.label, "label");
    b.text(`${C.inputUnit}${row}`, a.unit, "unit");
    if (source.hasName(a.name)) {
      b.formula(`${C.inputValue}${row}`, `=${a.name}`, "formula", a.numberFormat);
      // The as-of and source cells beside the input on the source sheet: a refresh rewrites them.
      const asOf = a.provenance?.find((p) => p.role === "asOf");
      const src = a.provenance?.find((p) => p.role === "source");
      if (asOf !== undefined) b.formula(`${C.inputAsOf}${row}`, `=${at(asOf.address)}`, "source");
      else b.text(`${C.inputAsOf}${row}`, a.asOf, "source");
      if (src !== undefined) b.formula(`${C.inputSource}${row}`, `=${at(src.address)}`, "source");
      else b.text(`${C.inputSource}${row}`, a.source, "source");
    } else {
      b.text(`${C.inputValue}${row}`, NOT_ON_SOURCE, "muted");
    }
    row++;
  }
  b.text(
    `${C.inputLabel}${row}`,
    "Phase offsets and shares (model v2) and the risk ranges, with their sources, are on the source sheet.",
    "note"
  );
  return row;
}

/**
 * The memo for `source`. Throws a LookupError when the active library has no such scenario (the caller
 * checks first and says so); nothing here reads the workbook beyond `source`.
 */
export function buildBoardMemoTemplate(
  index: LibraryIndex,
  source: MemoSource,
  placement: MemoPlacement
): TemplateSpec {
  const { resolved } = resolveTemplateInputs(index, source.scenarioId, source.nameSuffix);
  const horizon = resolved.compare.horizonYears;
  const b = new SheetBuilder(placement.nameSuffix);
  const sheetRef = (address: string): string =>
    sheetRangeAddress(source.sheetName, parseRange(address), { absolute: true });
  const ctx: MemoContext = {
    b,
    source,
    n: (base) => `${NAME_PREFIX}${base}${source.nameSuffix}`,
    at: sheetRef,
  };
  const C = MEMO_COLUMN;
  const date = placement.now.toISOString().slice(0, 10);
  const text = (address: string, value: string, style: CellStyle) => b.text(address, value, style);
  text(`${C.label}1`, "Board memo: rent vs build", "title");
  text(`${C.label}2`, resolved.scenario.name, "subtitle");
  text(
    `${C.label}3`,
    `Every number is a formula over the sheet '${source.sheetName}': it follows its edits, refreshes and risk runs.`,
    "note"
  );
  text(`${C.label}4`, "Memo inserted (UTC)", "label");
  text(`${C.build}4`, date, "muted");

  let row = writeDecision(ctx, 6);
  row = writeNumbers(ctx, row + 1);
  row = writeRisk(ctx, row + 1);
  const chartTop = row + 1;
  const leftLast = chartTop + CHART_ROWS;
  const appendixLast = writeSources(ctx, memoInputs(index, source));
  const lastPrinted = Math.max(leftLast, appendixLast);
  const chart = writeChart(ctx, chartTop, lastPrinted + CHART_DATA_GAP, horizon);

  const pageLayout: TemplatePageLayout = {
    orientation: "Landscape",
    fitToPagesWide: 1,
    fitToPagesTall: 1,
    printArea: `A1:${C.inputSource}${lastPrinted}`,
    centerHorizontally: true,
    margins: MARGINS,
  };
  const sameLibrary = index.library.meta.id === source.libraryId;
  return {
    sheetName: placement.sheetName,
    nameSuffix: placement.nameSuffix,
    cells: b.cellList(),
    assumptions: [],
    names: b.nameList(),
    columnWidths: WIDTHS.map(([column, characters]) => ({
      column,
      width: charactersToPoints(characters),
    })),
    charts: [chart],
    pageLayout,
    // The workbook's pin (MemoSource.libraryId): the memo adds no inputs, so it must not move it.
    metadata: {
      libraryId: source.libraryId,
      libraryVersion: source.libraryVersion,
      libraryName: sameLibrary ? index.library.meta.name : source.libraryId,
      scenarioId: resolved.scenario.id,
      scenarioName: resolved.scenario.name,
      horizonYears: horizon,
    },
  };
}

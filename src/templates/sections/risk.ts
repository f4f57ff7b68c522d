/**
 * Section 9: Risk (docs/model.md section 12.13). The Monte Carlo run's results as values, never formulas of a
 * custom function (those may not recalculate on F9 in every host): each run writes its trials, seed, library
 * and time with them, and a status formula says when the inputs have changed since. Around the values:
 * - the ranges table, one row per risk input of the catalog: low and high as inputs (refreshable assumptions),
 *   the typical value linked to the template's own assumption cell where it has one with the same value;
 * - native formulas over the written values (tornado bars relative to the typical case, histogram shares and
 *   the S-curve), so a formula engine can check them against the engine;
 * - the template's own difference incl. cost of delay beside the engine's value at the typical inputs.
 */
import type { Quantity } from "../../model/library/schema";
import {
  caseInputs,
  recordsFor,
  riskSettingsFor,
  type RiskCase,
  type RiskInputKey,
  type OutputKey,
} from "../../model/risk";
import { DEFAULT_RISK_SHAPES } from "../../model/risk/riskKeys";
import { assumptionNameBase } from "../assumptions";
import { FORMAT } from "../formats";
import {
  LAYOUT,
  RISK_BINS,
  RISK_DRIVERS,
  RISK_ROW_KEYS,
  type AssumptionKey,
  type V2InputKey,
} from "../layout";
import {
  RISK_SEED_NAME_BASE,
  RISK_TRIALS_NAME_BASE,
  riskRangeNameBase,
  type RangeEnd,
  type RiskSectionRun,
} from "../riskRun";
import { NAME_PREFIX, type SheetBuilder } from "../sheetBuilder";
import type { AssumptionSpec, CellStyle, TemplateChartSpec } from "../types";
import { resultNameBase } from "./results";
import { V2_ASSUMPTION_KEY_PREFIX, v2InputNameBase } from "./modelV2";

/** Columns of the ranges table. */
export const RISK_RANGE_COLUMN = {
  label: "A",
  key: "B",
  low: "C",
  typical: "D",
  high: "E",
  lowUsed: "F",
  typicalUsed: "G",
  highUsed: "H",
  shape: "I",
  source: "J",
  /** 1 when the row's low, typical or high differs from the last run's, else 0 (feeds Status). */
  changed: "K",
} as const;

export const RISK_TOLERANCE_NAME_BASE = "RiskTolerance";

/** Columns of the percentile table: C mean, D..H P5..P95, I share of trials priced. */
export const RISK_RESULT_COLUMNS = ["C", "D", "E", "F", "G", "H"] as const;
export const RISK_PRICED_COLUMN = "I";

/** Columns of the tornado table. */
export const RISK_TORNADO_COLUMN = {
  label: "A",
  lowDelta: "B",
  highDelta: "C",
  key: "D",
  low: "E",
  high: "F",
  atLow: "G",
  atHigh: "H",
  swing: "I",
} as const;

/** Columns of the histogram. */
export const RISK_HISTOGRAM_COLUMN = {
  label: "A",
  count: "B",
  share: "C",
  cumulative: "D",
  upper: "E",
  curveLabel: "G",
  curveValue: "H",
} as const;

/** The template cell a risk input's typical value is linked to, when the template has one. */
export const RISK_TYPICAL_LINKS: Readonly<
  Partial<Record<RiskInputKey, AssumptionKey | `v2:${V2InputKey}`>>
> = {
  systemPricePerGpu: "systemPricePerGpu",
  networkShare: "networkShare",
  constructionCostPerMw: "constructionCostPerMw",
  colocationPerKwMonth: "colocationPerKwMonth",
  pue: "pue",
  utilization: "utilization",
  maintenanceShare: "maintenance",
  itDepreciationYears: "itLife",
  rentRate: "rentRate",
  rentPriceChange: "rentPriceChange",
  valuePerGpuHour: "valuePerGpuHour",
  productiveUtilization: "v2:productiveUtilization",
  goodput: "v2:goodput",
  sparesShare: "v2:sparesShare",
  sparesNeeded: "v2:sparesNeeded",
  outageHoursPerYear: "v2:outageHoursPerYear",
  outagesPerYear: "v2:outagesPerYear",
  onsiteCostPerKw: "v2:onsiteCostPerKw",
  gridMonths: "v2:gridMonths",
  rampMonths: "v2:rampMonths",
  hardwarePriceChange: "v2:hardwarePriceChange",
  rentAvailability: "v2:rentAvailability",
};

const OUTPUT_LABELS: Readonly<Record<OutputKey, [string, string, string]>> = {
  npvBuild: ["NPV build", "USD", FORMAT.usd],
  npvRent: ["NPV rent", "USD", FORMAT.usd],
  difference: ["Difference, build - rent", "USD", FORMAT.usd],
  differenceWithDelay: ["Difference incl. cost of delay", "USD", FORMAT.usd],
  monthsToCapacityBuild: ["Build: months to first capacity", "months", FORMAT.months],
  monthsToCapacityRent: ["Rent: months to capacity", "months", FORMAT.months],
  usefulCostBuild: ["Build cost per useful GPU-hour", "USD", FORMAT.usdCents],
  usefulCostRent: ["Rent cost per useful GPU-hour", "USD", FORMAT.usdCents],
};

/** A value the engine filled, at its address as inserted (a run adds the rows the sheet moved). */
export interface RiskValueCell {
  readonly address: string;
  readonly value: string | number;
}

/** The name of a template cell `link` points to, with the sheet's suffix. */
export function linkedName(link: AssumptionKey | `v2:${V2InputKey}`, suffix: string): string {
  const base = link.startsWith("v2:")
    ? v2InputNameBase(link.slice(3) as V2InputKey)
    : assumptionNameBase(link);
  return `${NAME_PREFIX}${base}${suffix}`;
}

/** The assumption spec of a linked cell (to compare values), from the template's assumption list. */
function linkedSpec(
  link: AssumptionKey | `v2:${V2InputKey}`,
  assumptions: readonly AssumptionSpec[]
): AssumptionSpec | undefined {
  const key = link.startsWith("v2:") ? `${V2_ASSUMPTION_KEY_PREFIX}${link.slice(3)}` : link;
  return assumptions.find((a) => a.key === key);
}

/** The assumption key of a risk input's range end: "risk.gridMonths.low". */
export function riskAssumptionKey(key: RiskInputKey, end: RangeEnd): string {
  return `risk.${key}.${end.toLowerCase()}`;
}

export interface RiskLayoutInput {
  readonly key: RiskInputKey;
  readonly row: number;
  readonly label: string;
  readonly path: string;
  readonly quantity: Quantity;
  readonly low: number;
  readonly typical: number;
  readonly high: number;
  /** The template cell the typical value links to, or null when the row holds its own. */
  readonly linkedTo: string | null;
}

/** The case's inputs with their rows and links, as the library gives them (the ranges table at insert). */
export function riskLayoutInputs(
  c: RiskCase,
  assumptions: readonly AssumptionSpec[],
  suffix: string
): RiskLayoutInput[] {
  return caseInputs(c, recordsFor(c)).map((input) => {
    const link = RISK_TYPICAL_LINKS[input.key];
    const spec = link === undefined ? undefined : linkedSpec(link, assumptions);
    return {
      key: input.key,
      row: LAYOUT.riskRanges[input.key],
      label: input.label,
      path: input.path,
      quantity: input.quantity,
      low: input.low,
      typical: input.typical,
      high: input.high,
      // Linked only when the template's cell holds the same figure (a scenario override may change it there).
      linkedTo:
        link !== undefined && spec !== undefined && spec.value === input.typical
          ? linkedName(link, suffix)
          : null,
    };
  });
}

/** The ranges table's source cell (column J) of a used input: its library path and source, and its link. */
function rangeSourceText(input: RiskLayoutInput): string {
  const link = input.linkedTo === null ? "" : ` (typical: ${input.linkedTo})`;
  return `${input.path}: ${input.quantity.source}${link}`;
}

/**
 * Low, high and (when not linked) typical of each used input, as refreshable assumptions. `source` is the
 * library's text alone, as for every other assumption (the sidebar isolates it as one piece of library text);
 * the path is `libraryPath`. The source cell a refresh rewrites holds what the insert wrote there.
 */
export function riskAssumptionSpecs(
  inputs: readonly RiskLayoutInput[],
  suffix: string
): AssumptionSpec[] {
  const c = RISK_RANGE_COLUMN;
  return inputs.flatMap((input) => {
    const ends: [RangeEnd, string, number][] = [
      ["Low", c.low, input.low],
      ["High", c.high, input.high],
    ];
    if (input.linkedTo === null) ends.push(["Typical", c.typical, input.typical]);
    return ends.map(([end, column, value]): AssumptionSpec => ({
      key: riskAssumptionKey(input.key, end),
      label: `${input.label}: ${end.toLowerCase()}`,
      name: `${NAME_PREFIX}${riskRangeNameBase(input.key, end)}${suffix}`,
      address: `${column}${input.row}`,
      value,
      unit: input.quantity.unit,
      source: input.quantity.source,
      asOf: input.quantity.asOf,
      libraryPath: input.path,
      numberFormat: FORMAT.general,
      provenance: [
        {
          role: "source",
          address: `${c.source}${input.row}`,
          value: rangeSourceText(input),
        },
      ],
    }));
  });
}

/** The cells that hold no engine value: labels, inputs, names and the formulas over the values. */
export function writeRisk(
  b: SheetBuilder,
  inputs: readonly RiskLayoutInput[],
  c: RiskCase,
  tornadoRows: number
): TemplateChartSpec[] {
  const text = (address: string, value: string, style: CellStyle = "label") =>
    b.text(address, value, style);
  const L = LAYOUT;
  text(
    `A${L.riskSection}`,
    "Risk: Monte Carlo over the ranges below (docs/model.md section 12)",
    "section"
  );
  text(
    `A${L.riskNote}`,
    "Values written by Run risk analysis in the sidebar (and at insert), with the trials, seed, library and time that produced them: they do not depend on recalculation. Status says when an input has changed since.",
    "note"
  );
  // Settings: named inputs the sidebar reads.
  text(`A${L.riskSettings.trials}`, "Trials (100 to 1,000,000)");
  text(`B${L.riskSettings.trials}`, "trials", "unit");
  b.value(`C${L.riskSettings.trials}`, 10_000, "input", FORMAT.count);
  b.defineName(RISK_TRIALS_NAME_BASE, `C${L.riskSettings.trials}`);
  text(`A${L.riskSettings.seed}`, "Seed (0 to 4,294,967,295)");
  text(`B${L.riskSettings.seed}`, "seed", "unit");
  b.value(`C${L.riskSettings.seed}`, 1, "input", FORMAT.flag);
  b.defineName(RISK_SEED_NAME_BASE, `C${L.riskSettings.seed}`);
  const stamp = L.riskStamp;
  text(`A${stamp.trialsUsed}`, "Last run: trials");
  text(`A${stamp.seedUsed}`, "Last run: seed");
  text(`A${stamp.library}`, "Last run: library");
  text(`A${stamp.ranAt}`, "Last run: time (UTC)");
  text(`A${stamp.status}`, "Status");

  // Ranges table.
  const R = RISK_RANGE_COLUMN;
  const head = L.riskRangeHeader;
  const headers: [string, string][] = [
    [R.label, "Uncertain input"],
    [R.key, "Key"],
    [R.low, "Low"],
    [R.typical, "Typical"],
    [R.high, "High"],
    [R.lowUsed, "Low (last run)"],
    [R.typicalUsed, "Typical (last run)"],
    [R.highUsed, "High (last run)"],
    [R.shape, "Sampled as"],
    [R.source, "Source"],
    [R.changed, "Changed since run"],
  ];
  for (const [col, title] of headers) text(`${col}${head}`, title, "header");
  const settings = riskSettingsFor(c.index.library);
  const byKey = new Map(inputs.map((input) => [input.key, input] as const));
  for (const key of RISK_ROW_KEYS) {
    const row = L.riskRanges[key];
    const input = byKey.get(key);
    text(`${R.key}${row}`, key, "muted");
    if (input === undefined) {
      text(`${R.label}${row}`, key, "muted");
      text(`${R.source}${row}`, "not used by this case", "source");
      b.value(`${R.changed}${row}`, 0, "muted", FORMAT.flag);
      continue;
    }
    b.formula(
      `${R.changed}${row}`,
      `=IF(${R.low}${row}=${R.lowUsed}${row},IF(${R.typical}${row}=${R.typicalUsed}${row},IF(${R.high}${row}=${R.highUsed}${row},0,1),1),1)`,
      "formula",
      FORMAT.flag
    );
    text(`${R.label}${row}`, input.label);
    b.value(`${R.low}${row}`, input.low, "input", FORMAT.general);
    b.defineName(riskRangeNameBase(key, "Low"), `${R.low}${row}`);
    if (input.linkedTo === null)
      b.value(`${R.typical}${row}`, input.typical, "input", FORMAT.general);
    else b.formula(`${R.typical}${row}`, `=${input.linkedTo}`, "formula", FORMAT.general);
    b.defineName(riskRangeNameBase(key, "Typical"), `${R.typical}${row}`);
    b.value(`${R.high}${row}`, input.high, "input", FORMAT.general);
    b.defineName(riskRangeNameBase(key, "High"), `${R.high}${row}`);
    const shape =
      input.low < input.high
        ? shapeLabel(settings.shapes.get(key) ?? DEFAULT_RISK_SHAPES[key] ?? "pert")
        : "fixed (no range)";
    text(`${R.shape}${row}`, shape, "muted");
    text(`${R.source}${row}`, rangeSourceText(input), "source");
  }

  // Status: up to date while the settings, the ranges and the sheet's own result are those of the last run.
  const trials = b.name(RISK_TRIALS_NAME_BASE);
  const seed = b.name(RISK_SEED_NAME_BASE);
  const sheetResult = b.name(resultNameBase("differenceWithDelay"));
  const engineCell = `C${L.riskSummary.typicalEngine}`;
  const firstRange = L.riskRanges[RISK_ROW_KEYS[0]];
  const lastRange = L.riskRanges[RISK_ROW_KEYS[RISK_ROW_KEYS.length - 1]];
  text(`A${L.riskTolerance}`, "Status tolerance: sheet vs engine at the typical values");
  text(`B${L.riskTolerance}`, "USD", "unit");
  b.value(`C${L.riskTolerance}`, 0.01, "muted", FORMAT.usdCents);
  const tolerance = b.defineName(RISK_TOLERANCE_NAME_BASE, `C${L.riskTolerance}`);
  const stale = '"Inputs changed since the last run: press Run risk analysis in the sidebar"';
  b.formula(
    `C${stamp.status}`,
    `=IF(${trials}<>C${stamp.trialsUsed},${stale},IF(${seed}<>C${stamp.seedUsed},${stale},IF(SUM(${R.changed}${firstRange}:${R.changed}${lastRange})>0,${stale},IF(MAX(${sheetResult}-${engineCell},${engineCell}-${sheetResult})>${tolerance},${stale},"Up to date: the results below are from the inputs above"))))`,
    "verdict"
  );

  // Percentile table.
  const rh = L.riskResultHeader;
  text(`A${rh}`, "Output", "header");
  text(`B${rh}`, "Unit", "header");
  ["Mean", "P5", "P10", "P50", "P90", "P95"].forEach((title, i) =>
    text(`${RISK_RESULT_COLUMNS[i]}${rh}`, title, "header")
  );
  text(`${RISK_PRICED_COLUMN}${rh}`, "Share of trials priced", "header");
  for (const [key, row] of Object.entries(L.riskResults) as [OutputKey, number][]) {
    text(`A${row}`, OUTPUT_LABELS[key][0]);
    text(`B${row}`, OUTPUT_LABELS[key][1], "unit");
  }
  const s = L.riskSummary;
  const summaryLabels: [number, string, string][] = [
    [s.probabilityBuildWins, "Probability building wins (incl. cost of delay)", "share"],
    [s.probabilityBuildWinsExclDelay, "Probability building wins (excl. cost of delay)", "share"],
    [s.standardError, "Standard error of the mean difference incl. cost of delay", "USD"],
    [
      s.expectedUsefulCostBuild,
      "Build: expected cost / expected useful GPU-hours",
      "USD per GPU-hour",
    ],
    [
      s.expectedUsefulCostRent,
      "Rent: expected cost / expected useful GPU-hours",
      "USD per GPU-hour",
    ],
    [
      s.typicalEngine,
      "Difference incl. cost of delay at the typical values (engine, last run)",
      "USD",
    ],
    [s.typicalSheet, "The same by this sheet's formulas (Results)", "USD"],
  ];
  for (const [row, label, unit] of summaryLabels) {
    text(`A${row}`, label);
    text(`B${row}`, unit, "unit");
  }
  b.formula(`C${s.typicalSheet}`, `=${sheetResult}`, "formula", FORMAT.usd);

  // Drivers.
  const dh = L.riskDriverHeader;
  text(`A${dh}`, "Drivers of the worst 10 % (highest difference incl. cost of delay)", "header");
  text(`B${dh}`, "Key", "header");
  text(`C${dh}`, "Shift (sd)", "header");
  text(`D${dh}`, "Input", "header");
  for (let i = 0; i < RISK_DRIVERS; i++) text(`A${L.riskDriverFirstRow + i}`, `Driver ${i + 1}`);

  // Tornado: the bars relative to the typical case are formulas over the written ends.
  const T = RISK_TORNADO_COLUMN;
  const th = L.riskTornadoHeader;
  const tornadoHeaders: [string, string][] = [
    [T.label, "Tornado: input (one at a time, low to high)"],
    [T.lowDelta, "At low - typical (USD)"],
    [T.highDelta, "At high - typical (USD)"],
    [T.key, "Key"],
    [T.low, "Low"],
    [T.high, "High"],
    [T.atLow, "Difference at low (USD)"],
    [T.atHigh, "Difference at high (USD)"],
    [T.swing, "Swing (USD)"],
  ];
  for (const [col, title] of tornadoHeaders) text(`${col}${th}`, title, "header");
  for (let i = 0; i < tornadoRows; i++) {
    const row = L.riskTornadoFirstRow + i;
    b.formula(
      `${T.lowDelta}${row}`,
      `=IF(${T.atLow}${row}="","",${T.atLow}${row}-${engineCell})`,
      "formula",
      FORMAT.usd
    );
    b.formula(
      `${T.highDelta}${row}`,
      `=IF(${T.atHigh}${row}="","",${T.atHigh}${row}-${engineCell})`,
      "formula",
      FORMAT.usd
    );
  }

  // Histogram and S-curve of the difference incl. cost of delay.
  const H = RISK_HISTOGRAM_COLUMN;
  const hh = L.riskHistogramHeader;
  const histogramHeaders: [string, string][] = [
    [H.label, "Difference incl. cost of delay (USD)"],
    [H.count, "Trials"],
    [H.share, "Share"],
    [H.cumulative, "Cumulative share"],
    [H.upper, "Upper edge (USD)"],
    [H.curveLabel, "Up to (USD bn)"],
    [H.curveValue, "Cumulative share"],
  ];
  for (const [col, title] of histogramHeaders) text(`${col}${hh}`, title, "header");
  const first = L.riskHistogramFirstRow;
  for (let k = 0; k < RISK_BINS; k++) {
    const row = first + k;
    b.formula(
      `${H.share}${row}`,
      `=${H.count}${row}/C${stamp.trialsUsed}`,
      "formula",
      FORMAT.percent
    );
    b.formula(
      `${H.cumulative}${row}`,
      `=SUM(${H.count}$${first}:${H.count}${row})/C${stamp.trialsUsed}`,
      "formula",
      FORMAT.percent
    );
    b.formula(`${H.curveLabel}${row}`, `=${H.label}${row}`, "formula");
    b.formula(`${H.curveValue}${row}`, `=${H.cumulative}${row}`, "formula", FORMAT.percent);
  }
  const last = first + RISK_BINS - 1;
  const chartTop = L.riskChartsFirstRow;
  return [
    {
      title: "Tornado: difference incl. cost of delay, each input low to high (USD, vs typical)",
      type: "BarClustered",
      dataAddress: `${T.label}${th}:${T.highDelta}${th + Math.max(1, tornadoRows)}`,
      seriesBy: "Columns",
      anchorTopLeft: `A${chartTop}`,
      anchorBottomRight: `D${chartTop + 15}`,
    },
    {
      title: "Distribution of the difference incl. cost of delay (trials per bin)",
      type: "ColumnClustered",
      dataAddress: `${H.label}${hh}:${H.count}${last}`,
      seriesBy: "Columns",
      anchorTopLeft: `E${chartTop}`,
      anchorBottomRight: `J${chartTop + 15}`,
    },
    {
      title: "S-curve: share of trials with a difference up to (USD bn)",
      type: "Line",
      dataAddress: `${H.curveLabel}${hh}:${H.curveValue}${last}`,
      seriesBy: "Columns",
      anchorTopLeft: `A${chartTop + 16}`,
      anchorBottomRight: `D${chartTop + 31}`,
    },
  ];
}

function shapeLabel(shape: string): string {
  switch (shape) {
    case "right-skewed":
      return "right-skewed (lognormal, high = P95)";
    case "triangular":
      return "triangular";
    case "fixed":
      return "fixed (library)";
    default:
      return "PERT";
  }
}

/** A bin's category label: text that cannot be read as a number (a number would make Excel chart it as a series). */
const upTo = (usd: number) => `up to ${(usd / 1e9).toFixed(2)} bn`;

/** The values of a run at their addresses as inserted. */
export function riskValueCells(run: RiskSectionRun): RiskValueCell[] {
  const L = LAYOUT;
  const cells: RiskValueCell[] = [];
  const put = (address: string, value: string | number) => cells.push({ address, value });
  const stamp = L.riskStamp;
  put(`C${stamp.trialsUsed}`, run.trials);
  put(`C${stamp.seedUsed}`, run.seed);
  put(`C${stamp.library}`, run.libraryText);
  put(
    `C${stamp.ranAt}`,
    run.notes.length === 0 ? run.ranAt : `${run.ranAt}; ${run.notes.join("; ")}`
  );
  const R = RISK_RANGE_COLUMN;
  for (const key of RISK_ROW_KEYS) {
    const row = L.riskRanges[key];
    const used = run.used.get(key);
    put(`${R.lowUsed}${row}`, used?.low ?? "");
    put(`${R.typicalUsed}${row}`, used?.value ?? "");
    put(`${R.highUsed}${row}`, used?.high ?? "");
  }
  for (const [key, row] of Object.entries(L.riskResults) as [OutputKey, number][]) {
    const d = run.summary.outputs[key];
    const values = d === null ? null : [d.mean, ...d.percentiles];
    RISK_RESULT_COLUMNS.forEach((col, i) =>
      put(`${col}${row}`, values === null ? "no useful GPU-hours in the horizon" : values[i])
    );
    put(`${RISK_PRICED_COLUMN}${row}`, d?.pricedShare ?? 0);
  }
  const s = L.riskSummary;
  const summary = run.summary;
  put(`C${s.probabilityBuildWins}`, summary.probabilityBuildWins);
  put(`C${s.probabilityBuildWinsExclDelay}`, summary.probabilityBuildWinsExclDelay);
  put(`C${s.standardError}`, summary.standardErrorOfMeanDifference);
  put(`C${s.expectedUsefulCostBuild}`, summary.expectedUsefulCost.build ?? "no useful GPU-hours");
  put(`C${s.expectedUsefulCostRent}`, summary.expectedUsefulCost.rent ?? "no useful GPU-hours");
  put(`C${s.typicalEngine}`, run.tornado.base);
  for (let i = 0; i < RISK_DRIVERS; i++) {
    const row = L.riskDriverFirstRow + i;
    const driver = summary.drivers[i];
    put(`B${row}`, driver?.key ?? "none");
    put(`C${row}`, driver?.shiftInWorst ?? "");
    put(`D${row}`, driver?.label ?? "");
  }
  const T = RISK_TORNADO_COLUMN;
  run.tornado.bars.forEach((bar, i) => {
    const row = L.riskTornadoFirstRow + i;
    if (i >= RISK_ROW_KEYS.length) return;
    put(`${T.label}${row}`, bar.label);
    put(`${T.key}${row}`, bar.key);
    put(`${T.low}${row}`, bar.low);
    put(`${T.high}${row}`, bar.high);
    put(`${T.atLow}${row}`, bar.atLow);
    put(`${T.atHigh}${row}`, bar.atHigh);
    put(`${T.swing}${row}`, bar.swing);
  });
  // Rows below the bars are cleared (a run may have fewer bars than the last one).
  for (let i = run.tornado.bars.length; i < RISK_ROW_KEYS.length; i++) {
    const row = L.riskTornadoFirstRow + i;
    for (const col of [T.label, T.key, T.low, T.high, T.atLow, T.atHigh, T.swing])
      put(`${col}${row}`, "");
  }
  const H = RISK_HISTOGRAM_COLUMN;
  run.histogram.forEach((bin, k) => {
    const row = L.riskHistogramFirstRow + k;
    put(`${H.label}${row}`, upTo(bin.upper));
    put(`${H.count}${row}`, bin.count);
    put(`${H.upper}${row}`, bin.upper);
  });
  return cells;
}

/** Number formats of the value cells (the run writes values only; the insert sets these once). */
export function riskValueFormats(): { address: string; numberFormat: string }[] {
  const L = LAYOUT;
  const formats: { address: string; numberFormat: string }[] = [];
  for (const [key, row] of Object.entries(L.riskResults) as [OutputKey, number][]) {
    for (const col of RISK_RESULT_COLUMNS)
      formats.push({ address: `${col}${row}`, numberFormat: OUTPUT_LABELS[key][2] });
    formats.push({ address: `${RISK_PRICED_COLUMN}${row}`, numberFormat: FORMAT.percent });
  }
  const s = L.riskSummary;
  formats.push(
    { address: `C${s.probabilityBuildWins}`, numberFormat: FORMAT.percent },
    { address: `C${s.probabilityBuildWinsExclDelay}`, numberFormat: FORMAT.percent },
    { address: `C${s.standardError}`, numberFormat: FORMAT.usd },
    { address: `C${s.expectedUsefulCostBuild}`, numberFormat: FORMAT.usdCents },
    { address: `C${s.expectedUsefulCostRent}`, numberFormat: FORMAT.usdCents },
    { address: `C${s.typicalEngine}`, numberFormat: FORMAT.usd },
    { address: `C${L.riskStamp.trialsUsed}`, numberFormat: FORMAT.count }
  );
  for (let i = 0; i < RISK_DRIVERS; i++)
    formats.push({ address: `C${L.riskDriverFirstRow + i}`, numberFormat: FORMAT.ratio });
  const T = RISK_TORNADO_COLUMN;
  for (let i = 0; i < RISK_ROW_KEYS.length; i++) {
    const row = L.riskTornadoFirstRow + i;
    for (const col of [T.atLow, T.atHigh, T.swing])
      formats.push({ address: `${col}${row}`, numberFormat: FORMAT.usd });
  }
  for (let k = 0; k < RISK_BINS; k++) {
    formats.push({
      address: `${RISK_HISTOGRAM_COLUMN.upper}${L.riskHistogramFirstRow + k}`,
      numberFormat: FORMAT.usd,
    });
  }
  return formats;
}

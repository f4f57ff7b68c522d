/**
 * The Options comparison template: one sheet with the six routes of CAPPLAN.OPTIONS side by side for a
 * library scenario (docs/model.md section 11.11). Five named inputs (GPU, count, years, region, discount
 * rate) feed one =CAPPLAN.OPTIONS spill and one =CAPPLAN.OPTIONLINES spill; everything else is a native
 * formula over those spills: the side-by-side table, a ranking by NPV incl. cost of delay, the best two
 * routes in words, and a waterfall that explains the gap between the two best routes by cost line. Two
 * native charts: a clustered bar chart of the NPVs and a stacked-column waterfall (invisible base).
 */
import { rangeAddress } from "../model/a1";
import type { LibraryIndex } from "../model/library/indexLibrary";
import { COST_LINES, OPTION_LABELS, OPTIONS_HEADER } from "../model/options";
import { resolveScenarioInputs } from "../model/resolve";
import { FORMAT } from "./formats";
import { charactersToPoints, COLUMN } from "./layout";
import { LIBRARY_HEADER } from "./sections/header";
import { SheetBuilder } from "./sheetBuilder";
import type { AssumptionSpec, TemplateChartSpec, TemplateSpec } from "./types";

export interface OptionsPlacement {
  readonly sheetName: string;
  readonly nameSuffix: string;
}

const ROUTES = OPTION_LABELS.length;
const LINES = COST_LINES.length;

/** Rows (1-based, as A1 text shows them) of the sheet. The header rows are the rent-vs-build sheet's. */
export const OPTIONS_LAYOUT = (() => {
  const header = {
    title: 1,
    scenario: 2,
    description: 3,
    library: 4,
    published: 5,
    liveLibrary: 6,
    conventions: 7,
  };
  const inputSection = 9;
  const inputHeader = 10;
  const inputs = { gpu: 11, count: 12, years: 13, region: 14, discountRate: 15 };
  const spillSection = 17;
  const spill = 18; // header row of =CAPPLAN.OPTIONS, then one row per route
  const tableSection = spill + ROUTES + 2;
  const tableHeader = tableSection + 1;
  const firstRoute = tableHeader + 1;
  const rankNote = firstRoute + ROUTES;
  const best = rankNote + 2;
  const second = best + 1;
  const verdict = second + 1;
  const linesSection = verdict + 2;
  const lines = linesSection + 1; // header row of =CAPPLAN.OPTIONLINES, then one row per cost line
  const waterfallSection = lines + LINES + 2;
  const waterfallHeader = waterfallSection + 1;
  const waterfallStart = waterfallHeader + 1;
  const firstLine = waterfallStart + 1;
  const waterfallEnd = firstLine + LINES;
  const check = waterfallEnd + 1;
  const delayGap = check + 1;
  return {
    header,
    inputSection,
    inputHeader,
    inputs,
    spillSection,
    spill,
    tableSection,
    tableHeader,
    firstRoute,
    rankNote,
    best,
    second,
    verdict,
    linesSection,
    lines,
    waterfallSection,
    waterfallHeader,
    waterfallStart,
    firstLine,
    waterfallEnd,
    check,
    delayGap,
    lastRow: delayGap,
  };
})();

/** Size of the two spills (rows x columns), for checks and for the lint's "inside a spill" rule. */
export const OPTIONS_SPILL = {
  anchor: `A${OPTIONS_LAYOUT.spill}`,
  rows: ROUTES + 1,
  columns: OPTIONS_HEADER.length,
} as const;
export const OPTION_LINES_SPILL = {
  anchor: `A${OPTIONS_LAYOUT.lines}`,
  rows: LINES + 1,
  columns: ROUTES + 1,
} as const;

/** Columns of the side-by-side table and the OPTIONS spill column each one reads. */
const TABLE = [
  { column: "B", header: "NPV (USD)", spillColumn: "B", format: FORMAT.usd },
  {
    column: "C",
    header: "NPV incl. cost of delay (USD)",
    spillColumn: "C",
    format: FORMAT.usd,
  },
  {
    column: "D",
    header: "USD per useful GPU-hour",
    spillColumn: "D",
    format: FORMAT.usdCents,
  },
  { column: "E", header: "Months to capacity", spillColumn: "E", format: FORMAT.months },
  { column: "F", header: "Peak capital (USD)", spillColumn: "G", format: FORMAT.usd },
] as const;
const RANK_COLUMN = "G";
/** Waterfall columns: chart data first (labels, base, total, increase, decrease), then the arithmetic. */
const WF = { label: "A", base: "B", total: "C", up: "D", down: "E", change: "F", running: "G" };

const abs = (column: string, row: number): string => `$${column}$${row}`;

export function buildOptionsComparisonTemplate(
  index: LibraryIndex,
  scenarioId: string,
  placement: OptionsPlacement
): TemplateSpec {
  const resolved = resolveScenarioInputs(index, scenarioId);
  const { scenario, gpu, region } = resolved;
  const library = index.library;
  const L = OPTIONS_LAYOUT;
  const b = new SheetBuilder(placement.nameSuffix);
  const publishedAt = library.meta.publishedAt;

  // ---- header (same rows and library cell as the rent-vs-build sheet)
  const { label, unit, value, asOf, source } = COLUMN;
  b.text(`${label}${L.header.title}`, "Capacity Planner: options comparison", "title");
  b.text(`${label}${L.header.scenario}`, scenario.name, "subtitle");
  b.text(
    `${label}${L.header.description}`,
    "The six routes to capacity of CAPPLAN.OPTIONS side by side for this scenario's GPU, count, horizon, region and discount rate; every other assumption is the library's.",
    "note"
  );
  b.text(`${label}${L.header.library}`, "Library", "label");
  b.text(LIBRARY_HEADER.address, LIBRARY_HEADER.text(library.meta), "muted");
  b.text(`${label}${L.header.published}`, "Library published (as of)", "label");
  b.text(`${value}${L.header.published}`, publishedAt, "muted");
  b.text(`${label}${L.header.liveLibrary}`, "Library the CAPPLAN functions use now", "label");
  b.formula(`${value}${L.header.liveLibrary}`, "=CAPPLAN.LIBRARY()", "muted");
  b.text(
    `${label}${L.header.conventions}`,
    "Inputs are blue on a pale fill; everything else is a formula. USD; NPVs are costs (positive = money out), so the lowest ranks first.",
    "note"
  );

  // ---- inputs
  b.text(`${label}${L.inputSection}`, "Inputs", "section");
  const headers = [
    [label, "Input"],
    [unit, "Unit"],
    [value, "Value"],
    [asOf, "As of"],
    [source, "Source"],
  ] as const;
  for (const [column, text] of headers) b.text(`${column}${L.inputHeader}`, text, "header");

  const discount =
    scenario.discountRate !== undefined
      ? {
          value: scenario.discountRate,
          source: `scenarios.${scenario.id}.discountRate (the scenario overrides financing.discountRate)`,
          asOf: publishedAt,
        }
      : {
          value: library.financing.discountRate.value,
          source: library.financing.discountRate.source,
          asOf: library.financing.discountRate.asOf,
          libraryPath: "financing.discountRate",
        };
  const inputs: readonly {
    readonly key: keyof typeof L.inputs;
    readonly base: string;
    readonly label: string;
    readonly value: string | number;
    readonly unit: string;
    readonly format: string;
    readonly source: string;
    readonly asOf: string;
    readonly libraryPath?: string;
  }[] = [
    {
      key: "gpu",
      base: "OptionsGpu",
      label: "GPU (library id)",
      value: gpu.id,
      unit: "",
      format: FORMAT.general,
      source: `scenarios.${scenario.id}.gpu (${gpu.name})`,
      asOf: publishedAt,
    },
    {
      key: "count",
      base: "OptionsGpuCount",
      label: "GPUs",
      value: scenario.count,
      unit: "GPUs",
      format: FORMAT.count,
      source: `scenarios.${scenario.id}.count`,
      asOf: publishedAt,
    },
    {
      key: "years",
      base: "OptionsYears",
      label: "Horizon",
      value: scenario.years,
      unit: "years",
      format: FORMAT.wholeYears,
      source: `scenarios.${scenario.id}.years`,
      asOf: publishedAt,
    },
    {
      key: "region",
      base: "OptionsRegion",
      label: "Region (library id)",
      value: region.id,
      unit: "",
      format: FORMAT.general,
      source: `scenarios.${scenario.id}.region (${region.name})`,
      asOf: publishedAt,
    },
    {
      key: "discountRate",
      base: "OptionsDiscountRate",
      label: "Discount rate",
      value: discount.value,
      unit: "fraction per year",
      format: FORMAT.percent,
      source: discount.source,
      asOf: discount.asOf,
      ...("libraryPath" in discount ? { libraryPath: discount.libraryPath } : {}),
    },
  ];
  const assumptions: AssumptionSpec[] = [];
  const nameOf = {} as Record<keyof typeof L.inputs, string>;
  for (const input of inputs) {
    const row = L.inputs[input.key];
    const address = `${value}${row}`;
    b.text(`${label}${row}`, input.label, "label");
    if (input.unit !== "") b.text(`${unit}${row}`, input.unit, "unit");
    b.value(address, input.value, "input", input.format);
    b.text(`${asOf}${row}`, input.asOf, "source");
    b.text(`${source}${row}`, input.source, "source");
    const name = b.name(input.base);
    nameOf[input.key] = name;
    assumptions.push({
      key: `options.${input.key}`,
      label: input.label,
      name,
      address,
      value: input.value,
      unit: input.unit,
      source: input.source,
      asOf: input.asOf,
      ...(input.libraryPath === undefined ? {} : { libraryPath: input.libraryPath }),
      numberFormat: input.format,
      provenance: [
        { role: "asOf", address: `${asOf}${row}`, value: input.asOf },
        { role: "source", address: `${source}${row}`, value: input.source },
      ],
    });
  }
  const args = [nameOf.gpu, nameOf.count, nameOf.years, nameOf.region, nameOf.discountRate].join(
    ","
  );

  // ---- the two spills
  b.text(
    `${label}${L.spillSection}`,
    "The six routes: =CAPPLAN.OPTIONS over the inputs (spills below)",
    "section"
  );
  b.formula(OPTIONS_SPILL.anchor, `=CAPPLAN.OPTIONS(${args})`, "formula");
  b.defineName("OptionsTable", OPTIONS_SPILL.anchor);
  const spillFirst = L.spill + 1;
  const spillLast = L.spill + ROUTES;
  const spillLabels = `${abs("A", spillFirst)}:${abs("A", spillLast)}`;

  // ---- side by side
  b.text(
    `${label}${L.tableSection}`,
    "Side by side (native formulas over the spill; rank 1 = lowest NPV incl. cost of delay)",
    "section"
  );
  b.text(`A${L.tableHeader}`, "Route", "header");
  for (const t of TABLE) b.text(`${t.column}${L.tableHeader}`, t.header, "header");
  b.text(`${RANK_COLUMN}${L.tableHeader}`, "Rank", "header");
  const firstRoute = L.firstRoute;
  const lastRoute = firstRoute + ROUTES - 1;
  const delayRange = `${abs("C", firstRoute)}:${abs("C", lastRoute)}`;
  OPTION_LABELS.forEach((routeLabel, k) => {
    const row = firstRoute + k;
    b.text(`A${row}`, routeLabel, "label");
    const match = `MATCH($A${row},${spillLabels},0)`;
    for (const t of TABLE) {
      const column = `${abs(t.spillColumn, spillFirst)}:${abs(t.spillColumn, spillLast)}`;
      b.formula(`${t.column}${row}`, `=INDEX(${column},${match})`, "formula", t.format);
    }
    // RANK over the priced routes (text cells are ignored); ties broken by sheet order: the count of
    // equal values above this row is added, so ranks 1..n are unique and MATCH finds each one.
    b.formula(
      `${RANK_COLUMN}${row}`,
      `=IF(ISNUMBER(C${row}),RANK(C${row},${delayRange},1)+COUNTIF(${abs("C", L.tableHeader)}:C${row - 1},C${row}),"not priced")`,
      "result",
      FORMAT.count
    );
  });
  b.text(
    `A${L.rankNote}`,
    "A route the library cannot price shows the reason instead of numbers and ranks 'not priced'. Equal NPVs: the route listed first ranks first.",
    "note"
  );

  const labels = `${abs("A", firstRoute)}:${abs("A", lastRoute)}`;
  const ranks = `${abs(RANK_COLUMN, firstRoute)}:${abs(RANK_COLUMN, lastRoute)}`;
  const podium = [
    { row: L.best, text: "Best route", rank: 1, base: "OptionsBest" },
    { row: L.second, text: "Second best", rank: 2, base: "OptionsSecond" },
  ] as const;
  b.text(`B${L.best - 1}`, "Rank", "header");
  b.text(`C${L.best - 1}`, "Route", "header");
  b.text(`D${L.best - 1}`, "NPV incl. cost of delay (USD)", "header");
  b.text(`E${L.best - 1}`, "NPV (USD)", "header");
  for (const p of podium) {
    b.text(`A${p.row}`, p.text, "label");
    b.value(`B${p.row}`, p.rank, "muted", FORMAT.count);
    b.formula(
      `C${p.row}`,
      `=IFERROR(INDEX(${labels},MATCH(B${p.row},${ranks},0)),"not priced")`,
      "result"
    );
    b.defineName(p.base, `C${p.row}`);
    b.formula(
      `D${p.row}`,
      `=IFERROR(INDEX(${delayRange},MATCH(C${p.row},${labels},0)),"not priced")`,
      "result",
      FORMAT.usd
    );
    b.formula(
      `E${p.row}`,
      `=IFERROR(INDEX(${abs("B", firstRoute)}:${abs("B", lastRoute)},MATCH(C${p.row},${labels},0)),"not priced")`,
      "result",
      FORMAT.usd
    );
  }
  b.text(`A${L.verdict}`, "In words", "label");
  b.formula(
    `C${L.verdict}`,
    `=IFERROR("Best: "&C${L.best}&", NPV incl. cost of delay "&FIXED(D${L.best},0)&" USD, "&FIXED(D${L.second}-D${L.best},0)&" USD below the second best, "&C${L.second}&".","Fewer than two routes are priced.")`,
    "verdict"
  );
  b.defineName("OptionsVerdict", `C${L.verdict}`);

  // ---- present value per cost line
  b.text(
    `${label}${L.linesSection}`,
    "Present value per cost line: =CAPPLAN.OPTIONLINES over the inputs (spills below; each route's lines sum to its NPV)",
    "section"
  );
  b.formula(OPTION_LINES_SPILL.anchor, `=CAPPLAN.OPTIONLINES(${args})`, "formula");
  b.defineName("OptionLinesTable", OPTION_LINES_SPILL.anchor);
  const linesHeader = `${abs("B", L.lines)}:${abs("G", L.lines)}`;
  const linesBody = `${abs("B", L.lines + 1)}:${abs("G", L.lines + LINES)}`;
  const linesLabels = `${abs("A", L.lines + 1)}:${abs("A", L.lines + LINES)}`;

  // ---- waterfall: best NPV, then each line's (second best - best), then the second best's NPV
  b.text(
    `${label}${L.waterfallSection}`,
    "Waterfall: from the best route's NPV to the second best's, by cost line (USD, present value)",
    "section"
  );
  const wfHeaders = [
    [WF.label, "Step"],
    [WF.base, "Base"],
    [WF.total, "NPV"],
    [WF.up, "Second best costs more"],
    [WF.down, "Second best costs less"],
    [WF.change, "Change (second best - best)"],
    [WF.running, "Running total"],
  ] as const;
  for (const [column, text] of wfHeaders) b.text(`${column}${L.waterfallHeader}`, text, "header");
  const bestRef = abs("C", L.best);
  const secondRef = abs("C", L.second);
  const npvOf = (ref: string): string =>
    `INDEX(${abs("B", firstRoute)}:${abs("B", lastRoute)},MATCH(${ref},${labels},0))`;
  for (const [row, ref] of [
    [L.waterfallStart, bestRef],
    [L.waterfallEnd, secondRef],
  ] as const) {
    b.formula(`${WF.label}${row}`, `=${ref}`, "label");
    b.formula(`${WF.change}${row}`, `=${npvOf(ref)}`, "result", FORMAT.usd);
    b.formula(`${WF.total}${row}`, `=${WF.change}${row}`, "formula", FORMAT.usd);
    b.formula(`${WF.running}${row}`, `=${WF.change}${row}`, "formula", FORMAT.usd);
  }
  COST_LINES.forEach(([, lineLabel], i) => {
    const row = L.firstLine + i;
    const line = (ref: string): string =>
      `INDEX(${linesBody},MATCH($A${row},${linesLabels},0),MATCH(${ref},${linesHeader},0))`;
    b.text(`${WF.label}${row}`, lineLabel, "label");
    b.formula(`${WF.change}${row}`, `=${line(secondRef)}-${line(bestRef)}`, "formula", FORMAT.usd);
    b.formula(
      `${WF.running}${row}`,
      `=${WF.running}${row - 1}+${WF.change}${row}`,
      "formula",
      FORMAT.usd
    );
    // The invisible base: the lower of the running total before and after this step.
    b.formula(
      `${WF.base}${row}`,
      `=MIN(${WF.running}${row - 1},${WF.running}${row})`,
      "formula",
      FORMAT.usd
    );
    b.formula(`${WF.up}${row}`, `=MAX(${WF.change}${row},0)`, "formula", FORMAT.usd);
    b.formula(`${WF.down}${row}`, `=MAX(-${WF.change}${row},0)`, "formula", FORMAT.usd);
  });
  b.text(
    `${WF.label}${L.check}`,
    "Check: best + changes - second best (0: the lines explain the whole gap)",
    "note"
  );
  b.formula(
    `${WF.change}${L.check}`,
    `=${WF.change}${L.waterfallStart}+SUM(${WF.change}${L.firstLine}:${WF.change}${L.firstLine + LINES - 1})-${WF.change}${L.waterfallEnd}`,
    "formula",
    FORMAT.usdCents
  );
  b.defineName("OptionsWaterfallCheck", `${WF.change}${L.check}`);
  b.text(`${WF.label}${L.delayGap}`, "Gap incl. cost of delay (second best - best)", "label");
  b.formula(`${WF.change}${L.delayGap}`, `=D${L.second}-D${L.best}`, "result", FORMAT.usd);

  const charts: TemplateChartSpec[] = [
    {
      title: "NPV by route (USD; cost, lower is better)",
      type: "BarClustered",
      dataAddress: rangeAddress({
        row: L.tableHeader - 1,
        col: 0,
        rowCount: ROUTES + 1,
        colCount: 3,
      }),
      seriesBy: "Columns",
      anchorTopLeft: `I${L.spillSection}`,
      anchorBottomRight: `P${L.verdict}`,
    },
    {
      title: "Why the best route beats the second best (USD, present value)",
      type: "ColumnStacked",
      dataAddress: `${WF.label}${L.waterfallHeader}:${WF.down}${L.waterfallEnd}`,
      seriesBy: "Columns",
      anchorTopLeft: `I${L.linesSection}`,
      anchorBottomRight: `P${L.lastRow}`,
      hiddenSeries: [0],
      seriesColors: [null, "#4472C4", "#C00000", "#70AD47"],
    },
  ];

  return {
    sheetName: placement.sheetName,
    nameSuffix: placement.nameSuffix,
    cells: b.cellList(),
    assumptions,
    names: b.nameList(),
    columnWidths: [
      { column: "A", width: charactersToPoints(44) },
      ...["B", "C", "D", "E", "F", "G"].map((column) => ({
        column,
        width: charactersToPoints(20),
      })),
    ],
    rangeFormats: [
      ...TABLE.map((t) => ({
        address: `${t.spillColumn}${spillFirst}:${t.spillColumn}${spillLast}`,
        numberFormat: t.format,
      })),
      { address: `F${spillFirst}:F${spillLast}`, numberFormat: FORMAT.gpuHours },
      { address: `B${L.lines + 1}:G${L.lines + LINES}`, numberFormat: FORMAT.usd },
    ],
    charts,
    metadata: {
      libraryId: library.meta.id,
      libraryVersion: library.meta.version,
      libraryName: library.meta.name,
      scenarioId: scenario.id,
      scenarioName: scenario.name,
      horizonYears: scenario.years,
    },
  };
}

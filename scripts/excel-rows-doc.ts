/**
 * Writes docs/model.md section 4 ("Excel rows") from the rent-vs-build template spec itself, so the
 * document shows the formulas the template writes, in its own names, and cannot drift from them.
 * tests/unit/scripts/excelRowsDoc.test.ts fails when docs/model.md is out of date.
 *
 *   npx tsx scripts/excel-rows-doc.ts          rewrites the section between the markers
 *   npx tsx scripts/excel-rows-doc.ts --check  exits 1 when the section is out of date
 *
 * Cell references become row names, so a formula reads the same in every column: in the column of
 * year y, `{energy}` is the Energy row's cell of that column, `{buildTotal, year 0}` the year-0 cell
 * of Build cash flow; in the breakeven workings, `{rent}` is this month's and `{rent, month 1}` the
 * first month's. A reference the generator cannot name throws, so a new kind of formula fails the
 * test until this script learns to document it.
 */
import { join } from "path";
import { columnIndex, columnLetter } from "../src/model/a1";
import { VALIDATED_BUNDLED_LIBRARY } from "../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../src/model/library/indexLibrary";
import {
  ASSUMPTION_KEYS,
  CASHFLOW_KEYS,
  DERIVED_KEYS,
  LAYOUT,
  RESULT_KEYS,
  SENSITIVITY_FIRST_GRID_COLUMN,
  SENSITIVITY_STEPS,
  V2_DERIVED_KEYS,
  V2_INPUT_KEYS,
  V2_PHASES,
  V2_RESULT_KEYS,
  V2_YEAR_KEYS,
  RISK_BINS,
  RISK_DRIVERS,
  RISK_ROW_KEYS,
  RISK_STAMP_KEYS,
  RISK_SUMMARY_KEYS,
  type AssumptionKey,
  type V2InputKey,
} from "../src/templates/layout";
import { PHASE_COLUMN } from "../src/templates/sections/modelV2";
import {
  RISK_HISTOGRAM_COLUMN,
  RISK_PRICED_COLUMN,
  RISK_RANGE_COLUMN,
  RISK_RESULT_COLUMNS,
  RISK_TORNADO_COLUMN,
  RISK_TYPICAL_LINKS,
  linkedName,
} from "../src/templates/sections/risk";
import { riskRangeNameBase } from "../src/templates/riskRun";
import { OUTPUT_KEYS } from "../src/model/risk/simulate";
import { buildRentVsBuildTemplate } from "../src/templates/rentVsBuild";
import type { RentVsBuildSpec } from "../src/templates/types";
import { checkOrWriteDoc } from "./support/generatedDoc";

export const DOC_PATH = join(__dirname, "..", "docs", "model.md");
export const BEGIN_MARKER =
  "<!-- excel-rows:begin (generated from the template spec by scripts/excel-rows-doc.ts; do not edit by hand) -->";
export const END_MARKER = "<!-- excel-rows:end -->";

/** Which core input (docs/model.md section 3 symbols, src/model/finance field) each named input feeds. */
const CORE_INPUT: Readonly<Record<AssumptionKey, string>> = {
  gpuCount: "N = `gpuCount` of the build and of the rental",
  systemPricePerGpu: "P = `systemPricePerGpu`",
  networkShare: "s = `networkShare`",
  kwPerGpu: "k = `systemPowerKwPerGpu`",
  facilityCapexFlag: "`facilityCapex` (1 = true, 0 = false)",
  constructionCostPerMw: "C = `constructionCostPerMw`",
  capexMultiplier: "m = `capexMultiplier`",
  colocationPerKwMonth: "c = `colocationPerKwMonth`",
  buildMonths: "T = `buildMonths`",
  powerPrice: "p = `powerPricePerKwh`",
  pue: "PUE = `pue`",
  utilization: "u = `utilization`",
  maintenance: "a = `maintenanceShareOfHwPerYear`",
  staffPerMwYear: "w = `staffCostPerMwYear`",
  itLife: "L_IT = `itDepreciationYears`",
  facilityLife: "L_F = `facilityLifeYears`",
  discountRate: "r = `discountRate`",
  rentRate: "R = `ratePerGpuHour`",
  rentPriceChange: "g = `annualPriceChange`",
  rentLeadMonths: "T (rent) = `leadTimeMonths`",
  valuePerGpuHour: "v = `valuePerGpuHour`",
};

/** Which route-engine input (docs/model.md section 11, src/model/finance/routeTypes.ts) each v2 input feeds. */
const ENGINE_INPUT: Readonly<Record<V2InputKey, string>> = {
  productiveUtilization: "u = `work.productiveUtilization`",
  goodput: "g = `work.goodput`",
  sparesShare: "s_b = `owned.sparesShare`",
  sparesNeeded: "s_n = `owned.sparesNeeded`",
  outageHoursPerYear: "h = `power.outageHoursPerYear`",
  outagesPerYear: "n = `power.outagesPerYear`",
  restartHoursPerOutage: "r_o = `power.restartHoursPerOutage`",
  powerKind: "`power.kind` (text: grid, grid+battery, onsite-bridge)",
  batteryHours: "`power.batteryHours`",
  batteryCostPerKwh: "`power.batteryCostPerKwh`",
  onsiteCostPerKw: "`power.onsiteCostPerKw`",
  onsitePricePerKwh: "`power.onsitePricePerKwh`",
  gridMonths: "G = `power.gridMonths`",
  rampMonths: "R = `owned.rampMonths`",
  hardwarePriceChange: "d = `owned.hardwarePriceChange`",
  taxRate: "t = `settings.taxRate`",
  bonusDepreciation: "`settings.bonusDepreciationShare` (absent = 0)",
  rentAvailability: "A_r = `rented.availability` of the rent route",
  rentBilling: "`rented.billing` of the rent route (1 = all-hours, 0 = used-hours)",
  hasBridge: "the scenario has a bridge (1) or not (0)",
  bridgeRentRate: "`rent.ratePerGpuHour` of the bridge's rental",
  bridgeRentPriceChange: "`rent.annualPriceChange` of the bridge's rental",
  bridgeLeadMonths: "S = `rent.leadTimeMonths` of the bridge's rental",
  bridgeAvailability: "`rented.availability` of the bridge",
  bridgeBilling: "`rented.billing` of the bridge (1 = all-hours, 0 = used-hours)",
  bridgeMinimumTermMonths: "`rented.minimumTermMonths` of the bridge",
  bridgeOverlapMonths: "`overlapMonths` of the bridge",
  phaseCount: "number of `owned.phases` (rows 1..count are in use)",
};

type Axis =
  "year" | "month" | "price" | "rate" | "phase" | "macrs" | "input" | "bar" | "bin" | "single";

/** A cell a formula refers to: the row (or column) it belongs to and its place along its axis. */
interface Target {
  readonly name: string;
  readonly axis: Axis;
  readonly index: number;
}

/** Where the documented formula sits: its year column, month row, or grid step(s). */
type Place = Partial<Record<Axis, number>>;

const YEAR_ZERO_COLUMN = columnIndex("C");
const BREAKEVEN_COLUMNS = ["month", "cumulativeBuild", "rent", "cumulativeRent", "flag"] as const;

/** The year rows: the year header, the cash-flow table, the chart data and the sensitivity helpers. */
function yearRows(): Map<number, string> {
  const rows = new Map<number, string>([[LAYOUT.yearHeader, "Year"]]);
  for (const key of CASHFLOW_KEYS) rows.set(LAYOUT.cashflows[key], key);
  for (const [key, row] of Object.entries(LAYOUT.chartRows)) rows.set(row, `chart.${key}`);
  rows.set(LAYOUT.sensitivityHelpers.buildPerPrice, "buildPerPrice");
  rows.set(LAYOUT.sensitivityHelpers.rentPerRate, "rentPerRate");
  for (const key of V2_YEAR_KEYS) rows.set(LAYOUT.v2Years[key], `v2.${key}`);
  for (let p = 0; p < V2_PHASES; p++) {
    rows.set(LAYOUT.v2PhaseInstalledFirstRow + p, `v2.installed[${p + 1}]`);
    rows.set(LAYOUT.v2PhaseBeforeGridFirstRow + p, `v2.beforeGrid[${p + 1}]`);
    rows.set(LAYOUT.v2PhaseDepreciationFirstRow + p, `v2.depreciation[${p + 1}]`);
    rows.set(LAYOUT.v2PhaseDuringBridgeFirstRow + p, `v2.duringBridge[${p + 1}]`);
  }
  return rows;
}

/** The columns of the v2 phase table (B holds the phase number). */
const PHASE_COLUMNS = new Map<number, string>([
  [1, "phase.number"],
  ...Object.entries(PHASE_COLUMN).map(([key, letter]): [number, string] => [
    columnIndex(letter),
    `phase.${key}`,
  ]),
]);
const YEAR_ROWS = yearRows();

/** The risk section's columns by table: `{range.low}` is the ranges table's Low of the same input row. */
const RISK_TABLES: readonly [string, Axis, number, number, Readonly<Record<string, string>>][] = [
  ["range", "input", LAYOUT.riskRanges[RISK_ROW_KEYS[0]], RISK_ROW_KEYS.length, RISK_RANGE_COLUMN],
  ["bar", "bar", LAYOUT.riskTornadoFirstRow, RISK_ROW_KEYS.length, RISK_TORNADO_COLUMN],
  ["bin", "bin", LAYOUT.riskHistogramFirstRow, RISK_BINS, RISK_HISTOGRAM_COLUMN],
];

/** The risk section's single cells (column C): the run stamp and the rows below the percentile table. */
function riskSingles(): Map<number, string> {
  const rows = new Map<number, string>();
  for (const key of RISK_STAMP_KEYS) rows.set(LAYOUT.riskStamp[key], `stamp.${key}`);
  for (const key of RISK_SUMMARY_KEYS) rows.set(LAYOUT.riskSummary[key], `risk.${key}`);
  return rows;
}
const RISK_SINGLES = riskSingles();

function riskTargetOf(col: number, row: number): Target | undefined {
  for (const [table, axis, first, count, columns] of RISK_TABLES) {
    if (row < first || row >= first + count) continue;
    const found = Object.entries(columns).find(([, letter]) => columnIndex(letter) === col);
    if (found !== undefined) return { name: `${table}.${found[0]}`, axis, index: row - first };
  }
  const single = RISK_SINGLES.get(row);
  if (single !== undefined && col === columnIndex("C"))
    return { name: single, axis: "single", index: 0 };
  return undefined;
}

function targetOf(col: number, row: number): Target | undefined {
  if (row >= LAYOUT.riskSection) return riskTargetOf(col, row);
  const phase = row - LAYOUT.v2PhaseFirstRow;
  const phaseColumn = PHASE_COLUMNS.get(col);
  if (phase >= 0 && phase < V2_PHASES && phaseColumn !== undefined) {
    return { name: phaseColumn, axis: "phase", index: phase };
  }
  if (row === LAYOUT.v2Constants.macrsRates && col >= YEAR_ZERO_COLUMN) {
    return { name: "macrs", axis: "macrs", index: col - YEAR_ZERO_COLUMN };
  }
  const yearRow = YEAR_ROWS.get(row);
  if (yearRow !== undefined && col >= YEAR_ZERO_COLUMN) {
    return { name: yearRow, axis: "year", index: col - YEAR_ZERO_COLUMN };
  }
  if (row >= LAYOUT.breakevenFirstRow && row <= LAYOUT.breakevenLastRow && col < 5) {
    return {
      name: BREAKEVEN_COLUMNS[col],
      axis: "month",
      index: row - LAYOUT.breakevenFirstRow + 1,
    };
  }
  const g = LAYOUT.gridHeader;
  const step = col - SENSITIVITY_FIRST_GRID_COLUMN;
  if ((row === g.priceFactor || row === g.price) && step >= 0 && step < SENSITIVITY_STEPS.length) {
    return { name: row === g.price ? "price" : "priceFactor", axis: "price", index: step };
  }
  const rateStep = row - LAYOUT.gridFirstRow;
  if (rateStep >= 0 && rateStep < SENSITIVITY_STEPS.length && (col === 1 || col === 2)) {
    return { name: col === 2 ? "rate" : "rateFactor", axis: "rate", index: rateStep };
  }
  return undefined;
}

/** How a reference reads from `place`: plain `{name}` on the same line, else with its position. */
function referenceText(target: Target, place: Place, horizon: number): string {
  const here = place[target.axis];
  if (here === target.index) return `{${target.name}}`;
  let where: string;
  if (target.axis === "year") {
    if (here !== undefined && target.index === here - 1) where = "year y-1";
    else if (target.index === horizon) where = "year H";
    else where = `year ${target.index}`;
  } else if (target.axis === "month") {
    if (here !== undefined && target.index === here - 1) where = "month m-1";
    else if (target.index === LAYOUT.breakevenLastRow - LAYOUT.breakevenFirstRow + 1)
      where = "month 120";
    else where = `month ${target.index}`;
  } else if (target.axis === "phase") {
    where = `phase ${target.index + 1}`;
  } else if (target.axis === "macrs") {
    where = `year ${target.index + 1}`;
  } else if (target.axis === "single") {
    return `{${target.name}}`;
  } else if (target.axis === "input") {
    if (target.index === 0) where = "first input";
    else if (target.index === RISK_ROW_KEYS.length - 1) where = "last input";
    else where = `input ${target.index + 1}`;
  } else if (target.axis === "bar") {
    where = `bar ${target.index + 1}`;
  } else if (target.axis === "bin") {
    where = `bin ${target.index + 1}`;
  } else {
    where = `step ${target.index + 1}`;
  }
  return `{${target.name}, ${where}}`;
}

/** The formula with its cell references named (text inside string literals is left alone). */
function named(formula: string, place: Place, horizon: number, at: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![A-Za-z0-9_.!])\$?([A-Z]{1,3})\$?([1-9][0-9]*)(?![A-Za-z0-9_(])/g,
            (ref: string, letters: string, digits: string) => {
              const target = targetOf(columnIndex(letters), Number(digits));
              if (target === undefined) {
                throw new Error(`${at}: cannot name the reference ${ref} in ${formula}`);
              }
              return referenceText(target, place, horizon);
            }
          )
    )
    .join("");
}

function code(text: string): string {
  return `\`${text}\``;
}

/** Markdown of section 4's generated part for a template spec (its first sheet: no name suffix). */
export function excelRowsMarkdown(spec: RentVsBuildSpec): string {
  if (spec.nameSuffix !== "") throw new Error("Document the first template sheet (no name suffix)");
  const horizon = spec.metadata.horizonYears;
  if (horizon < 3)
    throw new Error("Document a scenario of 3 years or more, so year 2 is a middle year");
  const cells = new Map(spec.cells.map((cell) => [cell.address, cell]));
  const cell = (address: string) => {
    const found = cells.get(address);
    if (found === undefined) throw new Error(`The template has no cell ${address}`);
    return found;
  };
  const text = (address: string): string => String(cell(address).value ?? "");
  const formula = (address: string, place: Place): string => {
    const f = cell(address).formula;
    if (f === undefined) throw new Error(`${address} holds no formula`);
    return code(named(f, place, horizon, address));
  };
  const nameAt = new Map(spec.names.map(({ name, address }) => [address, name]));
  const nameOf = (address: string): string => {
    const name = nameAt.get(address);
    if (name === undefined) throw new Error(`${address} has no workbook name`);
    return code(name);
  };
  const lines: string[] = [];
  const table = (head: readonly string[], rows: readonly (readonly string[])[]): void => {
    lines.push(`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`);
    for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
    lines.push("");
  };

  lines.push(
    "**Named inputs** (column C of the Assumptions section; an analyst may overwrite any of them):",
    ""
  );
  table(
    ["workbook name", "core input", "label on the sheet"],
    [
      ...ASSUMPTION_KEYS.map((key) => {
        const row = LAYOUT.assumptions[key];
        return [nameOf(`C${row}`), CORE_INPUT[key], text(`A${row}`)];
      }),
      [
        nameOf(`C${LAYOUT.info.horizon}`),
        "H = `horizonYears` (shown, not an input: the year columns are laid out for it)",
        text(`A${LAYOUT.info.horizon}`),
      ],
    ]
  );

  lines.push("**Constants** (named, so no formula holds a number other than 0, 1 and 12):", "");
  table(
    ["workbook name", "value", "label on the sheet"],
    Object.values(LAYOUT.constants).map((row) => {
      const c = cell(`C${row}`);
      const value = c.formula !== undefined ? formula(`C${row}`, {}) : String(c.value);
      return [nameOf(`C${row}`), value, text(`A${row}`)];
    })
  );

  lines.push('**Derived single cells** (section "Derived from the inputs"):', "");
  table(
    ["workbook name", "formula", "how (column E of the sheet)"],
    DERIVED_KEYS.map((key) => {
      const row = LAYOUT.derived[key];
      return [nameOf(`C${row}`), formula(`C${row}`, {}), text(`E${row}`)];
    })
  );

  const y = 2;
  const col = columnLetter(YEAR_ZERO_COLUMN + y);
  lines.push(
    "**Yearly rows** (one formula per row, the same in every year column 0..H; `{row}` is that row's",
    "cell in the same column, `{row, year 0}` its cell in the year-0 column, `{row, year y-1}` in the",
    "column before):",
    ""
  );
  const yearHeader = LAYOUT.yearHeader;
  table(
    ["row", "label on the sheet", "formula in the column of year y"],
    [
      [
        code("Year"),
        text(`A${yearHeader}`),
        `${code(String(cell(`C${yearHeader}`).value))} in year 0, then ${formula(`${col}${yearHeader}`, { year: y })}`,
      ],
      ...CASHFLOW_KEYS.filter((key) => cells.get(`${col}${LAYOUT.cashflows[key]}`)?.formula).map(
        (key) => {
          const row = LAYOUT.cashflows[key];
          return [code(key), text(`A${row}`), formula(`${col}${row}`, { year: y })];
        }
      ),
    ]
  );

  lines.push(
    "**Results** (`{row, year 1}:{row, year H}` is years 1..H of a row: Excel's NPV discounts its first",
    "value one period, so year 0 is added outside it, section 2):",
    ""
  );
  const resultRows = [LAYOUT.verdict, ...RESULT_KEYS.map((key) => LAYOUT.results[key])];
  table(
    ["workbook name", "label on the sheet", "formula"],
    resultRows.map((row) => [nameOf(`C${row}`), text(`A${row}`), formula(`C${row}`, {})])
  );

  const h = LAYOUT.sensitivityHelpers;
  const g = LAYOUT.gridHeader;
  const j = 1;
  const i = 1;
  const gridCol = columnLetter(SENSITIVITY_FIRST_GRID_COLUMN + j);
  const gridRow = LAYOUT.gridFirstRow + i;
  lines.push(
    "**Sensitivity grid** (rental rate in rows, system price in columns, each a share of its base value;",
    "`{price}` is the price of the cell's column, `{rate}` the rate of its row):",
    ""
  );
  table(
    ["cell", "label on the sheet", "formula"],
    [
      [
        code("buildPerPrice"),
        text(`A${h.buildPerPrice}`),
        formula(`${col}${h.buildPerPrice}`, { year: y }),
      ],
      [
        code("rentPerRate"),
        text(`A${h.rentPerRate}`),
        formula(`${col}${h.rentPerRate}`, { year: y }),
      ],
      ...[h.npvBuildPerPrice, h.npvBuildFixed, h.npvRentPerRate].map((row) => [
        nameOf(`C${row}`),
        text(`A${row}`),
        formula(`C${row}`, {}),
      ]),
      [code("price"), text(`A${g.price}`), formula(`${gridCol}${g.price}`, { price: j })],
      [code("rate"), "Rental rate of the row", formula(`C${gridRow}`, { rate: i })],
      [
        code("grid cell"),
        text(`${columnLetter(SENSITIVITY_FIRST_GRID_COLUMN)}${g.rateHeader}`),
        formula(`${gridCol}${gridRow}`, { price: j, rate: i }),
      ],
    ]
  );

  const m = 3;
  const monthRow = LAYOUT.breakevenFirstRow + m - 1;
  const head = LAYOUT.breakevenHeader;
  lines.push(
    `**Breakeven workings** (one row per usage month m = 1..${LAYOUT.breakevenLastRow - LAYOUT.breakevenFirstRow + 1}; \`{column}\` is this month's cell):`,
    ""
  );
  table(
    ["column", "header on the sheet", "formula in the row of month m"],
    BREAKEVEN_COLUMNS.map((name, c) => {
      const letter = columnLetter(c);
      const first = cell(`${letter}${LAYOUT.breakevenFirstRow}`);
      const shown = formula(`${letter}${monthRow}`, { month: m });
      const value =
        first.formula === undefined
          ? `${code(String(first.value))} in month 1, then ${shown}`
          : shown;
      return [code(name), text(`${letter}${head}`), value];
    })
  );
  lines.push("");
  v2Markdown(lines, table, { cell, text, formula, nameOf, col, y });
  riskMarkdown(lines, table, spec, { cell, text, formula, nameOf, col, y });
  while (lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

interface Readers {
  readonly cell: (address: string) => {
    readonly value?: unknown;
    readonly formula?: string;
    readonly style?: string;
  };
  readonly text: (address: string) => string;
  readonly formula: (address: string, place: Place) => string;
  readonly nameOf: (address: string) => string;
  readonly col: string;
  readonly y: number;
}

/** The model v2 section (docs/model.md section 11 as formulas). */
function v2Markdown(
  lines: string[],
  table: (head: readonly string[], rows: readonly (readonly string[])[]) => void,
  { cell, text, formula, nameOf, col, y }: Readers
): void {
  lines.push(
    '**Model v2: named inputs** (section "Model v2", below the breakeven workings; values as',
    "`scenarioRoutesFor` resolves the scenario, overrides applied):",
    ""
  );
  table(
    ["workbook name", "route-engine input", "label on the sheet"],
    V2_INPUT_KEYS.map((key) => {
      const row = LAYOUT.v2Inputs[key];
      return [nameOf(`C${row}`), ENGINE_INPUT[key], text(`A${row}`)];
    })
  );
  const k = LAYOUT.v2Constants;
  lines.push("**Model v2: constants**:", "");
  table(
    ["workbook name", "value", "label on the sheet"],
    [
      ...[k.linearRampShare, k.facilityTaxLife, k.facilityFirstYearShare].map((row) => [
        nameOf(`C${row}`),
        String(cell(`C${row}`).value),
        text(`A${row}`),
      ]),
      [
        "`{macrs, year 1}:{macrs, year 6}` (unnamed)",
        Array.from({ length: 6 }, (_, i) =>
          String(cell(`${columnLetter(YEAR_ZERO_COLUMN + i)}${k.macrsRates}`).value)
        ).join(", "),
        text(`A${k.macrsRates}`),
      ],
    ]
  );
  const p = 1;
  const phaseRow = LAYOUT.v2PhaseFirstRow + p;
  const head = LAYOUT.v2PhaseHeader;
  lines.push(
    `**Model v2: phases** (${V2_PHASES} rows, one per phase; offset and share are inputs, unused phases have share 0; \`{column}\` is this phase's cell):`,
    ""
  );
  table(
    ["column", "header on the sheet", "formula in the row of phase p"],
    [...PHASE_COLUMNS].map(([c, name]) => {
      const address = `${columnLetter(c)}${phaseRow}`;
      const here = cell(address);
      const shown =
        here.formula !== undefined
          ? formula(address, { phase: p })
          : here.style === "input"
            ? "input (value per phase)"
            : "the phase number p (1..12)";
      return [code(name), text(`${columnLetter(c)}${head}`), shown];
    })
  );
  lines.push("**Model v2: derived single cells**:", "");
  table(
    ["workbook name", "formula", "how (column E of the sheet)"],
    V2_DERIVED_KEYS.map((key) => {
      const row = LAYOUT.v2Derived[key];
      return [nameOf(`C${row}`), formula(`C${row}`, {}), text(`E${row}`)];
    })
  );
  lines.push(
    "**Model v2: yearly rows** (same conventions as the yearly rows above; `{v2.installed[p]}` etc. are the",
    "per-phase rows below them, shown for phase p = 2):",
    ""
  );
  const rows: string[][] = V2_YEAR_KEYS.filter((key) =>
    hasFormula(cell, `${col}${LAYOUT.v2Years[key]}`)
  ).map((key) => {
    const row = LAYOUT.v2Years[key];
    return [code(`v2.${key}`), text(`A${row}`), formula(`${col}${row}`, { year: y })];
  });
  const perPhase: [string, number][] = [
    ["installed", LAYOUT.v2PhaseInstalledFirstRow],
    ["beforeGrid", LAYOUT.v2PhaseBeforeGridFirstRow],
    ["depreciation", LAYOUT.v2PhaseDepreciationFirstRow],
    ["duringBridge", LAYOUT.v2PhaseDuringBridgeFirstRow],
  ];
  for (const [name, first] of perPhase) {
    rows.push([
      code(`v2.${name}[p]`),
      text(`A${first - 1}`),
      formula(`${col}${first + p}`, { year: y }),
    ]);
  }
  table(["row", "label on the sheet", "formula in the column of year y"], rows);
  lines.push("**Model v2: results**:", "");
  table(
    ["workbook name", "label on the sheet", "formula"],
    V2_RESULT_KEYS.map((key) => {
      const row = LAYOUT.v2Results[key];
      return [nameOf(`C${row}`), text(`A${row}`), formula(`C${row}`, {})];
    })
  );
}

/** What a risk-section cell holds, in words: its formula, an input, a run's value or a fixed value. */
function riskContent(r: Readers, address: string, place: Place): string {
  const here = r.cell(address);
  if (here.formula !== undefined) return r.formula(address, place);
  if (here.style === "input") return `input, ${code(String(here.value))} at insert`;
  if (here.style === "result") return "value written by the run";
  return code(String(here.value));
}

/** The risk section (docs/model.md section 12.13): its inputs, names and formulas; the rest are run values. */
function riskMarkdown(
  lines: string[],
  table: (head: readonly string[], rows: readonly (readonly string[])[]) => void,
  spec: RentVsBuildSpec,
  r: Readers
): void {
  const { text, nameOf } = r;
  const name = (address: string): string => {
    try {
      return nameOf(address);
    } catch {
      return "";
    }
  };
  lines.push(
    '**Risk: settings, run stamp and status** (section "Risk", below model v2; docs/model.md section 12.13;',
    "`{stamp.x}` and `{risk.x}` are the single cells of column C below, by row):",
    ""
  );
  const settingRows = [LAYOUT.riskSettings.trials, LAYOUT.riskSettings.seed];
  const stampRows = RISK_STAMP_KEYS.map((key) => LAYOUT.riskStamp[key]);
  table(
    ["cell", "workbook name", "label on the sheet", "content"],
    [...settingRows, ...stampRows, LAYOUT.riskTolerance].map((row) => [
      RISK_SINGLES.has(row) ? code(`{${RISK_SINGLES.get(row) ?? ""}}`) : "",
      name(`C${row}`),
      text(`A${row}`),
      riskContent(r, `C${row}`, {}),
    ])
  );
  const R = RISK_RANGE_COLUMN;
  const used = RISK_ROW_KEYS.map((key) => LAYOUT.riskRanges[key]).find(
    (row) => r.cell(`${R.changed}${row}`).formula !== undefined
  );
  if (used === undefined) throw new Error("The risk section uses no input");
  const rangeWords: Readonly<Record<keyof typeof RISK_RANGE_COLUMN, string>> = {
    label: "the input's label (risk catalog, src/model/risk)",
    key: "the input's key",
    low: "input (refreshable assumption `risk.<key>.low`)",
    typical:
      "`=` the template's cell of the same figure (below), or an input (`risk.<key>.typical`) where the template has none or holds another figure",
    high: "input (refreshable assumption `risk.<key>.high`)",
    lowUsed: "value written by the run: the low it used",
    typicalUsed: "value written by the run: the typical value it used",
    highUsed: "value written by the run: the high it used",
    shape: "how the run samples it (PERT, triangular, right-skewed, fixed)",
    source: "the library path and source of the range",
    changed: r.formula(`${R.changed}${used}`, {
      input: used - LAYOUT.riskRanges[RISK_ROW_KEYS[0]],
    }),
  };
  lines.push(
    `**Risk: ranges table** (one row per input of the risk catalog, ${RISK_ROW_KEYS.length} rows in catalog order; an input the case does not use keeps its row, marked "not used by this case"; \`{range.column}\` is the same row's cell):`,
    ""
  );
  table(
    ["column", "header on the sheet", "content"],
    (Object.keys(R) as (keyof typeof R)[]).map((key) => [
      code(`range.${key}`),
      text(`${R[key]}${LAYOUT.riskRangeHeader}`),
      rangeWords[key],
    ])
  );
  lines.push(
    "**Risk: range names and links** (the names exist for the inputs the case uses; the typical value links to the template's cell when that cell holds the library's figure):",
    ""
  );
  table(
    ["risk input", "low, typical, high", "typical linked to"],
    RISK_ROW_KEYS.map((key) => {
      const link = RISK_TYPICAL_LINKS[key];
      return [
        code(key),
        (["Low", "Typical", "High"] as const)
          .map((end) => code(`CP_${riskRangeNameBase(key, end)}`))
          .join(", "),
        link === undefined ? "its own input (no template cell)" : code(linkedName(link, "")),
      ];
    })
  );
  lines.push(
    "**Risk: results** (values written by the run: mean, P5, P10, P50, P90, P95 and the share of trials priced, per output; then the single rows):",
    ""
  );
  table(
    ["cell", "label on the sheet", "unit", "content"],
    [
      ...OUTPUT_KEYS.map((key) => {
        const row = LAYOUT.riskResults[key];
        return [
          code(`output.${key}`),
          text(`A${row}`),
          text(`B${row}`),
          `${[...RISK_RESULT_COLUMNS, RISK_PRICED_COLUMN].join(", ")}: ${riskContent(r, `C${row}`, {})}`,
        ];
      }),
      ...RISK_SUMMARY_KEYS.map((key) => {
        const row = LAYOUT.riskSummary[key];
        return [
          code(`{risk.${key}}`),
          text(`A${row}`),
          text(`B${row}`),
          riskContent(r, `C${row}`, {}),
        ];
      }),
    ]
  );
  lines.push(
    `**Risk: drivers** (${RISK_DRIVERS} rows, values written by the run: key, shift in standard deviations and label of the inputs furthest from their typical values in the worst 10 % of trials).`,
    ""
  );
  const T = RISK_TORNADO_COLUMN;
  const bar = 1;
  lines.push(
    "**Risk: tornado** (one row per input the case uses, largest swing first; `{bar.column}` is the same row's cell):",
    ""
  );
  table(
    ["column", "header on the sheet", "content"],
    (Object.keys(T) as (keyof typeof T)[]).map((key) => [
      code(`bar.${key}`),
      text(`${T[key]}${LAYOUT.riskTornadoHeader}`),
      riskContent(r, `${T[key]}${LAYOUT.riskTornadoFirstRow + bar}`, { bar }),
    ])
  );
  const H = RISK_HISTOGRAM_COLUMN;
  const bin = 2;
  lines.push(
    `**Risk: histogram and S-curve** (${RISK_BINS} equal-width bins of the difference incl. cost of delay from the run's minimum to its maximum; \`{bin.column}\` is the same row's cell, shown for bin ${bin + 1}):`,
    ""
  );
  table(
    ["column", "header on the sheet", "content"],
    (Object.keys(H) as (keyof typeof H)[]).map((key) => {
      const address = `${H[key]}${LAYOUT.riskHistogramFirstRow + bin}`;
      const words: Partial<Record<keyof typeof H, string>> = {
        label: "value written by the run: the bin's upper edge in USD bn, as text",
        count: "value written by the run: trials in the bin",
        upper: "value written by the run: the bin's upper edge",
      };
      return [
        code(`bin.${key}`),
        text(`${H[key]}${LAYOUT.riskHistogramHeader}`),
        words[key] ?? riskContent(r, address, { bin }),
      ];
    })
  );
  lines.push("**Risk: charts** (native charts over the cells above, below the histogram):", "");
  table(
    ["chart", "type", "data"],
    spec.riskCharts.map((chart) => {
      const [from, to] = chart.dataAddress.split(":");
      const columnOf = (a: string) => a.replace(/[0-9]+$/, "");
      const header = Number(from.replace(/^[A-Z]+/, ""));
      const names = [columnOf(from), columnOf(to)].map((c) => text(`${c}${header}`));
      return [chart.title, chart.type, `columns "${names[0]}" to "${names[1]}"`];
    })
  );
}

function hasFormula(
  cell: (address: string) => { readonly formula?: string },
  address: string
): boolean {
  try {
    return cell(address).formula !== undefined;
  } catch {
    return false;
  }
}

/** `doc` with the text between the markers replaced by `section`. */
export function withExcelRows(doc: string, section: string): string {
  const begin = doc.indexOf(BEGIN_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (begin < 0 || end < begin)
    throw new Error(`docs/model.md lacks the markers ${BEGIN_MARKER} ... ${END_MARKER}`);
  return `${doc.slice(0, begin + BEGIN_MARKER.length)}\n${section}\n${doc.slice(end)}`;
}

/** The template of the default library's first scenario of 3 years or more, as inserted first. */
export function documentedSpec(): RentVsBuildSpec {
  const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
  const found = Object.entries(VALIDATED_BUNDLED_LIBRARY.scenarios).find(([, s]) => s.years >= 3);
  if (found === undefined)
    throw new Error("The default library has no scenario of 3 years or more");
  return buildRentVsBuildTemplate(index, found[0], { sheetName: "Rent vs Build", nameSuffix: "" });
}

/** docs/model.md as it should be. */
export function expectedDoc(doc: string): string {
  return withExcelRows(doc, excelRowsMarkdown(documentedSpec()));
}

if (require.main === module) {
  checkOrWriteDoc(
    {
      path: DOC_PATH,
      expected: expectedDoc,
      what: "docs/model.md section 4",
      writeCommand: "npx tsx scripts/excel-rows-doc.ts",
      rewritten: "docs/model.md section 4 rewritten from the template spec",
    },
    process.argv.includes("--check")
  );
}

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
import { readFileSync, writeFileSync } from "fs";
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
  type AssumptionKey,
  type V2InputKey,
} from "../src/templates/layout";
import { PHASE_COLUMN } from "../src/templates/sections/modelV2";
import { buildRentVsBuildTemplate } from "../src/templates/rentVsBuild";
import type { TemplateSpec } from "../src/templates/types";

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

type Axis = "year" | "month" | "price" | "rate" | "phase" | "macrs";

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

function targetOf(col: number, row: number): Target | undefined {
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
export function excelRowsMarkdown(spec: TemplateSpec): string {
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
export function documentedSpec(): TemplateSpec {
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
  const doc = readFileSync(DOC_PATH, "utf8");
  const expected = expectedDoc(doc);
  if (process.argv.includes("--check")) {
    if (expected !== doc) {
      console.error(
        "docs/model.md section 4 is out of date: run npx tsx scripts/excel-rows-doc.ts"
      );
      process.exitCode = 1;
    }
  } else if (expected !== doc) {
    writeFileSync(DOC_PATH, expected);
    console.log("docs/model.md section 4 rewritten from the template spec");
  } else {
    console.log("docs/model.md section 4 is up to date");
  }
}

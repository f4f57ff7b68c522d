/**
 * Section 3: the answers (src/model/finance/compare.ts), each a named formula over the cash-flow
 * rows and the breakeven workings. NPVs use Excel's NPV with year 0 added outside it, because NPV
 * discounts its first value one period (docs/model.md section 2).
 */
import { FORMAT } from "../formats";
import { COLUMN, LAYOUT, yearColumn, type ResultKey } from "../layout";
import { allYears, nameOf, yearsOneToH, type SectionContext } from "./context";

interface ResultDef {
  readonly label: string;
  readonly unit: string;
  readonly format: string;
  readonly formula: (n: (base: string) => string, ctx: SectionContext) => string;
}

const buildTotalRow = (): number => LAYOUT.cashflows.buildTotal;
const rentTotalRow = (): number => LAYOUT.cashflows.rentTotal;

const RESULTS: Readonly<Record<Exclude<ResultKey, "verdict">, ResultDef>> = {
  npvBuild: {
    label: "NPV of building",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n, ctx) =>
      `=${yearColumn(0)}${buildTotalRow()}+NPV(${n("DiscountRate")}, ${yearsOneToH(ctx, buildTotalRow())})`,
  },
  npvRent: {
    label: "NPV of renting",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n, ctx) =>
      `=${yearColumn(0)}${rentTotalRow()}+NPV(${n("DiscountRate")}, ${yearsOneToH(ctx, rentTotalRow())})`,
  },
  difference: {
    label: "Difference, build minus rent",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n) => `=${n("NpvBuild")}-${n("NpvRent")}`,
  },
  costOfDelay: {
    label: "Cost of delay (GPU-hours short x value)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n) =>
      `=(${n("DeliveredGpuHoursRent")}-${n("DeliveredGpuHoursBuild")})*${n("ValuePerGpuHour")}`,
  },
  differenceWithDelay: {
    label: "Difference including cost of delay",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n) => `=${n("Difference")}+${n("CostOfDelay")}`,
  },
  breakevenMonth: {
    label: "Breakeven (usage month)",
    unit: "months",
    format: FORMAT.wholeMonths,
    formula: () => {
      const first = LAYOUT.breakevenFirstRow;
      const last = LAYOUT.breakevenLastRow;
      return `=IFERROR(INDEX(A${first}:A${last}, MATCH(1, E${first}:E${last}, 0)), "never")`;
    },
  },
  monthsToCapacityBuild: {
    label: "Months to first capacity, build",
    unit: "months",
    format: FORMAT.months,
    formula: (n) => `=${n("BuildMonths")}`,
  },
  monthsToCapacityRent: {
    label: "Months to first capacity, rent",
    unit: "months",
    format: FORMAT.months,
    formula: (n) => `=${n("RentLeadMonths")}`,
  },
  deliveredGpuHoursBuild: {
    label: "GPU-hours delivered, build",
    unit: "GPU-hours",
    format: FORMAT.gpuHours,
    formula: (n) =>
      `=${n("GpuCount")}*${n("HoursPerMonth")}*MAX(0, 12*${n("Horizon")}-${n("BuildMonths")})`,
  },
  deliveredGpuHoursRent: {
    label: "GPU-hours delivered, rent",
    unit: "GPU-hours",
    format: FORMAT.gpuHours,
    formula: (n) =>
      `=${n("GpuCount")}*${n("HoursPerMonth")}*MAX(0, 12*${n("Horizon")}-${n("RentLeadMonths")})`,
  },
  costPerGpuHourBuild: {
    label: "Cost per GPU-hour, build",
    unit: "USD per GPU-hour",
    format: FORMAT.usdCents,
    formula: (n) =>
      `=IF(${n("DeliveredGpuHoursBuild")}>0, ${n("TcoBuild")}/${n("DeliveredGpuHoursBuild")}, "no capacity within the horizon")`,
  },
  costPerGpuHourRent: {
    label: "Cost per GPU-hour, rent",
    unit: "USD per GPU-hour",
    format: FORMAT.usdCents,
    formula: (n) =>
      `=IF(${n("DeliveredGpuHoursRent")}>0, ${n("TcoRent")}/${n("DeliveredGpuHoursRent")}, "no capacity within the horizon")`,
  },
  tcoBuild: {
    label: "Total cost, build (undiscounted)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_n, ctx) => `=SUM(${allYears(ctx, buildTotalRow())})`,
  },
  tcoRent: {
    label: "Total cost, rent (undiscounted)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_n, ctx) => `=SUM(${allYears(ctx, rentTotalRow())})`,
  },
};

/** "npvBuild" -> "NpvBuild". */
export function resultNameBase(key: ResultKey): string {
  return `${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

/**
 * One line a reader acts on: which option wins once the cost of delay is counted, and by how much.
 * The amount is FIXED(x, 0), not TEXT(x, "$#,##0"): TEXT's format codes are read in the user's
 * locale, so in a comma-decimal locale "$#,##0" means something else and the verdict shows a
 * garbled amount (issue 7, #8). FIXED takes no format text and groups digits with the locale's own
 * separators. The currency is literal text because the model's money is always USD (DOLLAR would
 * print the locale's currency symbol). tests/unit/templates/localeLint.test.ts keeps it so.
 */
function verdictFormula(n: (base: string) => string): string {
  const d = n("DifferenceWithDelay");
  const over = `" over "&${n("Horizon")}&" years (NPV of costs plus the cost of delay)"`;
  return (
    `=IF(${d}<0, "Build is cheaper by $"&FIXED(-${d}, 0)&${over}, ` +
    `IF(${d}>0, "Rent is cheaper by $"&FIXED(${d}, 0)&${over}, ` +
    `"Build and rent cost the same"&${over}))`
  );
}

/** Writes the results and returns result id -> workbook name. */
export function writeResults(ctx: SectionContext): Record<string, string> {
  const { b } = ctx;
  const n = (base: string): string => nameOf(ctx, base);
  const { label, unit, value } = COLUMN;
  b.text(`${label}${LAYOUT.resultSection}`, "Results", "section");
  const head = LAYOUT.resultHeader;
  b.text(`${label}${head}`, "Result", "header");
  b.text(`${unit}${head}`, "Unit", "header");
  b.text(`${value}${head}`, "Value", "header");

  const names: Record<string, string> = {};
  b.text(`${label}${LAYOUT.verdict}`, "Verdict", "label");
  b.formula(`${value}${LAYOUT.verdict}`, verdictFormula(n), "verdict");
  names.verdict = b.defineName(resultNameBase("verdict"), `${value}${LAYOUT.verdict}`);

  for (const [key, row] of Object.entries(LAYOUT.results) as [
    Exclude<ResultKey, "verdict">,
    number,
  ][]) {
    const def = RESULTS[key];
    b.text(`${label}${row}`, def.label, "label");
    b.text(`${unit}${row}`, def.unit, "unit");
    b.formula(`${value}${row}`, def.formula(n, ctx), "result", def.format);
    names[key] = b.defineName(resultNameBase(key), `${value}${row}`);
  }
  return names;
}

/**
 * Section 4: yearly cash flows, year 0..H across the columns, one formula per row (the same
 * formula in every year column, referring to the year header of its column). Follows
 * src/model/finance/cashflows.ts: IT capex in year MIN(H, ROUNDUP(T/12)), running costs scaled by
 * the operating share of each year, residual values recovered in year H.
 */
import { FORMAT } from "../formats";
import { COLUMN, LAYOUT, yearColumn, type CashflowKey } from "../layout";
import type { CellStyle } from "../types";
import { nameOf, years, type SectionContext } from "./context";

/** Builds the formula of one year column: col is its letter, yr its year header cell (row-absolute). */
type YearFormula = (
  col: string,
  yr: string,
  row: (key: CashflowKey) => number,
  n: (base: string) => string
) => string;

interface RowDef {
  readonly label: string;
  readonly unit: string;
  readonly format?: string;
  readonly style?: CellStyle;
  /** Absent for sub-heading rows. */
  readonly formula?: YearFormula;
}

const ROWS: Readonly<Record<CashflowKey, RowDef>> = {
  buildHeading: { label: "Build", unit: "" },
  fraction: {
    label: "Operating share of the year, build",
    unit: "share of year",
    format: FORMAT.percent,
    formula: (_c, yr, _r, n) => `=MIN(12, MAX(0, 12*${yr}-${n("BuildMonths")}))/12`,
  },
  itLoad: {
    label: "IT load in service (year average)",
    unit: "MW",
    format: FORMAT.mw,
    formula: (c, _yr, r, n) => `=${c}${r("fraction")}*${n("ItMw")}`,
  },
  itCapex: {
    label: "IT capex",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, yr, _r, n) => `=IF(${yr}=${n("ItCapexYear")}, ${n("ItCapex")}, 0)`,
  },
  facilityCapex: {
    label: "Facility capex",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, yr, _r, n) => `=IF(${yr}=0, ${n("FacilityCapexTotal")}, 0)`,
  },
  energy: {
    label: "Energy",
    unit: "USD",
    format: FORMAT.usd,
    formula: (c, _yr, r, n) => `=${c}${r("fraction")}*${n("EnergyPerYear")}`,
  },
  maintenance: {
    label: "Maintenance",
    unit: "USD",
    format: FORMAT.usd,
    formula: (c, _yr, r, n) => `=${c}${r("fraction")}*${n("MaintenancePerYear")}`,
  },
  staff: {
    label: "Staff",
    unit: "USD",
    format: FORMAT.usd,
    formula: (c, _yr, r, n) => `=${c}${r("fraction")}*${n("StaffPerYear")}`,
  },
  colocation: {
    label: "Colocation rent",
    unit: "USD",
    format: FORMAT.usd,
    formula: (c, _yr, r, n) => `=${c}${r("fraction")}*${n("ColocationPerYear")}`,
  },
  itResidual: {
    label: "IT residual value (recovered)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, yr, _r, n) => `=IF(${yr}=${n("Horizon")}, -${n("ItResidualValue")}, 0)`,
  },
  facilityResidual: {
    label: "Facility residual value (recovered)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, yr, _r, n) => `=IF(${yr}=${n("Horizon")}, -${n("FacilityResidualValue")}, 0)`,
  },
  buildTotal: {
    label: "Build cash flow",
    unit: "USD",
    format: FORMAT.usd,
    style: "result",
    formula: (c, _yr, r) => `=SUM(${c}${r("itCapex")}:${c}${r("facilityResidual")})`,
  },
  cumulativeBuild: {
    label: "Cumulative build cost",
    unit: "USD",
    format: FORMAT.usd,
    formula: (c, _yr, r) => `=SUM($${yearColumn(0)}${r("buildTotal")}:${c}${r("buildTotal")})`,
  },
  rentHeading: { label: "Rent", unit: "" },
  rentFraction: {
    label: "Operating share of the year, rent",
    unit: "share of year",
    format: FORMAT.percent,
    formula: (_c, yr, _r, n) => `=MIN(12, MAX(0, 12*${yr}-${n("RentLeadMonths")}))/12`,
  },
  rentRate: {
    label: "Rental rate in the year",
    unit: "USD per GPU-hour",
    format: FORMAT.usdCents,
    formula: (_c, yr, _r, n) =>
      `=IF(${yr}=0, 0, ${n("RentRate")}*(1+${n("RentPriceChange")})^(${yr}-1))`,
  },
  rent: {
    label: "Rent",
    unit: "USD",
    format: FORMAT.usd,
    formula: (c, _yr, r, n) =>
      `=${c}${r("rentFraction")}*${n("HoursPerYear")}*${n("GpuCount")}*${c}${r("rentRate")}`,
  },
  rentTotal: {
    label: "Rent cash flow",
    unit: "USD",
    format: FORMAT.usd,
    style: "result",
    formula: (c, _yr, r) => `=SUM(${c}${r("rent")}:${c}${r("rent")})`,
  },
  cumulativeRent: {
    label: "Cumulative rent cost",
    unit: "USD",
    format: FORMAT.usd,
    formula: (c, _yr, r) => `=SUM($${yearColumn(0)}${r("rentTotal")}:${c}${r("rentTotal")})`,
  },
  discountHeading: {
    label: "Discounting (cash flow at the end of each year; year 0 not discounted)",
    unit: "",
  },
  discountFactor: {
    label: "Discount factor",
    unit: "factor",
    format: FORMAT.discountFactor,
    formula: (_c, yr, _r, n) => `=1/(1+${n("DiscountRate")})^${yr}`,
  },
  pvBuild: {
    label: "Present value, build",
    unit: "USD",
    format: FORMAT.usd,
    formula: (c, _yr, r) => `=${c}${r("buildTotal")}*${c}${r("discountFactor")}`,
  },
  pvRent: {
    label: "Present value, rent",
    unit: "USD",
    format: FORMAT.usd,
    formula: (c, _yr, r) => `=${c}${r("rentTotal")}*${c}${r("discountFactor")}`,
  },
};

/** The year header cell of a column, row-absolute so the formula reads the same in every column. */
export function yearHeaderRef(col: string): string {
  return `${col}$${LAYOUT.yearHeader}`;
}

export function writeCashflows(ctx: SectionContext): void {
  const { b } = ctx;
  const n = (base: string): string => nameOf(ctx, base);
  const row = (key: CashflowKey): number => LAYOUT.cashflows[key];
  const { label, unit } = COLUMN;
  b.text(
    `${label}${LAYOUT.cashflowSection}`,
    "Yearly cash flows (USD; year 0 = the decision, year y ends at month 12y)",
    "section"
  );

  const head = LAYOUT.yearHeader;
  b.text(`${label}${head}`, "Year", "header");
  b.text(`${unit}${head}`, "Unit", "header");
  for (const y of years(ctx)) {
    const col = yearColumn(y);
    if (y === 0) b.value(`${col}${head}`, 0, "header", FORMAT.year);
    else b.formula(`${col}${head}`, `=${yearColumn(y - 1)}${head}+1`, "header", FORMAT.year);
  }

  for (const [key, r] of Object.entries(LAYOUT.cashflows) as [CashflowKey, number][]) {
    const def = ROWS[key];
    if (!def.formula) {
      b.text(`${label}${r}`, def.label, "header");
      continue;
    }
    b.text(`${label}${r}`, def.label, "label");
    b.text(`${unit}${r}`, def.unit, "unit");
    for (const y of years(ctx)) {
      const col = yearColumn(y);
      b.formula(
        `${col}${r}`,
        def.formula(col, yearHeaderRef(col), row, n),
        def.style ?? "formula",
        def.format
      );
    }
  }
}

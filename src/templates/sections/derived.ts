/**
 * Quantities derived once from the inputs (docs/model.md "Excel rows"), each a named cell so the
 * yearly rows read like the model's formulas: =fraction x EnergyPerYear, and so on.
 */
import { FORMAT } from "../formats";
import { COLUMN, LAYOUT, type DerivedKey } from "../layout";
import { nameOf, type SectionContext } from "./context";

interface DerivedDef {
  readonly label: string;
  readonly unit: string;
  readonly format: string;
  readonly formula: (n: (base: string) => string) => string;
  /** The formula in words, for an auditor who does not want to click the cell. */
  readonly note: string;
}

const DERIVED: Readonly<Record<DerivedKey, DerivedDef>> = {
  itMw: {
    label: "IT load (maximum draw)",
    unit: "MW",
    format: FORMAT.mw,
    formula: (n) => `=${n("GpuCount")}*${n("KwPerGpu")}/${n("KwPerMw")}`,
    note: "GPUs x kW per GPU / 1000",
  },
  facilityMw: {
    label: "Facility load",
    unit: "MW",
    format: FORMAT.mw,
    formula: (n) => `=${n("ItMw")}*${n("Pue")}`,
    note: "IT load x PUE",
  },
  itCapex: {
    label: "IT capex (servers and network)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n) => `=${n("GpuCount")}*${n("SystemPricePerGpu")}/(1-${n("NetworkShare")})`,
    note: "GPUs x system price / (1 - networking share)",
  },
  facilityCapexTotal: {
    label: "Facility capex",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n) =>
      `=IF(${n("FacilityCapexFlag")}=1, ${n("ItMw")}*${n("ConstructionCostPerMw")}*${n("CapexMultiplier")}, 0)`,
    note: "IT MW x construction cost per MW x multiplier, when the build pays for a facility",
  },
  energyPerYear: {
    label: "Energy per operating year",
    unit: "USD per year",
    format: FORMAT.usd,
    formula: (n) =>
      `=${n("ItMw")}*${n("KwPerMw")}*${n("Pue")}*${n("Utilization")}*${n("HoursPerYear")}*${n("PowerPrice")}`,
    note: "IT kW x PUE x average/maximum draw x hours per year x power price",
  },
  maintenancePerYear: {
    label: "Maintenance per operating year",
    unit: "USD per year",
    format: FORMAT.usd,
    formula: (n) => `=${n("ItCapex")}*${n("Maintenance")}`,
    note: "IT capex x maintenance share",
  },
  staffPerYear: {
    label: "Staff per operating year",
    unit: "USD per year",
    format: FORMAT.usd,
    formula: (n) => `=${n("ItMw")}*${n("StaffPerMwYear")}`,
    note: "IT MW x staff cost per MW-year",
  },
  colocationPerYear: {
    label: "Colocation rent per operating year",
    unit: "USD per year",
    format: FORMAT.usd,
    formula: (n) => `=${n("ItMw")}*${n("KwPerMw")}*${n("ColocationPerKwMonth")}*12`,
    note: "IT kW x rent per kW-month x 12 months",
  },
  opexPerYear: {
    label: "Running cost per operating year",
    unit: "USD per year",
    format: FORMAT.usd,
    formula: (n) =>
      `=${n("EnergyPerYear")}+${n("MaintenancePerYear")}+${n("StaffPerYear")}+${n("ColocationPerYear")}`,
    note: "energy + maintenance + staff + colocation",
  },
  opexPerMonth: {
    label: "Running cost per operating month",
    unit: "USD per month",
    format: FORMAT.usd,
    formula: (n) => `=${n("OpexPerYear")}/12`,
    note: "running cost per year / 12 (breakeven workings)",
  },
  itCapexYear: {
    label: "Year the IT is paid",
    unit: "year",
    format: FORMAT.year,
    formula: (n) => `=MIN(${n("Horizon")}, ROUNDUP(${n("BuildMonths")}/12, 0))`,
    note: "the year capacity starts (year 0 if at once), at most the horizon",
  },
  itResidualShare: {
    label: "IT value left at the horizon",
    unit: "share of IT capex",
    format: FORMAT.percent,
    formula: (n) => `=MAX(0, 1-MAX(0, ${n("Horizon")}-${n("BuildMonths")}/12)/${n("ItLife")})`,
    note: "straight line over the IT life, ageing from first capacity",
  },
  itResidualValue: {
    label: "IT residual value",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n) => `=${n("ItCapex")}*${n("ItResidualShare")}`,
    note: "IT capex x value left",
  },
  facilityResidualValue: {
    label: "Facility residual value",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n) => `=${n("FacilityCapexTotal")}*MAX(0, 1-${n("Horizon")}/${n("FacilityLife")})`,
    note: "straight line over the facility life, ageing from the decision",
  },
};

/** "itMw" -> "ItMw": derived names follow the same pattern as the assumptions. */
export function derivedNameBase(key: DerivedKey): string {
  return `${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

export function writeDerived(ctx: SectionContext): void {
  const { b } = ctx;
  const n = (base: string): string => nameOf(ctx, base);
  const { label, unit, value, source } = COLUMN;
  b.text(`${label}${LAYOUT.derivedSection}`, "Derived from the inputs", "section");
  const head = LAYOUT.derivedHeader;
  b.text(`${label}${head}`, "Quantity", "header");
  b.text(`${unit}${head}`, "Unit", "header");
  b.text(`${value}${head}`, "Value", "header");
  b.text(`${source}${head}`, "How", "header");
  for (const [key, row] of Object.entries(LAYOUT.derived) as [DerivedKey, number][]) {
    const def = DERIVED[key];
    b.text(`${label}${row}`, def.label, "label");
    b.text(`${unit}${row}`, def.unit, "unit");
    b.formula(`${value}${row}`, def.formula(n), "formula", def.format);
    b.defineName(derivedNameBase(key), `${value}${row}`);
    b.text(`${source}${row}`, def.note, "source");
  }
}

/**
 * Where everything sits on the rent-vs-build sheet. The rows are fixed (they do not depend on the
 * scenario), so the refresh code can find an assumption cell from its key alone; only the number of
 * year columns depends on the scenario's horizon.
 *
 * Columns: A label | B unit | C value (assumptions, results) or year 0 | D as-of or year 1 |
 * E source (text spills right over empty cells) or year 2 | F.. further years.
 */
import { OUTPUT_KEYS } from "../model/risk/outputKeys";
import { RISK_INPUT_KEYS } from "../model/risk/riskKeys";
import { columnLetter } from "../model/a1";

export const COLUMN = {
  label: "A",
  unit: "B",
  value: "C",
  asOf: "D",
  source: "E",
} as const;

/** Year y of the cash-flow table is in column C + y. */
const YEAR_ZERO_COLUMN = 2;

export function yearColumn(year: number): string {
  return columnLetter(YEAR_ZERO_COLUMN + year);
}

/** Sensitivity grid: rent factors in B, rent rates in C, one price step per column from D. */
export const SENSITIVITY_FIRST_GRID_COLUMN = 3;
/** Steps of the sensitivity grid, as shares of the base value (the centre is the base case). */
export const SENSITIVITY_STEPS: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5];
/** Usage months searched for the breakeven (the core's BREAKEVEN_MAX_MONTHS). */
export const BREAKEVEN_MONTHS = 120;

/** Hands out consecutive rows, so adding a row to a section moves everything below it consistently. */
class RowCursor {
  private next = 1;
  take(count = 1): number {
    const row = this.next;
    this.next += count;
    return row;
  }
  skip(count = 1): void {
    this.next += count;
  }
}

/** Assumption keys in sheet order (one row each). */
export const ASSUMPTION_KEYS = [
  "gpuCount",
  "systemPricePerGpu",
  "networkShare",
  "kwPerGpu",
  "facilityCapexFlag",
  "constructionCostPerMw",
  "capexMultiplier",
  "colocationPerKwMonth",
  "buildMonths",
  "powerPrice",
  "pue",
  "utilization",
  "maintenance",
  "staffPerMwYear",
  "itLife",
  "facilityLife",
  "discountRate",
  "rentRate",
  "rentPriceChange",
  "rentLeadMonths",
  "valuePerGpuHour",
] as const;
export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];

/** Result ids (TemplateSpec.resultNames keys) in sheet order, after the verdict. */
export const RESULT_KEYS = [
  "npvBuild",
  "npvRent",
  "difference",
  "costOfDelay",
  "differenceWithDelay",
  "breakevenMonth",
  "monthsToCapacityBuild",
  "monthsToCapacityRent",
  "deliveredGpuHoursBuild",
  "deliveredGpuHoursRent",
  "costPerGpuHourBuild",
  "costPerGpuHourRent",
  "tcoBuild",
  "tcoRent",
] as const;
export type ResultKey = (typeof RESULT_KEYS)[number] | "verdict";

/** Single-cell quantities derived from the inputs, in sheet order. */
export const DERIVED_KEYS = [
  "itMw",
  "facilityMw",
  "itCapex",
  "facilityCapexTotal",
  "energyPerYear",
  "maintenancePerYear",
  "staffPerYear",
  "colocationPerYear",
  "opexPerYear",
  "opexPerMonth",
  "itCapexYear",
  "itResidualShare",
  "itResidualValue",
  "facilityResidualValue",
] as const;
export type DerivedKey = (typeof DERIVED_KEYS)[number];

/** Rows of the yearly cash-flow table, in sheet order ("label" rows carry only a sub-heading). */
export const CASHFLOW_KEYS = [
  "buildHeading",
  "fraction",
  "itLoad",
  "itCapex",
  "facilityCapex",
  "energy",
  "maintenance",
  "staff",
  "colocation",
  "itResidual",
  "facilityResidual",
  "buildTotal",
  "cumulativeBuild",
  "rentHeading",
  "rentFraction",
  "rentRate",
  "rent",
  "rentTotal",
  "cumulativeRent",
  "discountHeading",
  "discountFactor",
  "pvBuild",
  "pvRent",
] as const;
export type CashflowKey = (typeof CASHFLOW_KEYS)[number];

/** Model v2 inputs (docs/model.md section 11.1), one named row each, below every v1 section. */
export const V2_INPUT_KEYS = [
  "productiveUtilization",
  "goodput",
  "sparesShare",
  "sparesNeeded",
  "outageHoursPerYear",
  "outagesPerYear",
  "restartHoursPerOutage",
  "powerKind",
  "batteryHours",
  "batteryCostPerKwh",
  "onsiteCostPerKw",
  "onsitePricePerKwh",
  "gridMonths",
  "rampMonths",
  "hardwarePriceChange",
  "taxRate",
  "bonusDepreciation",
  "rentAvailability",
  "rentBilling",
  "hasBridge",
  "bridgeRentRate",
  "bridgeRentPriceChange",
  "bridgeLeadMonths",
  "bridgeAvailability",
  "bridgeBilling",
  "bridgeMinimumTermMonths",
  "bridgeOverlapMonths",
  "phaseCount",
] as const;
export type V2InputKey = (typeof V2_INPUT_KEYS)[number];

/** Phase rows of the v2 section: as many as a library scenario may list (schema MAX_PHASES). */
export const V2_PHASES = 12;

/** Model v2 constants (named, so no formula holds a number other than 0, 1 and 12). */
export const V2_CONSTANT_KEYS = [
  "linearRampShare",
  "facilityTaxLife",
  "facilityFirstYearShare",
  "macrsRates",
] as const;
export type V2ConstantKey = (typeof V2_CONSTANT_KEYS)[number];

/** Model v2 single cells derived from the inputs, in sheet order. */
export const V2_DERIVED_KEYS = [
  "kwhPerGpuMonth",
  "powerCapex",
  "onsiteUntilMonth",
  "otherOpexPerYear",
  "firstCapacityMonth",
  "fullyRampedMonth",
  "itPurchaseTotal",
  "itResidualTotal",
  "facilityTaxBasis",
  "facilityTaxResidual",
  "residualProceeds",
  "basisLeft",
  "hardwareAvailability",
  "backupHours",
  "lostHoursPerYear",
  "powerAvailability",
  "ownAvailability",
  "rentBilledHoursPerMonth",
  "bridgeBilledHoursPerMonth",
  "bridgeEndMonth",
] as const;
export type V2DerivedKey = (typeof V2_DERIVED_KEYS)[number];

/** Model v2 yearly rows (years 0..H in the cash-flow table's columns); per-phase rows are separate blocks. */
export const V2_YEAR_KEYS = [
  "year",
  "ownHeading",
  "ownInstalled",
  "ownBeforeGrid",
  "itCapex",
  "facilityCapex",
  "powerCapex",
  "energy",
  "otherOpex",
  "residual",
  "ownTotal",
  "itDepreciation",
  "facilityDepreciation",
  "ownTax",
  "ownAfterTax",
  "ownCumulative",
  "rentHeading",
  "rentMonths",
  "rentRate",
  "rent",
  "rentTax",
  "rentAfterTax",
  "rentCumulative",
  "bridgeHeading",
  "bridgeMonths",
  "bridgeCounted",
  "bridgeRate",
  "bridgeRent",
  "bridgeTotal",
  "bridgeTax",
  "bridgeAfterTax",
  "bridgeCumulative",
  "savingHeading",
  "saving",
  "discountedSaving",
  "cumulativeSaving",
  "paybackFlag",
  "paybackMonth",
] as const;
export type V2YearKey = (typeof V2_YEAR_KEYS)[number];

/** Model v2 results, named "CP_Route" + key with a capital first letter. */
export const V2_RESULT_KEYS = [
  "deliveredGpuHoursOwn",
  "usefulGpuHoursOwn",
  "usefulGpuHoursRent",
  "usefulGpuHoursBridge",
  "totalCostOwn",
  "totalCostRent",
  "totalCostBridge",
  "costPerUsefulGpuHourOwn",
  "costPerUsefulGpuHourRent",
  "costPerUsefulGpuHourBridge",
  "npvOwn",
  "npvRent",
  "npvBridge",
  "irrBuildVsRent",
  "discountedPaybackMonths",
  "simplePaybackMonths",
  "peakCapitalOwn",
  "peakCapitalRent",
  "peakCapitalBridge",
] as const;
export type V2ResultKey = (typeof V2_RESULT_KEYS)[number];

/**
 * Risk section (docs/model.md section 12.13): one ranges row and one tornado row per risk input of the catalog
 * (a fixed layout, so every input keeps its row and its names whatever the case uses), RISK_BINS histogram rows.
 */
export const RISK_ROW_KEYS = RISK_INPUT_KEYS;
export const RISK_BINS = 20;
export const RISK_DRIVERS = 3;
/** The run-stamp rows of the risk section, in sheet order. */
export const RISK_STAMP_KEYS = ["trialsUsed", "seedUsed", "library", "ranAt", "status"] as const;
export type RiskStampKey = (typeof RISK_STAMP_KEYS)[number];
/** The single-value rows below the percentile table. */
export const RISK_SUMMARY_KEYS = [
  "probabilityBuildWins",
  "probabilityBuildWinsExclDelay",
  "standardError",
  "expectedUsefulCostBuild",
  "expectedUsefulCostRent",
  "typicalEngine",
  "typicalSheet",
] as const;
export type RiskSummaryKey = (typeof RISK_SUMMARY_KEYS)[number];

function rowsOf<K extends string>(
  cursor: RowCursor,
  keys: readonly K[]
): Readonly<Record<K, number>> {
  const first = cursor.take(keys.length);
  const rows = {} as Record<K, number>;
  keys.forEach((key, i) => {
    rows[key] = first + i;
  });
  return rows;
}

function planLayout() {
  const cursor = new RowCursor();
  const header = rowsOf(cursor, [
    "title",
    "scenario",
    "description",
    "library",
    "published",
    "liveLibrary",
    "conventions",
  ] as const);
  cursor.skip();
  const assumptionSection = cursor.take();
  const assumptionHeader = cursor.take();
  const info = rowsOf(cursor, ["gpu", "region", "approach", "offer", "horizon"] as const);
  const assumptions = rowsOf(cursor, ASSUMPTION_KEYS);
  const constants = rowsOf(cursor, ["hoursPerYear", "hoursPerMonth", "kwPerMw"] as const);
  cursor.skip();
  const resultSection = cursor.take();
  const resultHeader = cursor.take();
  const verdict = cursor.take();
  const results = rowsOf(cursor, RESULT_KEYS);
  cursor.skip();
  const derivedSection = cursor.take();
  const derivedHeader = cursor.take();
  const derived = rowsOf(cursor, DERIVED_KEYS);
  cursor.skip();
  const cashflowSection = cursor.take();
  const yearHeader = cursor.take();
  const cashflows = rowsOf(cursor, CASHFLOW_KEYS);
  cursor.skip();
  const chartSection = cursor.take();
  const chartRows = rowsOf(cursor, ["categories", "build", "rent"] as const);
  cursor.skip();
  const sensitivitySection = cursor.take();
  const sensitivityNote = cursor.take();
  const sensitivityHelpers = rowsOf(cursor, [
    "buildPerPrice",
    "rentPerRate",
    "npvBuildPerPrice",
    "npvBuildFixed",
    "npvRentPerRate",
  ] as const);
  cursor.skip();
  const gridHeader = rowsOf(cursor, ["priceFactor", "price", "rateHeader"] as const);
  const gridFirstRow = cursor.take(SENSITIVITY_STEPS.length);
  cursor.skip();
  const breakevenSection = cursor.take();
  const breakevenNote = cursor.take();
  const breakevenHeader = cursor.take();
  const breakevenFirstRow = cursor.take(BREAKEVEN_MONTHS);
  cursor.skip();
  // Model v2 (docs/model.md section 11), below every v1 section so no v1 row or name moves.
  const v2Section = cursor.take();
  const v2Note = cursor.take();
  const v2InputHeader = cursor.take();
  const v2Inputs = rowsOf(cursor, V2_INPUT_KEYS);
  const v2Constants = rowsOf(cursor, V2_CONSTANT_KEYS);
  cursor.skip();
  const v2PhaseHeader = cursor.take();
  const v2PhaseFirstRow = cursor.take(V2_PHASES);
  cursor.skip();
  const v2DerivedHeader = cursor.take();
  const v2Derived = rowsOf(cursor, V2_DERIVED_KEYS);
  cursor.skip();
  const v2YearSection = cursor.take();
  const v2Years = rowsOf(cursor, V2_YEAR_KEYS);
  cursor.skip();
  const v2PhaseInstalledHeading = cursor.take();
  const v2PhaseInstalledFirstRow = cursor.take(V2_PHASES);
  const v2PhaseBeforeGridHeading = cursor.take();
  const v2PhaseBeforeGridFirstRow = cursor.take(V2_PHASES);
  const v2PhaseDepreciationHeading = cursor.take();
  const v2PhaseDepreciationFirstRow = cursor.take(V2_PHASES);
  const v2PhaseDuringBridgeHeading = cursor.take();
  const v2PhaseDuringBridgeFirstRow = cursor.take(V2_PHASES);
  cursor.skip();
  const v2ResultSection = cursor.take();
  const v2Results = rowsOf(cursor, V2_RESULT_KEYS);
  cursor.skip();
  // Risk (docs/model.md section 12.13), below model v2 so no earlier row or name moves.
  const riskSection = cursor.take();
  const riskNote = cursor.take();
  const riskSettings = rowsOf(cursor, ["trials", "seed"] as const);
  const riskStamp = rowsOf(cursor, RISK_STAMP_KEYS);
  const riskTolerance = cursor.take();
  cursor.skip();
  const riskRangeHeader = cursor.take();
  const riskRanges = rowsOf(cursor, RISK_ROW_KEYS);
  cursor.skip();
  const riskResultHeader = cursor.take();
  const riskResults = rowsOf(cursor, OUTPUT_KEYS);
  const riskSummary = rowsOf(cursor, RISK_SUMMARY_KEYS);
  cursor.skip();
  const riskDriverHeader = cursor.take();
  const riskDriverFirstRow = cursor.take(RISK_DRIVERS);
  cursor.skip();
  const riskTornadoHeader = cursor.take();
  const riskTornadoFirstRow = cursor.take(RISK_ROW_KEYS.length);
  cursor.skip();
  const riskHistogramHeader = cursor.take();
  const riskHistogramFirstRow = cursor.take(RISK_BINS);
  cursor.skip();
  // Room for the two charts under the histogram (each about 15 rows tall).
  const riskChartsFirstRow = cursor.take(32);
  return {
    header,
    assumptionSection,
    assumptionHeader,
    info,
    assumptions,
    constants,
    resultSection,
    resultHeader,
    verdict,
    results,
    derivedSection,
    derivedHeader,
    derived,
    cashflowSection,
    yearHeader,
    cashflows,
    chartSection,
    chartRows,
    sensitivitySection,
    sensitivityNote,
    sensitivityHelpers,
    gridHeader,
    gridFirstRow,
    breakevenSection,
    breakevenNote,
    breakevenHeader,
    breakevenFirstRow,
    breakevenLastRow: breakevenFirstRow + BREAKEVEN_MONTHS - 1,
    v2Section,
    v2Note,
    v2InputHeader,
    v2Inputs,
    v2Constants,
    v2PhaseHeader,
    v2PhaseFirstRow,
    v2DerivedHeader,
    v2Derived,
    v2YearSection,
    v2Years,
    v2PhaseInstalledHeading,
    v2PhaseInstalledFirstRow,
    v2PhaseBeforeGridHeading,
    v2PhaseBeforeGridFirstRow,
    v2PhaseDepreciationHeading,
    v2PhaseDepreciationFirstRow,
    v2PhaseDuringBridgeHeading,
    v2PhaseDuringBridgeFirstRow,
    v2ResultSection,
    v2Results,
    riskSection,
    riskNote,
    riskSettings,
    riskStamp,
    riskTolerance,
    riskRangeHeader,
    riskRanges,
    riskResultHeader,
    riskResults,
    riskSummary,
    riskDriverHeader,
    riskDriverFirstRow,
    riskTornadoHeader,
    riskTornadoFirstRow,
    riskHistogramHeader,
    riskHistogramFirstRow,
    riskChartsFirstRow,
  } as const;
}

export const LAYOUT = planLayout();

/** Address of an assumption's value cell (column C of its row). */
export function assumptionAddress(key: AssumptionKey): string {
  return `${COLUMN.value}${LAYOUT.assumptions[key]}`;
}

/** Column widths in points: Excel's default 8.43-character column is 64 px = 48 pt (7 px per character plus 5 px padding). */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75);
}

export const WIDTH_CHARACTERS = {
  label: 36,
  unit: 22,
  /** Fits "$43,800,000,000" (tens of billions of USD) and the as-of dates. */
  year: 17,
} as const;

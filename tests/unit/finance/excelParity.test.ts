/**
 * The Excel formulas written in docs/model.md ("one formula per year row"), evaluated by
 * HyperFormula (an Excel-compatible engine), reproduce the core's cash flows and NPV.
 * If this test changes, update docs/model.md (section "Excel rows") with it.
 */
import { HyperFormula } from "hyperformula";
import {
  buildCashFlowDetail,
  npv,
  rentCashFlows,
  type BuildInputs,
  type RentInputs,
} from "../../../src/model/finance";
import { BUILD, RENT } from "./fixtures";

/** Named inputs -> the value they hold. */
function namedInputs(
  b: BuildInputs,
  r: RentInputs,
  horizon: number,
  rate: number
): [string, number | boolean][] {
  return [
    ["GpuCount", b.gpuCount],
    ["SystemPricePerGpu", b.systemPricePerGpu],
    ["NetworkShare", b.networkShare],
    ["KwPerGpu", b.systemPowerKwPerGpu],
    ["HasFacility", b.facilityCapex],
    ["CostPerMw", b.constructionCostPerMw],
    ["CapexMultiplier", b.capexMultiplier],
    ["Pue", b.pue],
    ["Utilization", b.utilization],
    ["PowerPrice", b.powerPricePerKwh],
    ["ColoPerKwMonth", b.colocationPerKwMonth],
    ["MaintShare", b.maintenanceShareOfHwPerYear],
    ["StaffPerMwYear", b.staffCostPerMwYear],
    ["BuildMonths", b.buildMonths],
    ["ItLife", b.itDepreciationYears],
    ["FacilityLife", b.facilityLifeYears],
    ["Horizon", horizon],
    ["DiscountRate", rate],
    ["RentCount", r.gpuCount],
    ["RentRate", r.ratePerGpuHour],
    ["RentChange", r.annualPriceChange],
    ["LeadMonths", r.leadTimeMonths],
  ];
}

/** Derived single cells, exactly as in docs/model.md. */
const DERIVED: [string, string][] = [
  ["ItMw", "=GpuCount*KwPerGpu/1000"],
  ["ItCapex", "=GpuCount*SystemPricePerGpu/(1-NetworkShare)"],
  ["FacilityCapexTotal", "=IF(HasFacility, ItMw*CostPerMw*CapexMultiplier, 0)"],
  ["EnergyPerYear", "=ItMw*1000*Pue*Utilization*8760*PowerPrice"],
  ["MaintenancePerYear", "=ItCapex*MaintShare"],
  ["StaffPerYear", "=ItMw*StaffPerMwYear"],
  ["ColocationPerYear", "=ItMw*1000*ColoPerKwMonth*12"],
];

/** Year rows, exactly as in docs/model.md; {Year}, {Fraction}, {RentFraction} are this column's cells. */
const ROWS: [string, string][] = [
  ["Fraction", "=MIN(12, MAX(0, 12*{Year} - BuildMonths))/12"],
  ["ItCapexRow", "=IF({Year}=MIN(Horizon, ROUNDUP(BuildMonths/12, 0)), ItCapex, 0)"],
  ["FacilityRow", "=IF({Year}=0, FacilityCapexTotal, 0)"],
  ["Energy", "={Fraction}*EnergyPerYear"],
  ["Maintenance", "={Fraction}*MaintenancePerYear"],
  ["Staff", "={Fraction}*StaffPerYear"],
  ["Colocation", "={Fraction}*ColocationPerYear"],
  [
    "Residual",
    "=IF({Year}=Horizon, -(ItCapex*MAX(0, 1-MAX(0, Horizon-BuildMonths/12)/ItLife) + FacilityCapexTotal*MAX(0, 1-Horizon/FacilityLife)), 0)",
  ],
  ["BuildTotal", "=SUM({ItCapexRow}:{Residual})"],
  ["RentFraction", "=MIN(12, MAX(0, 12*{Year} - LeadMonths))/12"],
  ["Rent", "=IF({Year}=0, 0, {RentFraction}*8760*RentCount*RentRate*(1+RentChange)^({Year}-1))"],
];

function columnLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

function evaluate(b: BuildInputs, r: RentInputs, horizon: number, rate: number) {
  const inputs = namedInputs(b, r, horizon, rate);
  const inputSheet: (number | boolean | string)[][] = [
    ...inputs.map(([, value]) => [value]),
    ...DERIVED.map(([, formula]) => [formula]),
  ];
  const hf = HyperFormula.buildFromSheets(
    { Inputs: inputSheet, Model: [[]] },
    { licenseKey: "gpl-v3" }
  );
  [...inputs.map(([name]) => name), ...DERIVED.map(([name]) => name)].forEach((name, row) =>
    hf.addNamedExpression(name, `=Inputs!$A$${row + 1}`)
  );
  const model = hf.getSheetId("Model") as number;
  const rowOf = new Map<string, number>([["Year", 1]]);
  ROWS.forEach(([name], i) => rowOf.set(name, i + 2));
  const sheet: (number | string)[][] = [];
  sheet.push(Array.from({ length: horizon + 1 }, (_, y) => y));
  for (const [, formula] of ROWS) {
    sheet.push(
      Array.from({ length: horizon + 1 }, (_, y) =>
        formula.replace(/\{(\w+)\}/g, (_m, name: string) => `${columnLetter(y)}${rowOf.get(name)}`)
      )
    );
  }
  const last = columnLetter(horizon);
  const totalRow = rowOf.get("BuildTotal") as number;
  const rentRow = rowOf.get("Rent") as number;
  sheet.push([`=A${totalRow} + NPV(DiscountRate, B${totalRow}:${last}${totalRow})`]);
  sheet.push([`=A${rentRow} + NPV(DiscountRate, B${rentRow}:${last}${rentRow})`]);
  sheet.push([`=NPV(DiscountRate, A${totalRow}:${last}${totalRow})`]);
  hf.setSheetContent(model, sheet);
  const values = hf.getSheetValues(model) as number[][];
  const row = (name: string): number[] => values[(rowOf.get(name) as number) - 1];
  const tail = values.length;
  return {
    row,
    npvBuild: values[tail - 3][0],
    npvRent: values[tail - 2][0],
    excelNpvWholeColumn: values[tail - 1][0],
  };
}

function expectRow(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, 3));
}

describe("Given the documented Excel rows evaluated in an Excel-compatible engine", () => {
  const cases: [string, BuildInputs, RentInputs, number][] = [
    ["the fixture (T = 6, lead 3)", BUILD, RENT, 3],
    [
      "a build ready at once (T = 0)",
      { ...BUILD, buildMonths: 0 },
      { ...RENT, leadTimeMonths: 0 },
      5,
    ],
    [
      "a mid-year build (T = 18) with colocation",
      { ...BUILD, buildMonths: 18, facilityCapex: false, colocationPerKwMonth: 195 },
      RENT,
      4,
    ],
    [
      "a build beyond the horizon (T = 40)",
      { ...BUILD, buildMonths: 40 },
      { ...RENT, leadTimeMonths: 30 },
      3,
    ],
    ["a 12-month build (T = 12 exactly)", { ...BUILD, buildMonths: 12 }, RENT, 2],
  ];

  it.each(cases)(
    "when the case is %s, then every row equals the core's line items",
    (_name, b, r, horizon) => {
      const sheet = evaluate(b, r, horizon, 0.07);
      const d = buildCashFlowDetail(b, horizon);
      expectRow(sheet.row("Fraction"), d.operatingFraction);
      expectRow(sheet.row("ItCapexRow"), d.itCapex);
      expectRow(sheet.row("FacilityRow"), d.facilityCapex);
      expectRow(sheet.row("Energy"), d.energy);
      expectRow(sheet.row("Maintenance"), d.maintenance);
      expectRow(sheet.row("Staff"), d.staff);
      expectRow(sheet.row("Colocation"), d.colocation);
      expectRow(sheet.row("Residual"), d.residual);
      expectRow(sheet.row("BuildTotal"), d.total);
      expectRow(sheet.row("Rent"), rentCashFlows(r, horizon));
    }
  );

  it.each(cases)(
    "when the case is %s, then =CF0 + NPV(r, CF1:CFH) equals the core's npv and NPV over the whole column is npv/(1+r)",
    (_name, b, r, horizon) => {
      const sheet = evaluate(b, r, horizon, 0.07);
      const coreBuild = npv(0.07, buildCashFlowDetail(b, horizon).total);
      expect(sheet.npvBuild).toBeCloseTo(coreBuild, 3);
      expect(sheet.npvRent).toBeCloseTo(npv(0.07, rentCashFlows(r, horizon)), 3);
      expect(sheet.excelNpvWholeColumn).toBeCloseTo(coreBuild / 1.07, 3);
    }
  );
});

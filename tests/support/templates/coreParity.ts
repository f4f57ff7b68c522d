/**
 * The core's answer for a template's inputs, and a cell-by-cell comparison of an evaluated
 * template with it. Money must agree to the cent (|diff| < 0.005 USD); other quantities to 1e-9
 * relative; breakeven months exactly.
 */
import {
  buildCashFlowDetail,
  buildCostBasis,
  compareOptions,
  rentCashFlowDetail,
  type BuildInputs,
  type CompareInputs,
  type RentInputs,
} from "../../../src/model/finance";
import {
  LAYOUT,
  SENSITIVITY_STEPS,
  yearColumn,
  type AssumptionKey,
  type CashflowKey,
} from "../../../src/templates/layout";
import { gridColumn, gridRow } from "../../../src/templates/sections/sensitivity";
import type { RentVsBuildSpec } from "../../../src/templates/types";
import type { EvaluatedTemplate } from "./evaluateTemplate";

export interface CoreInputs {
  readonly build: BuildInputs;
  readonly rent: RentInputs;
  readonly compare: CompareInputs;
}

/** The core inputs with one template assumption set to `value` (what typing into its cell means). */
export function withAssumption(inputs: CoreInputs, key: AssumptionKey, value: number): CoreInputs {
  const { build, rent, compare } = inputs;
  switch (key) {
    case "gpuCount":
      return { build: { ...build, gpuCount: value }, rent: { ...rent, gpuCount: value }, compare };
    case "systemPricePerGpu":
      return { ...inputs, build: { ...build, systemPricePerGpu: value } };
    case "networkShare":
      return { ...inputs, build: { ...build, networkShare: value } };
    case "kwPerGpu":
      return { ...inputs, build: { ...build, systemPowerKwPerGpu: value } };
    case "facilityCapexFlag":
      return { ...inputs, build: { ...build, facilityCapex: value === 1 } };
    case "constructionCostPerMw":
      return { ...inputs, build: { ...build, constructionCostPerMw: value } };
    case "capexMultiplier":
      return { ...inputs, build: { ...build, capexMultiplier: value } };
    case "colocationPerKwMonth":
      return { ...inputs, build: { ...build, colocationPerKwMonth: value } };
    case "buildMonths":
      return { ...inputs, build: { ...build, buildMonths: value } };
    case "powerPrice":
      return { ...inputs, build: { ...build, powerPricePerKwh: value } };
    case "pue":
      return { ...inputs, build: { ...build, pue: value } };
    case "utilization":
      return { ...inputs, build: { ...build, utilization: value } };
    case "maintenance":
      return { ...inputs, build: { ...build, maintenanceShareOfHwPerYear: value } };
    case "staffPerMwYear":
      return { ...inputs, build: { ...build, staffCostPerMwYear: value } };
    case "itLife":
      return { ...inputs, build: { ...build, itDepreciationYears: value } };
    case "facilityLife":
      return { ...inputs, build: { ...build, facilityLifeYears: value } };
    case "discountRate":
      return { ...inputs, compare: { ...compare, discountRate: value } };
    case "rentRate":
      return { ...inputs, rent: { ...rent, ratePerGpuHour: value } };
    case "rentPriceChange":
      return { ...inputs, rent: { ...rent, annualPriceChange: value } };
    case "rentLeadMonths":
      return { ...inputs, rent: { ...rent, leadTimeMonths: value } };
    case "valuePerGpuHour":
      return { ...inputs, compare: { ...compare, valuePerGpuHour: value } };
  }
}

/** Collects every disagreement, so a failing test lists them all at once. */
class Mismatches {
  readonly list: string[] = [];

  money(what: string, actual: unknown, expected: number): void {
    if (typeof actual !== "number" || !(Math.abs(actual - expected) < 0.005)) {
      this.list.push(`${what}: sheet ${String(actual)} vs core ${expected}`);
    }
  }

  close(what: string, actual: unknown, expected: number): void {
    if (
      typeof actual !== "number" ||
      !(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)))
    ) {
      this.list.push(`${what}: sheet ${String(actual)} vs core ${expected}`);
    }
  }

  exact(what: string, actual: unknown, expected: unknown): void {
    if (actual !== expected)
      this.list.push(`${what}: sheet ${String(actual)} vs core ${String(expected)}`);
  }
}

function cumulative(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}

/** Compares every computed cell of the evaluated template with the core for `inputs`; [] when all agree. */
export function compareWithCore(
  sheet: EvaluatedTemplate,
  spec: RentVsBuildSpec,
  inputs: CoreInputs
): string[] {
  const m = new Mismatches();
  const { build, rent, compare } = inputs;
  const H = compare.horizonYears;
  const core = compareOptions(build, rent, compare);
  const detail = buildCashFlowDetail(build, H);
  const rentDetail = rentCashFlowDetail(rent, H);
  const basis = buildCostBasis(build);
  const r = compare.discountRate;
  const n = (key: string): unknown => sheet.named(spec.resultNames[key]);

  // Derived single cells.
  const derived = LAYOUT.derived;
  m.close("ItMw", sheet.value(`C${derived.itMw}`), basis.itLoadMw);
  m.close("FacilityMw", sheet.value(`C${derived.facilityMw}`), basis.facilityMw);
  m.money("ItCapex", sheet.value(`C${derived.itCapex}`), basis.itCapex);
  m.money("FacilityCapexTotal", sheet.value(`C${derived.facilityCapexTotal}`), basis.facilityCapex);
  m.money("EnergyPerYear", sheet.value(`C${derived.energyPerYear}`), basis.energyPerYear);
  m.money(
    "MaintenancePerYear",
    sheet.value(`C${derived.maintenancePerYear}`),
    basis.maintenancePerYear
  );
  m.money("StaffPerYear", sheet.value(`C${derived.staffPerYear}`), basis.staffPerYear);
  m.money(
    "ColocationPerYear",
    sheet.value(`C${derived.colocationPerYear}`),
    basis.colocationPerYear
  );
  m.money("OpexPerYear", sheet.value(`C${derived.opexPerYear}`), basis.opexPerYear);
  m.exact("ItCapexYear", sheet.value(`C${derived.itCapexYear}`), detail.itCapexYear);
  m.money("ItResidualValue", sheet.value(`C${derived.itResidualValue}`), detail.itResidualValue);
  m.money(
    "FacilityResidualValue",
    sheet.value(`C${derived.facilityResidualValue}`),
    detail.facilityResidualValue
  );

  // Yearly rows.
  const rows: [CashflowKey, readonly number[], "money" | "close"][] = [
    ["fraction", detail.operatingFraction, "close"],
    ["itLoad", detail.operatingFraction.map((f) => f * basis.itLoadMw), "close"],
    ["itCapex", detail.itCapex, "money"],
    ["facilityCapex", detail.facilityCapex, "money"],
    ["energy", detail.energy, "money"],
    ["maintenance", detail.maintenance, "money"],
    ["staff", detail.staff, "money"],
    ["colocation", detail.colocation, "money"],
    ["buildTotal", core.cashflows.build, "money"],
    ["cumulativeBuild", cumulative(core.cashflows.build), "money"],
    ["rentFraction", rentDetail.operatingFraction, "close"],
    ["rentRate", rentDetail.ratePerGpuHour, "close"],
    ["rent", rentDetail.rent, "money"],
    ["rentTotal", core.cashflows.rent, "money"],
    ["cumulativeRent", cumulative(core.cashflows.rent), "money"],
    ["discountFactor", detail.total.map((_, y) => 1 / Math.pow(1 + r, y)), "close"],
    ["pvBuild", core.cashflows.build.map((cf, y) => cf / Math.pow(1 + r, y)), "money"],
    ["pvRent", core.cashflows.rent.map((cf, y) => cf / Math.pow(1 + r, y)), "money"],
  ];
  for (const [key, expected, kind] of rows) {
    expected.forEach((value, y) => {
      const address = `${yearColumn(y)}${LAYOUT.cashflows[key]}`;
      m[kind](`${key} year ${y} (${address})`, sheet.value(address), value);
    });
  }
  for (let y = 0; y <= H; y++) {
    const itRes = sheet.value(`${yearColumn(y)}${LAYOUT.cashflows.itResidual}`);
    const facRes = sheet.value(`${yearColumn(y)}${LAYOUT.cashflows.facilityResidual}`);
    m.money(`residual year ${y}`, (itRes as number) + (facRes as number), detail.residual[y]);
    m.money(`IT residual year ${y}`, itRes, y === H ? -detail.itResidualValue : 0);
    m.money(
      `chart build year ${y}`,
      sheet.value(`${yearColumn(y)}${LAYOUT.chartRows.build}`),
      cumulative(core.cashflows.build)[y]
    );
    m.money(
      `chart rent year ${y}`,
      sheet.value(`${yearColumn(y)}${LAYOUT.chartRows.rent}`),
      cumulative(core.cashflows.rent)[y]
    );
  }

  // Results.
  m.money("npvBuild", n("npvBuild"), core.npvBuild);
  m.money("npvRent", n("npvRent"), core.npvRent);
  m.money("difference", n("difference"), core.difference);
  m.money("costOfDelay", n("costOfDelay"), core.costOfDelay);
  m.money("differenceWithDelay", n("differenceWithDelay"), core.differenceWithDelay);
  m.money("tcoBuild", n("tcoBuild"), core.tcoBuild);
  m.money("tcoRent", n("tcoRent"), core.tcoRent);
  m.exact("breakevenMonth", n("breakevenMonth"), core.breakevenMonth ?? "never");
  m.close("monthsToCapacityBuild", n("monthsToCapacityBuild"), core.monthsToCapacityBuild);
  m.close("monthsToCapacityRent", n("monthsToCapacityRent"), core.monthsToCapacityRent);
  m.close("deliveredGpuHoursBuild", n("deliveredGpuHoursBuild"), core.deliveredGpuHoursBuild);
  m.close("deliveredGpuHoursRent", n("deliveredGpuHoursRent"), core.deliveredGpuHoursRent);
  for (const [key, expected] of [
    ["costPerGpuHourBuild", core.costPerGpuHourBuild],
    ["costPerGpuHourRent", core.costPerGpuHourRent],
  ] as const) {
    if (expected === null) m.exact(key, n(key), "no capacity within the horizon");
    else m.close(key, n(key), expected);
  }
  // The whole sentence, amount included (FIXED(x, 0) as Excel shows it in en-US: halves away from zero).
  const verdict = String(n("verdict"));
  const d = core.differenceWithDelay;
  const amount = `$${Math.round(Math.abs(d)).toLocaleString("en-US")}`;
  const over = ` over ${H} years (NPV of costs plus the cost of delay)`;
  const expectedVerdict =
    d < 0
      ? `Build is cheaper by ${amount}${over}`
      : d > 0
        ? `Rent is cheaper by ${amount}${over}`
        : `Build and rent cost the same${over}`;
  if (verdict !== expectedVerdict)
    m.list.push(`verdict "${verdict}" should be "${expectedVerdict}"`);

  // Sensitivity grid: every cell is the core's difference with the price and the rate scaled.
  SENSITIVITY_STEPS.forEach((rateStep, i) => {
    SENSITIVITY_STEPS.forEach((priceStep, j) => {
      const scaled = compareOptions(
        { ...build, systemPricePerGpu: build.systemPricePerGpu * priceStep },
        { ...rent, ratePerGpuHour: rent.ratePerGpuHour * rateStep },
        compare
      );
      const address = `${gridColumn(j)}${gridRow(i)}`;
      m.money(
        `sensitivity rate x${rateStep} price x${priceStep} (${address})`,
        sheet.value(address),
        scaled.difference
      );
    });
  });
  return m.list;
}

/**
 * Yearly cash flows, year 0..H (positive = money out), per the timeline convention of docs/model.md section 2:
 *
 * Build, start month T = buildMonths:
 *   year 0          facility capex
 *   year ceil(T/12) IT capex (year 0 when T = 0; year H when T is beyond the horizon)
 *   year y          f_y x (energy + maintenance + staff + colocation) per year
 *   year H          minus residual value (IT + facility)
 * Rent, start month T = leadTimeMonths:
 *   year y          f_y x 8760 x count x rate x (1+g)^(y-1)
 * with f_y = clamp(12y - T, 0, 12) / 12.
 */
import { buildCostBasis } from "./build";
import { assertRentInputs } from "./inputs";
import { rateInYear } from "./rent";
import { facilityResidualValue, itResidualValue } from "./residual";
import { itCapexYear, operatingFraction } from "./timeline";
import type {
  BuildCashFlowDetail,
  BuildCostBasis,
  BuildInputs,
  RentCashFlowDetail,
  RentInputs,
} from "./types";
import { HOURS_PER_YEAR } from "./units";
import { finiteResult, requireHorizon } from "./validate";

interface BuildTimeline {
  readonly basis: BuildCostBasis;
  readonly capexYear: number;
  readonly itResidual: number;
  readonly facilityResidual: number;
}

function buildTimeline(b: BuildInputs, horizonYears: number): BuildTimeline {
  const basis = buildCostBasis(b);
  requireHorizon(horizonYears);
  return {
    basis,
    capexYear: itCapexYear(b.buildMonths, horizonYears),
    itResidual: itResidualValue(basis.itCapex, horizonYears, b.buildMonths, b.itDepreciationYears),
    facilityResidual: facilityResidualValue(basis.facilityCapex, horizonYears, b.facilityLifeYears),
  };
}

/** Build cash flows, year 0..H (length H+1). */
export function buildCashFlows(b: BuildInputs, horizonYears: number): number[] {
  const { basis, capexYear, itResidual, facilityResidual } = buildTimeline(b, horizonYears);
  const flows: number[] = [];
  for (let y = 0; y <= horizonYears; y++) {
    let cf = basis.opexPerYear * operatingFraction(y, b.buildMonths);
    if (y === 0) cf += basis.facilityCapex;
    if (y === capexYear) cf += basis.itCapex;
    if (y === horizonYears) cf -= itResidual + facilityResidual;
    flows.push(finiteResult(cf, "buildCashFlow"));
  }
  return flows;
}

/** Build cash flows by line item (each row year 0..H; total = sum of the rows). */
export function buildCashFlowDetail(b: BuildInputs, horizonYears: number): BuildCashFlowDetail {
  const { basis, capexYear, itResidual, facilityResidual } = buildTimeline(b, horizonYears);
  const fraction: number[] = [];
  const itCapex: number[] = [];
  const facilityCapex: number[] = [];
  const energy: number[] = [];
  const maintenance: number[] = [];
  const staff: number[] = [];
  const colocation: number[] = [];
  const residual: number[] = [];
  const total: number[] = [];
  for (let y = 0; y <= horizonYears; y++) {
    const f = operatingFraction(y, b.buildMonths);
    fraction.push(f);
    itCapex.push(y === capexYear ? basis.itCapex : 0);
    facilityCapex.push(y === 0 ? basis.facilityCapex : 0);
    energy.push(f * basis.energyPerYear);
    maintenance.push(f * basis.maintenancePerYear);
    staff.push(f * basis.staffPerYear);
    colocation.push(f * basis.colocationPerYear);
    residual.push(y === horizonYears ? -(itResidual + facilityResidual) : 0);
    total.push(
      finiteResult(
        itCapex[y] +
          facilityCapex[y] +
          energy[y] +
          maintenance[y] +
          staff[y] +
          colocation[y] +
          residual[y],
        "buildCashFlow"
      )
    );
  }
  return {
    horizonYears,
    startMonth: b.buildMonths,
    itCapexYear: capexYear,
    operatingFraction: fraction,
    itCapex,
    facilityCapex,
    energy,
    maintenance,
    staff,
    colocation,
    residual,
    total,
    itResidualValue: itResidual,
    facilityResidualValue: facilityResidual,
  };
}

/** Rent cash flows, year 0..H (length H+1; year 0 is 0). */
export function rentCashFlows(r: RentInputs, horizonYears: number): number[] {
  assertRentInputs(r);
  requireHorizon(horizonYears);
  const flows: number[] = [0];
  for (let y = 1; y <= horizonYears; y++) {
    const f = operatingFraction(y, r.leadTimeMonths);
    const rate = rateInYear(r.ratePerGpuHour, r.annualPriceChange, y);
    flows.push(finiteResult(f * HOURS_PER_YEAR * r.gpuCount * rate, "rentCashFlow"));
  }
  return flows;
}

/** Rent cash flows by line item (operating fraction, rate of the year, rent). */
export function rentCashFlowDetail(r: RentInputs, horizonYears: number): RentCashFlowDetail {
  const rent = rentCashFlows(r, horizonYears);
  const fraction: number[] = [0];
  const rates: number[] = [0];
  for (let y = 1; y <= horizonYears; y++) {
    fraction.push(operatingFraction(y, r.leadTimeMonths));
    rates.push(rateInYear(r.ratePerGpuHour, r.annualPriceChange, y));
  }
  return {
    horizonYears,
    startMonth: r.leadTimeMonths,
    operatingFraction: fraction,
    ratePerGpuHour: rates,
    rent,
    total: rent.slice(),
  };
}

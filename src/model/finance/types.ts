/**
 * Inputs and results of the finance core (docs/model.md sections 2-3). All money in USD,
 * all durations in months unless the name says years; positive cash flow = money out.
 */

/** Build (own) option. */
export interface BuildInputs {
  /** Number of GPUs (or units, e.g. racks) to own; >= 0. */
  readonly gpuCount: number;
  /** USD per GPU of a complete server/rack, excluding cluster networking; >= 0. */
  readonly systemPricePerGpu: number;
  /** Cluster networking as a share of total cluster cost, 0 <= share < 1. */
  readonly networkShare: number;
  /** kW of critical IT load per GPU at max draw (server level); >= 0. */
  readonly systemPowerKwPerGpu: number;
  /** True when the option pays for a facility ($/MW); false for colocation. */
  readonly facilityCapex: boolean;
  /** USD per MW of critical IT load; >= 0. */
  readonly constructionCostPerMw: number;
  /** Multiplier on facility capex (1 = as quoted); >= 0. */
  readonly capexMultiplier: number;
  /** Power usage effectiveness (facility / IT power); >= 1. */
  readonly pue: number;
  /** Average draw / max draw, 0..1. */
  readonly utilization: number;
  /** USD per kWh; >= 0. */
  readonly powerPricePerKwh: number;
  /** USD per kW of IT load per month (0 if not colocated); >= 0. */
  readonly colocationPerKwMonth: number;
  /** Maintenance per year as a share of IT capex; >= 0. */
  readonly maintenanceShareOfHwPerYear: number;
  /** USD per MW of IT load per year; >= 0. */
  readonly staffCostPerMwYear: number;
  /** Months from the decision to first capacity; >= 0. */
  readonly buildMonths: number;
  /** Straight-line life of the IT equipment, years; > 0. */
  readonly itDepreciationYears: number;
  /** Straight-line life of the facility, years; > 0. */
  readonly facilityLifeYears: number;
}

/** Rent option. */
export interface RentInputs {
  /** Number of GPUs rented; >= 0. */
  readonly gpuCount: number;
  /** USD per GPU-hour in the first year; >= 0. */
  readonly ratePerGpuHour: number;
  /** Yearly change of the rate as a fraction (-0.22 = -22 %/yr); >= -1. */
  readonly annualPriceChange: number;
  /** Months from the decision to capacity; >= 0. */
  readonly leadTimeMonths: number;
}

/** Comparison settings. */
export interface CompareInputs {
  /** Whole years from the decision, 1..30. */
  readonly horizonYears: number;
  /** Yearly discount rate (fraction); > -1. */
  readonly discountRate: number;
  /** USD value of one GPU-hour of capacity, for the cost of delay; >= 0. */
  readonly valuePerGpuHour: number;
}

/** Quantities derived once from BuildInputs (per year where it says so). */
export interface BuildCostBasis {
  /** MW of critical IT load = gpuCount x kW per GPU / 1000. */
  readonly itLoadMw: number;
  /** MW drawn by the facility = IT MW x PUE. */
  readonly facilityMw: number;
  /** Servers = gpuCount x systemPricePerGpu. */
  readonly serverCost: number;
  /** IT capex = cluster cost = servers / (1 - networkShare). */
  readonly itCapex: number;
  /** Facility capex = IT MW x $/MW x multiplier (0 without a facility). */
  readonly facilityCapex: number;
  readonly energyPerYear: number;
  readonly maintenancePerYear: number;
  readonly staffPerYear: number;
  readonly colocationPerYear: number;
  /** energy + maintenance + staff + colocation, per full operating year. */
  readonly opexPerYear: number;
}

/**
 * Build cash flows by line item, each an array indexed by year 0..H (positive = money out).
 * `residual` holds the value recovered at the horizon as a negative outflow (year H only), so
 * total[y] is the plain sum of the line items of year y.
 */
export interface BuildCashFlowDetail {
  readonly horizonYears: number;
  /** Months from decision to capacity (T). */
  readonly startMonth: number;
  /** Year in which IT capex is paid: min(H, ceil(T/12)). */
  readonly itCapexYear: number;
  /** Operating fraction f_y (year 0 is 0). */
  readonly operatingFraction: readonly number[];
  readonly itCapex: readonly number[];
  readonly facilityCapex: readonly number[];
  readonly energy: readonly number[];
  readonly maintenance: readonly number[];
  readonly staff: readonly number[];
  readonly colocation: readonly number[];
  /** -(IT residual + facility residual) in year H, 0 elsewhere. */
  readonly residual: readonly number[];
  readonly total: readonly number[];
  /** IT residual value at the horizon (positive amount). */
  readonly itResidualValue: number;
  /** Facility residual value at the horizon (positive amount). */
  readonly facilityResidualValue: number;
}

/** Rent cash flows by line item, year 0..H. */
export interface RentCashFlowDetail {
  readonly horizonYears: number;
  readonly startMonth: number;
  readonly operatingFraction: readonly number[];
  /** Rate in year y = rate x (1+g)^(y-1); year 0 (no usage) is 0. */
  readonly ratePerGpuHour: readonly number[];
  readonly rent: readonly number[];
  readonly total: readonly number[];
}

export interface CompareResult {
  readonly npvBuild: number;
  readonly npvRent: number;
  /** npvBuild - npvRent (positive = building costs more in present value). */
  readonly difference: number;
  /** Usage month (1..120) from which owning has cost no more than renting, or null. */
  readonly breakevenMonth: number | null;
  /** Undiscounted build cash flows / delivered build GPU-hours; null when nothing is delivered in the horizon. */
  readonly costPerGpuHourBuild: number | null;
  /** Undiscounted rent cash flows / delivered rent GPU-hours; null when nothing is delivered in the horizon. */
  readonly costPerGpuHourRent: number | null;
  readonly monthsToCapacityBuild: number;
  readonly monthsToCapacityRent: number;
  readonly deliveredGpuHoursBuild: number;
  readonly deliveredGpuHoursRent: number;
  /** (deliveredRent - deliveredBuild) x valuePerGpuHour; positive = build delivers fewer GPU-hours. */
  readonly costOfDelay: number;
  /** difference + costOfDelay. */
  readonly differenceWithDelay: number;
  /** Undiscounted sum of build cash flows (net of residual value). */
  readonly tcoBuild: number;
  /** Undiscounted sum of rent cash flows. */
  readonly tcoRent: number;
  readonly cashflows: { readonly build: readonly number[]; readonly rent: readonly number[] };
}

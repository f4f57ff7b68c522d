/**
 * Inputs and results of the v2 route engine (docs/model.md section 11): one "route" to capacity is an owned
 * fleet, a rented fleet, or both (the bridge). Money in USD, positive cash flow = money out, durations in
 * months from the decision unless the name says years. The v1 records (BuildInputs, RentInputs) carry the
 * cost basis; these add what the v1 model leaves out: useful work, availability, power supply, ramp and
 * phases, price decline, market residual and tax.
 */
import type { Phase } from "./ramp";
import type { BuildInputs, RentInputs } from "./types";

/** How a rental offer bills: on-demand bills the hours used; reserved/committed terms bill every hour. */
export type Billing = "used-hours" | "all-hours";

/** What share of available GPU-hours becomes useful work (both owned and rented fleets). */
export interface UsefulWork {
  /** Share of available GPU-hours that run jobs (util.training_servers_useful_time, typical 0.80); 0..1. */
  readonly productiveUtilization: number;
  /** Share of running time that is not lost to failures and restarts (gpu.goodput.effective_training_time, 0.90); 0..1. */
  readonly goodput: number;
}

/** How an owned facility is powered. */
export type PowerKind = "grid" | "grid+battery" | "onsite-bridge";

export interface PowerSupply {
  readonly kind: PowerKind;
  /** Grid outage hours per year (SAIDI with major events / 60, typical 6.11); >= 0. */
  readonly outageHoursPerYear: number;
  /** Grid interruptions per year (SAIFI, typical 1.35); >= 0 (> 0 when outage hours > 0). */
  readonly outagesPerYear: number;
  /** Fleet-wide hours of work lost per interruption (restart from checkpoint, 0.278 derived); >= 0. */
  readonly restartHoursPerOutage: number;
  /** Hours of full facility load the batteries carry ("grid+battery"; 0 otherwise); >= 0. */
  readonly batteryHours: number;
  /** Battery capex per kWh of storage (power.battery.*); >= 0. */
  readonly batteryCostPerKwh: number;
  /** On-site generation capex per kW of facility load ("onsite-bridge"; power.onsite.*); >= 0. */
  readonly onsiteCostPerKw: number;
  /** USD per kWh while on on-site generation (no sourced fuel figure: the region's price by default); >= 0. */
  readonly onsitePricePerKwh: number;
  /**
   * Month the grid connection arrives ("onsite-bridge": energy before it is on-site, after it grid;
   * ignored by the other kinds, whose first capacity already waits for the grid); >= 0.
   */
  readonly gridMonths: number;
}

/** The owned part of a route. */
export interface OwnedFleet {
  /** v1 cost basis; buildMonths = first capacity T. */
  readonly build: BuildInputs;
  /** Months from first capacity of a phase to its full capacity (linear ramp); >= 0. */
  readonly rampMonths: number;
  /** Phases (offset after T, share of the fleet); shares sum to 1. One phase {0, 1} = v1. */
  readonly phases: readonly Phase[];
  /** Spare GPUs bought up front, a share of the count (gpu.spares_overprovision typical 0.05); >= 0. */
  readonly sparesShare: number;
  /** Spares needed to keep the nominal count available (gpu.spares_overprovision: ~5% needed); >= 0. */
  readonly sparesNeeded: number;
  readonly power: PowerSupply;
  /**
   * Yearly change of hardware price at fixed performance, applied to IT bought after the decision:
   * price at month m = list x (1 + d)^(m / 12). 0 = off (default); opt-in d = -0.30
   * (price.ml_hardware_perf_per_dollar_annual_change).
   */
  readonly hardwarePriceChange: number;
  /** Residual value of IT at the horizon: v1 straight line, or the market price decline over its age. */
  readonly residual: "straight-line" | "market" | "none";
  /** Yearly change of the market value of used IT for residual "market" (same figure, -0.30); >= -1. */
  readonly marketValueChange: number;
}

/** The rented part of a route. */
export interface RentedFleet {
  /** v1 rate basis; leadTimeMonths = start of the rental. */
  readonly rent: RentInputs;
  readonly billing: Billing;
  /** Share of hours the provider delivers (offer SLA, e.g. rent.sla.aws_ec2_single_instance 0.995); 0..1. */
  readonly availability: number;
  /** Shortest rental the offer allows, months (0 = none); >= 0. */
  readonly minimumTermMonths: number;
  /**
   * Month the rental stops: null = runs to the horizon (pure rent); a pure rent never stops before
   * start + minimum term. For the bridge the engine ignores it and uses
   * max(start + minimum term, owned fully ramped + overlapMonths); both capped at the horizon.
   */
  readonly endMonth: number | null;
}

/** A route to capacity: rent only, own only, or the bridge (rent while the owned fleet is built and ramped). */
export interface RouteInputs {
  readonly label: string;
  readonly owned: OwnedFleet | null;
  readonly rented: RentedFleet | null;
  /** Bridge only: months the rental keeps running after the owned fleet is fully ramped; >= 0. */
  readonly overlapMonths: number;
  readonly work: UsefulWork;
}

export interface RouteSettings {
  /** Whole years from the decision, 1..30. */
  readonly horizonYears: number;
  /** Yearly discount rate (fraction); > -1. */
  readonly discountRate: number;
  /** 0 = pre-tax (default); the US federal choice is tax.us_federal_corporate_rate 0.21; 0..1. */
  readonly taxRate: number;
  /**
   * Share of each IT purchase expensed in its booking year (bonus depreciation), the rest on MACRS; absent = 0.
   * tax.bonus_depreciation_rate: 1.0 for property placed in service after 2025-01-19 (OBBBA), 0.40 under the
   * TCJA phase-down; 0..1.
   */
  readonly bonusDepreciationShare?: number;
  /** USD per useful GPU-hour not delivered, for the cost of delay; >= 0. */
  readonly valuePerUsefulGpuHour: number;
}

/** Yearly lines of a route, each indexed by year 0..H (positive = money out). */
export interface RouteFlows {
  readonly itCapex: readonly number[];
  readonly facilityCapex: readonly number[];
  /** Batteries and on-site generation, booked in year 0 with the facility. */
  readonly powerCapex: readonly number[];
  readonly energy: readonly number[];
  /** Maintenance + staff + colocation. */
  readonly otherOpex: readonly number[];
  readonly rent: readonly number[];
  /** Minus the residual value recovered at the horizon (year H only). */
  readonly residual: readonly number[];
  /** Pre-tax total per year. */
  readonly total: readonly number[];
  /** Tax paid (+) or saved (-) per year; all 0 at tax rate 0. */
  readonly tax: readonly number[];
  /** total + tax. */
  readonly afterTax: readonly number[];
}

export interface RouteResult {
  readonly label: string;
  readonly flows: RouteFlows;
  /** NPV of the after-tax flows (equal to the pre-tax NPV at tax rate 0). */
  readonly npv: number;
  readonly npvPreTax: number;
  /** Undiscounted sum of the after-tax flows. */
  readonly totalCost: number;
  /** Months from the decision to the first capacity of any part of the route. */
  readonly monthsToCapacity: number;
  /** Installed GPU-hours in the horizon (owned + rented, bridge overlap counted once up to the count). */
  readonly deliveredGpuHours: number;
  /** Delivered x availability x goodput x productive utilization. */
  readonly usefulGpuHours: number;
  /** totalCost / usefulGpuHours; null when nothing useful is delivered (or too little for a finite ratio). */
  readonly costPerUsefulGpuHour: number | null;
  /** totalCost / deliveredGpuHours; null when nothing is delivered (or too little for a finite ratio). */
  readonly costPerDeliveredGpuHour: number | null;
  /** Largest cumulative undiscounted after-tax outflow over years 0..H; >= 0. */
  readonly peakCapital: number;
}

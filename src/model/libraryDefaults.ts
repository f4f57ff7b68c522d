/**
 * What the route engine's inputs take when a library omits a schema-v2 field (a v1 library, or a team library
 * that sets only some of them). The one place these defaults live: resolveRoute.ts reads them, docs/model.md
 * ("Library schema v2") lists them. Sourced defaults cite their figures.csv key; the others say "no sourced
 * figure" and are the value that leaves the v1 model unchanged. The bundled library sets every sourced field
 * itself, so these matter only for libraries that do not.
 */
import {
  OUTAGE_HOURS_PER_YEAR_DEFAULT,
  OUTAGES_PER_YEAR_DEFAULT,
  RESTART_HOURS_PER_OUTAGE_DEFAULT,
} from "./finance";
import type { Phase } from "./finance";
import type { Billing, PowerKind } from "./finance/routeTypes";
import type { OfferTerm } from "./library/schema";

export {
  OUTAGE_HOURS_PER_YEAR_DEFAULT,
  OUTAGES_PER_YEAR_DEFAULT,
  RESTART_HOURS_PER_OUTAGE_DEFAULT,
};

/** Share of available GPU-hours that run jobs: 0.80 (util.training_servers_useful_time, Uptime Intelligence). */
export const PRODUCTIVE_UTILIZATION_DEFAULT = 0.8;

/** Share of running time not lost to failures: 0.90 (gpu.goodput.effective_training_time, Meta Llama 3). */
export const GOODPUT_DEFAULT = 0.9;

/** Spares bought up front and spares needed, a share of the count: 0.05 (gpu.spares_overprovision, NCSA Delta). */
export const SPARES_SHARE_DEFAULT = 0.05;
export const SPARES_NEEDED_DEFAULT = 0.05;

/**
 * Yearly hardware price change at fixed performance: 0 = off, the v1 model (opt-in: -0.30,
 * price.ml_hardware_perf_per_dollar_annual_change).
 */
export const HARDWARE_PRICE_CHANGE_DEFAULT = 0;

/** Yearly change of the market value of used IT: -0.30 (price.ml_hardware_perf_per_dollar_annual_change, Epoch AI). */
export const MARKET_VALUE_CHANGE_DEFAULT = -0.3;

/** Residual value at the horizon: the v1 straight line (the library has no field for it). */
export const RESIDUAL_DEFAULT = "straight-line" as const;

/**
 * Income tax rate: 0 = pre-tax. The US federal choice is US_FEDERAL_CORPORATE_RATE_DEFAULT 0.21
 * (tax.us_federal_corporate_rate, src/model/finance/tax.ts), a user's opt-in.
 */
export const TAX_RATE_DEFAULT = 0;

/** Billing by term when an offer sets none: on-demand bills the hours used, every commitment bills all hours. */
export function billingDefault(term: OfferTerm): Billing {
  return term === "on-demand" ? "used-hours" : "all-hours";
}

/** Share of hours a provider delivers when its offer has no SLA: 1 (no SLA figure). */
export const AVAILABILITY_DEFAULT = 1;

/** Shortest rental when an offer sets none: 0 = none (no sourced figure). */
export const MINIMUM_TERM_MONTHS_DEFAULT = 0;

/** Months from a phase's first capacity to full capacity: 0 = all at once, the v1 model (no sourced figure). */
export const RAMP_MONTHS_DEFAULT = 0;

/** One phase with the whole fleet at first capacity: the v1 model. */
export const PHASES_DEFAULT: readonly Phase[] = Object.freeze([
  Object.freeze({ offsetMonths: 0, share: 1 }),
]);

/**
 * Power supply when an approach sets none: the grid (no power capex), exposed to the outage defaults above;
 * the v1 model had no power capex either.
 */
export const POWER_KIND_DEFAULT: PowerKind = "grid";

/** Battery hours when the approach sets none: 0 ("grid+battery" requires the field; no sourced default). */
export const BATTERY_HOURS_DEFAULT = 0;

/**
 * Battery capex per kWh when a "grid+battery" approach sets none: 313 USD/kWh, the Tesla Megapack 4-hour unit
 * ex-install (power.battery.megapack_4h_per_kwh, typical; installed 476 is its high).
 */
export const BATTERY_COST_PER_KWH_DEFAULT = 313;

/** On-site generation capex when the approach sets none: 0 ("onsite-bridge" requires the field). */
export const ONSITE_COST_PER_KW_DEFAULT = 0;

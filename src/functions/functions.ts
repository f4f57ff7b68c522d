/*
 * The CAPPLAN custom functions. custom-functions-metadata-plugin reads the JSDoc below to write functions.json
 * and appends the CustomFunctions.associate calls to this module, so this file is only thin, documented
 * wrappers: computations.ts does the work, toExcelError turns any failure into an Excel error value with a message.
 * Every function is synchronous: the library is bundled in memory, so there is nothing to wait for.
 */
import { toExcelError } from "./errorValues";
import * as compute from "./computations";
// Before any function can run: the saved team library comes back, and the workbook's pin is checked.
import "./startup";
import { publishAssociatedFunctions } from "./publishImplementations";

// Before the CustomFunctions.associate calls the metadata plugin appends below: each function Excel gets is
// also published for the sidebar's function finder, which previews results with the same implementation.
publishAssociatedFunctions();

/**
 * Purchase cost of GPUs, servers or a whole cluster from the model library, in USD.
 * @customfunction GPUCOST GPUCOST
 * @param gpu GPU model, e.g. "H100", "H200", "B200", "GB200 NVL72", "MI300X".
 * @param count Number of GPUs (racks for "GB200 NVL72 rack").
 * @param [scope] "gpu" = accelerators only, "server" = complete servers, "cluster" = servers + networking (default).
 * @returns Purchase cost in USD.
 */
export function gpucost(gpu: string, count: number, scope?: string): number {
  try {
    return compute.gpuCost(gpu, count, scope);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Critical IT load of a GPU cluster at maximum server draw, in MW.
 * @customfunction GPUPOWER GPUPOWER
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @returns IT load in MW (before PUE).
 */
export function gpupower(gpu: string, count: number): number {
  try {
    return compute.gpuPower(gpu, count);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Facility construction cost for an IT load (shell, power, cooling; excludes IT gear and land), in USD.
 * @customfunction BUILDCOST BUILDCOST
 * @param itMw Critical IT load in MW, e.g. CAPPLAN.GPUPOWER("H100", 100000).
 * @param [region] Region, e.g. "TN", "TX", "GA", "VA", "CA" (default: the library's default region).
 * @returns Construction cost in USD.
 */
export function buildcost(itMw: number, region?: string): number {
  try {
    return compute.buildCost(itMw, region);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Months from the decision to build until the first capacity is online.
 * @customfunction BUILDTIME BUILDTIME
 * @param itMw Critical IT load in MW.
 * @param [region] Region, e.g. "TN" (its grid queue applies to grid-connected builds above 20 MW at the meter).
 * @param [approach] "standard" (grid-connected), "fast-track" (on-site generation, prefabricated) or "colocation".
 * @returns Months to first capacity.
 */
export function buildtime(itMw: number, region?: string, approach?: string): number {
  try {
    return compute.buildTime(itMw, region, approach);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Electricity cost of running an IT load for a number of months, in USD.
 * @customfunction ENERGYCOST ENERGYCOST
 * @param itMw Critical IT load in MW.
 * @param months Number of months.
 * @param [region] Region whose industrial power price applies, e.g. "TN".
 * @param [pue] Power usage effectiveness, facility power / IT power (default: the library's, e.g. 1.3).
 * @param [utilization] Average draw as a fraction of maximum, 0-1 (default: the library's).
 * @returns Energy cost in USD.
 */
export function energycost(
  itMw: number,
  months: number,
  region?: string,
  pue?: number,
  utilization?: number
): number {
  try {
    return compute.energyCostFn(itMw, months, region, pue, utilization);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Yearly rental price change implied by a provider's 1-year and 3-year prices (the 3-year price read as the average of a yearly-stepped curve), as a fraction, e.g. -0.275. Use it as the rentPriceChange override.
 * @customfunction RENTCURVE RENTCURVE
 * @param gpu GPU model, e.g. "H100".
 * @param [provider] Provider with both terms, e.g. "AWS" (default: the first that has both).
 * @returns Fraction per year.
 */
export function rentcurve(gpu: string, provider?: string): number {
  try {
    return compute.rentCurve(gpu, provider);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Rental price of one GPU for one hour, in USD, from the library's rental offers.
 * @customfunction RENTRATE RENTRATE
 * @param gpu GPU model, e.g. "H100".
 * @param [term] "on-demand", "capacity-block", "1yr" or "3yr" (default: the GPU's default offer).
 * @param [provider] Provider or kind, e.g. "AWS", "Oracle", "CoreWeave", "neocloud", "market".
 * @returns USD per GPU-hour.
 */
export function rentrate(gpu: string, term?: string, provider?: string): number {
  try {
    return compute.rentRate(gpu, term, provider);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Cost of renting GPUs for a number of months, with the offer's yearly price change, in USD.
 * @customfunction RENTCOST RENTCOST
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @param months Months of rental.
 * @param [term] "on-demand", "capacity-block", "1yr" or "3yr".
 * @param [provider] Provider or kind, e.g. "AWS", "Oracle", "neocloud".
 * @returns Rental cost in USD.
 */
export function rentcost(
  gpu: string,
  count: number,
  months: number,
  term?: string,
  provider?: string
): number {
  try {
    return compute.rentCost(gpu, count, months, term, provider);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Undiscounted total cost of owning and running a cluster for `years` of operation counted from first capacity
 * (capex + years x opex - residual after those years), in USD. The build time does not shorten the years;
 * RENTVSBUILD and CASHFLOWS count from the decision instead.
 * @customfunction TCO TCO
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @param years Whole years of operation from first capacity (1-30).
 * @param [region] Region, e.g. "TN".
 * @param [approach] "standard", "fast-track" or "colocation".
 * @param [overrides] 2-column key/value range or array, e.g. {"pue",1.5;"powerPrice",0.13}. Keys: systemPricePerGpu, kwPerGpu, pue, powerPrice, colocationPerKwMonth, maintenanceShare, networkShare, staffCostPerMwYear, residual (1/0), utilization, rentRate, rentPriceChange, buildMonths, rentLeadTimeMonths, discountRate, itDepreciationYears, facilityLifeYears, constructionCostPerMw.
 * @returns Total cost of ownership in USD.
 */
export function tco(
  gpu: string,
  count: number,
  years: number,
  region?: string,
  approach?: string,
  // A range argument: the metadata declares a 2-D "any" matrix for a key/value table.
  overrides?: any[][]
): number {
  try {
    return compute.tco(gpu, count, years, region, approach, overrides);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Cost per GPU-hour of building or renting for `years` of operation counted from first capacity, in USD:
 * that cost / (count x 8760 x years) ("delivered", the default), or per useful GPU-hour ("useful": x availability
 * x goodput x productive utilization, with spares, power and ramp). The build or lead time does not shorten the years.
 * @customfunction COSTPERHOUR COSTPERHOUR
 * @param option "build" or "rent".
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @param years Whole years of operation from first capacity (1-30).
 * @param [region] Region for building, e.g. "TN".
 * @param [term] Rental term for renting, e.g. "1yr".
 * @param [approach] Build approach: "standard", "fast-track" or "colocation".
 * @param [provider] Rental provider, e.g. "Oracle".
 * @param [overrides] 2-column key/value range or array, e.g. {"pue",1.5;"powerPrice",0.13}. Keys: systemPricePerGpu, kwPerGpu, pue, powerPrice, colocationPerKwMonth, maintenanceShare, networkShare, staffCostPerMwYear, residual (1/0), utilization, rentRate, rentPriceChange, buildMonths, rentLeadTimeMonths, discountRate, itDepreciationYears, facilityLifeYears, constructionCostPerMw; with "useful" also productiveUtilization, goodput, rampMonths, sparesShare, outageHoursPerYear, gridMonths, onsitePricePerKwh, hardwarePriceChange, marketResidual (1/0), taxRate, bonusDepreciation.
 * @param [basis] "delivered" (every installed GPU-hour, default) or "useful".
 * @returns USD per GPU-hour.
 */
export function costperhour(
  option: string,
  gpu: string,
  count: number,
  years: number,
  region?: string,
  term?: string,
  approach?: string,
  provider?: string,
  overrides?: any[][],
  basis?: string
): number {
  try {
    return compute.costPerHour(
      option,
      gpu,
      count,
      years,
      region,
      term,
      approach,
      provider,
      overrides,
      basis
    );
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Months of use after which owning has cost no more than renting (undiscounted); #N/A if never within 10 years.
 * @customfunction BREAKEVEN BREAKEVEN
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @param [region] Region for building, e.g. "TN".
 * @param [term] Rental term, e.g. "1yr" or "on-demand".
 * @param [approach] Build approach: "standard", "fast-track" or "colocation".
 * @param [provider] Rental provider, e.g. "AWS".
 * @param [overrides] 2-column key/value range or array, e.g. {"pue",1.5;"powerPrice",0.13}. Keys: systemPricePerGpu, kwPerGpu, pue, powerPrice, colocationPerKwMonth, maintenanceShare, networkShare, staffCostPerMwYear, residual (1/0), utilization, rentRate, rentPriceChange, buildMonths, rentLeadTimeMonths, discountRate, itDepreciationYears, facilityLifeYears, constructionCostPerMw.
 * @returns Breakeven month of use.
 */
export function breakeven(
  gpu: string,
  count: number,
  region?: string,
  term?: string,
  approach?: string,
  provider?: string,
  overrides?: any[][]
): number {
  try {
    return compute.breakeven(gpu, count, region, term, approach, provider, overrides);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Rent versus build summary as a 2-column spill: NPVs, difference, breakeven, $/GPU-hour, months to capacity, cost of delay, IRR and discounted payback of building instead of renting, breakeven productive utilization, $/useful GPU-hour. Approach "bridge" = rent until a standard build runs.
 * @customfunction RENTVSBUILD RENTVSBUILD
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @param years Horizon in whole years (1-30).
 * @param [region] Region for building, e.g. "TN".
 * @param [term] Rental term, e.g. "1yr" or "on-demand".
 * @param [discountRate] Yearly discount rate as a fraction, e.g. 0.07 (default: the library's).
 * @param [approach] Build approach: "standard", "fast-track", "colocation" or "bridge" (rent, then build standard).
 * @param [provider] Rental provider, e.g. "Oracle".
 * @param [overrides] 2-column key/value range or array, e.g. {"pue",1.5;"powerPrice",0.13}. Keys: systemPricePerGpu, kwPerGpu, pue, powerPrice, colocationPerKwMonth, maintenanceShare, networkShare, staffCostPerMwYear, residual (1/0), utilization, rentRate, rentPriceChange, buildMonths, rentLeadTimeMonths, discountRate (not with the discountRate argument), itDepreciationYears, facilityLifeYears, constructionCostPerMw, valuePerGpuHour; overlapMonths with approach "bridge"; for the useful-hour rows also productiveUtilization, goodput, rampMonths, sparesShare, outageHoursPerYear, gridMonths, onsitePricePerKwh, hardwarePriceChange, marketResidual (1/0).
 * @returns Label and value rows.
 */
export function rentvsbuild(
  gpu: string,
  count: number,
  years: number,
  region?: string,
  term?: string,
  discountRate?: number,
  approach?: string,
  provider?: string,
  overrides?: any[][]
  // The metadata format has no union types: "any" is how a mixed label/value spill is declared to Excel.
): any[][] {
  try {
    return compute.rentVsBuild(
      gpu,
      count,
      years,
      region,
      term,
      discountRate,
      approach,
      provider,
      overrides
    );
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * The six routes to capacity side by side: rent on demand, rent reserved, buy + colocation, build standard, build fast-track, bridge (rent, then build). Columns: option, NPV, NPV incl. cost of delay, USD per useful GPU-hour, months to capacity, useful GPU-hours, peak capital; header row first.
 * @customfunction OPTIONS OPTIONS
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @param years Horizon in whole years from the decision (1-30).
 * @param [region] Region for building, e.g. "TN".
 * @param [discountRate] Yearly discount rate as a fraction, e.g. 0.07 (default: the library's).
 * @param [overrides] 2-column key/value range or array, e.g. {"productiveUtilization",0.6;"taxRate",0.21}. Keys: systemPricePerGpu, kwPerGpu, pue, powerPrice, colocationPerKwMonth, maintenanceShare, networkShare, staffCostPerMwYear, residual (1/0), utilization, rentRate, rentPriceChange, buildMonths, rentLeadTimeMonths, discountRate, itDepreciationYears, facilityLifeYears, constructionCostPerMw, valuePerGpuHour, productiveUtilization, goodput, taxRate, bonusDepreciation, rampMonths, sparesShare, outageHoursPerYear, gridMonths, onsitePricePerKwh, hardwarePriceChange, overlapMonths, marketResidual (1/0).
 * @returns Header and one row per option.
 */
export function options(
  gpu: string,
  count: number,
  years: number,
  region?: string,
  discountRate?: number,
  overrides?: any[][]
  // The metadata format has no union types: "any" is how a mixed label/value spill is declared to Excel.
): any[][] {
  try {
    return compute.options(gpu, count, years, region, discountRate, overrides);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Present value of each cost line of the six OPTIONS routes, so the gap between two routes can be explained line by line: IT capex, facility capex, power capex, energy, other opex, rent, residual value, tax. Header row (cost line, then the six routes in OPTIONS order), then one row per line; each route's column sums to its OPTIONS NPV. A route that cannot be priced shows the reason in its column.
 * @customfunction OPTIONLINES OPTIONLINES
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @param years Horizon in whole years from the decision (1-30).
 * @param [region] Region for building, e.g. "TN".
 * @param [discountRate] Yearly discount rate as a fraction, e.g. 0.07 (default: the library's).
 * @param [overrides] 2-column key/value range or array, the same keys as OPTIONS, e.g. {"taxRate",0.21}.
 * @returns Header and one row per cost line, one column per route (USD, present value at the discount rate).
 */
export function optionLines(
  gpu: string,
  count: number,
  years: number,
  region?: string,
  discountRate?: number,
  overrides?: any[][]
  // The metadata format has no union types: "any" is how a mixed label/value spill is declared to Excel.
): any[][] {
  try {
    return compute.optionLines(gpu, count, years, region, discountRate, overrides);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Monte Carlo of RENTVSBUILD's comparison as a 2-column label/value spill: trials, seed, library, inputs sampled; mean and P5/P10/P50/P90/P95 of the NPVs, differences, months to capacity and $/useful GPU-hour; probability building wins; standard error; top 3 drivers of the worst 10%. Seeded: same arguments, same numbers. Not instant: 10,000 trials take about 0.15 s (0.25 s with "bridge"); the same arguments on the same library are answered from a cache, a change of argument or library runs again; fewer trials are faster.
 * @customfunction SIMULATE SIMULATE
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @param years Horizon in whole years (1-30).
 * @param [region] Region for building, e.g. "TN".
 * @param [term] Rental term, e.g. "1yr" or "on-demand".
 * @param [approach] Build approach: "standard", "fast-track", "colocation" or "bridge" (rent, then build standard).
 * @param [trials] Number of trials, a whole number from 100 to 1,000,000 (default 10,000).
 * @param [seed] Random seed, a whole number from 0 to 4,294,967,295 (default 1).
 * @returns Label and value rows; read one with INDEX/MATCH on its label, e.g. "NPV build (USD), P50".
 */
export function simulate(
  gpu: string,
  count: number,
  years: number,
  region?: string,
  term?: string,
  approach?: string,
  trials?: number,
  seed?: number
  // The metadata format has no union types: "any" is how a mixed label/value spill is declared to Excel.
): any[][] {
  try {
    return compute.simulate(gpu, count, years, region, term, approach, trials, seed);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Tornado of the difference build - rent incl. cost of delay: each uncertain library input moved alone to its low and its high, the others at their values; header row, then one row per input, largest swing first. Columns: input, low, high, difference at low, difference at high, swing.
 * @customfunction TORNADO TORNADO
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @param years Horizon in whole years (1-30).
 * @param [region] Region for building, e.g. "TN".
 * @param [term] Rental term, e.g. "1yr" or "on-demand".
 * @param [approach] Build approach: "standard", "fast-track", "colocation" or "bridge" (rent, then build standard).
 * @returns Header and one row per uncertain input (USD columns: build - rent incl. cost of delay).
 */
export function tornado(
  gpu: string,
  count: number,
  years: number,
  region?: string,
  term?: string,
  approach?: string
  // The metadata format has no union types: "any" is how a mixed label/value spill is declared to Excel.
): any[][] {
  try {
    return compute.tornado(gpu, count, years, region, term, approach);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Yearly cash outflows, year 0 (the decision) to the horizon, as a 1-column spill; =CF0 + NPV(rate, CF1:CFn) is the NPV.
 * @customfunction CASHFLOWS CASHFLOWS
 * @param option "build" or "rent".
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @param years Horizon in whole years (1-30).
 * @param [region] Region for building, e.g. "TN".
 * @param [term] Rental term, e.g. "1yr".
 * @param [approach] Build approach: "standard", "fast-track" or "colocation".
 * @param [provider] Rental provider, e.g. "Oracle".
 * @param [overrides] 2-column key/value range or array, e.g. {"pue",1.5;"powerPrice",0.13}. Keys: systemPricePerGpu, kwPerGpu, pue, powerPrice, colocationPerKwMonth, maintenanceShare, networkShare, staffCostPerMwYear, residual (1/0), utilization, rentRate, rentPriceChange, buildMonths, rentLeadTimeMonths, discountRate, itDepreciationYears, facilityLifeYears, constructionCostPerMw.
 * @returns One row per year, USD (positive = money out).
 */
export function cashflows(
  option: string,
  gpu: string,
  count: number,
  years: number,
  region?: string,
  term?: string,
  approach?: string,
  provider?: string,
  overrides?: any[][]
): number[][] {
  try {
    return compute.cashFlows(
      option,
      gpu,
      count,
      years,
      region,
      term,
      approach,
      provider,
      overrides
    );
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Simple payback in fractional months: capex (IT + facility) / (monthly rent - monthly own opex), monthly rent = count x 730 h x first-year rate; #N/A if never.
 * @customfunction PAYBACK PAYBACK
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @param [region] Region for building, e.g. "TN".
 * @param [term] Rental term, e.g. "on-demand" or "1yr".
 * @param [approach] Build approach: "standard", "fast-track" or "colocation".
 * @param [provider] Rental provider, e.g. "AWS".
 * @param [overrides] 2-column key/value range or array, e.g. {"pue",1.5;"powerPrice",0.13}. Keys: systemPricePerGpu, kwPerGpu, pue, powerPrice, colocationPerKwMonth, maintenanceShare, networkShare, staffCostPerMwYear, residual (1/0), utilization, rentRate, rentPriceChange, buildMonths, rentLeadTimeMonths, discountRate, itDepreciationYears, facilityLifeYears, constructionCostPerMw.
 * @returns Months (fractional) until the rent saved has paid for the capex, undiscounted.
 */
export function payback(
  gpu: string,
  count: number,
  region?: string,
  term?: string,
  approach?: string,
  provider?: string,
  overrides?: any[][]
): number {
  try {
    return compute.payback(gpu, count, region, term, approach, provider, overrides);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Productive utilization (0-1) at which owning costs the same as renting billed only on used hours; #N/A if renting is cheaper even at 100%.
 * @customfunction BREAKEVENUTIL BREAKEVENUTIL
 * @param gpu GPU model, e.g. "H100".
 * @param count Number of GPUs.
 * @param years Years of operation counted from first capacity (1-30): own cost = capex + years x opex - residual after those years, over count x 8760 x years GPU-hours.
 * @param [region] Region for building, e.g. "TN".
 * @param [term] Rental term, e.g. "on-demand"; its rate is averaged over the years with the offer's yearly price change.
 * @param [approach] Build approach: "standard", "fast-track" or "colocation".
 * @param [provider] Rental provider, e.g. "AWS".
 * @param [overrides] 2-column key/value range or array, e.g. {"pue",1.5;"powerPrice",0.13}. Keys: systemPricePerGpu, kwPerGpu, pue, powerPrice, colocationPerKwMonth, maintenanceShare, networkShare, staffCostPerMwYear, residual (1/0), utilization, rentRate, rentPriceChange, buildMonths, rentLeadTimeMonths, discountRate, itDepreciationYears, facilityLifeYears, constructionCostPerMw.
 * @returns Breakeven share of GPU-hours used (availability taken as 100% for owning and renting).
 */
export function breakevenutil(
  gpu: string,
  count: number,
  years: number,
  region?: string,
  term?: string,
  approach?: string,
  provider?: string,
  overrides?: any[][]
): number {
  try {
    return compute.breakevenUtil(gpu, count, years, region, term, approach, provider, overrides);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * A value from the model library by its path.
 * @customfunction ASSUMPTION ASSUMPTION
 * @param key Path such as "financing.discountRate", "regions.TN.powerPrice", "gpus.H100.chipPrice" or "pue".
 * @returns The library value (in the unit SOURCE and the library state).
 */
export function assumption(key: string): number {
  try {
    return compute.assumption(key);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Where a library value comes from: "source (as of date)".
 * @customfunction SOURCE SOURCE
 * @param key Path such as "financing.discountRate" or "regions.TN.powerPrice".
 * @returns The source and its as-of date.
 */
export function source(key: string): string {
  try {
    return compute.source(key);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * A catalog field of a GPU: price, systemPrice, tdpWatts, memoryGB, kwPerGpu, gpusPerSystem, name, vendor, systemName.
 * @customfunction GPUSPEC GPUSPEC
 * @param gpu GPU model, e.g. "H100".
 * @param field Field name, e.g. "price" or "tdpWatts".
 * @returns The field's value.
 */
// A field is a number or a name; "any" is the metadata's only way to say so.
export function gpuspec(gpu: string, field: string): any {
  try {
    return compute.gpuSpec(gpu, field);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * The model library in use: "name version".
 * @customfunction LIBRARY LIBRARY
 * @returns Library name and version.
 */
export function library(): string {
  try {
    return compute.library();
  } catch (error) {
    throw toExcelError(error);
  }
}

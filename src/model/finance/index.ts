/** Public API of the finance core (pure; months and USD inside). */
export * from "./units";
export { ModelInputError, isModelInputError } from "./errors";
export type { ModelInputErrorKind } from "./errors";
export type {
  BuildInputs,
  RentInputs,
  CompareInputs,
  BuildCostBasis,
  BuildCashFlowDetail,
  RentCashFlowDetail,
  CompareResult,
} from "./types";
export { assertBuildInputs, assertRentInputs, assertCompareInputs } from "./inputs";
export { gpuChipCost, serverCost, clusterCost, facilityCapex } from "./capex";
export { itLoadMw, facilityMw, energyCost } from "./power";
export {
  constructionMonths,
  buildMonths,
  gridWaitMonths,
  DEFAULT_GRID_TRANSMISSION_THRESHOLD_MW,
} from "./buildTime";
export type { GridLoad } from "./buildTime";
export { operatingTco, rentOperatingCost, operatingCostPerGpuHour } from "./tco";
export {
  yearlyEnergyCost,
  yearlyMaintenanceCost,
  yearlyStaffCost,
  yearlyColocationCost,
} from "./opex";
export { straightLineResidual, itResidualValue, facilityResidualValue } from "./residual";
export { operatingFraction, itCapexYear, deliveredGpuHours } from "./timeline";
export { rateInYear, rentCost } from "./rent";
export { buildCostBasis } from "./build";
export {
  buildCashFlows,
  buildCashFlowDetail,
  rentCashFlows,
  rentCashFlowDetail,
} from "./cashflows";
export { npv, excelNpv, sumFlows } from "./npv";
export { costPerGpuHour, costOfDelay } from "./metrics";
export { breakevenMonth, ownVersusRentMonthly } from "./breakeven";
export type { OwnVersusRentMonthly } from "./breakeven";
export { compareOptions, compareCore, type CompareCoreResult } from "./compare";
export type { Phase } from "./ramp";
export { installedMonths, installedShare, assertPhases, phasedCapacityMonths } from "./ramp";
export {
  OUTAGE_HOURS_PER_YEAR_DEFAULT,
  OUTAGES_PER_YEAR_DEFAULT,
  RESTART_HOURS_PER_OUTAGE_DEFAULT,
  usefulShare,
  lostHoursPerYear,
  powerAvailability,
} from "./availability";
export { simplePaybackMonths, simplePaybackFor, discountedPaybackMonths } from "./payback";
export { irr } from "./irr";
export { breakevenUtilization } from "./utilization";
export {
  MACRS_5YR_HALF_YEAR,
  NONRESIDENTIAL_BUILDING_LIFE_YEARS_DEFAULT,
  US_FEDERAL_CORPORATE_RATE_DEFAULT,
  itDepreciation,
  straightLineDepreciation,
  afterTaxFlows,
  taxOnResidual,
} from "./tax";
export type {
  Billing,
  UsefulWork,
  PowerKind,
  PowerSupply,
  OwnedFleet,
  RentedFleet,
  RouteInputs,
  RouteSettings,
  RouteFlows,
  RouteResult,
} from "./routeTypes";
export {
  assertRouteInputs,
  assertRouteSettings,
  assertOwnedFleet,
  assertRentedFleet,
  assertPowerSupply,
  assertUsefulWork,
} from "./routeInputs";
export { hardwareAvailability, powerCapexFor } from "./routeOwned";
export { rentalEndMonth } from "./routeRented";
export { evaluateRoute, compareRoutes } from "./route";
export type { RouteComparison } from "./route";
export {
  CLEAN_COST_POWER,
  cleanCostOwned,
  cleanCostRented,
  compareBridge,
  compareBridgeCore,
  type BridgeCompareResult,
  type BridgeCompareCoreResult,
  type BridgeTerms,
} from "./bridgeCompare";
export { impliedAnnualPriceChange } from "./rentCurve";

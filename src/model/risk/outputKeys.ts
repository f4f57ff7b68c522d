/**
 * The names of what a risk trial records (simulate.ts), in a module of their own: the template's layout needs
 * them for its rows, and importing simulate.ts would pull the whole engine into the task pane's first bundle.
 */

/** What a trial records, one Float64Array each; NaN = no useful GPU-hours (a null cost per useful hour). */
export const OUTPUT_KEYS = [
  "npvBuild",
  "npvRent",
  "difference",
  "differenceWithDelay",
  "monthsToCapacityBuild",
  "monthsToCapacityRent",
  "usefulCostBuild",
  "usefulCostRent",
] as const;
export type OutputKey = (typeof OUTPUT_KEYS)[number];

/**
 * Workings a trial also records: each route's undiscounted total cost and useful GPU-hours, from which the
 * summary takes the expected cost per useful GPU-hour (a ratio of expectations, section 12.9).
 */
export const WORKING_KEYS = [
  "totalCostBuild",
  "usefulHoursBuild",
  "totalCostRent",
  "usefulHoursRent",
] as const;
export type WorkingKey = (typeof WORKING_KEYS)[number];

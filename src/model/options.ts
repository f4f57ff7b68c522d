/**
 * The six routes to capacity that CAPPLAN.OPTIONS compares side by side (docs/model.md section 11.9), and
 * the table it spills. Pure: the caller resolves each part from the library; this module only assembles the
 * routes and lays out the engine's results.
 */
import {
  compareRoutes,
  evaluateRoute,
  npv,
  type OwnedFleet,
  type RentedFleet,
  type RouteFlows,
  type RouteInputs,
  type RouteSettings,
  type UsefulWork,
} from "./finance";

/** What each route is made of; a rental the library does not offer is the reason it is missing. */
export interface OptionParts {
  readonly onDemand: RentedFleet | string;
  readonly reserved: RentedFleet | string;
  readonly colocation: OwnedFleet;
  readonly standard: OwnedFleet;
  readonly fastTrack: OwnedFleet;
  /** The rental that bridges the standard build, or why there is none. */
  readonly bridgeRental: RentedFleet | string;
  readonly overlapMonths: number;
  readonly work: UsefulWork;
}

export const OPTION_LABELS = [
  "Rent on demand",
  "Rent reserved",
  "Buy + colocation",
  "Build standard",
  "Build fast-track",
  "Bridge: rent, then build standard",
] as const;

export const OPTIONS_HEADER = [
  "Option",
  "NPV (USD)",
  "NPV incl. cost of delay (USD)",
  "USD per useful GPU-hour",
  "Months to capacity",
  "Useful GPU-hours delivered",
  "Peak capital (USD)",
] as const;

type Cell = string | number;

function route(
  label: string,
  owned: OwnedFleet | null,
  rented: RentedFleet | null,
  parts: OptionParts
): RouteInputs {
  return {
    label,
    owned,
    rented,
    overlapMonths: owned && rented ? parts.overlapMonths : 0,
    work: parts.work,
  };
}

/** The routes in OPTION_LABELS order; a string is the reason a route cannot be priced. */
export function optionRoutes(parts: OptionParts): (RouteInputs | string)[] {
  const [onDemand, reserved, colocation, standard, fastTrack, bridge] = OPTION_LABELS;
  return [
    typeof parts.onDemand === "string"
      ? parts.onDemand
      : route(onDemand, null, parts.onDemand, parts),
    typeof parts.reserved === "string"
      ? parts.reserved
      : route(reserved, null, parts.reserved, parts),
    route(colocation, parts.colocation, null, parts),
    route(standard, parts.standard, null, parts),
    route(fastTrack, parts.fastTrack, null, parts),
    typeof parts.bridgeRental === "string"
      ? parts.bridgeRental
      : route(bridge, parts.standard, parts.bridgeRental, parts),
  ];
}

/**
 * OPTIONS' spill: the header, then one row per route. The cost of delay of each priced route is measured
 * against the route that delivers the most useful GPU-hours among those priced (it has 0). A route that
 * cannot be priced keeps its row, its label, and the reason in every other column. `adjust` changes each
 * priced route before it is evaluated (a formula's route-only overrides).
 */
export function optionsTable(
  parts: OptionParts,
  settings: RouteSettings,
  adjust: (route: RouteInputs) => RouteInputs = (route) => route
): Cell[][] {
  const routes = optionRoutes(parts).map((r) => (typeof r === "string" ? r : adjust(r)));
  const priced = routes.filter((r): r is RouteInputs => typeof r !== "string");
  const comparison = compareRoutes(priced, settings);
  const rows: Cell[][] = [[...OPTIONS_HEADER]];
  let next = 0;
  routes.forEach((r, i) => {
    if (typeof r === "string") {
      rows.push([OPTION_LABELS[i], ...OPTIONS_HEADER.slice(1).map(() => r)]);
      return;
    }
    const k = next++;
    const result = comparison.results[k];
    rows.push([
      result.label,
      result.npv,
      comparison.npvWithDelay[k],
      result.costPerUsefulGpuHour ?? "no useful GPU-hours in the horizon",
      result.monthsToCapacity,
      result.usefulGpuHours,
      result.peakCapital,
    ]);
  });
  return rows;
}

/** The yearly lines of RouteFlows that OPTIONLINES prices, in spill order, with their row labels. */
export const COST_LINES = [
  ["itCapex", "IT capex"],
  ["facilityCapex", "Facility capex"],
  ["powerCapex", "Power capex (batteries, on-site)"],
  ["energy", "Energy"],
  ["otherOpex", "Other opex (maintenance, staff, colocation)"],
  ["rent", "Rent"],
  ["residual", "Residual value (recovered)"],
  ["tax", "Tax (paid +, saved -)"],
] as const satisfies readonly (readonly [keyof RouteFlows, string])[];

export type CostLine = (typeof COST_LINES)[number][0];

export const OPTION_LINES_HEADER = ["Cost line (present value, USD)", ...OPTION_LABELS] as const;

/**
 * Present value of each cost line of a route at `rate` (same timeline as npv: year 0 undiscounted). The
 * lines add up to the route's after-tax NPV: afterTax = itCapex + ... + residual + tax each year, and the
 * NPV is linear in the flows.
 */
export function linePresentValues(
  flows: RouteFlows,
  rate: number
): Readonly<Record<CostLine, number>> {
  const pv = {} as Record<CostLine, number>;
  for (const [line] of COST_LINES) pv[line] = npv(rate, flows[line]);
  return pv;
}

/**
 * OPTIONLINES' spill: the header (cost line, then the six routes), then one row per cost line with the
 * present value of that line for each route. A route that cannot be priced has its reason in every row.
 * Column k sums to the NPV column of OPTIONS' row k.
 */
export function optionLinesTable(
  parts: OptionParts,
  settings: RouteSettings,
  adjust: (route: RouteInputs) => RouteInputs = (route) => route
): Cell[][] {
  const routes = optionRoutes(parts).map((r) => (typeof r === "string" ? r : adjust(r)));
  const columns: (Readonly<Record<CostLine, number>> | string)[] = routes.map((r) =>
    typeof r === "string"
      ? r
      : linePresentValues(evaluateRoute(r, settings).flows, settings.discountRate)
  );
  return [
    [...OPTION_LINES_HEADER],
    ...COST_LINES.map(([line, label]) => [
      label,
      ...columns.map((c) => (typeof c === "string" ? c : c[line])),
    ]),
  ];
}

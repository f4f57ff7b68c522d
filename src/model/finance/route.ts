/**
 * The route engine (docs/model.md section 11): one route to capacity (owned, rented, or the bridge of both)
 * evaluated year by year over years 0..H, and a comparison of routes with the cost of delay.
 * Positive cash flow = money out; the owned and rented lines come from routeOwned.ts and routeRented.ts,
 * the tax from routeTax.ts.
 */
import { ModelInputError } from "./errors";
import { npv, sumFlows } from "./npv";
import { assertRouteInputs, assertRouteSettings } from "./routeInputs";
import { ownedPart } from "./routeOwned";
import type { OwnedPart } from "./routeOwned";
import { rentedPart } from "./routeRented";
import type { RentedPart } from "./routeRented";
import { routeTax } from "./routeTax";
import type { RouteFlows, RouteInputs, RouteResult, RouteSettings } from "./routeTypes";
import { finiteResult, requireRecord } from "./validate";

export interface RouteComparison {
  readonly results: RouteResult[];
  /** Most useful GPU-hours any route delivers in the horizon. */
  readonly maxUsefulGpuHours: number;
  /** (maxUseful - useful_i) x valuePerUsefulGpuHour, undiscounted; 0 for the best-delivering route. */
  readonly costOfDelay: number[];
  /** results[i].npv + costOfDelay[i]. */
  readonly npvWithDelay: number[];
}

/** Largest cumulative undiscounted outflow: max(0, max_k sum_{y<=k} flows_y). */
function peakCapital(flows: readonly number[]): number {
  let cumulative = 0;
  let peak = 0;
  for (const f of flows) {
    cumulative += f;
    if (cumulative > peak) peak = cumulative;
  }
  return finiteResult(peak, "peakCapital");
}

/**
 * cost / hours, or null when nothing is delivered; also null when the hours are so few (a phase share of
 * 1e-320, say) that the ratio overflows: no finite cost per hour describes that route.
 */
function perHour(cost: number, hours: number): number | null {
  if (!(hours > 0)) return null;
  const ratio = cost / hours;
  return Number.isFinite(ratio) ? ratio : null;
}

function lineOrZeros(line: readonly number[] | undefined, length: number): readonly number[] {
  return line ?? new Array<number>(length).fill(0);
}

function routeFlows(
  owned: OwnedPart | null,
  rented: RentedPart | null,
  taxRate: number,
  horizonYears: number,
  bonusShare: number
): RouteFlows {
  const n = horizonYears + 1;
  const itCapex = lineOrZeros(owned?.itCapex, n);
  const facilityCapex = lineOrZeros(owned?.facilityCapex, n);
  const powerCapex = lineOrZeros(owned?.powerCapex, n);
  const energy = lineOrZeros(owned?.energy, n);
  const otherOpex = lineOrZeros(owned?.otherOpex, n);
  const rent = lineOrZeros(rented?.rent, n);
  const residual = lineOrZeros(owned?.residual, n);
  const total: number[] = [];
  const deductible: number[] = [];
  for (let y = 0; y < n; y++) {
    total.push(
      finiteResult(
        itCapex[y] +
          facilityCapex[y] +
          powerCapex[y] +
          energy[y] +
          otherOpex[y] +
          rent[y] +
          residual[y],
        "total"
      )
    );
    deductible.push(energy[y] + otherOpex[y] + rent[y]);
  }
  const tax = routeTax(deductible, owned, taxRate, horizonYears, bonusShare);
  const afterTax = total.map((t, y) => finiteResult(t + tax[y], "afterTax"));
  return {
    itCapex,
    facilityCapex,
    powerCapex,
    energy,
    otherOpex,
    rent,
    residual,
    total,
    tax,
    afterTax,
  };
}

/** Evaluates one route: yearly lines, NPV before and after tax, delivered and useful GPU-hours. */
export function evaluateRoute(route: RouteInputs, settings: RouteSettings): RouteResult {
  assertRouteSettings(settings);
  assertRouteInputs(route);
  const H = settings.horizonYears;
  const owned = route.owned === null ? null : ownedPart(route.owned, route.work, H);
  const rented =
    route.rented === null
      ? null
      : rentedPart(route.rented, route.work, H, route.overlapMonths, owned);
  const flows = routeFlows(
    owned,
    rented,
    settings.taxRate,
    H,
    settings.bonusDepreciationShare ?? 0
  );
  const totalCost = sumFlows(flows.afterTax);
  const delivered = finiteResult(
    (owned?.deliveredGpuHours ?? 0) + (rented?.deliveredGpuHours ?? 0),
    "deliveredGpuHours"
  );
  const useful = finiteResult(
    (owned?.usefulGpuHours ?? 0) + (rented?.usefulGpuHours ?? 0),
    "usefulGpuHours"
  );
  return {
    label: route.label,
    flows,
    npv: npv(settings.discountRate, flows.afterTax),
    npvPreTax: npv(settings.discountRate, flows.total),
    totalCost,
    monthsToCapacity: Math.min(
      owned?.firstCapacityMonth ?? Infinity,
      rented?.startMonth ?? Infinity
    ),
    deliveredGpuHours: delivered,
    usefulGpuHours: useful,
    costPerUsefulGpuHour: perHour(totalCost, useful),
    costPerDeliveredGpuHour: perHour(totalCost, delivered),
    peakCapital: peakCapital(flows.afterTax),
  };
}

/**
 * Evaluates each route and charges the ones that deliver less useful work for it:
 * costOfDelay_i = (max_j useful_j - useful_i) x valuePerUsefulGpuHour; npvWithDelay_i = npv_i + costOfDelay_i.
 */
export function compareRoutes(
  routes: readonly RouteInputs[],
  settings: RouteSettings
): RouteComparison {
  requireRecord(routes, "routes");
  if (!Array.isArray(routes) || routes.length === 0) {
    throw new ModelInputError("routes", "must be a non-empty list of routes", "type");
  }
  const results = routes.map((route) => evaluateRoute(route, settings));
  const maxUseful = Math.max(...results.map((r) => r.usefulGpuHours));
  const costOfDelay = results.map((r) =>
    finiteResult((maxUseful - r.usefulGpuHours) * settings.valuePerUsefulGpuHour, "costOfDelay")
  );
  return {
    results,
    maxUsefulGpuHours: maxUseful,
    costOfDelay,
    npvWithDelay: results.map((r, i) => finiteResult(r.npv + costOfDelay[i], "npvWithDelay")),
  };
}

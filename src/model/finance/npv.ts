/** Net present value under the timeline of docs/model.md section 2: CF_0 at the decision (undiscounted), CF_y at the end of year y. */
import { ModelInputError } from "./errors";
import { finiteResult, requireAbove, requireFinite } from "./validate";

function requireFlows(flows: readonly number[]): void {
  if (!Array.isArray(flows))
    throw new ModelInputError("flows", "must be a list of numbers", "type");
  for (let i = 0; i < flows.length; i++) requireFinite(flows[i], "flows");
}

/** NPV = sum_{y=0}^{H} CF_y / (1 + r)^y.  Excel: =CF_0 + NPV(r, CF_1:CF_H). */
export function npv(rate: number, flows: readonly number[]): number {
  requireAbove(rate, -1, "discountRate");
  requireFlows(flows);
  let sum = 0;
  for (let y = 0; y < flows.length; y++) sum += flows[y] / Math.pow(1 + rate, y);
  return finiteResult(sum, "npv");
}

/**
 * What Excel's NPV(r, v_1..v_n) computes: sum_{i=1}^{n} v_i / (1 + r)^i, i.e. it discounts its
 * FIRST value one full period. Over a whole year-0..H column it therefore returns npv(r, flows) / (1 + r).
 */
export function excelNpv(rate: number, values: readonly number[]): number {
  requireAbove(rate, -1, "discountRate");
  requireFlows(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] / Math.pow(1 + rate, i + 1);
  return finiteResult(sum, "npv");
}

/** Undiscounted sum of flows (TCO over the horizon when applied to an option's cash flows). */
export function sumFlows(flows: readonly number[]): number {
  requireFlows(flows);
  let sum = 0;
  for (let y = 0; y < flows.length; y++) sum += flows[y];
  return finiteResult(sum, "total");
}

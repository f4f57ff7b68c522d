/** Capital expenditure: GPUs, servers, cluster (servers + networking) and facility. USD. */
import { finiteResult, requireNonNegative, requireShareBelowOne } from "./validate";

/** Accelerators alone: chipPrice (USD/GPU) x count. */
export function gpuChipCost(chipPrice: number, count: number): number {
  requireNonNegative(chipPrice, "chipPrice");
  requireNonNegative(count, "count");
  return finiteResult(chipPrice * count, "gpuChipCost");
}

/** Complete servers/racks without cluster networking: systemPricePerGpu (USD/GPU) x count. */
export function serverCost(systemPricePerGpu: number, count: number): number {
  requireNonNegative(systemPricePerGpu, "systemPricePerGpu");
  requireNonNegative(count, "count");
  return finiteResult(systemPricePerGpu * count, "serverCost");
}

/**
 * Cluster = servers + networking, where networking is `networkShare` of the cluster total:
 * cluster = servers / (1 - networkShare).
 */
export function clusterCost(
  systemPricePerGpu: number,
  count: number,
  networkShare: number
): number {
  requireNonNegative(systemPricePerGpu, "systemPricePerGpu");
  requireNonNegative(count, "count");
  requireShareBelowOne(networkShare, "networkShare");
  return finiteResult((systemPricePerGpu * count) / (1 - networkShare), "clusterCost");
}

/** Facility (shell, power and cooling) = IT MW x USD per MW of critical IT x multiplier. */
export function facilityCapex(itMw: number, costPerMw: number, multiplier: number): number {
  requireNonNegative(itMw, "itMw");
  requireNonNegative(costPerMw, "costPerMw");
  requireNonNegative(multiplier, "multiplier");
  return finiteResult(itMw * costPerMw * multiplier, "facilityCapex");
}

/**
 * Where each uncertain input of a rent-vs-build case lives in the library, and how a trial sets it
 * (docs/model.md section 12.7). An input is sampled when the case uses it and its library quantity has a
 * range (low < high after an absent low or high is read as the typical value); otherwise it stays fixed.
 */
import { ModelInputError } from "../finance/errors";
import { requireFinite } from "../finance/validate";
import { ownEntry } from "../library/indexLibrary";
import type { Quantity } from "../library/schema";
import { caseRecords, type CaseRecords, type RiskCase } from "./riskCase";
import type { RiskInputKey } from "./riskKeys";

/** How one input is found and replaced; `path` is the library key shown next to its source. */
interface InputSlot {
  readonly key: RiskInputKey;
  readonly label: string;
  readonly path: (c: RiskCase) => string;
  /** The quantity, or undefined when the case does not use it. */
  readonly read: (c: RiskCase, r: CaseRecords) => Quantity | undefined;
  readonly write: (r: CaseRecords, q: Quantity) => void;
}

const gridUsed = (c: RiskCase): boolean =>
  c.approach.needsGrid || c.approach.power?.kind === "onsite-bridge";

const SLOTS: readonly InputSlot[] = [
  {
    key: "systemPricePerGpu",
    label: "System price per GPU (USD)",
    path: (c) => `gpus.${c.gpu.id}.systemPricePerGpu`,
    read: (_c, r) => r.gpu.systemPricePerGpu,
    write: (r, q) => void (r.gpu.systemPricePerGpu = q),
  },
  {
    key: "networkShare",
    label: "Network share of cluster cost",
    path: () => "operations.networkShareOfClusterCost",
    read: (_c, r) => r.operations.networkShareOfClusterCost,
    write: (r, q) => void (r.operations.networkShareOfClusterCost = q),
  },
  {
    key: "constructionCostPerMw",
    label: "Construction cost (USD per MW of IT)",
    path: (c) => `regions.${c.region.id}.constructionCostPerMw`,
    read: (c, r) => (c.approach.facilityCapex ? r.region.constructionCostPerMw : undefined),
    write: (r, q) => void (r.region.constructionCostPerMw = q),
  },
  {
    key: "constructionMonths",
    label: "Construction months (base)",
    path: (c) => `approaches.${c.approach.id}.baseMonths`,
    read: (_c, r) => r.approach.baseMonths,
    write: (r, q) => void (r.approach.baseMonths = q),
  },
  {
    key: "gridMonths",
    label: "Grid connection wait (months)",
    path: (c) => `regions.${c.region.id}.gridConnectionMonths`,
    read: (c, r) => (gridUsed(c) ? r.region.gridConnectionMonths : undefined),
    write: (r, q) => void (r.region.gridConnectionMonths = q),
  },
  {
    key: "rampMonths",
    label: "Ramp to full capacity (months)",
    path: (c) => `approaches.${c.approach.id}.rampMonths`,
    read: (_c, r) => r.approach.rampMonths,
    write: (r, q) => void (r.approach.rampMonths = q),
  },
  {
    key: "colocationPerKwMonth",
    label: "Colocation (USD per kW-month)",
    path: (c) => `approaches.${c.approach.id}.colocationPerKwMonth`,
    read: (_c, r) => r.approach.colocationPerKwMonth,
    write: (r, q) => void (r.approach.colocationPerKwMonth = q),
  },
  {
    key: "onsiteCostPerKw",
    label: "On-site generation (USD per kW)",
    path: (c) => `approaches.${c.approach.id}.power.onsiteCostPerKw`,
    read: (_c, r) =>
      r.approach.power?.kind === "onsite-bridge" ? r.approach.power.onsiteCostPerKw : undefined,
    write: (r, q) => {
      const power = r.approach.power;
      if (power !== undefined) r.approach.power = { ...power, onsiteCostPerKw: q };
    },
  },
  {
    key: "pue",
    label: "PUE",
    path: () => "operations.pue",
    read: (_c, r) => r.operations.pue,
    write: (r, q) => void (r.operations.pue = q),
  },
  {
    key: "utilization",
    label: "Average power draw (share of maximum)",
    path: () => "operations.utilization",
    read: (_c, r) => r.operations.utilization,
    write: (r, q) => void (r.operations.utilization = q),
  },
  {
    key: "maintenanceShare",
    label: "Maintenance (share of IT capex per year)",
    path: () => "operations.maintenanceShareOfHwPerYear",
    read: (_c, r) => r.operations.maintenanceShareOfHwPerYear,
    write: (r, q) => void (r.operations.maintenanceShareOfHwPerYear = q),
  },
  {
    key: "itDepreciationYears",
    label: "IT depreciation (years)",
    path: () => "financing.itDepreciationYears",
    read: (_c, r) => r.financing.itDepreciationYears,
    write: (r, q) => void (r.financing.itDepreciationYears = q),
  },
  {
    key: "sparesShare",
    label: "Spares bought (share of count)",
    path: () => "operations.sparesShare",
    read: (_c, r) => r.operations.sparesShare,
    write: (r, q) => void (r.operations.sparesShare = q),
  },
  {
    key: "sparesNeeded",
    label: "Spares needed (share of count)",
    path: () => "operations.sparesNeeded",
    read: (_c, r) => r.operations.sparesNeeded,
    write: (r, q) => void (r.operations.sparesNeeded = q),
  },
  {
    key: "outageHoursPerYear",
    label: "Grid outage hours per year",
    path: () => "operations.outageHoursPerYear",
    read: (_c, r) => r.operations.outageHoursPerYear,
    write: (r, q) => void (r.operations.outageHoursPerYear = q),
  },
  {
    key: "outagesPerYear",
    label: "Grid interruptions per year",
    path: () => "operations.outagesPerYear",
    read: (_c, r) => r.operations.outagesPerYear,
    write: (r, q) => void (r.operations.outagesPerYear = q),
  },
  {
    key: "hardwarePriceChange",
    label: "Hardware price change per year",
    path: () => "operations.hardwarePriceChange",
    read: (_c, r) => r.operations.hardwarePriceChange,
    write: (r, q) => void (r.operations.hardwarePriceChange = q),
  },
  {
    key: "productiveUtilization",
    label: "Productive utilization",
    path: () => "operations.productiveUtilization",
    read: (_c, r) => r.operations.productiveUtilization,
    write: (r, q) => void (r.operations.productiveUtilization = q),
  },
  {
    key: "goodput",
    label: "Goodput",
    path: () => "operations.goodput",
    read: (_c, r) => r.operations.goodput,
    write: (r, q) => void (r.operations.goodput = q),
  },
  {
    key: "rentRate",
    label: "Rental rate (USD per GPU-hour)",
    path: (c) => `rentalOffers.${c.offer.id}.rate`,
    read: (_c, r) => r.offer.rate,
    write: (r, q) => void (r.offer.rate = q),
  },
  {
    key: "rentPriceChange",
    label: "Rental price change per year",
    path: (c) => `rentalOffers.${c.offer.id}.annualPriceChange`,
    read: (_c, r) => r.offer.annualPriceChange,
    write: (r, q) => void (r.offer.annualPriceChange = q),
  },
  {
    key: "rentAvailability",
    label: "Rental availability (SLA)",
    path: (c) => `rentalOffers.${c.offer.id}.availability`,
    read: (_c, r) => r.offer.availability,
    write: (r, q) => void (r.offer.availability = q),
  },
  {
    key: "valuePerGpuHour",
    label: "Value of a GPU-hour (USD, cost of delay)",
    path: (c) =>
      ownEntry(c.index.library.costOfDelay.perGpu, c.gpu.id) !== undefined
        ? `costOfDelay.perGpu.${c.gpu.id}`
        : "costOfDelay.valuePerGpuHour",
    read: (c, r) => ownEntry(r.costOfDelay.perGpu, c.gpu.id) ?? r.costOfDelay.valuePerGpuHour,
    write: (r, q) => {
      // The GPU's own figure when the library has one (valuePerGpuHourFor reads it first).
      const perGpu = r.costOfDelay.perGpu;
      const id = gpuIdOf(r);
      if (perGpu !== undefined && ownEntry(perGpu, id) !== undefined) {
        const copy = Object.assign(Object.create(null) as Record<string, Quantity>, perGpu);
        copy[id] = q;
        r.costOfDelay.perGpu = copy;
      } else {
        r.costOfDelay.valuePerGpuHour = q;
      }
    },
  },
];

function gpuIdOf(r: CaseRecords): string {
  return r.gpu.id;
}

/** One input of a case: its library quantity and how to set it on a trial's records. */
export interface RiskInput {
  readonly key: RiskInputKey;
  readonly label: string;
  /** The library key of the quantity, e.g. "regions.us-tn.gridConnectionMonths". */
  readonly path: string;
  readonly quantity: Quantity;
  /** The range as sampled: an absent low or high is the typical value. */
  readonly low: number;
  readonly typical: number;
  readonly high: number;
  /** Sets the input to `value` on `records` (other fields of its quantity kept). */
  readonly set: (records: CaseRecords, value: number) => void;
  /**
   * Puts a private copy of the quantity into `records` and returns a setter of its value: a run binds once and
   * sets every trial, without allocating (the records are the run's own, see caseEvaluator).
   */
  readonly bind: (records: CaseRecords) => (value: number) => void;
  /**
   * Other inputs that are the same library figure (same source text and the same low / typical / high): they
   * take this input's value in every trial and every tornado swing. In the default library the value of a GPU-hour
   * is the market 1-year rental rate (rent.h100.market_contract_1yr) and spares bought are spares needed
   * (gpu.spares_overprovision): one figure is one uncertainty, drawn once, not two independent draws.
   */
  readonly sameFigure: readonly { readonly key: RiskInputKey; readonly path: string }[];
}

/** Every input the case uses, in catalog order, whether it has a range or not. */
export function caseInputs(c: RiskCase, records: CaseRecords): RiskInput[] {
  const inputs: RiskInput[] = [];
  for (const slot of SLOTS) {
    const quantity = slot.read(c, records);
    if (quantity === undefined) continue;
    inputs.push({
      key: slot.key,
      label: slot.label,
      path: slot.path(c),
      quantity,
      low: quantity.low ?? quantity.value,
      typical: quantity.value,
      high: quantity.high ?? quantity.value,
      sameFigure: [],
      set: (r, value) => slot.write(r, { ...quantity, value }),
      bind: (r) => {
        const own: { -readonly [K in keyof Quantity]: Quantity[K] } = { ...quantity };
        slot.write(r, own);
        return (value) => {
          own.value = value;
        };
      },
    });
  }
  return inputs;
}

const sameFigure = (a: RiskInput, b: RiskInput): boolean =>
  a.quantity.source === b.quantity.source &&
  a.low === b.low &&
  a.typical === b.typical &&
  a.high === b.high;

/** `first` setting every input of the group to its value. */
function merged(first: RiskInput, rest: readonly RiskInput[]): RiskInput {
  if (rest.length === 0) return first;
  const all = [first, ...rest];
  return {
    ...first,
    sameFigure: rest.map(({ key, path }) => ({ key, path })),
    set: (r, value) => all.forEach((input) => input.set(r, value)),
    bind: (r) => {
      const setters = all.map((input) => input.bind(r));
      return (value) => setters.forEach((set) => set(value));
    },
  };
}

/**
 * The inputs of the case with a range (low < high): the ones a run samples and the tornado swings, an input that
 * is the same figure as an earlier one folded into it (see `sameFigure`).
 */
export function uncertainInputs(c: RiskCase, records: CaseRecords): RiskInput[] {
  const ranged = caseInputs(c, records).filter((input) => input.low < input.high);
  const taken = new Set<RiskInput>();
  const result: RiskInput[] = [];
  for (const input of ranged) {
    if (taken.has(input)) continue;
    const rest = ranged.filter(
      (other) => other !== input && !taken.has(other) && sameFigure(input, other)
    );
    rest.forEach((other) => taken.add(other));
    result.push(merged(input, rest));
  }
  return result;
}

/**
 * The case's records with its typed ranges (RiskCase.ranges) in place of the library's quantities: what a run,
 * a tornado and a deterministic evaluation start from. A typed range of an input the case does not use is
 * ignored; one with low > value or value > high is refused (ModelInputError naming the input).
 */
export function recordsFor(c: RiskCase): CaseRecords {
  const records = caseRecords(c);
  if (c.ranges === undefined || c.ranges.size === 0) return records;
  for (const slot of SLOTS) {
    const typed = c.ranges.get(slot.key);
    if (typed === undefined) continue;
    const quantity = slot.read(c, records);
    if (quantity === undefined) continue;
    requireFinite(typed.low, `${slot.key} low`);
    requireFinite(typed.value, `${slot.key} typical`);
    requireFinite(typed.high, `${slot.key} high`);
    if (!(typed.low <= typed.value && typed.value <= typed.high)) {
      throw new ModelInputError(
        slot.key,
        `must hold low <= typical <= high (got ${typed.low}, ${typed.value}, ${typed.high})`,
        "range"
      );
    }
    slot.write(records, { ...quantity, value: typed.value, low: typed.low, high: typed.high });
  }
  return records;
}

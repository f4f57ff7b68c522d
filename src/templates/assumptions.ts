/**
 * The assumption rows of the template: one per input of the finance core, each with the library
 * value, unit, source and as-of date it came from. The same rows feed the template and the refresh
 * diff, so a refreshed value is written to exactly the cell the template named for it.
 */
import { itLoadMw } from "../model/finance";
import type { LibraryDocument, Quantity } from "../model/library/schema";
import { resolveScenarioInputs, type ResolvedScenario } from "../model/resolve";
import { ownEntry, type LibraryIndex } from "../model/library/indexLibrary";
import { FORMAT } from "./formats";
import { ASSUMPTION_KEYS, COLUMN, LAYOUT, assumptionAddress, type AssumptionKey } from "./layout";
import { NAME_PREFIX } from "./sheetBuilder";
import type { AssumptionSpec } from "./types";

/** What an assumption row shows besides its label: the value and where it came from. */
interface Provenance {
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly asOf: string;
  readonly libraryPath?: string;
}

interface AssumptionDef {
  readonly label: string;
  readonly numberFormat: string;
  readonly read: (s: ScenarioContext) => Provenance;
}

/** The resolved scenario plus the library sections the core inputs were read from. */
interface ScenarioContext extends ResolvedScenario {
  readonly operations: LibraryDocument["operations"];
  readonly financing: LibraryDocument["financing"];
  readonly costOfDelay: LibraryDocument["costOfDelay"];
  /** Date for values that are not quantities (counts, flags, scenario overrides): the library's publication date. */
  readonly publishedAt: string;
}

function fromQuantity(path: string, quantity: Quantity): Provenance {
  return {
    value: quantity.value,
    unit: quantity.unit,
    source: quantity.source,
    asOf: quantity.asOf,
    libraryPath: path,
  };
}

/** Short numbers for derivation texts ("21.38", "127.5"): the cell holds the exact value. */
function short(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** Latest of several "YYYY-MM[-DD]" dates (they sort as text). */
function latest(dates: readonly string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a));
}

/** The build time is derived from the approach, the region's grid wait and the IT load: say how. */
function buildMonthsProvenance(s: ResolvedScenario): Provenance {
  const { approach, region, gpu, scenario, build } = s;
  const itMw = itLoadMw(scenario.count, gpu.systemPowerKwPerGpu.value);
  const per100 = approach.monthsPer100Mw?.value ?? 0;
  const construction = `${short(approach.baseMonths.value)} mo up to ${short(approach.refMw.value)} MW + ${short(per100)} mo per 100 MW above`;
  const load = `IT load ${short(itMw)} MW (${scenario.count} GPUs x ${short(gpu.systemPowerKwPerGpu.value)} kW)`;
  const grid = approach.needsGrid
    ? `; needs the grid: the later of construction and, for a facility load (${short(itMw * build.pue)} MW = IT x PUE) above the transmission threshold, ${region.name}'s ${short(region.gridConnectionMonths.value)}-month grid queue (at or below it, the distribution-level wait: ${short(region.distributionConnectionMonths?.value ?? 0)} mo)`
    : "; no grid wait";
  const dates = [approach.baseMonths.asOf, approach.refMw.asOf, gpu.systemPowerKwPerGpu.asOf];
  if (approach.monthsPer100Mw) dates.push(approach.monthsPer100Mw.asOf);
  if (approach.needsGrid) dates.push(region.gridConnectionMonths.asOf);
  return {
    value: build.buildMonths,
    unit: "months",
    source: `derived from approaches.${approach.id} (${approach.name}): ${construction}; ${load}${grid} = ${short(build.buildMonths)} mo. An input: overwrite to test another schedule`,
    asOf: latest(dates),
  };
}

const DEFINITIONS: Readonly<Record<AssumptionKey, AssumptionDef>> = {
  gpuCount: {
    label: "GPUs (built or rented)",
    numberFormat: FORMAT.count,
    read: (s) => ({
      value: s.scenario.count,
      unit: "GPUs",
      source: `scenarios.${s.scenario.id}.count (${s.scenario.name})`,
      asOf: s.publishedAt,
    }),
  },
  systemPricePerGpu: {
    label: "System price per GPU",
    numberFormat: FORMAT.usd,
    read: (s) => fromQuantity(`gpus.${s.gpu.id}.systemPricePerGpu`, s.gpu.systemPricePerGpu),
  },
  networkShare: {
    label: "Networking share of cluster cost",
    numberFormat: FORMAT.percent,
    read: (s) =>
      fromQuantity("operations.networkShareOfClusterCost", s.operations.networkShareOfClusterCost),
  },
  kwPerGpu: {
    label: "IT power per GPU (maximum draw)",
    numberFormat: FORMAT.kw,
    read: (s) => fromQuantity(`gpus.${s.gpu.id}.systemPowerKwPerGpu`, s.gpu.systemPowerKwPerGpu),
  },
  facilityCapexFlag: {
    label: "Pays for a facility (1 yes, 0 no)",
    numberFormat: FORMAT.flag,
    read: (s) => ({
      value: s.approach.facilityCapex ? 1 : 0,
      unit: "1 or 0",
      source: `approaches.${s.approach.id}.facilityCapex (${s.approach.name}): ${
        s.approach.facilityCapex
          ? "the build pays for its facility"
          : "leased space, paid as colocation rent"
      }`,
      asOf: s.publishedAt,
    }),
  },
  constructionCostPerMw: {
    label: "Construction cost per MW of IT",
    numberFormat: FORMAT.usd,
    read: (s) =>
      fromQuantity(`regions.${s.region.id}.constructionCostPerMw`, s.region.constructionCostPerMw),
  },
  capexMultiplier: {
    label: "Facility capex multiplier",
    numberFormat: FORMAT.ratio,
    read: (s) =>
      s.approach.capexMultiplier
        ? fromQuantity(`approaches.${s.approach.id}.capexMultiplier`, s.approach.capexMultiplier)
        : {
            value: s.build.capexMultiplier,
            unit: "multiplier",
            source: `approaches.${s.approach.id} sets no capexMultiplier: facility cost as quoted`,
            asOf: s.publishedAt,
          },
  },
  colocationPerKwMonth: {
    label: "Colocation rent per kW-month",
    numberFormat: FORMAT.usdCents,
    read: (s) =>
      s.approach.colocationPerKwMonth
        ? fromQuantity(
            `approaches.${s.approach.id}.colocationPerKwMonth`,
            s.approach.colocationPerKwMonth
          )
        : {
            value: s.build.colocationPerKwMonth,
            unit: "USD per kW-month",
            source: `approaches.${s.approach.id} pays for its own facility: no colocation rent`,
            asOf: s.publishedAt,
          },
  },
  buildMonths: {
    label: "Build time to first capacity",
    numberFormat: FORMAT.months,
    read: (s) => buildMonthsProvenance(s),
  },
  powerPrice: {
    label: "Power price",
    numberFormat: FORMAT.usdPerKwh,
    read: (s) => fromQuantity(`regions.${s.region.id}.powerPrice`, s.region.powerPrice),
  },
  pue: {
    label: "PUE (facility power / IT power)",
    numberFormat: FORMAT.ratio,
    read: (s) => fromQuantity("operations.pue", s.operations.pue),
  },
  utilization: {
    label: "Average draw / maximum draw",
    numberFormat: FORMAT.percent,
    read: (s) => fromQuantity("operations.utilization", s.operations.utilization),
  },
  maintenance: {
    label: "Maintenance per year, share of IT",
    numberFormat: FORMAT.percent,
    read: (s) =>
      fromQuantity(
        "operations.maintenanceShareOfHwPerYear",
        s.operations.maintenanceShareOfHwPerYear
      ),
  },
  staffPerMwYear: {
    label: "Staff cost per MW-year",
    numberFormat: FORMAT.usd,
    read: (s) => fromQuantity("operations.staffCostPerMwYear", s.operations.staffCostPerMwYear),
  },
  itLife: {
    label: "IT equipment life",
    numberFormat: FORMAT.years,
    read: (s) => fromQuantity("financing.itDepreciationYears", s.financing.itDepreciationYears),
  },
  facilityLife: {
    label: "Facility life",
    numberFormat: FORMAT.years,
    read: (s) => fromQuantity("financing.facilityLifeYears", s.financing.facilityLifeYears),
  },
  discountRate: {
    label: "Discount rate",
    numberFormat: FORMAT.percent,
    read: (s) =>
      s.scenario.discountRate !== undefined
        ? {
            value: s.scenario.discountRate,
            unit: "fraction per year",
            source: `scenarios.${s.scenario.id}.discountRate (the scenario overrides financing.discountRate)`,
            asOf: s.publishedAt,
          }
        : fromQuantity("financing.discountRate", s.financing.discountRate),
  },
  rentRate: {
    label: "Rental rate, first year",
    numberFormat: FORMAT.usdCents,
    read: (s) => fromQuantity(`rentalOffers.${s.offer.id}.rate`, s.offer.rate),
  },
  rentPriceChange: {
    label: "Rental price change per year",
    numberFormat: FORMAT.percent,
    read: (s) =>
      fromQuantity(`rentalOffers.${s.offer.id}.annualPriceChange`, s.offer.annualPriceChange),
  },
  rentLeadMonths: {
    label: "Rental lead time to capacity",
    numberFormat: FORMAT.months,
    read: (s) =>
      s.scenario.rentLeadTimeMonths !== undefined
        ? {
            value: s.scenario.rentLeadTimeMonths,
            unit: "months",
            source: `scenarios.${s.scenario.id}.rentLeadTimeMonths (the scenario overrides the offer's lead time)`,
            asOf: s.publishedAt,
          }
        : fromQuantity(`rentalOffers.${s.offer.id}.leadTimeMonths`, s.offer.leadTimeMonths),
  },
  valuePerGpuHour: {
    label: "Value of a GPU-hour (for delay)",
    numberFormat: FORMAT.usdCents,
    read: (s) => {
      // Own key only: perGpu["constructor"] would find Object.prototype's and fail the insert.
      const perGpu = ownEntry(s.costOfDelay.perGpu, s.gpu.id);
      return perGpu
        ? fromQuantity(`costOfDelay.perGpu.${s.gpu.id}`, perGpu)
        : fromQuantity("costOfDelay.valuePerGpuHour", s.costOfDelay.valuePerGpuHour);
    },
  },
};

function scenarioContext(index: LibraryIndex, scenarioId: string): ScenarioContext {
  const { operations, financing, costOfDelay, meta } = index.library;
  return {
    ...resolveScenarioInputs(index, scenarioId),
    operations,
    financing,
    costOfDelay,
    publishedAt: meta.publishedAt,
  };
}

/** The workbook name of an assumption: CP_ + the key with a capital first letter + the sheet's suffix. */
export function assumptionName(key: string, nameSuffix: string): string {
  return `${NAME_PREFIX}${assumptionNameBase(key)}${nameSuffix}`;
}

/** "gpuCount" -> "GpuCount": the part of the name between the prefix and the suffix. */
export function assumptionNameBase(key: string): string {
  return `${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

function assumptionSpecs(context: ScenarioContext, nameSuffix: string): AssumptionSpec[] {
  return ASSUMPTION_KEYS.map((key) => {
    const def = DEFINITIONS[key];
    const p = def.read(context);
    const row = LAYOUT.assumptions[key];
    const spec: AssumptionSpec = {
      key,
      label: def.label,
      name: assumptionName(key, nameSuffix),
      address: assumptionAddress(key),
      value: p.value,
      unit: p.unit,
      source: p.source,
      asOf: p.asOf,
      numberFormat: def.numberFormat,
      // The cells sections/assumptions.ts writes on the value's row (refresh rewrites them together).
      provenance: [
        { role: "asOf", address: `${COLUMN.asOf}${row}`, value: p.asOf },
        { role: "source", address: `${COLUMN.source}${row}`, value: p.source },
      ],
    };
    return p.libraryPath === undefined ? spec : { ...spec, libraryPath: p.libraryPath };
  });
}

/**
 * The assumption rows of a scenario's template, with their cells and names (the same rows the
 * template writes; the refresh code compares them with the workbook). Throws for an unknown scenario.
 */
export function assumptionsFromLibrary(
  index: LibraryIndex,
  scenarioId: string,
  nameSuffix: string
): AssumptionSpec[] {
  return assumptionSpecs(scenarioContext(index, scenarioId), nameSuffix);
}

/** The resolved scenario and its assumption rows, resolved once for the template. */
export function resolveTemplateInputs(
  index: LibraryIndex,
  scenarioId: string,
  nameSuffix: string
): { readonly resolved: ResolvedScenario; readonly assumptions: AssumptionSpec[] } {
  const context = scenarioContext(index, scenarioId);
  return { resolved: context, assumptions: assumptionSpecs(context, nameSuffix) };
}

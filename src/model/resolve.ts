/**
 * From the library and what a user typed to the explicit inputs of the finance core. Pure: lookups in a
 * prebuilt LibraryIndex, no validation of the library (it was validated when loaded).
 */
import {
  buildMonths,
  DEFAULT_GRID_TRANSMISSION_THRESHOLD_MW,
  facilityMw,
  itLoadMw,
  type BuildInputs,
  type CompareInputs,
  type GridLoad,
  type RentInputs,
} from "./finance";
import {
  findApproach,
  findGpu,
  findOffer,
  findRegion,
  findRentalOffer,
  findScenario,
  normalizeTerm,
  ownEntry,
  type ApproachEntry,
  type GpuEntry,
  type LibraryIndex,
  type RegionEntry,
  type RentalOfferEntry,
  type ScenarioEntry,
} from "./library/indexLibrary";
import { nearestNames } from "./library/nearest";
import { shorten } from "./library/normalize";

export type LookupKind =
  | "GPU"
  | "region"
  | "build approach"
  | "rental offer"
  | "scenario"
  | "assumption"
  | "field"
  | "override key";

/** A name the library does not know; adapters show it as #N/A with the suggestions. */
export class LookupError extends Error {
  override readonly name = "LookupError";
  constructor(
    readonly kind: LookupKind,
    readonly input: string,
    readonly suggestions: readonly string[],
    detail?: string
  ) {
    // The input is quoted shortened: a 20,000-character typo must not become a 20,000-character message.
    super(
      `Unknown ${kind} "${shorten(input)}".` +
        (detail ? ` ${detail}` : "") +
        (suggestions.length > 0
          ? ` Did you mean ${suggestions.map((s) => `"${shorten(s)}"`).join(", ")}?`
          : "")
    );
  }
}

const given = (text: string | undefined): text is string =>
  text !== undefined && text.trim() !== "";

export function resolveGpu(index: LibraryIndex, key: string): GpuEntry {
  const gpu = findGpu(index, key);
  if (!gpu) throw new LookupError("GPU", key, nearestNames(key, index.names.gpus));
  return gpu;
}

/** The region typed, or the library's default region when omitted. */
export function resolveRegion(index: LibraryIndex, key?: string): RegionEntry {
  const wanted = given(key) ? key : index.library.defaults.region;
  const region = findRegion(index, wanted);
  if (!region) throw new LookupError("region", wanted, nearestNames(wanted, index.names.regions));
  return region;
}

export function resolveApproach(index: LibraryIndex, key?: string): ApproachEntry {
  const wanted = given(key) ? key : index.library.defaults.approach;
  const approach = findApproach(index, wanted);
  if (!approach)
    throw new LookupError("build approach", wanted, nearestNames(wanted, index.names.approaches));
  return approach;
}

/** The rental offer for a GPU, narrowed by term and provider (see findOffer for the matching rules). */
export function resolveOffer(
  index: LibraryIndex,
  gpu: GpuEntry,
  term?: string,
  provider?: string
): RentalOfferEntry {
  const offer = findOffer(index, gpu.id, term, provider);
  if (offer) return offer;
  const offers = index.offersByGpu.get(gpu.id) ?? [];
  if (offers.length === 0) {
    throw new LookupError(
      "rental offer",
      gpu.name,
      [],
      `The library has no rental offer for ${gpu.name}.`
    );
  }
  if (given(term) && normalizeTerm(term) === undefined) {
    throw new LookupError(
      "rental offer",
      term,
      [],
      'Terms are "on-demand", "capacity-block", "1yr" or "3yr".'
    );
  }
  const described = [
    given(term) ? `term "${term}"` : "",
    given(provider) ? `provider "${provider}"` : "",
  ]
    .filter((part) => part !== "")
    .join(" and ");
  const available = offers.map((o) => `${o.provider} ${o.term}`);
  throw new LookupError(
    "rental offer",
    `${gpu.name} ${described}`.trim(),
    [],
    `Offers for ${gpu.name}: ${available.join("; ")}.`
  );
}

export function resolveScenario(index: LibraryIndex, key: string): ScenarioEntry {
  const scenario = findScenario(index, key);
  if (!scenario) throw new LookupError("scenario", key, nearestNames(key, index.names.scenarios));
  return scenario;
}

/** The load the utility connects for an IT load in `region`, and which queue it waits in. */
export function gridLoadFor(
  itMw: number,
  region: RegionEntry,
  operations: LibraryIndex["library"]["operations"],
  pue: number = operations.pue.value
): GridLoad {
  return {
    // The utility connects the whole facility: IT load x PUE.
    facilityMw: facilityMw(itMw, pue),
    thresholdMw:
      operations.gridTransmissionThresholdMw?.value ?? DEFAULT_GRID_TRANSMISSION_THRESHOLD_MW,
    // No sourced distribution-level wait: assumed to fit within construction (docs/model.md).
    distributionMonths: region.distributionConnectionMonths?.value ?? 0,
  };
}

/**
 * Months from decision to first capacity for an IT load built with `approach` in `region`. `pue` sizes the
 * load the grid sees (IT MW x PUE); it is the library's unless a formula overrides it.
 */
export function buildTimeFor(
  itMw: number,
  region: RegionEntry,
  approach: ApproachEntry,
  operations: LibraryIndex["library"]["operations"],
  pue: number = operations.pue.value
): number {
  return buildMonths(
    itMw,
    approach.baseMonths.value,
    approach.refMw.value,
    approach.monthsPer100Mw?.value ?? 0,
    approach.needsGrid,
    region.gridConnectionMonths.value,
    gridLoadFor(itMw, region, operations, pue)
  );
}

export function buildInputsFor(
  index: LibraryIndex,
  gpu: GpuEntry,
  count: number,
  region: RegionEntry,
  approach: ApproachEntry
): BuildInputs {
  const { operations, financing } = index.library;
  const itMw = itLoadMw(count, gpu.systemPowerKwPerGpu.value);
  return {
    gpuCount: count,
    systemPricePerGpu: gpu.systemPricePerGpu.value,
    networkShare: operations.networkShareOfClusterCost.value,
    systemPowerKwPerGpu: gpu.systemPowerKwPerGpu.value,
    facilityCapex: approach.facilityCapex,
    constructionCostPerMw: region.constructionCostPerMw.value,
    capexMultiplier: approach.capexMultiplier?.value ?? 1,
    pue: operations.pue.value,
    utilization: operations.utilization.value,
    powerPricePerKwh: region.powerPrice.value,
    colocationPerKwMonth: approach.colocationPerKwMonth?.value ?? 0,
    maintenanceShareOfHwPerYear: operations.maintenanceShareOfHwPerYear.value,
    staffCostPerMwYear: operations.staffCostPerMwYear.value,
    buildMonths: buildTimeFor(itMw, region, approach, operations),
    itDepreciationYears: financing.itDepreciationYears.value,
    facilityLifeYears: financing.facilityLifeYears.value,
  };
}

export function rentInputsFor(
  offer: RentalOfferEntry,
  count: number,
  leadTimeMonths?: number
): RentInputs {
  return {
    gpuCount: count,
    ratePerGpuHour: offer.rate.value,
    annualPriceChange: offer.annualPriceChange.value,
    leadTimeMonths: leadTimeMonths ?? offer.leadTimeMonths.value,
  };
}

/** The value of a GPU-hour delivered late: the GPU's own figure when the library has one. */
export function valuePerGpuHourFor(index: LibraryIndex, gpu: GpuEntry): number {
  const { costOfDelay } = index.library;
  // An own-key lookup: perGpu["constructor"] would otherwise find Object and answer undefined.value.
  return (ownEntry(costOfDelay.perGpu, gpu.id) ?? costOfDelay.valuePerGpuHour).value;
}

export function compareInputsFor(
  index: LibraryIndex,
  gpu: GpuEntry,
  horizonYears: number,
  discountRate?: number
): CompareInputs {
  return {
    horizonYears,
    discountRate: discountRate ?? index.library.financing.discountRate.value,
    valuePerGpuHour: valuePerGpuHourFor(index, gpu),
  };
}

export interface ResolvedScenario {
  readonly scenario: ScenarioEntry;
  readonly gpu: GpuEntry;
  readonly region: RegionEntry;
  readonly approach: ApproachEntry;
  readonly offer: RentalOfferEntry;
  readonly build: BuildInputs;
  readonly rent: RentInputs;
  readonly compare: CompareInputs;
}

/** Everything the core needs to evaluate a library scenario (the template is built from the same inputs). */
export function resolveScenarioInputs(index: LibraryIndex, scenarioKey: string): ResolvedScenario {
  const scenario = resolveScenario(index, scenarioKey);
  // Cross-references were checked when the library was validated, so these lookups cannot miss.
  const gpu = resolveGpu(index, scenario.gpu);
  const region = resolveRegion(index, scenario.region);
  const approach = resolveApproach(index, scenario.approach);
  const offer = findRentalOffer(index, scenario.rentalOffer);
  if (!offer) {
    throw new LookupError(
      "rental offer",
      scenario.rentalOffer,
      nearestNames(scenario.rentalOffer, index.names.rentalOffers)
    );
  }
  return {
    scenario,
    gpu,
    region,
    approach,
    offer,
    build: buildInputsFor(index, gpu, scenario.count, region, approach),
    rent: rentInputsFor(offer, scenario.count, scenario.rentLeadTimeMonths),
    compare: compareInputsFor(index, gpu, scenario.years, scenario.discountRate),
  };
}

/**
 * Lookup tables built once per library, so that custom functions resolve "H100", "h100-sxm" or
 * "NVIDIA H100 SXM" with a Map lookup and no validation or scanning on each call.
 */
import { normalizeKey } from "./normalize";
import type {
  Approach,
  Gpu,
  LibraryDocument,
  OfferTerm,
  Quantity,
  Region,
  RentalOffer,
  Scenario,
} from "./schema";

/** A catalog entry together with its id (the record key it is stored under). */
export type WithId<T> = T & { readonly id: string };
export type GpuEntry = WithId<Gpu>;
export type RegionEntry = WithId<Region>;
export type ApproachEntry = WithId<Approach>;
export type RentalOfferEntry = WithId<RentalOffer>;
export type ScenarioEntry = WithId<Scenario>;

/** A numeric assumption and where it lives ("regions.us-tn.powerPrice"). */
export interface AssumptionRef {
  readonly path: string;
  readonly quantity: Quantity;
}

export interface LibraryIndex {
  readonly library: LibraryDocument;
  /** Normalized id, name and every alias -> entry. */
  readonly gpus: ReadonlyMap<string, GpuEntry>;
  readonly regions: ReadonlyMap<string, RegionEntry>;
  /** Normalized id and name -> entry. */
  readonly approaches: ReadonlyMap<string, ApproachEntry>;
  /** Normalized id -> entry (offers have no names; find them by GPU, term and provider with findOffer). */
  readonly rentalOffers: ReadonlyMap<string, RentalOfferEntry>;
  readonly scenarios: ReadonlyMap<string, ScenarioEntry>;
  /** GPU id -> its offers, sorted by offer id. */
  readonly offersByGpu: ReadonlyMap<string, readonly RentalOfferEntry[]>;
  /** Normalized dotted path ("regions.ustn.powerprice") or short alias ("pue", "wacc") -> assumption. */
  readonly assumptions: ReadonlyMap<string, AssumptionRef>;
  /** What a person may type, for nearestNames() suggestions: per entry its id, name, then aliases. */
  readonly names: {
    readonly gpus: readonly string[];
    readonly regions: readonly string[];
    readonly approaches: readonly string[];
    readonly rentalOffers: readonly string[];
    readonly scenarios: readonly string[];
    /** Canonical assumption paths, in document order. */
    readonly assumptions: readonly string[];
  };
}

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

/**
 * record[key] only when the record itself holds the key. A plain object also answers inherited names:
 * defaults.rentalOffer["constructor"] is Object, not undefined. The schema rejects such ids; lookups
 * by a key that came from elsewhere still go through this.
 */
export function ownEntry<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string
): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key)
    ? record[key]
    : undefined;
}

interface Catalog<T> {
  map: Map<string, WithId<T>>;
  names: string[];
}

/** Names and aliases a person may type for an entry (besides its id). */
type LookupTexts<T> = (entry: T) => readonly string[];

const nameAndAliases = (entry: { name: string; aliases: readonly string[] }) => [
  entry.name,
  ...entry.aliases,
];
const nameOnly = (entry: { name: string }) => [entry.name];
const idOnly = () => [];

/** Indexes id, name and aliases; the schema guarantees they are unique, so the first claim wins only as a safety net. */
function indexCatalog<T extends object>(
  record: Record<string, T>,
  lookupTexts: LookupTexts<T>
): Catalog<T> {
  const map = new Map<string, WithId<T>>();
  const names: string[] = [];
  for (const [id, entry] of Object.entries(record)) {
    const withId: WithId<T> = { ...entry, id };
    for (const text of [id, ...lookupTexts(entry)]) {
      const key = normalizeKey(text);
      if (!map.has(key)) map.set(key, withId);
      names.push(text);
    }
  }
  return { map, names };
}

function isQuantity(value: unknown): value is Quantity {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { value?: unknown }).value === "number" &&
    typeof (value as { source?: unknown }).source === "string"
  );
}

/** Nesting of a validated library: section > entry > quantity (> value). The walk stops well past it. */
const MAX_QUANTITY_DEPTH = 8;

/**
 * Every Quantity in the document with its dotted path, in document order. Recursive, but only over a
 * validated document, whose depth the schema fixes; the depth guard keeps it safe for anything else.
 */
function collectQuantities(node: unknown, path: string[], out: AssumptionRef[]): void {
  if (isQuantity(node)) {
    out.push({ path: path.join("."), quantity: node });
    return;
  }
  if (typeof node !== "object" || node === null || Array.isArray(node)) return;
  if (path.length >= MAX_QUANTITY_DEPTH) return;
  for (const [key, child] of Object.entries(node)) collectQuantities(child, [...path, key], out);
}

/** Dotted path with each segment normalized: "Regions.US-TN.PowerPrice" -> "regions.ustn.powerprice". */
function normalizePath(path: string): string {
  return path.split(".").map(normalizeKey).join(".");
}

/** Short names for assumptions that exist once per library, as analysts say them. */
const EXTRA_ASSUMPTION_ALIASES: Record<string, string> = {
  wacc: "financing.discountRate",
};

/** Sections whose fields are unique across the library, so the bare field name is unambiguous. */
const SINGLETON_SECTIONS = ["financing", "operations", "costOfDelay"];

function indexAssumptions(doc: LibraryDocument): {
  map: Map<string, AssumptionRef>;
  paths: string[];
} {
  const refs: AssumptionRef[] = [];
  collectQuantities(doc, [], refs);
  const map = new Map<string, AssumptionRef>();
  // First claim wins, as in indexCatalog (the schema makes keys unique, so this is only a safety net).
  for (const ref of refs) {
    const key = normalizePath(ref.path);
    if (!map.has(key)) map.set(key, ref);
  }
  // Short aliases never shadow a full path.
  for (const ref of refs) {
    const segments = ref.path.split(".");
    if (segments.length === 2 && SINGLETON_SECTIONS.includes(segments[0])) {
      const key = normalizeKey(segments[1]);
      if (!map.has(key)) map.set(key, ref);
    }
  }
  for (const [alias, path] of Object.entries(EXTRA_ASSUMPTION_ALIASES)) {
    const ref = map.get(normalizePath(path));
    if (ref && !map.has(alias)) map.set(alias, ref);
  }
  return { map, paths: refs.map((ref) => ref.path) };
}

// What a provider argument may match, per offer (see findOffer). Built once per index.
const providerKeysByOffer = new WeakMap<RentalOfferEntry, ReadonlySet<string>>();

function providerKeys(offer: RentalOfferEntry): ReadonlySet<string> {
  const beforeParenthesis = offer.provider.split("(")[0];
  return new Set([
    normalizeKey(offer.id),
    normalizeKey(offer.id.split("-")[0]),
    normalizeKey(offer.provider),
    normalizeKey(beforeParenthesis),
    normalizeKey(beforeParenthesis.trim().split(/\s+/)[0]),
    offer.providerKind,
  ]);
}

export function buildIndex(doc: LibraryDocument): LibraryIndex {
  const gpus = indexCatalog(doc.gpus, nameAndAliases);
  const regions = indexCatalog(doc.regions, nameAndAliases);
  const approaches = indexCatalog<Approach>(doc.approaches, nameOnly);
  const rentalOffers = indexCatalog(doc.rentalOffers, idOnly);
  const scenarios = indexCatalog(doc.scenarios, nameOnly);

  const offersByGpu = new Map<string, RentalOfferEntry[]>();
  const offerIds = Object.keys(doc.rentalOffers).sort();
  for (const offerId of offerIds) {
    const offer = rentalOffers.map.get(normalizeKey(offerId));
    if (!offer) continue;
    providerKeysByOffer.set(offer, providerKeys(offer));
    const list = offersByGpu.get(offer.gpu) ?? [];
    list.push(offer);
    offersByGpu.set(offer.gpu, list);
  }

  const assumptions = indexAssumptions(doc);
  return {
    library: doc,
    gpus: gpus.map,
    regions: regions.map,
    approaches: approaches.map,
    rentalOffers: rentalOffers.map,
    scenarios: scenarios.map,
    offersByGpu,
    assumptions: assumptions.map,
    names: {
      gpus: gpus.names,
      regions: regions.names,
      approaches: approaches.names,
      rentalOffers: rentalOffers.names,
      scenarios: scenarios.names,
      assumptions: assumptions.paths,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Lookups: undefined when nothing matches; callers turn that into #N/A with nearestNames()
// ---------------------------------------------------------------------------------------------

export function findGpu(index: LibraryIndex, key: string): GpuEntry | undefined {
  return index.gpus.get(normalizeKey(key));
}

export function findRegion(index: LibraryIndex, key: string): RegionEntry | undefined {
  return index.regions.get(normalizeKey(key));
}

export function findApproach(index: LibraryIndex, key: string): ApproachEntry | undefined {
  return index.approaches.get(normalizeKey(key));
}

/** A rental offer by its id (any case or separators). To find an offer by GPU/term/provider use findOffer. */
export function findRentalOffer(index: LibraryIndex, key: string): RentalOfferEntry | undefined {
  return index.rentalOffers.get(normalizeKey(key));
}

export function findScenario(index: LibraryIndex, key: string): ScenarioEntry | undefined {
  return index.scenarios.get(normalizeKey(key));
}

/** Normalized spelling -> term. "reserved" alone is left out on purpose: it could mean 1 or 3 years. */
const TERM_ALIASES: ReadonlyMap<string, OfferTerm> = new Map(
  (
    [
      ["on-demand", ["on-demand", "ondemand", "od", "payg", "pay as you go", "hourly", "list"]],
      ["capacity-block", ["capacity-block", "capacity block", "capacity blocks", "block", "cb"]],
      [
        "1yr",
        [
          "1yr",
          "1 yr",
          "1y",
          "1 year",
          "one year",
          "12 months",
          "12 mo",
          "reserved 1yr",
          "reserved 1 year",
          "1yr reserved",
          "1 year reserved",
          "1yr contract",
          "1 year contract",
          "annual",
        ],
      ],
      [
        "3yr",
        [
          "3yr",
          "3 yr",
          "3y",
          "3 year",
          "three years",
          "three year",
          "3 years",
          "36 months",
          "36 mo",
          "reserved 3yr",
          "reserved 3 years",
          "reserved 3 year",
          "3yr reserved",
          "3 year reserved",
          "3yr contract",
          "3 year contract",
        ],
      ],
    ] as const
  ).flatMap(([term, spellings]) =>
    spellings.map((spelling) => [normalizeKey(spelling), term] as [string, OfferTerm])
  )
);

/** The canonical term for what a person typed ("1 year", "Reserved 3yr", "OnDemand"), or undefined. */
export function normalizeTerm(text: string): OfferTerm | undefined {
  return TERM_ALIASES.get(normalizeKey(text));
}

const isGiven = (text: string | null | undefined): text is string =>
  text !== null && text !== undefined && text.trim() !== "";

/**
 * The rental offer for a GPU, optionally narrowed by term and provider. Omitted arguments (null,
 * undefined or "", as Excel passes them) match every offer.
 * - gpu: any GPU key (id, name or alias).
 * - term: "on-demand", "capacity-block", "1yr", "3yr" or a spelling normalizeTerm() knows.
 * - provider: the offer id, the provider name or its first word ("AWS", "Oracle"), the first part
 *   of the offer id ("gcp", "azure"), or the provider kind ("hyperscaler", "neocloud", "market").
 * When several offers match, the answer is deterministic and does not depend on prices: the GPU's
 * default offer (defaults.rentalOffer) if it is among them, else the first match by offer id.
 * Returns undefined when the GPU, term or provider is unknown or nothing matches.
 */
export function findOffer(
  index: LibraryIndex,
  gpu: string,
  term?: string | null,
  provider?: string | null
): RentalOfferEntry | undefined {
  const gpuEntry = findGpu(index, gpu);
  if (!gpuEntry) return undefined;
  const offers = index.offersByGpu.get(gpuEntry.id);
  if (!offers) return undefined;

  let wantedTerm: OfferTerm | undefined;
  if (isGiven(term)) {
    wantedTerm = normalizeTerm(term);
    if (wantedTerm === undefined) return undefined;
  }
  const wantedProvider = isGiven(provider) ? normalizeKey(provider) : undefined;

  const defaultId = ownEntry(index.library.defaults.rentalOffer, gpuEntry.id);
  let first: RentalOfferEntry | undefined;
  for (const offer of offers) {
    if (wantedTerm !== undefined && offer.term !== wantedTerm) continue;
    if (wantedProvider !== undefined && !providerKeysByOffer.get(offer)?.has(wantedProvider))
      continue;
    if (offer.id === defaultId) return offer;
    first ??= offer;
  }
  return first;
}

/**
 * An assumption by dotted path, case- and separator-insensitive, where the entry segment may be
 * any name or alias ("gpus.H100 SXM.chipPrice", "regions.Memphis.powerPrice"), or by short alias
 * ("pue", "discountRate", "wacc").
 */
export function findAssumption(index: LibraryIndex, path: string): AssumptionRef | undefined {
  const direct = index.assumptions.get(normalizePath(path));
  if (direct) return direct;
  // "section.<entry key, which may itself contain dots>.field"
  const segments = path.split(".");
  if (segments.length < 3) return undefined;
  const section = CATALOG_SECTIONS.get(normalizeKey(segments[0]));
  if (!section) return undefined;
  const entryKey = segments.slice(1, -1).join(".");
  const entry = section.find(index, entryKey);
  if (!entry) return undefined;
  return index.assumptions.get(
    normalizePath(`${section.name}.${entry.id}.${segments[segments.length - 1]}`)
  );
}

interface CatalogSection {
  name: string;
  find: (index: LibraryIndex, key: string) => { id: string } | undefined;
}

const GPU_SECTION: CatalogSection = { name: "gpus", find: findGpu };
const REGION_SECTION: CatalogSection = { name: "regions", find: findRegion };
const APPROACH_SECTION: CatalogSection = { name: "approaches", find: findApproach };
const OFFER_SECTION: CatalogSection = { name: "rentalOffers", find: findRentalOffer };

/** Catalog names as written in paths, singular or plural. */
const CATALOG_SECTIONS: ReadonlyMap<string, CatalogSection> = new Map([
  ["gpus", GPU_SECTION],
  ["gpu", GPU_SECTION],
  ["regions", REGION_SECTION],
  ["region", REGION_SECTION],
  ["approaches", APPROACH_SECTION],
  ["approach", APPROACH_SECTION],
  ["rentaloffers", OFFER_SECTION],
  ["rentaloffer", OFFER_SECTION],
  ["offers", OFFER_SECTION],
  ["offer", OFFER_SECTION],
]);

/** Canonical paths of every assumption, in document order ("gpus.h100-sxm.memoryGB", ...). */
export function listAssumptionPaths(index: LibraryIndex): readonly string[] {
  return index.names.assumptions;
}

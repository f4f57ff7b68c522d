/**
 * Library lookups for the functions, cached by the exact text the user typed so a recalculation of thousands
 * of cells normalizes each distinct spelling once. Caches are dropped whenever the active library changes.
 */
import type {
  ApproachEntry,
  GpuEntry,
  LibraryIndex,
  RegionEntry,
  RentalOfferEntry,
} from "../model/library/indexLibrary";
import { resolveApproach, resolveGpu, resolveOffer, resolveRegion } from "../model/resolve";
import { activeLibraryState, type Holder } from "../shared-state/activeLibrary";
import { LibraryUnavailableError } from "./errorValues";

// Bounded so a sheet full of distinct typos cannot grow memory without limit.
const MAX_CACHED = 512;

let generation = -1;
const gpus = new Map<string, GpuEntry>();
const regions = new Map<string, RegionEntry>();
const approaches = new Map<string, ApproachEntry>();
const offers = new Map<string, RentalOfferEntry>();
const DEFAULT_KEY = "\u0000default";

let state: Readonly<Holder> | undefined;

/**
 * The active library's index, for every CAPPLAN function that depends on the library. Throws
 * LibraryUnavailableError (#N/A) while the workbook pins a library that is not the one in use: a finance
 * tool must not show numbers from a library other than the one the workbook says.
 */
export function currentIndex(): LibraryIndex {
  state ??= activeLibraryState();
  if (state.unavailable !== null) throw new LibraryUnavailableError(state.unavailable);
  const now = state.generation;
  if (now !== generation) {
    gpus.clear();
    regions.clear();
    approaches.clear();
    offers.clear();
    generation = now;
  }
  return state.active.index;
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size < MAX_CACHED) cache.set(key, value);
  return value;
}

export function gpuFor(text: string): GpuEntry {
  const index = currentIndex();
  return gpus.get(text) ?? remember(gpus, text, resolveGpu(index, text));
}

/** The GPU for a text already seen, without any checks: the hot path of every GPU function. */
export function cachedGpu(value: unknown): GpuEntry | undefined {
  currentIndex();
  return typeof value === "string" ? gpus.get(value) : undefined;
}

export function regionFor(text: string | undefined): RegionEntry {
  const index = currentIndex();
  const key = text ?? DEFAULT_KEY;
  return regions.get(key) ?? remember(regions, key, resolveRegion(index, text));
}

export function approachFor(text: string | undefined): ApproachEntry {
  const index = currentIndex();
  const key = text ?? DEFAULT_KEY;
  return approaches.get(key) ?? remember(approaches, key, resolveApproach(index, text));
}

export function offerFor(
  gpu: GpuEntry,
  term: string | undefined,
  provider: string | undefined
): RentalOfferEntry {
  const index = currentIndex();
  // Offer keys combine three texts; this concatenation is the one string built per call on this path.
  const key = `${gpu.id}\u0000${term ?? ""}\u0000${provider ?? ""}`;
  return offers.get(key) ?? remember(offers, key, resolveOffer(index, gpu, term, provider));
}

/**
 * The arguments the CAPPLAN functions share: how each is coerced and looked up in the library, and the
 * v1 build and rent inputs of a GPU with a formula's overrides applied.
 */
import type { BuildInputs, RentInputs } from "../model/finance";
import type { GpuEntry, RentalOfferEntry } from "../model/library/indexLibrary";
import { buildInputsFor, buildTimeFor, rentInputsFor } from "../model/resolve";
import {
  applyBuildOverrides,
  applyRentOverrides,
  NO_OVERRIDES,
  type Overrides,
} from "../model/overrides";
import { ArgumentError } from "./argumentError";
import { optionalText, requiredNumber, requiredText, type NumberRule } from "./coerce";
import { approachFor, cachedGpu, currentIndex, gpuFor, offerFor, regionFor } from "./lookups";

export const GPU_EXAMPLE = 'a GPU such as "H100", "H200", "B200" or "GB200 NVL72"';
export const REGION_EXAMPLE = 'a region such as "TN", "TX" or "us-va"';
export const APPROACH_EXAMPLE = '"standard", "fast-track" or "colocation"';
export const TERM_EXAMPLE = '"on-demand", "capacity-block", "1yr" or "3yr"';
export const PROVIDER_EXAMPLE = 'a provider such as "AWS", "Oracle" or "neocloud"';

export const COUNT: NumberRule = { min: 0, max: 10_000_000, what: "GPUs" };
export const IT_MW: NumberRule = { min: 0, max: 100_000, what: "MW of IT load" };
export const MONTHS: NumberRule = { min: 0, max: 1200, what: "months" };
export const YEARS: NumberRule = { min: 1, max: 30, what: "years", integer: true };
export const PUE: NumberRule = { min: 1, max: 3, what: "(facility power / IT power)" };
export const UTILIZATION: NumberRule = {
  min: 0,
  max: 1,
  what: "(average draw / maximum, a fraction)",
};
export const DISCOUNT: NumberRule = { min: 0, max: 1, what: "per year (a fraction, e.g. 0.07)" };

// A text already resolved skips coercion: it was a valid, non-blank name the first time.
export const gpuArg = (value: unknown): GpuEntry =>
  cachedGpu(value) ?? gpuFor(requiredText(value, "gpu", GPU_EXAMPLE));
export const countArg = (value: unknown): number => requiredNumber(value, "count", COUNT);
export const yearsArg = (value: unknown): number => requiredNumber(value, "years", YEARS);
export const regionArg = (value: unknown) =>
  regionFor(optionalText(value, "region", REGION_EXAMPLE));
export const approachArg = (value: unknown) =>
  approachFor(optionalText(value, "approach", APPROACH_EXAMPLE));

export type Option = "build" | "rent";
export function optionArg(value: unknown): Option {
  const text = requiredText(value, "option", '"build" or "rent"').trim().toLowerCase();
  if (text === "build" || text === "own" || text === "buy") return "build";
  if (text === "rent" || text === "lease") return "rent";
  throw new ArgumentError("value", `option must be "build" or "rent" (got "${text}").`);
}

export function buildFor(
  gpu: GpuEntry,
  count: number,
  region: unknown,
  approach: unknown,
  overrides: Overrides = NO_OVERRIDES
): BuildInputs {
  const regionEntry = regionArg(region);
  const approachEntry = approachArg(approach);
  const build = buildInputsFor(currentIndex(), gpu, count, regionEntry, approachEntry);
  if (overrides === NO_OVERRIDES) return build;
  const { operations } = currentIndex().library;
  return applyBuildOverrides(build, overrides, (itMw, pue) =>
    buildTimeFor(itMw, regionEntry, approachEntry, operations, pue)
  );
}

/** The offer for (term, provider) and its v1 rate basis for `count` GPUs, with the overrides applied. */
export function rentalFor(
  gpu: GpuEntry,
  count: number,
  term: string | undefined,
  provider: string | undefined,
  overrides: Overrides = NO_OVERRIDES
): { offer: RentalOfferEntry; rent: RentInputs } {
  const offer = offerFor(gpu, term, provider);
  const rent = rentInputsFor(offer, count);
  return {
    offer,
    rent: overrides === NO_OVERRIDES ? rent : applyRentOverrides(rent, overrides),
  };
}

export function rentFor(
  gpu: GpuEntry,
  count: number,
  term: unknown,
  provider: unknown,
  overrides: Overrides = NO_OVERRIDES
): RentInputs {
  const texts = rentalTexts(term, provider);
  return rentalFor(gpu, count, texts.term, texts.provider, overrides).rent;
}

/** RENTVSBUILD's "bridge": rent while the standard build is built and ramped (not a library approach). */
export function isBridgeApproach(value: unknown): boolean {
  return typeof value === "string" && value.trim().toLowerCase() === "bridge";
}

/** The approach that is built: "bridge" builds the standard (grid) route and rents until it runs. */
export const builtApproachArg = (value: unknown, bridge: boolean) =>
  bridge ? approachFor("standard") : approachArg(value);

/** The term and provider texts of a rental, coerced (undefined when omitted). */
export function rentalTexts(
  term: unknown,
  provider: unknown
): { term: string | undefined; provider: string | undefined } {
  return {
    term: optionalText(term, "term", TERM_EXAMPLE),
    provider: optionalText(provider, "provider", PROVIDER_EXAMPLE),
  };
}

export type CostBasis = "delivered" | "useful";
/** COSTPERHOUR's basis: every installed GPU-hour (default) or the useful ones. */
export function costBasisArg(value: unknown): CostBasis {
  const text = optionalText(value, "basis", '"delivered" or "useful"');
  if (text === undefined) return "delivered";
  const key = text.trim().toLowerCase();
  if (key === "delivered" || key === "installed") return "delivered";
  if (key === "useful") return "useful";
  throw new ArgumentError("value", `basis must be "delivered" or "useful" (got "${text}").`);
}

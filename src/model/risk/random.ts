/**
 * The seeded pseudo-random generator of the risk engine. A Monte Carlo result must be the same on every
 * machine and in every Excel host for the same seed, so the generator uses 32-bit integer arithmetic only
 * (Math.imul, >>> 0): no floating-point step whose rounding could differ between engines.
 *
 * Generator: xoshiro128** 1.1 (David Blackman and Sebastiano Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021; reference C at https://prng.di.unimi.it/xoshiro128starstar.c). Its
 * 128-bit state is filled by splitmix32: a Weyl sequence (step 0x9e3779b9) through MurmurHash3's fmix32
 * finalizer (Austin Appleby), the 32-bit analogue of SplitMix (Steele, Lea and Flood, OOPSLA 2014) that
 * Vigna recommends for seeding, so nearby seeds (1, 2, 3) still give unrelated states.
 */
import { ModelInputError } from "../finance/errors";
import { requireFinite } from "../finance/validate";

/** A source of uniform draws; the only thing the sampling code needs from a generator. */
export interface Random {
  /** Uniform in [0, 1) with 2^-53 resolution (two 32-bit draws combined). */
  next(): number;
  /** Uniform integer in [0, 2^32 - 1]. */
  nextUint32(): number;
}

/** Largest seed: seeds are 32-bit unsigned integers. */
export const MAX_SEED = 0xffffffff;

const GOLDEN_GAMMA = 0x9e3779b9; // 2^32 / golden ratio, odd: the Weyl step visits every 32-bit value
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** Throws unless `value` is a whole number in 0..2^32 - 1. */
function requireUint32(value: number, field: string): void {
  requireFinite(value, field);
  if (value < 0 || value > MAX_SEED || Math.floor(value) !== value) {
    throw new ModelInputError(
      field,
      `must be a whole number from 0 to ${MAX_SEED} (got ${value})`,
      "range"
    );
  }
}

/** MurmurHash3's 32-bit finalizer: a bijection on 32-bit values with full avalanche. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A generator for `seed` (a whole number in 0..2^32 - 1). The state words are splitmix32 outputs
 * fmix32(seed + k x 0x9e3779b9), k = 1..4: fmix32 is a bijection and the four inputs differ, so at most one
 * word is 0 and the state is never the all-zero state xoshiro cannot leave.
 */
export function createRandom(seed: number): Random {
  requireUint32(seed, "seed");
  let weyl = seed >>> 0;
  const splitmix32 = (): number => {
    weyl = (weyl + GOLDEN_GAMMA) >>> 0;
    return fmix32(weyl);
  };
  const s0 = splitmix32();
  const s1 = splitmix32();
  const s2 = splitmix32();
  const s3 = splitmix32();
  return randomFromState(s0, s1, s2, s3);
}

/**
 * xoshiro128** from an explicit 128-bit state (four 32-bit words, not all 0). Exported so the tests can check
 * the generator's core against outputs run by hand from a small state; createRandom is the API.
 */
export function randomFromState(w0: number, w1: number, w2: number, w3: number): Random {
  requireUint32(w0, "state[0]");
  requireUint32(w1, "state[1]");
  requireUint32(w2, "state[2]");
  requireUint32(w3, "state[3]");
  if ((w0 | w1 | w2 | w3) === 0) {
    throw new ModelInputError("state", "must not be all zero (xoshiro never leaves it)", "range");
  }
  let s0 = w0 | 0;
  let s1 = w1 | 0;
  let s2 = w2 | 0;
  let s3 = w3 | 0;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };

  // 27 high bits of one draw and 26 of the next make a 53-bit integer: every double k / 2^53 in [0, 1) is
  // reachable and equally likely (the construction of MT19937's genrand_res53). Integer-valued steps only.
  const next = (): number => {
    const a = nextUint32() >>> 5;
    const b = nextUint32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  };

  return { next, nextUint32 };
}

/**
 * The seed of stream `stream` of a run seeded with `seed`, so each uncertain input draws from its own
 * sequence and adding an input does not shift the draws of the others. For one seed, distinct streams give
 * distinct derived seeds: fmix32(seed) + (stream + 1) x 0x9e3779b9 mod 2^32 is a bijection of the stream
 * (the multiplier is odd) and fmix32 keeps it one.
 */
export function derivedSeed(seed: number, stream: number): number {
  requireUint32(seed, "seed");
  requireUint32(stream, "stream");
  const step = Math.imul((stream + 1) >>> 0, GOLDEN_GAMMA);
  return fmix32((fmix32(seed) + step) >>> 0);
}

/**
 * "Did you mean ...?" suggestions for unknown keys (#N/A messages, library validation).
 * Distances are measured on normalized keys so that case and separators never count as typos.
 *
 * The work is bounded whatever the input: a typed key or a library id of any length is compared on at
 * most SUGGESTION_LIMITS.comparedLength characters, at most SUGGESTION_LIMITS.candidates candidates are
 * looked at, and the edit distance is computed in a band that stops as soon as a candidate cannot beat
 * the suggestions already found. (A 20,000-character typo against a 20,000-character alias used to cost
 * 400 million cells, seconds of the shared runtime, for one #N/A.)
 */
import { normalizeKey } from "./normalize";

export const SUGGESTION_LIMITS = {
  /**
   * Characters of a normalized key that are compared. Library ids are at most 64 characters and aliases
   * 100 (schema.ts), so a longer input is far from every candidate anyway; names beyond this are compared
   * on their beginning, which is what a person types.
   */
  comparedLength: 100,
  /** Candidate texts looked at per suggestion; the rest of a huge catalog is not searched. */
  candidates: 10_000,
} as const;

// Distance cells evaluated since the module loaded: lets tests assert the work is bounded, without timings.
let cellsEvaluated = 0;

/** How many edit-distance cells have been computed so far (a work counter for tests and the bench). */
export function distanceCellsEvaluated(): number {
  return cellsEvaluated;
}

/**
 * Optimal string alignment distance (Levenshtein plus transposition of adjacent characters,
 * each substring edited at most once): "h01" -> "h10" costs 1, the commonest typing slip.
 * With `limit`, the answer is exact up to `limit` and `limit + 1` means "more than limit": only the
 * band of cells within `limit` of the diagonal is computed, and the scan stops when two consecutive
 * rows exceed it (no later cell can come back under, since every step costs at least 0 and a
 * transposition reaches back two rows).
 */
export function editDistance(a: string, b: string, limit: number = Infinity): number {
  if (a === b) return 0;
  const bound = Math.min(Math.floor(limit), Math.max(a.length, b.length));
  const over = bound + 1;
  if (Math.abs(a.length - b.length) > bound) return over;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const n = b.length;
  // Three rolling rows are enough: the transposition step looks two rows back. Cells outside the band
  // hold `over`, so reads just outside it see "too far".
  let beforePrevious = new Array<number>(n + 1).fill(over);
  let previous = new Array<number>(n + 1).fill(over);
  let current = new Array<number>(n + 1).fill(over);
  for (let j = 0; j <= Math.min(n, bound); j++) previous[j] = j;
  let previousRowMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(n, i + bound);
    current[lo - 1] = lo === 1 && i <= bound ? i : over;
    let rowMin = current[lo - 1];
    for (let j = lo; j <= hi; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2] + 1);
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (hi < n) current[hi + 1] = over;
    cellsEvaluated += hi - lo + 1;
    if (rowMin > bound && previousRowMin > bound) return over;
    previousRowMin = rowMin;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[n], over);
}

/** The part of a text that suggestions compare: normalized, then cut to the compared length. */
function comparedKey(text: string): string {
  // Cutting before normalizing keeps normalizeKey linear in the limit, not in the input; separators
  // removed by normalizing are why the first cut is generous.
  const { comparedLength } = SUGGESTION_LIMITS;
  return normalizeKey(text.slice(0, 4 * comparedLength)).slice(0, comparedLength);
}

interface Scored {
  name: string;
  distance: number;
  lengthGap: number;
  order: number;
}

const ranksBefore = (x: Scored, y: Scored) =>
  x.distance - y.distance || x.lengthGap - y.lengthGap || x.order - y.order;

/**
 * The `max` candidates closest to `input`, as the candidates' own display text, closest first.
 * Ties go to the candidate closest in length ("H10" -> "H100" before "h100-sxm"), then keep the
 * candidates' order (callers list ids before names before aliases), and candidates
 * that normalize to the same key are suggested once, so "H100 SXM" and "h100-sxm" never both appear.
 * A candidate that begins with the input counts as almost exact (distance 0.5): "h100" should
 * suggest "h100-sxm" before "h200", although h200 is one edit away.
 */
export function nearestNames(input: string, candidates: readonly string[], max = 3): string[] {
  if (max <= 0) return [];
  const wanted = comparedKey(input);
  const seen = new Set<string>();
  // The best `max` so far, sorted; a candidate must come within the worst of them to be computed exactly.
  const best: Scored[] = [];
  const count = Math.min(candidates.length, SUGGESTION_LIMITS.candidates);
  for (let order = 0; order < count; order++) {
    const name = candidates[order];
    const key = comparedKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    const lengthGap = Math.abs(key.length - wanted.length);
    const cutoff = best.length < max ? Infinity : best[best.length - 1].distance;
    let distance: number;
    if (key === wanted) distance = 0;
    else if (wanted.length > 0 && key.startsWith(wanted)) distance = 0.5;
    // Otherwise the length gap is a lower bound of the edit distance: a hopeless candidate costs nothing.
    else if (lengthGap > cutoff) continue;
    else distance = editDistance(wanted, key, cutoff);
    if (distance > cutoff) continue;
    const scored: Scored = { name, distance, lengthGap, order };
    let at = best.length;
    while (at > 0 && ranksBefore(scored, best[at - 1]) < 0) at--;
    if (at >= max) continue;
    best.splice(at, 0, scored);
    if (best.length > max) best.pop();
  }
  return best.map((candidate) => candidate.name);
}

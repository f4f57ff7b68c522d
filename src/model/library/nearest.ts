/**
 * "Did you mean ...?" suggestions for unknown keys (#N/A messages, library validation).
 * Distances are measured on normalized keys so that case and separators never count as typos.
 */
import { normalizeKey } from "./normalize";

/**
 * Optimal string alignment distance (Levenshtein plus transposition of adjacent characters,
 * each substring edited at most once): "h01" -> "h10" costs 1, the commonest typing slip.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows are enough: the transposition step looks two rows back.
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2] + 1);
      }
      current[j] = best;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length];
}

/**
 * How far a candidate key is from what was typed. A candidate that begins with the input counts as
 * almost exact: "h100" should suggest "h100-sxm" before "h200", although h200 is one edit away.
 */
function distance(wanted: string, key: string): number {
  const edits = editDistance(wanted, key);
  return wanted.length > 0 && key !== wanted && key.startsWith(wanted)
    ? Math.min(edits, 0.5)
    : edits;
}

/**
 * The `max` candidates closest to `input`, as the candidates' own display text, closest first.
 * Ties go to the candidate closest in length ("H10" -> "H100" before "h100-sxm"), then keep the
 * candidates' order (callers list ids before names before aliases), and candidates
 * that normalize to the same key are suggested once, so "H100 SXM" and "h100-sxm" never both appear.
 */
export function nearestNames(input: string, candidates: readonly string[], max = 3): string[] {
  if (max <= 0) return [];
  const wanted = normalizeKey(input);
  const seen = new Set<string>();
  const scored: { name: string; distance: number; lengthGap: number; order: number }[] = [];
  candidates.forEach((name, order) => {
    const key = normalizeKey(name);
    if (seen.has(key)) return;
    seen.add(key);
    scored.push({
      name,
      distance: distance(wanted, key),
      lengthGap: Math.abs(key.length - wanted.length),
      order,
    });
  });
  scored.sort((x, y) => x.distance - y.distance || x.lengthGap - y.lengthGap || x.order - y.order);
  return scored.slice(0, max).map((candidate) => candidate.name);
}

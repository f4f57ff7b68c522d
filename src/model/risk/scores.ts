/**
 * Van der Waerden scores, Phi^-1(i / (n + 1)), the normal scores Iman-Conover rearranges, from the sampler's
 * standard normal quantile (normal.ts, Wichura AS241).
 */
import { normalQuantile } from "./normal";

/** The n van der Waerden scores Phi^-1(i / (n + 1)), i = 1..n, ascending; score[i] = -score[n - 1 - i] exactly. */
export function vanDerWaerdenScores(n: number): Float64Array {
  const scores = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    const s = normalQuantile((i + 1) / (n + 1));
    scores[i] = s;
    scores[n - 1 - i] = -s;
  }
  // For odd n the middle score is Phi^-1(1/2) = 0; the loop wrote +-0 there.
  if (n % 2 === 1) scores[(n - 1) / 2] = 0;
  return scores;
}

/**
 * Lookup keys typed by people ("H100 SXM", "h100-sxm", "H100_SXM") must all find the same entry,
 * so every catalog is indexed by this normalized form and every lookup normalizes its input.
 */

/** Separators people use interchangeably in product and place names. */
const SEPARATORS = /[\s\-_./]/g;

/** Lowercase and strip whitespace, "-", "_", "." and "/": normalizeKey("H100 SXM") === "h100sxm". */
export function normalizeKey(text: string): string {
  return text.toLowerCase().replace(SEPARATORS, "");
}

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

/**
 * Text quoted in a message, cut to a readable length: an over-long id or typed key is reported, not
 * echoed whole (Excel shows error messages of a few hundred characters, and a sidebar list must stay
 * readable). The default fits every valid id (64 characters).
 */
export function shorten(text: string, max = 64): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

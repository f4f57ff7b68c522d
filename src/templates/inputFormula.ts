/**
 * What an input cell's formula may be for Capacity Planner to write it back (undo restores the formula
 * a user had typed over an input). The undo record lives in document settings, which anyone can edit:
 * written verbatim, it could plant any formula (WEBSERVICE, HYPERLINK, external links, DDE) in a
 * finance model. The template writes only values into inputs; users write arithmetic like "=0.05+0.01"
 * or "=CP_RentalRate*2". So only that is accepted: numbers, + - * / ^ % and parentheses, and the
 * sheet's own assumption names, never a function call, a cell or sheet reference or a string.
 */

const MAX_INPUT_FORMULA_LENGTH = 1000;

const TOKEN = /\s+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[-+*/^%()]|[A-Za-z_\\][A-Za-z0-9_.]*/y;

/**
 * Whether `formula` ("=...") is arithmetic over numbers and `allowedNames` (compared as Excel compares
 * names, ignoring case). Anything else, including an unbalanced or empty expression, is refused.
 */
export function isSafeInputFormula(formula: string, allowedNames: readonly string[]): boolean {
  if (!formula.startsWith("=") || formula.length > MAX_INPUT_FORMULA_LENGTH) return false;
  const allowed = new Set(allowedNames.map((n) => n.toLocaleUpperCase("en-US")));
  const body = formula.slice(1);
  let depth = 0;
  let operands = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(body);
    if (m === null || m.index !== start) return false;
    const token = m[0];
    if (/^\s+$/.test(token)) continue;
    if (token === "(") depth += 1;
    else if (token === ")") {
      depth -= 1;
      if (depth < 0) return false;
    } else if (/^[A-Za-z_\\]/.test(token)) {
      if (!allowed.has(token.toLocaleUpperCase("en-US"))) return false;
      // A name followed by "(" would be a function call.
      if (/^\s*\(/.test(body.slice(TOKEN.lastIndex))) return false;
      operands += 1;
    } else if (/^[\d.]/.test(token)) operands += 1;
  }
  return depth === 0 && operands > 0;
}

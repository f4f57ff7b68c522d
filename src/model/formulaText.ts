/**
 * Reading and rewriting the references in a formula's text, for Freeze for sharing: which CAPPLAN
 * functions it calls, which sheets and defined names it reads, and the same formula with names and
 * sheet prefixes pointed elsewhere. One small lexer that knows what is not a reference: string
 * literals ("..." with "" inside), quoted sheet names ('...' with '' inside), bracketed parts
 * (structured and external references), function names (a word followed by "(") and the part after
 * a sheet prefix. Pure: no Office, no DOM.
 */
import { quoteSheetName, rangeAddress, excelNameKey } from "./a1";
import type { GridRange } from "./a1";

/** One piece of a formula's text. */
export type FormulaToken =
  | { readonly kind: "text"; readonly text: string }
  /** A sheet prefix, `Sheet1!` or `'Rent vs Build'!`; `sheet` unquoted. */
  | { readonly kind: "sheet"; readonly text: string; readonly sheet: string }
  /** A word that is not a function name nor after a sheet prefix: a defined name, a cell, TRUE... */
  | { readonly kind: "word"; readonly text: string }
  /** A function's name, without its "(". */
  | { readonly kind: "function"; readonly text: string };

const WORD_START = /[\p{L}_\\]/u;
const WORD_PART = /[\p{L}\p{N}_.\\?]/u;

function closing(formula: string, from: number, quote: string): number {
  let j = from + 1;
  while (j < formula.length) {
    if (formula[j] === quote) {
      if (formula[j + 1] === quote) j += 2;
      else return j;
    } else j += 1;
  }
  return formula.length - 1;
}

/** The formula cut into tokens; joining every token's text gives the formula back. */
export function tokenizeFormula(formula: string): FormulaToken[] {
  const out: FormulaToken[] = [];
  let text = "";
  const flush = (): void => {
    if (text !== "") out.push({ kind: "text", text });
    text = "";
  };
  let afterSheet = false;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? "";
    if (ch === '"') {
      const end = closing(formula, i, '"');
      text += formula.slice(i, end + 1);
      i = end + 1;
      afterSheet = false;
      continue;
    }
    if (ch === "'") {
      const end = closing(formula, i, "'");
      if (formula[end + 1] === "!") {
        flush();
        const raw = formula.slice(i, end + 2);
        out.push({
          kind: "sheet",
          text: raw,
          sheet: formula.slice(i + 1, end).replace(/''/g, "'"),
        });
        i = end + 2;
        afterSheet = true;
        continue;
      }
      text += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth += 1;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      text += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (WORD_START.test(ch) && !/[\p{N}]/u.test(formula[i - 1] ?? "")) {
      let j = i + 1;
      while (j < formula.length && WORD_PART.test(formula[j] ?? "")) j += 1;
      const word = formula.slice(i, j);
      if (formula[j] === "!") {
        flush();
        out.push({ kind: "sheet", text: formula.slice(i, j + 1), sheet: word });
        i = j + 1;
        afterSheet = true;
        continue;
      }
      if (afterSheet) {
        text += word;
      } else {
        flush();
        const next = formula.slice(j).trimStart()[0];
        out.push({ kind: next === "(" ? "function" : "word", text: word });
      }
      i = j;
      afterSheet = false;
      continue;
    }
    // "$" belongs to the reference after a sheet prefix ('S'!$C$5); anything else ends it.
    if (ch !== "$") afterSheet = false;
    text += ch;
    i += 1;
  }
  flush();
  return out;
}

/** Does the formula call a CAPPLAN function (outside string literals)? */
export function callsCapplan(formula: string): boolean {
  return tokenizeFormula(formula).some((t) => t.kind === "function" && /^CAPPLAN\./i.test(t.text));
}

/** Where a defined name points: a sheet (unquoted) and a rectangle on it. */
export interface NameTarget {
  readonly sheet: string;
  readonly range: GridRange;
}

/**
 * The sheets a formula reads: those it names in a prefix and those of the defined names it uses
 * (`names` keyed by excelNameKey). Keys are excelNameKey of the sheet names.
 */
export function sheetsReadBy(formula: string, names: ReadonlyMap<string, NameTarget>): Set<string> {
  const out = new Set<string>();
  for (const token of tokenizeFormula(formula)) {
    if (token.kind === "sheet") out.add(excelNameKey(token.sheet));
    else if (token.kind === "word") {
      const target = names.get(excelNameKey(token.text));
      if (target !== undefined) out.add(excelNameKey(target.sheet));
    }
  }
  return out;
}

export interface ReferenceRewrite {
  /** The sheet the formula is on (its original name). */
  readonly ownSheet: string;
  /** Original sheet name key (excelNameKey) -> the name of the sheet that replaces it. */
  readonly sheets: ReadonlyMap<string, string>;
  /** Defined names (excelNameKey) -> where they point. */
  readonly names: ReadonlyMap<string, NameTarget>;
}

/**
 * The formula reading the replacement sheets instead of the originals: a prefix naming a replaced
 * sheet names its replacement; a defined name pointing at the formula's own sheet becomes the
 * absolute address ("$C$5"), one pointing at another replaced sheet becomes that sheet's address
 * ("'Rent vs Build (frozen)'!$C$5"); every other name, reference and string stays as written.
 */
export function rewriteReferences(formula: string, rewrite: ReferenceRewrite): string {
  const own = excelNameKey(rewrite.ownSheet);
  return tokenizeFormula(formula)
    .map((token) => {
      if (token.kind === "sheet") {
        const replacement = rewrite.sheets.get(excelNameKey(token.sheet));
        return replacement === undefined ? token.text : `${quoteSheetName(replacement)}!`;
      }
      if (token.kind !== "word") return token.text;
      const target = rewrite.names.get(excelNameKey(token.text));
      if (target === undefined) return token.text;
      const key = excelNameKey(target.sheet);
      const address = rangeAddress(target.range, { absolute: true });
      if (key === own && rewrite.sheets.has(key)) return address;
      const replacement = rewrite.sheets.get(key);
      return replacement === undefined ? token.text : `${quoteSheetName(replacement)}!${address}`;
    })
    .join("");
}

/**
 * A small lexer for Excel formula text, for explaining a formula (trace to source): which tokens are
 * string literals, function names, defined names, cell references and ranges, and what a formula's
 * direct precedents are. Pure: no Excel, no evaluation.
 *
 * String literals ("C5" inside quotes), error literals (#REF!), structured references (Table[Col]),
 * numbers and TRUE/FALSE are never taken for references or names. Whole-row/column references
 * ("A:A", "1:3") are not read as references (the template writes none).
 */
import {
  excelNameKey,
  parseSheetReference,
  rangeAddress,
  sameExcelName,
  tryParseCellAddress,
  type GridRange,
} from "../model/a1";

export type FormulaToken =
  | { readonly kind: "string"; readonly text: string }
  | { readonly kind: "function"; readonly text: string }
  | { readonly kind: "name"; readonly text: string }
  | {
      readonly kind: "ref";
      readonly text: string;
      /** The sheet named before "!" (unquoted), or null for a reference to the formula's own sheet. */
      readonly sheet: string | null;
      readonly range: GridRange;
    }
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "boolean"; readonly text: string }
  | { readonly kind: "error"; readonly text: string }
  | { readonly kind: "operator"; readonly text: string }
  | { readonly kind: "open" | "close" | "separator" | "space"; readonly text: string }
  /** Anything else kept as written (structured references, array constants' braces, a stray "!"). */
  | { readonly kind: "other"; readonly text: string };

const WORD_START = /[\p{L}_\\$]/u;
const WORD_CHAR = /[\p{L}\p{N}_.$\\]/u;
const ERROR_LITERAL =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)/i;
const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const OPERATORS = ["<>", "<=", ">=", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%"];

function readWord(s: string, at: number): string {
  let j = at;
  while (j < s.length && WORD_CHAR.test(s[j] ?? "")) j += 1;
  return s.slice(at, j);
}

/** "A1" or "A1:B2" at `at` (not a function name); null when the text there is not a reference. */
function readRef(s: string, at: number): { range: GridRange; length: number } | null {
  const word = readWord(s, at);
  const start = tryParseCellAddress(word);
  if (start === null || s[at + word.length] === "(") return null;
  let length = word.length;
  let end = start;
  if (s[at + length] === ":") {
    const word2 = readWord(s, at + length + 1);
    const second = tryParseCellAddress(word2);
    if (second !== null && s[at + length + 1 + word2.length] !== "(") {
      end = second;
      length += 1 + word2.length;
    }
  }
  const row = Math.min(start.row, end.row);
  const col = Math.min(start.col, end.col);
  return {
    range: {
      row,
      col,
      rowCount: Math.abs(start.row - end.row) + 1,
      colCount: Math.abs(start.col - end.col) + 1,
    },
    length,
  };
}

/** The end (exclusive) of the quoted run starting at `at` with `quote`, doubled quotes inside. */
function quotedEnd(s: string, at: number, quote: string): number {
  let j = at + 1;
  while (j < s.length) {
    if (s[j] === quote) {
      if (s[j + 1] === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j += 1;
  }
  return s.length;
}

/** The tokens of `formula` (with or without its leading "="), in order; joined they give it back. */
export function tokenizeFormula(formula: string): FormulaToken[] {
  const s = formula;
  const tokens: FormulaToken[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i] ?? "";
    if (ch === '"') {
      const end = quotedEnd(s, i, '"');
      tokens.push({ kind: "string", text: s.slice(i, end) });
      i = end;
      continue;
    }
    if (ch === "'") {
      // 'Rent vs Build'!C5
      const end = quotedEnd(s, i, "'");
      const sheet = s.slice(i + 1, end - 1).replace(/''/g, "'");
      const ref = s[end] === "!" ? readRef(s, end + 1) : null;
      if (ref !== null) {
        const length = end + 1 + ref.length - i;
        tokens.push({ kind: "ref", text: s.slice(i, i + length), sheet, range: ref.range });
        i += length;
      } else {
        tokens.push({ kind: "other", text: s.slice(i, end) });
        i = end;
      }
      continue;
    }
    if (ch === "#") {
      const m = ERROR_LITERAL.exec(s.slice(i));
      const text = m === null ? "#" : m[0];
      tokens.push({ kind: m === null ? "other" : "error", text });
      i += text.length;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        if (s[j] === "[") depth += 1;
        else if (s[j] === "]" && --depth === 0) break;
      }
      tokens.push({ kind: "other", text: s.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    const number = /[0-9.]/.test(ch) ? NUMBER.exec(s.slice(i)) : null;
    if (number !== null) {
      tokens.push({ kind: "number", text: number[0] });
      i += number[0].length;
      continue;
    }
    if (WORD_START.test(ch)) {
      const word = readWord(s, i);
      if (s[i + word.length] === "!") {
        const ref = readRef(s, i + word.length + 1);
        if (ref !== null) {
          const length = word.length + 1 + ref.length;
          tokens.push({ kind: "ref", text: s.slice(i, i + length), sheet: word, range: ref.range });
          i += length;
          continue;
        }
      }
      const ref = readRef(s, i);
      if (ref !== null) {
        tokens.push({
          kind: "ref",
          text: s.slice(i, i + ref.length),
          sheet: null,
          range: ref.range,
        });
        i += ref.length;
        continue;
      }
      const next = s[i + word.length];
      const kind =
        next === "("
          ? "function"
          : next === "[" || next === "!"
            ? "other"
            : /^(TRUE|FALSE)$/i.test(word)
              ? "boolean"
              : word.includes("$")
                ? "other"
                : "name";
      tokens.push({ kind, text: word });
      i += word.length;
      continue;
    }
    if (/\s/.test(ch)) {
      let j = i;
      while (j < s.length && /\s/.test(s[j] ?? "")) j += 1;
      tokens.push({ kind: "space", text: s.slice(i, j) });
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => s.startsWith(o, i));
    if (op !== undefined) {
      tokens.push({ kind: "operator", text: op });
      i += op.length;
      continue;
    }
    if (ch === "(" || ch === ")") {
      tokens.push({ kind: ch === "(" ? "open" : "close", text: ch });
      i += 1;
      continue;
    }
    if (ch === "," || ch === ";") {
      tokens.push({ kind: "separator", text: ch });
      i += 1;
      continue;
    }
    tokens.push({ kind: "other", text: ch });
    i += 1;
  }
  return tokens;
}

/** A direct precedent: a rectangle on a named sheet. */
export interface Precedent {
  readonly sheet: string;
  readonly range: GridRange;
  /** "C5", "D40:M40" (no sheet, no "$"). */
  readonly address: string;
  /** The defined name it was reached through, when it was one. */
  readonly viaName?: string;
}

export interface FormulaPrecedents {
  readonly precedents: readonly Precedent[];
  /** Names the formula uses that are not (or no longer) a range: constants, #REF!, unknown names. */
  readonly unresolvedNames: readonly string[];
}

/**
 * The direct precedents of `formula` on `formulaSheet`: its references and ranges, and the ranges its
 * defined names refer to (`names`: excelNameKey(name) -> formula, "='Rent vs Build'!$C$5"), each once,
 * in order of first use. A constant (not a formula) has none.
 */
export function formulaPrecedents(
  formula: string,
  formulaSheet: string,
  names: ReadonlyMap<string, string>
): FormulaPrecedents {
  if (!formula.startsWith("=")) return { precedents: [], unresolvedNames: [] };
  const precedents: Precedent[] = [];
  const unresolved: string[] = [];
  const add = (sheet: string, range: GridRange, viaName?: string): void => {
    const address = rangeAddress(range);
    if (precedents.some((p) => p.address === address && sameExcelName(p.sheet, sheet))) return;
    precedents.push(
      viaName === undefined ? { sheet, range, address } : { sheet, range, address, viaName }
    );
  };
  for (const token of tokenizeFormula(formula)) {
    if (token.kind === "ref") add(token.sheet ?? formulaSheet, token.range);
    else if (token.kind === "name") {
      const target = names.get(excelNameKey(token.text));
      const ref = target === undefined ? null : parseSheetReference(target);
      if (ref !== null) add(ref.sheet, ref.range, token.text);
      else if (!unresolved.some((n) => sameExcelName(n, token.text))) unresolved.push(token.text);
    }
  }
  return { precedents, unresolvedNames: unresolved };
}

/** How a token reads in words; undefined keeps the token's own text. */
export interface FormulaWording {
  readonly name: (name: string) => string | undefined;
  readonly ref: (sheet: string | null, range: GridRange, text: string) => string | undefined;
}

const SPOKEN_OPERATORS: Readonly<Record<string, string>> = {
  "+": "+",
  "-": "\u2212",
  "*": "\u00d7",
  "/": "\u00f7",
  "&": "&",
  "=": "=",
  "<>": "\u2260",
  "<=": "\u2264",
  ">=": "\u2265",
  "<": "<",
  ">": ">",
};

/**
 * The formula in words: names and references replaced by what `wording` says (a row's label),
 * functions, literals and parentheses kept, operators spaced and written as symbols
 * ("=CP_NpvBuild-CP_NpvRent" -> "NPV of building − NPV of renting").
 */
export function formulaInWords(formula: string, wording: FormulaWording): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  let out = "";
  // Whether the previous significant token ends an operand (so a "-" after it is binary).
  let afterOperand = false;
  for (const token of tokenizeFormula(body)) {
    switch (token.kind) {
      case "space":
        continue;
      case "name":
        out += wording.name(token.text) ?? token.text;
        afterOperand = true;
        continue;
      case "ref":
        out += wording.ref(token.sheet, token.range, token.text) ?? token.text;
        afterOperand = true;
        continue;
      case "operator": {
        const spoken = SPOKEN_OPERATORS[token.text];
        if (token.text === "%" || spoken === undefined) {
          out += token.text;
          continue;
        }
        if (!afterOperand && (token.text === "-" || token.text === "+")) out += spoken;
        else out += ` ${spoken} `;
        afterOperand = false;
        continue;
      }
      case "separator":
        out += ", ";
        afterOperand = false;
        continue;
      case "open":
      case "function":
        out += token.text;
        afterOperand = false;
        continue;
      default:
        out += token.text;
        afterOperand = true;
    }
  }
  return out;
}

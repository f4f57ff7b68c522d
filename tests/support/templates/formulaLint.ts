/**
 * A small reader of the template's formulas for the tests: which names, functions, cell references
 * and numeric literals a formula uses (text inside "..." is skipped), and Excel's fill-right shift.
 */
import { cellAddress, columnIndex, columnLetter, parseRange } from "../../../src/model/a1";

export type FormulaToken =
  | { readonly kind: "function"; readonly text: string }
  | { readonly kind: "name"; readonly text: string }
  | { readonly kind: "cell"; readonly text: string }
  | { readonly kind: "range"; readonly text: string }
  | { readonly kind: "number"; readonly value: number };

const STRING_LITERAL = /"(?:[^"]|"")*"/g;
const TOKEN =
  /([A-Za-z_$][A-Za-z0-9_.$]*(?::\$?[A-Z]+\$?[0-9]+)?)(\s*\()?|([0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/g;
const CELL = /^\$?[A-Z]{1,3}\$?[0-9]+$/;
const RANGE = /^\$?[A-Z]{1,3}\$?[0-9]+:\$?[A-Z]{1,3}\$?[0-9]+$/;

/** The formula with every string literal emptied, so nothing inside quotes is read as a reference. */
export function withoutStrings(formula: string): string {
  return formula.replace(STRING_LITERAL, '""');
}

export function formulaTokens(formula: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  for (const match of withoutStrings(formula).matchAll(TOKEN)) {
    const [, word, call, number] = match;
    if (number !== undefined) tokens.push({ kind: "number", value: Number(number) });
    else if (call !== undefined) tokens.push({ kind: "function", text: word.toUpperCase() });
    else if (RANGE.test(word)) tokens.push({ kind: "range", text: word });
    else if (CELL.test(word)) tokens.push({ kind: "cell", text: word });
    else tokens.push({ kind: "name", text: word });
  }
  return tokens;
}

function shiftCell(ref: string, columns: number): string {
  const m = /^(\$?)([A-Z]+)(\$?[0-9]+)$/.exec(ref);
  if (!m) return ref;
  const [, anchored, letters, row] = m;
  return anchored ? ref : `${columnLetter(columnIndex(letters) + columns)}${row}`;
}

/** What Excel's fill-right writes `columns` columns to the right: relative columns move, $-anchored ones stay. */
export function shiftColumns(formula: string, columns: number): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            TOKEN,
            (whole: string, word: string | undefined, call: string | undefined) => {
              if (word === undefined || call !== undefined) return whole;
              if (RANGE.test(word))
                return word
                  .split(":")
                  .map((end) => shiftCell(end, columns))
                  .join(":");
              if (CELL.test(word)) return shiftCell(word, columns);
              return whole;
            }
          )
    )
    .join("");
}

/** Every single-cell address a cell or range reference covers, without "$". */
export function referencedCells(ref: string): string[] {
  const range = parseRange(ref); // throws for anything but a cell or a range
  const cells: string[] = [];
  for (let col = range.col; col < range.col + range.colCount; col++) {
    for (let row = range.row; row < range.row + range.rowCount; row++)
      cells.push(cellAddress(row, col));
  }
  return cells;
}

/**
 * Functions whose result depends on the user's locale in a way that breaks a template: TEXT and
 * DOLLAR read or print format codes and currency symbols per locale ("$#,##0" means another thing
 * where "," is the decimal separator); VALUE, NUMBERVALUE, DATEVALUE and TIMEVALUE parse text per
 * locale; INDIRECT/EVALUATE parse references and formulas from text (R1C1 is Z1S1 in German);
 * CELL and INFO answer in the locale's words and formats.
 */
export const LOCALE_DEPENDENT_FUNCTIONS: ReadonlySet<string> = new Set([
  "TEXT",
  "DOLLAR",
  "VALUE",
  "NUMBERVALUE",
  "DATEVALUE",
  "TIMEVALUE",
  "INDIRECT",
  "EVALUATE",
  "CELL",
  "INFO",
]);

/** The string literals of a formula, unquoted. */
export function stringLiterals(formula: string): string[] {
  return [...formula.matchAll(STRING_LITERAL)].map((m) => m[0].slice(1, -1).replace(/""/g, '"'));
}

/**
 * What in a formula reads differently in another locale: a locale-dependent function, or text that
 * holds a digit or a format code ("$#,##0", "0.5", "2024-05", "1;2"): numbers, dates and separators
 * written as text are parsed or shown per locale. (Formulas themselves are written through
 * Range.formulas, which is always en-US, so number literals and "," between arguments are safe.)
 */
export function localeProblems(formula: string): string[] {
  const problems: string[] = [];
  for (const token of formulaTokens(formula)) {
    if (token.kind === "function" && LOCALE_DEPENDENT_FUNCTIONS.has(token.text))
      problems.push(`locale-dependent function ${token.text}`);
  }
  for (const text of stringLiterals(formula)) {
    if (/[0-9#;]/.test(text)) problems.push(`locale-dependent text "${text}"`);
  }
  return problems;
}

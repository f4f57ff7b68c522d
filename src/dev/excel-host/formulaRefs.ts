/**
 * A small lexer for the cell references inside formula text, enough to do what Excel does to
 * formulas when the host changes around them:
 *  - fill one formula into many cells (relative references shift, `$` parts stay),
 *  - rename a sheet (references follow the new name),
 *  - delete a sheet (references to it become `#REF!`).
 * It does not evaluate anything. String literals, structured references (`Table[Col]`),
 * error literals and function names are left untouched.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  cellReference,
  quoteSheetName,
  tryParseCellAddress,
} from "../../model/a1";
import type { CellAddress } from "../../model/a1";

interface TextToken {
  readonly kind: "text";
  readonly text: string;
}

interface RefToken {
  readonly kind: "ref";
  /** Unquoted sheet name, or null for a reference without sheet part. */
  readonly sheet: string | null;
  /** The sheet part as written, including the "!" ("" when absent). */
  readonly prefix: string;
  readonly start: CellAddress;
  readonly end: CellAddress | null;
}

type Token = TextToken | RefToken;

const WORD_CHAR = /[\p{L}\p{N}_.$\\]/u;
const ERROR_LITERAL =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)/i;

function readWord(s: string, at: number): string {
  let j = at;
  while (j < s.length && WORD_CHAR.test(s[j] ?? "")) j += 1;
  return s.slice(at, j);
}

/** Reads "A1" or "A1:B2" at `at`; null when the text there is not a cell reference. */
function readRef(
  s: string,
  at: number
): { start: CellAddress; end: CellAddress | null; length: number } | null {
  const word = readWord(s, at);
  const start = tryParseCellAddress(word);
  if (start === null || s[at + word.length] === "(") return null;
  let length = word.length;
  let end: CellAddress | null = null;
  if (s[at + length] === ":") {
    const word2 = readWord(s, at + length + 1);
    const second = tryParseCellAddress(word2);
    if (second !== null && s[at + length + 1 + word2.length] !== "(") {
      end = second;
      length += 1 + word2.length;
    }
  }
  return { start, end, length };
}

export function tokenizeFormula(formula: string): Token[] {
  const tokens: Token[] = [];
  let text = "";
  const flush = (): void => {
    if (text.length > 0) tokens.push({ kind: "text", text });
    text = "";
  };
  const s = formula;
  let i = 0;
  while (i < s.length) {
    const ch = s[i] ?? "";
    if (ch === '"') {
      let j = i + 1;
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j += 1;
      }
      text += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      while (j < s.length) {
        if (s[j] === "[") depth += 1;
        else if (s[j] === "]") {
          depth -= 1;
          if (depth === 0) break;
        }
        j += 1;
      }
      text += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const m = ERROR_LITERAL.exec(s.slice(i));
      const lit = m === null ? "#" : m[0];
      text += lit;
      i += lit.length;
      continue;
    }
    if (ch === "'") {
      // Quoted sheet name: 'Rent vs Build'!B5
      let j = i + 1;
      let name = "";
      let closed = false;
      while (j < s.length) {
        if (s[j] === "'") {
          if (s[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          closed = true;
          break;
        }
        name += s[j];
        j += 1;
      }
      if (closed && s[j + 1] === "!") {
        const ref = readRef(s, j + 2);
        if (ref !== null) {
          flush();
          tokens.push({
            kind: "ref",
            sheet: name,
            prefix: s.slice(i, j + 2),
            start: ref.start,
            end: ref.end,
          });
          i = j + 2 + ref.length;
          continue;
        }
      }
      const stop = closed ? j + 1 : s.length;
      text += s.slice(i, stop);
      i = stop;
      continue;
    }
    if (WORD_CHAR.test(ch)) {
      const word = readWord(s, i);
      if (/^[0-9]/.test(word)) {
        text += word;
        i += word.length;
        continue;
      }
      if (s[i + word.length] === "!") {
        const ref = readRef(s, i + word.length + 1);
        if (ref !== null) {
          flush();
          tokens.push({
            kind: "ref",
            sheet: word,
            prefix: `${word}!`,
            start: ref.start,
            end: ref.end,
          });
          i += word.length + 1 + ref.length;
          continue;
        }
        text += `${word}!`;
        i += word.length + 1;
        continue;
      }
      const ref = readRef(s, i);
      if (ref !== null) {
        flush();
        tokens.push({ kind: "ref", sheet: null, prefix: "", start: ref.start, end: ref.end });
        i += ref.length;
        continue;
      }
      text += word;
      i += word.length;
      continue;
    }
    text += ch;
    i += 1;
  }
  flush();
  return tokens;
}

function renderRef(prefix: string, start: CellAddress, end: CellAddress | null): string {
  return `${prefix}${cellReference(start)}${end === null ? "" : `:${cellReference(end)}`}`;
}

function shiftCell(cell: CellAddress, dRows: number, dCols: number): CellAddress | null {
  const row = cell.rowAbsolute ? cell.row : cell.row + dRows;
  const col = cell.colAbsolute ? cell.col : cell.col + dCols;
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLUMNS) return null;
  return { row, col, rowAbsolute: cell.rowAbsolute, colAbsolute: cell.colAbsolute };
}

function render(tokens: readonly Token[], mapRef: (t: RefToken) => string): string {
  return tokens.map((t) => (t.kind === "text" ? t.text : mapRef(t))).join("");
}

/** The formula as it reads when copied `dRows` down and `dCols` right (Excel's fill). */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  return render(tokenizeFormula(formula), (t) => {
    const start = shiftCell(t.start, dRows, dCols);
    const end = t.end === null ? null : shiftCell(t.end, dRows, dCols);
    if (start === null || (t.end !== null && end === null)) return `${t.prefix}#REF!`;
    return renderRef(t.prefix, start, end);
  });
}

const sameSheet = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** References to `oldName` now name `newName` (quoted as needed). */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  const tokens = tokenizeFormula(formula);
  if (!tokens.some((t) => t.kind === "ref" && t.sheet !== null && sameSheet(t.sheet, oldName))) {
    return formula;
  }
  return render(tokens, (t) =>
    t.sheet !== null && sameSheet(t.sheet, oldName)
      ? renderRef(`${quoteSheetName(newName)}!`, t.start, t.end)
      : renderRef(t.prefix, t.start, t.end)
  );
}

/** References to a deleted sheet lose their sheet part to `#REF!` ("=#REF!$B$2"), as in Excel. */
export function invalidateSheetInFormula(formula: string, sheetName: string): string {
  const tokens = tokenizeFormula(formula);
  if (!tokens.some((t) => t.kind === "ref" && t.sheet !== null && sameSheet(t.sheet, sheetName))) {
    return formula;
  }
  return render(tokens, (t) =>
    renderRef(
      t.sheet !== null && sameSheet(t.sheet, sheetName) ? "#REF!" : t.prefix,
      t.start,
      t.end
    )
  );
}

/**
 * The defined names a formula refers to (as written, in order of first use): words that are not
 * cell references, function names (followed by "("), sheet names (followed by "!"), table names
 * (followed by "["), numbers, booleans or text inside string literals. A name qualified by a sheet
 * ("Sheet1!Total") is skipped: this host has no worksheet-scoped names.
 */
export function namesInFormula(formula: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const token of tokenizeFormula(formula)) {
    if (token.kind !== "text") continue;
    // String literals and bracketed parts (structured references) never hold a name.
    const text = token.text.replace(/"(?:[^"]|"")*"?/g, '""').replace(/\[[^\]]*\]?/g, "[]");
    let i = 0;
    while (i < text.length) {
      const ch = text[i] ?? "";
      if (!WORD_CHAR.test(ch)) {
        i += 1;
        continue;
      }
      const word = readWord(text, i);
      const before = text[i - 1] ?? "";
      i += word.length;
      let next = i;
      while (text[next] === " ") next += 1;
      const follower = text[next] ?? "";
      if (/^[0-9.$]/.test(word) || before === "!" || before === "#") continue;
      if (follower === "(" || follower === "!" || follower === "[" || text[i] === "!") continue;
      if (/^(TRUE|FALSE)$/i.test(word) || tryParseCellAddress(word) !== null) continue;
      const key = word.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        found.push(word);
      }
    }
  }
  return found;
}

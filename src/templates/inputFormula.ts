/**
 * What an input cell's formula may be for Capacity Planner to write it back (undo restores the formula
 * a user had typed over an input). The undo record lives in document settings, which anyone can edit:
 * written verbatim, it could plant any formula (WEBSERVICE, HYPERLINK, external links, DDE) in a
 * finance model. The template writes only values into inputs; users write arithmetic such as
 * "=CP_RentalRate*2" and, often, a rounding or a cap: "=ROUND(CP_GpuPrice*0.9,-2)", "=MIN(...)".
 *
 * So a formula is accepted only if it parses, whole, in this grammar (a tokenizer and a recursive
 * descent parser; Excel's en-US formula syntax, which is what Range.formulas reads and writes):
 *
 *   formula    := "=" expression
 *   expression := concat (("=" | "<>" | "<" | ">" | "<=" | ">=") concat)*
 *   concat     := additive ("&" additive)*
 *   additive   := term (("+" | "-") term)*
 *   term       := power (("*" | "/") power)*
 *   power      := unary ("^" unary)*
 *   unary      := ("+" | "-")* postfix
 *   postfix    := primary "%"*
 *   primary    := number | TRUE | FALSE | string | cell [":" cell] | name
 *               | function "(" expression ("," expression)* ")" | "(" expression ")"
 *
 * - function: one of INPUT_FORMULA_FUNCTIONS, written right before "(": pure, non-volatile worksheet
 *   functions that read nothing outside their arguments (no WEBSERVICE, HYPERLINK, INDIRECT, OFFSET,
 *   CALL, REGISTER, EXEC, RTD, FILTERXML, NOW, RAND...);
 * - cell: an A1 reference on the same sheet ($ allowed), inside Excel's grid; never a sheet ("!"),
 *   a workbook ("[") or a whole row / column;
 * - name: one of the sheet's own names (Excel compares names ignoring case);
 * - string: a literal of at most 255 characters (Excel's limit) without "|" (the DDE separator);
 * - nesting at most MAX_DEPTH deep (Excel allows 64 levels of function nesting).
 * Anything else, including space between operands (Excel's intersection) and a comma outside a
 * function's arguments (a union), is refused.
 */
import { tryParseCellAddress } from "../model/a1";

const MAX_INPUT_FORMULA_LENGTH = 1000;
const MAX_DEPTH = 64;
const MAX_STRING_LENGTH = 255;

/** The functions an input's formula may call; sorted, upper case. */
export const INPUT_FORMULA_FUNCTIONS: readonly string[] = Object.freeze([
  "ABS",
  "AND",
  "AVERAGE",
  "CEILING",
  "EXP",
  "FLOOR",
  "IF",
  "IFERROR",
  "INT",
  "LN",
  "LOG",
  "LOG10",
  "MAX",
  "MEDIAN",
  "MIN",
  "MOD",
  "MROUND",
  "NOT",
  "OR",
  "POWER",
  "PRODUCT",
  "ROUND",
  "ROUNDDOWN",
  "ROUNDUP",
  "SQRT",
  "SUM",
]);
const FUNCTIONS: ReadonlySet<string> = new Set(INPUT_FORMULA_FUNCTIONS);

type Token =
  | { readonly kind: "number" }
  | { readonly kind: "string" }
  | { readonly kind: "cell"; readonly text: string }
  | { readonly kind: "word"; readonly text: string; readonly call: boolean }
  | { readonly kind: "op"; readonly text: string };

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
/** A1 with optional $, as a whole token (not the start of a name like "AB12CD" or "LOG10("). */
const CELL_TOKEN = /\$?[A-Za-z]{1,3}\$?\d+(?![A-Za-z0-9_.(\\])/y;
const WORD = /[A-Za-z_\\][A-Za-z0-9_.]*/y;
const SPACE = /[ \t\r\n]+/y;
const OPERATORS = [
  "<>",
  "<=",
  ">=",
  "+",
  "-",
  "*",
  "/",
  "^",
  "%",
  "&",
  "=",
  "<",
  ">",
  "(",
  ")",
  ",",
  ":",
];
// A cell reference's shape, with no leading zero in the row: the allow-list accepts the plain spelling
// only. Whether it lies inside the grid is src/model/a1's to say.
const CELL = /^\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}$/;

/**
 * Splits the formula's body into tokens; null on any character the grammar does not know ("!", "[",
 * "|", "'", "#", "{", "@"...). Whitespace separates tokens and is otherwise dropped; a word directly
 * followed by "(" is a call.
 */
function tokenize(body: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  const sticky = (re: RegExp): string | null => {
    re.lastIndex = i;
    const m = re.exec(body);
    return m === null ? null : m[0];
  };
  while (i < body.length) {
    const space = sticky(SPACE);
    if (space !== null) {
      i += space.length;
      continue;
    }
    if (body[i] === '"') {
      // "" inside a string is a quote; the literal ends at the first lone quote.
      let j = i + 1;
      let text = "";
      for (;;) {
        if (j >= body.length) return null;
        if (body[j] === '"') {
          if (body[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          break;
        }
        text += body[j];
        j += 1;
      }
      if (text.length > MAX_STRING_LENGTH || text.includes("|")) return null;
      tokens.push({ kind: "string" });
      i = j + 1;
      continue;
    }
    const number = sticky(NUMBER);
    if (number !== null) {
      tokens.push({ kind: "number" });
      i += number.length;
      continue;
    }
    const cell = sticky(CELL_TOKEN);
    if (cell !== null) {
      tokens.push({ kind: "cell", text: cell });
      i += cell.length;
      continue;
    }
    const word = sticky(WORD);
    if (word !== null) {
      i += word.length;
      tokens.push({ kind: "word", text: word, call: body[i] === "(" });
      continue;
    }
    const op = OPERATORS.find((o) => body.startsWith(o, i));
    if (op === undefined) return null;
    tokens.push({ kind: "op", text: op });
    i += op.length;
  }
  return tokens;
}

/** Whether `text` is an A1 cell reference inside Excel's grid. */
function isCell(text: string): boolean {
  return CELL.test(text) && tryParseCellAddress(text) !== null;
}

class Parser {
  private at = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly names: ReadonlySet<string>
  ) {}

  /** The whole token list is one expression. */
  parseAll(): boolean {
    return this.tokens.length > 0 && this.expression() && this.at === this.tokens.length;
  }

  private peekOp(...ops: string[]): string | null {
    const t = this.tokens[this.at];
    return t !== undefined && t.kind === "op" && ops.includes(t.text) ? t.text : null;
  }

  /** Left-associative binary levels share one shape: operand (op operand)*. */
  private binary(ops: readonly string[], operand: () => boolean): boolean {
    if (!operand()) return false;
    while (this.peekOp(...ops) !== null) {
      this.at += 1;
      if (!operand()) return false;
    }
    return true;
  }

  private expression(): boolean {
    // Bounded: a tampered record must not overflow the stack, and Excel refuses deeper nesting.
    if (this.depth >= MAX_DEPTH) return false;
    this.depth += 1;
    const ok = this.binary(["=", "<>", "<", ">", "<=", ">="], () =>
      this.binary(["&"], () =>
        this.binary(["+", "-"], () =>
          this.binary(["*", "/"], () => this.binary(["^"], () => this.unary()))
        )
      )
    );
    this.depth -= 1;
    return ok;
  }

  private unary(): boolean {
    while (this.peekOp("+", "-") !== null) this.at += 1;
    if (!this.primary()) return false;
    while (this.peekOp("%") !== null) this.at += 1;
    return true;
  }

  private primary(): boolean {
    const t = this.tokens[this.at];
    if (t === undefined) return false;
    this.at += 1;
    if (t.kind === "number" || t.kind === "string") return true;
    if (t.kind === "op") return t.text === "(" && this.expression() && this.close();
    if (t.kind === "cell") return isCell(t.text) && (this.peekOp(":") === null || this.rangeEnd());
    const upper = t.text.toLocaleUpperCase("en-US");
    if (t.call) return FUNCTIONS.has(upper) && this.callArguments();
    if (upper === "TRUE" || upper === "FALSE") return true;
    return this.names.has(upper);
  }

  private rangeEnd(): boolean {
    this.at += 1; // ":"
    const t = this.tokens[this.at];
    if (t === undefined || t.kind !== "cell" || !isCell(t.text)) return false;
    this.at += 1;
    return true;
  }

  /** "(" expression ("," expression)* ")": at least one argument, none empty. */
  private callArguments(): boolean {
    if (this.peekOp("(") === null) return false;
    this.at += 1;
    if (!this.expression()) return false;
    while (this.peekOp(",") !== null) {
      this.at += 1;
      if (!this.expression()) return false;
    }
    return this.close();
  }

  private close(): boolean {
    if (this.peekOp(")") === null) return false;
    this.at += 1;
    return true;
  }
}

/**
 * Whether `formula` ("=...") is in the grammar above over `allowedNames` (the sheet's own names,
 * compared ignoring case). Anything else, including an unbalanced or empty expression, is refused.
 */
export function isSafeInputFormula(formula: string, allowedNames: readonly string[]): boolean {
  if (!formula.startsWith("=") || formula.length > MAX_INPUT_FORMULA_LENGTH) return false;
  const tokens = tokenize(formula.slice(1));
  if (tokens === null) return false;
  const names = new Set(allowedNames.map((n) => n.toLocaleUpperCase("en-US")));
  return new Parser(tokens, names).parseAll();
}

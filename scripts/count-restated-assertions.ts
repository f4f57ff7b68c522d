/**
 * Counts the numeric assertions of the finance unit tests and how many of them restate the formula
 * under test instead of pinning a number (issue 8, item 5). Run: npx tsx scripts/count-restated-assertions.ts
 *
 * A numeric assertion is `expect(actual).M(expected, ...)` with M one of toBe, toBeCloseTo, toEqual,
 * toStrictEqual, toBeLessThan(OrEqual), toBeGreaterThan(OrEqual), or a row helper call
 * `expectFlows(actual, expected)` / `expectRow(actual, expected)`, whose `expected` has a number type
 * or is an array of numbers (the type checker decides). Its `expected` is then classified:
 *   - pinned: numeric literals only (a number, -number, or an array of them);
 *   - relation: it calls a function (or reads a constant) imported from src/, with no arithmetic
 *     around the call: one core function checked against another (e.g. total == buildCashFlows);
 *   - restated: anything computed in the test: arithmetic (+ - * / **), Math.*, a local helper, or a
 *     name bound to such a value (constants are followed through the test file and fixtures.ts).
 * A relation with arithmetic around it (e.g. `energyCost(12 months) / 2`) counts as restated only
 * when the arithmetic involves a literal other than 0, 1, 2; halving or doubling a call is a relation.
 */
import { readdirSync } from "fs";
import { join } from "path";
import * as ts from "typescript";

const DIR = join(__dirname, "..", "tests", "unit", "model", "finance");
const FIXTURES = join(__dirname, "..", "tests", "support", "model", "finance", "fixtures.ts");
const MATCHERS = new Set([
  "toBe",
  "toBeCloseTo",
  "toEqual",
  "toStrictEqual",
  "toBeLessThan",
  "toBeLessThanOrEqual",
  "toBeGreaterThan",
  "toBeGreaterThanOrEqual",
]);
const ROW_HELPERS = new Set(["expectFlows", "expectRow"]);

type Kind = "pinned" | "relation" | "restated" | "not numeric";

/** What a const is bound to: its initializer, or for `const { a } = obj`, property a of obj. */
type Binding =
  { readonly init: ts.Expression } | { readonly from: ts.Expression; readonly key: string };

interface Scope {
  readonly consts: Map<string, Binding>;
  /** Names imported from src/. */
  readonly core: Set<string>;
}

function scopeOf(source: ts.SourceFile, into: Scope): void {
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const fromSrc = node.moduleSpecifier.text.includes("/src/");
      const bindings = node.importClause?.namedBindings;
      if (fromSrc && bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) into.core.add(element.name.text);
      }
    }
    if (ts.isVariableDeclaration(node) && node.initializer) {
      if (ts.isIdentifier(node.name)) {
        if (!into.consts.has(node.name.text))
          into.consts.set(node.name.text, { init: node.initializer });
      } else if (ts.isObjectBindingPattern(node.name)) {
        for (const element of node.name.elements) {
          if (ts.isIdentifier(element.name) && !into.consts.has(element.name.text)) {
            const key = element.propertyName?.getText() ?? element.name.text;
            into.consts.set(element.name.text, { from: node.initializer, key });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** The object literal an expression names (through consts), if any. */
function objectLiteralOf(
  expr: ts.Expression,
  scope: Scope
): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(expr)) return expr;
  if (ts.isIdentifier(expr)) {
    const b = scope.consts.get(expr.text);
    if (b && "init" in b) return objectLiteralOf(b.init, scope);
  }
  return undefined;
}

/** Property `key` of an object literal, if it is written there. */
function propertyOf(obj: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === key) return p.initializer;
  }
  return undefined;
}

/** The expression a binding stands for, following `{ a } = obj` and `obj.a` into object literals. */
function bindingValue(b: Binding, scope: Scope): ts.Expression | undefined {
  if ("init" in b) return b.init;
  const obj = objectLiteralOf(b.from, scope);
  return obj ? propertyOf(obj, b.key) : b.from;
}

const ARITHMETIC = new Set([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.AsteriskAsteriskToken,
]);

interface Traits {
  literalOnly: boolean;
  arithmetic: boolean;
  /** Arithmetic with a literal other than 0, 1 or 2 in it. */
  arithmeticWithConstant: boolean;
  coreCall: boolean;
  localComputation: boolean;
  nonNumeric: boolean;
}

function traitsOf(expr: ts.Expression, scope: Scope, seen: Set<string>): Traits {
  const t: Traits = {
    literalOnly: true,
    arithmetic: false,
    arithmeticWithConstant: false,
    coreCall: false,
    localComputation: false,
    nonNumeric: false,
  };
  const merge = (o: Traits): void => {
    t.literalOnly &&= o.literalOnly;
    t.arithmetic ||= o.arithmetic;
    t.arithmeticWithConstant ||= o.arithmeticWithConstant;
    t.coreCall ||= o.coreCall;
    t.localComputation ||= o.localComputation;
    t.nonNumeric ||= o.nonNumeric;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isNumericLiteral(node)) return;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      node.kind === ts.SyntaxKind.TrueKeyword ||
      node.kind === ts.SyntaxKind.FalseKeyword ||
      node.kind === ts.SyntaxKind.NullKeyword ||
      ts.isObjectLiteralExpression(node)
    ) {
      t.nonNumeric = true;
      return;
    }
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
      visit(node.operand);
      return;
    }
    if (ts.isArrayLiteralExpression(node) || ts.isParenthesizedExpression(node)) {
      ts.forEachChild(node, visit);
      return;
    }
    t.literalOnly = false;
    if (ts.isBinaryExpression(node) && ARITHMETIC.has(node.operatorToken.kind)) {
      t.arithmetic = true;
      for (const side of [node.left, node.right]) {
        if (ts.isNumericLiteral(side) && !["0", "1", "2"].includes(side.text)) {
          t.arithmeticWithConstant = true;
        }
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : undefined;
      if (name !== undefined && scope.core.has(name)) t.coreCall = true;
      else t.localComputation = true;
      node.arguments.forEach((a) => {
        // Arguments of a core call are its inputs, not a computation of the expected value.
        if (!(name !== undefined && scope.core.has(name))) visit(a);
      });
      return;
    }
    if (ts.isIdentifier(node)) {
      if (scope.core.has(node.text)) {
        t.coreCall = true;
        return;
      }
      const binding = scope.consts.get(node.text);
      const init = binding && bindingValue(binding, scope);
      if (init && !seen.has(node.text)) {
        seen.add(node.text);
        merge(traitsOf(init, scope, seen));
      } else {
        t.localComputation = true;
      }
      return;
    }
    if (ts.isPropertyAccessExpression(node)) {
      const obj = objectLiteralOf(node.expression, scope);
      const value = obj && propertyOf(obj, node.name.text);
      if (value) merge(traitsOf(value, scope, seen));
      else visit(node.expression);
      return;
    }
    if (ts.isElementAccessExpression(node)) {
      visit(node.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(expr);
  return t;
}

function classify(expected: ts.Expression, scope: Scope): Kind {
  const t = traitsOf(expected, scope, new Set());
  if (t.nonNumeric) return "not numeric";
  if (t.literalOnly) return "pinned";
  if (t.coreCall && !t.localComputation && !t.arithmeticWithConstant) return "relation";
  return "restated";
}

/** Does the checker type `expr` as a number, or a list of numbers? */
function isNumeric(expr: ts.Expression, checker: ts.TypeChecker): boolean {
  const type = checker.getTypeAtLocation(expr);
  const numberLike = (t: ts.Type): boolean =>
    (t.flags & ts.TypeFlags.NumberLike) !== 0 ||
    (t.isUnion() && t.types.every((u) => (u.flags & ts.TypeFlags.NumberLike) !== 0));
  if (numberLike(type)) return true;
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const element = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
    return element !== undefined && numberLike(element);
  }
  return false;
}

function assertionsOf(
  source: ts.SourceFile,
  scope: Scope,
  checker: ts.TypeChecker
): { kind: Kind; line: number; text: string }[] {
  const found: { kind: Kind; line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    // The row helpers' own bodies are not assertions: their call sites are counted.
    if (ts.isFunctionDeclaration(node) && node.name && ROW_HELPERS.has(node.name.text)) return;
    if (ts.isCallExpression(node)) {
      let expected: ts.Expression | undefined;
      const callee = node.expression;
      if (
        ts.isPropertyAccessExpression(callee) &&
        MATCHERS.has(callee.name.text) &&
        ts.isCallExpression(callee.expression) &&
        ts.isIdentifier(callee.expression.expression) &&
        callee.expression.expression.text === "expect"
      ) {
        expected = node.arguments[0];
      } else if (
        ts.isIdentifier(callee) &&
        ROW_HELPERS.has(callee.text) &&
        node.arguments.length === 2
      ) {
        expected = node.arguments[1];
      }
      if (expected) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        const kind = isNumeric(expected, checker) ? classify(expected, scope) : "not numeric";
        found.push({ kind, line, text: expected.getText(source) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const ROOT = join(__dirname, "..");
const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
const testFiles = readdirSync(DIR)
  .filter((f) => f.endsWith(".test.ts"))
  .sort()
  .map((f) => join(DIR, f));
const program = ts.createProgram([...testFiles, FIXTURES], options);
const checker = program.getTypeChecker();
const parse = (file: string): ts.SourceFile => {
  const source = program.getSourceFile(file);
  if (source === undefined) throw new Error(`Not in the program: ${file}`);
  return source;
};

const fixtures: Scope = { consts: new Map(), core: new Set() };
scopeOf(parse(FIXTURES), fixtures);

const totals = new Map<Kind, number>();
const verbose = process.argv.includes("--list");
for (const file of testFiles) {
  const name = file.slice(DIR.length + 1);
  const scope: Scope = { consts: new Map(fixtures.consts), core: new Set(fixtures.core) };
  const source = parse(file);
  scopeOf(source, scope);
  const list = assertionsOf(source, scope, checker).filter((a) => a.kind !== "not numeric");
  const count = (k: Kind): number => list.filter((a) => a.kind === k).length;
  console.log(
    `${name.padEnd(24)} numeric ${String(list.length).padStart(3)}  pinned ${String(count("pinned")).padStart(3)}  relation ${String(count("relation")).padStart(3)}  restated ${String(count("restated")).padStart(3)}`
  );
  for (const a of list) {
    totals.set(a.kind, (totals.get(a.kind) ?? 0) + 1);
    if (verbose && a.kind !== "pinned")
      console.log(`  ${a.kind.padEnd(8)} :${a.line} ${a.text.replace(/\s+/g, " ")}`);
  }
}
const all = [...totals.values()].reduce((a, b) => a + b, 0);
console.log(
  `TOTAL                    numeric ${all}  pinned ${totals.get("pinned") ?? 0}  relation ${totals.get("relation") ?? 0}  restated ${totals.get("restated") ?? 0}`
);

/**
 * Which Office JavaScript API members a set of source files uses, and the requirement set each needs,
 * read with the TypeScript checker (so `previous.formula` on a plain object is not mistaken for
 * `Excel.NamedItem.formula`) from the `[Api set: ExcelApi 1.7]` remarks Microsoft writes on every
 * member in @types/office-js. A use inside `if (...isSetSupported("ExcelApi", "1.x"))` is optional:
 * the code guards it, so the manifest need not require that set.
 */
import * as path from "path";
import * as ts from "typescript";

export interface ApiUse {
  /** Fully qualified, e.g. "Excel.NamedItem.formula". */
  readonly member: string;
  /** e.g. { name: "ExcelApi", version: "1.7" }; null when the typings name no set. */
  readonly set: { readonly name: string; readonly version: string } | null;
  readonly file: string;
  readonly line: number;
  /** Inside a branch that runs only when isSetSupported(set, >= version) is true. */
  readonly guarded: boolean;
}

const TYPINGS = /[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/;
const API_SET = /\[Api set: ([A-Za-z]+) ([0-9]+(?:\.[0-9]+)*)/g;

/** Compares "1.10" and "1.7" numerically. */
export function compareSetVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The sets a declaration's doc comment names (a member lists one; a few list one per host). */
function declaredSets(declaration: ts.Declaration): { name: string; version: string }[] {
  const source = declaration.getSourceFile();
  const comment = source.text.slice(declaration.getFullStart(), declaration.getStart(source));
  return Array.from(comment.matchAll(API_SET), (m) => ({ name: m[1], version: m[2] }));
}

/** The lowest set among the declarations that the use can resolve to (overloads each carry one). */
function setOf(declarations: readonly ts.Declaration[]): ApiUse["set"] {
  const sets = declarations.flatMap(declaredSets);
  if (sets.length === 0) return null;
  return sets.reduce((low, s) =>
    s.name === low.name && compareSetVersions(s.version, low.version) < 0 ? s : low
  );
}

const GUARD = /isSetSupported\(\s*["']([A-Za-z]+)["']\s*,\s*["']([0-9.]+)["']\s*\)/;

function isGuarded(node: ts.Node, set: ApiUse["set"], source: ts.SourceFile): boolean {
  if (set === null) return false;
  for (
    let child: ts.Node = node, parent = node.parent;
    parent;
    child = parent, parent = parent.parent
  ) {
    if (!ts.isIfStatement(parent) || parent.thenStatement !== child) continue;
    const guard = GUARD.exec(parent.expression.getText(source));
    if (guard && guard[1] === set.name && compareSetVersions(guard[2], set.version) >= 0)
      return true;
  }
  return false;
}

function compilerOptions(tsconfig: string): ts.CompilerOptions {
  const read = ts.readConfigFile(tsconfig, (file) => ts.sys.readFile(file));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfig)).options;
}

/** Every Office API member the files use (uses in other files of the program are not reported). */
export function officeApiUses(files: readonly string[], tsconfig: string): ApiUse[] {
  const program = ts.createProgram({
    rootNames: [...files],
    options: { ...compilerOptions(tsconfig), noEmit: true },
  });
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`${file} is not part of the program`);
    const record = (
      symbol: ts.Symbol | undefined,
      at: ts.Node,
      call: ts.CallExpression | null
    ): void => {
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const declarations = (symbol?.declarations ?? []).filter((d) =>
        TYPINGS.test(d.getSourceFile().fileName)
      );
      if (symbol === undefined || declarations.length === 0) return;
      // A call resolves to one overload: take that one's set when the checker knows it.
      const resolved = call ? checker.getResolvedSignature(call)?.declaration : undefined;
      const chosen =
        resolved && TYPINGS.test(resolved.getSourceFile().fileName) ? [resolved] : declarations;
      const set = setOf(chosen);
      uses.push({
        member: checker.getFullyQualifiedName(symbol),
        set,
        file: path.relative(process.cwd(), file),
        line: source.getLineAndCharacterOfPosition(at.getStart(source)).line + 1,
        guarded: isGuarded(at, set, source),
      });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const call =
          ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : null;
        record(checker.getSymbolAtLocation(node.name), node.name, call);
      } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        // `const { ErrorCode } = CustomFunctions` reads a member too.
        const key = node.propertyName ?? node.name;
        if (ts.isIdentifier(key)) {
          const type = checker.getTypeAtLocation(node.parent);
          record(type.getProperty(key.text), key, null);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

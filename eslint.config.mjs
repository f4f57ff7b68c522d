/**
 * The project's ESLint configuration. `office-addin-lint check` (npm run lint) uses this file when it
 * exists at the project root, in place of its built-in one, so it starts from the same rules:
 * eslint-plugin-office-addins' recommended set (with prettier), for src/ as before.
 *
 * It adds the house's import boundaries (README, Layout), for every linted file (src, tests, scripts):
 *  - product code (src/ outside src/dev) never imports src/dev: dev tooling must not reach a bundle;
 *  - src/model imports nothing outside src/model but zod: the core stays pure (no Office, DOM, network);
 *  - outside src/dev/excel-host, the in-memory host is imported only through its index.ts;
 *  - src/functions and src/taskpane never import each other: they are two bundles of one runtime, and what
 *    both need (the active library, the saved copy) is shared state in src/shared-state, which in turn
 *    imports only src/model (data flows one way: core -> shared state -> adapters);
 *  - src/ and scripts/ never import tests/: helpers the tests share with the scripts live in scripts/support.
 * tests/unit/tooling/lintRules.test.ts lints a fixture for each boundary, so a rule that stops
 * firing fails the tests.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.join(ROOT, "src");
const SCRIPTS = path.join(ROOT, "scripts");
const TESTS = path.join(ROOT, "tests");
const DEV = path.join(SRC, "dev");
const HOST = path.join(DEV, "excel-host");
const MODEL = path.join(SRC, "model");
const FUNCTIONS = path.join(SRC, "functions");
const TASKPANE = path.join(SRC, "taskpane");
const SHARED_STATE = path.join(SRC, "shared-state");
/** Packages the core may use: zod validates the library at its boundary (DESIGN: validate with zod). */
const MODEL_PACKAGES = new Set(["zod"]);

/** Whether `file` is `dir` or inside it. */
function within(dir, file) {
  const rel = path.relative(dir, file);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** The host's entry point, as an import resolves it: the folder itself, or index(.ts). */
function isHostIndex(target) {
  return (
    target === HOST || target === path.join(HOST, "index") || target === path.join(HOST, "index.ts")
  );
}

/** @type {import("eslint").Rule.RuleModule} */
const importBoundaries = {
  meta: {
    type: "problem",
    docs: {
      description:
        "Keep dev tooling out of the product, the core pure, the host behind its index, the bundles apart, tests last",
    },
    schema: [],
    messages: {
      productImportsDev:
        "Product code must not import src/dev (dev tooling that never ships): '{{source}}'.",
      modelImportsOutside:
        "src/model imports nothing outside src/model (only zod among packages): '{{source}}'.",
      hostDeepImport:
        "Import the in-memory host through its index ('src/dev/excel-host'), not '{{source}}'.",
      bundleImportsOtherBundle:
        "{{from}} must not import {{to}} (the other bundle): '{{source}}'. Shared state belongs in src/shared-state, shared pure code in src/model.",
      importsTests:
        "src/ and scripts/ must not import tests/ (shared dev helpers live in scripts/support): '{{source}}'.",
      sharedStateImportsOutside:
        "src/shared-state imports only itself and src/model (it sits below both bundles): '{{source}}'.",
    },
  },
  create(context) {
    const file = path.resolve(context.filename);
    const inProduct = within(SRC, file) && !within(DEV, file);
    const inModel = within(MODEL, file);
    const inHost = within(HOST, file);
    const inFunctions = within(FUNCTIONS, file);
    const inTaskpane = within(TASKPANE, file);
    const inSharedState = within(SHARED_STATE, file);
    const outsideTests = within(SRC, file) || within(SCRIPTS, file);

    function check(node, source) {
      if (typeof source !== "string") return;
      const relative =
        source.startsWith("./") || source.startsWith("../") || source === "." || source === "..";
      if (!relative) {
        // Bare specifiers are packages (the project has no path aliases).
        if (inModel && !MODEL_PACKAGES.has(source)) {
          context.report({ node, messageId: "modelImportsOutside", data: { source } });
        }
        return;
      }
      const target = path.resolve(path.dirname(file), source);
      if (inProduct && within(DEV, target)) {
        context.report({ node, messageId: "productImportsDev", data: { source } });
      }
      if (inModel && !within(MODEL, target)) {
        context.report({ node, messageId: "modelImportsOutside", data: { source } });
      }
      if (!inHost && within(HOST, target) && !isHostIndex(target)) {
        context.report({ node, messageId: "hostDeepImport", data: { source } });
      }
      if (inFunctions && within(TASKPANE, target)) {
        const data = { source, from: "src/functions", to: "src/taskpane" };
        context.report({ node, messageId: "bundleImportsOtherBundle", data });
      }
      if (inTaskpane && within(FUNCTIONS, target)) {
        const data = { source, from: "src/taskpane", to: "src/functions" };
        context.report({ node, messageId: "bundleImportsOtherBundle", data });
      }
      if (outsideTests && within(TESTS, target)) {
        context.report({ node, messageId: "importsTests", data: { source } });
      }
      if (inSharedState && !within(SHARED_STATE, target) && !within(MODEL, target)) {
        context.report({ node, messageId: "sharedStateImportsOutside", data: { source } });
      }
    }

    const literal = (node) => (node && node.type === "Literal" ? node.value : undefined);
    return {
      // import ... from "x"; export ... from "x"; export * from "x"
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      // import("x") at run time and in types: a lazy chunk or a type is still a dependency.
      ImportExpression: (node) => check(node.source, literal(node.source)),
      TSImportType: (node) => {
        // typescript-eslint 8 names the specifier `source`; older versions only `argument` (a literal type).
        if (node.source) return check(node.source, literal(node.source));
        const arg =
          node.argument && node.argument.type === "TSLiteralType" ? node.argument.literal : null;
        check(node, literal(arg));
      },
      // import x = require("x"), and require("x") in CommonJS scripts.
      TSExternalModuleReference: (node) => check(node.expression, literal(node.expression)),
      CallExpression: (node) => {
        if (
          node.callee.type === "Identifier" &&
          node.callee.name === "require" &&
          node.arguments.length === 1
        ) {
          check(node.arguments[0], literal(node.arguments[0]));
        }
      },
    };
  },
};

/**
 * typescript-eslint's plugin as eslint-plugin-office-addins registers it (its own nested copy: ESLint
 * refuses a second, different object under the same name).
 */
const tsPlugin = officeAddins.configs.recommended.find(
  (c) => c.plugins && c.plugins["@typescript-eslint"]
).plugins["@typescript-eslint"];

const LINTED = "**/*.{ts,tsx,js,jsx,mjs,cjs}";
const PRODUCT_STYLE = "src/**/*.{ts,tsx,js,jsx}";

export default [
  // office-addin-lint's own configuration (its config/eslint.config.mjs), as before: for src/ only,
  // since tests and scripts were never held to it (npm run lint checked src/ alone).
  ...officeAddins.configs.recommended.map((config) => ({ ...config, files: [PRODUCT_STYLE] })),
  {
    files: [PRODUCT_STYLE],
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    files: [LINTED],
    // typescript-eslint's plugin is registered for tests and scripts too, so disable comments that name
    // its rules resolve there, where its rules are not on.
    plugins: {
      capplan: { rules: { "import-boundaries": importBoundaries } },
      "@typescript-eslint": tsPlugin,
    },
    languageOptions: { parser: tsParser, sourceType: "module" },
    rules: { "capplan/import-boundaries": "error" },
  },
  {
    // Tests and scripts carry disable comments for typescript-eslint's rules (for editors running them);
    // with only the boundaries on here, those would all be reported as unused.
    files: ["tests/**", "scripts/**"],
    linterOptions: { reportUnusedDisableDirectives: "off" },
  },
];

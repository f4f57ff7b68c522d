/**
 * The house's import boundaries (eslint.config.mjs, rule capplan/import-boundaries) fire on small
 * fixtures linted with the project's configuration, the one `office-addin-lint check` uses: a rule
 * that stops working, or a configuration that stops applying it, fails here rather than silently.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../support/dist";

interface Fixture {
  /** Where the code claims to live: the boundaries depend on the importing file's folder. */
  readonly file: string;
  readonly code: string;
}

interface Finding {
  readonly ruleId: string | null;
  readonly messageId?: string;
  readonly line: number;
}

/**
 * ESLint loads its flat config with a dynamic import(), which Jest's module sandbox refuses (it needs
 * --experimental-vm-modules); so the fixtures are linted by ESLint's Node API in a child Node process,
 * with lintText (nothing is written into src/), and the findings come back as JSON.
 */
const LINT_SCRIPT = `
import { ESLint } from "eslint";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ overrideConfigFile: "eslint.config.mjs" });
const findings = [];
for (const { file, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: file });
  findings.push(result.messages.map(({ ruleId, messageId, line }) => ({ ruleId, messageId, line })));
}
process.stdout.write(JSON.stringify(findings));
`;

function lintAll(fixtures: readonly Fixture[]): Finding[][] {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", LINT_SCRIPT], {
    cwd: REPO_ROOT,
    input: JSON.stringify(fixtures),
    encoding: "utf8",
    // stderr is kept (execFileSync puts it in the error when ESLint fails) rather than printed: the
    // TSImportType fixture makes office-addins' nested typescript-eslint print a deprecation notice.
    stdio: ["pipe", "pipe", "pipe"],
  });
  return JSON.parse(out) as Finding[][];
}

const RULE = "capplan/import-boundaries";

/** Each fixture with the boundary messages it must raise, in order of lines (none: allowed). */
const CASES: ReadonlyArray<readonly [string, Fixture, readonly string[]]> = [
  [
    "product code imports the host",
    {
      file: "src/taskpane/fixture.ts",
      code: 'import { createMemoryExcel } from "../dev/excel-host";\n',
    },
    ["productImportsDev"],
  ],
  [
    "product code re-exports from the workbench",
    {
      file: "src/functions/fixture.ts",
      code: 'export { mountGrid } from "../dev/workbench/grid";\n',
    },
    ["productImportsDev"],
  ],
  [
    "product code loads src/dev lazily or in a type",
    {
      file: "src/excel/fixture.ts",
      code:
        'export const host = import("../dev/excel-host");\n' +
        'export type Store = import("../dev/excel-host").CellStore;\n',
    },
    ["productImportsDev", "productImportsDev"],
  ],
  [
    "the core imports the Excel layer",
    {
      file: "src/model/finance/fixture.ts",
      code: 'import { userMessage } from "../../excel/errors";\n',
    },
    ["modelImportsOutside"],
  ],
  [
    "the core imports a package other than zod",
    { file: "src/model/fixture.ts", code: 'import * as fs from "node:fs";\n' },
    ["modelImportsOutside"],
  ],
  [
    "the core imports zod, its own folders and its JSON (allowed)",
    {
      file: "src/model/library/fixture.ts",
      code:
        'import { z } from "zod";\n' +
        'import { npv } from "../finance/npv";\n' +
        'import library from "./default-library.json";\n',
    },
    [],
  ],
  [
    "a test imports a file of the host",
    {
      file: "tests/unit/fixture.test.ts",
      code: 'import { parseAddress } from "../../src/dev/excel-host/address";\n',
    },
    ["hostDeepImport"],
  ],
  [
    "the workbench imports a file of the host",
    {
      file: "src/dev/workbench/fixture.ts",
      code: 'import type { CellStore } from "../excel-host/cellStore";\n',
    },
    ["hostDeepImport"],
  ],
  [
    "a CommonJS script requires a file of the host",
    {
      file: "scripts/fixture.js",
      code: 'const { MemoryCellStore } = require("../src/dev/excel-host/cellStore");\n',
    },
    ["hostDeepImport"],
  ],
  [
    "tests and the workbench import the host's index; the host its own files (allowed)",
    {
      file: "tests/unit/fixture.test.ts",
      code:
        'import { MemoryCellStore } from "../../src/dev/excel-host";\n' +
        'import { createMemoryExcel } from "../../src/dev/excel-host/index";\n',
    },
    [],
  ],
  [
    "the host imports its own files; dev tooling imports dev tooling (allowed)",
    {
      file: "src/dev/excel-host/fixture.ts",
      code: 'import { MemoryCellStore } from "./cellStore";\nimport { grid } from "../workbench/grid";\n',
    },
    [],
  ],
  [
    "the sidebar imports the functions bundle",
    {
      file: "src/taskpane/fixture.ts",
      code:
        'import { resolveArgs } from "../functions/coerce";\n' +
        'export type Lookups = import("../functions/lookups").Lookups;\n',
    },
    ["bundleImportsOtherBundle", "bundleImportsOtherBundle"],
  ],
  [
    "the functions bundle imports the sidebar",
    {
      file: "src/functions/fixture.ts",
      code: 'export { plural } from "../taskpane/format";\n',
    },
    ["bundleImportsOtherBundle"],
  ],
  [
    "the shared state imports an adapter",
    {
      file: "src/shared-state/fixture.ts",
      code: 'import { recalculate } from "../excel/recalculate";\n',
    },
    ["sharedStateImportsOutside"],
  ],
  [
    "the sidebar imports the shared state (allowed)",
    {
      file: "src/taskpane/fixture.ts",
      code:
        'import { getActiveLibrary } from "../shared-state/activeLibrary";\n' +
        'import { readCachedLibrary } from "../shared-state/libraryCache";\n',
    },
    [],
  ],
  [
    "the shared state imports the core and its own files (allowed)",
    {
      file: "src/shared-state/fixture.ts",
      code:
        'import { buildIndex } from "../model/library/indexLibrary";\n' +
        'import type { LibrarySource } from "./activeLibrary";\n',
    },
    [],
  ],
  [
    "a script imports a test helper",
    {
      file: "scripts/fixture.ts",
      code: 'import { excelError } from "../tests/support/customFunctionsRuntime";\n',
    },
    ["importsTests"],
  ],
  [
    "dev tooling requires a test fixture",
    {
      file: "src/dev/workbench/fixture.js",
      code: 'const library = require("../../../tests/fixtures/library.json");\n',
    },
    ["importsTests"],
  ],
  [
    "tests import the helpers of scripts/support (allowed)",
    {
      file: "tests/support/fixture.ts",
      code: 'export { loadBuiltFunctions } from "../../scripts/support/customFunctionsRuntime";\n',
    },
    [],
  ],
];

/** office-addin-lint's own rules still hold src/ (and only src/, as before this configuration). */
const STYLE_IN_SRC: Fixture = {
  file: "src/taskpane/fixture.ts",
  code: 'export const x = eval("1");\n',
};
const STYLE_IN_TESTS: Fixture = {
  file: "tests/unit/fixture.test.ts",
  code: 'export const x = eval("1");\n',
};

describe("lint: import boundaries", () => {
  let findings: Finding[][] = [];
  beforeAll(() => {
    findings = lintAll([...CASES.map(([, fixture]) => fixture), STYLE_IN_SRC, STYLE_IN_TESTS]);
  }, 60_000);

  it.each(CASES.map(([name, , expected], index) => [name, index, expected] as const))(
    "%s",
    (_name, index, expected) => {
      // Given the fixture, When it is linted with the project configuration,
      const boundary = findings[index].filter((f) => f.ruleId === RULE);
      // Then exactly the expected boundary messages are reported, and nothing else fails to parse.
      expect(boundary.map((f) => f.messageId)).toEqual(expected);
      expect(findings[index].filter((f) => f.ruleId === null)).toEqual([]);
    }
  );

  it("keeps office-addin-lint's recommended rules on src/, not on tests", () => {
    const [inSrc, inTests] = findings.slice(CASES.length);
    expect(inSrc.map((f) => f.ruleId)).toContain("no-eval");
    expect(inTests).toEqual([]);
  });

  it("npm run lint checks tests and scripts too, so the boundaries apply to them", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.lint).toMatch(
      /^office-addin-lint check --files "\{src,tests,scripts\}\/\*\*\//
    );
  });
});

/** The CLI as a publisher runs it: a real process through tsx, checked by exit code and output. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { validateTeamLibraryText } from "../../../src/model/library/teamLibrary";
import { withChange } from "../../support/model/library/libraryFixtures";

const REPO = path.resolve(__dirname, "../../..");
const TSX = path.join(REPO, "node_modules", ".bin", "tsx");
const CLI = path.join(REPO, "scripts", "library-cli.ts");
const DEFAULT_FILE = path.join(REPO, "src", "model", "library", "default-library.json");

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), "library-cli-"));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function writeJson(name: string, content: unknown): string {
  const file = path.join(workDir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

function cli(...args: string[]) {
  const result = spawnSync(TSX, [CLI, ...args], { cwd: REPO, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

jest.setTimeout(120_000);

describe("library-cli", () => {
  it("prints OK with counts for the default library", () => {
    // Given the default library file
    // When validated
    const run = cli("validate", DEFAULT_FILE);
    // Then it prints OK with counts and exits 0
    expect(run.stdout.trim()).toBe(
      "OK Capacity Planner default library 1.1.0: 7 GPUs, 16 offers, 5 regions, 7 scenarios"
    );
    expect(run.code).toBe(0);
  });

  it("prints each problem as path: message", () => {
    // Given a library with two problems
    const file = writeJson(
      "bad.json",
      withChange("meta.version", "1", withChange("scenarios.enterprise-1k-h100.gpu", "h100"))
    );
    // When validated
    const run = cli("validate", file);
    // Then each problem is printed as path: message and it exits 1
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("meta.version: must be a semantic version");
    expect(run.stdout).toBe("");
  });

  it("prints line and column for malformed JSON", () => {
    // Given malformed JSON
    // When validated
    const run = cli("validate", writeJson("broken.json", '{\n  "meta": {\n}'));
    // Then the line and column are printed and it exits 1
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "(root): malformed JSON at line 3, column 2: unexpected end of input"
    );
  });

  it("reports deep nesting instead of crashing", () => {
    // Given JSON nested 100,000 deep (issue 7)
    // When validated
    const run = cli("validate", writeJson("deep.json", "[".repeat(100_000)));
    // Then it reports the depth and exits 1 instead of crashing
    expect(run.stderr).not.toContain("RangeError");
    expect(run.stderr).toContain("(root): JSON nested deeper than 64 levels");
    expect(run.code).toBe(1);
  });

  it("names the first byte that is not UTF-8", () => {
    // Given a file saved as Windows-1252 (issue 7)
    const text = JSON.stringify(withChange("meta.publisher", "Caf\u00e9"));
    const file = path.join(workDir, "cp1252.json");
    writeFileSync(file, Buffer.from(text, "latin1"));
    // When validated
    const run = cli("validate", file);
    // Then it says the file is not UTF-8 and at which byte
    expect(run.stderr).toMatch(/\(root\): the library is not UTF-8: byte \d+ \(0xE9\)/);
    expect(run.code).toBe(1);
  });

  it("layers a team library with --team", () => {
    // Given a team library
    const team = {
      meta: {
        ...VALIDATED_BUNDLED_LIBRARY.meta,
        id: "acme",
        name: "ACME library",
        version: "0.3.0",
      },
      financing: {
        discountRate: {
          value: 0.09,
          unit: "fraction per year",
          source: "ACME WACC memo",
          asOf: "2026-11",
        },
      },
    };
    // When validated with --team
    const run = cli("validate", writeJson("team.json", team), "--team");
    // Then it is layered over the default and summarized
    expect(run.stdout.trim()).toBe(
      "OK ACME library 0.3.0: 7 GPUs, 16 offers, 5 regions, 7 scenarios"
    );
    expect(run.code).toBe(0);
  });

  it("lists exactly the sidebar's problems for a team library and exits 1", () => {
    // Given a team entry the bundled library does not have, with only a name
    const team = {
      meta: {
        ...VALIDATED_BUNDLED_LIBRARY.meta,
        id: "acme",
        name: "ACME library",
        version: "0.3.0",
      },
      gpus: { "acme-x1": { name: "ACME X1" } },
    };
    const file = writeJson("team-incomplete.json", team);
    // When the CLI validates it as a team library
    const run = cli("validate", file, "--team");
    // Then it prints exactly the problems the sidebar's validation finds (one function for both), then the count
    const sidebar = validateTeamLibraryText(
      JSON.stringify(team, null, 2),
      VALIDATED_BUNDLED_LIBRARY
    );
    expect(sidebar.ok).toBe(false);
    const lines = sidebar.ok
      ? []
      : sidebar.issues.map((issue) => `${issue.path}: ${issue.message}`);
    expect(lines[0]).toBe("gpus.acme-x1.vendor: is required (expected string)");
    expect(run.stderr.trim().split("\n")).toEqual([...lines, `9 problems in ${file}`]);
    expect(run.code).toBe(1);
  });

  it("explains wrong usage and exits 2", () => {
    // Given wrong usage or a missing file
    // When run
    const noArgs = cli();
    // Then it explains and exits 2
    expect(noArgs.code).toBe(2);
    expect(noArgs.stderr).toContain("usage: library-cli validate FILE [--team]");
    const missing = cli("validate", path.join(workDir, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read");
  });
});

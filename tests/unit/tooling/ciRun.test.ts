/**
 * .ci/run on a fresh machine, with `npm` and `apt-get` replaced by recorders on PATH: what it would install and
 * what it prints, without installing or testing anything for real.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../../support/dist";

const CI_RUN = path.join(REPO_ROOT, ".ci", "run");

let bin: string;
let calls: string;

beforeEach(() => {
  bin = fs.mkdtempSync(path.join(os.tmpdir(), "capplan-ci-run-"));
  calls = path.join(bin, "calls.log");
  const recorder = (name: string, body: string) => {
    const file = path.join(bin, name);
    fs.writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> "${calls}"\n${body}\n`);
    fs.chmodSync(file, 0o755);
  };
  // `npm test` prints the two Jest summaries (unit..integration, then e2e) and exits as FAKE_TEST_STATUS says.
  recorder(
    "npm",
    [
      'case "$1" in',
      "  --version) echo 10.9.0 ;;",
      '  test) echo "Tests:       1 failed, 1224 passed, 1225 total"; echo "Tests:       9 passed, 9 total";',
      '        exit "${FAKE_TEST_STATUS:-0}" ;;',
      "esac",
    ].join("\n")
  );
  recorder("apt-get", "exit 0");
});

afterEach(() => fs.rmSync(bin, { recursive: true, force: true }));

function ciRun(testStatus: number) {
  const result = spawnSync("bash", [CI_RUN], {
    encoding: "utf8",
    timeout: 30000,
    env: {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
      // A machine without Debian's chromium: the old script installed it with apt here.
      CHROMIUM_PATH: path.join(bin, "no-such-chromium"),
      FAKE_TEST_STATUS: String(testStatus),
    },
  });
  const lines = result.stdout.trim().split("\n");
  const recorded = fs.existsSync(calls) ? fs.readFileSync(calls, "utf8").trim().split("\n") : [];
  return { status: result.status, last: lines[lines.length - 1], recorded, stderr: result.stderr };
}

// .ci/run is a bash script for Linux CI machines.
(process.platform === "win32" ? describe.skip : describe)(".ci/run", () => {
  it("installs nothing with apt", () => {
    // Given a machine without Debian's chromium
    // When CI runs
    const { recorded } = ciRun(0);
    // Then nothing is installed with apt (the e2e browser comes from npm)
    expect(recorded.filter((call) => call.startsWith("apt-get"))).toEqual([]);
    expect(recorded).toEqual([
      "npm --version",
      "npm ci --no-audit --no-fund",
      "npm run typecheck",
      "npm run lint",
      "npm test",
    ]);
  });

  it("closes with one line over both Jest runs", () => {
    // Given passing tests
    // When CI runs
    const { status, last } = ciRun(0);
    // Then it ends with the closing line over both Jest runs and exits 0
    expect(last).toBe("tests: 1233 passed, 1 failed");
    expect(status).toBe(0);
  });

  it("exits with the tests' status after the closing line", () => {
    // Given failing tests
    // When CI runs
    const { status, last } = ciRun(1);
    // Then it still prints the closing line, and exits with the tests' status
    expect(last).toBe("tests: 1233 passed, 1 failed");
    expect(status).toBe(1);
  });
});

/**
 * .ci/run on a fresh machine, with `npm`, `apt-get` and `id` replaced by recorders on PATH (and LibreOffice's
 * soffice by a stand-in named in CAPPLAN_SOFFICE): what it would install and what it prints, without installing
 * or testing anything for real.
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
      '  run) if [ "$2" = test:compat ]; then echo "Tests:       3 passed, 3 total"; exit "${FAKE_COMPAT_STATUS:-0}"; fi ;;',
      "esac",
    ].join("\n")
  );
  // apt-get "installs" LibreOffice: the soffice CI looks for exists afterwards.
  recorder(
    "apt-get",
    `if [ "$1" = install ]; then printf '#!/bin/sh\\nexit 0\\n' > "${bin}/fake-soffice"; chmod +x "${bin}/fake-soffice"; fi`
  );
  recorder("id", 'echo "${FAKE_UID:-0}"');
});

afterEach(() => fs.rmSync(bin, { recursive: true, force: true }));

interface CiOptions {
  /** Whether LibreOffice's soffice is there before CI runs (default yes). */
  readonly soffice?: boolean;
  readonly uid?: number;
  readonly compatStatus?: number;
}

function ciRun(testStatus: number, options: CiOptions = {}) {
  if (options.soffice !== false) {
    fs.writeFileSync(path.join(bin, "fake-soffice"), "#!/bin/sh\nexit 0\n");
    fs.chmodSync(path.join(bin, "fake-soffice"), 0o755);
  }
  const result = spawnSync("bash", [CI_RUN], {
    encoding: "utf8",
    timeout: 30000,
    env: {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
      // A machine without Debian's chromium: the old script installed it with apt here.
      CHROMIUM_PATH: path.join(bin, "no-such-chromium"),
      FAKE_TEST_STATUS: String(testStatus),
      FAKE_COMPAT_STATUS: String(options.compatStatus ?? 0),
      FAKE_UID: String(options.uid ?? 0),
      CAPPLAN_SOFFICE: "fake-soffice",
    },
  });
  const lines = result.stdout.trim().split("\n");
  const recorded = (
    fs.existsSync(calls) ? fs.readFileSync(calls, "utf8").trim().split("\n") : []
  ).filter((call) => !call.startsWith("id "));
  return {
    status: result.status,
    last: lines[lines.length - 1],
    recorded,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

// .ci/run is a bash script for Linux CI machines.
(process.platform === "win32" ? describe.skip : describe)(".ci/run", () => {
  it("installs nothing with apt when LibreOffice is there", () => {
    // Given a machine without Debian's chromium, with LibreOffice
    // When CI runs
    const { recorded, stdout } = ciRun(0);
    // Then nothing is installed with apt (the e2e browser comes from npm), and the LibreOffice check runs last
    expect(recorded.filter((call) => call.startsWith("apt-get"))).toEqual([]);
    expect(recorded).toEqual([
      "npm --version",
      "npm ci --no-audit --no-fund",
      "npm run typecheck",
      "npm run lint",
      "npm test",
      "npm run test:compat",
    ]);
    expect(stdout).toMatch(/== LibreOffice check done \([0-9]+s; [0-9]+s for LibreOffice\)/);
  });

  it("installs Debian's libreoffice-calc-nogui after npm test when soffice is missing", () => {
    // Given a machine without LibreOffice, CI running as root
    // When CI runs
    const { recorded, status, last } = ciRun(0, { soffice: false });
    // Then it installs LibreOffice with apt-get after the tests, then runs the check, and counts its tests
    expect(recorded.slice(4)).toEqual([
      "npm test",
      "apt-get update -qq",
      "apt-get install -y -qq libreoffice-calc-nogui",
      "npm run test:compat",
    ]);
    expect(last).toBe("tests: 1236 passed, 1 failed");
    expect(status).toBe(0);
  });

  it("fails clearly when LibreOffice is missing and it is not root", () => {
    // Given a machine without LibreOffice, CI not running as root
    // When CI runs
    const { recorded, status, stdout } = ciRun(0, { soffice: false, uid: 1000 });
    // Then it says why, installs nothing, skips the check and fails
    expect(stdout).toMatch(/fake-soffice is missing and this is not root/);
    expect(recorded.filter((call) => call.startsWith("apt-get"))).toEqual([]);
    expect(recorded).not.toContain("npm run test:compat");
    expect(status).toBe(1);
  });

  it("fails when the LibreOffice check fails", () => {
    // Given passing tests and a failing LibreOffice check
    const { status } = ciRun(0, { compatStatus: 1 });
    // Then CI fails
    expect(status).toBe(1);
  });

  it("closes with one line over the Jest runs (LibreOffice's included)", () => {
    // Given passing tests
    // When CI runs
    const { status, last } = ciRun(0);
    // Then it ends with the closing line over all three Jest runs and exits 0
    expect(last).toBe("tests: 1236 passed, 1 failed");
    expect(status).toBe(0);
  });

  it("exits with the tests' status after the closing line", () => {
    // Given failing tests
    // When CI runs
    const { status, last } = ciRun(1);
    // Then it still prints the closing line, and exits with the tests' status
    expect(last).toBe("tests: 1236 passed, 1 failed");
    expect(status).toBe(1);
  });
});

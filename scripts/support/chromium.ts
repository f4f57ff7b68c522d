/**
 * Which Chromium the end-to-end tests drive. `npm install && npm test` must pass on a fresh machine with
 * nothing but npm, so a system browser cannot be required; playwright-core never downloads one either.
 * In order:
 *   1. CHROMIUM_PATH, when set: an explicit choice, so a wrong path is an error, never silently replaced;
 *   2. Debian's /usr/bin/chromium, when installed (kept first: patched by the distribution, already there);
 *   3. the Chromium inside the npm package @sparticuz/chromium (a devDependency, Linux x64 only), which
 *      decompresses itself once into `os.tmpdir()/chromium` and reuses that file afterwards.
 * The side effects (file checks, running the binary, the package) are injected so every branch is tested.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";
export const NPM_PACKAGE = "@sparticuz/chromium";

export type ChromiumSource = "CHROMIUM_PATH" | "debian" | "npm";

export interface ChromiumChoice {
  readonly source: ChromiumSource;
  readonly executablePath: string;
  /** One line for logs: which browser and why it was chosen. */
  readonly description: string;
}

export interface ChromiumProbe {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  readonly arch: string;
  /** null when `file` is an executable regular file, else why not. */
  whyNotExecutable(file: string): string | null;
  /** The installed package's version (e.g. "143.0.4"), or null when it is not installed. */
  npmPackageVersion(): string | null;
  /** Asks the package for its binary; the first call decompresses it (a few seconds). */
  npmExecutablePath(): Promise<string>;
  /** What `file --version` prints, e.g. "Chromium 143.0.7499.0"; throws when it cannot run. */
  versionOf(file: string): string;
}

export const systemProbe: ChromiumProbe = {
  env: process.env,
  platform: process.platform,
  arch: process.arch,
  whyNotExecutable(file) {
    try {
      if (!fs.statSync(file).isFile()) return "not a file";
      fs.accessSync(file, fs.constants.X_OK);
      return null;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === "ENOENT" ? "not found" : `not executable (${code ?? String(error)})`;
    }
  },
  npmPackageVersion() {
    // The package's "exports" hides its package.json from require.resolve: walk up from its entry point.
    let entry: string;
    try {
      entry = require.resolve(NPM_PACKAGE);
    } catch {
      return null;
    }
    for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const file = path.join(dir, "package.json");
      if (!fs.existsSync(file)) continue;
      const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === NPM_PACKAGE && manifest.version) return manifest.version;
    }
    return null;
  },
  async npmExecutablePath() {
    // Loaded only here: on machines that use another browser the package is never touched.
    const { default: Chromium } = await import("@sparticuz/chromium");
    return Chromium.executablePath();
  },
  versionOf(file) {
    return execFileSync(file, ["--version"], { encoding: "utf8", timeout: 15000 }).trim();
  },
};

const REMEDIES = [
  "set CHROMIUM_PATH to a Chromium or Chrome executable",
  `install Debian's chromium (${DEBIAN_CHROMIUM})`,
  `or, on Linux x64, let \`npm install\` install the devDependency ${NPM_PACKAGE}`,
];

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0];
}

/** The npm package's Chromium, checked to run and to be the version the package ships; else why not. */
async function npmChromium(probe: ChromiumProbe): Promise<ChromiumChoice | string> {
  if (probe.platform !== "linux" || probe.arch !== "x64") {
    return `it ships a Linux x64 build only (this is ${probe.platform} ${probe.arch})`;
  }
  const version = probe.npmPackageVersion();
  if (version === null) return "the package is not installed (run `npm install`)";
  let file: string;
  try {
    file = await probe.npmExecutablePath();
  } catch (error) {
    return `it could not be decompressed: ${message(error)}`;
  }
  // The package reuses any existing tmpdir()/chromium, whoever left it: a copy from another version, one cut
  // short by an interrupted first run, or another user's unreadable file. Run it once to know.
  const major = version.split(".")[0];
  const stale = `delete ${file} (it is decompressed again on the next run) or set TMPDIR to a private directory`;
  let printed: string;
  try {
    printed = probe.versionOf(file);
  } catch (error) {
    return `${file} does not run (${message(error)}): ${stale}`;
  }
  if (!new RegExp(`^Chromium ${major}\\.`).test(printed)) {
    return `${file} is "${printed}", not the Chromium ${major} of ${NPM_PACKAGE} ${version}: ${stale}`;
  }
  return {
    source: "npm",
    executablePath: file,
    description: `${printed} from ${NPM_PACKAGE} ${version} (${file})`,
  };
}

/** The browser for the e2e tests, or an error that lists every candidate, why it was refused, and the fixes. */
export async function chooseChromium(probe: ChromiumProbe = systemProbe): Promise<ChromiumChoice> {
  const override = probe.env.CHROMIUM_PATH;
  if (override !== undefined && override !== "") {
    const why = probe.whyNotExecutable(override);
    if (why !== null) {
      throw new Error(
        `CHROMIUM_PATH=${override}: ${why}; point it at a Chromium or Chrome executable, or unset it to use ` +
          `${DEBIAN_CHROMIUM} or the Chromium of ${NPM_PACKAGE}`
      );
    }
    return {
      source: "CHROMIUM_PATH",
      executablePath: override,
      description: `${override} (CHROMIUM_PATH)`,
    };
  }
  const debian = probe.whyNotExecutable(DEBIAN_CHROMIUM);
  if (debian === null) {
    return {
      source: "debian",
      executablePath: DEBIAN_CHROMIUM,
      description: `Debian's chromium (${DEBIAN_CHROMIUM})`,
    };
  }
  const npm = await npmChromium(probe);
  if (typeof npm !== "string") return npm;
  throw new Error(
    [
      "No Chromium for the end-to-end tests:",
      "  - CHROMIUM_PATH is not set",
      `  - ${DEBIAN_CHROMIUM}: ${debian}`,
      `  - ${NPM_PACKAGE}: ${npm}`,
      `To fix: ${REMEDIES.join("; ")}.`,
    ].join("\n")
  );
}

import {
  chooseChromium,
  DEBIAN_CHROMIUM,
  NPM_PACKAGE,
  systemProbe,
  type ChromiumProbe,
} from "../../../../scripts/support/chromium";

const NPM_BINARY = "/tmp/chromium";

/** A machine described by what exists on it; every unlisted file is "not found". */
function machine(overrides: Partial<ChromiumProbe> & { executables?: string[] } = {}): {
  probe: ChromiumProbe;
  decompressions: () => number;
} {
  let decompressions = 0;
  const executables = new Set(overrides.executables ?? []);
  const probe: ChromiumProbe = {
    env: {},
    platform: "linux",
    arch: "x64",
    whyNotExecutable: (file) => (executables.has(file) ? null : "not found"),
    npmPackageVersion: () => "143.0.4",
    npmExecutablePath: async () => {
      decompressions += 1;
      return NPM_BINARY;
    },
    versionOf: () => "Chromium 143.0.7499.0",
    ...overrides,
  };
  return { probe, decompressions: () => decompressions };
}

describe("the e2e suite's choice of Chromium", () => {
  it("prefers CHROMIUM_PATH", async () => {
    // Given CHROMIUM_PATH
    // When choosing
    const { probe, decompressions } = machine({
      env: { CHROMIUM_PATH: "/opt/chrome/chrome" },
      executables: ["/opt/chrome/chrome", DEBIAN_CHROMIUM],
    });
    // Then it wins over Debian's chromium and the npm package is not touched
    await expect(chooseChromium(probe)).resolves.toMatchObject({
      source: "CHROMIUM_PATH",
      executablePath: "/opt/chrome/chrome",
    });
    expect(decompressions()).toBe(0);
  });

  it("fails naming a CHROMIUM_PATH that points at nothing", async () => {
    // Given CHROMIUM_PATH pointing at nothing
    // When choosing
    const { probe } = machine({
      env: { CHROMIUM_PATH: "/nope/chrome" },
      executables: [DEBIAN_CHROMIUM],
    });
    // Then it fails naming the path instead of silently using another browser
    await expect(chooseChromium(probe)).rejects.toThrow(
      /CHROMIUM_PATH=\/nope\/chrome: not found; point it at a Chromium or Chrome executable, or unset it/
    );
  });

  it("prefers Debian's chromium to the npm package", async () => {
    // Given Debian's chromium is installed
    // When choosing
    const { probe, decompressions } = machine({ executables: [DEBIAN_CHROMIUM] });
    // Then it stays the first choice and nothing is decompressed
    await expect(chooseChromium(probe)).resolves.toMatchObject({
      source: "debian",
      executablePath: DEBIAN_CHROMIUM,
    });
    expect(decompressions()).toBe(0);
  });

  it("falls back to the npm package's Chromium", async () => {
    // Given a fresh machine without Debian's chromium
    const { probe, decompressions } = machine({ env: { CHROMIUM_PATH: "" } });
    // When choosing
    const choice = await chooseChromium(probe);
    // Then the Chromium of the npm package is used
    expect(choice).toMatchObject({ source: "npm", executablePath: NPM_BINARY });
    expect(choice.description).toBe(
      `Chromium 143.0.7499.0 from ${NPM_PACKAGE} 143.0.4 (${NPM_BINARY})`
    );
    expect(decompressions()).toBe(1);
  });

  it("refuses a leftover Chromium of another version", async () => {
    // Given a leftover tmp chromium from another package version
    // When choosing
    const { probe } = machine({ versionOf: () => "Chromium 131.0.6778.0" });
    // Then it is refused and the error says to delete it
    await expect(chooseChromium(probe)).rejects.toThrow(
      `${NPM_BINARY} is "Chromium 131.0.6778.0", not the Chromium 143 of ${NPM_PACKAGE} 143.0.4: delete ${NPM_BINARY}`
    );
  });

  it("explains how to recover a truncated Chromium", async () => {
    // Given a tmp chromium cut short by an interrupted first run
    // When choosing
    const { probe } = machine({
      versionOf: () => {
        throw new Error("spawnSync /tmp/chromium ENOEXEC");
      },
    });
    // Then the error says it does not run and how to recover
    await expect(chooseChromium(probe)).rejects.toThrow(
      /\/tmp\/chromium does not run \(spawnSync \/tmp\/chromium ENOEXEC\): delete \/tmp\/chromium .* or set TMPDIR/
    );
  });

  it("lists every candidate and fix when there is no browser", async () => {
    // Given no browser at all
    const { probe } = machine({ npmPackageVersion: () => null });
    // When choosing
    const error = await chooseChromium(probe).then(
      () => null,
      (e: unknown) => e as Error
    );
    // Then one error lists every candidate with its reason and every fix
    expect(error?.message).toBe(
      [
        "No Chromium for the end-to-end tests:",
        "  - CHROMIUM_PATH is not set",
        `  - ${DEBIAN_CHROMIUM}: not found`,
        `  - ${NPM_PACKAGE}: the package is not installed (run \`npm install\`)`,
        "To fix: set CHROMIUM_PATH to a Chromium or Chrome executable; install Debian's chromium " +
          `(${DEBIAN_CHROMIUM}); or, on Linux x64, let \`npm install\` install the devDependency ${NPM_PACKAGE}.`,
      ].join("\n")
    );
  });

  it("skips the npm package off Linux x64", async () => {
    // Given a machine that is not Linux x64
    // When choosing
    const { probe, decompressions } = machine({ platform: "linux", arch: "arm64" });
    // Then the npm package is not tried and the error says why
    await expect(chooseChromium(probe)).rejects.toThrow(
      `${NPM_PACKAGE}: it ships a Linux x64 build only (this is linux arm64)`
    );
    expect(decompressions()).toBe(0);
  });

  it("reports a decompression failure", async () => {
    // Given the package cannot decompress (e.g. a full tmp)
    // When choosing
    const { probe } = machine({
      npmExecutablePath: async () => {
        throw new Error("ENOSPC: no space left on device, write");
      },
    });
    // Then its error is reported
    await expect(chooseChromium(probe)).rejects.toThrow(
      `${NPM_PACKAGE}: it could not be decompressed: ENOSPC: no space left on device, write`
    );
  });

  it("finds the pinned package version", () => {
    // Given this repository's install
    // When the real probe reads the package
    // Then it finds the pinned version
    expect(systemProbe.npmPackageVersion()).toBe("143.0.4");
    expect(systemProbe.whyNotExecutable("/definitely/not/here")).toBe("not found");
    expect(systemProbe.whyNotExecutable(__filename)).toMatch(/^not executable/);
  });
});

/**
 * Excel caches functions.json for up to 24 hours and refetches it early only for a new manifest
 * <Version> (OfficeDev/office-js#4722), and the Version never changed: a metadata change could ship
 * under the old Version and reach users a day late. metadata-version.json records the hash of the built
 * functions.json with the Version it ships under; these tests fail when they disagree.
 */
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT, readDistFile } from "../../support/dist";

interface Texts {
  packageJson: string;
  packageLock: string;
  manifest: string;
  record: string | null;
}
interface CheckResult {
  ok: boolean;
  reason?: string;
  version: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mv = require("../../../scripts/metadata-version") as {
  RECORD: string;
  metadataHash: (jsonText: string) => string;
  manifestHash: (xml: string) => string;
  nextPackageVersion: (version: string) => string;
  compareVersions: (a: string, b: string) => number;
  manifestVersion: (xml: string) => string;
  check: (texts: Texts, hash: string) => CheckResult;
  bump: (
    texts: Texts,
    hash: string,
    options?: { force?: boolean }
  ) => { changed: boolean; texts: Texts };
};

const read = (file: string): string => fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
const repoTexts = (): Texts => ({
  packageJson: read("package.json"),
  packageLock: read("package-lock.json"),
  manifest: read("manifest.xml"),
  record: fs.existsSync(path.join(REPO_ROOT, mv.RECORD)) ? read(mv.RECORD) : null,
});

describe("functions.json ships under a new manifest Version", () => {
  test("records the built metadata for the manifest's Version", () => {
    // Given the built functions.json and manifest.xml
    const hash = mv.metadataHash(readDistFile("functions.json"));
    const result = mv.check(repoTexts(), hash);
    if (!result.ok) {
      throw new Error(
        `The custom functions metadata or the manifest changed but the manifest Version did not (${result.reason}). ` +
          "Excel keeps the old functions.json for up to 24 hours unless the manifest Version changes. " +
          "Run `npm run bump-version` and commit package.json, package-lock.json, manifest.xml and " +
          `${mv.RECORD}; then redistribute dist/manifest.xml with the new dist/.`
      );
    }
    // Then metadata-version.json records both for manifest.xml's Version
    expect(result.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("carries the Version into dist/manifest.xml", () => {
    // Given the production build
    // Then dist/manifest.xml carries the same Version
    expect(mv.manifestVersion(readDistFile("manifest.xml"))).toBe(
      mv.manifestVersion(read("manifest.xml"))
    );
  });
});

describe("scripts/metadata-version.js", () => {
  const metadata = JSON.stringify({
    functions: [{ id: "GPUCOST", name: "GPUCOST", parameters: [] }],
  });
  const base = (): Texts => ({
    packageJson: '{\n  "name": "capacity-planner",\n  "version": "1.4.9",\n  "private": true\n}\n',
    packageLock:
      '{\n  "name": "capacity-planner",\n  "version": "1.4.9",\n  "packages": {\n    "": {\n      "name": "capacity-planner",\n      "version": "1.4.9"\n    },\n    "node_modules/zod": {\n      "version": "4.1.0"\n    }\n  }\n}\n',
    manifest: "<OfficeApp><Id>x</Id><Version>1.4.9.0</Version></OfficeApp>",
    record: null,
  });

  test("hashes metadata by content", () => {
    // Given reformatted or reordered metadata
    const hash = mv.metadataHash(metadata);
    const parsed = JSON.parse(metadata) as { functions: Record<string, unknown>[] };
    const reordered = JSON.stringify(
      { functions: [{ parameters: [], name: "GPUCOST", id: "GPUCOST" }] },
      null,
      4
    );
    // Then the hash is the same; given a changed description, it differs
    expect(mv.metadataHash(reordered)).toBe(hash);
    const changed = JSON.stringify({ functions: [{ ...parsed.functions[0], description: "USD" }] });
    expect(mv.metadataHash(changed)).not.toBe(hash);
  });

  test("bumps every version record to the next patch", () => {
    // Given changed metadata
    // When bumping
    const hash = mv.metadataHash(metadata);
    // Then package.json, both lock entries, manifest and record move to the next patch
    expect(mv.check(base(), hash).ok).toBe(false);
    const { changed, texts } = mv.bump(base(), hash);
    expect(changed).toBe(true);
    expect(JSON.parse(texts.packageJson)).toMatchObject({ version: "1.4.10" });
    const lock = JSON.parse(texts.packageLock) as {
      version: string;
      packages: Record<string, { version: string }>;
    };
    expect([
      lock.version,
      lock.packages[""].version,
      lock.packages["node_modules/zod"].version,
    ]).toEqual(["1.4.10", "1.4.10", "4.1.0"]);
    expect(mv.manifestVersion(texts.manifest)).toBe("1.4.10.0");
    expect(JSON.parse(texts.record ?? "{}")).toMatchObject({
      manifestVersion: "1.4.10.0",
      functionsJsonSha256: hash,
    });
    expect(mv.check(texts, hash)).toEqual({ ok: true, version: "1.4.10.0" });
    expect(mv.compareVersions("1.4.10.0", "1.4.9.0")).toBeGreaterThan(0); // numeric, not text, order
  });

  test("bumps only on a change", () => {
    // Given recorded metadata
    // When bumping again
    const first = mv.bump(base(), mv.metadataHash(metadata)).texts;
    // Then nothing changes; a second change bumps again
    expect(mv.bump(first, mv.metadataHash(metadata))).toEqual({ changed: false, texts: first });
    const other = mv.metadataHash(JSON.stringify({ functions: [] }));
    const second = mv.bump(first, other).texts;
    expect(mv.manifestVersion(second.manifest)).toBe("1.4.11.0");
  });

  test("names both versions of a hand-edited manifest", () => {
    // Given a manifest Version edited by hand
    const hash = mv.metadataHash(metadata);
    const texts = mv.bump(base(), hash).texts;
    const edited = { ...texts, manifest: texts.manifest.replace("1.4.10.0", "1.4.10.1") };
    // Then the check names both versions
    expect(mv.check(edited, hash)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("1.4.10.1"),
    });
  });

  test("catches a manifest edit without a new Version", () => {
    // Given a manifest edit without a new Version
    const hash = mv.metadataHash(metadata);
    const texts = mv.bump(base(), hash).texts;
    const edited = { ...texts, manifest: texts.manifest.replace("<Id>x</Id>", "<Id>y</Id>") };
    // Then the check fails; bumping records the edit
    expect(mv.check(edited, hash)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("manifest.xml changed"),
    });
    expect(mv.check(mv.bump(edited, hash).texts, hash)).toEqual({ ok: true, version: "1.4.11.0" });
    expect(mv.manifestHash(texts.manifest.replace("1.4.10.0", "9.9.9.9"))).toBe(
      mv.manifestHash(texts.manifest)
    );
  });

  test("refuses to bump a version it cannot read or would overflow", () => {
    // Given a version that is not n.n.n or would overflow five digits
    // Then bumping refuses
    expect(() => mv.nextPackageVersion("1.0")).toThrow(/n\.n\.n/);
    expect(() => mv.nextPackageVersion("1.0.99999")).toThrow(/five digits/);
  });
});

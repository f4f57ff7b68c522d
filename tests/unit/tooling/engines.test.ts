import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../support/dist";
import { NPM_PACKAGE, systemProbe } from "../../../scripts/support/chromium";

interface Manifest {
  version?: string;
  engines?: { node?: string };
  devDependencies?: Record<string, string>;
  packages?: Record<string, Manifest>;
}

const readJson = (file: string): Manifest => JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
const project = readJson(path.join(REPO_ROOT, "package.json"));
const lock = readJson(path.join(REPO_ROOT, "package-lock.json"));

/** The floor of a ">=X.Y.Z" range as [X, Y, Z]; any other form fails, so a new form gets a deliberate look. */
function floor(range: string | undefined): number[] {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range ?? "");
  if (!match) throw new Error(`expected an engines range of the form ">=X.Y.Z", got ${range}`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}
const atLeast = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
};

function installedManifest(): Manifest {
  // The package's "exports" hides its package.json from require.resolve: walk up from its entry point.
  for (
    let dir = path.dirname(require.resolve(NPM_PACKAGE));
    dir !== path.dirname(dir);
    dir = path.dirname(dir)
  ) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file) && readJson(file).version !== undefined) return readJson(file);
  }
  throw new Error(`no package.json with a version above ${require.resolve(NPM_PACKAGE)}`);
}

describe("Node engines and the npm Chromium", () => {
  const pinned = project.devDependencies?.[NPM_PACKAGE];

  it("pins the e2e browser package exactly", () => {
    // A range would let an install pick a later major, which needs Node 22 (see the README's "Test it").
    // Given the e2e browser comes from npm
    // When package.json is read
    // Then the package is pinned to one exact version
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(systemProbe.npmPackageVersion()).toBe(pinned);
  });

  it("accepts only Nodes the browser package accepts", () => {
    // Given the pinned package's engines
    const ours = floor(project.engines?.node);
    // When compared with the project's
    const theirs = floor(installedManifest().engines?.node);
    // Fails when the package is bumped to a version that needs a newer Node than the project promises:
    // raise engines (and the README's "Run it") on purpose, or keep the pin.
    // Then every Node the project accepts satisfies it
    expect({ ours, theirs, ok: atLeast(ours, theirs) }).toEqual({ ours, theirs, ok: true });
  });

  it("declares the same engines in the lockfile", () => {
    // Given the lockfile
    // When its root entry is read
    // Then it declares the same engines as package.json
    expect(lock.packages?.[""]?.engines).toEqual(project.engines);
  });
});

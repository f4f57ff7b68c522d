// Excel caches an add-in's functions.json (and functions.js) for up to 24 hours and refetches it early
// only when the manifest <Version> changes (Microsoft, OfficeDev/office-js#4722). A metadata change
// shipped under the old version reaches users a day late, and mixed with new code in between. So
// metadata-version.json records the hash of the built functions.json together with the manifest
// Version it shipped under; tests/unit/manifest/metadataVersion.test.ts fails when they disagree, and
// `npm run bump-version` (build, then `node scripts/metadata-version.js bump`) raises the version.
//
// Why a committed record and not a version derived by the build: the Version must increase for every
// store/admin redeployment and must be reproducible from the sources; a hash cannot increase and a
// timestamp changes on every build (every build would need redistributing). A reviewed, committed
// bump is both monotonic and reproducible.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const RECORD = "metadata-version.json";
const FILES = {
  packageJson: "package.json",
  packageLock: "package-lock.json",
  manifest: "manifest.xml",
  record: RECORD,
};

/** sha256 of functions.json's content with keys sorted: whitespace and key order are not changes. */
function metadataHash(jsonText) {
  const canonical = (value) => {
    if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
    if (value !== null && typeof value === "object")
      return `{${Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
        .join(",")}}`;
    return JSON.stringify(value);
  };
  return crypto
    .createHash("sha256")
    .update(canonical(JSON.parse(jsonText)))
    .digest("hex");
}

/**
 * sha256 of manifest.xml without its Version: Microsoft asks for a new Version for any manifest change
 * (https://learn.microsoft.com/office/dev/add-ins/publish/maintain-breaking-changes), so the record
 * covers the manifest too.
 */
function manifestHash(xml) {
  const withoutVersion = xml
    .replace(/\r\n/g, "\n")
    .replace(/<Version>[^<]+<\/Version>/, "<Version/>");
  return crypto.createHash("sha256").update(withoutVersion).digest("hex");
}

/** "1.2.3" -> "1.2.4". The manifest Version is package.json's version plus ".0" (manifest tests). */
function nextPackageVersion(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`package.json version "${version}" is not n.n.n`);
  const patch = Number(match[3]) + 1;
  // The manifest schema allows at most five digits per part.
  if (patch > 99999)
    throw new Error(`patch ${patch} exceeds the manifest's five digits: bump the minor version`);
  return `${match[1]}.${match[2]}.${patch}`;
}

/** Compares n.n.n.n versions part by part (missing parts are 0). */
function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d;
  }
  return 0;
}

function manifestVersion(xml) {
  const match = /<Version>([^<]+)<\/Version>/.exec(xml);
  if (!match) throw new Error("manifest.xml has no <Version>");
  return match[1];
}

function recordText(version, hash, manifestXml) {
  const record = {
    comment:
      "Written by `npm run bump-version`; do not edit. Excel caches functions.json for up to 24 h per manifest " +
      "Version, so every change of the built functions.json (or of manifest.xml) must ship under a new Version " +
      "(see scripts/metadata-version.js).",
    manifestVersion: version,
    functionsJsonSha256: hash,
    manifestSha256: manifestHash(manifestXml),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** Whether the record matches the built metadata and the manifest (what the test checks). */
function check(texts, hash) {
  const version = manifestVersion(texts.manifest);
  const record = texts.record === null ? null : JSON.parse(texts.record);
  if (record === null) return { ok: false, reason: `${RECORD} is missing`, version };
  if (record.functionsJsonSha256 !== hash)
    return {
      ok: false,
      version,
      reason:
        `the built functions.json (sha256 ${hash.slice(0, 12)}…) is not the one recorded for Version ` +
        `${record.manifestVersion} (${String(record.functionsJsonSha256).slice(0, 12)}…)`,
    };
  if (record.manifestSha256 !== manifestHash(texts.manifest))
    return {
      ok: false,
      version,
      reason: `manifest.xml changed since Version ${record.manifestVersion} was recorded`,
    };
  if (record.manifestVersion !== version)
    return {
      ok: false,
      version,
      reason: `manifest.xml's Version is ${version} but ${RECORD} records ${record.manifestVersion}`,
    };
  return { ok: true, version };
}

/**
 * The files after a bump: package.json's patch +1 (package-lock.json's copies too), the manifest's
 * Version = that + ".0", and the record. Unchanged metadata: nothing changes (unless forced).
 */
function bump(texts, hash, { force = false } = {}) {
  if (!force && check(texts, hash).ok) return { changed: false, texts };
  const pkg = JSON.parse(texts.packageJson);
  const next = nextPackageVersion(pkg.version);
  const version = `${next}.0`;
  const current = manifestVersion(texts.manifest);
  if (compareVersions(version, current) <= 0)
    throw new Error(`the next Version ${version} would not be above manifest.xml's ${current}`);
  const lockPattern = /("name": "capacity-planner",\s*"version": ")([^"]+)(")/g;
  if ((texts.packageLock.match(lockPattern) || []).length !== 2)
    throw new Error("package-lock.json: expected the project's version in two places");
  return {
    changed: true,
    texts: {
      packageJson: texts.packageJson.replace(/^( {2}"version": ")[^"]+(")/m, `$1${next}$2`),
      packageLock: texts.packageLock.replace(lockPattern, `$1${next}$3`),
      manifest: texts.manifest.replace(
        /<Version>[^<]+<\/Version>/,
        `<Version>${version}</Version>`
      ),
      record: recordText(version, hash, texts.manifest),
    },
  };
}

function readTexts(root) {
  const out = {};
  for (const [key, file] of Object.entries(FILES)) {
    const full = path.join(root, file);
    out[key] = fs.existsSync(full) ? fs.readFileSync(full, "utf8") : null;
  }
  return out;
}

function main(argv) {
  const built = path.join(ROOT, "dist", "functions.json");
  if (!fs.existsSync(built)) {
    console.error(`${built} is missing: run "npm run bump-version" (it builds first)`);
    return 1;
  }
  const hash = metadataHash(fs.readFileSync(built, "utf8"));
  const texts = readTexts(ROOT);
  if (argv[0] === "check") {
    const result = check(texts, hash);
    console.log(
      result.ok ? `functions.json is recorded for Version ${result.version}` : result.reason
    );
    return result.ok ? 0 : 1;
  }
  if (argv[0] !== "bump") {
    console.error("usage: node scripts/metadata-version.js bump [--force] | check");
    return 2;
  }
  const result = bump(texts, hash, { force: argv.includes("--force") });
  if (!result.changed) {
    console.log(`functions.json unchanged: Version stays ${manifestVersion(texts.manifest)}`);
    return 0;
  }
  for (const [key, file] of Object.entries(FILES))
    fs.writeFileSync(path.join(ROOT, file), result.texts[key]);
  // dist/ was built just before with the old Version: give its manifest the new one too, so what is
  // deployed now already carries it (the next build writes the same).
  const distManifest = path.join(ROOT, "dist", "manifest.xml");
  if (fs.existsSync(distManifest)) {
    const xml = fs.readFileSync(distManifest, "utf8");
    const version = manifestVersion(result.texts.manifest);
    fs.writeFileSync(
      distManifest,
      xml.replace(/<Version>[^<]+<\/Version>/, `<Version>${version}</Version>`)
    );
  }
  console.log(
    `Version ${manifestVersion(texts.manifest)} -> ${manifestVersion(result.texts.manifest)}: ` +
      `commit ${Object.values(FILES).join(", ")} (dist/manifest.xml has it too).`
  );
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));

module.exports = {
  RECORD,
  metadataHash,
  manifestHash,
  nextPackageVersion,
  compareVersions,
  manifestVersion,
  check,
  bump,
};

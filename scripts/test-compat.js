// `npm run test:compat`: the exported .xlsx files (the normal and the frozen templates) recalculated by
// LibreOffice Calc headless, a second formula engine, compared with the workbench to the cent
// (jest.compat.config.js, tests/compat). Needs a build (npm run build) and LibreOffice's `soffice`.
//
//   node scripts/test-compat.js            runs the check; without soffice, says so in one line and passes
//   node scripts/test-compat.js --note     only says in one line that npm test did not run it, and how to
//   CAPPLAN_COMPAT_REQUIRED=1 ...          without soffice, fails instead of passing (.ci/run)
//
// CAPPLAN_SOFFICE names another LibreOffice command (default `soffice`).
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const SOFFICE = process.env.CAPPLAN_SOFFICE || "soffice";
const HOW = "apt-get install libreoffice-calc-nogui, then npm run test:compat";

function sofficeVersion() {
  const run = spawnSync(SOFFICE, ["--version"], { encoding: "utf8" });
  return run.status === 0 ? (run.stdout || "").trim() : null;
}

const version = sofficeVersion();
if (process.argv.includes("--note")) {
  console.log(
    version === null
      ? `LibreOffice check not run: soffice is not installed (${HOW}).`
      : "LibreOffice check not run by npm test: run npm run test:compat (soffice is installed)."
  );
  process.exit(0);
}
if (version === null) {
  console.log(`LibreOffice check not run: soffice is not installed (${HOW}).`);
  process.exit(process.env.CAPPLAN_COMPAT_REQUIRED === "1" ? 1 : 0);
}
console.log(`LibreOffice check with ${version}`);
const jest = spawnSync(
  process.execPath,
  [require.resolve("jest/bin/jest"), "-c", "jest.compat.config.js", ...process.argv.slice(2)],
  { cwd: ROOT, stdio: "inherit", env: { ...process.env, CAPPLAN_SOFFICE: SOFFICE } }
);
process.exit(jest.status ?? 1);

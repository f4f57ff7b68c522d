/**
 * LibreOffice Calc as a second engine for the compat tests (`npm run test:compat`): whether `soffice` is
 * installed, and an .xlsx recalculated by it, read back as CSV. Each run converts headless with a throw-away
 * profile that sets the locale and forces recalculation on load (as a recipient's Excel does for a file
 * from an older calculation engine).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The LibreOffice command (CAPPLAN_SOFFICE overrides it, e.g. for a test of the missing case). */
export const SOFFICE = process.env.CAPPLAN_SOFFICE ?? "soffice";

export function libreOfficeAvailable(): boolean {
  return spawnSync(SOFFICE, ["--version"], { encoding: "utf8" }).status === 0;
}

let work: string | null = null;

/** Removes the conversions' folder (afterAll). */
export function cleanUpLibreOffice(): void {
  if (work !== null) fs.rmSync(work, { recursive: true, force: true });
  work = null;
}

/**
 * The sheet `sheet` (1-based) of `xlsx` as rows of cells, computed by LibreOffice in `locale`: formatted
 * as shown, or (asShown false) the full-precision values.
 */
export function calcCsv(xlsx: Uint8Array, locale: string, sheet = 1, asShown = true): string[][] {
  work ??= fs.mkdtempSync(path.join(os.tmpdir(), "capplan-lo-"));
  const dir = fs.mkdtempSync(path.join(work, "run-"));
  const profile = path.join(dir, "profile", "user");
  fs.mkdirSync(profile, { recursive: true });
  fs.writeFileSync(
    path.join(profile, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
  );
  const file = path.join(dir, "book.xlsx");
  fs.writeFileSync(file, xlsx);
  // Tab-separated, UTF-8, formatted as shown (or not), the given sheet.
  const filter = `csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,${asShown},false,false,${sheet}`;
  const run = spawnSync(
    SOFFICE,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--convert-to",
      filter,
      "--outdir",
      dir,
      file,
    ],
    { encoding: "utf8", timeout: 120_000 }
  );
  const csv = fs.readdirSync(dir).find((f) => f.endsWith(".csv"));
  if (run.status !== 0 || csv === undefined) throw new Error(`soffice failed: ${run.stderr}`);
  return fs
    .readFileSync(path.join(dir, csv), "utf8")
    .split("\n")
    .map((line) => line.split("\t").map((cell) => cell.replace(/^"|"$/g, "")));
}

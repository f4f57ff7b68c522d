/**
 * The manifest must require every API set the product code calls without a guard: Office installs the
 * add-in only where the declared sets are supported, and a member from a newer set than declared fails
 * at run time on older hosts (NamedItem.formula, used by Check for updates, needs ExcelApi 1.7; the
 * manifest declared only SharedRuntime 1.1). The sets come from the `[Api set: ...]` remarks in
 * @types/office-js (Microsoft's own member -> set table); MEMBER_SETS below pins the ones that decide
 * the declaration, so a change in the typings or the scanner shows here.
 */
import * as fs from "fs";
import * as path from "path";
import { JSDOM } from "jsdom";
import { REPO_ROOT } from "../../support/dist";
import { compareSetVersions, officeApiUses } from "../../support/manifest/officeApiUsage";
import type { ApiUse } from "../../support/manifest/officeApiUsage";

/** Product code: what runs in Excel (not the in-memory host or the workbench, which are dev tooling). */
const PRODUCT_DIRS = ["src/excel", "src/taskpane", "src/functions"];
const EXCLUDED = [path.join("src", "dev")];
const FIXTURE = path.join(REPO_ROOT, "tests/fixtures/requirementSets/guarded.ts");

/** Members whose set decides or documents the declaration, as Microsoft's reference lists them. */
const MEMBER_SETS: Readonly<Record<string, string>> = {
  "Excel.NamedItem.formula": "ExcelApi 1.7",
  "Excel.Workbook.settings": "ExcelApi 1.4",
  "Excel.SettingCollection.add": "ExcelApi 1.4",
  "Excel.SettingCollection.getItemOrNullObject": "ExcelApi 1.4",
  "Excel.NamedItemCollection.add": "ExcelApi 1.4",
  "Excel.WorksheetCollection.getItemOrNullObject": "ExcelApi 1.4",
  "Excel.Worksheet.getUsedRangeOrNullObject": "ExcelApi 1.4",
  "Excel.RangeFormat.columnWidth": "ExcelApi 1.2",
  "Excel.ChartCollection.add": "ExcelApi 1.1",
  "Excel.Application.calculate": "ExcelApi 1.1",
  "Excel.Range.getSpillingToRangeOrNullObject": "ExcelApi 1.12",
  "CustomFunctions.Error": "CustomFunctionsRuntime 1.2",
  "CustomFunctions.ErrorCode.invalidValue": "CustomFunctionsRuntime 1.3",
};

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return EXCLUDED.some((x) => full.endsWith(x)) ? [] : tsFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

const productFiles = PRODUCT_DIRS.flatMap((d) => tsFiles(path.join(REPO_ROOT, d)));
// One program for the product and the fixture: building it (with the 190k-line typings) is the cost.
let uses: ApiUse[] = [];
beforeAll(() => {
  uses = officeApiUses([...productFiles, FIXTURE], path.join(REPO_ROOT, "tsconfig.build.json"));
}, 60_000);
const inProduct = (): ApiUse[] => uses.filter((u) => path.resolve(REPO_ROOT, u.file) !== FIXTURE);
const inFixture = (): ApiUse[] => uses.filter((u) => path.resolve(REPO_ROOT, u.file) === FIXTURE);
const setText = (u: ApiUse): string => (u.set ? `${u.set.name} ${u.set.version}` : "none");

/** The highest version of each set that unguarded uses need, with the members that need it. */
function required(list: readonly ApiUse[]): Map<string, { version: string; members: Set<string> }> {
  const out = new Map<string, { version: string; members: Set<string> }>();
  for (const use of list) {
    if (use.set === null || use.guarded) continue;
    const current = out.get(use.set.name);
    const where = `${use.member} (${use.file}:${use.line})`;
    if (current === undefined || compareSetVersions(use.set.version, current.version) > 0)
      out.set(use.set.name, { version: use.set.version, members: new Set([where]) });
    else if (compareSetVersions(use.set.version, current.version) === 0) current.members.add(where);
  }
  return out;
}

function declaredSets(xml: string): Map<string, string> {
  const doc = new new JSDOM("").window.DOMParser().parseFromString(xml, "application/xml");
  const all = Array.from(doc.getElementsByTagName("*"));
  // The base manifest's <Requirements> (a child of OfficeApp) decides whether Office installs the add-in.
  const requirements = all.find(
    (e) => e.localName === "Requirements" && e.parentElement === doc.documentElement
  );
  const sets = requirements ? Array.from(requirements.getElementsByTagName("*")) : [];
  const setsElement = sets.find((e) => e.localName === "Sets");
  const defaultMin = setsElement?.getAttribute("DefaultMinVersion") ?? "1.1";
  return new Map(
    sets
      .filter((e) => e.localName === "Set")
      .map((e) => [e.getAttribute("Name") ?? "", e.getAttribute("MinVersion") ?? defaultMin])
  );
}

const manifest = fs.readFileSync(path.join(REPO_ROOT, "manifest.xml"), "utf8");

describe("the scanner", () => {
  test("maps each table member to Microsoft's set", () => {
    // Given the typings
    const found = new Map(uses.map((u) => [u.member, setText(u)]));
    const checked = Object.entries(MEMBER_SETS).filter(([member]) => found.has(member));
    // Then each member of the table resolves to the set Microsoft lists
    expect(checked.length).toBeGreaterThanOrEqual(8);
    for (const [member, set] of checked) expect([member, found.get(member)]).toEqual([member, set]);
    // The issue's example must be seen (a property of a loaded collection item, not a call).
    expect(inProduct().some((u) => u.member === "Excel.NamedItem.formula")).toBe(true);
  });

  test("does not take a plain object's formula for NamedItem.formula", () => {
    // Given a plain object with a formula property
    const formulaUses = inProduct().filter((u) => u.member.endsWith(".formula"));
    // Then it is not taken for Excel's NamedItem.formula
    expect(formulaUses.every((u) => u.member === "Excel.NamedItem.formula")).toBe(true);
    // Each use is in a module that loads the names collection's formulas ("items/name,items/formula"):
    // a plain object's .formula (previous.formula, cell.formula of a spec) is not counted anywhere else.
    const loadsNameFormulas = (file: string): boolean =>
      fs.readFileSync(path.resolve(REPO_ROOT, file), "utf8").includes("items/formula");
    expect(formulaUses.length).toBeGreaterThan(0);
    expect(formulaUses.filter((u) => !loadsNameFormulas(u.file)).map((u) => u.file)).toEqual([]);
  });

  test("treats members behind isSetSupported as optional", () => {
    // Given a member behind isSetSupported
    const spill = inFixture().filter(
      (u) => u.member === "Excel.Range.getSpillingToRangeOrNullObject"
    );
    // Then it is optional; the same member unguarded is required
    expect(spill.map((u) => u.guarded).sort()).toEqual([false, true]);
    expect(required(spill.filter((u) => u.guarded)).size).toBe(0);
    expect(required(spill).get("ExcelApi")?.version).toBe("1.12");
  });
});

describe("manifest.xml declares the API sets the product code needs", () => {
  test("declares every set the unguarded code needs", () => {
    // Given every unguarded API use
    const declared = declaredSets(manifest);
    const problems: string[] = [];
    for (const [name, need] of required(inProduct())) {
      const has = declared.get(name);
      if (has === undefined || compareSetVersions(has, need.version) < 0) {
        problems.push(
          `${name} ${need.version} is needed by ${[...need.members].slice(0, 5).join(", ")}, but manifest.xml ` +
            `${has === undefined ? "does not declare it" : `declares ${has}`}: add <Set Name="${name}" ` +
            `MinVersion="${need.version}"/> to <Requirements><Sets>, or guard the use with ` +
            `Office.context.requirements.isSetSupported("${name}", "${need.version}").`
        );
      }
    }
    // Then the manifest's Requirements declare each set at least that high
    expect(problems).toEqual([]);
  });

  test("declares no set higher than the code needs", () => {
    // Given the declaration
    const need = required(inProduct());
    // Then no set is declared higher than the code needs (that would shut out hosts for nothing)
    for (const [name, version] of declaredSets(manifest)) {
      if (name === "SharedRuntime") continue; // a manifest feature (Runtimes), not called from code
      expect([name, version]).toEqual([name, need.get(name)?.version]);
    }
  });

  test("requires ExcelApi 1.7 in the base manifest only", () => {
    // Given the base manifest
    // Then ExcelApi 1.7 is required there and VersionOverrides repeats nothing
    expect(declaredSets(manifest).get("ExcelApi")).toBe("1.7");
    // Microsoft: a requirement in the base manifest makes one in VersionOverrides pointless.
    const overrides = manifest.slice(manifest.indexOf("<VersionOverrides"));
    expect(overrides).not.toContain("<Requirements>");
  });
});

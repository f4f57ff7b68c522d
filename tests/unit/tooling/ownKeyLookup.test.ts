/**
 * One own-key lookup: indexLibrary.ts's ownEntry (zod-free, so both bundles may use it). Copies of it drift
 * (one forgets the undefined record, another reads record[key] before the check), and a lookup that
 * answers inherited names ("constructor", "__proto__") is how a hostile library or registry reaches code.
 * Scans src/ (not src/dev, the test host) by folder, so moving or renaming a file does not hide a copy.
 */
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../support/dist";

const SRC = path.join(REPO_ROOT, "src");
/** ownEntry itself; and the schema's membership check, which needs a boolean, not the entry. */
const ALLOWED = new Set(["src/model/library/indexLibrary.ts", "src/model/library/schema.ts"]);
const OWN_KEY_CHECK = /hasOwnProperty|Object\.hasOwn\b/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(SRC, "dev") ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

test("tests own keys only through ownEntry", () => {
  // Given the add-in's sources
  const copies = sourceFiles(SRC)
    .map((file) => path.relative(REPO_ROOT, file).split(path.sep).join("/"))
    .filter((file) => !ALLOWED.has(file))
    .filter((file) => OWN_KEY_CHECK.test(fs.readFileSync(path.join(REPO_ROOT, file), "utf8")));
  // Then only ownEntry (and the schema's membership check) test own keys
  expect(copies).toEqual([]);
});

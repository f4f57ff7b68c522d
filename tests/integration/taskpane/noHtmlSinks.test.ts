/**
 * No source file parses strings as HTML or code: the sidebar builds DOM with createElement and
 * textContent only. A grep over src/ (every .ts, .js and .html file).
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.resolve(__dirname, "../../../src");

const FORBIDDEN: ReadonlyArray<[string, RegExp]> = [
  ["innerHTML", /\binnerHTML\b/],
  ["outerHTML", /\bouterHTML\b/],
  ["insertAdjacentHTML", /\binsertAdjacentHTML\b/],
  ["document.write", /\bdocument\s*\.\s*write(?:ln)?\b/],
  ["eval", /(?<![\w$.])eval\s*\(/],
  ["new Function", /\bnew\s+Function\s*\(/],
  ["createContextualFragment", /\bcreateContextualFragment\b/],
  ["DOMParser", /\bDOMParser\b/],
  ["string timer", /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
];

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (/\.(ts|js|mjs|cjs|html)$/.test(entry.name)) files.push(full);
  }
  return files;
}

describe("no HTML or code parsing in src/", () => {
  const files = sourceFiles(SRC);

  it("finds files to check", () => {
    // Given the source tree
    // Then there are files to check (including the sidebar)
    expect(files.some((f) => f.endsWith(path.join("taskpane", "app.ts")))).toBe(true);
    expect(files.some((f) => f.endsWith(path.join("taskpane", "taskpane.html")))).toBe(true);
  });

  it.each(FORBIDDEN)("finds no %s in src/", (_name, pattern) => {
    // Given every file in src/
    const offenders = files
      .filter((file) => pattern.test(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(SRC, file));
    // Then none uses %s
    expect(offenders).toEqual([]);
  });

  it("has no inline handlers or javascript: URLs in the page", () => {
    // Given the task pane page
    const html = fs.readFileSync(path.join(SRC, "taskpane", "taskpane.html"), "utf8");
    // Then it has no inline event-handler attributes and no javascript: URLs
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});

/**
 * Reading functions.json for the function finder: the built file, and files that are not ours.
 */
import {
  MAX_CATALOG_CHARS,
  parseFunctionCatalog,
  summaryOf,
} from "../../../src/taskpane/functionCatalog";
import { readDistFile } from "../../support/dist";

const fn = (extra: Record<string, unknown> = {}) => ({ id: "GPUCOST", name: "GPUCOST", ...extra });
const parse = (functions: unknown[]) => parseFunctionCatalog(JSON.stringify({ functions }));

describe("parseFunctionCatalog", () => {
  it("reads the built functions.json: every function, its arguments in order, spills marked", () => {
    // Given the built file (npx webpack --mode production)
    const text = readDistFile("functions.json");
    const raw = JSON.parse(text) as {
      functions: {
        id: string;
        parameters?: { name: string }[];
        result?: { dimensionality?: string };
      }[];
    };
    // When it is parsed
    const read = parseFunctionCatalog(text);
    // Then it lists the same ids and argument names, and marks the matrix results as spills
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.functions.map((f) => f.id)).toEqual(raw.functions.map((f) => f.id));
    for (const [i, f] of read.functions.entries()) {
      expect(f.parameters.map((p) => p.name)).toEqual(
        (raw.functions[i]?.parameters ?? []).map((p) => p.name)
      );
      expect(f.spills).toBe(raw.functions[i]?.result?.dimensionality === "matrix");
    }
    expect(read.functions.find((f) => f.id === "RENTVSBUILD")?.spills).toBe(true);
  });

  it("refuses ids and argument names a formula cannot hold", () => {
    // Given ids or names with characters outside A-Z, 0-9, _ and .; Then the file is refused
    expect(parse([fn({ id: 'X",1)' })]).ok).toBe(false);
    expect(parse([fn({ name: "gpu cost" })]).ok).toBe(false);
    expect(parse([fn({ parameters: [{ name: "a b" }] })]).ok).toBe(false);
    expect(parse([fn(), fn()])).toEqual({
      ok: false,
      problem: "functions.json lists GPUCOST twice.",
    });
  });

  it("refuses a required argument after an optional one, and files too large", () => {
    // Given an order Excel does not allow, and a file over the limit; Then both are refused
    const read = parse([fn({ parameters: [{ name: "a", optional: true }, { name: "b" }] })]);
    expect(read.ok ? "" : read.problem).toContain("required argument after an optional one");
    expect(parseFunctionCatalog(" ".repeat(MAX_CATALOG_CHARS + 1)).ok).toBe(false);
    expect(parseFunctionCatalog("{").ok).toBe(false);
    expect(parse([]).ok).toBe(false);
  });
});

describe("summaryOf", () => {
  it("keeps the first sentence", () => {
    // Given a description of two sentences; Then the list shows the first
    expect(summaryOf("Cost of renting GPUs, in USD. More text.")).toBe(
      "Cost of renting GPUs, in USD."
    );
    expect(summaryOf("Values 0.5 and 1.5 stay")).toBe("Values 0.5 and 1.5 stay");
  });
});

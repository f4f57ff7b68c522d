/**
 * SIMULATE and TORNADO through the built dist/functions.js (docs/model.md section 5c): the spill's labels, the
 * trials and seed arguments, reproducibility, and agreement with RENTVSBUILD where the answer is known: a
 * library without ranges makes every trial RENTVSBUILD's case, and a tornado bar's difference at its low is
 * RENTVSBUILD on a library with that quantity at its low. Small trial counts keep the runs short.
 */
import { BUNDLED_LIBRARY } from "../../../src/model/library/bundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { caseFor, caseRecords, uncertainInputs } from "../../../src/model/risk";
import type { LibraryDocument } from "../../../src/model/library/schema";
import { writeCachedLibrary } from "../../../src/shared-state/libraryCache";
import {
  ErrorCode,
  excelError,
  loadBuiltFunctions,
  type LoadedFunctions,
  numberResult,
} from "../../support/customFunctionsRuntime";

let fns: LoadedFunctions;
beforeAll(() => {
  fns = loadBuiltFunctions();
});

const num = numberResult;
const table = (value: unknown): unknown[][] => value as unknown[][];
const valueOf = (rows: unknown[][], label: string): unknown => {
  const row = rows.find(([l]) => l === label);
  if (row === undefined) throw new Error(`no row "${label}" in ${JSON.stringify(rows)}`);
  return row[1];
};

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A copy of the bundled library that the test may change. */
const libraryCopy = (): Json => JSON.parse(JSON.stringify(BUNDLED_LIBRARY)) as Json;

/** Every quantity's low and high set to its value: nothing left to sample. */
function withoutRanges(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(withoutRanges);
  if (!isRecord(node)) return;
  if (typeof node.value === "number") {
    if ("low" in node) node.low = node.value;
    if ("high" in node) node.high = node.value;
  }
  Object.values(node).forEach(withoutRanges);
}

/** The record at a library path such as "regions.us-tn.gridConnectionMonths" (keys may hold dots). */
function recordAt(root: Json, path: string): Json {
  if (path === "") return root;
  const key = Object.keys(root)
    .filter((k) => path === k || path.startsWith(`${k}.`))
    .sort((a, b) => b.length - a.length)[0];
  const next = key === undefined ? undefined : root[key];
  if (!isRecord(next)) throw new Error(`no record at "${path}"`);
  return recordAt(next, path.slice(key.length + 1));
}

class Storage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** The functions as they start with `library` saved by the sidebar (restored before the first calculation). */
function functionsOn(library: Json): LoadedFunctions {
  const storage = new Storage();
  const doc = library as unknown as LibraryDocument;
  writeCachedLibrary(storage, {
    text: JSON.stringify(library),
    library: doc,
    source: { kind: "file", fileName: "test.json" },
    savedAt: "2026-12-01T00:00:00.000Z",
  });
  return loadBuiltFunctions({ localStorage: storage });
}

const OUTPUT_LABELS = [
  "NPV build (USD)",
  "NPV rent (USD)",
  "Difference, build - rent (USD)",
  "Difference incl. cost of delay (USD)",
  "Build: months to first capacity",
  "Rent: months to capacity",
  "Build cost per useful GPU-hour (USD)",
  "Rent cost per useful GPU-hour (USD)",
];
const PERCENTILE_ROWS = ["P5", "P10", "P50", "P90", "P95"];
const USEFUL = new Set(OUTPUT_LABELS.slice(6));

const EXPECTED_LABELS = [
  "Trials",
  "Seed",
  "Library",
  "Inputs sampled",
  "Correlation presets applied",
  "Correlation matrix adjusted by",
  ...OUTPUT_LABELS.flatMap((label) => [
    ...["mean", ...PERCENTILE_ROWS].map((s) => `${label}, ${s}`),
    ...(USEFUL.has(label)
      ? [`${label}, share of trials priced`, `${label}, expected cost / expected useful hours`]
      : []),
  ]),
  "Probability building wins (incl. cost of delay)",
  "Probability building wins (excl. cost of delay)",
  "Standard error of mean difference incl. cost of delay (USD)",
  "Worst-10% driver 1",
  "Worst-10% driver 1, shift (sd)",
  "Worst-10% driver 2",
  "Worst-10% driver 2, shift (sd)",
  "Worst-10% driver 3",
  "Worst-10% driver 3, shift (sd)",
];

const simulate = (on: LoadedFunctions, ...args: unknown[]): unknown[][] =>
  table(on.call("SIMULATE", ...args));

describe("SIMULATE", () => {
  test("spills the documented labels, in order, once each", () => {
    // Given 1,000 H100 for 5 years in Tennessee, 200 trials
    const rows = simulate(fns, "H100", 1000, 5, "TN", null, null, 200, 7);
    // Then 65 label/value rows with the documented labels
    expect(rows.map(([label]) => label)).toEqual(EXPECTED_LABELS);
    expect(new Set(EXPECTED_LABELS).size).toBe(EXPECTED_LABELS.length);
    for (const row of rows) expect(row).toHaveLength(2);
    // And the run's own rows
    expect(valueOf(rows, "Trials")).toBe(200);
    expect(valueOf(rows, "Seed")).toBe(7);
    expect(valueOf(rows, "Library")).toBe(fns.call("LIBRARY"));
    expect(num(valueOf(rows, "Inputs sampled"))).toBeGreaterThan(3);
    expect(valueOf(rows, "Correlation presets applied")).toBe(0);
    expect(valueOf(rows, "Correlation matrix adjusted by")).toBe(0);
  });

  test("runs 10,000 trials with seed 1 when both are omitted", () => {
    // Given no trials and no seed
    const omitted = simulate(fns, "H100", 1000, 5);
    // Then the run is the one with trials 10,000 and seed 1
    expect(valueOf(omitted, "Trials")).toBe(10_000);
    expect(valueOf(omitted, "Seed")).toBe(1);
    expect(simulate(fns, "H100", 1000, 5, null, null, null, 10_000, 1)).toEqual(omitted);
  });

  test.each([
    ["trials 99", 99, 1, /trials must be a whole number from 100 to 1,000,000 \(got 99\)/],
    ["trials 1,000,001", 1_000_001, 1, /trials must be a whole number from 100 to 1,000,000/],
    ["trials 100.5", 100.5, 1, /trials must be a whole number from 100 to 1,000,000 \(got 100.5\)/],
    ["seed -1", 200, -1, /seed must be a whole number from 0 to 4,294,967,295 \(got -1\)/],
    ["seed 2^32", 200, 2 ** 32, /seed must be a whole number from 0 to 4,294,967,295/],
    ["seed 1.5", 200, 1.5, /seed must be a whole number/],
    [
      "trials as text",
      "many",
      1,
      /trials must be a whole number from 100 to 1,000,000, not "many"/,
    ],
  ])("refuses %s with #VALUE! and a message", (_label, trials, seed, message) => {
    const error = excelError(() =>
      fns.call("SIMULATE", "H100", 1000, 5, null, null, null, trials, seed)
    );
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(message);
  });

  test("accepts the limits of trials and seed", () => {
    const rows = simulate(fns, "H100", 8, 3, null, null, null, 100, 4_294_967_295);
    expect(valueOf(rows, "Trials")).toBe(100);
    expect(valueOf(rows, "Seed")).toBe(4_294_967_295);
    expect(valueOf(simulate(fns, "H100", 8, 3, null, null, null, 100, 0), "Seed")).toBe(0);
  });

  test("gives the same spill for the same arguments and other numbers for another seed", () => {
    const args = ["H100", 5000, 6, "TX", "1yr", "fast-track", 300] as const;
    const first = simulate(fns, ...args, 42);
    expect(simulate(fns, ...args, 42)).toEqual(first);
    const other = simulate(fns, ...args, 43);
    expect(valueOf(other, "NPV build (USD), mean")).not.toBe(
      valueOf(first, "NPV build (USD), mean")
    );
    expect(valueOf(other, "NPV rent (USD), P50")).not.toBe(valueOf(first, "NPV rent (USD), P50"));
  });

  test.each([
    ["standard", "standard"],
    ["bridge", "bridge"],
    ["colocation, on demand", "colocation"],
  ])("orders its percentiles and keeps probabilities in [0, 1] (%s)", (_label, approach) => {
    const term = approach === "colocation" ? "on-demand" : null;
    const rows = simulate(fns, "H100", 20_000, 5, "TN", term, approach, 400, 3);
    for (const label of OUTPUT_LABELS) {
      const values = PERCENTILE_ROWS.map((p) => valueOf(rows, `${label}, ${p}`));
      if (values.every((v) => typeof v === "string")) continue; // nothing priced
      const numbers = values.map(num);
      for (let i = 1; i < numbers.length; i++)
        expect(numbers[i]).toBeGreaterThanOrEqual(numbers[i - 1]);
    }
    for (const label of [
      "Probability building wins (incl. cost of delay)",
      "Probability building wins (excl. cost of delay)",
      "Build cost per useful GPU-hour (USD), share of trials priced",
      "Rent cost per useful GPU-hour (USD), share of trials priced",
    ]) {
      const p = num(valueOf(rows, label));
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(
      num(valueOf(rows, "Standard error of mean difference incl. cost of delay (USD)"))
    ).toBeGreaterThanOrEqual(0);
    expect(typeof valueOf(rows, "Worst-10% driver 1")).toBe("string");
    expect(typeof valueOf(rows, "Worst-10% driver 1, shift (sd)")).toBe("number");
  });

  describe("on a library with a correlation preset", () => {
    it("applies the library's preset between two sampled inputs", () => {
      // Given a library whose risk section correlates the rental rate with the system price (a test figure)
      const library = libraryCopy();
      library.risk = {
        shapes: { rentRate: "triangular" },
        correlations: [
          {
            inputs: ["rentRate", "systemPricePerGpu"],
            rho: 0.5,
            source: "test figure",
            asOf: "2026-12",
          },
        ],
      };
      const on = functionsOn(library);
      const rows = simulate(on, "H100", 1000, 5, null, null, null, 500, 3);
      // Then the one preset is applied, the matrix needed no repair
      expect(valueOf(rows, "Correlation presets applied")).toBe(1);
      expect(valueOf(rows, "Correlation matrix adjusted by")).toBe(0);
      // And the bundled library, with no presets, applies none with the same arguments
      const plain = simulate(fns, "H100", 1000, 5, null, null, null, 500, 3);
      expect(valueOf(plain, "Correlation presets applied")).toBe(0);
      // And the rows differ (the triangular shape and the reordering change the draws)
      expect(valueOf(rows, "NPV rent (USD), mean")).not.toBe(
        valueOf(plain, "NPV rent (USD), mean")
      );
    });
  });

  describe("on a library without ranges", () => {
    let flat: LoadedFunctions;
    beforeAll(() => {
      const library = libraryCopy();
      withoutRanges(library);
      flat = functionsOn(library);
    });

    test.each([
      ["standard in Tennessee, 1yr", ["H100", 1000, 5, "TN", "1yr", "standard"]],
      ["bridge, default term", ["H100", 100_000, 5, null, null, "bridge"]],
      ["fast-track H200 in Texas, on demand", ["H200", 2048, 7, "TX", "on-demand", "fast-track"]],
      ["colocation, on demand", ["H100", 64, 3, "VA", "on-demand", "colocation"]],
    ])("every percentile is RENTVSBUILD's row (%s)", (_label, args) => {
      const [gpu, count, years, region, term, approach] = args;
      const rows = simulate(flat, gpu, count, years, region, term, approach, 200, 5);
      const rvb = table(flat.call("RENTVSBUILD", gpu, count, years, region, term, null, approach));
      // Nothing is sampled, so no drivers either
      expect(valueOf(rows, "Inputs sampled")).toBe(0);
      expect(valueOf(rows, "Worst-10% driver 1")).toBe("none");
      expect(valueOf(rows, "Worst-10% driver 3, shift (sd)")).toBe("none");
      for (const label of [
        "NPV build (USD)",
        "NPV rent (USD)",
        "Difference, build - rent (USD)",
        "Difference incl. cost of delay (USD)",
      ]) {
        const expected = num(valueOf(rvb, label));
        for (const statistic of ["mean", ...PERCENTILE_ROWS])
          expect(num(valueOf(rows, `${label}, ${statistic}`))).toBeCloseTo(expected, 2);
      }
      for (const label of ["Build: months to first capacity", "Rent: months to capacity"])
        expect(num(valueOf(rows, `${label}, P50`))).toBeCloseTo(num(valueOf(rvb, label)), 9);
      for (const label of USEFUL) {
        const expected = valueOf(rvb, label);
        const p50 = valueOf(rows, `${label}, P50`);
        if (typeof expected === "number") expect(num(p50)).toBeCloseTo(expected, 9);
        else expect(p50).toBe("no useful GPU-hours in the horizon");
      }
    });
  });
});

const HEADER = [
  "Input",
  "Low",
  "High",
  "Difference at low (USD)",
  "Difference at high (USD)",
  "Swing (USD)",
];

describe("TORNADO", () => {
  test("spills a header and bars sorted by swing, each swing |at high - at low|", () => {
    const [header, ...bars] = table(fns.call("TORNADO", "H100", 100_000, 5, "TN"));
    expect(header).toEqual(HEADER);
    expect(bars.length).toBeGreaterThan(3);
    for (const bar of bars) {
      expect(bar).toHaveLength(6);
      expect(typeof bar[0]).toBe("string");
      expect(num(bar[1])).toBeLessThan(num(bar[2]));
      expect(num(bar[5])).toBeCloseTo(Math.abs(num(bar[4]) - num(bar[3])), 2);
    }
    for (let i = 1; i < bars.length; i++)
      expect(num(bars[i][5])).toBeLessThanOrEqual(num(bars[i - 1][5]));
    expect(new Set(bars.map(([key]) => key)).size).toBe(bars.length);
  });

  /**
   * The library paths of a case's inputs, by key (the engine's uncertainInputs on the bundled library): an input
   * that is the same figure as others (the rental rate and the value of a GPU-hour) has all their paths.
   */
  function pathsOf(gpu: string, count: number, years: number, region: string, bridge: boolean) {
    const c = caseFor(buildIndex(BUNDLED_LIBRARY), {
      gpu,
      count,
      years,
      region,
      approach: bridge ? "bridge" : undefined,
    });
    return new Map(
      uncertainInputs(c, caseRecords(c)).map(
        (input) => [input.key, [input.path, ...input.sameFigure.map((o) => o.path)]] as const
      )
    );
  }

  test.each([
    ["standard", null],
    ["bridge", "bridge"],
  ])(
    "puts at low and at high RENTVSBUILD's difference with that quantity moved (%s, top 3 bars)",
    (_label, approach) => {
      // Given 100,000 H100 for 5 years in Tennessee
      const [, ...bars] = table(fns.call("TORNADO", "H100", 100_000, 5, "TN", null, approach));
      const paths = pathsOf("H100", 100_000, 5, "TN", approach === "bridge");
      for (const [key, low, high, atLow, atHigh] of bars.slice(0, 3)) {
        const figure = paths.get(key as never);
        if (figure === undefined) throw new Error(`no path for ${String(key)}`);
        const at = (value: unknown): number => {
          // When the library's quantity is set to its low (high), every other at its value
          const library = libraryCopy();
          for (const path of figure) recordAt(library, path).value = value;
          const rows = table(
            functionsOn(library).call("RENTVSBUILD", "H100", 100_000, 5, "TN", null, null, approach)
          );
          return num(valueOf(rows, "Difference incl. cost of delay (USD)"));
        };
        // Then RENTVSBUILD's difference incl. cost of delay is the bar's, to the cent
        expect(num(atLow)).toBeCloseTo(at(low), 2);
        expect(num(atHigh)).toBeCloseTo(at(high), 2);
      }
    }
  );

  test("refuses what RENTVSBUILD refuses", () => {
    expect(excelError(() => fns.call("TORNADO", "H100", 1000, 0)).code).toBe(
      ErrorCode.invalidValue
    );
    expect(excelError(() => fns.call("TORNADO", "nope", 1000, 5)).code).toBe(
      ErrorCode.notAvailable
    );
  });
});

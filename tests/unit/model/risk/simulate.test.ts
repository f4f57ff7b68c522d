import { buildIndex } from "../../../../src/model/library/indexLibrary";
import { parseLibrary } from "../../../../src/model/library/load";
import {
  caseRecords,
  evaluateCase,
  OUTPUT_KEYS,
  runBytes,
  simulate,
  spearman,
  startSimulation,
  summarize,
  type RiskInputKey,
  type RiskSettings,
  type RiskShape,
  type SimulationRun,
} from "../../../../src/model/risk";
import { ModelInputError } from "../../../../src/model/finance/errors";
import { expectModelError } from "../../../support/model/finance/fixtures";
import { bundledCopy, riskCase } from "./riskFixtures";

const settingsWith = (
  shapes: [RiskInputKey, RiskShape][],
  correlations: RiskSettings["correlations"] = []
): RiskSettings => ({ shapes: new Map(shapes), correlations });

function column(run: SimulationRun, key: RiskInputKey): Float64Array {
  const j = run.inputs.findIndex((input) => input.key === key);
  if (j < 0) throw new Error(`${key} was not sampled`);
  return run.samples[j];
}

describe("simulate: reproducibility and arguments", () => {
  const c = riskCase();

  it("gives identical arrays for the same seed and different ones for another seed", () => {
    const a = simulate(c, 200, 42);
    const b = simulate(c, 200, 42);
    const other = simulate(c, 200, 43);
    expect(b.samples).toHaveLength(a.samples.length);
    a.samples.forEach((values, j) => expect(b.samples[j]).toEqual(values));
    for (const key of OUTPUT_KEYS) expect(b.outputs[key]).toEqual(a.outputs[key]);
    // Another seed: every sampled column is drawn differently, and so is the result
    a.samples.forEach((values, j) => expect(other.samples[j]).not.toEqual(values));
    expect(other.outputs.differenceWithDelay).not.toEqual(a.outputs.differenceWithDelay);
  });

  it.each([
    ["trials", 99, 1],
    ["trials", 1_000_001, 1],
    ["trials", 100.5, 1],
    ["seed", 100, -1],
    ["seed", 100, 2 ** 32],
    ["seed", 100, 0.5],
  ])("refuses %s out of range (trials %p, seed %p)", (field, trials, seed) => {
    expectModelError(() => simulate(c, trials, seed), field, "range");
  });

  it("accepts the ends of the ranges: 100 trials, seeds 0 and 2^32 - 1", () => {
    expect(simulate(c, 100, 0).trials).toBe(100);
    expect(simulate(c, 100, 2 ** 32 - 1).seed).toBe(2 ** 32 - 1);
  });

  it("counts the bytes of its arrays: (inputs + 8 outputs + 4 workings) x trials x 8", () => {
    const run = simulate(c, 200, 1);
    // The default case samples 18 inputs (riskInputs.test.ts: 20 ranged, two folded into the figure they share):
    // (18 + 8 + 4) x 200 x 8 = 48,000 bytes
    expect(run.inputs).toHaveLength(18);
    expect(runBytes(run)).toBe(48_000);
  });
});

describe("simulate: sampling", () => {
  const c = riskCase();

  it("evaluates each trial as the case with that trial's samples set on fresh records", () => {
    // The run binds its inputs into one set of records; setting the same values one by one on a fresh copy
    // (input.set) is an independent route to the same trial
    for (const spec of [{}, { approach: "fast-track" }, { gpu: "B200", approach: "colocation" }]) {
      const k = riskCase(spec);
      const run = simulate(k, 100, 21);
      for (const t of [0, 37, 99]) {
        const records = caseRecords(k);
        run.inputs.forEach((input, j) => input.set(records, run.samples[j][t]));
        const expected = evaluateCase(k, records);
        for (const key of OUTPUT_KEYS) expect(run.outputs[key][t]).toBe(expected[key] ?? NaN);
      }
    }
  });

  it("draws an input the same way whichever other inputs the case samples", () => {
    // Each input has its own stream (its place in the catalog): the standard build and colocation sample
    // different inputs, but the rental rate is drawn identically with the same seed
    const build = simulate(c, 200, 8);
    const colo = simulate(riskCase({ approach: "colocation" }), 200, 8);
    expect(build.inputs.map((i) => i.key)).not.toEqual(colo.inputs.map((i) => i.key));
    expect(column(colo, "rentRate")).toEqual(column(build, "rentRate"));
  });

  it("hits every Latin hypercube stratum once (a triangular input, its CDF written here)", () => {
    // Given rentRate sampled as triangular(1.7, 2.35, 2.65) (rentalOffers.market-h100-1yr.rate)
    const [a, m, b] = [1.7, 2.35, 2.65];
    const cdf = (x: number): number =>
      x <= m ? (x - a) ** 2 / ((b - a) * (m - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - m));
    const n = 1000;
    const run = simulate(c, n, 5, settingsWith([["rentRate", "triangular"]]));
    expect(run.inputs.find((i) => i.key === "rentRate")?.shape).toBe("triangular");
    // When each sample is mapped back to its uniform, u = F(x)
    const strata = Array.from(column(run, "rentRate"), (x) => Math.floor(cdf(x) * n)).sort(
      (p, q) => p - q
    );
    // Then the strata floor(u n) are 0..n-1, each once
    expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
  });

  it("keeps bounded shapes inside [low, high] and right-skewed ones at or above the low", () => {
    const run = simulate(c, 1000, 3);
    for (const [j, input] of run.inputs.entries()) {
      const values = run.samples[j];
      const min = values.reduce((p, q) => Math.min(p, q), Infinity);
      const max = values.reduce((p, q) => Math.max(p, q), -Infinity);
      expect(min).toBeGreaterThanOrEqual(input.low);
      if (input.shape === "right-skewed") continue;
      expect(max).toBeLessThanOrEqual(input.high);
      // Some spread (not stuck at one end): the middle half of the range is reached
      expect(max - min).toBeGreaterThan(0.5 * (input.high - input.low));
    }
    // Schedules are right-skewed by default; the construction time (18 / 21 / 24) can overrun its high
    const build = run.inputs.find((i) => i.key === "constructionMonths");
    expect(build?.shape).toBe("right-skewed");
    expect(column(run, "constructionMonths").some((x) => x > 24)).toBe(true);
  });

  it("samples nothing from a library without ranges and every trial is the typical case", () => {
    // Given the bundled library with every quantity's low and high removed
    const doc = bundledCopy() as unknown;
    const strip = (node: unknown): void => {
      if (typeof node !== "object" || node === null) return;
      const record = node as Record<string, unknown>;
      if (typeof record.value === "number") {
        delete record.low;
        delete record.high;
      }
      for (const child of Object.values(record)) strip(child);
    };
    strip(doc);
    const parsed = parseLibrary(doc);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const flat = riskCase({}, buildIndex(parsed.library));
    // When it runs
    const run = simulate(flat, 200, 9);
    expect(run.inputs).toHaveLength(0);
    // 8 outputs + 4 workings, no samples: 12 x 200 x 8 bytes
    expect(runBytes(run)).toBe(12 * 200 * 8);
    // Then every percentile of every output is the bundled case's typical evaluation, to the cent
    const typical = evaluateCase(c, caseRecords(c));
    const summary = summarize(run);
    for (const key of OUTPUT_KEYS) {
      const d = summary.outputs[key];
      const want = typical[key];
      if (d === null || want === null) throw new Error(`${key} not priced`);
      for (const p of d.percentiles) expect(Math.abs(p - want)).toBeLessThan(0.005);
      expect(Math.abs(d.mean - want)).toBeLessThan(0.005);
    }
    // No spread: the standard error is 0 up to the rounding of a mean of 200 equal values near 4.6e9 USD
    expect(summary.standardErrorOfMeanDifference).toBeLessThan(
      1e-12 * Math.abs(typical.differenceWithDelay)
    );
    expect(summary.drivers).toHaveLength(0);
  });

  it("orders percentiles and keeps probabilities in [0, 1]", () => {
    const summary = summarize(simulate(c, 500, 11));
    for (const key of OUTPUT_KEYS) {
      const d = summary.outputs[key];
      if (d === null) continue;
      for (let i = 1; i < d.percentiles.length; i++) {
        expect(d.percentiles[i]).toBeGreaterThanOrEqual(d.percentiles[i - 1]);
      }
      expect(d.pricedShare).toBeGreaterThan(0);
      expect(d.pricedShare).toBeLessThanOrEqual(1);
    }
    for (const p of [summary.probabilityBuildWins, summary.probabilityBuildWinsExclDelay]) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });
});

describe("simulate: correlation presets", () => {
  const c = riskCase();

  it("imposes a preset's rank correlation on the two sampled columns", () => {
    // Given rentRate with systemPricePerGpu at rho 0.7
    const settings = settingsWith(
      [],
      [{ inputs: ["rentRate", "systemPricePerGpu"], rho: 0.7, source: "test" }]
    );
    const run = simulate(c, 5000, 1, settings);
    expect(run.correlation).toEqual({ pairs: 1, changedBy: 0 });
    // Then their Spearman rho is 0.7 within 0.05 (docs/model.md 12.5: Iman-Conover reaches about 0.686)
    const rho = spearman(column(run, "rentRate"), column(run, "systemPricePerGpu"));
    expect(Math.abs(rho - 0.7)).toBeLessThan(0.05);
    // And an input not in a preset stays independent of them (|rho| of order 1 / sqrt(5000) = 0.014)
    expect(Math.abs(spearman(column(run, "rentRate"), column(run, "pue")))).toBeLessThan(0.05);
  });

  it("repairs an impossible set of presets and still runs", () => {
    // Given systemPricePerGpu ~ rentRate 0.9, rentRate ~ pue 0.9, systemPricePerGpu ~ pue -0.9: rentRate is
    // the hub of [[1, .9, -.9], [.9, 1, .9], [-.9, .9, 1]] (x2 = rentRate), which cannot hold (docs 12.5)
    const settings = settingsWith(
      [],
      [
        { inputs: ["systemPricePerGpu", "rentRate"], rho: 0.9, source: "test" },
        { inputs: ["rentRate", "pue"], rho: 0.9, source: "test" },
        { inputs: ["systemPricePerGpu", "pue"], rho: -0.9, source: "test" },
      ]
    );
    const run = simulate(c, 2000, 1, settings);
    // Then the nearest valid matrix is I + 0.5 B (docs/model.md 12.5): each of the six off-diagonal entries
    // moves by 0.4, so changedBy = sqrt(6 x 0.4^2) = sqrt(0.96) = 0.9798
    expect(run.correlation.pairs).toBe(3);
    expect(run.correlation.changedBy).toBeCloseTo(Math.sqrt(0.96), 3);
    // And the columns follow the repaired targets (0.5, 0.5, -0.5; rank correlation about 0.48)
    const sys = column(run, "systemPricePerGpu");
    const rate = column(run, "rentRate");
    const value = column(run, "pue");
    expect(Math.abs(spearman(sys, rate) - 0.5)).toBeLessThan(0.06);
    expect(Math.abs(spearman(rate, value) - 0.5)).toBeLessThan(0.06);
    expect(Math.abs(spearman(sys, value) + 0.5)).toBeLessThan(0.06);
    expect(run.outputs.differenceWithDelay.every(Number.isFinite)).toBe(true);
  });

  it("ignores a preset whose input the case does not sample", () => {
    // colocationPerKwMonth is not an input of the standard build
    const settings = settingsWith(
      [],
      [{ inputs: ["rentRate", "colocationPerKwMonth"], rho: 0.7, source: "test" }]
    );
    expect(simulate(c, 100, 1, settings).correlation).toEqual({ pairs: 0, changedBy: 0 });
  });
});

describe("startSimulation: a run in steps", () => {
  const c = riskCase();
  it("gives the numbers of simulate whatever the steps, and refuses its result before the end", () => {
    const whole = simulate(c, 300, 7);
    const run = startSimulation(c, 300, 7);
    expect(() => run.result()).toThrow(ModelInputError);
    // Steps of 1, 0, 128 and then more than remain: 1, 1, 129, 300 done
    expect([run.step(1), run.step(0), run.step(128), run.step(1000)]).toEqual([1, 1, 129, 300]);
    expect(run.done()).toBe(300);
    const stepped = run.result();
    for (const key of OUTPUT_KEYS) expect(stepped.outputs[key]).toEqual(whole.outputs[key]);
    expect(stepped.samples).toEqual(whole.samples);
  });
});

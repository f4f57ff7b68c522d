import { caseRecords, evaluateCase, tornado, uncertainInputs } from "../../../../src/model/risk";
import { indexWithValue, riskCase, type CaseSpec } from "./riskFixtures";

/** |a - b| within 1e-12 of the magnitude (sums of NPVs near 1e9 USD round at about 1e-6). */
function expectSame(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe("tornado", () => {
  const c = riskCase();
  const t = tornado(c);

  it("has a bar per uncertain input, sorted by swing, each swing |atHigh - atLow|", () => {
    expect(t.bars.map((b) => b.key).sort()).toEqual(
      uncertainInputs(c, caseRecords(c))
        .map((i) => i.key)
        .sort()
    );
    for (let i = 1; i < t.bars.length; i++) {
      expect(t.bars[i].swing).toBeLessThanOrEqual(t.bars[i - 1].swing);
    }
    for (const bar of t.bars) expect(bar.swing).toBe(Math.abs(bar.atHigh - bar.atLow));
    // Not all swings equal, or the order above would say nothing
    expect(t.bars[0].swing).toBeGreaterThan(t.bars[t.bars.length - 1].swing);
  });

  it("has the base at every typical value", () => {
    expect(t.base).toBe(evaluateCase(c, caseRecords(c)).differenceWithDelay);
  });

  it("moves one input at a time: each end is the case with only that input set", () => {
    const inputs = uncertainInputs(c, caseRecords(c));
    for (const bar of t.bars) {
      const input = inputs.find((i) => i.key === bar.key);
      if (input === undefined) throw new Error(bar.key);
      const at = (value: number): number => {
        const records = caseRecords(c);
        input.set(records, value);
        return evaluateCase(c, records).differenceWithDelay;
      };
      expect([bar.low, bar.high]).toEqual([input.low, input.high]);
      expectSame(bar.atLow, at(input.low));
      expectSame(bar.atHigh, at(input.high));
    }
  });

  it("an input whose low is its typical value has atLow = base", () => {
    // regions.us-tn.gridConnectionMonths: value 48, high 84, no low (default-library.json)
    const grid = t.bars.find((b) => b.key === "gridMonths");
    expect(grid?.low).toBe(48);
    expect(grid?.atLow).toBe(t.base);
    // A longer grid wait delays the build: the difference with the cost of delay grows
    expect(grid?.atHigh).toBeGreaterThan(t.base);
  });

  // Every bar of the case (a case has at most 20 uncertain inputs; 20 takes them all)
  it.each<[string, CaseSpec, number]>([
    ["the default case", {}, 20],
    ["fast-track (a nested on-site generation cost)", { approach: "fast-track" }, 20],
    ["B200 colocation (the GPU's own cost of delay)", { gpu: "B200", approach: "colocation" }, 20],
  ])(
    "for %s, each end equals a case built from a library with that value changed",
    (_label, spec, top) => {
      // An independent route: the bar's path located in a copy of the library document, its value replaced
      // by the bar's low / high, the library indexed afresh and the case resolved from it
      const bars = tornado(riskCase(spec)).bars.slice(0, top);
      expect(bars.length).toBeGreaterThanOrEqual(3);
      for (const bar of bars) {
        const end = (value: number): number => {
          // An input that is the same figure as others (e.g. the rental rate and the value of a GPU-hour) moves
          // them all: every path of the figure is changed
          const paths = [bar.path, ...bar.sameFigure.map((other) => other.path)];
          const changed = riskCase(spec, indexWithValue(paths, value));
          return evaluateCase(changed, caseRecords(changed)).differenceWithDelay;
        };
        expectSame(bar.atLow, end(bar.low));
        expectSame(bar.atHigh, end(bar.high));
      }
    }
  );
});

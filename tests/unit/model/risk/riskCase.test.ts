import type { Overrides } from "../../../../src/model/overrides";
import { rentVsBuild } from "../../../../src/functions/computations";
import {
  caseEvaluator,
  caseRecords,
  evaluateCase,
  type TrialOutputs,
} from "../../../../src/model/risk";
import { riskCase } from "./riskFixtures";

type RowOutputs = Omit<
  TrialOutputs,
  "totalCostBuild" | "usefulHoursBuild" | "totalCostRent" | "usefulHoursRent"
>;

/** RENTVSBUILD's rows as TrialOutputs: rows 1, 2, 3, 7, 8, 10 (v1 NPVs) and 14, 15 (useful cost). */
function rentVsBuildRows(approach: string | null): RowOutputs {
  // gpu, count, years, region, term, discountRate, approach, provider: empty cells take the library's defaults
  const rows = rentVsBuild("H100", 100_000, 5, null, null, null, approach, null);
  const number = (row: number): number => {
    const cell = rows[row - 1][1];
    if (typeof cell !== "number") throw new Error(`row ${row} is ${String(cell)}`);
    return cell;
  };
  return {
    npvBuild: number(1),
    npvRent: number(2),
    difference: number(3),
    monthsToCapacityBuild: number(7),
    monthsToCapacityRent: number(8),
    differenceWithDelay: number(10),
    usefulCostBuild: number(14),
    usefulCostRent: number(15),
  };
}

describe("evaluateCase at the typical values", () => {
  it.each([
    ["the default approach", null, undefined],
    ['approach "bridge"', "bridge", "bridge"],
  ])("is CAPPLAN.RENTVSBUILD row for row for %s", (_label, formulaApproach, caseApproach) => {
    // Given 100,000 H100 for 5 years, region / offer / discount rate from the library (both routes)
    const expected = rentVsBuildRows(formulaApproach);
    const c = riskCase({ approach: caseApproach });
    const actual = evaluateCase(c, caseRecords(c));
    // Then every output matches the function's row (the same resolve and finance code: equal to rounding)
    for (const key of Object.keys(expected) as (keyof RowOutputs)[]) {
      const want = expected[key] as number;
      const got = actual[key] as number;
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
    }
  });

  it("records each route's total cost and useful hours, whose ratio is its cost per useful GPU-hour", () => {
    const c = riskCase();
    const out = evaluateCase(c, caseRecords(c));
    // The workings the summary's expected cost uses: cost / hours = the route engine's ratio
    expect(out.usefulHoursBuild).toBeGreaterThan(0);
    expect(out.totalCostBuild / out.usefulHoursBuild).toBeCloseTo(out.usefulCostBuild as number, 9);
    expect(out.totalCostRent / out.usefulHoursRent).toBeCloseTo(out.usefulCostRent as number, 9);
  });

  it.each([
    [
      "a typed power price and build months",
      null,
      undefined,
      [
        ["powerPrice", 0.1],
        ["buildMonths", 30],
      ],
    ],
    ["a typed PUE (the build time recomputed)", null, undefined, [["pue", 1.5]]],
    [
      "a bridge with an overlap and a typed lead time",
      "bridge",
      "bridge",
      [
        ["overlapMonths", 6],
        ["rentLeadTimeMonths", 3],
      ],
    ],
    [
      "a pinned ramp and goodput (route-only keys)",
      null,
      undefined,
      [
        ["rampMonths", 6],
        ["goodput", 0.8],
      ],
    ],
  ] as const)(
    "with %s pinned is RENTVSBUILD with those overrides, row for row",
    (_label, formulaApproach, caseApproach, pairs) => {
      const overrides = pairs.map(([key, value]) => [key, value]);
      const rows = rentVsBuild(
        "H100",
        100_000,
        5,
        null,
        null,
        null,
        formulaApproach,
        null,
        overrides
      );
      const number = (row: number): number => rows[row - 1][1] as number;
      const c = {
        ...riskCase({ approach: caseApproach }),
        overrides: Object.fromEntries(pairs) as Overrides,
      };
      const out = evaluateCase(c, caseRecords(c));
      const expected: [keyof TrialOutputs, number][] = [
        ["npvBuild", 1],
        ["npvRent", 2],
        ["difference", 3],
        ["monthsToCapacityBuild", 7],
        ["monthsToCapacityRent", 8],
        ["differenceWithDelay", 10],
        ["usefulCostBuild", 14],
        ["usefulCostRent", 15],
      ];
      for (const [key, row] of expected) {
        const want = number(row);
        expect(Math.abs((out[key] as number) - want)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(want))
        );
      }
      // And the pins moved the result (the parity compares a changed case, not the library's); route-only keys
      // move only the useful-hour costs
      const plain = riskCase({ approach: caseApproach });
      const before = evaluateCase(plain, caseRecords(plain));
      expect(expected.some(([key]) => out[key] !== before[key])).toBe(true);
    }
  );

  it("the bridge and the plain build differ (the parity above compares different numbers)", () => {
    const build = riskCase();
    const bridge = riskCase({ approach: "bridge" });
    const a = evaluateCase(build, caseRecords(build));
    const b = evaluateCase(bridge, caseRecords(bridge));
    expect(b.npvBuild).not.toBe(a.npvBuild);
    // The bridge rents from month 0, so its capacity comes as soon as the rental's
    expect(b.monthsToCapacityBuild).toBeLessThan(a.monthsToCapacityBuild);
  });
});

describe("caseRecords and caseEvaluator", () => {
  it("copies the records, so changing them leaves the case alone", () => {
    const c = riskCase();
    const records = caseRecords(c);
    expect(records.gpu).not.toBe(c.gpu);
    expect(records.gpu).toEqual(c.gpu);
    expect(records.operations).not.toBe(c.index.library.operations);
    records.operations.pue = { ...records.operations.pue, value: 1.5 };
    expect(c.index.library.operations.pue.value).toBe(1.3);
  });

  it("an evaluator reads its records afresh on every call", () => {
    // Given an evaluator bound to one set of records
    const c = riskCase();
    const records = caseRecords(c);
    const evaluate = caseEvaluator(c, records);
    const first = evaluate();
    // When the records' PUE changes after the evaluator was made (1.3 -> 1.5: more power per GPU)
    records.operations.pue = { ...records.operations.pue, value: 1.5 };
    const second = evaluate();
    // Then the second call sees it (the build costs more), and equals a fresh evaluation of those records
    expect(second.npvBuild).toBeGreaterThan(first.npvBuild);
    expect(second).toEqual(evaluateCase(c, records));
    // And the rental, which pays no power bill, is unchanged
    expect(second.npvRent).toBe(first.npvRent);
  });
});

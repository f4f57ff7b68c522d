/**
 * The risk section's run, pure (src/templates/riskRun.ts): the histogram's bins, the case read back from a
 * template's cells (what is pinned, what is reported, the typed ranges), and the insert-time run's cache.
 */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import {
  cachedTemplateRun,
  histogram,
  riskRangeNameBase,
  templateRiskCase,
} from "../../../src/templates/riskRun";
import { assumptionsFromLibrary } from "../../../src/templates/rentVsBuild";
import type { AssumptionKey } from "../../../src/templates/layout";

const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
const SCENARIO = "enterprise-1k-h100";

/** A reader over the template's assumption values as written, with `typed` cells changed. */
function sheet(typed: Record<string, unknown> = {}) {
  const specs = assumptionsFromLibrary(index, SCENARIO, "");
  const values = new Map<string, unknown>(specs.map((a) => [a.name, a.value] as const));
  for (const [name, value] of Object.entries(typed)) values.set(name, value);
  const library = new Map(specs.map((a) => [a.key as AssumptionKey, a.value] as const));
  return { read: (name: string) => values.get(name), library };
}

describe("histogram", () => {
  it("cuts min..max into equal bins, the maximum in the last", () => {
    // Given 0, 1, 2, ..., 10 in 5 bins: width (10 - 0) / 5 = 2, edges 2, 4, 6, 8, 10
    const bins = histogram(
      Float64Array.from({ length: 11 }, (_, i) => i),
      5
    );
    // Then [0, 2) holds 0 and 1; ... [8, 10] holds 8, 9 and 10
    expect(bins).toEqual([
      { upper: 2, count: 2 },
      { upper: 4, count: 2 },
      { upper: 6, count: 2 },
      { upper: 8, count: 2 },
      { upper: 10, count: 3 },
    ]);
  });

  it("puts equal values in the first bin", () => {
    const bins = histogram(Float64Array.from([7, 7, 7]), 4);
    expect(bins.map((b) => b.count)).toEqual([3, 0, 0, 0]);
    expect(bins[3].upper).toBe(7);
  });
});

describe("templateRiskCase", () => {
  it("reads the template as written back to the library's case, with nothing pinned or reported", () => {
    const { read, library } = sheet();
    const t = templateRiskCase(index, SCENARIO, "", read, library);
    expect(t.notes).toEqual([]);
    // enterprise-1k-h100 sets no rent lead time of its own: nothing differs from the engine's resolution
    expect(t.c.overrides).toBeUndefined();
    expect(t.c.count).toBe(VALIDATED_BUNDLED_LIBRARY.scenarios[SCENARIO].count);
  });

  it("pins a typed-over power price and build months and reports them", () => {
    const { read, library } = sheet({ CP_PowerPrice: 0.2, CP_BuildMonths: 40 });
    const t = templateRiskCase(index, SCENARIO, "", read, library);
    expect(t.c.overrides).toEqual({ powerPrice: 0.2, buildMonths: 40 });
    expect(t.notes).toEqual(["typed over and pinned for every trial: buildMonths, powerPrice"]);
  });

  it("reports a typed-over capex multiplier it cannot apply", () => {
    const { read, library } = sheet({ CP_CapexMultiplier: 1.5 });
    const t = templateRiskCase(index, SCENARIO, "", read, library);
    expect(t.notes).toEqual([
      "capexMultiplier typed over (1.5) is not applied: the run uses the library's",
    ]);
  });

  it("takes a typed range of an input from the ranges table", () => {
    const name = (end: "Low" | "Typical" | "High") => `CP_${riskRangeNameBase("pue", end)}`;
    const { read, library } = sheet({
      [name("Low")]: 1.2,
      [name("Typical")]: 1.25,
      [name("High")]: 1.4,
    });
    const t = templateRiskCase(index, SCENARIO, "", read, library);
    expect(t.c.ranges?.get("pue")).toEqual({ low: 1.2, value: 1.25, high: 1.4 });
  });

  it("reads the sheet's count and discount rate", () => {
    const { read, library } = sheet({ CP_GpuCount: 2048, CP_DiscountRate: 0.1 });
    const t = templateRiskCase(index, SCENARIO, "", read, library);
    expect([t.c.count, t.c.discountRate]).toEqual([2048, 0.1]);
  });
});

describe("cachedTemplateRun", () => {
  it("runs once per case and stamps each call with its own time", () => {
    const { read, library } = sheet();
    const t = templateRiskCase(index, SCENARIO, "", read, library);
    const first = cachedTemplateRun(index, SCENARIO, t, 200, 3, new Date("2026-12-01T00:00:00Z"));
    const second = cachedTemplateRun(index, SCENARIO, t, 200, 3, new Date("2026-12-02T00:00:00Z"));
    expect(second.run).toBe(first.run);
    expect([first.ranAt, second.ranAt]).toEqual([
      "2026-12-01T00:00:00.000Z",
      "2026-12-02T00:00:00.000Z",
    ]);
    // Another seed is another run
    expect(cachedTemplateRun(index, SCENARIO, t, 200, 4, new Date()).run).not.toBe(first.run);
  });
});

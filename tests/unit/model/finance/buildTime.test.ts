import {
  buildMonths,
  constructionMonths,
  daysToMonths,
  gridWaitMonths,
} from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("standard build profile", () => {
  // Given 21 months at 0 MW growing to 24 months at 1 GW (facility.shell_to_commissioned_months,
  // facility.construction_to_1gw_months): (24 - 21) / 1,000 MW × 100 = 0.3 months per 100 MW
  const perHundred = ((24 - 21) / 1000) * 100;

  it("1 GW", () => {
    // Then 21 + 0.3 × 1,000 / 100 = 24 months
    expect(constructionMonths(1000, 21, 0, perHundred)).toBeCloseTo(24, 12);
  });

  it("Colossus' 127.5 MW", () => {
    // Then 21 + 0.3 × 127.5 / 100 = 21 + 0.3825 = 21.3825 months (docs/model.md §8: 21.38)
    expect(constructionMonths(127.5, 21, 0, perHundred)).toBeCloseTo(21.3825, 12);
  });

  it("waiting for the grid", () => {
    // When the approach needs a grid connection that takes 48 months
    // Then the build takes max(21.3825, 48) = 48 months
    expect(buildMonths(127.5, 21, 0, perHundred, true, 48)).toBe(48);
  });

  it("without the grid", () => {
    // When the approach does not need the grid, the 48-month wait is ignored: 21.3825 months
    expect(buildMonths(127.5, 21, 0, perHundred, false, 48)).toBeCloseTo(21.3825, 12);
  });

  it("construction longer than the grid wait", () => {
    // When the grid takes 12 months: max(24, 12) = 24 months
    expect(buildMonths(1000, 21, 0, perHundred, true, 12)).toBeCloseTo(24, 12);
  });
});

describe("fast-track build profile", () => {
  // Given 122 days (4.010959 months) up to 150 MW, proportional above: 4.010959 × 100 / 150 per 100 MW
  const base = daysToMonths(122);
  const perHundred = (base * 100) / 150;

  it("below the reference size", () => {
    // When the site is 127.5 MW <= 150 MW
    // Then it takes the 122 days: 122 × 12 / 365 = 4.010959 months
    expect(constructionMonths(127.5, base, 150, perHundred)).toBeCloseTo(4.010_958_904_110, 12);
  });

  it("twice the reference size", () => {
    // When the site is 300 MW: 4.010959 + (4.010959 / 150) × (300 - 150) = 8.021918 months
    expect(constructionMonths(300, base, 150, perHundred)).toBeCloseTo(8.021_917_808_219, 12);
    expect(constructionMonths(300, base, 150, perHundred)).toBeCloseTo(2 * base, 12);
  });
});

describe("build time with invalid inputs", () => {
  // Given invalid build-time inputs
  it("rejects negative MW", () => {
    // When the MW are negative
    // Then a range error names itMw
    expectModelError(() => constructionMonths(-1, 21, 0, 0.3), "itMw", "range");
  });

  it("rejects a needsGrid that is not a boolean", () => {
    // When needsGrid is not a boolean
    // Then a type error names it
    expectModelError(
      () => buildMonths(1, 21, 0, 0.3, 1 as unknown as boolean, 48),
      "needsGrid",
      "type"
    );
  });

  it("rejects a negative growth per 100 MW", () => {
    // When growth per 100 MW is negative
    // Then a range error names it (it would make time decrease with size)
    expectModelError(() => constructionMonths(1, 21, 0, -0.3), "monthsPer100Mw", "range");
  });
});

describe("load-dependent grid wait (issue 9)", () => {
  // Given the standard profile (21 months + 0.3 per 100 MW), a 48-month transmission queue, threshold 20 MW
  const load = (facilityMw: number, distributionMonths = 0) => ({
    facilityMw,
    thresholdMw: 20,
    distributionMonths,
  });

  it("a 1.6575 MW facility connects at distribution level", () => {
    // Then the wait is the distribution wait (0: none sourced) and construction counts:
    // 21 + 0.3 × 1.275 / 100 = 21.003825 months
    expect(gridWaitMonths(1.6575, 20, 48, 0)).toBe(0);
    expect(buildMonths(1.275, 21, 0, 0.3, true, 48, load(1.6575))).toBeCloseTo(21.003825, 12);
  });

  it("exactly 20 MW is still distribution level", () => {
    // Then at the threshold the transmission queue does not apply: 21 + 0.3 × 15.38 / 100 = 21.04614
    expect(gridWaitMonths(20, 20, 48, 0)).toBe(0);
    expect(buildMonths(15.38, 21, 0, 0.3, true, 48, load(20))).toBeCloseTo(21.04614, 12);
  });

  it("above 20 MW waits the transmission queue", () => {
    // Then 20.001 MW > 20 MW waits max(construction, 48) = 48 months
    expect(gridWaitMonths(20.001, 20, 48, 0)).toBe(48);
    expect(buildMonths(150, 21, 0, 0.3, true, 48, load(195))).toBe(48);
  });

  it("a region's distribution wait counts when longer than construction", () => {
    // Then max(21.003825, 30) = 30 months; without the grid, construction only
    expect(buildMonths(1.275, 21, 0, 0.3, true, 48, load(1.6575, 30))).toBe(30);
    expect(buildMonths(1.275, 21, 0, 0.3, false, 48, load(1.6575, 30))).toBeCloseTo(21.003825, 12);
  });

  it("without a load every size waits the queue (the earlier rule)", () => {
    // Then max(21.003825, 48) = 48 months
    expect(buildMonths(1.275, 21, 0, 0.3, true, 48)).toBe(48);
  });

  it("refuses a negative load or threshold", () => {
    // Then a range error names the input
    expectModelError(() => gridWaitMonths(-1, 20, 48, 0), "facilityMw", "range");
    expectModelError(() => gridWaitMonths(1, -20, 48, 0), "thresholdMw", "range");
  });
});

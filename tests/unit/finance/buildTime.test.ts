import { buildMonths, constructionMonths, daysToMonths } from "../../../src/model/finance";
import { expectModelError } from "./fixtures";

describe("Given the standard profile: 21 months at 0 MW growing to 24 months at 1 GW", () => {
  const perHundred = ((24 - 21) / 1000) * 100; // 0.3 months per 100 MW

  it("when the site is 1000 MW, then construction takes 24 months", () => {
    expect(constructionMonths(1000, 21, 0, perHundred)).toBeCloseTo(24, 12);
  });

  it("when the site is 127.5 MW, then construction takes 21 + 0.3 x 1.275 months", () => {
    expect(constructionMonths(127.5, 21, 0, perHundred)).toBeCloseTo(21 + 0.3 * 1.275, 12);
  });

  it("when the approach needs a grid connection of 48 months, then the build takes max(construction, 48) = 48", () => {
    expect(buildMonths(127.5, 21, 0, perHundred, true, 48)).toBe(48);
  });

  it("when the approach does not need the grid, then the grid wait is ignored", () => {
    expect(buildMonths(127.5, 21, 0, perHundred, false, 48)).toBeCloseTo(21 + 0.3 * 1.275, 12);
  });

  it("when construction is longer than the grid wait, then construction decides", () => {
    expect(buildMonths(1000, 21, 0, perHundred, true, 12)).toBeCloseTo(24, 12);
  });
});

describe("Given the fast-track profile: 122 days at 150 MW, proportional above", () => {
  const base = daysToMonths(122);
  const perHundred = (base * 100) / 150;

  it("when the site is 127.5 MW (below the reference), then it takes 122 days", () => {
    expect(constructionMonths(127.5, base, 150, perHundred)).toBeCloseTo((122 * 12) / 365, 12);
  });

  it("when the site is 300 MW (twice the reference), then it takes twice as long", () => {
    expect(constructionMonths(300, base, 150, perHundred)).toBeCloseTo(2 * base, 12);
  });
});

describe("Given invalid build-time inputs", () => {
  it("when the MW are negative, then a range error names itMw", () => {
    expectModelError(() => constructionMonths(-1, 21, 0, 0.3), "itMw", "range");
  });

  it("when needsGrid is not a boolean, then a type error names it", () => {
    expectModelError(
      () => buildMonths(1, 21, 0, 0.3, 1 as unknown as boolean, 48),
      "needsGrid",
      "type"
    );
  });

  it("when growth per 100 MW is negative, then a range error names it (it would make time decrease with size)", () => {
    expectModelError(() => constructionMonths(1, 21, 0, -0.3), "monthsPer100Mw", "range");
  });
});

import { normalQuantileForScores, vanDerWaerdenScores } from "../../../../src/model/risk/scores";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("normalQuantileForScores", () => {
  // Reference quantiles (tables of the standard normal, e.g. R's qnorm, to 10+ digits)
  it("gives Phi^-1(0.975) = 1.959963985 to 1e-9", () => {
    expect(Math.abs(normalQuantileForScores(0.975) - 1.959963985)).toBeLessThan(1e-9);
    expect(normalQuantileForScores(0.975)).toBeCloseTo(1.959963984540054, 13);
  });

  it("is exact at the median and antisymmetric", () => {
    expect(normalQuantileForScores(0.5)).toBe(0);
    // 1 - 0.75 = 0.25 exactly, so the mirrored half is exact; 1 - 0.9 is not 0.1 in binary, hence only close
    expect(normalQuantileForScores(0.25)).toBe(-normalQuantileForScores(0.75));
    expect(normalQuantileForScores(0.1)).toBeCloseTo(-normalQuantileForScores(0.9), 14);
  });

  it("is accurate in both of Acklam's regions and in the tail", () => {
    expect(normalQuantileForScores(0.75)).toBeCloseTo(0.6744897501960817, 13);
    expect(normalQuantileForScores(0.001)).toBeCloseTo(-3.090232306167813, 12);
    expect(normalQuantileForScores(1e-4)).toBeCloseTo(-3.719016485455709, 12);
    expect(normalQuantileForScores(1e-9)).toBeCloseTo(-5.997807015007686, 10);
  });

  it("refuses p outside (0, 1)", () => {
    expectModelError(() => normalQuantileForScores(0), "p", "range");
    expectModelError(() => normalQuantileForScores(1), "p", "range");
  });
});

describe("vanDerWaerdenScores", () => {
  it("n = 3: Phi^-1(1/4), 0, Phi^-1(3/4)", () => {
    // i / (n + 1) = 0.25, 0.5, 0.75; Phi^-1(0.75) = 0.6744897501960817
    const s = vanDerWaerdenScores(3);
    expect(s[0]).toBeCloseTo(-0.6744897501960817, 13);
    expect(s[1]).toBe(0);
    expect(s[2]).toBe(-s[0]);
  });

  it("is ascending and sums to exactly 0", () => {
    const s = vanDerWaerdenScores(1000);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    let sum = 0;
    for (let i = 0; i < 500; i++) sum += s[i] + s[999 - i];
    expect(sum).toBe(0);
  });
});

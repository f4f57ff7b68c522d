import { vanDerWaerdenScores } from "../../../../src/model/risk/scores";

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

import type { RiskAnalysisResult } from "../../../src/excel/riskAnalysis";
import { riskResultSentence } from "../../../src/taskpane/riskPanel";

const result = (over: Partial<RiskAnalysisResult>): RiskAnalysisResult =>
  ({
    trials: 10_000,
    seed: 1,
    p50DifferenceWithDelay: -28_659_000_000,
    probabilityBuildWins: 1,
    ...over,
  }) as RiskAnalysisResult;

describe("the risk result in words", () => {
  it("gives trials, seed, the P50 in bn USD and the share building wins", () => {
    expect(riskResultSentence(result({}))).toBe(
      "10,000 trials, seed 1: P50 of the difference incl. cost of delay -28.66 bn USD; building wins in 100 % of trials"
    );
  });

  it("keeps one decimal of the share when it has one, and says when nothing priced", () => {
    expect(
      riskResultSentence(
        result({ trials: 1_000_000, seed: 42, probabilityBuildWins: 0.9964, p50DifferenceWithDelay: null })
      )
    ).toBe(
      "1,000,000 trials, seed 42: P50 of the difference incl. cost of delay not priced (no useful GPU-hours in the horizon); building wins in 99.6 % of trials"
    );
  });
});

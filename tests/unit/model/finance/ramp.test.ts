import {
  installedMonths,
  installedShare,
  phasedCapacityMonths,
} from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("installedMonths", () => {
  // Given first capacity at month 6 and a 12-month ramp

  it("is 0 before first capacity", () => {
    // When t = 6 (= T)
    // Then nothing is installed yet
    expect(installedMonths(6, 6, 12)).toBe(0);
  });

  it("grows quadratically during the ramp", () => {
    // When t = 12, halfway through the ramp
    // Then (12 - 6)^2 / (2 x 12) = 36 / 24 = 1.5 capacity-months
    expect(installedMonths(12, 6, 12)).toBeCloseTo(1.5, 12);
  });

  it("loses half the ramp once full", () => {
    // When t = 24, six months after full capacity at 18
    // Then 24 - 6 - 12 / 2 = 12 capacity-months
    expect(installedMonths(24, 6, 12)).toBeCloseTo(12, 12);
  });

  it("is a step when the ramp is 0", () => {
    // When R = 0 and t = 10
    // Then 10 - 6 = 4
    expect(installedMonths(10, 6, 0)).toBe(4);
  });

  it("rejects a negative ramp", () => {
    // When R < 0
    // Then a range error names rampMonths
    expectModelError(() => installedMonths(10, 6, -1), "rampMonths", "range");
  });
});

describe("installedShare", () => {
  it("counts capacity-months inside an interval", () => {
    // Given T = 6, R = 12
    // When the interval is [12, 24]
    // Then 12 - 1.5 = 10.5
    expect(installedShare(12, 24, 6, 12)).toBeCloseTo(10.5, 12);
  });

  it("rejects b < a", () => {
    // When b < a
    // Then a range error names b
    expectModelError(() => installedShare(5, 4, 0, 0), "b", "range");
  });
});

describe("phasedCapacityMonths", () => {
  it("adds the phases", () => {
    // Given 100 GPUs, half at T = 6 and half 12 months later, no ramp
    // When counted over [0, 24]
    // Then 100 x (0.5 x 18 + 0.5 x 6) = 1200 GPU-months
    const phases = [
      { offsetMonths: 0, share: 0.5 },
      { offsetMonths: 12, share: 0.5 },
    ];
    expect(phasedCapacityMonths(100, 6, 0, phases, 0, 24)).toBeCloseTo(1200, 9);
  });

  it("rejects shares that do not sum to 1", () => {
    // When the shares sum to 0.9
    // Then a range error names phases
    const phases = [
      { offsetMonths: 0, share: 0.5 },
      { offsetMonths: 12, share: 0.4 },
    ];
    expectModelError(() => phasedCapacityMonths(100, 6, 0, phases, 0, 24), "phases", "range");
  });

  it("rejects an empty list", () => {
    // When there are no phases
    // Then a type error names phases
    expectModelError(() => phasedCapacityMonths(100, 6, 0, [], 0, 24), "phases", "type");
  });
});

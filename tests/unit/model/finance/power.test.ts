import { energyCost, facilityMw, itLoadMw } from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("itLoadMw and facilityMw", () => {
  it("Colossus IT load", () => {
    // Given 100,000 GPUs at 10.2/8 = 1.275 kW each (DGX H100 maximum draw per GPU)
    // When the IT load is computed
    // Then it is 100,000 × 1.275 kW / 1,000 = 127.5 MW (docs/model.md §8)
    expect(itLoadMw(100_000, 10.2 / 8)).toBeCloseTo(127.5, 9);
  });

  it("facility load at PUE 1.3", () => {
    // Given 127.5 MW of IT at PUE 1.3
    // Then the facility draws 127.5 × 1.3 = 165.75 MW (docs/model.md §8)
    expect(facilityMw(127.5, 1.3)).toBeCloseTo(165.75, 9);
  });
});

describe("energyCost", () => {
  // Given 1 MW of IT at PUE 1.25, 80 % utilization and $0.10/kWh (the build fixture)

  it("a year", () => {
    // When run for 12 months
    // Then 1,000 kW × 1.25 × 0.8 × (12 × 730 h) × $0.10/kWh = $876,000
    expect(energyCost(1, 12, 1.25, 0.8, 0.1)).toBeCloseTo(876_000, 6);
  });

  it("no months", () => {
    expect(energyCost(1, 0, 1.25, 0.8, 0.1)).toBe(0);
  });

  it("half a year", () => {
    // When run for 6 months
    // Then 1,000 kW × 1.25 × 0.8 × (6 × 730 h) × $0.10/kWh = $438,000, half of 12 months
    expect(energyCost(1, 6, 1.25, 0.8, 0.1)).toBeCloseTo(438_000, 6);
    expect(energyCost(1, 6, 1.25, 0.8, 0.1)).toBeCloseTo(energyCost(1, 12, 1.25, 0.8, 0.1) / 2, 6);
  });
});

describe("power with invalid inputs", () => {
  // Given invalid power inputs
  it("rejects a PUE below 1", () => {
    expectModelError(() => facilityMw(1, 0.9), "pue", "range");
    // When PUE is below 1
    // Then a range error names pue
    expectModelError(() => energyCost(1, 12, 0.5, 0.8, 0.1), "pue", "range");
  });

  it("rejects utilization outside 0..1", () => {
    expectModelError(() => energyCost(1, 12, 1.2, 1.01, 0.1), "utilization", "range");
    // When utilization is outside 0..1
    // Then a range error names utilization
    expectModelError(() => energyCost(1, 12, 1.2, -0.01, 0.1), "utilization", "range");
  });

  it("rejects negative kW per GPU or months", () => {
    expectModelError(() => itLoadMw(10, -1), "kwPerGpu", "range");
    // When kW per GPU or months are negative
    // Then a range error names them
    expectModelError(() => energyCost(1, -1, 1.2, 0.5, 0.1), "months", "range");
  });
});

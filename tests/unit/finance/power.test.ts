import { energyCost, facilityMw, itLoadMw } from "../../../src/model/finance";
import { expectModelError } from "./fixtures";

describe("Given 100,000 GPUs at 10.2/8 kW each (DGX H100 max draw per GPU)", () => {
  it("when the IT load is computed, then it is 100,000 x 1.275 / 1000 = 127.5 MW", () => {
    expect(itLoadMw(100_000, 10.2 / 8)).toBeCloseTo((100_000 * 1.275) / 1000, 9);
  });

  it("when PUE is 1.3, then the facility draws 127.5 x 1.3 MW", () => {
    expect(facilityMw(127.5, 1.3)).toBeCloseTo(127.5 * 1.3, 9);
  });
});

describe("Given 1 MW of IT at PUE 1.25, 80 % utilization and $0.10/kWh", () => {
  it("when run for 12 months, then energy = 1000 kW x 1.25 x 0.8 x 12 x 730 h x 0.10", () => {
    expect(energyCost(1, 12, 1.25, 0.8, 0.1)).toBeCloseTo(1000 * 1.25 * 0.8 * 12 * 730 * 0.1, 6);
  });

  it("when run for 0 months, then energy costs nothing", () => {
    expect(energyCost(1, 0, 1.25, 0.8, 0.1)).toBe(0);
  });

  it("when run for 6 months, then it costs half of 12 months", () => {
    expect(energyCost(1, 6, 1.25, 0.8, 0.1)).toBeCloseTo(energyCost(1, 12, 1.25, 0.8, 0.1) / 2, 6);
  });
});

describe("Given invalid power inputs", () => {
  it("when PUE is below 1, then a range error names pue", () => {
    expectModelError(() => facilityMw(1, 0.9), "pue", "range");
    expectModelError(() => energyCost(1, 12, 0.5, 0.8, 0.1), "pue", "range");
  });

  it("when utilization is outside 0..1, then a range error names utilization", () => {
    expectModelError(() => energyCost(1, 12, 1.2, 1.01, 0.1), "utilization", "range");
    expectModelError(() => energyCost(1, 12, 1.2, -0.01, 0.1), "utilization", "range");
  });

  it("when kW per GPU or months are negative, then a range error names them", () => {
    expectModelError(() => itLoadMw(10, -1), "kwPerGpu", "range");
    expectModelError(() => energyCost(1, -1, 1.2, 0.5, 0.1), "months", "range");
  });
});

import {
  operatingCostPerGpuHour,
  operatingTco,
  rentOperatingCost,
} from "../../../../src/model/finance";
import { BUILD, RENT, expectModelError } from "../../../support/model/finance/fixtures";

// Issue 9: TCO and COSTPERHOUR count `years` of operation from first capacity.
describe("operating TCO", () => {
  it("build: capex + years × opex - residual after years of use", () => {
    // Given the build fixture over 3 years: IT $50M, facility $10M, opex $5,976,000/yr
    // Then 10,000,000 + 50,000,000 + 3 × 5,976,000 - 50,000,000 × (1 - 3/5) - 10,000,000 × (1 - 3/10)
    //    = 77,928,000 - 20,000,000 - 7,000,000 = 50,928,000
    expect(operatingTco(BUILD, 3)).toBeCloseTo(50_928_000, 4);
  });

  it("build: the build time does not eat into the years", () => {
    // Then the same at a 30-month build
    expect(operatingTco({ ...BUILD, buildMonths: 30 }, 3)).toBeCloseTo(50_928_000, 4);
  });

  it("rent: years × 8760 × count × rate with the yearly price change", () => {
    // Given the rent fixture: 1,000 × $2 × 8,760 × (1 + 0.9 + 0.81) = 17,520,000 × 2.71 = 47,479,200
    expect(rentOperatingCost(RENT, 3)).toBeCloseTo(47_479_200, 4);
    expect(rentOperatingCost({ ...RENT, leadTimeMonths: 12 }, 3)).toBeCloseTo(47_479_200, 4);
  });

  it("cost per GPU-hour = cost / (count × 8760 × years)", () => {
    // Then 50,928,000 / 26,280,000 = 1.937899543 and 47,479,200 / 26,280,000 = 1.806666667
    expect(operatingCostPerGpuHour(50_928_000, 1000, 3)).toBeCloseTo(1.937899543, 9);
    expect(operatingCostPerGpuHour(47_479_200, 1000, 3)).toBeCloseTo(1.806666667, 9);
  });

  it("refuses count 0 and a fractional horizon", () => {
    // Then a range error names the input
    expectModelError(() => operatingCostPerGpuHour(1, 0, 3), "count", "range");
    expectModelError(() => operatingTco(BUILD, 2.5), "horizonYears", "range");
  });
});

import { excelNpv, npv, sumFlows } from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("npv and excelNpv", () => {
  // Given flows of 100, 110 and 121 in years 0, 1, 2 at 10 %

  it("year 0 is not discounted", () => {
    // Then 100 + 110 / 1.1 + 121 / 1.1² = 100 + 100 + 100 = 300
    expect(npv(0.1, [100, 110, 121])).toBeCloseTo(300, 9);
  });

  it("Excel's NPV over the whole column", () => {
    // When Excel's NPV discounts the first value one period too
    // Then it returns our NPV / (1 + r) = 300 / 1.1 = 272.727…
    expect(excelNpv(0.1, [100, 110, 121])).toBeCloseTo(272.727_272_727, 9);
  });

  it("CF0 + NPV(r, CF1..CFH)", () => {
    // When year 0 is added outside Excel's NPV (docs/model.md §2)
    // Then 100 + (110 / 1.1 + 121 / 1.21) = 300, our NPV
    expect(100 + excelNpv(0.1, [110, 121])).toBeCloseTo(300, 9);
    expect(100 + excelNpv(0.1, [110, 121])).toBeCloseTo(npv(0.1, [100, 110, 121]), 9);
  });

  it("sums flows without discounting", () => {
    // When summed without discounting
    // Then the total is 331
    expect(sumFlows([100, 110, 121])).toBe(331);
  });
});

describe("npv edge cases", () => {
  // Given NPV edge cases
  it("is the plain sum at rate 0", () => {
    // When the rate is 0
    // Then NPV is the plain sum
    expect(npv(0, [5, -3, 8])).toBe(10);
  });

  it("is 0 for no flows", () => {
    // When the flows are empty
    // Then NPV is 0
    expect(npv(0.07, [])).toBe(0);
  });

  it("rejects a rate of -1 or below", () => {
    // When the rate is -1 or below
    // Then a range error names discountRate
    expectModelError(() => npv(-1, [1, 2]), "discountRate", "range");
  });

  it("rejects a NaN flow", () => {
    // When a flow is NaN
    // Then a type error names flows
    expectModelError(() => npv(0.07, [1, Number.NaN]), "flows", "type");
  });

  it("rejects flows that are not a list", () => {
    // When flows are not a list
    // Then a type error names flows
    expectModelError(() => npv(0.07, 5 as unknown as number[]), "flows", "type");
  });
});

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

  it("when summed without discounting, then the total is 331", () => {
    expect(sumFlows([100, 110, 121])).toBe(331);
  });
});

describe("Given NPV edge cases", () => {
  it("when the rate is 0, then NPV is the plain sum", () => {
    expect(npv(0, [5, -3, 8])).toBe(10);
  });

  it("when the flows are empty, then NPV is 0", () => {
    expect(npv(0.07, [])).toBe(0);
  });

  it("when the rate is -1 or below, then a range error names discountRate", () => {
    expectModelError(() => npv(-1, [1, 2]), "discountRate", "range");
  });

  it("when a flow is NaN, then a type error names flows", () => {
    expectModelError(() => npv(0.07, [1, Number.NaN]), "flows", "type");
  });

  it("when flows are not a list, then a type error names flows", () => {
    expectModelError(() => npv(0.07, 5 as unknown as number[]), "flows", "type");
  });
});

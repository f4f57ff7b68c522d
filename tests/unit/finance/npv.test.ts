import { excelNpv, npv, sumFlows } from "../../../src/model/finance";
import { expectModelError } from "./fixtures";

describe("Given flows of 100, 110 and 121 at 10 %", () => {
  it("when discounted, then year 0 is not discounted and each later year is discounted to 100", () => {
    expect(npv(0.1, [100, 110, 121])).toBeCloseTo(100 + 110 / 1.1 + 121 / 1.21, 9);
    expect(npv(0.1, [100, 110, 121])).toBeCloseTo(300, 9);
  });

  it("when Excel's NPV is applied to the whole column, then it returns our NPV / (1 + r)", () => {
    expect(excelNpv(0.1, [100, 110, 121])).toBeCloseTo(npv(0.1, [100, 110, 121]) / 1.1, 9);
  });

  it("when Excel's convention CF0 + NPV(r, CF1..CFH) is used, then it equals our NPV", () => {
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

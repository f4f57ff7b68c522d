import { compareOptions, npv } from "../../../src/model/finance";
import {
  BUILD,
  BUILD_HAND,
  BUILD_OPEX_PER_YEAR,
  COMPARE,
  RENT,
  expectModelError,
} from "./fixtures";

describe("Given the build fixture (T = 6) vs the rent fixture (T = 3) over 3 years at 10 %", () => {
  const result = compareOptions(BUILD, RENT, COMPARE);
  const { itCapex, facilityCapex } = BUILD_HAND;
  const opex = BUILD_OPEX_PER_YEAR;
  const buildFlows = [
    facilityCapex,
    itCapex + 0.5 * opex,
    opex,
    opex - itCapex * (1 - 2.5 / 5) - facilityCapex * (1 - 3 / 10),
  ];
  const rentFlows = [0, 0.75 * 8760 * 1000 * 2, 8760 * 1000 * 2 * 0.9, 8760 * 1000 * 2 * 0.81];
  const discounted = (flows: number[]): number =>
    flows.reduce((acc, cf, y) => acc + cf / 1.1 ** y, 0);
  const total = (flows: number[]): number => flows.reduce((a, b) => a + b, 0);

  it("when compared, then each NPV is the hand-discounted sum of its flows and difference = build - rent", () => {
    expect(result.npvBuild).toBeCloseTo(discounted(buildFlows), 2);
    expect(result.npvRent).toBeCloseTo(discounted(rentFlows), 2);
    expect(result.difference).toBeCloseTo(discounted(buildFlows) - discounted(rentFlows), 2);
  });

  it("when compared, then months to capacity are the build time and the lead time", () => {
    expect(result.monthsToCapacityBuild).toBe(6);
    expect(result.monthsToCapacityRent).toBe(3);
  });

  it("when compared, then delivered hours are 1000 x 730 x (36 - T) and cost per GPU-hour is TCO / hours", () => {
    const hoursBuild = 1000 * 730 * (36 - 6);
    const hoursRent = 1000 * 730 * (36 - 3);
    expect(result.deliveredGpuHoursBuild).toBe(hoursBuild);
    expect(result.deliveredGpuHoursRent).toBe(hoursRent);
    expect(result.tcoBuild).toBeCloseTo(total(buildFlows), 2);
    expect(result.tcoRent).toBeCloseTo(total(rentFlows), 2);
    expect(result.costPerGpuHourBuild).toBeCloseTo(total(buildFlows) / hoursBuild, 9);
    expect(result.costPerGpuHourRent).toBeCloseTo(total(rentFlows) / hoursRent, 9);
  });

  it("when the build comes 3 months later, then the cost of delay is +3 months x 1000 x 730 x $2 and is added to the difference", () => {
    expect(result.costOfDelay).toBeCloseTo(3 * 1000 * 730 * 2, 6);
    expect(result.differenceWithDelay).toBeCloseTo(result.difference + 3 * 1000 * 730 * 2, 2);
  });

  it("when compared, then the returned cash flows reproduce the NPVs", () => {
    expect(npv(0.1, result.cashflows.build)).toBe(result.npvBuild);
    expect(npv(0.1, result.cashflows.rent)).toBe(result.npvRent);
  });

  it("when compared, then the breakeven month is that of the two options (null here: rent falls 10 %/yr)", () => {
    expect(result.breakevenMonth).toBeNull();
  });
});

describe("Given a build that is ready only after the horizon", () => {
  const result = compareOptions({ ...BUILD, buildMonths: 40 }, RENT, COMPARE);

  it("when compared, then the build delivers nothing, its cost per GPU-hour is null, and the delay is worth all rented hours", () => {
    expect(result.deliveredGpuHoursBuild).toBe(0);
    expect(result.costPerGpuHourBuild).toBeNull();
    expect(result.costOfDelay).toBeCloseTo(1000 * 730 * 33 * 2, 6);
  });
});

describe("Given invalid comparison settings", () => {
  it("when the horizon is 0 or fractional, then a range error names horizonYears", () => {
    expectModelError(
      () => compareOptions(BUILD, RENT, { ...COMPARE, horizonYears: 0 }),
      "horizonYears",
      "range"
    );
    expectModelError(
      () => compareOptions(BUILD, RENT, { ...COMPARE, horizonYears: 1.5 }),
      "horizonYears",
      "range"
    );
  });

  it("when the discount rate is -100 %, then a range error names discountRate", () => {
    expectModelError(
      () => compareOptions(BUILD, RENT, { ...COMPARE, discountRate: -1 }),
      "discountRate",
      "range"
    );
  });

  it("when the rent count is negative, then a range error names gpuCount", () => {
    expectModelError(
      () => compareOptions(BUILD, { ...RENT, gpuCount: -1 }, COMPARE),
      "gpuCount",
      "range"
    );
  });
});

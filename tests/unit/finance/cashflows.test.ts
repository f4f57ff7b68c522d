import {
  buildCashFlowDetail,
  buildCashFlows,
  rentCashFlowDetail,
  rentCashFlows,
} from "../../../src/model/finance";
import { BUILD, BUILD_HAND, BUILD_OPEX_PER_YEAR, RENT, expectModelError } from "./fixtures";

const { itCapex, facilityCapex } = BUILD_HAND;
const opex = BUILD_OPEX_PER_YEAR;

function expectFlows(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, y) => expect(actual[y]).toBeCloseTo(value, 4));
}

describe("Given the build fixture (T = 6 months) over 3 years", () => {
  it("when cash flows are built, then facility capex is in year 0, IT capex in year 1, half a year of opex in year 1 and residual in year 3", () => {
    const itResidual = itCapex * (1 - (3 - 6 / 12) / 5);
    const facilityResidual = facilityCapex * (1 - 3 / 10);
    expectFlows(buildCashFlows(BUILD, 3), [
      facilityCapex,
      itCapex + 0.5 * opex,
      opex,
      opex - itResidual - facilityResidual,
    ]);
  });

  it("when the detail is built, then each row is right and total equals the plain cash flows", () => {
    const d = buildCashFlowDetail(BUILD, 3);
    expect(d.itCapexYear).toBe(1);
    expectFlows(d.operatingFraction, [0, 0.5, 1, 1]);
    expectFlows(d.itCapex, [0, itCapex, 0, 0]);
    expectFlows(d.facilityCapex, [facilityCapex, 0, 0, 0]);
    expectFlows(d.energy, [
      0,
      0.5 * BUILD_HAND.energyPerYear,
      BUILD_HAND.energyPerYear,
      BUILD_HAND.energyPerYear,
    ]);
    expectFlows(d.maintenance, [
      0,
      0.5 * BUILD_HAND.maintenancePerYear,
      BUILD_HAND.maintenancePerYear,
      BUILD_HAND.maintenancePerYear,
    ]);
    expectFlows(d.staff, [
      0,
      0.5 * BUILD_HAND.staffPerYear,
      BUILD_HAND.staffPerYear,
      BUILD_HAND.staffPerYear,
    ]);
    expectFlows(d.colocation, [0, 0, 0, 0]);
    expect(d.itResidualValue).toBeCloseTo(itCapex * 0.5, 4);
    expect(d.facilityResidualValue).toBeCloseTo(facilityCapex * 0.7, 4);
    expectFlows(d.residual, [0, 0, 0, -(itCapex * 0.5 + facilityCapex * 0.7)]);
    expectFlows(d.total, buildCashFlows(BUILD, 3));
  });
});

describe("Given a build that is ready at the decision (T = 0)", () => {
  it("when cash flows are built, then all capex is in year 0 and every year runs fully", () => {
    const itResidual = itCapex * (1 - 3 / 5);
    const facilityResidual = facilityCapex * (1 - 3 / 10);
    expectFlows(buildCashFlows({ ...BUILD, buildMonths: 0 }, 3), [
      facilityCapex + itCapex,
      opex,
      opex,
      opex - itResidual - facilityResidual,
    ]);
  });
});

describe("Given a build that takes 18 months (mid-year start)", () => {
  it("when cash flows are built, then year 1 is idle, IT is paid in year 2 with half a year of opex", () => {
    const itResidual = itCapex * (1 - (3 - 1.5) / 5);
    const facilityResidual = facilityCapex * (1 - 3 / 10);
    expectFlows(buildCashFlows({ ...BUILD, buildMonths: 18 }, 3), [
      facilityCapex,
      0,
      itCapex + 0.5 * opex,
      opex - itResidual - facilityResidual,
    ]);
  });
});

describe("Given a build that takes 40 months, beyond a 3-year horizon", () => {
  it("when cash flows are built, then there is no opex and the IT bought in year 3 is fully recovered", () => {
    const facilityResidual = facilityCapex * (1 - 3 / 10);
    expectFlows(buildCashFlows({ ...BUILD, buildMonths: 40 }, 3), [
      facilityCapex,
      0,
      0,
      itCapex - itCapex - facilityResidual,
    ]);
  });

  it("when the build ends exactly at the horizon (T = 36), then the same holds", () => {
    const d = buildCashFlowDetail({ ...BUILD, buildMonths: 36 }, 3);
    expect(d.itCapexYear).toBe(3);
    expect(d.itResidualValue).toBeCloseTo(itCapex, 4);
    expectFlows(d.operatingFraction, [0, 0, 0, 0]);
  });
});

describe("Given a 1-year horizon", () => {
  it("when cash flows are built, then there are 2 values (year 0 and year 1)", () => {
    expect(buildCashFlows(BUILD, 1)).toHaveLength(2);
    expect(rentCashFlows(RENT, 1)).toHaveLength(2);
  });
});

describe("Given the rent fixture (1,000 GPUs, $2, -10 %/yr, 3 months lead)", () => {
  it("when cash flows are built over 3 years, then year 1 pays 9 months and later years step the price down", () => {
    expectFlows(rentCashFlows(RENT, 3), [
      0,
      (9 / 12) * 8760 * 1000 * 2,
      8760 * 1000 * 2 * 0.9,
      8760 * 1000 * 2 * 0.9 ** 2,
    ]);
  });

  it("when the lead time is beyond the horizon, then nothing is paid", () => {
    expectFlows(rentCashFlows({ ...RENT, leadTimeMonths: 48 }, 3), [0, 0, 0, 0]);
  });

  it("when the detail is built, then it shows the fraction and rate of each year", () => {
    const d = rentCashFlowDetail(RENT, 2);
    expectFlows(d.operatingFraction, [0, 0.75, 1]);
    expectFlows(d.ratePerGpuHour, [0, 2, 1.8]);
    expectFlows(d.total, rentCashFlows(RENT, 2));
  });
});

describe("Given an invalid horizon", () => {
  it("when it is 0, 2.5, 31 or NaN, then the error names horizonYears", () => {
    expectModelError(() => buildCashFlows(BUILD, 0), "horizonYears", "range");
    expectModelError(() => buildCashFlows(BUILD, 2.5), "horizonYears", "range");
    expectModelError(() => rentCashFlows(RENT, 31), "horizonYears", "range");
    expectModelError(() => rentCashFlows(RENT, Number.NaN), "horizonYears", "type");
  });
});

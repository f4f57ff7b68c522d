/** fast-check arbitraries: absurd values (NaN, +-Infinity, negatives, huge, wrong types) and plausible ones. */
import fc from "fast-check";
import type { BuildInputs, CompareInputs, RentInputs } from "../../../../src/model/finance";

const wrongTypes = fc.constantFrom<unknown>(
  null,
  undefined,
  "5",
  "",
  true,
  false,
  {},
  [],
  [1]
) as fc.Arbitrary<unknown>;

/** Anything a caller could pass where a number is expected. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double({ min: 0, max: 2, noNaN: true }),
  fc.integer({ min: -10, max: 100 }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    1,
    -1,
    0.999999,
    1e308,
    -1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.EPSILON
  ),
  wrongTypes as fc.Arbitrary<number>
);

/** Anything a caller could pass where a boolean is expected. */
export const anyBoolean: fc.Arbitrary<boolean> = fc.oneof(
  fc.boolean(),
  wrongTypes as fc.Arbitrary<boolean>
);

/** A possibly-absurd list of flows. */
export const anyFlows: fc.Arbitrary<number[]> = fc.oneof(
  fc.array(anyNumber, { maxLength: 32 }),
  fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { maxLength: 32 }),
  wrongTypes as fc.Arbitrary<number[]>
);

const real = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true });

/** Valid, plausible build inputs (ranges wider than any real case). */
export const validBuild: fc.Arbitrary<BuildInputs> = fc.record({
  gpuCount: real(0, 1e6),
  systemPricePerGpu: real(0, 1e6),
  networkShare: real(0, 0.95),
  systemPowerKwPerGpu: real(0, 200),
  facilityCapex: fc.boolean(),
  constructionCostPerMw: real(0, 5e7),
  capexMultiplier: real(0, 3),
  pue: real(1, 3),
  utilization: real(0, 1),
  powerPricePerKwh: real(0, 1),
  colocationPerKwMonth: real(0, 500),
  maintenanceShareOfHwPerYear: real(0, 0.5),
  staffCostPerMwYear: real(0, 1e6),
  buildMonths: real(0, 400),
  itDepreciationYears: real(0.1, 20),
  facilityLifeYears: real(0.1, 50),
});

export const validRent: fc.Arbitrary<RentInputs> = fc.record({
  gpuCount: real(0, 1e6),
  ratePerGpuHour: real(0, 100),
  annualPriceChange: real(-1, 1),
  leadTimeMonths: real(0, 400),
});

export const validCompare: fc.Arbitrary<CompareInputs> = fc.record({
  horizonYears: fc.integer({ min: 1, max: 30 }),
  discountRate: real(-0.5, 1),
  valuePerGpuHour: real(0, 100),
});

/** Build inputs where every field may be absurd (or valid). */
export const anyBuild: fc.Arbitrary<BuildInputs> = fc.oneof(
  validBuild,
  fc.record({
    gpuCount: anyNumber,
    systemPricePerGpu: anyNumber,
    networkShare: anyNumber,
    systemPowerKwPerGpu: anyNumber,
    facilityCapex: anyBoolean,
    constructionCostPerMw: anyNumber,
    capexMultiplier: anyNumber,
    pue: anyNumber,
    utilization: anyNumber,
    powerPricePerKwh: anyNumber,
    colocationPerKwMonth: anyNumber,
    maintenanceShareOfHwPerYear: anyNumber,
    staffCostPerMwYear: anyNumber,
    buildMonths: anyNumber,
    itDepreciationYears: anyNumber,
    facilityLifeYears: anyNumber,
  }),
  // one valid record with one field made huge (overflow paths)
  fc
    .tuple(
      validBuild,
      fc.constantFrom<keyof BuildInputs>(
        "gpuCount",
        "systemPricePerGpu",
        "constructionCostPerMw",
        "staffCostPerMwYear",
        "colocationPerKwMonth",
        "maintenanceShareOfHwPerYear",
        "capexMultiplier",
        "powerPricePerKwh",
        "pue",
        "systemPowerKwPerGpu"
      ),
      fc.constantFrom(1e300, Number.MAX_VALUE, 1e154)
    )
    .map(([b, key, huge]) => ({ ...b, [key]: huge }) as BuildInputs),
  wrongTypes as fc.Arbitrary<BuildInputs>
);

export const anyRent: fc.Arbitrary<RentInputs> = fc.oneof(
  validRent,
  fc.record({
    gpuCount: anyNumber,
    ratePerGpuHour: anyNumber,
    annualPriceChange: anyNumber,
    leadTimeMonths: anyNumber,
  }),
  fc
    .tuple(
      validRent,
      fc.constantFrom<keyof RentInputs>("gpuCount", "ratePerGpuHour", "annualPriceChange"),
      fc.constantFrom(1e300, Number.MAX_VALUE, 1e154)
    )
    .map(([r, key, huge]) => ({ ...r, [key]: huge }) as RentInputs),
  wrongTypes as fc.Arbitrary<RentInputs>
);

export const anyCompare: fc.Arbitrary<CompareInputs> = fc.oneof(
  validCompare,
  fc.record({ horizonYears: anyNumber, discountRate: anyNumber, valuePerGpuHour: anyNumber }),
  fc.record({
    horizonYears: fc.integer({ min: 1, max: 30 }),
    discountRate: fc.constantFrom(-0.999999999, -0.9999, 1e300),
    valuePerGpuHour: anyNumber,
  }),
  wrongTypes as fc.Arbitrary<CompareInputs>
);

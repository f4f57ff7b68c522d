/**
 * Property tests over the registered CAPPLAN functions (the built bundle, called as Excel calls them):
 * whatever a user types, the answer is a finite number, text, a spill of those, or a proper Excel error.
 */
import fc from "fast-check";
import { excelNpv } from "../../../src/model/finance";
import { BUNDLED_LIBRARY as LIB } from "../../../src/model/library/bundledLibrary";
import {
  CustomFunctionsError,
  ErrorCode,
  loadBuiltFunctions,
  type LoadedFunctions,
} from "../../support/customFunctionsRuntime";

let fns: LoadedFunctions;
beforeAll(() => {
  fns = loadBuiltFunctions();
});

const ERROR_CODES = new Set<string>(Object.values(ErrorCode));
const GPUS = [
  "H100",
  "h100-sxm",
  "H100 PCIe",
  "H200",
  "B200",
  "GB200 NVL72",
  "gb200-nvl72-rack",
  "MI300X",
];
const REGIONS = ["TN", "TX", "GA", "VA", "CA", "us-tn", "Memphis"];
const APPROACHES = ["standard", "fast-track", "colocation"];
const TERMS = ["on-demand", "1yr", "3yr", "capacity-block"];
const RENTABLE = ["H100", "H200", "B200"];

/** Anything a cell or a typed argument can hold, and some things it cannot. */
const anyArgument = fc.oneof(
  fc.constantFrom(
    ...GPUS,
    ...REGIONS,
    ...APPROACHES,
    ...TERMS,
    "build",
    "rent",
    "AWS",
    "Oracle",
    "gpu",
    "server",
    "price",
    "pue"
  ),
  fc.string(),
  fc.double(),
  fc.integer({ min: -1e7, max: 2e7 }),
  fc.constantFrom(
    null,
    undefined,
    "",
    0,
    true,
    false,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    1e308
  ),
  fc.array(fc.integer(), { maxLength: 2 })
);

const isScalarResult = (v: unknown): boolean =>
  (typeof v === "number" && Number.isFinite(v)) || typeof v === "string";

function assertProperResult(id: string, args: unknown[]): void {
  let result: unknown;
  try {
    result = fns.call(id, ...args);
  } catch (error) {
    if (!(error instanceof CustomFunctionsError))
      throw new Error(`${id}(${JSON.stringify(args)}) threw ${String(error)}`);
    expect(ERROR_CODES.has(error.code)).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
    return;
  }
  if (Array.isArray(result)) {
    expect(result.length).toBeGreaterThan(0);
    for (const row of result as unknown[]) {
      expect(Array.isArray(row)).toBe(true);
      for (const cell of row as unknown[]) expect(isScalarResult(cell)).toBe(true);
    }
  } else if (!isScalarResult(result)) {
    throw new Error(`${id}(${JSON.stringify(args)}) returned ${String(result)}`);
  }
}

describe("every function, any input", () => {
  test("returns finite numbers or text, or throws CustomFunctions.Error", () => {
    // Given arbitrary arguments
    const ids = [...fns.metadata.keys()];
    // Then each function returns finite numbers/text or throws a CustomFunctions.Error
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.array(anyArgument, { minLength: 0, maxLength: 8 }),
        (id, args) => {
          const arity = fns.metadata.get(id)?.parameters.length ?? 0;
          assertProperResult(id, args.slice(0, arity));
        }
      ),
      { numRuns: 3000 }
    );
  });
});

const count = fc.integer({ min: 0, max: 1_000_000 });

describe("model properties through the functions", () => {
  test("GPUCOST and GPUPOWER are linear in count", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GPUS),
        count,
        fc.constantFrom("gpu", "server", "cluster"),
        (gpu, n, scope) => {
          // Given any GPU and count
          const one = fns.call("GPUCOST", gpu, n, scope) as number;
          // Then GPUCOST and GPUPOWER are linear in count
          expect(fns.call("GPUCOST", gpu, 2 * n, scope) as number).toBeCloseTo(2 * one, 2);
          expect(fns.call("GPUPOWER", gpu, 3 * n) as number).toBeCloseTo(
            3 * (fns.call("GPUPOWER", gpu, n) as number),
            6
          );
        }
      )
    );
  });

  test("RENTCOST is linear in count", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RENTABLE),
        count,
        fc.integer({ min: 0, max: 120 }),
        (gpu, n, months) => {
          // Given any rentable GPU and term
          const one = fns.call("RENTCOST", gpu, n, months) as number;
          // Then RENTCOST is linear in count
          expect(fns.call("RENTCOST", gpu, 2 * n, months) as number).toBeCloseTo(2 * one, 2);
        }
      )
    );
  });

  test("BUILDTIME never decreases as the IT load grows", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIONS),
        fc.constantFrom(...APPROACHES),
        fc.double({ min: 0, max: 50_000, noNaN: true }),
        fc.double({ min: 0, max: 50_000, noNaN: true }),
        (region, approach, a, b) => {
          // Given any region and approach
          const [small, large] = a <= b ? [a, b] : [b, a];
          // Then BUILDTIME never decreases as the IT load grows
          expect(fns.call("BUILDTIME", large, region, approach) as number).toBeGreaterThanOrEqual(
            fns.call("BUILDTIME", small, region, approach) as number
          );
        }
      )
    );
  });

  test("CASHFLOWS reproduces RENTVSBUILD's NPVs", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RENTABLE),
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(...REGIONS),
        fc.constantFrom(null, ...TERMS),
        fc.oneof(fc.constant(null), fc.double({ min: 0, max: 0.5, noNaN: true })),
        fc.constantFrom(...APPROACHES),
        (gpu, n, years, region, term, rate, approach) => {
          // Given any valid case
          let rows: [string, number][];
          // Then CF0 + NPV(rate, CF1..CFH) of CASHFLOWS equals RENTVSBUILD's NPVs
          try {
            rows = fns.call("RENTVSBUILD", gpu, n, years, region, term, rate, approach) as [
              string,
              number,
            ][];
          } catch (error) {
            // Some GPU/term pairs have no offer in the library: that must be #N/A, and then CASHFLOWS agrees.
            expect((error as CustomFunctionsError).code).toBe(ErrorCode.notAvailable);
            return;
          }
          const r = rate ?? LIB.financing.discountRate.value;
          const npvOf = (option: string) => {
            const flows = (
              fns.call("CASHFLOWS", option, gpu, n, years, region, term, approach) as number[][]
            ).map(([v]) => v);
            expect(flows).toHaveLength(years + 1);
            return flows[0] + excelNpv(r, flows.slice(1));
          };
          const tolerance = (x: number) => Math.max(1e-6, Math.abs(x) * 1e-12);
          expect(Math.abs(npvOf("build") - rows[0][1])).toBeLessThanOrEqual(tolerance(rows[0][1]));
          expect(Math.abs(npvOf("rent") - rows[1][1])).toBeLessThanOrEqual(tolerance(rows[1][1]));
        }
      ),
      { numRuns: 300 }
    );
  });
});

/** An overrides table: known keys (some in other spellings), typos and values of any kind. */
const overridesTable = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(
        "systemPricePerGpu",
        "systemPrice",
        "kwPerGpu",
        "PUE",
        "powerPrice",
        "colocation",
        "maintenanceShare",
        "networkShare",
        "staff",
        "residual",
        "utilization",
        "rentRate",
        "rentPriceChange",
        "buildMonths",
        "rentLeadTimeMonths",
        "discountRate",
        "itDepreciationYears",
        "facilityLifeYears",
        "constructionCostPerMw",
        "constructor",
        "pue "
      ),
      fc.string({ maxLength: 12 })
    ),
    fc.oneof(
      fc.double({ min: -2, max: 40_000, noNaN: true }),
      fc.integer({ min: 0, max: 1 }),
      fc.constantFrom(null, "", true, false, "x", Number.NaN)
    )
  ),
  { maxLength: 6 }
);

describe("PAYBACK and BREAKEVENUTIL with any overrides", () => {
  const isNotAvailable = (fn: () => unknown): boolean => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(CustomFunctionsError);
      return (error as CustomFunctionsError).code === ErrorCode.notAvailable;
    }
    return false;
  };

  test("BREAKEVENUTIL is in (0, 1] or an error; PAYBACK is finite and >= 0 or an error", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RENTABLE),
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(...APPROACHES),
        overridesTable,
        (gpu, n, years, approach, overrides) => {
          // Given any valid case and any overrides table
          // Then BREAKEVENUTIL is a share in (0, 1] unless it fails (#N/A for no result, #VALUE! for bad input)
          try {
            const args = [gpu, n, years, null, null, approach, null, overrides];
            const share = fns.call("BREAKEVENUTIL", ...args);
            expect(typeof share).toBe("number");
            expect(share as number).toBeGreaterThan(0);
            expect(share as number).toBeLessThanOrEqual(1);
          } catch (error) {
            expect(error).toBeInstanceOf(CustomFunctionsError);
          }
          // And PAYBACK is finite and >= 0 unless it fails
          try {
            const months = fns.call("PAYBACK", gpu, n, null, null, approach, null, overrides);
            expect(Number.isFinite(months)).toBe(true);
            expect(months as number).toBeGreaterThanOrEqual(0);
          } catch (error) {
            expect(error).toBeInstanceOf(CustomFunctionsError);
          }
        }
      ),
      { numRuns: 300 }
    );
  });

  test("with valid overrides the only error is #N/A for no result", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.integer({ min: 0, max: 1 }),
        (n, years, rate, pue, residual) => {
          // Given valid overrides of the rent rate, PUE and residual
          const overrides = [
            ["rentRate", rate],
            ["pue", pue],
            ["residual", residual],
          ];
          // Then BREAKEVENUTIL and PAYBACK answer, or say #N/A (no result), never #VALUE!
          const args = ["H100", n, years, null, null, null, null, overrides];
          const util = () => fns.call("BREAKEVENUTIL", ...args);
          const back = () => fns.call("PAYBACK", "H100", n, null, null, null, null, overrides);
          for (const fn of [util, back]) {
            if (!isNotAvailable(fn)) expect(typeof fn()).toBe("number");
          }
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe("the route functions with any valid route overrides", () => {
  const routeOverrides = fc.record({
    productiveUtilization: fc.double({ min: 0.01, max: 1, noNaN: true }),
    goodput: fc.double({ min: 0.01, max: 1, noNaN: true }),
    sparesShare: fc.double({ min: 0, max: 0.2, noNaN: true }),
    rampMonths: fc.double({ min: 0, max: 24, noNaN: true }),
    outageHoursPerYear: fc.double({ min: 0, max: 100, noNaN: true }),
  });
  const table = (o: Record<string, number>): unknown[][] => Object.entries(o);

  test("OPTIONS spills seven rows of finite numbers", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RENTABLE),
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 30 }),
        routeOverrides,
        (gpu, n, years, o) => {
          // Given any valid case and valid route overrides
          const rows = fns.call("OPTIONS", gpu, n, years, null, null, table(o)) as unknown[][];
          // Then a header and six rows of seven cells; every priced cell is a finite number
          expect(rows).toHaveLength(7);
          for (const row of rows.slice(1)) {
            expect(row).toHaveLength(7);
            for (const cell of row.slice(1))
              expect(typeof cell === "string" || Number.isFinite(cell)).toBe(true);
          }
        }
      ),
      { numRuns: 150 }
    );
  });

  test("a useful GPU-hour never costs less than a delivered one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(...APPROACHES),
        routeOverrides,
        (n, years, approach, o) => {
          // Given owning for `years` with useful work, spares, ramp and outages at most neutral
          const args = ["build", "H100", n, years, null, null, approach, null];
          const delivered = fns.call("COSTPERHOUR", ...args) as number;
          const useful = fns.call("COSTPERHOUR", ...args, table(o), "useful") as number;
          // Then fewer useful hours and the extra spares and power capex cost at least as much per hour
          // (1e-9 relative: the two bases sum the same money in a different order)
          expect(useful).toBeGreaterThanOrEqual(delivered * (1 - 1e-9));
        }
      ),
      { numRuns: 200 }
    );
  });
});

/**
 * The CAPPLAN functions as Excel calls them: the built dist/functions.js loaded alone with only the
 * CustomFunctions global, omitted optional arguments passed as null. Expected values are derived here from the
 * library's figures (see docs/model.md for each formula).
 */
import { excelNpv } from "../../../src/model/finance";
import { BUNDLED_LIBRARY as LIB } from "../../../src/model/library/bundledLibrary";
import {
  ErrorCode,
  excelError,
  loadBuiltFunctions,
  type LoadedFunctions,
  numberResult,
} from "../../support/customFunctionsRuntime";

let fns: LoadedFunctions;
beforeAll(() => {
  fns = loadBuiltFunctions();
});

const h100 = LIB.gpus["h100-sxm"];
const ops = LIB.operations;
const tn = LIB.regions["us-tn"];
const num = numberResult;

describe("registration", () => {
  test("registers every function of functions.json", () => {
    // Given the built bundle
    // When loaded with only CustomFunctions
    const ids = [...fns.metadata.keys()].sort();
    // Then every function in functions.json is registered
    expect(ids).toEqual([...fns.registered.keys()].sort());
    expect(ids).toEqual(
      [
        "ASSUMPTION",
        "BREAKEVEN",
        "BREAKEVENUTIL",
        "BUILDCOST",
        "BUILDTIME",
        "CASHFLOWS",
        "COSTPERHOUR",
        "ENERGYCOST",
        "GPUCOST",
        "GPUPOWER",
        "GPUSPEC",
        "LIBRARY",
        "OPTIONLINES",
        "OPTIONS",
        "PAYBACK",
        "RENTCOST",
        "RENTCURVE",
        "RENTRATE",
        "RENTVSBUILD",
        "SIMULATE",
        "SOURCE",
        "TCO",
        "TORNADO",
      ].sort()
    );
  });

  test("describes every function and parameter", () => {
    // Given the metadata
    // Then every function and parameter has a description a user can read
    for (const meta of fns.metadata.values()) {
      expect(meta.description.length).toBeGreaterThan(20);
      for (const p of meta.parameters) expect((p.description ?? "").length).toBeGreaterThan(5);
    }
  });

  test("keeps the issue's argument orders", () => {
    // Given the argument orders
    const order = (id: string) =>
      fns.metadata.get(id)?.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    // Then the leading parameters are exactly those
    expect(order("GPUCOST")).toEqual(["gpu", "count", "[scope]"]);
    expect(order("BUILDTIME")).toEqual(["itMw", "[region]", "[approach]"]);
    expect(order("ENERGYCOST")).toEqual(["itMw", "months", "[region]", "[pue]", "[utilization]"]);
    expect(order("RENTVSBUILD")?.slice(0, 6)).toEqual([
      "gpu",
      "count",
      "years",
      "[region]",
      "[term]",
      "[discountRate]",
    ]);
    expect(order("CASHFLOWS")?.slice(0, 6)).toEqual([
      "option",
      "gpu",
      "count",
      "years",
      "[region]",
      "[term]",
    ]);
    expect(order("PAYBACK")).toEqual([
      "gpu",
      "count",
      "[region]",
      "[term]",
      "[approach]",
      "[provider]",
      "[overrides]",
    ]);
    expect(order("BREAKEVENUTIL")).toEqual([
      "gpu",
      "count",
      "years",
      "[region]",
      "[term]",
      "[approach]",
      "[provider]",
      "[overrides]",
    ]);
    expect(order("OPTIONS")).toEqual([
      "gpu",
      "count",
      "years",
      "[region]",
      "[discountRate]",
      "[overrides]",
    ]);
    expect(order("OPTIONLINES")).toEqual(order("OPTIONS"));
    // The overrides argument is the last one of every compare function, a range; COSTPERHOUR's
    // [basis] came after overrides had landed, so it follows it rather than move it.
    for (const id of [
      "TCO",
      "BREAKEVEN",
      "RENTVSBUILD",
      "CASHFLOWS",
      "OPTIONS",
      "OPTIONLINES",
      "PAYBACK",
    ]) {
      const parameters = fns.metadata.get(id)?.parameters ?? [];
      expect(parameters[parameters.length - 1]?.name).toBe("overrides");
      expect(parameters[parameters.length - 1]?.dimensionality).toBe("matrix");
    }
    const costPerHour = fns.metadata.get("COSTPERHOUR")?.parameters ?? [];
    expect(costPerHour.slice(-2).map((p) => p.name)).toEqual(["overrides", "basis"]);
    expect(costPerHour[costPerHour.length - 2]?.dimensionality).toBe("matrix");
    expect(fns.metadata.get("RENTVSBUILD")?.result.dimensionality).toBe("matrix");
    expect(fns.metadata.get("OPTIONS")?.result.dimensionality).toBe("matrix");
    expect(fns.metadata.get("OPTIONLINES")?.result.dimensionality).toBe("matrix");
  });
});

describe("costs and power", () => {
  test("prices GPUCOST by scope", () => {
    // Given 1000 H100
    const servers = h100.systemPricePerGpu.value * 1000;
    // Then GPUCOST is servers / (1 - network share), and 'gpu'/'server' scopes are chips and servers
    expect(num(fns.call("GPUCOST", "H100", 1000))).toBeCloseTo(
      servers / (1 - ops.networkShareOfClusterCost.value),
      6
    );
    expect(num(fns.call("GPUCOST", "h100 sxm", 1000, "server"))).toBeCloseTo(servers, 6);
    expect(num(fns.call("GPUCOST", "H100", 1000, "gpu"))).toBeCloseTo(
      h100.chipPrice.value * 1000,
      6
    );
  });

  test('treats undefined and "" like an omitted optional', () => {
    // Given an omitted optional passed as undefined or an empty string
    const expected = fns.call("GPUCOST", "H100", 10, null);
    // Then it means the default like null
    expect(fns.registered.get("GPUCOST")?.("H100", 10, undefined)).toBe(expected);
    expect(fns.registered.get("GPUCOST")?.("H100", 10, "")).toBe(expected);
  });

  test("computes GPUPOWER from kW per GPU", () => {
    // Given 100,000 H100
    // Then GPUPOWER is count x kW per GPU / 1000 (DGX H100 10.2 kW / 8 = 127.5 MW)
    expect(num(fns.call("GPUPOWER", "H100", 100000))).toBeCloseTo((100000 * 10.2) / 8 / 1000, 9);
  });

  test("computes BUILDCOST from construction $/MW", () => {
    // Given 100 MW in Tennessee
    // Then BUILDCOST is MW x construction $/MW
    expect(num(fns.call("BUILDCOST", 100, "TN"))).toBeCloseTo(
      100 * tn.constructionCostPerMw.value,
      3
    );
  });

  test("computes ENERGYCOST", () => {
    // Given 10 MW for 12 months in TN
    const expected =
      10 * 1000 * ops.pue.value * ops.utilization.value * 730 * 12 * tn.powerPrice.value;
    // Then ENERGYCOST = MW x 1000 x PUE x utilization x 730 h x months x $/kWh
    expect(num(fns.call("ENERGYCOST", 10, 12, "TN"))).toBeCloseTo(expected, 4);
    expect(num(fns.call("ENERGYCOST", 10, 12, "TN", 0, 0))).toBeCloseTo(expected, 4); // empty cells arrive as 0
    expect(num(fns.call("ENERGYCOST", 10, 12, "TN", 1.5, 1))).toBeCloseTo(
      10 * 1000 * 1.5 * 730 * 12 * tn.powerPrice.value,
      4
    );
  });
});

describe("build time", () => {
  test("gives the Colossus route's 122 days as BUILDTIME", () => {
    // Given the Colossus route (150 MW, fast-track)
    const months = num(fns.call("BUILDTIME", 150, "TN", "fast-track"));
    // Then BUILDTIME is 122 days in months (library rounds to 4 digits)
    expect(months).toBe(LIB.approaches["fast-track"].baseMonths.value);
    expect(Math.abs(months - 122 / (365 / 12))).toBeLessThan(0.001);
  });

  test("waits for the grid in a grid-connected build", () => {
    // Given a grid-connected build
    // Then the region's grid wait dominates (48 months US, 84 in Virginia)
    expect(num(fns.call("BUILDTIME", 150))).toBe(48);
    expect(num(fns.call("BUILDTIME", 150, "VA", "standard"))).toBe(84);
  });

  test("skips the transmission queue for a load at or below the threshold", () => {
    // Given 1.275 MW of IT (1,000 H100): facility 1.275 x 1.3 = 1.6575 MW <= 20 MW (issue 9)
    // Then it connects at distribution level (no sourced wait: 0) and construction alone counts:
    // 21 + 0.3 x 1.275 / 100 = 21.003825 months, in Virginia too
    expect(num(fns.call("BUILDTIME", 1.275))).toBeCloseTo(21.003825, 9);
    expect(num(fns.call("BUILDTIME", 1.275, "VA", "standard"))).toBeCloseTo(21.003825, 9);
  });

  test("skips grid and construction in colocation", () => {
    // Given colocation
    // Then there is no grid wait and no facility construction
    expect(num(fns.call("BUILDTIME", 50, "VA", "colocation"))).toBeLessThan(1);
  });
});

describe("renting", () => {
  test("looks up RENTRATE by term and provider", () => {
    // Given a term and provider
    // Then RENTRATE is that offer's list rate; omitted, the GPU's default offer
    expect(fns.call("RENTRATE", "H100", "on-demand", "AWS")).toBe(
      LIB.rentalOffers["aws-h100-on-demand"].rate.value
    );
    const defaultOffer = LIB.rentalOffers[LIB.defaults.rentalOffer["h100-sxm"]];
    expect(fns.call("RENTRATE", "H100")).toBe(defaultOffer.rate.value);
  });

  test("computes RENTCOST at a flat price", () => {
    // Given a flat-priced hyperscaler offer
    const rate = LIB.rentalOffers["aws-h100-on-demand"].rate.value;
    // Then RENTCOST for 12 months is count x rate x 8760 h
    expect(num(fns.call("RENTCOST", "H100", 100, 12, "on-demand", "AWS"))).toBeCloseTo(
      100 * rate * 8760,
      4
    );
  });

  test("gives the rate as COSTPERHOUR of a flat rent", () => {
    // Given a flat-priced offer with no lead time
    const rate = num(fns.call("RENTRATE", "H100", "on-demand", "Oracle"));
    // Then COSTPERHOUR for rent equals the rate
    expect(
      num(fns.call("COSTPERHOUR", "rent", "H100", 100, 3, null, "on-demand", null, "Oracle"))
    ).toBeCloseTo(rate, 12);
  });
});

describe("comparison", () => {
  const args = ["H100", 1000, 5, "TN", "1yr"] as const;

  test("spills 15 rows from RENTVSBUILD", () => {
    // Given RENTVSBUILD
    const rows = fns.call("RENTVSBUILD", ...args) as unknown[][];
    // Then it spills 15 label/value rows (10 of v1, then IRR, discounted payback, breakeven utilization
    // and the cost per useful GPU-hour of each side)
    expect(rows).toHaveLength(15);
    for (const row of rows) {
      expect(row).toHaveLength(2);
      expect(typeof row[0]).toBe("string");
    }
  });

  test("reproduces RENTVSBUILD's NPVs from CASHFLOWS", () => {
    // Given CASHFLOWS
    const rows = fns.call("RENTVSBUILD", ...args) as [string, number][];
    const rate = LIB.financing.discountRate.value;
    // Then CF0 + Excel's NPV(rate, CF1..CFH) equals RENTVSBUILD's NPV for both options
    for (const [option, row] of [
      ["build", 0],
      ["rent", 1],
    ] as const) {
      const flows = (fns.call("CASHFLOWS", option, ...args) as number[][]).map(([v]) => v);
      expect(flows).toHaveLength(6);
      expect(flows[0] + excelNpv(rate, flows.slice(1))).toBeCloseTo(rows[row][1], 4);
    }
  });

  test("uses an explicit discount rate", () => {
    // Given an explicit discount rate
    const rows = fns.call("RENTVSBUILD", "H100", 1000, 5, "TN", "1yr", 0) as [string, number][];
    const flows = (fns.call("CASHFLOWS", "rent", "H100", 1000, 5, "TN", "1yr") as number[][]).map(
      ([v]) => v
    );
    // Then the NPVs use it
    expect(rows[1][1]).toBeCloseTo(
      flows.reduce((a, b) => a + b, 0),
      4
    );
  });

  test("counts TCO over years of operation from first capacity", () => {
    // Given 1,000 H100 for 5 years in Tennessee, standard build (issue 9: years of operation, not from the decision)
    // When TCO is computed
    const tco = num(fns.call("TCO", "H100", 1000, 5, "TN"));
    // Then by hand: IT capex 37,500 x 1000 / (1 - 0.12) = 42,613,636.36; facility 1.275 MW x 11.7M = 14,917,500;
    // energy/yr 1275 kW x 1.3 x 0.8333 x 8760 h x 0.0623 = 753,784.27; maintenance/yr 10% x IT = 4,261,363.64;
    // residual IT 0 (5 of 5 years used), facility 14,917,500 x (1 - 5/14) = 9,589,821.43;
    // TCO = 42,613,636.36 + 14,917,500 + 5 x (753,784.27 + 4,261,363.64) - 9,589,821.43 = 73,017,054.48
    expect(tco).toBeCloseTo(73_017_054.48, 1);
  });

  test("gives BREAKEVEN as a whole month or #N/A", () => {
    // Given BREAKEVEN
    let result: unknown;
    try {
      result = fns.call("BREAKEVEN", "H100", 1000, "TN", "on-demand", null, "AWS");
    } catch (error) {
      result = error;
    }
    // Then it is a whole month within 10 years or #N/A saying so
    if (typeof result === "number") {
      expect(Number.isInteger(result)).toBe(true);
      expect(result).toBeGreaterThanOrEqual(1);
      expect(result).toBeLessThanOrEqual(120);
    } else {
      expect(
        excelError(() => {
          throw result;
        }).code
      ).toBe(ErrorCode.notAvailable);
    }
  });
});

describe("library look-ups", () => {
  test("reads ASSUMPTION and SOURCE from the library", () => {
    // Given a library path
    const rate = LIB.financing.discountRate;
    // Then ASSUMPTION is its value and SOURCE its source with the as-of date
    expect(fns.call("ASSUMPTION", "financing.discountRate")).toBe(rate.value);
    expect(fns.call("SOURCE", "financing.discountRate")).toBe(
      `${rate.source} (as of ${rate.asOf})`
    );
    expect(fns.call("ASSUMPTION", "regions.TN.powerPrice")).toBe(tn.powerPrice.value);
  });

  test("reads GPUSPEC fields from the catalog", () => {
    // Given GPUSPEC fields
    // Then numbers and names come from the catalog
    expect(fns.call("GPUSPEC", "H100", "tdpWatts")).toBe(h100.tdpWatts.value);
    expect(fns.call("GPUSPEC", "H100", "memoryGB")).toBe(h100.memoryGB.value);
    expect(fns.call("GPUSPEC", "H100", "name")).toBe(h100.name);
  });

  test("names the library and version in LIBRARY()", () => {
    // Given LIBRARY()
    // Then it names the library and its version
    expect(fns.call("LIBRARY")).toBe(`${LIB.meta.name} ${LIB.meta.version}`);
  });
});

describe("errors a user can act on", () => {
  test("lists the nearest names for an unknown GPU", () => {
    // Given an unknown GPU
    const error = excelError(() => fns.call("GPUCOST", "H10O", 10));
    // Then #N/A lists the nearest names
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/Unknown GPU "H10O"\. Did you mean .*H100/);
  });

  test("names an unknown region, approach, assumption or field", () => {
    // Given an unknown region, approach, assumption or field
    // Then #N/A names it
    expect(excelError(() => fns.call("BUILDTIME", 10, "Texsa")).message).toMatch(
      /Unknown region "Texsa".*TX|Texas/
    );
    expect(excelError(() => fns.call("BUILDTIME", 10, "TX", "fastest")).code).toBe(
      ErrorCode.notAvailable
    );
    expect(excelError(() => fns.call("ASSUMPTION", "financing.discount")).message).toMatch(
      /discountRate/
    );
    expect(excelError(() => fns.call("GPUSPEC", "H100", "tdp watts!")).code).toBe(
      ErrorCode.notAvailable
    );
  });

  test("explains a GPU without rental offers", () => {
    // Given a GPU without rental offers
    const error = excelError(() => fns.call("RENTRATE", "MI300X"));
    // Then RENTRATE is #N/A saying there is none
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/no rental offer/);
  });

  // Excel shows a custom message only for #VALUE! and #N/A (the stand-in drops the others as Excel does), so an
  // out-of-range number is #VALUE! whose message gives the allowed range: a #NUM! would say nothing.
  test("says the allowed range for bad numbers", () => {
    // Given negative or absurd numbers
    const negative = excelError(() => fns.call("GPUCOST", "H100", -5));
    // Then #VALUE! says the allowed range (never a silent #NUM!)
    expect(negative.code).toBe(ErrorCode.invalidValue);
    expect(negative.message).toMatch(/count must be between 0 and .* GPUs \(got -5\)/);
    expect(excelError(() => fns.call("GPUCOST", "H100", 1e12)).message).toMatch(
      /count must be between/
    );
    expect(excelError(() => fns.call("TCO", "H100", 10, 2.5)).message).toMatch(
      /whole number of years/
    );
    expect(excelError(() => fns.call("ENERGYCOST", 10, 12, "TN", 0.5)).message).toMatch(
      /pue must be between 1 and 3/
    );
    expect(excelError(() => fns.call("GPUPOWER", "H100", Number.NaN)).message).toMatch(
      /count must be a finite number/
    );
  });

  test("fails only with codes whose message Excel shows", () => {
    // Given any failure
    const failures = [
      () => fns.call("GPUCOST", "H100", -5),
      () => fns.call("BUILDTIME", -1),
      () => fns.call("RENTCOST", "H100", 10, 1e9),
      () => fns.call("RENTVSBUILD", "H100", 10, 5, null, null, 7),
      () => fns.call("GPUCOST", "H10O", 10),
    ];
    // Then the code is one whose message Excel shows (#VALUE! or #N/A), with a message
    for (const failure of failures) {
      const error = excelError(failure);
      expect([ErrorCode.invalidValue, ErrorCode.notAvailable]).toContain(error.code);
      expect(error.message).not.toBe("");
    }
  });

  test("says what to type for the wrong type", () => {
    // Given the wrong type
    // Then #VALUE! says what to type
    expect(excelError(() => fns.call("GPUCOST", "H100", "many")).code).toBe(ErrorCode.invalidValue);
    expect(excelError(() => fns.call("GPUCOST", true, 10)).message).toMatch(/gpu must be text/);
    expect(excelError(() => fns.call("GPUCOST", null, 10)).message).toMatch(/gpu is required/);
    expect(excelError(() => fns.call("CASHFLOWS", "lease-to-own", "H100", 10, 5)).message).toMatch(
      /"build" or "rent"/
    );
    expect(excelError(() => fns.call("GPUCOST", "H100", 10, "rack")).code).toBe(
      ErrorCode.invalidValue
    );
  });

  test("explains that count 0 has no cost per GPU-hour", () => {
    // Given no GPUs (COSTPERHOUR counts years of operation, so a long build no longer leaves it empty; issue 9)
    const error = excelError(() =>
      fns.call("COSTPERHOUR", "build", "H100", 0, 1, "VA", null, "standard")
    );
    // Then COSTPERHOUR is #N/A explaining why
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/count 0/);
  });
});

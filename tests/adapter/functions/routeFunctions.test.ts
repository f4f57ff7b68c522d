/**
 * The functions priced by the route engine (model v2, docs/model.md section 11): OPTIONS, COSTPERHOUR with
 * "useful", RENTVSBUILD's useful-hour rows and its "bridge" approach, through the built dist/functions.js.
 * Default library: H100 on demand = AWS at $6.88 (used hours billed, SLA 0.995, flat); reserved = the market
 * 1-year contract at $2.35 (every hour billed, -22 %/yr, no SLA figure: availability 1); productive
 * utilization 0.80, goodput 0.90; discount rate 7 %.
 */
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

const num = numberResult;
const table = (value: unknown): unknown[][] => value as unknown[][];
const rowOf = (rows: unknown[][], label: string): unknown[] => {
  const row = rows.find(([l]) => l === label);
  if (row === undefined) throw new Error(`no row "${label}" in ${JSON.stringify(rows)}`);
  return row;
};

describe("OPTIONS", () => {
  const rows = () => table(fns.call("OPTIONS", "H100", 100_000, 5, "TN"));

  test("spills a header and the six routes", () => {
    // Given 100k H100 for 5 years in Tennessee
    const spill = rows();
    // Then the header and six rows of seven columns, in the documented order
    expect(spill.map(([label]) => label)).toEqual([
      "Option",
      "Rent on demand",
      "Rent reserved",
      "Buy + colocation",
      "Build standard",
      "Build fast-track",
      "Bridge: rent, then build standard",
    ]);
    for (const row of spill) expect(row).toHaveLength(7);
    for (const row of spill.slice(1))
      for (const cell of row.slice(1)) expect(Number.isFinite(cell)).toBe(true);
  });

  test("prices renting on demand on the hours used", () => {
    const onDemand = rowOf(rows(), "Rent on demand");
    // Then by hand: billed hours a year = 100,000 x 8,760 x 0.995 x 0.80 = 697,296,000, x $6.88 = $4,797,396,480;
    // 5 years at 7 %: annuity factor (1 - 1.07^-5) / 0.07 = 4.1001974, NPV = $19,670,272,746.5
    expect(num(onDemand[1])).toBeCloseTo(19_670_272_746.5, 0);
    // And per useful hour the SLA and utilization cancel: $6.88 / 0.90 goodput = $7.6444
    expect(num(onDemand[3])).toBeCloseTo(7.644444, 5);
    // And useful GPU-hours = 100,000 x 43,800 h x 0.995 x 0.90 x 0.80 = 3,137,832,000
    expect(num(onDemand[5])).toBeCloseTo(3_137_832_000, 0);
  });

  test("charges the cost of delay against the route that delivers most", () => {
    const spill = rows();
    const reserved = rowOf(spill, "Rent reserved");
    // Then the reserved rental from month 0 with no SLA figure delivers most: 100,000 x 43,800 x 0.90 x 0.80
    // = 3,153,600,000 useful GPU-hours, so its NPV with delay is its NPV
    expect(num(reserved[5])).toBeCloseTo(3_153_600_000, 0);
    expect(reserved[2]).toBe(reserved[1]);
    // And every other route pays for what it delivers less: NPV with delay >= NPV
    for (const row of spill.slice(1)) expect(num(row[2])).toBeGreaterThanOrEqual(num(row[1]));
  });

  test("puts the bridge between its rental and the slow standard build", () => {
    // Given the standard build's 48-month grid queue at 100k GPUs
    const spill = rows();
    const standard = rowOf(spill, "Build standard");
    const bridge = rowOf(spill, "Bridge: rent, then build standard");
    const reserved = rowOf(spill, "Rent reserved");
    expect(num(standard[4])).toBe(48);
    // Then the bridge has capacity from the rental's month 0
    expect(num(bridge[4])).toBe(0);
    // And with the cost of delay it lies between renting its offer throughout and waiting for the build
    expect(num(bridge[2])).toBeGreaterThan(num(reserved[2]));
    expect(num(bridge[2])).toBeLessThan(num(standard[2]));
  });

  test("takes route-only overrides", () => {
    // Given a productive utilization of 0.5 instead of 0.8
    const spill = table(
      fns.call("OPTIONS", "H100", 100_000, 5, "TN", null, [["productiveUtilization", 0.5]])
    );
    // Then the reserved rental delivers 100,000 x 43,800 x 0.90 x 0.5 = 1,971,000,000 useful GPU-hours
    expect(num(rowOf(spill, "Rent reserved")[5])).toBeCloseTo(1_971_000_000, 0);
  });

  test("refuses a discount rate given twice", () => {
    const error = excelError(() =>
      fns.call("OPTIONS", "H100", 8, 5, null, 0.07, [["discountRate", 0.1]])
    );
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/discountRate is given twice/);
  });
});

describe("COSTPERHOUR with the useful basis", () => {
  test("rents on demand at the rate over goodput", () => {
    // Given AWS on demand, billed on the hours used
    const perUseful = num(
      fns.call(
        "COSTPERHOUR",
        "rent",
        "H100",
        1000,
        5,
        null,
        "on-demand",
        null,
        "AWS",
        null,
        "useful"
      )
    );
    // Then $6.88 / 0.90 = $7.6444 per useful GPU-hour
    expect(perUseful).toBeCloseTo(7.644444, 5);
  });

  test("refuses route-only keys on the delivered basis", () => {
    const error = excelError(() =>
      fns.call("COSTPERHOUR", "build", "H100", 8, 5, null, null, null, null, [["goodput", 0.5]])
    );
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/goodput does not apply to COSTPERHOUR/);
  });

  test("refuses an unknown basis", () => {
    const error = excelError(() =>
      fns.call("COSTPERHOUR", "build", "H100", 8, 5, null, null, null, null, null, "billed")
    );
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/basis must be "delivered" or "useful"/);
  });
});

describe("RENTVSBUILD with the bridge", () => {
  const args = ["H100", 1000, 5, "TN", "1yr"] as const;

  test("has capacity from the rental's start and no cost of delay", () => {
    // Given the bridge: a standard build (21 months at 1,000 GPUs) rented over until it runs
    const bridge = table(fns.call("RENTVSBUILD", ...args, null, "bridge"));
    const standard = table(fns.call("RENTVSBUILD", ...args, null, "standard"));
    // Then capacity is there at month 0 and the bridge delivers what renting does
    expect(num(rowOf(bridge, "Build: months to first capacity")[1])).toBe(0);
    expect(num(rowOf(standard, "Build: months to first capacity")[1])).toBeCloseTo(21.0038, 4);
    expect(num(rowOf(bridge, "Cost of delay (USD, + = build later)")[1])).toBeCloseTo(0, 4);
    // And it costs more than the build alone but less than the build plus five years of rent
    const npvBridge = num(rowOf(bridge, "NPV build (USD)")[1]);
    const npvBuild = num(rowOf(standard, "NPV build (USD)")[1]);
    const npvRent = num(rowOf(standard, "NPV rent (USD)")[1]);
    expect(npvBridge).toBeGreaterThan(npvBuild);
    expect(npvBridge).toBeLessThan(npvBuild + npvRent);
  });

  test("refuses a tax rate: its NPVs are before tax", () => {
    const error = excelError(() =>
      fns.call("RENTVSBUILD", ...args, null, null, null, [["taxRate", 0.21]])
    );
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/taxRate does not apply to RENTVSBUILD/);
  });

  test("prices both sides per useful GPU-hour", () => {
    const rows = table(fns.call("RENTVSBUILD", ...args));
    // Then renting the market 1-year contract (every hour billed, -22 %/yr) costs the average rate over
    // useful share: 2.35 x (1 + 0.78 + 0.78^2 + 0.78^3 + 0.78^4) / 5 = 2.35 x 3.23310 / 5 = 1.519556 a
    // GPU-hour, / (0.90 x 0.80) = $2.110498 per useful GPU-hour
    expect(num(rowOf(rows, "Rent cost per useful GPU-hour (USD)")[1])).toBeCloseTo(2.110498, 5);
    expect(num(rowOf(rows, "Build cost per useful GPU-hour (USD)")[1])).toBeGreaterThan(
      num(rowOf(rows, "Build cost per GPU-hour (USD)")[1])
    );
  });
});

describe("review cases", () => {
  test("a bridge whose rental could only start after the build runs is the build alone", () => {
    // Given the standard build of 1,000 H100 (first capacity 21.0 months, ramp 0.62) and a rental from month 30
    const late = [["rentLeadTimeMonths", 30]];
    const bridge = table(
      fns.call("RENTVSBUILD", "H100", 1000, 5, "TN", "1yr", null, "bridge", null, late)
    );
    const standard = table(
      fns.call("RENTVSBUILD", "H100", 1000, 5, "TN", "1yr", null, "standard", null, late)
    );
    // Then nothing is rented: the bridge's NPV is the standard build's
    expect(num(rowOf(bridge, "NPV build (USD)")[1])).toBeCloseTo(
      num(rowOf(standard, "NPV build (USD)")[1]),
      2
    );
  });

  test("OPTIONS prices the owned routes of a GPU the library rents nowhere", () => {
    // Given GB200 NVL72 racks, which have no rental offer in the default library
    const spill = table(fns.call("OPTIONS", "GB200 NVL72", 64, 5, "TN"));
    // Then the three rentals say why, and the three builds are priced
    for (const label of ["Rent on demand", "Rent reserved", "Bridge: rent, then build standard"])
      expect(String(rowOf(spill, label)[1])).toMatch(
        /offer for NVIDIA GB200 NVL72 \(per GPU\) in the library/
      );
    for (const label of ["Buy + colocation", "Build standard", "Build fast-track"])
      expect(Number.isFinite(rowOf(spill, label)[1])).toBe(true);
  });

  test("an on-site bridge's grid month matters once on-site energy has its own price", () => {
    // Given the fast-track build (on-site generation until the grid), per useful GPU-hour, with overrides
    const perUseful = (overrides: unknown[][]): number =>
      num(
        fns.call(
          "COSTPERHOUR",
          "build",
          "H100",
          100_000,
          5,
          "TN",
          null,
          "fast-track",
          null,
          overrides,
          "useful"
        )
      );
    // With on-site power at $0.30/kWh
    const onsite = (gridMonths: number) =>
      perUseful([
        ["onsitePricePerKwh", 0.3],
        ["gridMonths", gridMonths],
      ]);
    // Then a grid that comes later keeps the dearer on-site power longer
    expect(onsite(48)).toBeGreaterThan(onsite(12));
    // And at the grid price the grid month changes nothing (no sourced fuel price: docs 11.8)
    const atGridPrice = (g: number) => perUseful([["gridMonths", g]]);
    expect(atGridPrice(48)).toBeCloseTo(atGridPrice(12), 9);
  });

  test("keys a function would ignore are refused", () => {
    // Given TCO with a value of a GPU-hour, and a non-bridge RENTVSBUILD with a bridge overlap
    const tco = excelError(() =>
      fns.call("TCO", "H100", 8, 5, null, null, [["valuePerGpuHour", 3]])
    );
    const rvb = excelError(() =>
      fns.call("RENTVSBUILD", "H100", 8, 5, null, null, null, "standard", null, [
        ["overlapMonths", 3],
      ])
    );
    // Then each is #VALUE! naming the key
    expect(tco.code).toBe(ErrorCode.invalidValue);
    expect(tco.message).toMatch(/valuePerGpuHour does not apply to TCO/);
    expect(rvb.code).toBe(ErrorCode.invalidValue);
    expect(rvb.message).toMatch(/overlapMonths does not apply to RENTVSBUILD/);
  });

  test("with no GPUs there is nothing to pay back", () => {
    const rows = table(fns.call("RENTVSBUILD", "H100", 0, 5, "TN", "1yr"));
    expect(rowOf(rows, "Discounted payback (months from decision, excl. cost of delay)")[1]).toBe(
      "no GPUs: nothing to pay back"
    );
  });
});

describe("RENTCURVE", () => {
  test("reads AWS's 1-year and 3-year H100 prices as a yearly decline", () => {
    // Given AWS at $7.20 for 1 year and $5.40 for 3 years (rent.h100.aws_p5_reserved_1yr / _3yr)
    // Then (1 + x + x^2) / 3 = 0.75, x = (sqrt(6) - 1) / 2, a change of -27.53 % a year
    expect(num(fns.call("RENTCURVE", "H100", "AWS"))).toBeCloseTo(-0.2752551, 7);
    // And without a provider, the first with both terms is AWS
    expect(num(fns.call("RENTCURVE", "H100"))).toBeCloseTo(-0.2752551, 7);
  });

  test("says #N/A when no provider has both terms", () => {
    const error = excelError(() => fns.call("RENTCURVE", "B200"));
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/for both 1 and 3 years/);
  });
});

describe("bonus depreciation before tax", () => {
  test("is refused rather than ignored", () => {
    // Given OPTIONS on the bundled library (tax rate 0) with bonus depreciation
    const error = excelError(() =>
      fns.call("OPTIONS", "H100", 8, 5, null, null, [["bonusDepreciation", 1]])
    );
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/bonusDepreciation does not apply to OPTIONS before tax/);
    // And with a tax rate it is taken
    const rows = table(
      fns.call("OPTIONS", "H100", 8, 5, null, null, [
        ["bonusDepreciation", 1],
        ["taxRate", 0.21],
      ])
    );
    expect(rows).toHaveLength(7);
  });
});

describe("OPTIONLINES", () => {
  const CENT = 0.005;
  const routes = [
    "Rent on demand",
    "Rent reserved",
    "Buy + colocation",
    "Build standard",
    "Build fast-track",
    "Bridge: rent, then build standard",
  ];

  test("spills the cost lines of the six routes, which add up to OPTIONS' NPVs", () => {
    // Given 100k H100 for 5 years in Tennessee, after 21 % tax with full bonus depreciation
    const overrides = [
      ["taxRate", 0.21],
      ["bonusDepreciation", 1],
    ];
    const lines = table(fns.call("OPTIONLINES", "H100", 100_000, 5, "TN", null, overrides));
    const options = table(fns.call("OPTIONS", "H100", 100_000, 5, "TN", null, overrides));
    // Then the header names the routes in OPTIONS' order, then one row per cost line
    expect(lines[0]).toEqual(["Cost line (present value, USD)", ...routes]);
    expect(lines.slice(1).map(([label]) => label)).toEqual([
      "IT capex",
      "Facility capex",
      "Power capex (batteries, on-site)",
      "Energy",
      "Other opex (maintenance, staff, colocation)",
      "Rent",
      "Residual value (recovered)",
      "Tax (paid +, saved -)",
    ]);
    // And each route's column sums to its OPTIONS NPV, to the cent
    routes.forEach((route, k) => {
      const sum = lines.slice(1).reduce((acc, row) => acc + num(row[k + 1]), 0);
      expect(Math.abs(sum - num(rowOf(options, route)[1]))).toBeLessThan(CENT);
    });
    // And tax is a line of its own (bonus depreciation saves tax on the builds)
    expect(num(rowOf(lines, "Tax (paid +, saved -)")[4])).toBeLessThan(0);
  });

  test("puts the reason in the column of a route the library cannot price", () => {
    // Given GB200 NVL72 racks, which have no rental offer
    const lines = table(fns.call("OPTIONLINES", "GB200 NVL72", 64, 5, "TN"));
    // Then the rentals' columns hold the reason in every line, the builds numbers
    for (const row of lines.slice(1)) {
      expect(String(row[1])).toMatch(/offer for NVIDIA GB200 NVL72 \(per GPU\) in the library/);
      expect(Number.isFinite(row[4])).toBe(true);
    }
  });

  test("refuses what OPTIONS refuses, with the same errors", () => {
    // Given an unknown GPU, and bonus depreciation before tax
    const unknown = excelError(() => fns.call("OPTIONLINES", "H1000", 8, 5));
    const options = excelError(() => fns.call("OPTIONS", "H1000", 8, 5));
    // Then the error and its message are OPTIONS' own
    expect(unknown.code).toBe(options.code);
    expect(unknown.message).toBe(options.message);
    const bonus = excelError(() =>
      fns.call("OPTIONLINES", "H100", 8, 5, null, null, [["bonusDepreciation", 1]])
    );
    expect(bonus.code).toBe(ErrorCode.invalidValue);
    expect(bonus.message).toMatch(/bonusDepreciation does not apply to OPTIONLINES before tax/);
  });
});

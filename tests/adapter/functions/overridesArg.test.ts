/**
 * The `overrides` argument and the functions that came with it (PAYBACK, BREAKEVENUTIL), through the built
 * dist/functions.js as Excel calls them. The peer cases are those of issue 9 ("What must be shown"): a public
 * calculator's one-server case and its 1,000-GPU case, each reproduced from one formula.
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

/**
 * The peer case as an array constant: one 8-GPU H100 server at $300,000 ($37,500/GPU), 10 kW (1.25 kW/GPU),
 * PUE 1.5, $0.13/kWh, colocation $200/kW-month, draw 1, no maintenance, network, staff, discounting or
 * residual; capacity at month 0 so that years from the decision and years of operation are the same.
 */
const PEER: unknown[][] = [
  ["systemPricePerGpu", 37_500],
  ["kwPerGpu", 1.25],
  ["pue", 1.5],
  ["powerPrice", 0.13],
  ["colocationPerKwMonth", 200],
  ["maintenanceShare", 0],
  ["networkShare", 0],
  ["staffCostPerMwYear", 0],
  ["residual", 0],
  ["utilization", 1],
  ["discountRate", 0],
  ["buildMonths", 0],
  ["rentPriceChange", 0],
];
const peerAt = (rentRate: number): unknown[][] => [...PEER, ["rentRate", rentRate]];

describe("the peer case of one 8-GPU server", () => {
  test("TCO over 5 years is $505,410", () => {
    // Given the peer's server, colocated, for 5 years
    // Then 300,000 + energy 10 kW x 1.5 x 8,760 h x 5 x $0.13 = 85,410 + colocation 10 x 200 x 60 = 120,000
    expect(num(fns.call("TCO", "H100", 8, 5, null, "colocation", PEER))).toBeCloseTo(505_410, 6);
  });

  test("COSTPERHOUR to build is $1.442 per GPU-hour", () => {
    // Given the same case
    // Then 505,410 / (8 GPUs x 8,760 h x 5) = 505,410 / 350,400 = 1.44238
    const args = ["build", "H100", 8, 5, null, null, "colocation", null, PEER];
    expect(num(fns.call("COSTPERHOUR", ...args))).toBeCloseTo(1.44238, 5);
  });

  test("PAYBACK against $12.29/GPU-hour is 4.389 months", () => {
    // Given rent at $12.29/GPU-hour: 8 x 730 h x 12.29 = $71,773.60 a month; own opex (17,082 + 24,000) / 12
    // = $3,423.50 a month
    // Then 300,000 / 68,350.10 = 4.38917 months
    const months = fns.call("PAYBACK", "H100", 8, null, null, "colocation", null, peerAt(12.29));
    expect(num(months)).toBeCloseTo(4.38917, 5);
  });
});

describe("the peer case of 1,000 GPUs at $2.50", () => {
  const at250 = peerAt(2.5);

  test("TCO over 5 years is $63,176,250", () => {
    // Given 125 of the peer's servers: 125 x 505,410
    expect(num(fns.call("TCO", "H100", 1000, 5, null, "colocation", at250))).toBeCloseTo(
      63_176_250,
      4
    );
  });

  test("PAYBACK is 26.84 months", () => {
    // Given rent 1,000 x 730 x 2.50 = $1,825,000 a month and own opex 125 x 3,423.50 = $427,937.50 a month
    // Then 37,500,000 / 1,397,062.50 = 26.8420 months
    const months = fns.call("PAYBACK", "H100", 1000, null, null, "colocation", null, at250);
    expect(num(months)).toBeCloseTo(26.842, 3);
  });

  test("BREAKEVENUTIL over 5 years is 0.577", () => {
    // Given own cost 63,176,250 over 1,000 x 8,760 x 5 = 43,800,000 GPU-hours = $1.44238/GPU-hour
    // Then owning equals renting at 1.44238 / 2.50 = 0.576952 of the hours used
    const args = ["H100", 1000, 5, null, null, "colocation", null, at250];
    expect(num(fns.call("BREAKEVENUTIL", ...args))).toBeCloseTo(0.576952, 6);
  });
});

describe("PAYBACK and BREAKEVENUTIL without a result", () => {
  test("PAYBACK is #N/A when rent does not exceed own opex", () => {
    // Given a rent of $0.50/GPU-hour for the peer server: 8 x 730 x 0.5 = $2,920 a month < $3,423.50 of opex
    const error = excelError(() =>
      fns.call("PAYBACK", "H100", 8, null, null, "colocation", null, peerAt(0.5))
    );
    // Then there is no payback
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/Never paid back/);
  });

  test("BREAKEVENUTIL is #N/A when renting is cheaper even at 100%", () => {
    // Given a rent of $1.00/GPU-hour, below the own $1.442/GPU-hour
    const error = excelError(() =>
      fns.call("BREAKEVENUTIL", "H100", 1000, 5, null, null, "colocation", null, peerAt(1))
    );
    // Then owning never breaks even
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/cheaper even at 100%/);
  });
});

describe("reading the overrides", () => {
  test("an omitted or empty overrides argument changes nothing", () => {
    // Given TCO with no overrides
    const plain = fns.call("TCO", "H100", 1000, 5);
    // Then null, blank rows and an empty range mean the same
    expect(fns.call("TCO", "H100", 1000, 5, null, null, null)).toBe(plain);
    expect(fns.call("TCO", "H100", 1000, 5, null, null, [[null, null]])).toBe(plain);
    expect(fns.call("TCO", "H100", 1000, 5, null, null, [["", ""]])).toBe(plain);
  });

  test("keys ignore case and accept aliases", () => {
    // Given the same overrides spelled two ways
    const a = fns.call("TCO", "H100", 1000, 5, null, null, [
      ["pue", 1.5],
      ["systemPricePerGpu", 30_000],
    ]);
    const b = fns.call("TCO", "H100", 1000, 5, null, null, [
      ["PUE", 1.5],
      [null, null],
      ["System Price", 30_000],
    ]);
    // Then the results are the same
    expect(b).toBe(a);
  });

  test("an unknown key is #N/A with the nearest names", () => {
    // Given a misspelled key
    const typo = [["powerPrise", 0.1]];
    const error = excelError(() => fns.call("TCO", "H100", 8, 5, null, null, typo));
    // Then #N/A says which key and suggests powerPrice
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/Unknown override key "powerPrise"\..*powerPrice/);
  });

  test("a value out of range is #VALUE! naming the key and its range", () => {
    // Given a PUE of 0.8
    const error = excelError(() => fns.call("TCO", "H100", 8, 5, null, null, [["pue", 0.8]]));
    // Then #VALUE! names pue and the range 1 to 3
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/pue must be between 1 and 3/);
  });

  test("wrong types, duplicates and wrong shapes are #VALUE!", () => {
    // Given a text value, a key twice (through an alias), three columns, a switch set to 2 and 65 rows
    const tooMany = Array.from({ length: 65 }, () => [null, null]);
    const cases: unknown[][][] = [
      [["pue", "high"]],
      [
        ["systemPrice", 1],
        ["systemPricePerGpu", 2],
      ],
      [["pue", 1.5, 1]],
      [["residual", 2]],
      [[1.5, "pue"]],
      tooMany,
    ];
    // Then each is #VALUE! with a message
    for (const overrides of cases) {
      const error = excelError(() => fns.call("TCO", "H100", 8, 5, null, null, overrides));
      expect(error.code).toBe(ErrorCode.invalidValue);
      expect(error.message).toMatch(/overrides/);
    }
  });

  test("RENTVSBUILD refuses a discount rate given twice", () => {
    // Given discountRate as an argument and in overrides
    const error = excelError(() =>
      fns.call("RENTVSBUILD", "H100", 8, 5, null, null, 0.07, null, null, [["discountRate", 0]])
    );
    // Then #VALUE! says to give it once
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/discountRate is given twice/);
  });

  test("RENTVSBUILD, CASHFLOWS and BREAKEVEN take the overrides", () => {
    // Given the peer server with no discounting, against $12.29/GPU-hour
    const at1229 = peerAt(12.29);
    const compare = ["H100", 8, 5, null, null, null, "colocation", null, at1229];
    const rows = fns.call("RENTVSBUILD", ...compare);
    const args = ["build", "H100", 8, 5, null, null, "colocation", null, at1229];
    const flows = (fns.call("CASHFLOWS", ...args) as number[][]).map(([v]) => v);
    // Then the build NPV is the undiscounted $505,410
    expect(num((rows as unknown[][])[0][1])).toBeCloseTo(505_410, 6);
    // And the flows are the $300,000 server in year 0, then 17,082 energy + 24,000 colocation a year
    expect(flows).toHaveLength(6);
    expect(flows[0]).toBeCloseTo(300_000, 6);
    for (const flow of flows.slice(1)) expect(flow).toBeCloseTo(41_082, 6);
    // And owning has cost less by month 5: 300,000 + 5 x 3,423.50 = 317,117.50 <= 5 x 71,773.60 = 358,868
    // (month 4: 313,694 > 287,094.40)
    const month = fns.call("BREAKEVEN", "H100", 8, null, null, "colocation", null, at1229);
    expect(month).toBe(5);
  });

  test("RENTVSBUILD's IRR, discounted payback and breakeven utilization, on the peer server", () => {
    // Given the peer server against $12.29/GPU-hour, colocated, capacity at month 0
    const at1229 = peerAt(12.29);
    const rows = fns.call(
      "RENTVSBUILD",
      "H100",
      8,
      5,
      null,
      null,
      null,
      "colocation",
      null,
      at1229
    );
    const row = (label: string): unknown => (rows as unknown[][]).find(([l]) => l === label)?.[1];
    // Then, by hand: the saving of building = rent - build each year:
    //   year 0: 0 - 300,000 = -300,000; years 1-5: 8 x 8,760 x 12.29 - 41,082 = 861,283.20 - 41,082 = 820,201.20.
    // IRR r solves 300,000 = 820,201.20 x (1 - (1+r)^-5) / r, an annuity factor of 0.365764; by bisection
    // (outside the code under test) r = 2.730218 (273 % a year).
    expect(num(row("IRR of building instead of renting (excl. cost of delay)"))).toBeCloseTo(
      2.730218,
      5
    );
    // And undiscounted (discountRate 0 in the overrides) it is paid back inside year 1:
    // 12 x 300,000 / 820,201.20 = 4.389167 months, the peers' 4.39.
    expect(num(row("Discounted payback (months from decision, excl. cost of delay)"))).toBeCloseTo(
      4.389167,
      5
    );
    // And owning breaks even at 505,410 / (8 x 8,760 x 5 x 12.29) = 505,410 / 4,306,416 = 0.117362 used.
    expect(num(row("Breakeven productive utilization"))).toBeCloseTo(0.117362, 5);
  });

  test("RENTVSBUILD's discounted payback discounts the saving", () => {
    // Given the peer server at 7 % (overrides without their discountRate, the argument instead)
    const at7 = peerAt(12.29).filter(([key]) => key !== "discountRate");
    const rows = fns.call("RENTVSBUILD", "H100", 8, 5, null, null, 0.07, "colocation", null, at7);
    const payback = (rows as unknown[][]).find(
      ([l]) => l === "Discounted payback (months from decision, excl. cost of delay)"
    )?.[1];
    // Then the year-1 saving is worth 820,201.20 / 1.07 = 766,543.18 at the decision, and
    // 12 x 300,000 / 766,543.18 = 4.696409 months
    expect(num(payback)).toBeCloseTo(4.696409, 5);
  });
});

describe("route-only keys in a function that counts every hour", () => {
  test("TCO refuses productive utilization and tax rather than ignore them", () => {
    // Given TCO (every installed hour, before tax) with a productive utilization and a tax rate
    const error = excelError(() =>
      fns.call("TCO", "H100", 8, 5, null, "colocation", [
        ["productiveUtilization", 0.8],
        ["taxRate", 0.21],
      ])
    );
    // Then #VALUE! names both keys and where they do apply
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/productiveUtilization, taxRate do not apply to TCO/);
    expect(error.message).toMatch(/CAPPLAN\.OPTIONS/);
  });

  test("the v1 value of a GPU-hour is an override of the cost of delay", () => {
    // Given RENTVSBUILD on the peer server with the value of a GPU-hour raised from the library's to $10
    const base = fns.call(
      "RENTVSBUILD",
      "H100",
      8,
      5,
      null,
      null,
      null,
      "colocation",
      null,
      peerAt(12.29)
    );
    const valued = fns.call("RENTVSBUILD", "H100", 8, 5, null, null, null, "colocation", null, [
      ...peerAt(12.29).filter(([key]) => key !== "buildMonths"),
      ["buildMonths", 3],
      ["valuePerGpuHour", 10],
    ]);
    const delay = (rows: unknown): unknown =>
      (rows as unknown[][]).find(([l]) => l === "Cost of delay (USD, + = build later)")?.[1];
    // Then with both at month 0 there is no delay; 3 months late costs 8 GPUs x 730 h x 3 x $10 = $175,200
    expect(num(delay(base))).toBe(0);
    expect(num(delay(valued))).toBeCloseTo(175_200, 6);
  });
});

/** Library schema v2: optional fields that v1 libraries may omit, their bounds and cross-checks. */
import { readFileSync } from "fs";
import path from "path";
import { parseLibrary, parseTeamLibrary } from "../../../../src/model/library/load";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import {
  cloneDefault,
  issuesOf,
  withChange,
  type JsonObject,
} from "../../../support/model/library/libraryFixtures";

/** The bundled default library as published in 1.0.0 (schema v1), before the v2 fields. */
const V1_LIBRARY_PATH = path.resolve(
  __dirname,
  "../../../support/model/library/fixtures/default-library-v1.0.0.json"
);
const v1Library = (): JsonObject => JSON.parse(readFileSync(V1_LIBRARY_PATH, "utf8")) as JsonObject;

const q = (value: number, extra: JsonObject = {}): JsonObject => ({
  value,
  unit: "test unit",
  source: "test source",
  asOf: "2026-01",
  ...extra,
});

/** A v1 document with one v2 change, so each case tests one field against the v1 baseline. */
const v1With = (dotted: string, value: unknown) => withChange(dotted, value, v1Library());

/** [field, the document, the issue path, a phrase the message must contain]. */
const BAD: [string, () => unknown, string, RegExp][] = [
  [
    "schemaVersion 3",
    () => withChange("meta.schemaVersion", 3),
    "meta.schemaVersion",
    /this library needs a newer Capacity Planner: schemaVersion 3/,
  ],
  [
    "schemaVersion 0",
    () => withChange("meta.schemaVersion", 0),
    "meta.schemaVersion",
    /at least 1/,
  ],
  [
    "schemaVersion 1.5",
    () => withChange("meta.schemaVersion", 1.5),
    "meta.schemaVersion",
    /whole number/,
  ],
  [
    "an unknown billing",
    () => v1With("rentalOffers.aws-h100-on-demand.billing", "per-minute"),
    "rentalOffers.aws-h100-on-demand.billing",
    /must be one of "used-hours", "all-hours"/,
  ],
  [
    "an availability above 1",
    () => v1With("rentalOffers.aws-h100-on-demand.availability", q(99.5)),
    "rentalOffers.aws-h100-on-demand.availability.value",
    /at most 1 .*SLA/,
  ],
  [
    "a negative minimum term",
    () => v1With("rentalOffers.aws-h100-reserved-1yr.minimumTermMonths", q(-12)),
    "rentalOffers.aws-h100-reserved-1yr.minimumTermMonths.value",
    /at least 0 .*months/,
  ],
  [
    "a negative ramp",
    () => v1With("approaches.standard.rampMonths", q(-1)),
    "approaches.standard.rampMonths.value",
    /at least 0/,
  ],
  [
    "an unknown power kind",
    () => v1With("approaches.standard.power", { kind: "nuclear" }),
    "approaches.standard.power.kind",
    /must be one of "grid", "grid\+battery", "onsite-bridge"/,
  ],
  [
    "an unknown power field",
    () => v1With("approaches.standard.power", { kind: "grid", fuel: q(1) }),
    "approaches.standard.power",
    /unknown field "fuel"/,
  ],
  [
    "grid+battery without batteryHours",
    () => v1With("approaches.standard.power", { kind: "grid+battery" }),
    "approaches.standard.power.batteryHours",
    /required when kind is "grid\+battery"/,
  ],
  [
    "onsite-bridge without onsiteCostPerKw",
    () => v1With("approaches.fast-track.power", { kind: "onsite-bridge", batteryHours: q(1) }),
    "approaches.fast-track.power.onsiteCostPerKw",
    /required when kind is "onsite-bridge"/,
  ],
  [
    "a negative on-site cost",
    () => v1With("approaches.fast-track.power", { kind: "onsite-bridge", onsiteCostPerKw: q(-1) }),
    "approaches.fast-track.power.onsiteCostPerKw.value",
    /price cannot be negative/,
  ],
  [
    "a productive utilization above 1",
    () => v1With("operations.productiveUtilization", q(80)),
    "operations.productiveUtilization.value",
    /at most 1/,
  ],
  [
    "a negative goodput",
    () => v1With("operations.goodput", q(-0.1)),
    "operations.goodput.value",
    /at least 0/,
  ],
  [
    "a spares share above 1",
    () => v1With("operations.sparesShare", q(5)),
    "operations.sparesShare.value",
    /at most 1/,
  ],
  [
    "negative spares needed",
    () => v1With("operations.sparesNeeded", q(-0.05)),
    "operations.sparesNeeded.value",
    /at least 0/,
  ],
  [
    "outage hours beyond a year",
    () => v1With("operations.outageHoursPerYear", q(9000)),
    "operations.outageHoursPerYear.value",
    /at most 8760/,
  ],
  [
    "outage hours without interruptions",
    () =>
      withChange("operations.outagesPerYear", q(0), v1With("operations.outageHoursPerYear", q(6))),
    "operations.outagesPerYear.value",
    /greater than 0 when outageHoursPerYear is 6/,
  ],
  [
    "negative restart hours",
    () => v1With("operations.restartHoursPerOutage", q(-1)),
    "operations.restartHoursPerOutage.value",
    /at least 0/,
  ],
  [
    "a hardware price change below -1",
    () => v1With("operations.hardwarePriceChange", q(-30)),
    "operations.hardwarePriceChange.value",
    /at least -1/,
  ],
  [
    "a hardware price change above 1",
    () => v1With("operations.hardwarePriceChange", q(2)),
    "operations.hardwarePriceChange.value",
    /at most 1/,
  ],
  [
    "a market value change below -1",
    () => v1With("operations.marketValueChange", q(-2)),
    "operations.marketValueChange.value",
    /at least -1/,
  ],
  [
    "a tax rate in percent",
    () => v1With("financing.taxRate", q(21)),
    "financing.taxRate.value",
    /at most 1/,
  ],
  [
    "no phases",
    () => v1With("scenarios.xai-memphis-2024.phases", []),
    "scenarios.xai-memphis-2024.phases",
    /at least one phase/,
  ],
  [
    "13 phases",
    () =>
      v1With(
        "scenarios.xai-memphis-2024.phases",
        Array.from({ length: 13 }, (_, i) => ({ offsetMonths: i, share: 1 / 13 }))
      ),
    "scenarios.xai-memphis-2024.phases",
    /at most 12 phases/,
  ],
  [
    "phase shares that sum to 0.9",
    () =>
      v1With("scenarios.xai-memphis-2024.phases", [
        { offsetMonths: 0, share: 0.5 },
        { offsetMonths: 6, share: 0.4 },
      ]),
    "scenarios.xai-memphis-2024.phases",
    /shares must sum to 1 \(they sum to 0\.9\)/,
  ],
  [
    "a negative phase offset",
    () => v1With("scenarios.xai-memphis-2024.phases", [{ offsetMonths: -1, share: 1 }]),
    "scenarios.xai-memphis-2024.phases[0].offsetMonths",
    /at least 0 months/,
  ],
  [
    "a phase offset beyond 240 months",
    () => v1With("scenarios.xai-memphis-2024.phases", [{ offsetMonths: 241, share: 1 }]),
    "scenarios.xai-memphis-2024.phases[0].offsetMonths",
    /at most 240 months/,
  ],
  [
    "a phase share above 1",
    () =>
      v1With("scenarios.xai-memphis-2024.phases", [
        { offsetMonths: 0, share: 1.5 },
        { offsetMonths: 1, share: -0.5 },
      ]),
    "scenarios.xai-memphis-2024.phases[0].share",
    /at most 1/,
  ],
  [
    "a bridge overlap beyond 120 months",
    () => v1With("scenarios.oracle-rental-2024.bridge", { overlapMonths: 121 }),
    "scenarios.oracle-rental-2024.bridge.overlapMonths",
    /at most 120 months/,
  ],
  [
    "a bridge without overlap",
    () => v1With("scenarios.oracle-rental-2024.bridge", { rentalOffer: "market-h100-1yr" }),
    "scenarios.oracle-rental-2024.bridge.overlapMonths",
    /required/,
  ],
  [
    "a bridge offer the library lacks",
    () =>
      v1With("scenarios.oracle-rental-2024.bridge", {
        overlapMonths: 3,
        rentalOffer: "market-h100-1y",
      }),
    "scenarios.oracle-rental-2024.bridge.rentalOffer",
    /unknown rental offer "market-h100-1y"; did you mean "market-h100-1yr"/,
  ],
  [
    "an unknown override key",
    () => v1With("scenarios.oracle-rental-2024.overrides", { powerPrise: 0.05 }),
    "scenarios.oracle-rental-2024.overrides.powerPrise",
    /unknown override key "powerPrise"; did you mean "powerPrice"/,
  ],
  [
    "an override out of its range",
    () => v1With("scenarios.oracle-rental-2024.overrides", { pue: 0.5 }),
    "scenarios.oracle-rental-2024.overrides.pue",
    /between 1 and 3/,
  ],
  [
    "a switch override that is not 0 or 1",
    () => v1With("scenarios.oracle-rental-2024.overrides", { residual: 2 }),
    "scenarios.oracle-rental-2024.overrides.residual",
    /1 \(on\) or 0 \(off\)/,
  ],
  [
    "an override key set twice through an alias",
    () => v1With("scenarios.oracle-rental-2024.overrides", { rentRate: 2, rate: 3 }),
    "scenarios.oracle-rental-2024.overrides.rate",
    /sets rentRate again \(already set as "rentRate"\)/,
  ],
  [
    "51 override keys",
    () =>
      v1With(
        "scenarios.oracle-rental-2024.overrides",
        Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`key${i}`, i]))
      ),
    "scenarios.oracle-rental-2024.overrides",
    /at most 50 keys/,
  ],
  [
    "an override value that is not a number",
    () => v1With("scenarios.oracle-rental-2024.overrides", { pue: "1.2" }),
    "scenarios.oracle-rental-2024.overrides.pue",
    /expected number/,
  ],
];

describe("library schema v2", () => {
  it("still accepts the v1 default library (1.0.0) unchanged", () => {
    // Given the default library as published before schema v2
    const doc = v1Library();
    // When validated
    const result = parseLibrary(doc);
    // Then it is accepted, and it declares no schema version (= 1)
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.library.meta.schemaVersion).toBeUndefined();
  });

  it("accepts every v2 field on a v1 library", () => {
    // Given a v1 library with each new field set
    let doc = v1Library();
    const set = (dotted: string, value: unknown) => (doc = withChange(dotted, value, doc));
    set("meta.schemaVersion", 2);
    set("rentalOffers.aws-h100-on-demand.billing", "used-hours");
    set("rentalOffers.aws-h100-on-demand.availability", q(0.995));
    set("rentalOffers.aws-h100-reserved-1yr.minimumTermMonths", q(12));
    set("approaches.standard.rampMonths", q(4.93));
    set("approaches.standard.power", {
      kind: "grid+battery",
      batteryHours: q(4),
      batteryCostPerKwh: q(313),
    });
    set("approaches.fast-track.power", {
      kind: "onsite-bridge",
      onsiteCostPerKw: q(1428),
      onsitePricePerKwh: q(0.07),
    });
    set("approaches.colocation.power", { kind: "grid" });
    for (const [field, value] of Object.entries({
      productiveUtilization: 0.8,
      goodput: 0.9,
      sparesShare: 0.05,
      sparesNeeded: 0.05,
      outageHoursPerYear: 6.11,
      outagesPerYear: 1.35,
      restartHoursPerOutage: 0.278,
      hardwarePriceChange: -0.3,
      marketValueChange: -0.3,
    }))
      set(`operations.${field}`, q(value));
    set("financing.taxRate", q(0.21));
    set("scenarios.xai-memphis-2024.phases", [
      { offsetMonths: 0, share: 0.1 },
      { offsetMonths: 6, share: 0.2 },
      { offsetMonths: 12, share: 0.7 },
    ]);
    set("scenarios.oracle-rental-2024.bridge", {
      overlapMonths: 3,
      rentalOffer: "market-h100-1yr",
    });
    // Override keys as typed in a sheet: aliases, case and separators
    set("scenarios.oracle-rental-2024.overrides", { "power price": 0.05, RATE: 2.1, residual: 0 });
    // When validated
    const result = parseLibrary(doc);
    // Then it is accepted and the values are kept as written
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    expect(result.library.approaches["fast-track"].power?.onsiteCostPerKw?.value).toBe(1428);
    expect(result.library.scenarios["oracle-rental-2024"].overrides).toEqual({
      "power price": 0.05,
      RATE: 2.1,
      residual: 0,
    });
  });

  it("accepts phase shares that sum to 1 within 1e-9", () => {
    // Given thirds typed as decimals (sum 0.9999999999)
    const doc = v1With("scenarios.xai-memphis-2024.phases", [
      { offsetMonths: 0, share: 0.3333333333 },
      { offsetMonths: 6, share: 0.3333333333 },
      { offsetMonths: 12, share: 0.3333333334 },
    ]);
    // Then accepted
    const result = parseLibrary(doc);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it.each(BAD)("refuses %s with its path and message", (_what, build, issuePath, message) => {
    // Given the document built by the row
    // When validated
    const issues = issuesOf(parseLibrary(build()));
    // Then the issue names the path and says what is wrong
    expect({
      path: issuePath,
      messages: issues.filter((i) => i.path === issuePath).map((i) => i.message),
    }).toEqual({
      path: issuePath,
      messages: expect.arrayContaining([expect.stringMatching(message)]),
    });
  });

  it("checks v2 fields of a team library after merging", () => {
    // Given a team library that sets a schema version this code does not read
    const meta = { ...VALIDATED_BUNDLED_LIBRARY.meta, id: "acme", schemaVersion: 3 };
    // When validated
    const issues = issuesOf(parseTeamLibrary({ meta }));
    // Then the version is refused with the same message
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: "meta.schemaVersion",
          message: expect.stringMatching(/needs a newer Capacity Planner: schemaVersion 3/),
        },
      ])
    );
  });

  it("lets a team library set one power field of an approach", () => {
    // Given a team library with a partial approach carrying a power supply
    const team = {
      meta: { ...VALIDATED_BUNDLED_LIBRARY.meta, id: "acme" },
      approaches: { standard: { power: { kind: "grid+battery", batteryHours: q(4) } } },
    };
    // Then the team document is accepted
    const result = parseTeamLibrary(team);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it("keeps the bundled library valid", () => {
    const result = parseLibrary(cloneDefault());
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});

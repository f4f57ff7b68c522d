/** From the library to the route engine's records: the bundled v2 values, and the defaults for a v1 library. */
import { readFileSync } from "fs";
import path from "path";
import {
  OUTAGE_HOURS_PER_YEAR_DEFAULT,
  OUTAGES_PER_YEAR_DEFAULT,
  RESTART_HOURS_PER_OUTAGE_DEFAULT,
  facilityMw,
  itLoadMw,
} from "../../../src/model/finance";
import { buildIndex, type LibraryIndex } from "../../../src/model/library/indexLibrary";
import { parseLibrary } from "../../../src/model/library/load";
import type { LibraryDocument } from "../../../src/model/library/schema";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import * as defaults from "../../../src/model/libraryDefaults";
import {
  buildInputsFor,
  buildTimeFor,
  rentInputsFor,
  resolveApproach,
  resolveGpu,
  resolveRegion,
} from "../../../src/model/resolve";
import { NO_OVERRIDES } from "../../../src/model/overrides";
import {
  ownedFleetFor,
  powerSupplyFor,
  rentedFleetFor,
  scenarioOverridesFor,
  scenarioRoutesFor,
  taxRateFor,
  usefulWorkFor,
} from "../../../src/model/resolveRoute";

const v2 = buildIndex(VALIDATED_BUNDLED_LIBRARY);

/** The default library as published in 1.0.0: no v2 field at all. */
function v1Index(): LibraryIndex {
  const file = path.resolve(
    __dirname,
    "../../support/model/library/fixtures/default-library-v1.0.0.json"
  );
  const result = parseLibrary(JSON.parse(readFileSync(file, "utf8")));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return buildIndex(result.library);
}
const v1 = v1Index();

const offer = (index: LibraryIndex, id: string) => {
  const entry = index.rentalOffers.get(id.replace(/-/g, ""));
  if (!entry) throw new Error(`no offer ${id}`);
  return entry;
};

function entries(index: LibraryIndex, gpuKey: string, regionKey: string, approachKey: string) {
  return {
    gpu: resolveGpu(index, gpuKey),
    region: resolveRegion(index, regionKey),
    approach: resolveApproach(index, approachKey),
  };
}

describe("usefulWorkFor", () => {
  it("reads productive utilization and goodput from the library", () => {
    expect(usefulWorkFor(v2)).toEqual({ productiveUtilization: 0.8, goodput: 0.9 });
  });

  it("takes the sourced defaults for a v1 library", () => {
    expect(usefulWorkFor(v1)).toEqual({
      productiveUtilization: defaults.PRODUCTIVE_UTILIZATION_DEFAULT,
      goodput: defaults.GOODPUT_DEFAULT,
    });
    expect([defaults.PRODUCTIVE_UTILIZATION_DEFAULT, defaults.GOODPUT_DEFAULT]).toEqual([0.8, 0.9]);
  });
});

describe("taxRateFor", () => {
  it("is 0 (pre-tax) in the bundled library and for a v1 library", () => {
    expect([taxRateFor(v2), taxRateFor(v1)]).toEqual([0, defaults.TAX_RATE_DEFAULT]);
    expect(defaults.TAX_RATE_DEFAULT).toBe(0);
  });

  it("reads a library's rate", () => {
    const doc = structuredClone(VALIDATED_BUNDLED_LIBRARY) as LibraryDocument;
    const withTax: LibraryDocument = {
      ...doc,
      financing: {
        ...doc.financing,
        taxRate: { value: 0.21, unit: "fraction", source: "test", asOf: "2018-01" },
      },
    };
    expect(taxRateFor(buildIndex(withTax))).toBe(0.21);
  });
});

describe("powerSupplyFor", () => {
  it("gives the fast-track build an on-site bridge to the region's grid wait for its load", () => {
    // Given 100k H100 fast-track in Tennessee: IT 127.5 MW, facility 165.75 MW > 20 MW threshold
    const { gpu, region, approach } = entries(v2, "h100-sxm", "us-tn", "fast-track");
    const build = buildInputsFor(v2, gpu, 100_000, region, approach);
    // When its power supply is resolved
    const power = powerSupplyFor(v2, region, approach, build);
    // Then on-site generation at the aero CT cost bridges to the 48-month transmission queue
    expect(power).toEqual({
      kind: "onsite-bridge",
      outageHoursPerYear: 6.11,
      outagesPerYear: 1.35,
      restartHoursPerOutage: 0.2781,
      batteryHours: 0,
      batteryCostPerKwh: defaults.BATTERY_COST_PER_KWH_DEFAULT,
      onsiteCostPerKw: 1428,
      // No sourced fuel figure: the region's power price
      onsitePricePerKwh: 0.0623,
      gridMonths: 48,
    });
  });

  it("uses the distribution wait for a load at or below the threshold", () => {
    // Given 8 H100: facility 8 x 1.275 kW x 1.3 = 13.26 kW, far below 20 MW; the region sets no distribution wait
    const { gpu, region, approach } = entries(v2, "h100-sxm", "us-va", "standard");
    const build = buildInputsFor(v2, gpu, 8, region, approach);
    // Then the grid arrives with construction (0 months of grid wait), not after N. Virginia's 84-month queue
    expect(powerSupplyFor(v2, region, approach, build).gridMonths).toBe(0);
    const big = buildInputsFor(v2, gpu, 100_000, region, approach);
    expect(powerSupplyFor(v2, region, approach, big).gridMonths).toBe(84);
  });

  it("sizes the grid load from the build it is given (overridden kW per GPU and PUE)", () => {
    // Given 12,000 H100 at 1.275 kW and PUE 1.3: facility 19.89 MW, at or below 20 MW
    const { gpu, region, approach } = entries(v2, "h100-sxm", "us-tn", "standard");
    const build = buildInputsFor(v2, gpu, 12_000, region, approach);
    expect(facilityMw(itLoadMw(12_000, 1.275), 1.3)).toBeCloseTo(19.89, 10);
    expect(powerSupplyFor(v2, region, approach, build).gridMonths).toBe(0);
    // When PUE 1.5 is passed in the build: 22.95 MW, above the threshold
    const heavier = { ...build, pue: 1.5 };
    // Then the transmission queue applies, as buildTimeFor's does
    expect(powerSupplyFor(v2, region, approach, heavier).gridMonths).toBe(48);
    expect(
      buildTimeFor(itLoadMw(12_000, 1.275), region, approach, v2.library.operations, 1.5)
    ).toBe(48);
    // And on-site energy follows the build's (overridden) power price
    const cheaper = { ...build, powerPricePerKwh: 0.05 };
    expect(powerSupplyFor(v2, region, approach, cheaper).onsitePricePerKwh).toBe(0.05);
  });

  it("powers standard and colocation from the grid", () => {
    for (const key of ["standard", "colocation"]) {
      const { gpu, region, approach } = entries(v2, "h100-sxm", "us-tn", key);
      const build = buildInputsFor(v2, gpu, 1000, region, approach);
      expect({ key, kind: powerSupplyFor(v2, region, approach, build).kind }).toEqual({
        key,
        kind: "grid",
      });
    }
  });

  it("defaults a v1 library to the grid with the sourced outage figures", () => {
    const { gpu, region, approach } = entries(v1, "h100-sxm", "us-tn", "fast-track");
    const build = buildInputsFor(v1, gpu, 100_000, region, approach);
    expect(powerSupplyFor(v1, region, approach, build)).toEqual({
      kind: defaults.POWER_KIND_DEFAULT,
      outageHoursPerYear: OUTAGE_HOURS_PER_YEAR_DEFAULT,
      outagesPerYear: OUTAGES_PER_YEAR_DEFAULT,
      restartHoursPerOutage: RESTART_HOURS_PER_OUTAGE_DEFAULT,
      batteryHours: 0,
      batteryCostPerKwh: 313,
      onsiteCostPerKw: 0,
      onsitePricePerKwh: 0.0623,
      gridMonths: 48,
    });
    expect(defaults.POWER_KIND_DEFAULT).toBe("grid");
  });

  it("reads battery hours and cost of a grid+battery approach", () => {
    const doc = structuredClone(VALIDATED_BUNDLED_LIBRARY) as LibraryDocument;
    const q = (value: number) => ({ value, unit: "u", source: "test", asOf: "2024-01" });
    const withBattery: LibraryDocument = {
      ...doc,
      approaches: {
        ...doc.approaches,
        standard: {
          ...doc.approaches.standard,
          power: { kind: "grid+battery", batteryHours: q(4), batteryCostPerKwh: q(165) },
        },
      },
    };
    const index = buildIndex(withBattery);
    const { gpu, region, approach } = entries(index, "h100-sxm", "us-tn", "standard");
    const power = powerSupplyFor(
      index,
      region,
      approach,
      buildInputsFor(index, gpu, 1000, region, approach)
    );
    expect([power.kind, power.batteryHours, power.batteryCostPerKwh]).toEqual([
      "grid+battery",
      4,
      165,
    ]);
  });
});

describe("ownedFleetFor", () => {
  it("builds the owned fleet from the library's v2 fields", () => {
    // Given 100k H100 fast-track in Tennessee
    const { gpu, region, approach } = entries(v2, "h100-sxm", "us-tn", "fast-track");
    // When the owned fleet is resolved without a build
    const fleet = ownedFleetFor(v2, gpu, 100_000, region, approach);
    // Then the build is buildInputsFor's, one phase, the 19-day ramp and the sourced spares and price curves
    expect(fleet).toEqual({
      build: buildInputsFor(v2, gpu, 100_000, region, approach),
      rampMonths: 0.6247,
      phases: [{ offsetMonths: 0, share: 1 }],
      sparesShare: 0.05,
      sparesNeeded: 0.05,
      power: powerSupplyFor(
        v2,
        region,
        approach,
        buildInputsFor(v2, gpu, 100_000, region, approach)
      ),
      hardwarePriceChange: 0,
      residual: "straight-line",
      marketValueChange: -0.3,
    });
    expect(fleet.rampMonths).toBeCloseTo(19 / (365 / 12), 4);
  });

  it("keeps a given build and phases", () => {
    const { gpu, region, approach } = entries(v2, "h100-sxm", "us-tn", "standard");
    const build = { ...buildInputsFor(v2, gpu, 100_000, region, approach), buildMonths: 30 };
    const phases = [0, 6, 12, 18].map((offsetMonths) => ({ offsetMonths, share: 0.25 }));
    const fleet = ownedFleetFor(v2, gpu, 100_000, region, approach, build, phases);
    expect(fleet.build).toBe(build);
    expect(fleet.phases).toBe(phases);
  });

  it("defaults a v1 library to one phase, no ramp and the sourced spares and price curves", () => {
    const { gpu, region, approach } = entries(v1, "h100-sxm", "us-tn", "standard");
    const fleet = ownedFleetFor(v1, gpu, 1000, region, approach);
    expect({
      rampMonths: fleet.rampMonths,
      phases: fleet.phases,
      sparesShare: fleet.sparesShare,
      sparesNeeded: fleet.sparesNeeded,
      hardwarePriceChange: fleet.hardwarePriceChange,
      marketValueChange: fleet.marketValueChange,
      residual: fleet.residual,
    }).toEqual({
      rampMonths: 0,
      phases: [{ offsetMonths: 0, share: 1 }],
      sparesShare: 0.05,
      sparesNeeded: 0.05,
      hardwarePriceChange: 0,
      marketValueChange: -0.3,
      residual: "straight-line",
    });
    expect(fleet.phases).toBe(defaults.PHASES_DEFAULT);
    expect(Object.isFrozen(defaults.PHASES_DEFAULT[0])).toBe(true);
  });
});

describe("rentedFleetFor", () => {
  it("reads billing, SLA and minimum term from the offer", () => {
    // Given the AWS 1-year reservation
    const aws = offer(v2, "aws-h100-reserved-1yr");
    // Then it bills every hour, at the AWS single-instance SLA, for at least 12 months, to the horizon
    expect(rentedFleetFor(aws, 1000)).toEqual({
      rent: rentInputsFor(aws, 1000),
      billing: "all-hours",
      availability: 0.995,
      minimumTermMonths: 12,
      endMonth: null,
    });
  });

  it("bills on-demand by used hours, at availability 1 and no minimum term without figures", () => {
    const lambda = offer(v2, "lambda-h100-on-demand");
    const fleet = rentedFleetFor(lambda, 10);
    expect([fleet.billing, fleet.availability, fleet.minimumTermMonths, fleet.endMonth]).toEqual([
      "used-hours",
      1,
      0,
      null,
    ]);
  });

  it("keeps given rent inputs", () => {
    const market = offer(v2, "market-h100-1yr");
    const rent = { ...rentInputsFor(market, 100), leadTimeMonths: 2 };
    expect(rentedFleetFor(market, 100, rent).rent).toBe(rent);
  });

  it("defaults a v1 library's offers by term", () => {
    // Given every offer of the v1 library (no billing, SLA or minimum term)
    for (const entry of v1.rentalOffers.values()) {
      const fleet = rentedFleetFor(entry, 1);
      // Then on-demand bills used hours and every commitment all hours; availability 1; no minimum term
      expect({ id: entry.id, billing: fleet.billing }).toEqual({
        id: entry.id,
        billing: entry.term === "on-demand" ? "used-hours" : "all-hours",
      });
      expect([fleet.availability, fleet.minimumTermMonths]).toEqual([
        defaults.AVAILABILITY_DEFAULT,
        defaults.MINIMUM_TERM_MONTHS_DEFAULT,
      ]);
    }
    expect([defaults.AVAILABILITY_DEFAULT, defaults.MINIMUM_TERM_MONTHS_DEFAULT]).toEqual([1, 0]);
  });
});

describe("scenarioRoutesFor", () => {
  it("phases the 100k build and rents the market offer for the rent route", () => {
    // Given the phased build scenario
    const routes = scenarioRoutesFor(v2, "h100-100k-phased-build");
    // Then the own route carries the four phases and the rent route the market 1-year offer, no bridge
    expect(routes.own.owned?.phases).toEqual(
      [0, 6, 12, 18].map((offsetMonths) => ({ offsetMonths, share: 0.25 }))
    );
    expect(routes.own.rented).toBeNull();
    expect(routes.rent.owned).toBeNull();
    expect(routes.rent.rented).toEqual(rentedFleetFor(offer(v2, "market-h100-1yr"), 100_000));
    expect(routes.bridge).toBeNull();
    expect(routes.settings).toEqual({
      horizonYears: 5,
      discountRate: 0.07,
      taxRate: 0,
      valuePerUsefulGpuHour: 2.35,
    });
    expect(routes.own.work).toEqual({ productiveUtilization: 0.8, goodput: 0.9 });
  });

  it("bridges the standard build with the market 1-year offer and a 3-month overlap", () => {
    const routes = scenarioRoutesFor(v2, "h100-100k-bridge");
    expect(routes.bridge).toEqual({
      label: "H100 100k bridge: rent while building: bridge (rent while building)",
      owned: routes.own.owned,
      rented: {
        rent: rentInputsFor(offer(v2, "market-h100-1yr"), 100_000),
        billing: "all-hours",
        availability: 1,
        minimumTermMonths: 12,
        endMonth: null,
      },
      overlapMonths: 3,
      work: routes.own.work,
    });
    // The standard build in Tennessee waits for the 48-month transmission queue
    expect(routes.own.owned?.build.buildMonths).toBe(48);
  });

  it("powers the xAI case with on-site generation until its grid arrives (the scenario's gridMonths)", () => {
    const routes = scenarioRoutesFor(v2, "xai-memphis-2024");
    expect(routes.own.owned?.power.kind).toBe("onsite-bridge");
    // Derived in the scenario's notes: 4.0 months to first capacity + 7 months (2024-10 to 2025-05) = 11,
    // not the region's 48-month transmission queue
    expect(routes.own.owned?.power.gridMonths).toBe(11);
    expect(routes.own.owned?.build.buildMonths).toBeCloseTo(4.011, 3);
    expect(routes.rent.rented?.billing).toBe("used-hours");
  });

  it("applies a scenario's overrides (aliases accepted) to the build, every rental and the discount rate", () => {
    // Given the bridge scenario with overrides typed as in a sheet
    const doc = structuredClone(VALIDATED_BUNDLED_LIBRARY) as LibraryDocument;
    const scenario = doc.scenarios["h100-100k-bridge"];
    const withOverrides: LibraryDocument = {
      ...doc,
      scenarios: {
        ...doc.scenarios,
        "h100-100k-bridge": {
          ...scenario,
          overrides: { RATE: 2, "power price": 0.05, pue: 1.5, discountRate: 0.1, residual: 0 },
        },
      },
    };
    const result = parseLibrary(withOverrides);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const index = buildIndex(result.library);
    // When its routes are resolved
    const routes = scenarioRoutesFor(index, "h100-100k-bridge");
    // Then the overrides are parsed to canonical keys and applied
    expect({ ...routes.overrides }).toEqual({
      rentRate: 2,
      powerPrice: 0.05,
      pue: 1.5,
      discountRate: 0.1,
      residual: false,
    });
    expect(routes.own.owned?.build.pue).toBe(1.5);
    expect(routes.own.owned?.build.powerPricePerKwh).toBe(0.05);
    expect(routes.own.owned?.power.onsitePricePerKwh).toBe(0.05);
    expect(routes.rent.rented?.rent.ratePerGpuHour).toBe(2);
    expect(routes.bridge?.rented?.rent.ratePerGpuHour).toBe(2);
    expect(routes.settings.discountRate).toBe(0.1);
    // The v1 inputs stay without overrides
    expect(routes.resolved.rent.ratePerGpuHour).toBe(2.35);
  });

  it("has no overrides for a scenario without them", () => {
    const scenario = v2.scenarios.get("enterprise1kh100");
    expect(scenario && scenarioOverridesFor(scenario)).toBe(NO_OVERRIDES);
  });
});

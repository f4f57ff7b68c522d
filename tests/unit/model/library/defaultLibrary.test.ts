/**
 * Provenance of the bundled default library: every number is a figures.csv value, cites its key,
 * or is derived from cited values by a formula recomputed here. External public facts (memory
 * sizes from vendor briefs, the OMB discount rate) are listed explicitly.
 */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import type { Quantity } from "../../../../src/model/library/schema";
import { existsSync, readFileSync } from "fs";
import {
  FIGURES_CSV_PATH,
  SHARED_FIGURES_CSV_PATH,
  figure,
  readFigures,
  type Figure,
} from "../../../support/model/library/figuresCsv";

const figures = readFigures();
const f = (key: string): Figure => figure(figures, key);

interface Expected {
  value: number;
  low?: number;
  high?: number;
}

/** The same row, every bound multiplied by `factor`. */
const scaled = (key: string, factor: number): Expected => {
  const row = f(key);
  const scale = (x: number | undefined) => (x === undefined ? undefined : x * factor);
  return { value: row.typical * factor, low: scale(row.low), high: scale(row.high) };
};
const share = () => f("cluster.non_gpu_server_share").typical;
const dgxMaxKwPerGpu = () => f("server.dgx_h100.power_kw").high! / 8;
const kwFromTdp = (tdpKey: string): Expected => ({
  value: (f(tdpKey).typical * dgxMaxKwPerGpu()) / f("gpu.h100_sxm.tdp_w").typical,
});
const daysPerMonth = 365 / 12;
/** "19 days first rack to training" is part of the Colossus row's source text. */
const colossusInstallDays = () =>
  Number(/(\d+) days first rack to training/.exec(f("case.xai_colossus.build_days").source)![1]);
const fastTrackBaseMonths = () => f("case.xai_colossus.build_days").typical / daysPerMonth;
/** SAIDI 2023 (366.6 minutes) is in the row's source text; its typical 367 is the rounding. */
const saidi2023Minutes = () =>
  Number(/2023 (\d+(?:\.\d+)?)/.exec(f("power.grid.saidi_us_with_major_events").source)![1]);
/** All Llama 3 interruptions, "466 interruptions (47 planned, 419 unplanned)" in the row's source text. */
const llama3Interruptions = () =>
  Number(/(\d+) interruptions/.exec(f("gpu.failure.llama3_unplanned_interruptions").source)![1]);
const gridHigh = () => f("facility.grid_connection_wait_months").high!;
const priceChange = f("rent.h100.annual_price_change");

/** Quantities that are not a CSV row's typical/low/high as is, with the derivation recomputed from the CSV. */
const DERIVED: Record<string, () => Expected> = {
  "gpus.h100-sxm.systemPricePerGpu": () => scaled("server.hgx_h100_8gpu.price", 1 / 8),
  "gpus.h100-sxm.systemPowerKwPerGpu": () => ({ value: dgxMaxKwPerGpu() }),
  "gpus.h100-pcie.systemPricePerGpu": () => scaled("gpu.h100_pcie.chip_price", 1 / (1 - share())),
  "gpus.h100-pcie.systemPowerKwPerGpu": () => kwFromTdp("gpu.h100_pcie.tdp_w"),
  "gpus.h200.chipPrice": () => scaled("server.hgx_h200_8gpu.price", (1 - share()) / 8),
  "gpus.h200.systemPricePerGpu": () => scaled("server.hgx_h200_8gpu.price", 1 / 8),
  "gpus.h200.systemPowerKwPerGpu": () => kwFromTdp("gpu.h200.tdp_w"),
  "gpus.b200.systemPricePerGpu": () => scaled("server.hgx_b200_8gpu.price", 1 / 8),
  "gpus.b200.systemPowerKwPerGpu": () => kwFromTdp("gpu.b200.tdp_w"),
  "gpus.gb200-nvl72.chipPrice": () => scaled("rack.gb200_nvl72.price", (1 - share()) / 72),
  "gpus.gb200-nvl72.systemPricePerGpu": () => scaled("rack.gb200_nvl72.price", 1 / 72),
  "gpus.gb200-nvl72.systemPowerKwPerGpu": () => ({
    value: f("rack.gb200_nvl72.power_kw").high! / 72,
  }),
  "gpus.gb200-nvl72-rack.tdpWatts": () => ({ value: 72 * f("gpu.b200.tdp_w").typical }),
  "gpus.gb200-nvl72-rack.chipPrice": () => scaled("rack.gb200_nvl72.price", 1 - share()),
  "gpus.gb200-nvl72-rack.systemPowerKwPerGpu": () => ({
    value: f("rack.gb200_nvl72.power_kw").high!,
  }),
  "gpus.mi300x.systemPricePerGpu": () => scaled("gpu.mi300x.chip_price", 1 / (1 - share())),
  "gpus.mi300x.systemPowerKwPerGpu": () => kwFromTdp("gpu.mi300x.tdp_w"),
  "regions.us-va.gridConnectionMonths": () => ({ value: gridHigh() }),
  "approaches.standard.refMw": () => ({ value: 0 }),
  "approaches.standard.monthsPer100Mw": () => ({
    value:
      (f("facility.construction_to_1gw_months").typical -
        f("facility.shell_to_commissioned_months").typical) /
      10,
  }),
  "approaches.fast-track.baseMonths": () => ({ value: fastTrackBaseMonths() }),
  "approaches.fast-track.monthsPer100Mw": () => ({
    value: fastTrackBaseMonths() / (f("case.xai_colossus.grid_mw").typical / 100),
  }),
  "approaches.colocation.baseMonths": () => ({ value: colossusInstallDays() / daysPerMonth }),
  "approaches.colocation.refMw": () => ({ value: 0 }),
  "operations.utilization": () => {
    const dgx = f("server.dgx_h100.power_kw");
    return {
      value: dgx.typical / dgx.high!,
      low: dgx.low! / dgx.high!,
      high: dgx.typical / dgx.high!,
    };
  },
  "operations.staffCostPerMwYear": () => ({ value: 0 }),
  // Schema v2
  "operations.outageHoursPerYear": () => {
    const saidi = f("power.grid.saidi_us_with_major_events");
    return { value: saidi2023Minutes() / 60, low: saidi.low! / 60, high: saidi.high! / 60 };
  },
  "operations.restartHoursPerOutage": () => ({
    value:
      ((1 - f("gpu.goodput.effective_training_time").typical) * 54 * 24) / llama3Interruptions(),
  }),
  "operations.hardwarePriceChange": () => ({
    value: 0,
    low: f("price.ml_hardware_perf_per_dollar_annual_change").typical,
  }),
  "financing.taxRate": () => ({ value: 0, high: f("tax.us_federal_corporate_rate").typical }),
  "approaches.standard.rampMonths": () => ({
    value: f("ramp.colossus_first_rack_to_training_days").typical / daysPerMonth,
    high: f("ramp.epoch_roof_to_operational_days").typical / daysPerMonth,
  }),
  "approaches.fast-track.rampMonths": () => ({
    value: f("ramp.colossus_first_rack_to_training_days").typical / daysPerMonth,
  }),
  "approaches.fast-track.power.onsiteCostPerKw": () => ({
    value: f("power.onsite.aero_ct_overnight_per_kw").typical,
    low: f("power.onsite.frame_ct_overnight_per_kw").typical,
    high: f("power.onsite.recip_engine_overnight_per_kw").typical,
  }),
};
for (const [id, offer] of Object.entries(VALIDATED_BUNDLED_LIBRARY.rentalOffers)) {
  // Offered from existing capacity at list/contract price.
  DERIVED[`rentalOffers.${id}.leadTimeMonths`] = () => ({ value: 0 });
  // Schema v2: the minimum term of a 1- or 3-year commitment is the term itself; a capacity block's is
  // its shortest duration (1 day, the low of rent.aws_capacity_block.max_duration_days).
  if (offer.term === "1yr" || offer.term === "3yr")
    DERIVED[`rentalOffers.${id}.minimumTermMonths`] = () => ({
      value: offer.term === "1yr" ? 12 : 36,
    });
  if (offer.term === "capacity-block")
    DERIVED[`rentalOffers.${id}.minimumTermMonths`] = () => ({
      value: f("rent.aws_capacity_block.max_duration_days").low! / daysPerMonth,
    });
  // "hyperscalers flat": the high end of the price-change row, without a range.
  if (offer.providerKind === "hyperscaler")
    DERIVED[`rentalOffers.${id}.annualPriceChange`] = () => ({ value: priceChange.high! });
}

/** Public facts outside figures.csv: expected value, a phrase the source must contain, and asOf. */
const EXTERNAL: Record<string, { value: number; source: string }> = {
  "gpus.h100-sxm.memoryGB": { value: 80, source: "NVIDIA H100" },
  "gpus.h100-pcie.memoryGB": { value: 80, source: "NVIDIA H100" },
  "gpus.h200.memoryGB": { value: 141, source: "NVIDIA H200" },
  "gpus.b200.memoryGB": { value: 192, source: "NVIDIA Blackwell B200" },
  "gpus.gb200-nvl72.memoryGB": { value: 192, source: "NVIDIA GB200 NVL72 product brief" },
  "gpus.gb200-nvl72-rack.memoryGB": { value: 72 * 192, source: "NVIDIA GB200 NVL72 product brief" },
  "gpus.mi300x.memoryGB": { value: 192, source: "AMD Instinct MI300X" },
  "financing.discountRate": { value: 0.07, source: "OMB Circular A-94" },
};

/** Every Quantity in the document with its dotted path. */
function quantities(node: unknown, path: string[] = []): [string, Quantity][] {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return [];
  if ("value" in node && "source" in node) return [[path.join("."), node as Quantity]];
  return Object.entries(node).flatMap(([key, child]) => quantities(child, [...path, key]));
}

/** figures.csv keys a source cites: "key1, key2 — publisher text". */
function citedKeys(source: string): string[] {
  const [keys] = source.split(" — ");
  return source.includes(" — ") ? keys.split(",").map((key) => key.trim()) : [];
}

function expectClose(actual: number | undefined, expected: number | undefined, what: string): void {
  if (expected === undefined) {
    expect({ what, actual }).toEqual({ what, actual: undefined });
    return;
  }
  expect({ what, defined: actual !== undefined }).toEqual({ what, defined: true });
  // Stored derivations are rounded (cents, 4 decimals); 0.1% catches a wrong formula, not rounding.
  const tolerance = Math.max(1e-9, Math.abs(expected) * 1e-3);
  expect({ what, off: Math.abs(actual! - expected) <= tolerance, actual, expected }).toEqual({
    what,
    off: true,
    actual,
    expected,
  });
}

const allQuantities = quantities(VALIDATED_BUNDLED_LIBRARY);

describe("default library provenance", () => {
  it("has quantities in every section", () => {
    // Given the default library
    // When its quantities are listed
    const sections = new Set(allQuantities.map(([path]) => path.split(".")[0]));
    // Then there are some in every section
    expect([...sections].sort()).toEqual([
      "approaches",
      "costOfDelay",
      "financing",
      "gpus",
      "operations",
      "regions",
      "rentalOffers",
    ]);
  });

  it.each(allQuantities.filter(([path]) => !(path in EXTERNAL)))(
    "cites figures.csv keys and one of their dates: %s",
    (path, quantity) => {
      // Given the quantity at path (one case per sourced quantity)
      // When its source is read
      const keys = citedKeys(quantity.source);
      // Then it cites existing figures.csv keys and one of their dates
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys)
        expect({ path, key, known: figures.has(key) }).toEqual({ path, key, known: true });
      // The publisher text of the first key travels with the number.
      expect(quantity.source).toContain(f(keys[0]).source);
      expect(keys.map((key) => f(key).asOf)).toContain(quantity.asOf);
    }
  );

  it.each(allQuantities)("matches figures.csv value, low and high: %s", (path, quantity) => {
    // Given the quantity at path (one case per quantity)
    const external = EXTERNAL[path];
    if (external) {
      expect(quantity.value).toBe(external.value);
      expect(quantity.source).toContain(external.source);
      return;
    }
    const derive = DERIVED[path];
    if (derive) {
      expect(quantity.note ?? quantity.source).toMatch(
        /derived|convention|flat|N\. Virginia|no public figure|existing capacity/
      );
      const expected = derive();
      expectClose(quantity.value, expected.value, `${path}.value`);
      expectClose(quantity.low, expected.low, `${path}.low`);
      expectClose(quantity.high, expected.high, `${path}.high`);
      return;
    }
    // When compared with figures.csv
    const row = f(citedKeys(quantity.source)[0]);
    // Then value, low and high match
    expect({ path, value: quantity.value, low: quantity.low, high: quantity.high }).toEqual({
      path,
      value: row.typical,
      low: row.low,
      high: row.high,
    });
  });

  it("names only existing quantities in its derivation and external tables", () => {
    // Given the derivation and external tables
    // When compared with the library
    const paths = new Set(allQuantities.map(([path]) => path));
    // Then every entry names an existing quantity
    for (const path of [...Object.keys(DERIVED), ...Object.keys(EXTERNAL)])
      expect({ path, exists: paths.has(path) }).toEqual({ path, exists: true });
  });

  it("has an offer for every rent.* price row", () => {
    // Price rows are the ones quoted per GPU-hour; rent.* also holds terms, SLAs and price changes (model v2 inputs).
    // Given figures.csv
    const rentRows = [...figures.entries()]
      .filter(([key, row]) => key.startsWith("rent.") && row.unit === "USD/GPU-hour")
      .map(([key]) => key);
    // When the rental offers are listed
    const offerKeys = Object.values(VALIDATED_BUNDLED_LIBRARY.rentalOffers).map(
      (offer) => citedKeys(offer.rate.source)[0]
    );
    // Then every rent.* price row is an offer
    expect([...offerKeys].sort()).toEqual([...rentRows].sort());
  });

  it("takes scenario counts from the case figures", () => {
    // Given the scenarios
    // When their counts are checked
    const { scenarios } = VALIDATED_BUNDLED_LIBRARY;
    // Then they come from the case figures
    expect(scenarios["xai-memphis-2024"].count).toBe(f("case.xai_colossus.gpus").typical);
    expect(scenarios["oracle-rental-2024"].count).toBe(f("case.xai_oracle.rented_gpus").typical);
    expect(scenarios["gb200-nvl72-64-racks"].count).toBe(64 * 72);
    for (const [id, scenario] of Object.entries(scenarios)) {
      for (const key of scenario.sources ?? [])
        expect({ id, key, known: figures.has(key) }).toEqual({ id, key, known: true });
    }
  });

  it("uses the typical IT depreciation life as the horizon", () => {
    // Given the defaults
    // When read
    // Then the horizon is the typical IT depreciation life
    expect(VALIDATED_BUNDLED_LIBRARY.defaults.horizonYears).toBe(
      f("opex.it_depreciation_years").typical
    );
  });

  it("refuses changes", () => {
    // Given the default library
    // When someone tries to change it
    // Then it is frozen
    expect(Object.isFrozen(VALIDATED_BUNDLED_LIBRARY.gpus["h100-sxm"].chipPrice)).toBe(true);
  });
});

describe("default library v2 fields", () => {
  const lib = VALIDATED_BUNDLED_LIBRARY;

  it("declares schema version 2 and version 1.1.0", () => {
    expect({ schemaVersion: lib.meta.schemaVersion, version: lib.meta.version }).toEqual({
      schemaVersion: 2,
      version: "1.1.0",
    });
  });

  it("ships an empty risk section: no shapes beyond the defaults and no correlation presets", () => {
    // Given the reference figures: no row is a correlation coefficient (never invent a number)
    const correlationRows = [...figures.values()].filter((row) =>
      /correlat|\brho\b|spearman/i.test(`${row.key} ${row.unit} ${row.source}`)
    );
    expect(correlationRows).toEqual([]);
    // Then the library has no preset to cite one for
    expect(lib.risk).toEqual({ shapes: {}, correlations: [] });
  });

  it("bills on-demand offers by used hours and every commitment by all hours", () => {
    // Given every rental offer
    for (const [id, offer] of Object.entries(lib.rentalOffers)) {
      // Then its billing follows its term
      const expected = offer.term === "on-demand" ? "used-hours" : "all-hours";
      expect({ id, billing: offer.billing }).toEqual({ id, billing: expected });
    }
  });

  it("gives an SLA only where the reference set has one (AWS and Azure)", () => {
    const withSla = Object.entries(lib.rentalOffers)
      .filter(([, offer]) => offer.availability !== undefined)
      .map(([id, offer]) => [id, citedKeys(offer.availability!.source)[0]]);
    expect(withSla).toEqual([
      ["aws-h100-on-demand", "rent.sla.aws_ec2_single_instance"],
      ["aws-h100-reserved-1yr", "rent.sla.aws_ec2_single_instance"],
      ["aws-h100-reserved-3yr", "rent.sla.aws_ec2_single_instance"],
      ["aws-h100-capacity-block", "rent.sla.aws_ec2_single_instance"],
      ["aws-h200-capacity-block", "rent.sla.aws_ec2_single_instance"],
      ["azure-h100-on-demand", "rent.sla.azure_vm_single_premium"],
      ["azure-h100-reserved-3yr", "rent.sla.azure_vm_single_premium"],
    ]);
  });

  it("powers each approach as the reference set describes", () => {
    expect({
      standard: lib.approaches.standard.power?.kind,
      fastTrack: lib.approaches["fast-track"].power?.kind,
      colocation: lib.approaches.colocation.power?.kind,
    }).toEqual({ standard: "grid", fastTrack: "onsite-bridge", colocation: "grid" });
  });

  it("phases the 100k build in four equal parts and bridges the other from the market offer", () => {
    const phased = lib.scenarios["h100-100k-phased-build"];
    expect(phased.count).toBe(f("case.xai_colossus.gpus").typical);
    expect(phased.phases).toEqual(
      [0, 6, 12, 18].map((offsetMonths) => ({ offsetMonths, share: 0.25 }))
    );
    expect(phased.notes).toMatch(/illustrative/);
    const bridge = lib.scenarios["h100-100k-bridge"];
    expect(bridge.bridge).toEqual({ overlapMonths: 3, rentalOffer: "market-h100-1yr" });
    expect(bridge.notes).toMatch(/illustrative/);
  });
});

describe("the repository's copy of the reference figures", () => {
  const shared = existsSync(SHARED_FIGURES_CSV_PATH);
  // CI and the team checkout have shared/ beside the repository; a lone clone tests against its own copy.
  (shared ? test : test.skip)("matches the team's shared figures.csv", () => {
    // Given the team's shared figures.csv beside the repository
    // Then docs/reference/figures.csv is identical
    expect(readFileSync(FIGURES_CSV_PATH, "utf8")).toBe(
      readFileSync(SHARED_FIGURES_CSV_PATH, "utf8")
    );
  });
});

import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import { buildIndex, findRegion } from "../../../../src/model/library/indexLibrary";
import { parseLibrary, parseTeamLibrary } from "../../../../src/model/library/load";
import { layerLibrary } from "../../../../src/model/library/merge";
import type { LibraryDocument, Quantity, TeamLibrary } from "../../../../src/model/library/schema";
import { issuesOf } from "../../../support/model/library/libraryFixtures";

const teamMeta = {
  id: "acme-capacity",
  name: "ACME capacity library",
  version: "2.1.0",
  publishedAt: "2026-12-01",
  publisher: "ACME FP&A",
  description: "Negotiated rates and our WACC",
};

const acme = (source: string, value: number, unit: string): Quantity => ({
  value,
  unit,
  source,
  asOf: "2026-11",
});

/** Validates a team document (as the sidebar does) and layers it over the default. */
function layer(team: unknown) {
  const parsed = parseTeamLibrary(team);
  if (!parsed.ok) throw new Error(`team fixture is invalid: ${JSON.stringify(parsed.issues)}`);
  return layerLibrary(VALIDATED_BUNDLED_LIBRARY, parsed.library);
}

function merged(team: unknown): LibraryDocument {
  const result = layer(team);
  if (!result.ok) throw new Error(`merge failed: ${JSON.stringify(result.issues)}`);
  return result.library;
}

describe("layerLibrary", () => {
  it("keeps the default under a meta-only team library", () => {
    // Given a team library with only meta
    // When layered
    const library = merged({ meta: teamMeta });
    // Then everything but meta is the default
    expect(library.meta).toEqual(teamMeta);
    expect({ ...library, meta: VALIDATED_BUNDLED_LIBRARY.meta }).toEqual(VALIDATED_BUNDLED_LIBRARY);
  });

  it("lets a team value override one financing value", () => {
    // Given a team discount rate
    const wacc = acme("ACME treasury WACC memo", 0.09, "fraction per year");
    // When layered
    const library = merged({ meta: teamMeta, financing: { discountRate: wacc } });
    // Then the team value wins and the other financing values stay
    expect(library.financing.discountRate).toEqual(wacc);
    expect(library.financing.itDepreciationYears).toEqual(
      VALIDATED_BUNDLED_LIBRARY.financing.itDepreciationYears
    );
  });

  it("drops the default's range under a team number", () => {
    // Given a team quantity without low/high
    const price = acme("ACME purchase order", 27000, "USD per GPU");
    // When layered
    const library = merged({ meta: teamMeta, gpus: { "h100-sxm": { chipPrice: price } } });
    // Then the default's range is not kept with the team's number
    expect(library.gpus["h100-sxm"].chipPrice).toEqual(price);
    expect(library.gpus["h100-sxm"].systemPricePerGpu).toEqual(
      VALIDATED_BUNDLED_LIBRARY.gpus["h100-sxm"].systemPricePerGpu
    );
  });

  it("replaces arrays", () => {
    // Given team aliases
    // When layered
    const library = merged({ meta: teamMeta, gpus: { "h100-sxm": { aliases: ["Hopper"] } } });
    // Then the array replaces the default's
    expect(library.gpus["h100-sxm"].aliases).toEqual(["Hopper"]);
  });

  it("adds new regions and offers", () => {
    // Given a new complete region and offer
    const site = {
      name: "Ohio (ACME campus)",
      aliases: ["OH", "Ohio"],
      powerPrice: acme("ACME utility contract", 0.071, "USD per kWh"),
      constructionCostPerMw: acme("ACME engineering estimate", 12.5e6, "USD per MW critical IT"),
      gridConnectionMonths: acme("utility letter", 30, "months"),
    };
    const offer = {
      ...VALIDATED_BUNDLED_LIBRARY.rentalOffers["market-h100-1yr"],
      provider: "ACME negotiated",
      rate: acme("ACME contract 2026-11", 1.95, "USD per GPU-hour"),
    };
    // When layered
    const library = merged({
      meta: teamMeta,
      regions: { "us-oh": site },
      rentalOffers: { "acme-h100-1yr": offer },
    });
    // Then they are added next to the defaults
    expect(Object.keys(library.regions)).toEqual([
      ...Object.keys(VALIDATED_BUNDLED_LIBRARY.regions),
      "us-oh",
    ]);
    expect(findRegion(buildIndex(library), "Ohio")?.id).toBe("us-oh");
    expect(library.rentalOffers["acme-h100-1yr"].rate.value).toBe(1.95);
  });

  it("reports each missing field of a new GPU", () => {
    // Given a new GPU missing fields
    const team = {
      meta: teamMeta,
      gpus: { "a100-sxm": { name: "NVIDIA A100", vendor: "NVIDIA", aliases: ["A100"] } },
    };
    // When layered
    const paths = issuesOf(layer(team)).map((issue) => issue.path);
    // Then each missing field is reported with its path
    expect(paths).toEqual(
      expect.arrayContaining([
        "gpus.a100-sxm.tdpWatts",
        "gpus.a100-sxm.chipPrice",
        "gpus.a100-sxm.gpusPerSystem",
      ])
    );
  });

  it("reports a scenario's unknown GPU", () => {
    // Given a team scenario for a GPU nobody defined
    const scenario = {
      ...VALIDATED_BUNDLED_LIBRARY.scenarios["enterprise-1k-h100"],
      name: "ACME 2027 A100 refresh",
      gpu: "a100-sxm",
    };
    // When layered
    const issues = issuesOf(layer({ meta: teamMeta, scenarios: { "acme-2027": scenario } }));
    // Then the reference is reported
    expect(issues).toEqual([
      { path: "scenarios.acme-2027.gpu", message: expect.stringMatching(/unknown GPU "a100-sxm"/) },
    ]);
  });

  it("reports a default offer for another GPU", () => {
    // Given a team default pointing at an offer for another GPU
    // When layered
    const issues = issuesOf(
      layer({ meta: teamMeta, defaults: { rentalOffer: { b200: "market-h100-1yr" } } })
    );
    // Then it is reported
    expect(issues.map((issue) => issue.path)).toEqual(["defaults.rentalOffer.b200"]);
  });

  it("changes neither input", () => {
    // Given a team layer
    const base = structuredClone(VALIDATED_BUNDLED_LIBRARY) as LibraryDocument;
    const team: TeamLibrary = {
      meta: teamMeta,
      financing: { discountRate: acme("memo", 0.09, "fraction per year") },
    };
    const teamBefore = structuredClone(team);
    // When layered
    const result = layerLibrary(base, team);
    // Then neither the base nor the team document changes
    expect(result.ok).toBe(true);
    expect(base).toEqual(VALIDATED_BUNDLED_LIBRARY);
    expect(team).toEqual(teamBefore);
    if (result.ok) expect(result.library.financing).not.toBe(base.financing);
  });

  it("does not modify a frozen base", () => {
    // Given the frozen default as base
    // When layered
    // Then merging does not try to modify it
    expect(() =>
      layerLibrary(VALIDATED_BUNDLED_LIBRARY, {
        meta: teamMeta,
        operations: { pue: acme("site", 1.2, "ratio") },
      })
    ).not.toThrow();
  });
});

describe("layerLibrary: the risk section", () => {
  const memo = (inputs: [string, string], rho: number, source: string) => ({
    inputs,
    rho,
    source,
    asOf: "2025-06",
  });
  const baseRisk = {
    shapes: { gridMonths: "right-skewed", rentRate: "triangular" },
    correlations: [
      memo(["rentRate", "systemPricePerGpu"], 0.5, "base memo 1"),
      memo(["pue", "utilization"], -0.2, "base memo 2"),
    ],
  };

  /** The default library with baseRisk, as a validated base. */
  function baseWithRisk(): LibraryDocument {
    const result = parseLibrary({ ...structuredClone(VALIDATED_BUNDLED_LIBRARY), risk: baseRisk });
    if (!result.ok) throw new Error(`base fixture is invalid: ${JSON.stringify(result.issues)}`);
    return result.library;
  }

  function riskOf(team: unknown) {
    const parsed = parseTeamLibrary(team);
    if (!parsed.ok) throw new Error(`team fixture is invalid: ${JSON.stringify(parsed.issues)}`);
    const result = layerLibrary(baseWithRisk(), parsed.library);
    if (!result.ok) throw new Error(`merge failed: ${JSON.stringify(result.issues)}`);
    return result.library.risk;
  }

  it("keeps the base's risk section under a team library without one", () => {
    // Given a meta-only team library, or one with an empty risk section
    // Then the base's shapes and presets are kept as they were
    expect([riskOf({ meta: teamMeta }), riskOf({ meta: teamMeta, risk: {} })]).toEqual([
      baseRisk,
      baseRisk,
    ]);
  });

  it("merges shapes by input, the team's shape winning", () => {
    // Given a team that makes grid months PERT and fixes the PUE
    const risk = riskOf({ meta: teamMeta, risk: { shapes: { gridMonths: "pert", pue: "fixed" } } });
    // Then gridMonths is the team's, rentRate stays the base's, pue is added; presets are the base's
    expect(risk).toEqual({
      shapes: { gridMonths: "pert", rentRate: "triangular", pue: "fixed" },
      correlations: baseRisk.correlations,
    });
  });

  it("replaces the base's presets with the team's list", () => {
    // Given a team with one preset, one of whose pairs the base also has
    const team = memo(["systemPricePerGpu", "rentRate"], 0.7, "team memo");
    const risk = riskOf({ meta: teamMeta, risk: { correlations: [team] } });
    // Then only the team's preset remains (the base's two are not merged in); shapes stay the base's
    expect(risk).toEqual({ shapes: baseRisk.shapes, correlations: [team] });
  });

  it("drops the base's presets under an empty team list", () => {
    // Given a team that lists no presets
    const risk = riskOf({ meta: teamMeta, risk: { correlations: [] } });
    // Then none remain
    expect(risk).toEqual({ shapes: baseRisk.shapes, correlations: [] });
  });

  it("adds a team's presets over the bundled library's empty section", () => {
    // Given the bundled library (risk: { shapes: {}, correlations: [] }) and a team preset
    const preset = memo(["rentRate", "rentPriceChange"], 0.4, "team memo");
    const library = merged({ meta: teamMeta, risk: { correlations: [preset] } });
    // Then the merged library has the team's preset and no shapes
    expect(library.risk).toEqual({ shapes: {}, correlations: [preset] });
  });
});

import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex, findRegion } from "../../../src/model/library/indexLibrary";
import { parseTeamLibrary } from "../../../src/model/library/load";
import { layerLibrary } from "../../../src/model/library/merge";
import type { LibraryDocument, Quantity, TeamLibrary } from "../../../src/model/library/schema";
import { issuesOf } from "./libraryFixtures";

const teamMeta = {
  id: "acme-capacity",
  name: "ACME capacity library",
  version: "2.1.0",
  publishedAt: "2026-12-01",
  publisher: "ACME FP&A",
  description: "Negotiated rates and our WACC",
};

const acme = (source: string, value: number, unit: string): Quantity => ({ value, unit, source, asOf: "2026-11" });

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
  it("Given a team library with only meta, When layered, Then everything but meta is the default", () => {
    const library = merged({ meta: teamMeta });
    expect(library.meta).toEqual(teamMeta);
    expect({ ...library, meta: VALIDATED_BUNDLED_LIBRARY.meta }).toEqual(VALIDATED_BUNDLED_LIBRARY);
  });

  it("Given a team discount rate, When layered, Then the team value wins and the other financing values stay", () => {
    const wacc = acme("ACME treasury WACC memo", 0.09, "fraction per year");
    const library = merged({ meta: teamMeta, financing: { discountRate: wacc } });
    expect(library.financing.discountRate).toEqual(wacc);
    expect(library.financing.itDepreciationYears).toEqual(VALIDATED_BUNDLED_LIBRARY.financing.itDepreciationYears);
  });

  it("Given a team quantity without low/high, When layered, Then the default's range is not kept with the team's number", () => {
    const price = acme("ACME purchase order", 27000, "USD per GPU");
    const library = merged({ meta: teamMeta, gpus: { "h100-sxm": { chipPrice: price } } });
    expect(library.gpus["h100-sxm"].chipPrice).toEqual(price);
    expect(library.gpus["h100-sxm"].systemPricePerGpu).toEqual(VALIDATED_BUNDLED_LIBRARY.gpus["h100-sxm"].systemPricePerGpu);
  });

  it("Given team aliases, When layered, Then the array replaces the default's", () => {
    const library = merged({ meta: teamMeta, gpus: { "h100-sxm": { aliases: ["Hopper"] } } });
    expect(library.gpus["h100-sxm"].aliases).toEqual(["Hopper"]);
  });

  it("Given a new complete region and offer, When layered, Then they are added next to the defaults", () => {
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
    const library = merged({ meta: teamMeta, regions: { "us-oh": site }, rentalOffers: { "acme-h100-1yr": offer } });
    expect(Object.keys(library.regions)).toEqual([...Object.keys(VALIDATED_BUNDLED_LIBRARY.regions), "us-oh"]);
    expect(findRegion(buildIndex(library), "Ohio")?.id).toBe("us-oh");
    expect(library.rentalOffers["acme-h100-1yr"].rate.value).toBe(1.95);
  });

  it("Given a new GPU missing fields, When layered, Then each missing field is reported with its path", () => {
    const team = { meta: teamMeta, gpus: { "a100-sxm": { name: "NVIDIA A100", vendor: "NVIDIA", aliases: ["A100"] } } };
    const paths = issuesOf(layer(team)).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["gpus.a100-sxm.tdpWatts", "gpus.a100-sxm.chipPrice", "gpus.a100-sxm.gpusPerSystem"]));
  });

  it("Given a team scenario for a GPU nobody defined, When layered, Then the reference is reported", () => {
    const scenario = { ...VALIDATED_BUNDLED_LIBRARY.scenarios["enterprise-1k-h100"], name: "ACME 2027 A100 refresh", gpu: "a100-sxm" };
    const issues = issuesOf(layer({ meta: teamMeta, scenarios: { "acme-2027": scenario } }));
    expect(issues).toEqual([{ path: "scenarios.acme-2027.gpu", message: expect.stringMatching(/unknown GPU "a100-sxm"/) }]);
  });

  it("Given a team default pointing at an offer for another GPU, When layered, Then it is reported", () => {
    const issues = issuesOf(layer({ meta: teamMeta, defaults: { rentalOffer: { b200: "market-h100-1yr" } } }));
    expect(issues.map((issue) => issue.path)).toEqual(["defaults.rentalOffer.b200"]);
  });

  it("Given a team layer, When layered, Then neither the base nor the team document changes", () => {
    const base = structuredClone(VALIDATED_BUNDLED_LIBRARY) as LibraryDocument;
    const team: TeamLibrary = { meta: teamMeta, financing: { discountRate: acme("memo", 0.09, "fraction per year") } };
    const teamBefore = structuredClone(team);
    const result = layerLibrary(base, team);
    expect(result.ok).toBe(true);
    expect(base).toEqual(VALIDATED_BUNDLED_LIBRARY);
    expect(team).toEqual(teamBefore);
    if (result.ok) expect(result.library.financing).not.toBe(base.financing);
  });

  it("Given the frozen default as base, When layered, Then merging does not try to modify it", () => {
    expect(() => layerLibrary(VALIDATED_BUNDLED_LIBRARY, { meta: teamMeta, operations: { pue: acme("site", 1.2, "ratio") } })).not.toThrow();
  });
});

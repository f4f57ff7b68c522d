import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import { parseLibrary, parseTeamLibrary } from "../../../../src/model/library/load";
import {
  cloneDefault,
  issuesOf,
  withChange,
  type JsonObject,
} from "../../../support/model/library/libraryFixtures";

const h100ChipPrice = VALIDATED_BUNDLED_LIBRARY.gpus["h100-sxm"].chipPrice;

/** [what is wrong, the broken document, the issue path, a phrase the message must contain]. */
const BAD_DOCUMENTS: [string, () => unknown, string, RegExp][] = [
  [
    "a version that is not semver",
    () => withChange("meta.version", "1.0"),
    "meta.version",
    /semantic version/,
  ],
  [
    "a publication date that does not exist",
    () => withChange("meta.publishedAt", "2026-02-30"),
    "meta.publishedAt",
    /real calendar date/,
  ],
  [
    "a publication date that is not ISO",
    () => withChange("meta.publishedAt", "25/11/2026"),
    "meta.publishedAt",
    /ISO date/,
  ],
  [
    "an asOf month 13",
    () => withChange("gpus.h100-sxm.chipPrice.asOf", "2023-13"),
    "gpus.h100-sxm.chipPrice.asOf",
    /calendar month/,
  ],
  [
    "low above value",
    () => withChange("gpus.h100-sxm.chipPrice.low", 35000),
    "gpus.h100-sxm.chipPrice.low",
    /must not exceed value/,
  ],
  [
    "high below value",
    () => withChange("gpus.h100-sxm.chipPrice.high", 20000),
    "gpus.h100-sxm.chipPrice.high",
    /must not be below value/,
  ],
  [
    "a negative price",
    () =>
      withChange("gpus.mi300x.chipPrice", {
        ...h100ChipPrice,
        value: -1,
        low: undefined,
        high: undefined,
      }),
    "gpus.mi300x.chipPrice.value",
    /at least 0.*price cannot be negative/,
  ],
  [
    "a number given as text",
    () => withChange("gpus.h100-sxm.chipPrice.value", "30000"),
    "gpus.h100-sxm.chipPrice.value",
    /expected number/,
  ],
  [
    "an empty source",
    () => withChange("gpus.h100-sxm.chipPrice.source", " "),
    "gpus.h100-sxm.chipPrice.source",
    /must not be empty/,
  ],
  [
    "a missing quantity",
    () => withChange("gpus.h100-sxm.chipPrice", undefined),
    "gpus.h100-sxm.chipPrice",
    /is required/,
  ],
  [
    "a misspelt field",
    () => withChange("gpus.h100-sxm.chipPirce", h100ChipPrice),
    "gpus.h100-sxm",
    /unknown field "chipPirce"/,
  ],
  [
    "a catalog key that is not kebab-case",
    () => withChange("gpus.H100_SXM", VALIDATED_BUNDLED_LIBRARY.gpus["h100-sxm"]),
    "gpus.H100_SXM",
    /key "H100_SXM" must be a kebab-case id/,
  ],
  [
    "a chip dearer than its system",
    () => withChange("gpus.h100-sxm.chipPrice.value", 38000),
    "gpus.h100-sxm.chipPrice.value",
    /must not exceed systemPricePerGpu/,
  ],
  [
    "a fractional GPU count per system",
    () => withChange("gpus.h100-sxm.gpusPerSystem", 7.5),
    "gpus.h100-sxm.gpusPerSystem",
    /whole number/,
  ],
  [
    "a PUE below 1",
    () => withChange("operations.pue", { value: 0.9, unit: "ratio", source: "x", asOf: "2024-01" }),
    "operations.pue.value",
    /at least 1/,
  ],
  [
    "a power price in cents",
    () => withChange("regions.us-tn.powerPrice.value", 6.23),
    "regions.us-tn.powerPrice.value",
    /at most 1.*not 6\.23 cents/,
  ],
  [
    "a construction cost in millions",
    () =>
      withChange("regions.us-tn.constructionCostPerMw", {
        value: 11.7,
        unit: "USD per MW",
        source: "x",
        asOf: "2024-10",
      }),
    "regions.us-tn.constructionCostPerMw.value",
    /not millions/,
  ],
  [
    "a network share of 1",
    () =>
      withChange("operations.networkShareOfClusterCost", {
        value: 1,
        unit: "fraction",
        source: "x",
        asOf: "2024-05",
      }),
    "operations.networkShareOfClusterCost.value",
    /less than 1/,
  ],
  [
    "a price change above 100%",
    () =>
      withChange("rentalOffers.lambda-h100-on-demand.annualPriceChange", {
        value: 2,
        unit: "fraction",
        source: "x",
        asOf: "2025-10",
      }),
    "rentalOffers.lambda-h100-on-demand.annualPriceChange.value",
    /at most 1/,
  ],
  [
    "an unknown offer term",
    () => withChange("rentalOffers.lambda-h100-on-demand.term", "monthly"),
    "rentalOffers.lambda-h100-on-demand.term",
    /must be one of "on-demand"/,
  ],
  [
    "an offer for an unknown GPU",
    () => withChange("rentalOffers.lambda-h100-on-demand.gpu", "h300"),
    "rentalOffers.lambda-h100-on-demand.gpu",
    /unknown GPU "h300"; did you mean/,
  ],
  [
    "a fractional GPU count",
    () => withChange("scenarios.enterprise-1k-h100.count", 1.5),
    "scenarios.enterprise-1k-h100.count",
    /whole number/,
  ],
  [
    "a horizon of 0 years",
    () => withChange("scenarios.enterprise-1k-h100.years", 0),
    "scenarios.enterprise-1k-h100.years",
    /at least 1/,
  ],
  [
    "a scenario GPU that does not exist",
    () => withChange("scenarios.enterprise-1k-h100.gpu", "h100"),
    "scenarios.enterprise-1k-h100.gpu",
    /unknown GPU "h100"; did you mean "h100-sxm"/,
  ],
  [
    "a scenario region that does not exist",
    () => withChange("scenarios.enterprise-1k-h100.region", "us-ny"),
    "scenarios.enterprise-1k-h100.region",
    /unknown region "us-ny"/,
  ],
  [
    "a scenario approach that does not exist",
    () => withChange("scenarios.enterprise-1k-h100.approach", "modular"),
    "scenarios.enterprise-1k-h100.approach",
    /unknown approach "modular"/,
  ],
  [
    "a scenario offer that does not exist",
    () => withChange("scenarios.enterprise-1k-h100.rentalOffer", "aws-h100-reserved-5yr"),
    "scenarios.enterprise-1k-h100.rentalOffer",
    /unknown rental offer/,
  ],
  [
    "a default GPU that does not exist",
    () => withChange("defaults.gpu", "a100"),
    "defaults.gpu",
    /unknown GPU "a100"/,
  ],
  [
    "a default offer for another GPU",
    () => withChange("defaults.rentalOffer.h100-sxm", "aws-h200-capacity-block"),
    "defaults.rentalOffer.h100-sxm",
    /rents "h200", not "h100-sxm"/,
  ],
  [
    "a default offer for an unknown GPU",
    () => withChange("defaults.rentalOffer.a100", "market-h100-1yr"),
    "defaults.rentalOffer.a100",
    /unknown GPU "a100"/,
  ],
  [
    "a cost of delay for an unknown GPU",
    () => withChange("costOfDelay.perGpu.a100", h100ChipPrice),
    "costOfDelay.perGpu.a100",
    /unknown GPU "a100"/,
  ],
  [
    "a missing approach",
    () => withChange("approaches.colocation", undefined),
    "approaches.colocation",
    /is required/,
  ],
  [
    "an approach outside the three",
    () => withChange("approaches.modular", VALIDATED_BUNDLED_LIBRARY.approaches.standard),
    "approaches",
    /unknown field "modular"/,
  ],
  [
    "colocation without its rent",
    () => withChange("approaches.colocation.colocationPerKwMonth", undefined),
    "approaches.colocation.colocationPerKwMonth",
    /required when facilityCapex is false/,
  ],
  [
    "a built facility that also pays colocation",
    () =>
      withChange(
        "approaches.standard.colocationPerKwMonth",
        VALIDATED_BUNDLED_LIBRARY.approaches.colocation.colocationPerKwMonth
      ),
    "approaches.standard.colocationPerKwMonth",
    /applies only when facilityCapex is false/,
  ],
  [
    "an alias used by two GPUs",
    () => withChange("gpus.h100-pcie.aliases", ["h100"]),
    "gpus.h100-pcie.aliases[0]",
    /"h100" is already used by gpus\.h100-sxm/,
  ],
  [
    "a region name equal to another region's alias",
    () => withChange("regions.us-tx.name", "Memphis"),
    "regions.us-tx.name",
    /already used by regions\.us-tn/,
  ],
  ["an unknown top-level section", () => withChange("gpu", {}), "(root)", /unknown field "gpu"/],
  [
    "a value that is not finite",
    () => withChange("financing.discountRate.value", Number.POSITIVE_INFINITY),
    "financing.discountRate.value",
    /expected number/,
  ],
];

describe("library schema", () => {
  it("accepts the bundled default library", () => {
    // Given the bundled default library
    // When validated
    const result = parseLibrary(cloneDefault());
    // Then it is accepted
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it.each(BAD_DOCUMENTS)("names the path of %s", (_what, build, path, message) => {
    // Given the document built by the row (one case per mistake)
    // When validated
    const issues = issuesOf(parseLibrary(build()));
    const atPath = issues.filter((issue) => issue.path === path);
    // Then the issue names the path
    expect({ path, messages: atPath.map((issue) => issue.message) }).toEqual({
      path,
      messages: expect.arrayContaining([expect.stringMatching(message)]),
    });
  });

  it("reports a non-object at the root", () => {
    // Given something that is not an object
    // When validated
    // Then the root is reported
    expect(issuesOf(parseLibrary(42))).toEqual([
      { path: "(root)", message: expect.stringMatching(/expected object/) },
    ]);
  });

  it("reports independent mistakes together", () => {
    // Given a document with two independent mistakes
    // When validated
    const doc = withChange("meta.version", "one", withChange("gpus.h100-sxm.tdpWatts.value", 0));
    // Then both are reported
    expect(issuesOf(parseLibrary(doc)).map((issue) => issue.path)).toEqual(
      expect.arrayContaining(["meta.version", "gpus.h100-sxm.tdpWatts.value"])
    );
  });
});

describe("team library schema", () => {
  const meta = {
    ...VALIDATED_BUNDLED_LIBRARY.meta,
    id: "acme-capacity",
    name: "ACME capacity library",
    version: "2.1.0",
  };

  it("accepts a meta-only team library", () => {
    // Given only meta
    // When validated as a team library
    // Then it is accepted
    expect(parseTeamLibrary({ meta }).ok).toBe(true);
  });

  it("requires meta in a team library", () => {
    // Given no meta
    // When validated as a team library
    // Then meta is required
    expect(issuesOf(parseTeamLibrary({ financing: {} }))).toEqual([
      { path: "meta", message: expect.stringMatching(/is required/) },
    ]);
  });

  it("accepts a team library with one GPU field", () => {
    // Given one field of one GPU
    // When validated as a team library
    const team = {
      meta,
      gpus: {
        "h100-sxm": {
          chipPrice: { ...h100ChipPrice, value: 27000, source: "ACME purchase order 2025-03" },
        },
      },
    };
    // Then it is accepted
    expect(parseTeamLibrary(team).ok).toBe(true);
  });

  it("requires unit, source and date of a team quantity", () => {
    // Given a quantity with only a value
    const team: JsonObject = { meta, gpus: { "h100-sxm": { chipPrice: { value: 27000 } } } };
    // When validated as a team library
    const paths = issuesOf(parseTeamLibrary(team)).map((issue) => issue.path);
    // Then its unit, source and date are required
    expect(paths).toEqual([
      "gpus.h100-sxm.chipPrice.unit",
      "gpus.h100-sxm.chipPrice.source",
      "gpus.h100-sxm.chipPrice.asOf",
    ]);
  });

  it("rejects absurd team data at its path", () => {
    // Given absurd data in a team library
    // When validated
    const team = {
      meta,
      operations: { pue: { value: 0.5, unit: "ratio", source: "ACME", asOf: "2025-01" } },
    };
    // Then it is rejected with its path
    expect(issuesOf(parseTeamLibrary(team))).toEqual([
      { path: "operations.pue.value", message: expect.stringMatching(/at least 1/) },
    ]);
  });
});

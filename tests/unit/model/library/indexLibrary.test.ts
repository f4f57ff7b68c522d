import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import {
  buildIndex,
  findApproach,
  findAssumption,
  findGpu,
  findOffer,
  findRegion,
  findRentalOffer,
  findScenario,
  listAssumptionPaths,
  normalizeTerm,
} from "../../../../src/model/library/indexLibrary";
import { nearestNames } from "../../../../src/model/library/nearest";

const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);

describe("catalog lookups", () => {
  it.each([
    "h100-sxm",
    "H100",
    "h100",
    "H100 SXM",
    "H100 SXM5",
    "h100_sxm",
    "NVIDIA H100 SXM",
    " h100.sxm ",
  ])("finds h100-sxm by %j", (key) => {
    // Given the GPU key (one case per spelling)
    // When looked up
    // Then it finds h100-sxm
    expect(findGpu(index, key)?.id).toBe("h100-sxm");
  });

  it("returns the entry's id and data", () => {
    // Given an entry
    // When found
    const gpu = findGpu(index, "GB200 NVL72 rack");
    // Then it carries its id and the library's data
    expect(gpu).toEqual({
      ...VALIDATED_BUNDLED_LIBRARY.gpus["gb200-nvl72-rack"],
      id: "gb200-nvl72-rack",
    });
  });

  it.each([
    ["Memphis", "us-tn"],
    ["TN", "us-tn"],
    ["tennessee", "us-tn"],
    ["US_TN", "us-tn"],
    ["N. Virginia", "us-va"],
    ["northern virginia", "us-va"],
    ["Texas", "us-tx"],
  ])("finds region %j as %s", (key, id) => {
    // Given the region key (one case per row)
    // When looked up
    // Then it finds %s
    expect(findRegion(index, key)?.id).toBe(id);
  });

  it("finds approaches, offers and scenarios by id or name", () => {
    // Given approach, offer and scenario keys
    // When looked up
    // Then ids and names both work
    expect(findApproach(index, "Fast Track")?.id).toBe("fast-track");
    expect(findApproach(index, "Colocation (leased facility)")?.id).toBe("colocation");
    expect(findRentalOffer(index, "AWS-H100-Reserved-3yr")?.id).toBe("aws-h100-reserved-3yr");
    expect(findScenario(index, "xAI Memphis 2024 — build 100k H100")?.id).toBe("xai-memphis-2024");
    expect(findScenario(index, "XAI_MEMPHIS_2024")?.id).toBe("xai-memphis-2024");
  });

  it("returns undefined for unknown keys and suggests names", () => {
    // Given unknown keys
    // When looked up
    // Then undefined is returned and nearestNames suggests
    expect(findGpu(index, "H10")).toBeUndefined();
    expect(findRegion(index, "Ohio")).toBeUndefined();
    expect(nearestNames("H10", index.names.gpus)[0]).toBe("H100");
    expect(nearestNames("memphs", index.names.regions)[0]).toBe("Memphis");
  });

  it("finds every entry by its id, name and aliases", () => {
    // Given every id, name and alias of the library
    // When looked up
    for (const [id, gpu] of Object.entries(VALIDATED_BUNDLED_LIBRARY.gpus)) {
      for (const key of [id, gpu.name, ...gpu.aliases])
        expect({ key, id: findGpu(index, key)?.id }).toEqual({ key, id });
    }
    // Then each finds its own entry
    for (const [id, region] of Object.entries(VALIDATED_BUNDLED_LIBRARY.regions)) {
      for (const key of [id, region.name, ...region.aliases])
        expect({ key, id: findRegion(index, key)?.id }).toEqual({ key, id });
    }
  });
});

describe("findOffer", () => {
  it("defaults to the GPU's default offer", () => {
    // Given only a GPU
    // When an offer is found
    // Then it is the GPU's default offer
    expect(findOffer(index, "H100")?.id).toBe("market-h100-1yr");
    expect(findOffer(index, "h200")?.id).toBe("aws-h200-capacity-block");
    expect(findOffer(index, "B200")?.id).toBe("neocloud-b200-on-demand");
  });

  it("picks the first offer id for a shared term", () => {
    // Given a term several offers share
    // When the default does not match
    // Then the first match by offer id wins
    expect(findOffer(index, "H100", "on-demand")?.id).toBe("aws-h100-on-demand");
    expect(findOffer(index, "H100", "3yr")?.id).toBe("aws-h100-reserved-3yr");
    expect(findOffer(index, "H100", null, "neocloud")?.id).toBe("coreweave-h100-on-demand");
  });

  it("prefers the default offer for its term", () => {
    // Given a term the default offer has
    // When found
    // Then the default wins over earlier ids
    expect(findOffer(index, "H100", "1 year")?.id).toBe("market-h100-1yr");
    expect(findOffer(index, "H100", null, "market")?.id).toBe("market-h100-1yr");
  });

  it.each([
    ["AWS", "reserved 1yr", "aws-h100-reserved-1yr"],
    ["aws", "capacity block", "aws-h100-capacity-block"],
    ["Azure", "3 years", "azure-h100-reserved-3yr"],
    ["Microsoft", "on demand", "azure-h100-on-demand"],
    ["gcp", "", "gcp-h100-on-demand"],
    ["Google", undefined, "gcp-h100-on-demand"],
    ["Oracle", "OnDemand", "oracle-h100-on-demand"],
    ["lambda", null, "lambda-h100-on-demand"],
    ["hyperscaler", "1yr", "aws-h100-reserved-1yr"],
    ["market-h100-peak-2023", null, "market-h100-peak-2023"],
  ])("finds the H100 offer for provider %j and term %j: %s", (provider, term, id) => {
    // Given provider and term for H100 (one case per row)
    // When found
    // Then it is %s
    expect(findOffer(index, "H100", term, provider)?.id).toBe(id);
  });

  it("returns undefined when no offer matches", () => {
    // Given nothing that matches
    // When found
    // Then undefined is returned
    expect(findOffer(index, "H100", "monthly")).toBeUndefined();
    expect(findOffer(index, "H100", "1yr", "lambda")).toBeUndefined();
    expect(findOffer(index, "H100", null, "Vultr")).toBeUndefined();
    expect(findOffer(index, "A100")).toBeUndefined();
    expect(findOffer(index, "MI300X")).toBeUndefined();
  });

  it.each([
    ["on-demand", "on-demand"],
    ["On Demand", "on-demand"],
    ["PAYG", "on-demand"],
    ["1y", "1yr"],
    ["12 months", "1yr"],
    ["Reserved 1yr", "1yr"],
    ["3-year", "3yr"],
    ["reserved_3yr", "3yr"],
    ["Capacity Blocks", "capacity-block"],
    ["reserved", undefined],
    ["monthly", undefined],
  ])("normalizes the term %j to %j", (text, term) => {
    // Given the term text (one case per row)
    // When normalized
    // Then it is %j
    expect(normalizeTerm(text)).toBe(term);
  });
});

describe("assumptions", () => {
  it.each([
    ["financing.discountRate", "financing.discountRate"],
    ["Financing.Discount_Rate", "financing.discountRate"],
    ["wacc", "financing.discountRate"],
    ["PUE", "operations.pue"],
    ["valuePerGpuHour", "costOfDelay.valuePerGpuHour"],
    ["regions.us-tn.powerPrice", "regions.us-tn.powerPrice"],
    ["regions.Memphis.powerPrice", "regions.us-tn.powerPrice"],
    ["region.N. Virginia.gridConnectionMonths", "regions.us-va.gridConnectionMonths"],
    ["gpus.h100-sxm.chipPrice", "gpus.h100-sxm.chipPrice"],
    ["gpu.H100 SXM5.chipPrice", "gpus.h100-sxm.chipPrice"],
    ["offers.Market-H100-1yr.rate", "rentalOffers.market-h100-1yr.rate"],
    ["approaches.Fast Track.baseMonths", "approaches.fast-track.baseMonths"],
    ["costOfDelay.perGpu.b200", "costOfDelay.perGpu.b200"],
  ])("finds assumption %j as %s", (path, canonical) => {
    // Given the path (one case per row)
    // When looked up
    const found = findAssumption(index, path);
    // Then it finds %s
    expect(found?.path).toBe(canonical);
  });

  it("returns the library's quantity", () => {
    // Given a found assumption
    // When read
    // Then it is the library's quantity
    expect(findAssumption(index, "regions.us-tn.powerPrice")?.quantity).toBe(
      index.library.regions["us-tn"].powerPrice
    );
  });

  it("returns undefined for unknown paths", () => {
    // Given unknown paths
    // When looked up
    // Then undefined is returned
    for (const path of [
      "financing.wacc2",
      "gpus.a100.chipPrice",
      "gpus.h100-sxm.price",
      "regions",
      "",
    ]) {
      expect(findAssumption(index, path)).toBeUndefined();
    }
  });

  it("lists every quantity's path once", () => {
    // Given the library
    // When assumption paths are listed
    const paths = listAssumptionPaths(index);
    // Then every quantity appears once and resolves to itself
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining([
        "financing.discountRate",
        "regions.us-tn.powerPrice",
        "gpus.h100-sxm.chipPrice",
        "costOfDelay.perGpu.b200",
      ])
    );
    for (const path of paths) expect(findAssumption(index, path)?.path).toBe(path);
    const quantityCount =
      Object.values(VALIDATED_BUNDLED_LIBRARY.gpus).length * 5 +
      Object.values(VALIDATED_BUNDLED_LIBRARY.rentalOffers).reduce(
        // rate, annualPriceChange and leadTimeMonths, plus the optional v2 availability and minimum term
        (sum, offer) =>
          sum +
          3 +
          Number(offer.availability !== undefined) +
          Number(offer.minimumTermMonths !== undefined),
        0
      );
    expect(
      paths.filter((path) => path.startsWith("gpus.") || path.startsWith("rentalOffers."))
    ).toHaveLength(quantityCount);
  });
});

import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import {
  caseInputs,
  caseRecords,
  evaluateCase,
  recordsFor,
  simulate,
  uncertainInputs,
} from "../../../../src/model/risk";
import { bundledCopy, indexWithSource, indexWithValue, riskCase } from "./riskFixtures";

describe("uncertainInputs", () => {
  it("lists the ranged inputs of 100,000 H100 in the default region and approach, from the library", () => {
    // Given the default case: h100-sxm, region us-tn, approach standard, offer market-h100-1yr (defaults in
    // src/model/library/default-library.json)
    const c = riskCase();
    expect([c.gpu.id, c.region.id, c.approach.id, c.offer.id]).toEqual([
      "h100-sxm",
      "us-tn",
      "standard",
      "market-h100-1yr",
    ]);
    const found = uncertainInputs(c, caseRecords(c)).map((i) => [
      i.key,
      i.path,
      i.low,
      i.typical,
      i.high,
    ]);
    // Then each is the JSON's value / low / high, an absent low or high read as the value (cited from
    // default-library.json; e.g. gridConnectionMonths has value 48, high 84 and no low)
    expect(found).toEqual([
      ["systemPricePerGpu", "gpus.h100-sxm.systemPricePerGpu", 33750, 37500, 39625],
      ["networkShare", "operations.networkShareOfClusterCost", 0.09, 0.12, 0.2],
      ["constructionCostPerMw", "regions.us-tn.constructionCostPerMw", 9.3e6, 11.7e6, 15e6],
      ["constructionMonths", "approaches.standard.baseMonths", 18, 21, 24],
      ["gridMonths", "regions.us-tn.gridConnectionMonths", 48, 48, 84],
      ["rampMonths", "approaches.standard.rampMonths", 0.6247, 0.6247, 4.9315],
      ["pue", "operations.pue", 1.1, 1.3, 1.3],
      ["utilization", "operations.utilization", 0.6373, 0.8333, 0.8333],
      ["maintenanceShare", "operations.maintenanceShareOfHwPerYear", 0.05, 0.1, 0.2],
      ["itDepreciationYears", "financing.itDepreciationYears", 4, 5, 6],
      ["sparesShare", "operations.sparesShare", 0.05, 0.05, 0.2],
      ["outageHoursPerYear", "operations.outageHoursPerYear", 3.4833, 6.11, 11],
      ["outagesPerYear", "operations.outagesPerYear", 1.26, 1.35, 1.5],
      ["hardwarePriceChange", "operations.hardwarePriceChange", -0.3, 0, 0],
      ["productiveUtilization", "operations.productiveUtilization", 0.75, 0.8, 0.85],
      ["goodput", "operations.goodput", 0.85, 0.9, 0.97],
      ["rentRate", "rentalOffers.market-h100-1yr.rate", 1.7, 2.35, 2.65],
      ["rentPriceChange", "rentalOffers.market-h100-1yr.annualPriceChange", -0.29, -0.22, 0],
    ]);
    // And two of the library's quantities are the same figure as another and move with it (same source text and
    // range): spares needed = spares bought (gpu.spares_overprovision), and the value of a GPU-hour = the market
    // 1-year rate (rent.h100.market_contract_1yr; costOfDelay.valuePerGpuHour 1.7 / 2.35 / 2.65)
    const folded = uncertainInputs(c, caseRecords(c))
      .filter((i) => i.sameFigure.length > 0)
      .map((i) => [i.key, i.sameFigure]);
    expect(folded).toEqual([
      ["sparesShare", [{ key: "sparesNeeded", path: "operations.sparesNeeded" }]],
      ["rentRate", [{ key: "valuePerGpuHour", path: "costOfDelay.valuePerGpuHour" }]],
    ]);
  });

  it("keeps an input of the same value but another source apart", () => {
    // Given a copy of the library where the value of a GPU-hour cites another source (same numbers)
    const index = indexWithSource("costOfDelay.valuePerGpuHour", "another publisher");
    const c = riskCase({}, index);
    const keys = uncertainInputs(c, caseRecords(c)).map((i) => i.key);
    // Then it is its own input, drawn independently
    expect(keys).toContain("valuePerGpuHour");
    expect(keys).toContain("rentRate");
  });

  it("gives colocation its rent per kW-month and no construction cost or grid wait", () => {
    // Given the colocation approach (facilityCapex false, needsGrid false, power "grid" in the library)
    const c = riskCase({ approach: "colocation" });
    const keys = uncertainInputs(c, caseRecords(c)).map((i) => i.key);
    expect(keys).toContain("colocationPerKwMonth");
    expect(keys).not.toContain("constructionCostPerMw");
    expect(keys).not.toContain("gridMonths");
    // approaches.colocation.colocationPerKwMonth: value 195, low 184, high 217 (default-library.json)
    const colo = uncertainInputs(c, caseRecords(c)).find((i) => i.key === "colocationPerKwMonth");
    expect([colo?.low, colo?.typical, colo?.high]).toEqual([184, 195, 217]);
  });

  it("keeps the grid wait for fast-track (on-site bridge power until the grid arrives)", () => {
    // fast-track: needsGrid false but power.kind "onsite-bridge", so the grid wait still ends the bridge
    const c = riskCase({ approach: "fast-track" });
    const keys = uncertainInputs(c, caseRecords(c)).map((i) => i.key);
    expect(keys).toContain("gridMonths");
    expect(keys).toContain("onsiteCostPerKw");
    // A standard (grid) build has no on-site generation to price
    const standard = riskCase();
    expect(uncertainInputs(standard, caseRecords(standard)).map((i) => i.key)).not.toContain(
      "onsiteCostPerKw"
    );
  });

  it("leaves out inputs without a range but caseInputs still lists them", () => {
    // fast-track's baseMonths (4.011) and rampMonths (0.6247) have no low or high in the library
    const c = riskCase({ approach: "fast-track" });
    const all = caseInputs(c, caseRecords(c));
    const ranged = uncertainInputs(c, caseRecords(c));
    const fixed = all.filter((i) => !ranged.includes(i)).map((i) => i.key);
    expect(fixed).toEqual(expect.arrayContaining(["constructionMonths", "rampMonths"]));
    expect(ranged.map((i) => i.key)).not.toContain("constructionMonths");
  });

  it("takes the GPU's own cost of delay when the library has one", () => {
    // costOfDelay.perGpu.b200: value 3.2, low 2.8, high 3.2 (default-library.json)
    const c = riskCase({ gpu: "B200", approach: "colocation" });
    const inputs = caseInputs(c, caseRecords(c));
    const value = inputs.find((i) => i.key === "valuePerGpuHour");
    expect(value?.path).toBe("costOfDelay.perGpu.b200");
    expect([value?.low, value?.typical, value?.high]).toEqual([2.8, 3.2, 3.2]);
    // It is the figure of B200's default offer (neocloud-b200-on-demand rate 2.8 / 3.2 / 3.2, both citing
    // rent.b200.neocloud): folded into the rental rate
    const rate = uncertainInputs(c, caseRecords(c)).find((i) => i.key === "rentRate");
    expect(rate?.path).toBe("rentalOffers.neocloud-b200-on-demand.rate");
    expect(rate?.sameFigure).toEqual([{ key: "valuePerGpuHour", path: "costOfDelay.perGpu.b200" }]);
  });
});

describe("set and bind", () => {
  it("set changes only the records passed, and the evaluation follows", () => {
    const c = riskCase();
    const records = caseRecords(c);
    const rate = uncertainInputs(c, records).find((i) => i.key === "rentRate");
    if (rate === undefined) throw new Error("rentRate not found");
    rate.set(records, 2.65);
    expect(records.offer.rate.value).toBe(2.65);
    // The case's own offer and a fresh set of records still hold the library's 2.35
    expect(c.offer.rate.value).toBe(2.35);
    expect(caseRecords(c).offer.rate.value).toBe(2.35);
    // And renting got dearer: its NPV is higher on the changed records
    expect(evaluateCase(c, records).npvRent).toBeGreaterThan(
      evaluateCase(c, caseRecords(c)).npvRent
    );
  });

  it("bind writes a private copy: the frozen library is untouched by a run", () => {
    // Given the deep-frozen bundled library (a write into it would throw in strict mode)
    expect(Object.isFrozen(VALIDATED_BUNDLED_LIBRARY.rentalOffers)).toBe(true);
    const before = bundledCopy();
    for (const approach of ["standard", "fast-track", "colocation"]) {
      const c = riskCase({ approach });
      const records = caseRecords(c);
      for (const input of uncertainInputs(c, records)) {
        const setValue = input.bind(records);
        expect(() => setValue(input.high)).not.toThrow();
      }
      // When a run sets every input in every trial
      expect(() => simulate(c, 100, 7)).not.toThrow();
    }
    // B200 has its own cost of delay (costOfDelay.perGpu): the per-GPU map is copied, not written
    const b200 = riskCase({ gpu: "B200", approach: "colocation" });
    const r = caseRecords(b200);
    for (const input of uncertainInputs(b200, r)) input.bind(r)(input.low);
    expect(r.costOfDelay.perGpu).not.toBe(VALIDATED_BUNDLED_LIBRARY.costOfDelay.perGpu);
    // Then every value of the bundled library is what it was
    expect(VALIDATED_BUNDLED_LIBRARY).toEqual(before);
  });
});

describe("recordsFor: typed ranges", () => {
  it("puts a typed typical / low / high in place of the library's quantity", () => {
    // Given the rental rate typed as 2 / 3 / 4 (the library: 1.7 / 2.35 / 2.65)
    const typed = {
      ...riskCase(),
      ranges: new Map([["rentRate", { low: 2, value: 3, high: 4 }]] as const),
    };
    const rate = uncertainInputs(typed, recordsFor(typed)).find((i) => i.key === "rentRate");
    expect([rate?.low, rate?.typical, rate?.high]).toEqual([2, 3, 4]);
    // Then the typed rate no longer equals the value of a GPU-hour's range: the two are drawn apart
    expect(rate?.sameFigure).toEqual([]);
    // And at the typical values the case is the library case with the rate (only) at 3
    const byLibrary = riskCase({}, indexWithValue("rentalOffers.market-h100-1yr.rate", 3));
    expect(evaluateCase(typed, recordsFor(typed))).toEqual(
      evaluateCase(byLibrary, recordsFor(byLibrary))
    );
  });

  it("fixes an input whose typed low and high equal its typical value", () => {
    const typed = {
      ...riskCase(),
      ranges: new Map([["pue", { low: 1.2, value: 1.2, high: 1.2 }]] as const),
    };
    expect(uncertainInputs(typed, recordsFor(typed)).map((i) => i.key)).not.toContain("pue");
  });

  it("refuses a typed range that excludes its typical value, naming the input", () => {
    const typed = {
      ...riskCase(),
      ranges: new Map([["goodput", { low: 0.95, value: 0.9, high: 0.97 }]] as const),
    };
    expect(() => recordsFor(typed)).toThrow(
      /goodput.*low <= typical <= high \(got 0.95, 0.9, 0.97\)/
    );
  });

  it("ignores a typed range of an input the case does not use", () => {
    // colocationPerKwMonth is not an input of the standard build
    const typed = {
      ...riskCase(),
      ranges: new Map([["colocationPerKwMonth", { low: 1, value: 2, high: 3 }]] as const),
    };
    const plain = riskCase();
    expect(evaluateCase(typed, recordsFor(typed))).toEqual(evaluateCase(plain, recordsFor(plain)));
  });
});

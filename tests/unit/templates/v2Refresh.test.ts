import { buildIndex } from "../../../src/model/library/indexLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import type { LibraryDocument } from "../../../src/model/library/schema";
import { computeRefreshRows } from "../../../src/templates/refreshPlan";
import { assumptionsFromLibrary } from "../../../src/templates/rentVsBuild";

const SCENARIO = "h100-100k-phased-build";

/** The bundled library with the phased scenario's four 25 % phases changed to 10/20/30/40 %. */
function withOtherPhases(): LibraryDocument {
  const doc = structuredClone(VALIDATED_BUNDLED_LIBRARY) as LibraryDocument;
  const scenario = doc.scenarios[SCENARIO];
  const phases = scenario.phases ?? [];
  doc.scenarios[SCENARIO] = {
    ...scenario,
    phases: phases.map((p, i) => ({ ...p, share: [0.1, 0.2, 0.3, 0.4][i] })),
  };
  return doc;
}

describe("refreshing the model v2 inputs", () => {
  it("sees a library change of a scenario's phase shares", () => {
    // Given the rows a sheet recorded at insert (bundled library) and a library with other phase shares
    const before = assumptionsFromLibrary(buildIndex(VALIDATED_BUNDLED_LIBRARY), SCENARIO, "");
    const after = assumptionsFromLibrary(buildIndex(withOtherPhases()), SCENARIO, "");
    const recorded = Object.fromEntries(
      before.map((a) => [a.key, { name: a.name, value: a.value }] as const)
    );
    const cells = Object.fromEntries(before.map((a) => [a.key, a.value] as const));
    // When the refresh compares them
    const rows = computeRefreshRows(recorded, cells, after);
    // Then the four share rows are listed as changes, ticked, and nothing else moves
    const changed = rows.filter((r) => r.changed).map((r) => [r.key, r.libraryValue]);
    expect(changed).toEqual([
      ["v2.phase1.share", 0.1],
      ["v2.phase2.share", 0.2],
      ["v2.phase3.share", 0.3],
      ["v2.phase4.share", 0.4],
    ]);
    expect(rows.filter((r) => r.changed).every((r) => r.selectedByDefault)).toBe(true);
  });
});

describe("the model v2 inputs' sources", () => {
  it("name a scenario override however it was spelled", () => {
    // Given the xAI scenario overriding the tax rate and the on-site price through aliases
    const doc = structuredClone(VALIDATED_BUNDLED_LIBRARY) as LibraryDocument;
    const xai = doc.scenarios["xai-memphis-2024"];
    doc.scenarios["xai-memphis-2024"] = {
      ...xai,
      overrides: { ...xai.overrides, tax: 0.21, onsitePrice: 0.2 },
    };
    const rows = assumptionsFromLibrary(buildIndex(doc), "xai-memphis-2024", "");
    const row = (key: string) => rows.find((a) => a.key === key);
    // Then each input holds the overridden value and says the scenario set it
    expect(row("v2.taxRate")).toMatchObject({ value: 0.21 });
    expect(row("v2.taxRate")?.source).toMatch(/^scenarios\.xai-memphis-2024\.overrides\.taxRate/);
    expect(row("v2.onsitePricePerKwh")).toMatchObject({ value: 0.2 });
    expect(row("v2.onsitePricePerKwh")?.source).toMatch(/overrides\.onsitePricePerKwh/);
  });
});

/** riskSettingsFor: the library's risk section as the engine reads it. */
import { parseLibrary } from "../../../../src/model/library/load";
import type { LibraryDocument } from "../../../../src/model/library/schema";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import { NO_RISK_SETTINGS, riskSettingsFor } from "../../../../src/model/risk";
import { withChange } from "../../../support/model/library/libraryFixtures";

/** The default library with `risk` replaced, through the schema. */
function libraryWithRisk(risk: unknown): LibraryDocument {
  const result = parseLibrary(withChange("risk", risk));
  if (!result.ok) throw new Error(`fixture is invalid: ${JSON.stringify(result.issues)}`);
  return result.library;
}

describe("riskSettingsFor", () => {
  it("returns NO_RISK_SETTINGS when the library has no risk section", () => {
    // Given a library without the section
    const library = libraryWithRisk(undefined);
    // Then the settings are the shared empty ones
    expect(riskSettingsFor(library)).toBe(NO_RISK_SETTINGS);
  });

  it("reads the bundled library's empty section as no shapes and no presets", () => {
    // Given the bundled library (risk: { shapes: {}, correlations: [] })
    const settings = riskSettingsFor(VALIDATED_BUNDLED_LIBRARY);
    // Then nothing replaces the default shapes and there are no correlations
    expect({ shapes: [...settings.shapes], correlations: settings.correlations }).toEqual({
      shapes: [],
      correlations: [],
    });
  });

  it("reads an empty object as no shapes and no presets", () => {
    // Given risk: {}
    const settings = riskSettingsFor(libraryWithRisk({}));
    // Then both are empty
    expect({ shapes: settings.shapes.size, correlations: settings.correlations.length }).toEqual({
      shapes: 0,
      correlations: 0,
    });
  });

  it("returns shapes as a Map and presets with their inputs, rho and source", () => {
    // Given two shapes and two presets (date and note are the library's audit trail, not engine input)
    const library = libraryWithRisk({
      shapes: { gridMonths: "right-skewed", rentRate: "triangular" },
      correlations: [
        {
          inputs: ["rentRate", "systemPricePerGpu"],
          rho: 0.5,
          source: "ACME memo 12",
          asOf: "2025-06",
          note: "negotiated together",
        },
        { inputs: ["pue", "utilization"], rho: -0.25, source: "ACME memo 13", asOf: "2025-07" },
      ],
    });
    const settings = riskSettingsFor(library);
    // Then the shapes are a Map in document order and the presets keep order and values
    expect(settings.shapes).toBeInstanceOf(Map);
    expect([...settings.shapes]).toEqual([
      ["gridMonths", "right-skewed"],
      ["rentRate", "triangular"],
    ]);
    expect(settings.correlations).toEqual([
      { inputs: ["rentRate", "systemPricePerGpu"], rho: 0.5, source: "ACME memo 12" },
      { inputs: ["pue", "utilization"], rho: -0.25, source: "ACME memo 13" },
    ]);
  });

  it("answers nothing for inherited names", () => {
    // Given shapes read from the library
    const settings = riskSettingsFor(libraryWithRisk({ shapes: { pue: "fixed" } }));
    // Then a Map lookup of an Object.prototype name finds nothing
    expect([settings.shapes.get("constructor" as never), settings.shapes.get("pue")]).toEqual([
      undefined,
      "fixed",
    ]);
  });

  it('skips a "__proto__" key in a document that did not pass the schema', () => {
    // Given a hand-made document whose shapes hold an own "__proto__" key (JSON.parse keeps it)
    const library = {
      ...VALIDATED_BUNDLED_LIBRARY,
      risk: JSON.parse('{"shapes": {"__proto__": "pert", "pue": "fixed"}}') as unknown,
    } as LibraryDocument;
    // Then only the real input is read
    expect([...riskSettingsFor(library).shapes]).toEqual([["pue", "fixed"]]);
  });

  it("returns frozen presets and leaves the library unchanged", () => {
    // Given a library with one preset
    const library = libraryWithRisk({
      correlations: [{ inputs: ["pue", "goodput"], rho: 0.3, source: "memo", asOf: "2025-06" }],
    });
    const before = structuredClone(library);
    const settings = riskSettingsFor(library);
    // Then the presets cannot be changed and the library is as it was
    expect([
      Object.isFrozen(settings.correlations),
      Object.isFrozen(settings.correlations[0]),
    ]).toEqual([true, true]);
    expect(library).toEqual(before);
  });
});

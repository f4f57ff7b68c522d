/**
 * Trace to source, pure (src/templates/trace.ts): a selected cell of a Rent vs Build sheet explained
 * from what one sync read, against the template spec rebuilt from the registry entry.
 */
import { cellAddress, parseCanonicalCell, sheetRangeAddress } from "../../../src/model/a1";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { LAYOUT } from "../../../src/templates/layout";
import { buildRentVsBuildTemplate } from "../../../src/templates/rentVsBuild";
import { traceCell, type TraceEntry, type TraceFacts } from "../../../src/templates/trace";

const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
const SHEET = "Rent vs Build";
const SCENARIO = "xai-memphis-2024";
const spec = buildRentVsBuildTemplate(index, SCENARIO, { sheetName: SHEET, nameSuffix: "" });

const entry: TraceEntry = {
  kind: "rentVsBuild",
  kindLabel: "a Rent vs Build sheet",
  scenarioId: SCENARIO,
  nameSuffix: "",
  libraryId: VALIDATED_BUNDLED_LIBRARY.meta.id,
  libraryVersion: VALIDATED_BUNDLED_LIBRARY.meta.version,
  assumptions: Object.fromEntries(
    spec.assumptions.map((a) => [a.key, { name: a.name, value: a.value }] as const)
  ),
};

/** The facts of the sheet as inserted, at `address`; `withNames` false: the workbook lost its names. */
function factsAt(address: string, withNames = true, over: Partial<TraceFacts> = {}): TraceFacts {
  const { row, col } = parseCanonicalCell(address);
  const cell = spec.cells.find((c) => c.address === address);
  const assumption = spec.assumptions.find((a) => a.address === address);
  const content = cell?.formula ?? assumption?.value ?? cell?.value ?? "";
  const labels = new Map<number, string>();
  for (const c of spec.cells) {
    const at = parseCanonicalCell(c.address);
    if (at.col === 0 && typeof c.value === "string") labels.set(at.row, c.value);
  }
  return {
    sheetName: SHEET,
    row,
    col,
    formula: content,
    value: typeof content === "string" && content.startsWith("=") ? 0 : content,
    entry,
    names: withNames
      ? spec.names.map((n) => ({
          name: n.name,
          formula: `=${sheetRangeAddress(SHEET, { row: parseCanonicalCell(n.address).row, col: parseCanonicalCell(n.address).col, rowCount: 1, colCount: 1 }, { absolute: true })}`,
        }))
      : [],
    labels,
    ...over,
  };
}

describe("traceCell", () => {
  it("says the NPV of building in the rows' labels", () => {
    // Given the NPV of building (results row npvBuild, column C) with its names
    const result = traceCell(index, factsAt(`C${LAYOUT.results.npvBuild}`));
    // Then its formula reads in words: year 0 of the build cash flow (column C) plus Excel's NPV of
    // years 1..5 (D..H: the xAI scenario's 5 years) at the discount rate
    const cf = LAYOUT.cashflows.buildTotal;
    expect(result.status).toBe("template");
    expect(result.formulaInWords).toBe(
      `Build cash flow (C${cf}) + NPV(Discount rate, Build cash flow (D${cf}:H${cf}))`
    );
    if (result.status !== "template") return;
    expect(result.what?.role).toBe("result");
    expect(result.what?.foundBy).toBe("name");
    expect(result.precedents.map((p) => p.address)).toEqual([
      `C${cf}`,
      `C${LAYOUT.assumptions.discountRate}`,
      `D${cf}:H${cf}`,
    ]);
  });

  it("says the cost of delay in words", () => {
    const result = traceCell(index, factsAt(`C${LAYOUT.results.costOfDelay}`));
    expect(result.formulaInWords).toBe(
      "(GPU-hours delivered, rent − GPU-hours delivered, build) × Value of a GPU-hour (for delay)"
    );
  });

  it("finds an input by its position and label when the names are gone", () => {
    // Given the discount rate cell, in a workbook without the template's names
    const address = `C${LAYOUT.assumptions.discountRate}`;
    const result = traceCell(index, factsAt(address, false));
    // Then it is the discount-rate input, found by position, with its library entry
    if (result.status !== "template") throw new Error(result.status);
    expect(result.what?.foundBy).toBe("position");
    expect(result.input?.key).toBe("discountRate");
    expect(result.input?.libraryPath).toBeDefined();
    expect(result.input?.overridden).toBe(false);
  });

  it("takes a number typed as text for the same value, as a refresh does", () => {
    // Given the GPU count typed back as the text "100000" (the xAI scenario's count)
    const address = `C${LAYOUT.assumptions.gpuCount}`;
    const result = traceCell(index, factsAt(address, true, { value: "100000", formula: "100000" }));
    if (result.status !== "template") throw new Error(result.status);
    expect(result.input?.recordedValue).toBe(100_000);
    expect(result.input?.overridden).toBe(false);
  });

  it("does not take a cell whose row label differs for the template's", () => {
    // Given the discount-rate position, with another label in its row and no names
    const address = `C${LAYOUT.assumptions.discountRate}`;
    const facts = factsAt(address, false);
    const labels = new Map(facts.labels);
    labels.set(facts.row, "My own row");
    const result = traceCell(index, { ...facts, labels });
    // Then it is not matched to a template cell
    if (result.status !== "template") throw new Error(result.status);
    expect(result.what).toBeUndefined();
    expect(result.notes).toContain(
      "This cell is not one the template wrote (or its row label was changed)."
    );
  });

  it("says a sheet is not a template when the registry has no entry", () => {
    const result = traceCell(index, factsAt("A1", true, { entry: undefined }));
    expect(result.status).toBe("notTemplate");
  });

  it("says so when the library in use has no such scenario", () => {
    const facts = factsAt(`C${LAYOUT.results.difference}`, true, {
      entry: { ...entry, scenarioId: "no-such-scenario" },
    });
    const result = traceCell(index, facts);
    if (result.status !== "template") throw new Error(result.status);
    expect(result.notes[0]).toMatch(/^The library in use cannot rebuild this sheet's template/);
    // The words then come from the workbook's own labels (column A of the rows the names point at).
    expect(result.formulaInWords).toBe("NPV of building − NPV of renting");
  });

  it("names the cell as the workbook has it", () => {
    const result = traceCell(index, factsAt(cellAddress(0, 0)));
    expect(result.cell).toBe(`'${SHEET}'!A1`);
  });
});

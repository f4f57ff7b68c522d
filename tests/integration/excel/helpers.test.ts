/**
 * The pure parts of src/excel: sheet names and suffixes, the render plan, the registry schema
 * (addresses are src/model/a1's, tested in tests/unit/a1.test.ts). Blocks and text escaping are
 * ../templates/blocks's, tested in tests/unit/templates/blocks.test.ts.
 */
import {
  CapacityPlannerError,
  ExcelOperationFailedError,
  userMessage,
  wrapExcelError,
} from "../../../src/excel/errors";
import { planRender } from "../../../src/excel/render";
import { nextNameSuffix, nextSheetName } from "../../../src/excel/sheetNames";
import {
  EMPTY_REGISTRY,
  parseRegistry,
  parseUndoRecord,
  serializeRegistry,
  withEntry,
} from "../../../src/excel/templateRegistry";
import type { TemplateEntry } from "../../../src/excel/templateRegistry";
import { fixtureSpec } from "../../support/excel/fixtures";
import { defaultIndex } from "../../support/excel/host";

describe("sheet names and name suffixes", () => {
  it("names the first sheet 'Rent vs Build'", () => {
    // Given no template sheet
    // When naming
    // Then 'Rent vs Build'
    expect(nextSheetName(["Sheet1"])).toEqual({ name: "Rent vs Build", ordinal: 1 });
  });

  it("takes the first free '(n)' whatever the case", () => {
    // Given taken names in any case
    // When naming
    // Then the first free '(n)'
    expect(nextSheetName(["RENT VS BUILD", "rent vs build (2)", "Rent vs Build (4)"])).toEqual({
      name: "Rent vs Build (3)",
      ordinal: 3,
    });
  });

  it("picks the first suffix with no collision, ignoring case", () => {
    // Given existing workbook names
    // When choosing a suffix
    // Then the first (from the sheet's ordinal) with no collision, ignoring case
    expect(nextNameSuffix([], ["CP_A", "CP_B"])).toBe("");
    expect(nextNameSuffix(["cp_b"], ["CP_A", "CP_B"])).toBe("_2");
    expect(nextNameSuffix(["CP_A", "CP_A_2"], ["CP_A"])).toBe("_3");
    expect(nextNameSuffix([], ["CP_A"], 4)).toBe("_4");
  });
});

describe("render plan", () => {
  it("counts writes per content cell and per number format", () => {
    // Given the fixture template
    const spec = fixtureSpec(defaultIndex, "xai-memphis-2024", {
      sheetName: "Rent vs Build",
      nameSuffix: "",
    });
    const plan = planRender(spec);
    // When planned
    const expected =
      spec.cells.filter((c) => c.value !== undefined || c.formula !== undefined).length +
      spec.cells.filter((c) => c.numberFormat !== undefined).length;
    // Then writes are counted per content cell and per number format
    expect(plan.cellWrites).toBe(expected);
    // Styles that set nothing (label) are not written.
    expect(plan.styles.length).toBeGreaterThan(0);
    expect(plan.styles.map((b) => b.style)).not.toContain("label");
    expect(plan.names.map((n) => n.name)).toEqual([
      "CP_NpvDifference",
      "CP_GpuCount",
      "CP_SystemPricePerGpu",
      "CP_PowerPrice",
      "CP_RentalRate",
      "CP_DiscountRate",
    ]);
  });

  it("throws on one name defined at two places", () => {
    // Given a spec naming one name at two places
    // When planned
    const spec = fixtureSpec(
      defaultIndex,
      "xai-memphis-2024",
      { sheetName: "Rent vs Build", nameSuffix: "" },
      { extraNames: [{ name: "cp_gpucount", address: "B6" }] }
    );
    // Then it throws
    expect(() => planRender(spec)).toThrow(/defines the name cp_gpucount twice, at B6 and B5/i);
  });
});

describe("registry schema", () => {
  const entry: TemplateEntry = {
    sheetName: "Rent vs Build",
    nameSuffix: "",
    libraryId: "capplan-default",
    libraryVersion: "1.0.0",
    scenarioId: "xai-memphis-2024",
    insertedAt: "2026-12-01T00:00:00.000Z",
    assumptions: { powerPrice: { name: "CP_PowerPrice", value: 0.0623, libraryVersion: "1.0.0" } },
  };

  it("round-trips a registry", () => {
    // Given a registry written and read back
    const registry = withEntry(EMPTY_REGISTRY, "{sheet-1}", entry);
    // When parsed
    const json = serializeRegistry(registry);
    // Then it round-trips (also from JSON text)
    expect(parseRegistry(json)).toEqual({ status: "ok", registry });
    expect(parseRegistry(JSON.stringify(json))).toEqual({ status: "ok", registry });
  });

  it.each([
    ["not JSON text", "{oops", /not valid JSON/],
    ["an array", [1, 2], /expected object/],
    ["no version", { sheets: {} }, /version/],
    ["sheets not an object", { version: 1, sheets: 3 }, /sheets/],
  ])("reads %s as corrupt with the reason", (_label, raw, problem) => {
    // Given %s
    // When parsed
    const read = parseRegistry(raw);
    // Then corrupt with the reason
    expect(read.status).toBe("corrupt");
    if (read.status === "corrupt") expect(read.problem).toMatch(problem);
  });

  it("damages only the bad entry and keeps it verbatim", () => {
    // Given a bad entry among good ones
    const good = (
      serializeRegistry(withEntry(EMPTY_REGISTRY, "x", entry)) as {
        sheets: Record<string, unknown>;
      }
    ).sheets["x"];
    const raw = { version: 1, sheets: { good, bad: { sheetName: 5 } } };
    const read = parseRegistry(raw);
    // When parsed
    if (read.status !== "ok") throw new Error(read.status);
    // Then only that entry is damaged, and it is kept verbatim on write
    expect(Object.keys(read.registry.sheets)).toEqual(["good"]);
    expect(read.registry.damaged["bad"]?.problem).toMatch(/sheetName/);
    expect(
      (serializeRegistry(read.registry) as { sheets: Record<string, unknown> }).sheets["bad"]
    ).toEqual({ sheetName: 5 });
  });

  it("reads a newer format as 'newer'", () => {
    // Given a newer format
    // When parsed
    // Then 'newer'
    expect(parseRegistry({ version: 3, sheets: {} })).toEqual({ status: "newer", version: 3 });
  });

  it("tells absent and corrupt undo settings apart", () => {
    // Given undo settings
    // When parsed
    // Then absent / corrupt are told apart
    expect(parseUndoRecord(undefined)).toEqual({ status: "absent" });
    expect(parseUndoRecord({ version: 1 }).status).toBe("corrupt");
  });
});

describe("error messages", () => {
  it("says what failed, the code and what to do", () => {
    // Given an Excel error
    const excelError = Object.assign(new Error("The argument is invalid."), {
      code: "InvalidArgument",
    });
    // When wrapped
    const wrapped = wrapExcelError("insert the template", excelError, true);
    // Then the user sees what failed, the code, and what to do
    expect(wrapped).toBeInstanceOf(ExcelOperationFailedError);
    expect(wrapped).toBeInstanceOf(CapacityPlannerError);
    expect(wrapped.message).toBe(
      "Excel could not insert the template: The argument is invalid (InvalidArgument). Nothing was changed. " +
        "Close any cell you are editing and try again; if it keeps failing, save the workbook and reopen it."
    );
    expect(userMessage("boom")).toMatch(
      /^Excel could not complete the action: an unexpected error\./
    );
  });
});

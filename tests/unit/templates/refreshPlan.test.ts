import {
  computeRefreshRows,
  refreshableRows,
  sameCellValue,
} from "../../../src/templates/refreshPlan";
import type { RecordedAssumptions } from "../../../src/templates/refreshPlan";
import type { AssumptionSpec } from "../../../src/templates/types";

function assumption(
  key: string,
  value: number | string,
  extra: Partial<AssumptionSpec> = {}
): AssumptionSpec {
  return {
    key,
    label: `Label ${key}`,
    name: `CP_${key}`,
    address: "C5",
    value,
    unit: "USD",
    source: `source of ${key}`,
    asOf: "2025-01",
    numberFormat: "General",
    ...extra,
  };
}

const recorded: RecordedAssumptions = {
  power: { name: "CP_power", value: 0.0623, libraryVersion: "1.0.0" },
  price: { name: "CP_price", value: 37500, libraryVersion: "1.0.0" },
  count: { name: "CP_count", value: 1000 },
};

describe("computeRefreshRows", () => {
  it("changes nothing for cells as inserted", () => {
    // Given cells as inserted and the same library
    // When diffed
    const rows = computeRefreshRows(recorded, { power: 0.0623, price: 37500, count: 1000 }, [
      assumption("power", 0.0623),
      assumption("price", 37500),
      assumption("count", 1000),
    ]);
    // Then nothing is changed, overridden or ticked
    expect(
      rows.map((r) => [r.key, r.status, r.changed, r.isOverride, r.selectedByDefault])
    ).toEqual([
      ["power", "ok", false, false, false],
      ["price", "ok", false, false, false],
      ["count", "ok", false, false, false],
    ]);
  });

  it("ticks a new library value for an untouched cell", () => {
    // Given a library with a new value for an untouched cell
    // When diffed
    const [row] = computeRefreshRows(recorded, { power: 0.0623 }, [
      assumption("power", 0.081, {
        source: "Acme PPA",
        asOf: "2026-10",
        unit: "USD per kWh",
        label: "Power price",
      }),
    ]);
    // Then the row is changed and ticked, with the library's source and date
    expect(row).toEqual({
      key: "power",
      label: "Power price",
      name: "CP_power",
      unit: "USD per kWh",
      workbookValue: 0.0623,
      libraryValue: 0.081,
      insertedValue: 0.0623,
      source: "Acme PPA",
      asOf: "2026-10",
      isOverride: false,
      changed: true,
      selectedByDefault: true,
      status: "ok",
    });
  });

  it("leaves a user edit unticked when the library changed", () => {
    // Given a cell the user edited
    // When the library changed too
    const [row] = computeRefreshRows(recorded, { power: 0.05 }, [assumption("power", 0.081)]);
    // Then it is an override and not ticked
    expect(row).toMatchObject({ isOverride: true, changed: true, selectedByDefault: false });
  });

  it("leaves a user edit unticked when the library did not change", () => {
    // Given a cell the user edited
    // When the library did not change
    const [row] = computeRefreshRows(recorded, { power: 0.05 }, [assumption("power", 0.0623)]);
    // Then it is an override that differs from the library, unticked
    expect(row).toMatchObject({ isOverride: true, changed: true, selectedByDefault: false });
  });

  it("does not mark a value the user already typed as changed", () => {
    // Given the user typed the new library value already
    // When diffed
    const [row] = computeRefreshRows(recorded, { power: 0.081 }, [assumption("power", 0.081)]);
    // Then it is an override but not changed
    expect(row).toMatchObject({ isOverride: true, changed: false, selectedByDefault: false });
  });

  it("ignores float noise beyond 15 digits", () => {
    // Given float noise beyond Excel's 15 digits
    // When diffed
    const [row] = computeRefreshRows(recorded, { power: 0.0623 + 1e-18 }, [
      assumption("power", 0.1 + 0.2 - 0.3 + 0.0623),
    ]);
    // Then values are equal
    expect(row).toMatchObject({ changed: false, isOverride: false });
  });

  it("compares a number stored as text as that number", () => {
    // Given a number stored as text in the cell
    // When diffed
    const [row] = computeRefreshRows(recorded, { price: "37500" }, [assumption("price", 37500)]);
    // Then it compares as that number
    expect(row).toMatchObject({ changed: false, isOverride: false });
  });

  it("marks a cell whose name is gone as cellMissing", () => {
    // Given a cell whose name is gone
    // When diffed
    const [row] = computeRefreshRows(recorded, {}, [assumption("power", 0.081)]);
    // Then the row is cellMissing and cannot be ticked
    expect(row).toMatchObject({
      status: "cellMissing",
      workbookValue: null,
      changed: false,
      selectedByDefault: false,
      insertedValue: 0.0623,
    });
  });

  it("marks a new library assumption as notInWorkbook", () => {
    // Given an assumption new in the library
    // When diffed
    const rows = computeRefreshRows({}, {}, [assumption("pue", 1.3)]);
    // Then it is notInWorkbook and cannot be ticked
    expect(rows).toEqual([
      expect.objectContaining({
        key: "pue",
        status: "notInWorkbook",
        insertedValue: null,
        changed: false,
        name: "CP_pue",
      }),
    ]);
  });

  it("lists a dropped assumption last as notInLibrary", () => {
    // Given an assumption the library dropped
    // When diffed
    const rows = computeRefreshRows(recorded, { power: 0.0623, price: 1, count: 1000 }, [
      assumption("power", 0.0623),
    ]);
    // Then it comes last as notInLibrary with its recorded name
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      ["power", "ok"],
      ["price", "notInLibrary"],
      ["count", "notInLibrary"],
    ]);
    expect(rows[1]).toMatchObject({
      name: "CP_price",
      libraryValue: null,
      workbookValue: 1,
      isOverride: true,
      changed: false,
      selectedByDefault: false,
    });
  });

  it("prefers the recorded name", () => {
    // Given the recorded name differs from the library's (the sheet has a suffix)
    // When diffed
    const [row] = computeRefreshRows({ power: { name: "CP_power_2", value: 1 } }, { power: 1 }, [
      assumption("power", 2),
    ]);
    // Then the recorded name wins
    expect(row?.name).toBe("CP_power_2");
  });

  it("compares text exactly", () => {
    // Given text assumptions
    // When diffed
    const rows = computeRefreshRows(
      { gpu: { name: "CP_gpu", value: "h100-sxm" } },
      { gpu: "H100-SXM" },
      [assumption("gpu", "h100-sxm")]
    );
    // Then text compares exactly
    expect(rows[0]).toMatchObject({ isOverride: true, changed: true });
  });

  it("keeps only ok rows that differ as refreshable", () => {
    // Given mixed rows
    // When filtering refreshable rows
    const rows = computeRefreshRows(recorded, { power: 0.05, price: 37500 }, [
      assumption("power", 0.081),
      assumption("price", 37500),
      assumption("count", 2000),
    ]);
    // Then only ok rows that differ remain
    expect(refreshableRows(rows).map((r) => r.key)).toEqual(["power"]);
  });
});

describe("sameCellValue", () => {
  it.each([
    [1, 1, true],
    [0.1 + 0.2, 0.3, true],
    [1, 1.0000001, false],
    ["a", "a", true],
    ["a", "A", false],
    [true, true, true],
    [true, 1, false],
    ["", 0, false],
    [null, null, true],
    [null, "", false],
    ["1e3", 1000, true],
  ] as const)("%p vs %p -> %p", (a, b, expected) => {
    expect(sameCellValue(a, b)).toBe(expected);
  });
});

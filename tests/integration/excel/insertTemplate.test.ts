import { ExcelOperationFailedError, NewerRegistryError } from "../../../src/excel/errors";
import { insertTemplateSpec } from "../../../src/excel/insertSheet";
import { planRender } from "../../../src/excel/render";
import {
  REGISTRY_BACKUP_KEY,
  REGISTRY_KEY,
  parseRegistry,
  readTemplateRegistry,
} from "../../../src/excel/templateRegistry";
import { fixtureBuilder, fixtureCellWrites, fixtureSpec } from "../../support/excel/fixtures";
import { SCENARIO, buildFixture as build } from "../../support/excel/fixtureWorkbook";
import {
  cellAt,
  defaultIndex,
  formatAt,
  namedCell,
  newWorkbook,
  openWorkbook,
  settingsSnapshot,
  sheetId,
} from "../../support/excel/host";

const fixedNow = () => new Date("2026-12-02T10:00:00.000Z");

describe("insertTemplateSpec on the in-memory Excel host", () => {
  it("writes the whole template in at most 3 syncs", async () => {
    // Given an empty workbook
    const wb = newWorkbook();
    const steps: Array<[string, number]> = [];

    const result = await insertTemplateSpec(
      wb.excel,
      build,
      (step, fraction) => steps.push([step, fraction]),
      { now: fixedNow }
    );

    // When a template is inserted
    const spec = fixtureSpec(defaultIndex, SCENARIO, {
      sheetName: "Rent vs Build",
      nameSuffix: "",
    });
    // Then every cell, number format, name and the chart are written in at most 3 syncs
    expect(result).toMatchObject({ sheetName: "Rent vs Build", nameSuffix: "", warnings: [] });
    expect(result.worksheetId).toBe(sheetId(wb.store, "Rent vs Build"));
    expect(wb.stats.syncCount).toBeLessThanOrEqual(3);
    expect(wb.stats.syncCount).toBe(3);
    expect(wb.stats.syncs.every((s) => s.failedWith === null)).toBe(true);
    // Every content cell and every number format, counted once each, all in the second sync.
    expect(result.cellWrites).toBe(fixtureCellWrites(spec));
    expect(wb.stats.writeCount).toBe(fixtureCellWrites(spec));
    expect(wb.stats.syncs[1]?.writes).toBe(fixtureCellWrites(spec));

    for (const cell of spec.cells) {
      const content = cellAt(wb.store, "Rent vs Build", cell.address);
      if (cell.formula !== undefined) expect(content.formula).toBe(cell.formula);
      else expect(content.value).toBe(cell.value);
      expect(formatAt(wb.store, "Rent vs Build", cell.address).numberFormat).toBe(
        cell.numberFormat ?? "General"
      );
    }
    for (const a of spec.assumptions) {
      expect(wb.store.getName(a.name)?.formula).toBe(
        `='Rent vs Build'!$${a.address[0]}$${a.address.slice(1)}`
      );
      expect(namedCell(wb.store, a.name).value).toBe(a.value);
    }
    expect(wb.store.getName("CP_NpvDifference")?.formula).toBe("='Rent vs Build'!$B$16");

    const charts = wb.store.listCharts(result.worksheetId);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      chartType: "Line",
      seriesBy: "Rows",
      title: { text: "Cumulative cost, rent vs build", visible: true },
      source: { row: 11, col: 0, rowCount: 3, colCount: 5 },
    });

    expect(wb.store.getActiveSheetId()).toBe(result.worksheetId);
    expect(steps[0]?.[0]).toBe("Preparing the template");
    expect(steps.map(([s]) => s)).toContain("Reading workbook");
    expect(steps[steps.length - 1]).toEqual(["Done", 1]);
    expect(steps.map(([, f]) => f)).toEqual([...steps.map(([, f]) => f)].sort((a, b) => a - b));
  });

  it("applies the template's styles", async () => {
    // Given the template's styles
    const wb = newWorkbook();
    // When inserted
    await insertTemplateSpec(wb.excel, build);
    const at = (address: string) => formatAt(wb.store, "Rent vs Build", address);

    // Then inputs are blue on pale yellow, formulas black, the title bold 16, sources grey italic, sections bold with a fill
    expect(at("B6").font.color).toBe("#0000FF");
    expect(at("B6").fillColor).toBe("#FFF2CC");
    expect(at("C13").font.color).toBe("#000000");
    expect(at("C13").fillColor).toBeNull();
    expect(at("A1").font).toMatchObject({ bold: true, size: 16 });
    expect(at("D6").font).toMatchObject({ color: "#808080", italic: true });
    expect(at("A4").font.bold).toBe(true);
    expect(at("A4").fillColor).not.toBeNull();
    const id = sheetId(wb.store, "Rent vs Build");
    expect(wb.store.getColumnWidth(id, 0)).toBe(160);
    expect(wb.store.getColumnWidth(id, 3)).toBe(220);
  });

  it("keeps date-, number- and formula-like text as text", async () => {
    // Given text that Excel would read as a date, number or formula
    const wb = newWorkbook();
    // When inserted
    await insertTemplateSpec(wb.excel, build);
    // Then it stays text
    // As-of dates ("2024-08") and a note starting with "=".
    expect(cellAt(wb.store, "Rent vs Build", "E6")).toEqual({ value: "2024-08", formula: null });
    expect(cellAt(wb.store, "Rent vs Build", "A17")).toEqual({
      value: "=not a formula, just text",
      formula: null,
    });
  });

  it("needs far fewer range writes than cells", () => {
    // Given the template blocks
    const spec = fixtureSpec(defaultIndex, SCENARIO, {
      sheetName: "Rent vs Build",
      nameSuffix: "",
    });
    // When planned
    const plan = planRender(spec);
    // Then the cells need far fewer range writes than cells
    expect(plan.content.length).toBeLessThan(spec.cells.length / 3);
    expect(plan.content.map((b) => b.address)).toContain("A4:E9");
  });

  it("names a second template 'Rent vs Build (2)' with suffix _2", async () => {
    // Given a template sheet already
    const wb = newWorkbook();
    const first = await insertTemplateSpec(wb.excel, build);
    wb.stats.reset();

    // When another is inserted
    const second = await insertTemplateSpec(wb.excel, build, undefined, { now: fixedNow });

    // Then it is 'Rent vs Build (2)' with names suffixed _2 and both are registered
    expect(second).toMatchObject({ sheetName: "Rent vs Build (2)", nameSuffix: "_2" });
    expect(wb.stats.syncCount).toBe(3);
    expect(wb.store.getName("CP_GpuCount_2")?.formula).toBe("='Rent vs Build (2)'!$B$5");
    expect(wb.store.getName("CP_GpuCount")?.formula).toBe("='Rent vs Build'!$B$5");
    expect(cellAt(wb.store, "Rent vs Build (2)", "B13").formula).toBe(
      "=CP_GpuCount_2*CP_SystemPricePerGpu_2"
    );
    const read = parseRegistry(wb.store.getSetting(REGISTRY_KEY));
    if (read.status !== "ok") throw new Error(read.status);
    expect(Object.keys(read.registry.sheets).sort()).toEqual(
      [first.worksheetId, second.worksheetId].sort()
    );
    expect(read.registry.sheets[second.worksheetId]).toMatchObject({
      sheetName: "Rent vs Build (2)",
      nameSuffix: "_2",
      libraryId: "capplan-default",
      libraryVersion: "1.1.0",
      scenarioId: SCENARIO,
      insertedAt: "2026-12-02T10:00:00.000Z",
      assumptions: { gpuCount: { name: "CP_GpuCount_2", value: 100000, libraryVersion: "1.1.0" } },
    });
    expect(wb.store.getActiveSheetId()).toBe(second.worksheetId);
  });

  it("reuses neither a sheet nor a name in another case", async () => {
    // Given a sheet 'rent vs build' (any case) and a user's name 'cp_gpucount'
    const wb = newWorkbook(["Sheet1", "rent vs build"]);
    wb.store.addName({ name: "cp_gpucount", formula: "=Sheet1!$A$1", comment: "", visible: true });

    // When inserted
    const result = await insertTemplateSpec(wb.excel, build);

    // Then neither is reused
    expect(result.sheetName).toBe("Rent vs Build (2)");
    expect(result.nameSuffix).toBe("_2");
    expect(wb.store.getName("cp_gpucount")?.formula).toBe("=Sheet1!$A$1");
  });

  it("reuses a deleted template's sheet name but not its names", async () => {
    // Given a deleted first template whose names are left behind
    const wb = newWorkbook();
    const first = await insertTemplateSpec(wb.excel, build);
    wb.store.removeSheet(first.worksheetId);

    // When inserted again
    const again = await insertTemplateSpec(wb.excel, build);

    // Then the sheet name is reused and the names get a free suffix
    expect(again).toMatchObject({ sheetName: "Rent vs Build", nameSuffix: "_2" });
    const read = parseRegistry(wb.store.getSetting(REGISTRY_KEY));
    if (read.status !== "ok") throw new Error(read.status);
    // The deleted sheet's entry is pruned.
    expect(Object.keys(read.registry.sheets)).toEqual([again.worksheetId]);
  });

  it("leaves the workbook unchanged when Excel rejects a write", async () => {
    // Given Excel rejects a write (an invalid workbook name)
    const wb = newWorkbook();
    await insertTemplateSpec(wb.excel, build);
    const settingsBefore = settingsSnapshot(wb.store);
    const sheetsBefore = wb.store.listSheets().map((s) => s.name);
    const namesBefore = wb.store.listNames().map((n) => n.name);
    wb.stats.reset();

    const failing = fixtureBuilder(defaultIndex, SCENARIO, {
      extraNames: [{ name: "Bad Name", address: "B16" }],
    });
    // When inserting
    const error = await insertTemplateSpec(wb.excel, failing).catch((e: unknown) => e);

    // Then a clear error is thrown and the workbook and its settings are unchanged
    expect(error).toBeInstanceOf(ExcelOperationFailedError);
    expect((error as ExcelOperationFailedError).excelCode).toBe("InvalidArgument");
    expect((error as Error).message).toMatch(
      /^Excel could not insert the template: .*Nothing was changed\./
    );
    expect(wb.stats.syncs[1]?.failedWith).toBe("InvalidArgument");
    expect(settingsSnapshot(wb.store)).toBe(settingsBefore);
    expect(wb.store.listSheets().map((s) => s.name)).toEqual(sheetsBefore);
    expect(wb.store.listNames().map((n) => n.name)).toEqual(namesBefore);
  });

  it("gives two concurrent inserts distinct sheets and names", async () => {
    // Given two inserts started together (a double click)
    const wb = newWorkbook();

    // When both finish
    const [a, b] = await Promise.all([
      insertTemplateSpec(wb.excel, build),
      insertTemplateSpec(wb.excel, build),
    ]);

    // Then they got distinct sheets and names
    expect([a.sheetName, b.sheetName]).toEqual(["Rent vs Build", "Rent vs Build (2)"]);
    expect([a.nameSuffix, b.nameSuffix]).toEqual(["", "_2"]);
    expect(wb.stats.syncCount).toBe(6);
    expect(wb.stats.syncs.every((s) => s.failedWith === null)).toBe(true);
  });

  it("leaves a sheet added meanwhile alone", async () => {
    // Given someone else adds the chosen sheet name meanwhile
    const wb = newWorkbook(["Sheet1", "Rent vs Build"]);
    const racing = (placement: { sheetName: string; nameSuffix: string }) => {
      if (placement.sheetName === "Rent vs Build (2)") wb.store.addSheet("Rent vs Build (2)");
      return build(placement);
    };

    // When Excel refuses the add
    const error = await insertTemplateSpec(wb.excel, racing).catch((e: unknown) => e);

    // Then their sheet is left alone
    expect(error).toBeInstanceOf(ExcelOperationFailedError);
    expect((error as ExcelOperationFailedError).excelCode).toBe("ItemAlreadyExists");
    expect((error as Error).message).toMatch(/Nothing was changed/);
    expect(wb.store.listSheets().map((s) => s.name)).toEqual([
      "Sheet1",
      "Rent vs Build",
      "Rent vs Build (2)",
    ]);
    expect(wb.store.getSetting(REGISTRY_KEY)).toBeUndefined();
  });

  it("fails before any sync when the builder rejects", async () => {
    // Given a builder that rejects the scenario
    const wb = newWorkbook();
    // When inserting
    const error = await insertTemplateSpec(
      wb.excel,
      fixtureBuilder(defaultIndex, "no-such-scenario")
    ).catch((e: unknown) => e);
    // Then it fails before any sync
    expect((error as Error).message).toMatch(/no-such-scenario/);
    expect(wb.stats.syncCount).toBe(0);
  });

  it("sets a damaged registry aside and warns", async () => {
    // Given a damaged registry
    const wb = newWorkbook();
    wb.store.setSetting(REGISTRY_KEY, "{not json");

    // When inserting
    const result = await insertTemplateSpec(wb.excel, build);

    // Then the damaged value is set aside, a fresh registry started, and the user warned
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/damaged \(not valid JSON\)/);
    expect(wb.store.getSetting(REGISTRY_BACKUP_KEY)).toBe("{not json");
    const read = parseRegistry(wb.store.getSetting(REGISTRY_KEY));
    expect(read.status === "ok" && Object.keys(read.registry.sheets)).toEqual([result.worksheetId]);
  });

  it("writes nothing over a newer add-in's registry", async () => {
    // Given a registry from a newer add-in
    const wb = newWorkbook();
    wb.store.setSetting(REGISTRY_KEY, { version: 2, sheets: {} });
    const settingsBefore = settingsSnapshot(wb.store);

    // When inserting
    const error = await insertTemplateSpec(wb.excel, build).catch((e: unknown) => e);

    // Then nothing is written
    expect(error).toBeInstanceOf(NewerRegistryError);
    expect(wb.stats.syncCount).toBe(1);
    expect(wb.stats.writeCount).toBe(0);
    expect(settingsSnapshot(wb.store)).toBe(settingsBefore);
    expect(wb.store.listSheets()).toHaveLength(1);
  });

  it("reads the registry back after reopening", async () => {
    // Given a workbook with a template
    const wb = newWorkbook();
    const inserted = await insertTemplateSpec(wb.excel, build);

    const reopened = openWorkbook(wb.store);
    // When it is reopened (a new host over the same store)
    const read = await readTemplateRegistry(reopened.excel);

    // Then the registry is read back
    expect(reopened.stats.syncCount).toBe(1);
    expect(read.status).toBe("ok");
    if (read.status === "ok")
      expect(read.registry.sheets[inserted.worksheetId]?.scenarioId).toBe(SCENARIO);
  });
});

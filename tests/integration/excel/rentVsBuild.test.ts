/**
 * The real rent-vs-build template (src/templates/rentVsBuild.ts) through the public src/excel API,
 * for every scenario of the default library.
 */
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { applyRefresh, planRefresh, undoLastRefresh } from "../../../src/excel/refresh";
import { planRender } from "../../../src/excel/render";
import { cellsWithAssumptions } from "../../../src/excel/insertSheet";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildRentVsBuildTemplate } from "../../../src/templates/rentVsBuild";
import {
  cellAt,
  defaultIndex,
  namedCell,
  newWorkbook,
  teamIndex,
  typeInto,
} from "../../support/excel/host";

const SCENARIOS = Object.keys(VALIDATED_BUNDLED_LIBRARY.scenarios);

describe("the rent-vs-build template on the in-memory Excel host", () => {
  it.each(SCENARIOS)("inserts %s in 3 syncs, complete", async (scenarioId) => {
    // Given scenario %s
    const wb = newWorkbook();
    const fractions: number[] = [];

    const result = await insertTemplate(wb.excel, defaultIndex, scenarioId, (_step, fraction) =>
      fractions.push(fraction)
    );

    // When inserted
    const spec = buildRentVsBuildTemplate(defaultIndex, scenarioId, {
      sheetName: "Rent vs Build",
      nameSuffix: "",
    });
    const plan = planRender({ ...spec, cells: cellsWithAssumptions(spec) });
    // Then it takes 3 syncs, writes every cell once, and defines every name and the chart
    expect(result.sheetName).toBe("Rent vs Build");
    expect(wb.stats.syncCount).toBe(3);
    expect(wb.stats.writeCount).toBe(plan.cellWrites);
    expect(result.cellWrites).toBe(plan.cellWrites);
    // Far fewer range writes than cells.
    expect(plan.content.length).toBeLessThan(spec.cells.length / 4);
    for (const cell of spec.cells) {
      const content = cellAt(wb.store, "Rent vs Build", cell.address);
      if (cell.formula !== undefined) expect(content.formula).toBe(cell.formula);
      else expect(content.value).toBe(cell.value);
    }
    for (const name of plan.names) expect(wb.store.getName(name.name)).toBeDefined();
    for (const a of spec.assumptions) expect(namedCell(wb.store, a.name).value).toBe(a.value);
    for (const name of Object.values(spec.resultNames))
      expect(wb.store.getName(name)).toBeDefined();
    // The cumulative-cost chart and the risk section's tornado, histogram and S-curve, in that order.
    const charts = wb.store.listCharts(result.worksheetId);
    expect(spec.riskCharts.map((c) => c.type)).toEqual(["BarClustered", "ColumnClustered", "Line"]);
    expect(charts).toHaveLength(1 + spec.riskCharts.length);
    expect(charts.map((c) => c.title.text)).toEqual(
      [spec.chart, ...spec.riskCharts].map((c) => c.title)
    );
    expect(charts.map((c) => c.chartType)).toEqual(
      [spec.chart, ...spec.riskCharts].map((c) => c.type)
    );
    expect(wb.store.getActiveSheetId()).toBe(result.worksheetId);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it("keeps every scenario's sheet and names distinct", async () => {
    // Given every scenario inserted into one workbook
    const wb = newWorkbook();
    const results = [];
    // When counted
    for (const scenarioId of SCENARIOS)
      results.push(await insertTemplate(wb.excel, defaultIndex, scenarioId));
    // Then each sheet and its names are distinct
    expect(results.map((r) => r.sheetName)).toEqual(
      SCENARIOS.map((_, i) => (i === 0 ? "Rent vs Build" : `Rent vs Build (${i + 1})`))
    );
    expect(results.map((r) => r.nameSuffix)).toEqual(
      SCENARIOS.map((_, i) => (i === 0 ? "" : `_${i + 1}`))
    );
    expect(wb.stats.syncCount).toBe(3 * SCENARIOS.length);
  });

  it.each(SCENARIOS)(
    "changes nothing when %s is refreshed from the same library",
    async (scenarioId) => {
      // Given scenario %s just inserted
      const wb = newWorkbook();
      await insertTemplate(wb.excel, defaultIndex, scenarioId);
      wb.stats.reset();

      // When refreshed from the same library
      const plan = await planRefresh(wb.excel, defaultIndex);

      // Then nothing changes
      expect(wb.stats.syncCount).toBe(1);
      expect(plan.rows.length).toBeGreaterThan(0);
      expect(plan.rows.filter((r) => r.status !== "ok" || r.changed || r.isOverride)).toEqual([]);
    }
  );

  it("keeps the override and applies the rest for Memphis", async () => {
    // Given the Memphis template with an edited input
    const wb = newWorkbook();
    await insertTemplate(wb.excel, defaultIndex, "xai-memphis-2024");
    const plan0 = await planRefresh(wb.excel, defaultIndex);
    const power = plan0.rows.find((r) => r.key === "powerPrice");
    const gpuCount = plan0.rows.find((r) => r.key === "gpuCount");
    if (power === undefined || gpuCount === undefined)
      throw new Error("template lacks powerPrice/gpuCount");
    const powerCell = wb.store.getName(power.name)?.formula.split("!")[1]?.replace(/\$/g, "") ?? "";
    await typeInto(wb.excel, "Rent vs Build", powerCell, 0.05);
    wb.stats.reset();

    // When refreshed with a team library changing the power and GPU prices
    const team = teamIndex({ powerPrice: 0.081, systemPricePerGpu: 34000 });
    const plan = await planRefresh(wb.excel, team);
    const changed = plan.rows.filter((r) => r.changed);
    const byKey = new Map(plan.rows.map((r) => [r.key, r]));
    // Then the override is kept, the rest applied, and undo restores
    expect(byKey.get("powerPrice")).toMatchObject({
      workbookValue: 0.05,
      libraryValue: 0.081,
      isOverride: true,
      selectedByDefault: false,
    });
    expect(byKey.get("systemPricePerGpu")).toMatchObject({
      workbookValue: 37500,
      libraryValue: 34000,
      isOverride: false,
      selectedByDefault: true,
    });
    const selected = changed.filter((r) => r.selectedByDefault).map((r) => r.key);
    expect(selected).toContain("systemPricePerGpu");
    expect(selected).not.toContain("powerPrice");

    const applied = await applyRefresh(wb.excel, plan, selected);

    expect(applied.applied).toBe(selected.length);
    expect(wb.stats.syncCount).toBe(2);
    // Each value with its provenance cells (as-of and source for an assumption row, the source alone for a
    // risk range end: the team's price has no range, so its low and high move to the value), and the header
    // naming the library once.
    const spec = buildRentVsBuildTemplate(defaultIndex, "xai-memphis-2024", {
      sheetName: "Rent vs Build",
      nameSuffix: "",
    });
    const cellsPerRow = (key: string) =>
      1 + (spec.assumptions.find((a) => a.key === key)?.provenance?.length ?? NaN);
    expect(selected).toEqual(
      expect.arrayContaining(["risk.systemPricePerGpu.low", "risk.systemPricePerGpu.high"])
    );
    expect(cellsPerRow("systemPricePerGpu")).toBe(3);
    expect(cellsPerRow("risk.systemPricePerGpu.low")).toBe(2);
    expect(wb.stats.writeCount).toBe(selected.reduce((sum, key) => sum + cellsPerRow(key), 1));
    expect(namedCell(wb.store, power.name).value).toBe(0.05);
    expect(namedCell(wb.store, byKey.get("systemPricePerGpu")?.name ?? "").value).toBe(34000);

    const after = await planRefresh(wb.excel, team);
    expect(after.rows.filter((r) => r.selectedByDefault)).toEqual([]);
    expect(after.rows.filter((r) => r.changed).map((r) => r.key)).toEqual(["powerPrice"]);

    await undoLastRefresh(wb.excel);
    expect(namedCell(wb.store, byKey.get("systemPricePerGpu")?.name ?? "").value).toBe(37500);
    expect(namedCell(wb.store, power.name).value).toBe(0.05);
    const restored = await planRefresh(wb.excel, defaultIndex);
    expect(restored.libraryBefore).toEqual({ id: "capplan-default", version: "1.1.0" });
    expect(restored.rows.filter((r) => r.changed).map((r) => r.key)).toEqual(["powerPrice"]);
  });
});

/** @jest-environment jsdom */
/**
 * Freeze for sharing through the sidebar, on the in-memory host over the workbench's HyperFormula store
 * with the built CAPPLAN functions (so cells have values): a copy of each ticked template sheet with
 * every CAPPLAN formula as its value (a spill as all its cells), every other formula live and reading
 * the copy, and a note; in at most 3 syncs, the originals, the registry and the names untouched, and
 * nothing left behind when Excel fails partway.
 */
import { callsCapplan, sheetsReadBy, type NameTarget } from "../../../src/model/formulaText";
import { excelNameKey, parseSheetReference } from "../../../src/model/a1";
import { REGISTRY_KEY } from "../../../src/excel/templateRegistry";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import {
  button,
  click,
  FIXED_NOW,
  modelOption,
  mustMessage,
  panel,
} from "../../support/taskpane/harness";
import {
  cleanUpComputed,
  mountComputedSidebar,
  sheetCells,
  type ComputedSidebar,
} from "../../support/taskpane/freezeWorkbook";
import type { HyperFormulaCellStore } from "../../../src/dev/workbench/hyperFormulaStore";
import type { JsonValue } from "../../../src/dev/excel-host";

type JsonObject = { [key: string]: JsonValue };

afterEach(cleanUpComputed);
jest.setTimeout(60_000);

const XAI = VALIDATED_BUNDLED_LIBRARY.scenarios["xai-memphis-2024"];
/** A spilled CAPPLAN formula the user typed beside the template: 15 rows x 2 columns (README). */
const SPILL_AT = { row: 0, col: 40 };

async function withTemplate(): Promise<ComputedSidebar> {
  const sidebar = mountComputedSidebar();
  click(modelOption(sidebar.root, XAI?.name ?? ""));
  click(button(panel(sidebar.root, "Insert template"), "Insert template"));
  await sidebar.app.whenIdle();
  const rvb = sheetId(sidebar.store, "Rent vs Build");
  sidebar.store.setFormula(rvb, SPILL_AT.row, SPILL_AT.col, '=CAPPLAN.RENTVSBUILD("H100",1000,5)');
  return sidebar;
}

function sheetId(store: HyperFormulaCellStore, name: string): string {
  const sheet = store.findSheetByName(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet.id;
}

function nameTargets(store: HyperFormulaCellStore): Map<string, NameTarget> {
  const out = new Map<string, NameTarget>();
  for (const n of store.listNames()) {
    const target = parseSheetReference(n.formula);
    if (target !== null) out.set(excelNameKey(n.name), target);
  }
  return out;
}

async function listAndTick(
  sidebar: ComputedSidebar,
  names: readonly string[]
): Promise<HTMLElement> {
  const freeze = panel(sidebar.root, "Freeze for sharing");
  click(button(freeze, "List template sheets"));
  await sidebar.app.whenIdle();
  for (const name of names) {
    const label = Array.from(freeze.querySelectorAll("label")).find((l) =>
      (l.textContent ?? "").startsWith(`${name} (`)
    );
    const box =
      label === undefined ? null : freeze.querySelector(`#${label.getAttribute("for") ?? ""}`);
    if (!(box instanceof HTMLInputElement)) throw new Error(`no checkbox for ${name}`);
    box.checked = true;
    box.dispatchEvent(new Event("change"));
  }
  return freeze;
}

function everything(store: HyperFormulaCellStore, sheet: string): string {
  return JSON.stringify([...sheetCells(store, sheetId(store, sheet))]);
}

describe("Freeze for sharing in the sidebar", () => {
  it("copies a Rent vs Build sheet with CAPPLAN cells as values in 3 syncs, the original untouched", async () => {
    // Given an inserted xAI template with a spilled CAPPLAN.RENTVSBUILD typed beside it
    const sidebar = await withTemplate();
    const { store } = sidebar;
    const original = sheetId(store, "Rent vs Build");
    const originalBefore = everything(store, "Rent vs Build");
    const registryBefore = JSON.stringify(store.getSetting(REGISTRY_KEY));
    const namesBefore = JSON.stringify(store.listNames());
    const freeze = await listAndTick(sidebar, ["Rent vs Build"]);
    const before = sidebar.host.stats.syncCount;

    // When Freeze copies is clicked
    click(button(freeze, "Freeze copies"));
    await sidebar.app.whenIdle();

    // Then it took 3 round trips and made "Rent vs Build (frozen)" right after the original
    expect(sidebar.host.stats.syncCount - before).toBe(3);
    expect(mustMessage(freeze).title).toBe("Froze 1 copy");
    const order = store.listSheets().map((s) => s.name);
    expect(order.indexOf("Rent vs Build (frozen)")).toBe(order.indexOf("Rent vs Build") + 1);
    const copy = sheetId(store, "Rent vs Build (frozen)");
    const was = sheetCells(store, original);
    const now = sheetCells(store, copy);

    // And the copy calls no CAPPLAN function, and every cell shows the original's value
    const capplanCells = [...was].filter(([, c]) => c.formula !== null && callsCapplan(c.formula));
    expect(capplanCells.length).toBe(2); // CAPPLAN.LIBRARY() in the header and the spill's anchor
    expect([...now].filter(([, c]) => c.formula !== null && callsCapplan(c.formula))).toEqual([]);
    const differing = [...was].filter(([key, c]) => now.get(key)?.value !== c.value);
    expect(differing).toEqual([]);
    // the whole 15 x 2 spill is values, not only its anchor
    const spillCorner = now.get(`${SPILL_AT.row + 14}:${SPILL_AT.col + 1}`);
    expect(spillCorner?.formula).toBeNull();
    expect(typeof spillCorner?.value).toBe("number");
    expect(spillCorner?.value).toBe(was.get(`${SPILL_AT.row + 14}:${SPILL_AT.col + 1}`)?.value);

    // And every other formula is still a formula, none of them reading the original sheet
    const native = [...was].filter(([, c]) => c.formula !== null && !callsCapplan(c.formula));
    expect(native.length).toBeGreaterThan(300);
    const targets = nameTargets(store);
    for (const [key] of native) {
      const formula = now.get(key)?.formula ?? null;
      expect(formula).not.toBeNull();
      expect(sheetsReadBy(formula ?? "", targets).has(excelNameKey("Rent vs Build"))).toBe(false);
    }

    // And the note says which library and when, as text
    const meta = VALIDATED_BUNDLED_LIBRARY.meta;
    const noteCells = [...now].filter(([key]) => !was.has(key));
    expect(noteCells).toHaveLength(1);
    expect(noteCells[0]?.[1].formula).toBeNull();
    expect(String(noteCells[0]?.[1].value)).toMatch(
      new RegExp(
        `^Frozen from library ${meta.name} ${meta.version.replace(/\./g, "\\.")} on ${FIXED_NOW.toISOString().slice(0, 10)}`
      )
    );

    // And the original, the registry and the names are as they were; the copy is not a template
    expect(everything(store, "Rent vs Build")).toBe(originalBefore);
    expect(JSON.stringify(store.getSetting(REGISTRY_KEY))).toBe(registryBefore);
    expect(JSON.stringify(store.listNames())).toBe(namesBefore);
    // And its chart plots the copy
    const charts = store.listCharts(copy);
    expect(charts.length).toBe(store.listCharts(original).length);
    expect(charts.every((c) => c.source.sheetId === copy)).toBe(true);
  });

  it("keeps the copy's formulas live on the copy: an input typed there moves its results only", async () => {
    // Given a frozen copy of the xAI template
    const sidebar = await withTemplate();
    const { store } = sidebar;
    const freeze = await listAndTick(sidebar, ["Rent vs Build"]);
    click(button(freeze, "Freeze copies"));
    await sidebar.app.whenIdle();
    const original = sheetId(store, "Rent vs Build");
    const copy = sheetId(store, "Rent vs Build (frozen)");
    const gpu = parseSheetReference(store.getName("CP_GpuCount")?.formula ?? "")?.range;
    const npv = parseSheetReference(store.getName("CP_NpvBuild")?.formula ?? "")?.range;
    if (gpu === undefined || npv === undefined) throw new Error("template names missing");
    const npvBefore = store.getCell(original, npv.row, npv.col).value;

    // When the GPU count is doubled on the copy
    const count = Number(store.getCell(copy, gpu.row, gpu.col).value);
    store.setValue(copy, gpu.row, gpu.col, count * 2);

    // Then the copy's build NPV changes and the original's does not
    expect(store.getCell(copy, npv.row, npv.col).value).not.toBe(npvBefore);
    expect(store.getCell(original, npv.row, npv.col).value).toBe(npvBefore);
  });

  it("freezes a sheet that reads another together with it, pointing the reader at the frozen copy", async () => {
    // Given a second template sheet (registered as a board memo of the Rent vs Build sheet) reading its names
    const sidebar = await withTemplate();
    const { store } = sidebar;
    const rvb = sheetId(store, "Rent vs Build");
    const memo = store.addSheet("Memo");
    store.setFormula(memo.id, 0, 0, "=CP_GpuCount*2");
    store.setFormula(memo.id, 1, 0, "='Rent vs Build'!C5");
    store.setFormula(memo.id, 2, 0, '="CP_GpuCount stays text"');
    const registry = store.getSetting(REGISTRY_KEY) as { sheets: Record<string, JsonObject> };
    const rvbEntry = registry.sheets[rvb] ?? {};
    registry.sheets[memo.id] = {
      ...rvbEntry,
      kind: "boardMemo",
      sourceWorksheetId: rvb,
      sheetName: "Memo",
      assumptions: {},
    };
    store.setSetting(REGISTRY_KEY, registry);

    // When only the memo is ticked, it ticks its Rent vs Build sheet too, and both are frozen
    const freeze = await listAndTick(sidebar, ["Memo"]);
    click(button(freeze, "Freeze copies"));
    await sidebar.app.whenIdle();

    // Then the frozen memo reads the frozen Rent vs Build sheet; text stays text
    expect(mustMessage(freeze).title).toBe("Froze 2 copies");
    const copy = sheetId(store, "Memo (frozen)");
    const gpu = parseSheetReference(store.getName("CP_GpuCount")?.formula ?? "")?.range;
    expect(store.getCellContent(copy, 0, 0).formula).toBe(
      `='Rent vs Build (frozen)'!$${String.fromCharCode(65 + (gpu?.col ?? 0))}$${(gpu?.row ?? 0) + 1}*2`
    );
    expect(store.getCellContent(copy, 1, 0).formula).toBe("='Rent vs Build (frozen)'!C5");
    expect(store.getCellContent(copy, 2, 0).formula).toBe('="CP_GpuCount stays text"');
    expect(store.getCell(copy, 0, 0).value).toBe(store.getCell(memo.id, 0, 0).value);
  });

  it("refuses a memo without the sheet it reads, changing nothing", async () => {
    // Given a memo sheet registered as reading the Rent vs Build sheet, its box ticked alone
    const sidebar = await withTemplate();
    const { store } = sidebar;
    const rvb = sheetId(store, "Rent vs Build");
    const memo = store.addSheet("Memo");
    store.setFormula(memo.id, 0, 0, "=CP_GpuCount*2");
    const registry = store.getSetting(REGISTRY_KEY) as { sheets: Record<string, JsonObject> };
    registry.sheets[memo.id] = {
      ...(registry.sheets[rvb] ?? {}),
      sheetName: "Memo",
      assumptions: {},
    };
    store.setSetting(REGISTRY_KEY, registry);
    const freeze = await listAndTick(sidebar, ["Memo"]);
    const sheetsBefore = store.listSheets().map((s) => s.name);

    // When Freeze copies is clicked
    click(button(freeze, "Freeze copies"));
    await sidebar.app.whenIdle();

    // Then it says which sheet to tick too, and no sheet was added
    const shown = mustMessage(freeze);
    expect(shown.title).toBe("The sheets were not frozen");
    expect(shown.next).toMatch(/Tick 'Rent vs Build' too/);
    expect(store.listSheets().map((s) => s.name)).toEqual(sheetsBefore);
  });

  it("removes the copies when Excel fails partway", async () => {
    // Given a template ticked for freezing, and Excel refusing the writes on the copy
    const sidebar = await withTemplate();
    const { store } = sidebar;
    const freeze = await listAndTick(sidebar, ["Rent vs Build"]);
    const sheetsBefore = JSON.stringify(store.listSheets());
    const originalBefore = everything(store, "Rent vs Build");
    sidebar.host.faults.failOperation({ location: "Range.formulas", code: "GeneralException" });

    // When Freeze copies is clicked
    click(button(freeze, "Freeze copies"));
    await sidebar.app.whenIdle();

    // Then the error says the copies were removed, and the workbook's sheets are as they were
    const shown = mustMessage(freeze);
    expect(shown.kind).toBe("error");
    expect(shown.next).toMatch(/copies made so far were removed/);
    expect(JSON.stringify(store.listSheets())).toBe(sheetsBefore);
    expect(everything(store, "Rent vs Build")).toBe(originalBefore);
  });

  it("refuses where Excel cannot copy sheets (before ExcelApi 1.12)", async () => {
    // Given an Excel without ExcelApi 1.12
    const sidebar = mountComputedSidebar({
      isSetSupported: (_n, v) => Number(v.split(".")[1]) < 10,
    });
    click(modelOption(sidebar.root, XAI?.name ?? ""));
    click(button(panel(sidebar.root, "Insert template"), "Insert template"));
    await sidebar.app.whenIdle();
    const freeze = await listAndTick(sidebar, ["Rent vs Build"]);
    const count = sidebar.store.listSheets().length;
    const before = sidebar.host.stats.syncCount;

    // When Freeze copies is clicked
    click(button(freeze, "Freeze copies"));
    await sidebar.app.whenIdle();

    // Then it says what Excel is needed before reading anything, and nothing was added
    expect(mustMessage(freeze).next).toMatch(/ExcelApi 1\.12/);
    expect(sidebar.host.stats.syncCount - before).toBe(0);
    expect(sidebar.store.listSheets().length).toBe(count);
  });
});

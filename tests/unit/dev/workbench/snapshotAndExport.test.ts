/**
 * Save/restore (the JSON kept in localStorage) and "Export .xlsx" (read back with exceljs), over the
 * HyperFormula store with the built CAPPLAN functions.
 */
import ExcelJS from "exceljs";
import {
  CapplanFunctionRegistry,
  parseFunctionsJson,
} from "../../../../src/dev/workbench/capplanPlugin";
import {
  callsCapplan,
  exportXlsx,
  fileFormula,
  pointsToCharacters,
} from "../../../../src/dev/workbench/exportXlsx";
import { HyperFormulaCellStore } from "../../../../src/dev/workbench/hyperFormulaStore";
import {
  captureSnapshot,
  parseSnapshot,
  restoreSnapshot,
} from "../../../../src/dev/workbench/snapshot";
import { loadBuiltFunctions } from "../../../support/customFunctionsRuntime";
import { readDistFile } from "../../../support/dist";
import { zipEntries } from "../../../support/zipEntries";

function newStore(sheets?: string[]): HyperFormulaCellStore {
  const loaded = loadBuiltFunctions();
  const registry = new CapplanFunctionRegistry(
    parseFunctionsJson(JSON.parse(readDistFile("functions.json")))
  );
  for (const [id, fn] of loaded.registered) registry.associate(id, fn);
  return new HyperFormulaCellStore({ capplan: registry, sheets });
}

/** A small workbook with what a template sheet has: inputs, names, formulas, a spill, formats, a chart. */
function sample(): { store: HyperFormulaCellStore; model: string } {
  const store = newStore(["Sheet1", "Rent vs Build"]);
  const model = store.findSheetByName("Rent vs Build")?.id ?? "";
  store.batch(() => {
    store.setValue(model, 0, 0, "GPUs");
    store.setValue(model, 0, 1, 1000);
    store.setFormat(model, 0, 1, {
      numberFormat: "#,##0",
      font: { color: "#0000FF", bold: true },
      fillColor: "#FFF2CC",
    });
    store.addName({
      name: "CP_Count",
      formula: "='Rent vs Build'!$B$1",
      comment: "",
      visible: true,
    });
    store.setFormula(model, 1, 1, '=CAPPLAN.GPUCOST("H100",CP_Count)');
    store.setFormat(model, 1, 1, { numberFormat: "$#,##0" });
    store.setFormula(model, 3, 0, '=CAPPLAN.CASHFLOWS("build","H100",CP_Count,3)');
    store.setValue(model, 2, 0, "00123");
    store.setColumnWidth(model, 0, 120);
    store.setSetting("capplan.templates", {
      sheets: [{ name: "Rent vs Build", library: "capplan-default@1.0.0" }],
    });
    store.addChart({
      sheetId: model,
      name: "Chart 1",
      chartType: "Line",
      source: { sheetId: model, row: 3, col: 0, rowCount: 4, colCount: 1 },
      seriesBy: "Auto",
      title: { text: "Cash flows", visible: true },
      categoryAxisTitle: "",
      valueAxisTitle: "",
      legend: { visible: true, position: "Bottom" },
      top: 100,
      left: 200,
      width: 360,
      height: 216,
    });
    store.setActiveSheetId(model);
  });
  return { store, model };
}

describe("workbook snapshot", () => {
  it("restores what was written into a fresh store, which recomputes it", () => {
    const { store, model } = sample();
    const json = JSON.parse(
      JSON.stringify(captureSnapshot(store, (s, r, c) => store.getCellContent(s, r, c)))
    );
    const copy = newStore();
    restoreSnapshot(copy, parseSnapshot(json));
    const id = copy.findSheetByName("Rent vs Build")?.id ?? "";
    expect(copy.listSheets().map((s) => s.name)).toEqual(["Sheet1", "Rent vs Build"]);
    expect(copy.getActiveSheetId()).toBe(id);
    for (let row = 0; row < 8; row++) {
      for (let col = 0; col < 2; col++) {
        expect(copy.getCell(id, row, col)).toEqual(store.getCell(model, row, col));
        expect(copy.getFormat(id, row, col)).toEqual(store.getFormat(model, row, col));
      }
    }
    // Spilled cells are recomputed, not saved as constants.
    expect(copy.getCellContent(id, 4, 0)).toEqual({ value: null, formula: null });
    expect(copy.getCell(id, 2, 0).value).toBe("00123");
    expect(copy.getColumnWidth(id, 0)).toBe(120);
    expect(copy.listNames()).toEqual(store.listNames());
    expect(copy.getSetting("capplan.templates")).toEqual(store.getSetting("capplan.templates"));
    expect(
      copy
        .listCharts(id)
        .map((c) => ({ ...c, id: "", sheetId: "", source: { ...c.source, sheetId: "" } }))
    ).toEqual(
      store
        .listCharts(model)
        .map((c) => ({ ...c, id: "", sheetId: "", source: { ...c.source, sheetId: "" } }))
    );
  });

  it("refuses a snapshot it does not understand", () => {
    expect(() => parseSnapshot({ version: 99 })).toThrow(/version/);
    expect(() => parseSnapshot(null)).toThrow();
  });
});

describe("Export .xlsx", () => {
  it("writes sheet names, formulas with their values, constants, number formats, styles, widths and names", async () => {
    const { store, model } = sample();
    const bytes = await exportXlsx(store);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Sheet1", "Rent vs Build"]);
    const ws = book.getWorksheet("Rent vs Build");
    if (ws === undefined) throw new Error("sheet missing");
    const cost = ws.getCell("B2");
    expect(cost.formula).toBe('_xldudf_CAPPLAN_GPUCOST("H100",CP_Count)');
    expect(cost.result).toBe(store.getCell(model, 1, 1).value);
    expect(cost.numFmt).toBe("$#,##0");
    expect(ws.getCell("B1").value).toBe(1000);
    expect(ws.getCell("B1").font.bold).toBe(true);
    expect(ws.getCell("B1").font.color?.argb).toBe("FF0000FF");
    expect(ws.getCell("A3").value).toBe("00123");
    expect(ws.getCell("A4").formula).toBe('_xldudf_CAPPLAN_CASHFLOWS("build","H100",CP_Count,3)');
    expect(ws.getCell("A5").value).toBe(store.getCell(model, 4, 0).value); // spilled values written as values
    expect(ws.getColumn(1).width).toBe(pointsToCharacters(120));
    expect(book.definedNames.getNames("'Rent vs Build'!$B$1")).toContain("CP_Count");
  });

  /** The <c> element of `address` in the sheet's XML, as Excel will read it. */
  function cellXml(bytes: Uint8Array, sheetIndex: number, address: string): string {
    const xml = zipEntries(bytes).get(`xl/worksheets/sheet${sheetIndex}.xml`) ?? "";
    const m = new RegExp(`<c r="${address}"[^>]*?(?:/>|>.*?</c>)`).exec(xml);
    return m?.[0] ?? "";
  }

  function withNativeAndCapplan(): { store: HyperFormulaCellStore; model: string } {
    const { store, model } = sample();
    store.batch(() => {
      store.setFormula(model, 1, 2, "=B1*2"); // C2: native
      store.setFormula(model, 1, 3, '=B2/B1&" per GPU, from CAPPLAN.GPUCOST("'); // D2: native, the name only in text
      store.setFormula(model, 1, 4, "=CAPPLAN.LIBRARY()"); // E2: text result
    });
    return { store, model };
  }

  it("writes CAPPLAN calls as Excel stores custom functions (_xldudf_), with cached values, and native formulas as typed", async () => {
    const { store, model } = withNativeAndCapplan();
    const bytes = await exportXlsx(store);
    const cost = cellXml(bytes, 2, "B2");
    expect(cost).toContain("<f>_xldudf_CAPPLAN_GPUCOST(&quot;H100&quot;,CP_Count)</f>");
    expect(cost).toContain(`<v>${String(store.getCell(model, 1, 1).value)}</v>`);
    expect(cellXml(bytes, 2, "C2")).toMatch(/<f>B1\*2<\/f><v>2000<\/v>/);
    expect(cellXml(bytes, 2, "D2")).toContain("from CAPPLAN.GPUCOST(&quot;</f>");
    const library = cellXml(bytes, 2, "E2");
    expect(library).toContain('t="str"');
    expect(library).toContain("<f>_xldudf_CAPPLAN_LIBRARY()</f>");
    expect(library).toContain(`<v>${String(store.getCell(model, 1, 4).value)}</v>`);
    // No formula in the file names a CAPPLAN function the way Excel would not recognise.
    const files = zipEntries(bytes);
    const sheetXml = files.get("xl/worksheets/sheet2.xml") ?? "";
    const formulas = [...sheetXml.matchAll(/<f>(.*?)<\/f>/g)].map((m) => m[1] ?? "");
    expect(
      formulas.filter((f) =>
        /(^|[^_A-Za-z])CAPPLAN\.[A-Z]+\(/.test(f.replace(/&quot;.*?&quot;/g, ""))
      )
    ).toEqual([]);
    const workbookXml = files.get("xl/workbook.xml") ?? "";
    expect(workbookXml).not.toContain("fullCalcOnLoad");
  });

  it("with capplan: 'values', writes CAPPLAN cells as their values with a note, and keeps native formulas", async () => {
    const { store, model } = withNativeAndCapplan();
    const bytes = await exportXlsx(store, { capplan: "values" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer);
    const ws = book.getWorksheet("Rent vs Build");
    if (ws === undefined) throw new Error("sheet missing");
    const cost = ws.getCell("B2");
    expect(cost.formula).toBeUndefined();
    expect(cost.value).toBe(store.getCell(model, 1, 1).value);
    expect(cost.numFmt).toBe("$#,##0");
    expect(JSON.stringify(cost.note)).toContain('=CAPPLAN.GPUCOST(\\"H100\\",CP_Count)');
    expect(ws.getCell("A4").value).toBe(store.getCell(model, 3, 0).value);
    expect(ws.getCell("E2").value).toBe(store.getCell(model, 1, 4).value);
    expect(ws.getCell("C2").formula).toBe("B1*2");
    expect(ws.getCell("D2").formula).toBe('B2/B1&" per GPU, from CAPPLAN.GPUCOST("');
    expect(cellXml(bytes, 2, "B2")).not.toContain("<f>");
  });

  it("rewrites only calls, outside text: the file formula of each kind of cell", () => {
    expect(fileFormula('=CAPPLAN.NPV("a")+capplan.gpucost("H100", 1)*SUM(A1)')).toBe(
      '_xldudf_CAPPLAN_NPV("a")+_xldudf_CAPPLAN_GPUCOST("H100", 1)*SUM(A1)'
    );
    expect(fileFormula('="CAPPLAN.NPV(" & CP_CAPPLAN.X')).toBe('"CAPPLAN.NPV(" & CP_CAPPLAN.X');
    expect(callsCapplan('="CAPPLAN.NPV("')).toBe(false);
    expect(callsCapplan("=1+CAPPLAN.LIBRARY()")).toBe(true);
  });
});

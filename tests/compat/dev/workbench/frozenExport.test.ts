/**
 * The frozen and the normal templates, exported to .xlsx from the workbench store, recalculated by
 * LibreOffice Calc (a second, independent formula engine; `npm run test:compat`): every cell has the
 * workbench's value, money to the cent, and a frozen sheet has no CAPPLAN formula left.
 */
import ExcelJS from "exceljs";
import { asExcelNamespace, createMemoryExcel } from "../../../../src/dev/excel-host";
import { exportXlsx } from "../../../../src/dev/workbench/exportXlsx";
import type { HyperFormulaCellStore } from "../../../../src/dev/workbench/hyperFormulaStore";
import { freezeSheets } from "../../../../src/excel/freeze";
import { insertBoardMemo } from "../../../../src/excel/insertBoardMemo";
import { insertOptionsComparison } from "../../../../src/excel/insertOptionsComparison";
import { insertTemplate } from "../../../../src/excel/insertTemplate";
import { buildIndex } from "../../../../src/model/library/indexLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import { computedStore } from "../../../support/dev/workbench/computedStore";
import {
  calcCsv,
  cleanUpLibreOffice,
  libreOfficeAvailable,
} from "../../../support/dev/workbench/libreOffice";

const describeWithLibreOffice = libreOfficeAvailable() ? describe : describe.skip;
afterAll(cleanUpLibreOffice);

const NOW = new Date("2026-12-04T09:00:00.000Z");

/** A workbench workbook: the xAI template, and its copy frozen by the sidebar's Freeze for sharing. */
async function frozenWorkbook(): Promise<HyperFormulaCellStore> {
  const store = computedStore();
  const excel = asExcelNamespace(createMemoryExcel(store).Excel);
  await insertTemplate(excel, buildIndex(VALIDATED_BUNDLED_LIBRARY), "xai-memphis-2024");
  const rvb = store.findSheetByName("Rent vs Build");
  if (rvb === undefined) throw new Error("no template");
  const { name, version } = VALIDATED_BUNDLED_LIBRARY.meta;
  await freezeSheets(excel, {
    worksheetIds: [rvb.id],
    library: { name, version },
    now: () => NOW,
    isSetSupported: () => true,
  });
  return store;
}

/**
 * A workbench workbook with all three templates of the gallery for the xAI scenario (Rent vs Build, Options
 * comparison, and the Board memo of the Rent vs Build sheet), all three frozen together by the sidebar's code.
 */
async function galleryWorkbook(): Promise<HyperFormulaCellStore> {
  const store = computedStore();
  const excel = asExcelNamespace(createMemoryExcel(store).Excel);
  const index = buildIndex(VALIDATED_BUNDLED_LIBRARY);
  await insertTemplate(excel, index, "xai-memphis-2024");
  await insertOptionsComparison(excel, index, "xai-memphis-2024");
  // The memo summarises the active sheet: the user selects the Rent vs Build sheet first.
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem("Rent vs Build").activate();
    await context.sync();
  });
  await insertBoardMemo(excel, index);
  const ids = ["Rent vs Build", "Options comparison", "Board memo"].map((name) => {
    const sheet = store.findSheetByName(name);
    if (sheet === undefined) throw new Error(`no sheet ${name}`);
    return sheet.id;
  });
  const { name, version } = VALIDATED_BUNDLED_LIBRARY.meta;
  await freezeSheets(excel, {
    worksheetIds: ids,
    library: { name, version },
    now: () => NOW,
    isSetSupported: () => true,
  });
  return store;
}

/** 1-based position of a sheet in the workbook (the export keeps the order), for LibreOffice's CSV filter. */
function positionOf(store: HyperFormulaCellStore, name: string): number {
  const at = store.listSheets().findIndex((s) => s.name === name);
  if (at < 0) throw new Error(`no sheet ${name}`);
  return at + 1;
}

/** The cells of `sheetId` that hold a formula (0-based row, col), optionally only those `keep` accepts. */
function formulaCells(
  store: HyperFormulaCellStore,
  sheetId: string,
  keep: (formula: string) => boolean = () => true
): [number, number][] {
  const used = store.getUsedBounds(sheetId, true);
  const out: [number, number][] = [];
  if (used === null) return out;
  for (let r = used.row; r < used.row + used.rowCount; r++)
    for (let c = used.col; c < used.col + used.colCount; c++) {
      const { formula } = store.getCellContent(sheetId, r, c);
      if (formula !== null && keep(formula)) out.push([r, c]);
    }
  return out;
}

/**
 * Of `cells` on `sheetId`, those whose LibreOffice value (full precision) differs from the workbench's:
 * money (a "$" number format) by more than half a cent, other numbers by more than 1e-9 relative, text
 * and booleans at all.
 */
function mismatches(
  store: HyperFormulaCellStore,
  sheetId: string,
  calc: readonly (readonly string[])[],
  cells: readonly [number, number][]
): string[] {
  const wrong: string[] = [];
  for (const [r, c] of cells) {
    const { value } = store.getCell(sheetId, r, c);
    const got = calc[r]?.[c] ?? "";
    const say = `R${r + 1}C${c + 1}: LibreOffice ${got}, workbench ${String(value)}`;
    if (typeof value === "number") {
      const money = store.getFormat(sheetId, r, c).numberFormat.includes("$");
      const tolerance = money ? 0.005 : 1e-9 * Math.max(1, Math.abs(value));
      const number = got.endsWith("%") ? Number(got.slice(0, -1)) / 100 : Number(got);
      if (!(Math.abs(number - value) <= tolerance)) wrong.push(say);
    } else if (typeof value === "boolean") {
      if (got !== (value ? "TRUE" : "FALSE")) wrong.push(say);
    } else if (got !== (value ?? "")) {
      wrong.push(say);
    }
  }
  return wrong;
}

const CAPPLAN_IN_FILE = /_xldudf_CAPPLAN|CAPPLAN\./i;

/** Formulas of a sheet of an .xlsx, read back with exceljs. */
async function fileFormulas(bytes: Uint8Array, sheetName: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = book.getWorksheet(sheetName);
  if (ws === undefined) throw new Error(`no sheet ${sheetName} in the file`);
  const out: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) out.push(cell.formula);
    })
  );
  return out;
}

describeWithLibreOffice("The frozen and the normal templates in LibreOffice", () => {
  jest.setTimeout(300_000);

  it("recalculate to the workbench's values, and the frozen copy calls no CAPPLAN function", async () => {
    // Given the xAI template and its frozen copy in the workbench
    const store = await frozenWorkbook();
    const rvb = store.findSheetByName("Rent vs Build")?.id ?? "";
    const frozen = store.findSheetByName("Rent vs Build (frozen)")?.id ?? "";
    expect(store.listSheets().map((s) => s.name)).toEqual([
      "Sheet1",
      "Rent vs Build",
      "Rent vs Build (frozen)",
    ]);

    // When the normal export is recalculated by LibreOffice
    const normal = await exportXlsx(store);
    const calcRvb = calcCsv(normal, "en-US", 2, false);
    const calcFrozen = calcCsv(normal, "en-US", 3, false);

    // Then the template's native formulas, and on the frozen copy every cell that was a formula
    // (the CAPPLAN ones now values), have the workbench's values
    const native = formulaCells(store, rvb, (f) => !/CAPPLAN\./i.test(f));
    expect(native.length).toBeGreaterThan(300);
    expect(mismatches(store, rvb, calcRvb, native)).toEqual([]);
    const wasFormula = formulaCells(store, rvb);
    expect(wasFormula.length).toBe(native.length + 1); // CAPPLAN.LIBRARY() in the header
    expect(mismatches(store, frozen, calcFrozen, wasFormula)).toEqual([]);
    // And the frozen copy in the file calls no CAPPLAN function, while its formulas are still formulas
    const formulas = await fileFormulas(normal, "Rent vs Build (frozen)");
    expect(formulas.filter((f) => CAPPLAN_IN_FILE.test(f))).toEqual([]);
    expect(formulas.length).toBeGreaterThan(300);
  });

  it("recalculates the workbench's frozen export to the workbench's values, with the same note", async () => {
    // Given the same workbook
    const store = await frozenWorkbook();
    const rvb = store.findSheetByName("Rent vs Build")?.id ?? "";

    // When it is exported frozen (the workbench's "Export frozen .xlsx") and recalculated by LibreOffice
    const bytes = await exportXlsx(store, { capplan: "frozen", now: NOW });
    const calc = calcCsv(bytes, "en-US", 2, false);

    // Then every formula cell of the template, CAPPLAN ones included, has the workbench's value
    const cells = formulaCells(store, rvb);
    expect(cells.length).toBeGreaterThan(300);
    expect(mismatches(store, rvb, calc, cells)).toEqual([]);
    // And no sheet of the file calls CAPPLAN
    for (const sheet of ["Sheet1", "Rent vs Build", "Rent vs Build (frozen)"])
      expect((await fileFormulas(bytes, sheet)).filter((f) => CAPPLAN_IN_FILE.test(f))).toEqual([]);
    // And the template carries the note the sidebar writes on its frozen copy, at the same place
    const frozen = store.findSheetByName("Rent vs Build (frozen)")?.id ?? "";
    const used = store.getUsedBounds(frozen, false);
    const noteRow = (used?.row ?? 0) + (used?.rowCount ?? 0) - 1;
    const sidebarNote = store.getCell(frozen, noteRow, used?.col ?? 0).value;
    expect(String(sidebarNote)).toMatch(/^Frozen from library /);
    expect(calc[noteRow]?.[used?.col ?? 0]).toBe(sidebarNote);
  });

  it("recalculates the frozen Options comparison and Board memo, and the live memo, to the workbench's values", async () => {
    // Given the three templates of the gallery and their copies frozen together
    const store = await galleryWorkbook();
    const id = (name: string): string => store.findSheetByName(name)?.id ?? "";

    // When the workbook is exported (the normal export) and LibreOffice recalculates it
    const bytes = await exportXlsx(store);

    // Then every cell that was a formula on the Options comparison, CAPPLAN spills included, has the
    // workbench's value on its frozen copy: the ranking, the best two routes and the waterfall too
    const options = formulaCells(store, id("Options comparison"));
    expect(options.length).toBeGreaterThan(50);
    const calcOptions = calcCsv(
      bytes,
      "en-US",
      positionOf(store, "Options comparison (frozen)"),
      false
    );
    expect(mismatches(store, id("Options comparison (frozen)"), calcOptions, options)).toEqual([]);
    // And the same for the memo's frozen copy, which reads the frozen Rent vs Build copy
    const memo = formulaCells(store, id("Board memo"));
    expect(memo.length).toBeGreaterThan(100);
    const calcMemo = calcCsv(bytes, "en-US", positionOf(store, "Board memo (frozen)"), false);
    expect(mismatches(store, id("Board memo (frozen)"), calcMemo, memo)).toEqual([]);
    // And the live memo (native formulas over the live Rent vs Build sheet) as well, except the cells that
    // show the library header, which the live sheet computes with CAPPLAN.LIBRARY()
    const calcLiveMemo = calcCsv(bytes, "en-US", positionOf(store, "Board memo"), false);
    const liveNative = memo.filter(
      ([r, c]) => !/library/i.test(String(store.getCell(id("Board memo"), r, c).value))
    );
    expect(liveNative.length).toBeGreaterThan(100);
    expect(mismatches(store, id("Board memo"), calcLiveMemo, liveNative)).toEqual([]);
    // And no frozen copy calls CAPPLAN in the file
    for (const sheet of [
      "Options comparison (frozen)",
      "Board memo (frozen)",
      "Rent vs Build (frozen)",
    ])
      expect((await fileFormulas(bytes, sheet)).filter((f) => CAPPLAN_IN_FILE.test(f))).toEqual([]);
  });
});

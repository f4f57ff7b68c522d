/** A workbook on the in-memory Excel host, seen by production code as `ExcelApi`. */
import { asExcelNamespace, createMemoryExcel, MemoryCellStore } from "../../../src/dev/excel-host";
import type {
  CellContent,
  CellFormat,
  MemoryExcel,
  MemoryExcelStats,
} from "../../../src/dev/excel-host";
import { parseCell } from "../../../src/model/a1";
import type { ExcelApi } from "../../../src/excel/excelApi";
import type { LibraryIndex } from "../../../src/model/library/indexLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { layerLibrary } from "../../../src/model/library/merge";
import type { TeamLibrary } from "../../../src/model/library/schema";

export interface Workbook {
  readonly store: MemoryCellStore;
  readonly host: MemoryExcel;
  readonly excel: ExcelApi;
  readonly stats: MemoryExcelStats;
}

/** "Reopens" a workbook: a new host (fresh proxies, fresh counters) over the same store. */
export function openWorkbook(store: MemoryCellStore): Workbook {
  const host = createMemoryExcel(store);
  return { store, host, excel: asExcelNamespace(host.Excel), stats: host.stats };
}

export function newWorkbook(sheets: readonly string[] = ["Sheet1"]): Workbook {
  return openWorkbook(new MemoryCellStore({ sheets }));
}

export function sheetId(store: MemoryCellStore, name: string): string {
  const sheet = store.findSheetByName(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet.id;
}

export function cellAt(store: MemoryCellStore, sheetName: string, address: string): CellContent {
  const { row, col } = parseCell(address);
  return store.getCell(sheetId(store, sheetName), row, col);
}

export function formatAt(store: MemoryCellStore, sheetName: string, address: string): CellFormat {
  const { row, col } = parseCell(address);
  return store.getFormat(sheetId(store, sheetName), row, col);
}

/** The cell a workbook name points at, as the host reads it. */
export function namedCell(store: MemoryCellStore, name: string): CellContent {
  const record = store.getName(name);
  if (record === undefined) throw new Error(`no name ${name}`);
  const m = /^='?(.*?)'?!\$?([A-Z]+)\$?([0-9]+)$/.exec(record.formula);
  if (m === null) throw new Error(`not a cell reference: ${record.formula}`);
  return cellAt(store, (m[1] ?? "").replace(/''/g, "'"), `${m[2] ?? ""}${m[3] ?? ""}`);
}

/** Types into a cell as a user would (through the Excel API, one sync). */
export async function typeInto(
  excel: ExcelApi,
  sheetName: string,
  address: string,
  input: string | number
): Promise<void> {
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheetName).getRange(address).values = [[input]];
    await context.sync();
  });
}

export async function activate(excel: ExcelApi, sheetName: string): Promise<void> {
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheetName).activate();
    await context.sync();
  });
}

/** Every setting, as JSON text, to assert "unchanged". */
export function settingsSnapshot(store: MemoryCellStore): string {
  return JSON.stringify(store.listSettings());
}

/** A team library over the default: new power price in Tennessee and a new H100 system price. */
export function teamIndex(
  changes: { powerPrice?: number; systemPricePerGpu?: number; version?: string } = {}
): LibraryIndex {
  const team: TeamLibrary = {
    meta: {
      id: "acme-capacity",
      name: "Acme capacity library",
      version: changes.version ?? "2.0.0",
      publishedAt: "2026-12-01",
      publisher: "Acme finance",
      description: "Acme's negotiated power and server prices.",
    },
    regions: {
      "us-tn": {
        powerPrice: {
          value: changes.powerPrice ?? 0.081,
          unit: "USD per kWh",
          source: "Acme PPA with MLGW",
          asOf: "2026-10",
        },
      },
    },
    gpus: {
      "h100-sxm": {
        systemPricePerGpu: {
          value: changes.systemPricePerGpu ?? 34000,
          unit: "USD per GPU",
          source: "Acme Supermicro quote",
          asOf: "2026-11",
        },
      },
    },
  };
  const merged = layerLibrary(VALIDATED_BUNDLED_LIBRARY, team);
  if (!merged.ok) throw new Error(JSON.stringify(merged.issues));
  return buildIndex(merged.library);
}

export const defaultIndex: LibraryIndex = buildIndex(VALIDATED_BUNDLED_LIBRARY);

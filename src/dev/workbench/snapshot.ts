/**
 * The workbook as JSON, for "Save" (localStorage) and restore on load: what was written (formula
 * text and constants, never computed values), formats, layout (page setup included), names, document
 * settings and charts.
 * Sheets are referred to by name, so a snapshot restores into any CellStore (sheet ids are the
 * store's own) and recomputes there.
 */
import { DEFAULT_COLUMN_WIDTH, DEFAULT_PAGE_LAYOUT, DEFAULT_ROW_HEIGHT } from "../excel-host";
import type {
  CellContent,
  CellFormat,
  CellFormatPatch,
  CellStore,
  CellValue,
  ChartRecord,
  JsonValue,
  NamedItemRecord,
  PageLayoutRecord,
  SheetVisibility,
  GridRange,
} from "../excel-host";

export const SNAPSHOT_VERSION = 1;

/** [row, col, formula text or constant]: formulas start with "=", constants are typed values. */
export type SnapshotCell = readonly [
  number,
  number,
  { readonly f: string } | { readonly v: CellValue },
];
export type SnapshotFormat = readonly [number, number, CellFormatPatch];

export interface SnapshotSheet {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly tabColor: string;
  readonly cells: readonly SnapshotCell[];
  readonly formats: readonly SnapshotFormat[];
  readonly columnWidths: ReadonlyArray<readonly [number, number]>;
  readonly rowHeights: ReadonlyArray<readonly [number, number]>;
  /** The page setup, when it is not Excel's default (absent in snapshots saved before it was kept). */
  readonly pageLayout?: PageLayoutRecord;
}

export interface SnapshotChart extends Omit<ChartRecord, "id" | "sheetId" | "source"> {
  readonly sheet: string;
  readonly source: GridRange & { readonly sheet: string };
}

export interface WorkbookSnapshot {
  readonly version: typeof SNAPSHOT_VERSION;
  readonly sheets: readonly SnapshotSheet[];
  readonly activeSheet: string | null;
  readonly names: readonly NamedItemRecord[];
  readonly settings: ReadonlyArray<{ readonly key: string; readonly value: JsonValue }>;
  readonly charts: readonly SnapshotChart[];
}

/** Reads what was written in a cell (not a spilled value); a HyperFormula store's getCellContent. */
export type ContentReader = (sheetId: string, row: number, col: number) => CellContent;

/** Columns/rows scanned past the used range for custom widths/heights. */
const LAYOUT_MARGIN = 30;

type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

function formatPatch(format: CellFormat): CellFormatPatch | null {
  const patch: Mutable<Omit<CellFormatPatch, "font">> & { font?: Mutable<CellFormat["font"]> } = {};
  if (format.numberFormat !== "General") patch.numberFormat = format.numberFormat;
  const f = format.font;
  const font: Mutable<CellFormat["font"]> = {};
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  if (f.color !== "#000000") font.color = f.color;
  if (f.size !== 11) font.size = f.size;
  if (f.name !== "Calibri") font.name = f.name;
  if (Object.keys(font).length > 0) patch.font = font;
  if (format.fillColor !== null) patch.fillColor = format.fillColor;
  if (format.horizontalAlignment !== "General")
    patch.horizontalAlignment = format.horizontalAlignment;
  if (format.wrapText) patch.wrapText = true;
  return Object.keys(patch).length > 0 ? patch : null;
}

/** A chart's own properties, without its id and sheets (which a snapshot names instead). */
function chartProperties(
  chart: Omit<SnapshotChart, "sheet" | "source">
): Omit<SnapshotChart, "sheet" | "source"> {
  return {
    name: chart.name,
    chartType: chart.chartType,
    seriesBy: chart.seriesBy,
    title: { text: chart.title.text, visible: chart.title.visible },
    categoryAxisTitle: chart.categoryAxisTitle,
    valueAxisTitle: chart.valueAxisTitle,
    legend: { visible: chart.legend.visible, position: chart.legend.position },
    ...(chart.seriesFills === undefined ? {} : { seriesFills: [...chart.seriesFills] }),
    top: chart.top,
    left: chart.left,
    width: chart.width,
    height: chart.height,
  };
}

function gridOf(range: GridRange): GridRange {
  return { row: range.row, col: range.col, rowCount: range.rowCount, colCount: range.colCount };
}

export function captureSnapshot(store: CellStore, contentOf: ContentReader): WorkbookSnapshot {
  const nameOf = new Map(store.listSheets().map((s) => [s.id, s.name]));
  const sheets = store.listSheets().map((sheet): SnapshotSheet => {
    const cells: SnapshotCell[] = [];
    const formats: SnapshotFormat[] = [];
    const used = store.getUsedBounds(sheet.id, false);
    if (used !== null) {
      for (let row = used.row; row < used.row + used.rowCount; row++) {
        for (let col = used.col; col < used.col + used.colCount; col++) {
          const content = contentOf(sheet.id, row, col);
          if (content.formula !== null) cells.push([row, col, { f: content.formula }]);
          else if (content.value !== null) cells.push([row, col, { v: content.value }]);
          const patch = formatPatch(store.getFormat(sheet.id, row, col));
          if (patch !== null) formats.push([row, col, patch]);
        }
      }
    }
    const columnWidths: Array<readonly [number, number]> = [];
    const rowHeights: Array<readonly [number, number]> = [];
    const lastCol = (used === null ? 0 : used.col + used.colCount) + LAYOUT_MARGIN;
    const lastRow = (used === null ? 0 : used.row + used.rowCount) + LAYOUT_MARGIN;
    for (let col = 0; col < lastCol; col++) {
      const width = store.getColumnWidth(sheet.id, col);
      if (width !== DEFAULT_COLUMN_WIDTH) columnWidths.push([col, width]);
    }
    for (let row = 0; row < lastRow; row++) {
      const height = store.getRowHeight(sheet.id, row);
      if (height !== DEFAULT_ROW_HEIGHT) rowHeights.push([row, height]);
    }
    const pageLayout = store.getPageLayout(sheet.id);
    const customPage = JSON.stringify(pageLayout) !== JSON.stringify(DEFAULT_PAGE_LAYOUT);
    return {
      name: sheet.name,
      visibility: sheet.visibility,
      tabColor: sheet.tabColor,
      cells,
      formats,
      columnWidths,
      rowHeights,
      ...(customPage ? { pageLayout } : {}),
    };
  });
  const charts = store.listCharts().map((chart): SnapshotChart => ({
    ...chartProperties(chart),
    sheet: nameOf.get(chart.sheetId) ?? "",
    source: { ...gridOf(chart.source), sheet: nameOf.get(chart.source.sheetId) ?? "" },
  }));
  const active = store.getActiveSheetId();
  return {
    version: SNAPSHOT_VERSION,
    sheets,
    activeSheet: active === null ? null : (nameOf.get(active) ?? null),
    names: store.listNames().map((n) => ({ ...n })),
    settings: store.listSettings().map((s) => ({ key: s.key, value: s.value })),
    charts,
  };
}

/** Checks the outer shape of stored JSON; throws with what is wrong (the caller then starts fresh). */
export function parseSnapshot(json: unknown): WorkbookSnapshot {
  if (typeof json !== "object" || json === null) throw new Error("not an object");
  const s = json as Partial<WorkbookSnapshot>;
  if (s.version !== SNAPSHOT_VERSION) throw new Error(`unsupported version ${String(s.version)}`);
  if (!Array.isArray(s.sheets) || s.sheets.length === 0) throw new Error("no sheets");
  if (!Array.isArray(s.names) || !Array.isArray(s.settings) || !Array.isArray(s.charts)) {
    throw new Error("names, settings or charts missing");
  }
  return s as WorkbookSnapshot;
}

/** Empties the store: no sheets, names, settings or charts left (sheets are re-added by the caller). */
export function clearStore(store: CellStore): void {
  store.batch(() => {
    for (const name of store.listNames()) store.removeName(name.name);
    for (const setting of store.listSettings()) store.removeSetting(setting.key);
    for (const sheet of [...store.listSheets()]) store.removeSheet(sheet.id);
  });
}

/** Replaces the store's content with the snapshot, in one batch (one recalculation). */
export function restoreSnapshot(store: CellStore, snapshot: WorkbookSnapshot): void {
  store.batch(() => {
    clearStore(store);
    const idOf = new Map<string, string>();
    for (const sheet of snapshot.sheets) idOf.set(sheet.name, store.addSheet(sheet.name).id);
    for (const name of snapshot.names) store.addName({ ...name });
    for (const sheet of snapshot.sheets) {
      const id = idOf.get(sheet.name);
      if (id === undefined) continue;
      if (sheet.tabColor !== "") store.setTabColor(id, sheet.tabColor);
      for (const [col, width] of sheet.columnWidths) store.setColumnWidth(id, col, width);
      for (const [row, height] of sheet.rowHeights) store.setRowHeight(id, row, height);
      if (sheet.pageLayout !== undefined) store.setPageLayout(id, sheet.pageLayout);
      for (const [row, col, patch] of sheet.formats) store.setFormat(id, row, col, patch);
      for (const [row, col, content] of sheet.cells) {
        if ("f" in content) store.setFormula(id, row, col, content.f);
        else store.setValue(id, row, col, content.v);
      }
    }
    for (const { key, value } of snapshot.settings) store.setSetting(key, value);
    for (const chart of snapshot.charts) {
      const sheetId = idOf.get(chart.sheet);
      const sourceSheetId = idOf.get(chart.source.sheet);
      if (sheetId === undefined || sourceSheetId === undefined) continue;
      store.addChart({
        ...chartProperties(chart),
        sheetId,
        source: { ...gridOf(chart.source), sheetId: sourceSheetId },
      });
    }
    // Visibility last: a sheet can only be hidden while another one is visible.
    for (const sheet of snapshot.sheets) {
      const id = idOf.get(sheet.name);
      if (id !== undefined && sheet.visibility !== "Visible")
        store.setSheetVisibility(id, sheet.visibility);
    }
    const active = snapshot.activeSheet === null ? undefined : idOf.get(snapshot.activeSheet);
    const first = store.listSheets().find((s) => s.visibility === "Visible");
    const target = active ?? first?.id;
    if (target !== undefined) store.setActiveSheetId(target);
  });
}

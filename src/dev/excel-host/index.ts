/**
 * In-memory Excel host (see excelApi.ts): the Excel JavaScript API subset our add-in uses, over a
 * pluggable CellStore, with Office.js' deferred load/sync semantics and round-trip counting.
 *
 * The host's only entry point: code outside src/dev/excel-host imports from here, never from a file
 * of the host (eslint.config.mjs enforces it), so the files behind it can be split or renamed freely.
 */
export { createMemoryExcel, asExcelNamespace } from "./excelApi";
export type {
  MemoryExcel,
  MemoryExcelNamespace,
  MemoryOfficeExtensionNamespace,
  ExcelBatch,
} from "./excelApi";
export {
  coalesceChanges,
  isErrorValue,
  ERROR_VALUES,
  DEFAULT_CELL_FORMAT,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  DEFAULT_PAGE_LAYOUT,
} from "./cellStore";
export type {
  CellStore,
  CellValue,
  CellContent,
  CellFormat,
  CellFormatPatch,
  ChartPatch,
  ChartRecord,
  SeriesFill,
  FontFormat,
  JsonValue,
  NamedItemRecord,
  PageLayoutRecord,
  PageOrientationName,
  SelectionRecord,
  SheetInfo,
  SheetVisibility,
  StoreChange,
  StoreListener,
} from "./cellStore";
export { MemoryCellStore } from "./memoryCellStore";
export type { FormulaEvaluator, MemoryCellStoreOptions } from "./memoryCellStore";
export { MemoryExcelError } from "./errors";
export { MemoryFaults } from "./faults";
export type { LostResponseFault, OperationFault } from "./faults";
export type { MemoryErrorCode } from "./errors";
// The host's address parsing, with Excel's error codes; everything else A1 is src/model/a1.ts.
export { parseAddress, tryParseAddress } from "./address";
export type { GridRange, ParsedAddress } from "../../model/a1";
export { readChartData } from "./chartData";
export type { ChartData, ChartSeriesData } from "./chartData";
export {
  shiftFormula,
  renameSheetInFormula,
  invalidateSheetInFormula,
  namesInFormula,
} from "./formulaRefs";
// What the grid's input box and other CellStores share with this host: how typed text becomes a cell,
// Excel's length limits, and settings' JSON conversion.
export { interpretInput } from "./cellInput";
export { MAX_CELL_TEXT, MAX_FORMULA_LENGTH } from "./limits";
export { toJsonValue } from "./settings";
export type { MemoryExcelStats, SyncRecord } from "./runtime";
export { MemoryRequestContext } from "./requestContext";
export type { MemoryWorkbook } from "./workbook";
export type { MemoryWorksheet, MemoryWorksheetCollection } from "./worksheet";
export type { MemoryRange, MemoryRangeFormat, MemoryRangeFont, MemoryRangeFill } from "./range";
export type { MemoryRangeAreas } from "./rangeAreas";
export type { MemoryEventHandlers, MemoryEventHandlerResult } from "./events";
export type { MemoryNamedItem, MemoryNamedItemCollection } from "./names";
export type { MemorySetting, MemorySettingCollection } from "./settings";
export type { MemoryChart, MemoryChartCollection, ChartTypeName } from "./charts";
export type { MemoryPageLayout } from "./pageLayout";

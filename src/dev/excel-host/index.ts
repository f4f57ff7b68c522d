/**
 * In-memory Excel host (see excelApi.ts): the Excel JavaScript API subset our add-in uses, over a
 * pluggable CellStore, with Office.js' deferred load/sync semantics and round-trip counting.
 */
export { createMemoryExcel, asExcelNamespace } from "./excelApi";
export type {
  MemoryExcel,
  MemoryExcelNamespace,
  MemoryOfficeExtensionNamespace,
  ExcelBatch,
} from "./excelApi";
export {
  MemoryCellStore,
  isErrorValue,
  ERROR_VALUES,
  DEFAULT_CELL_FORMAT,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
} from "./cellStore";
export type {
  CellStore,
  CellValue,
  CellContent,
  CellFormat,
  CellFormatPatch,
  ChartRecord,
  FontFormat,
  FormulaEvaluator,
  JsonValue,
  MemoryCellStoreOptions,
  NamedItemRecord,
  SheetInfo,
  SheetVisibility,
  StoreChange,
  StoreListener,
} from "./cellStore";
export { MemoryExcelError } from "./errors";
export { MemoryFaults } from "./faults";
export type { LostResponseFault, OperationFault } from "./faults";
export type { MemoryErrorCode } from "./errors";
export {
  parseAddress,
  tryParseAddress,
  formatRange,
  formatSheetAddress,
  quoteSheetName,
  columnToLetters,
  lettersToColumn,
  MAX_ROWS,
  MAX_COLUMNS,
} from "./address";
export type { GridRange, ParsedAddress } from "./address";
export { readChartData } from "./chartData";
export type { ChartData, ChartSeriesData } from "./chartData";
export { shiftFormula, renameSheetInFormula, invalidateSheetInFormula } from "./formulaRefs";
export type { MemoryExcelStats, SyncRecord } from "./runtime";
export { MemoryRequestContext } from "./requestContext";
export type { MemoryWorkbook } from "./workbook";
export type { MemoryWorksheet, MemoryWorksheetCollection } from "./worksheet";
export type { MemoryRange, MemoryRangeFormat, MemoryRangeFont, MemoryRangeFill } from "./range";
export type { MemoryNamedItem, MemoryNamedItemCollection } from "./names";
export type { MemorySetting, MemorySettingCollection } from "./settings";
export type { MemoryChart, MemoryChartCollection, ChartTypeName } from "./charts";

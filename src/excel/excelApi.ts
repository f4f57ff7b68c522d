/* global Excel */
/**
 * The only part of the `Excel` namespace that src/excel needs: `Excel.run`. Every function takes it as
 * a parameter, so the add-in passes the global `Excel` and tests pass the in-memory host
 * (`asExcelNamespace(createMemoryExcel(store).Excel)`).
 *
 * Enum members (chart type, series-by) are passed as their string values ("Line", "Rows"), which
 * office.js accepts everywhere an enum is expected, so no code here needs the global namespace.
 */
export type ExcelApi = Pick<typeof Excel, "run">;

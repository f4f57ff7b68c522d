/**
 * Templates as data: what to write where, which cells are inputs and which workbook names point at them.
 * src/excel renders a TemplateSpec (any template) into a few batched range writes; RentVsBuildSpec adds
 * what the rent-vs-build sheet's refresh and tests look up by id.
 */

export type CellStyle =
  | "title"
  | "subtitle"
  | "section"
  | "header"
  | "label"
  | "input"
  | "formula"
  | "unit"
  | "source"
  | "result"
  | "verdict"
  | "note"
  | "muted";

export interface CellSpec {
  /** One cell on the template sheet, A1 style without the sheet name. */
  readonly address: string;
  readonly value?: string | number | boolean;
  /** A native Excel formula starting with "=". */
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly style: CellStyle;
}

export interface AssumptionSpec {
  /** Stable id of the assumption across library versions, e.g. "systemPricePerGpu". */
  readonly key: string;
  readonly label: string;
  /** Workbook-scoped name of the value cell, e.g. "CP_GpuCount" (plus the sheet's suffix). */
  readonly name: string;
  readonly address: string;
  readonly value: number | string;
  readonly unit: string;
  readonly source: string;
  readonly asOf: string;
  /** Where the value comes from in the library (findAssumption path), when it is a library quantity. */
  readonly libraryPath?: string;
  readonly numberFormat: string;
  /**
   * The cells that describe the value (its source, as-of date, low/high range) and what they hold for
   * this library: a refresh rewrites them with the value, so a number never sits beside another's source.
   * Addresses are on the template sheet as inserted; refresh finds them relative to the named value cell.
   */
  readonly provenance?: readonly ProvenanceCell[];
}

export interface ProvenanceCell {
  readonly role: "source" | "asOf" | "low" | "high";
  readonly address: string;
  readonly value: string | number;
}

export interface TemplateChartSpec {
  readonly title: string;
  readonly type: "Line" | "BarClustered" | "ColumnClustered" | "ColumnStacked";
  /** The data rectangle: first column (rows) or first row (columns) holding the series names, the other the categories. */
  readonly dataAddress: string;
  readonly seriesBy: "Rows" | "Columns";
  readonly anchorTopLeft: string;
  readonly anchorBottomRight: string;
  /**
   * Series (0-based, in the order Excel reads them from the data) drawn with no fill: the invisible base of a
   * stacked-column waterfall. A chart with hidden series has no legend. Absent: every series is drawn.
   */
  readonly hiddenSeries?: readonly number[];
  /** A solid fill per series ("#RRGGBB"; null = Excel's automatic color). Absent: automatic colors. */
  readonly seriesColors?: readonly (string | null)[];
}

/**
 * How a template sheet prints (Worksheet.pageLayout, ExcelApi 1.9): set where the host supports it. No paper
 * size: a sheet fitted to its pages prints on the user's default paper, A4 or Letter alike.
 */
export interface TemplatePageLayout {
  readonly orientation: "Portrait" | "Landscape";
  /** Fit the print area to this many pages across and down (Excel's "Fit to ... pages wide by ... tall"). */
  readonly fitToPagesWide: number;
  readonly fitToPagesTall: number;
  /** The range printed, A1 style on the template sheet. */
  readonly printArea: string;
  readonly centerHorizontally: boolean;
  /** Margins in points (72 per inch). */
  readonly margins: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
    readonly header: number;
    readonly footer: number;
  };
}

export interface TemplateMetadata {
  readonly libraryId: string;
  readonly libraryVersion: string;
  readonly libraryName: string;
  readonly scenarioId: string;
  readonly scenarioName: string;
  readonly horizonYears: number;
}

export interface TemplateSpec {
  readonly sheetName: string;
  /** Appended to every workbook name so a second template sheet gets its own names ("" for the first). */
  readonly nameSuffix: string;
  readonly cells: readonly CellSpec[];
  readonly assumptions: readonly AssumptionSpec[];
  readonly names: readonly { readonly name: string; readonly address: string }[];
  readonly columnWidths: readonly { readonly column: string; readonly width: number }[];
  /**
   * Number formats for rectangles the template leaves empty because a formula spills into them (one format
   * per rectangle; the spill's values take it). Absent: none.
   */
  readonly rangeFormats?: readonly { readonly address: string; readonly numberFormat: string }[];
  /** Every chart of the sheet, in the order they are added. */
  readonly charts: readonly TemplateChartSpec[];
  /** How the sheet prints (the Board memo: one landscape page); none for a working sheet. */
  readonly pageLayout?: TemplatePageLayout;
  readonly metadata: TemplateMetadata;
}

/** The rent-vs-build sheet: its charts by role, and its results by id (charts = [chart, ...riskCharts]). */
export interface RentVsBuildSpec extends TemplateSpec {
  readonly chart: TemplateChartSpec;
  /** The risk section's charts: tornado, histogram, S-curve (over cells the engine filled). */
  readonly riskCharts: readonly TemplateChartSpec[];
  /** Result id ("npvBuild", "npvRent", ...) -> workbook name of its cell. */
  readonly resultNames: Readonly<Record<string, string>>;
  /** Model v2 result id ("npvOwn", "irrBuildVsRent", ...) -> workbook name of its cell. */
  readonly routeResultNames: Readonly<Record<string, string>>;
}

/** The header cell that names the library a template sheet was built from, and its text for a library. */
export interface LibraryHeaderSpec {
  readonly address: string;
  readonly text: (meta: {
    readonly id: string;
    readonly name: string;
    readonly version: string;
  }) => string;
}

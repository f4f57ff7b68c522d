/* global Excel */
/**
 * Excel.ChartCollection, Excel.Chart and a minimal set of chart parts (title, legend, axis titles,
 * series). The chart record (type, source rectangle, title, position) lives in the CellStore;
 * series names and values are read from the source cells (chartData.ts).
 */
import { parseAddress } from "./address";
import type { CellStore, ChartRecord, ChartSeriesByName, SeriesFill } from "./cellStore";
import { normalizeColor } from "./cellInput";
import { columnLeft, readChartData, rowTop } from "./chartData";
import type { ChartData } from "./chartData";
import { MemoryExcelError, itemNotFound } from "./errors";
import {
  rangeHandle,
  requireBoolean,
  requireFiniteNumber,
  requireInteger,
  requireString,
  sheetOf,
} from "./handles";
import type { RangeHandle, SheetHandle } from "./handles";
import { MemoryRange } from "./range";
import { MemoryClientCollection, MemoryClientObject, MemoryClientResult } from "./runtime";
import type { Binding, ContextCore, Loadable } from "./runtime";
import { MemoryWorksheet } from "./worksheet";

type Readers<H> = { readonly [name: string]: (handle: H) => unknown };

/** Every Excel.ChartType value except "Invalid". */
export const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "3DColumnClustered",
  "3DColumnStacked",
  "3DColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "3DBarClustered",
  "3DBarStacked",
  "3DBarStacked100",
  "LineStacked",
  "LineStacked100",
  "LineMarkers",
  "LineMarkersStacked",
  "LineMarkersStacked100",
  "PieOfPie",
  "PieExploded",
  "3DPieExploded",
  "BarOfPie",
  "XYScatterSmooth",
  "XYScatterSmoothNoMarkers",
  "XYScatterLines",
  "XYScatterLinesNoMarkers",
  "AreaStacked",
  "AreaStacked100",
  "3DAreaStacked",
  "3DAreaStacked100",
  "DoughnutExploded",
  "RadarMarkers",
  "RadarFilled",
  "Surface",
  "SurfaceWireframe",
  "SurfaceTopView",
  "SurfaceTopViewWireframe",
  "Bubble",
  "Bubble3DEffect",
  "StockHLC",
  "StockOHLC",
  "StockVHLC",
  "StockVOHLC",
  "CylinderColClustered",
  "CylinderColStacked",
  "CylinderColStacked100",
  "CylinderBarClustered",
  "CylinderBarStacked",
  "CylinderBarStacked100",
  "CylinderCol",
  "ConeColClustered",
  "ConeColStacked",
  "ConeColStacked100",
  "ConeBarClustered",
  "ConeBarStacked",
  "ConeBarStacked100",
  "ConeCol",
  "PyramidColClustered",
  "PyramidColStacked",
  "PyramidColStacked100",
  "PyramidBarClustered",
  "PyramidBarStacked",
  "PyramidBarStacked100",
  "PyramidCol",
  "3DColumn",
  "Line",
  "3DLine",
  "3DPie",
  "Pie",
  "XYScatter",
  "3DArea",
  "Area",
  "Doughnut",
  "Radar",
  "Histogram",
  "Boxwhisker",
  "Pareto",
  "RegionMap",
  "Treemap",
  "Waterfall",
  "Sunburst",
  "Funnel",
] as const satisfies ReadonlyArray<`${Excel.ChartType}`>;

export type ChartTypeName = (typeof CHART_TYPES)[number];

// Compile-time check that CHART_TYPES lists every Excel.ChartType but "Invalid".
type MissingChartTypes = Exclude<`${Excel.ChartType}`, ChartTypeName | "Invalid">;
const chartTypesComplete: [MissingChartTypes] extends [never] ? true : MissingChartTypes = true;
void chartTypesComplete;

function requireChartType(value: unknown): ChartTypeName {
  const found = CHART_TYPES.find((t) => t === value);
  if (found === undefined)
    throw new MemoryExcelError("InvalidArgument", `Unknown chart type: ${String(value)}`);
  return found;
}

const SERIES_BY: readonly ChartSeriesByName[] = ["Auto", "Columns", "Rows"];

/** Excel's default chart size: 5 x 3 inches. */
const DEFAULT_CHART_WIDTH = 360;
const DEFAULT_CHART_HEIGHT = 216;

interface ChartHandle {
  readonly chartId: string;
}

function chartOf(store: CellStore, h: ChartHandle): ChartRecord {
  const chart = store.getChart(h.chartId);
  if (chart === undefined) throw itemNotFound("chart");
  return chart;
}

type ChartProps = "name" | "id" | "chartType" | "top" | "left" | "width" | "height";

export class MemoryChart
  extends MemoryClientObject<ChartHandle>
  implements Pick<Excel.Chart, ChartProps>
{
  constructor(
    context: ContextCore,
    binding: Binding<ChartHandle>,
    location: string,
    enqueue = true
  ) {
    super(context, "Chart", binding, location, enqueue);
  }

  protected override _validate(handle: ChartHandle): void {
    chartOf(this.store, handle);
  }

  get id(): string {
    return this._get("id");
  }

  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (h) =>
      this.store.updateChart(h.chartId, { name: requireString(value, "name") })
    );
  }

  get chartType(): ChartTypeName {
    return this._get("chartType");
  }
  set chartType(value: ChartTypeName) {
    this._set("chartType", value, (h) =>
      this.store.updateChart(h.chartId, { chartType: requireChartType(value) })
    );
  }

  get top(): number {
    return this._get("top");
  }
  set top(value: number) {
    this._set("top", value, (h) =>
      this.store.updateChart(h.chartId, { top: requireFiniteNumber(value, "top") })
    );
  }

  get left(): number {
    return this._get("left");
  }
  set left(value: number) {
    this._set("left", value, (h) =>
      this.store.updateChart(h.chartId, { left: requireFiniteNumber(value, "left") })
    );
  }

  get width(): number {
    return this._get("width");
  }
  set width(value: number) {
    this._set("width", value, (h) =>
      this.store.updateChart(h.chartId, { width: requireFiniteNumber(value, "width") })
    );
  }

  get height(): number {
    return this._get("height");
  }
  set height(value: number) {
    this._set("height", value, (h) =>
      this.store.updateChart(h.chartId, { height: requireFiniteNumber(value, "height") })
    );
  }

  protected override _readers(): Readers<ChartHandle> {
    const store = this.store;
    return {
      id: (h) => chartOf(store, h).id,
      name: (h) => chartOf(store, h).name,
      chartType: (h) => chartOf(store, h).chartType,
      top: (h) => chartOf(store, h).top,
      left: (h) => chartOf(store, h).left,
      width: (h) => chartOf(store, h).width,
      height: (h) => chartOf(store, h).height,
    };
  }

  get title(): MemoryChartTitle {
    return this._title(true);
  }
  get legend(): MemoryChartLegend {
    return this._legend(true);
  }
  get axes(): MemoryChartAxes {
    return this._axes(true);
  }
  get series(): MemoryChartSeriesCollection {
    return this._series(true);
  }
  get worksheet(): MemoryWorksheet {
    return this._worksheet(true);
  }

  private _parent = (): ChartHandle => this._requireHandle();

  private _title(q: boolean): MemoryChartTitle {
    return this._child("title", (e) => new MemoryChartTitle(this.context, this._parent, e), q);
  }
  private _legend(q: boolean): MemoryChartLegend {
    return this._child("legend", (e) => new MemoryChartLegend(this.context, this._parent, e), q);
  }
  private _axes(q: boolean): MemoryChartAxes {
    return this._child("axes", (e) => new MemoryChartAxes(this.context, this._parent, e), q);
  }
  private _series(q: boolean): MemoryChartSeriesCollection {
    return this._child(
      "series",
      (e) => new MemoryChartSeriesCollection(this.context, this._parent, e),
      q
    );
  }
  private _worksheet(q: boolean): MemoryWorksheet {
    return this._child(
      "worksheet",
      (e) =>
        new MemoryWorksheet(
          this.context,
          { resolve: () => ({ sheetId: chartOf(this.store, this._requireHandle()).sheetId }) },
          "Chart.worksheet",
          e
        ),
      q
    );
  }

  protected override _navigation(name: string): Loadable | undefined {
    switch (name) {
      case "title":
        return this._title(false);
      case "legend":
        return this._legend(false);
      case "axes":
        return this._axes(false);
      case "series":
        return this._series(false);
      case "worksheet":
        return this._worksheet(false);
      default:
        return undefined;
    }
  }

  /**
   * Moves the chart's top-left to `startCell`; with `endCell`, also sizes it to cover through the
   * end cell's bottom-right. Cells are Ranges or addresses on the chart's sheet.
   */
  setPosition(startCell: MemoryRange | string, endCell?: MemoryRange | string): void {
    this._queue("Chart.setPosition", (h) => {
      const chart = chartOf(this.store, h);
      const start = this._cell(chart, startCell);
      const top = rowTop(this.store, chart.sheetId, start.row);
      const left = columnLeft(this.store, chart.sheetId, start.col);
      if (endCell === undefined) {
        this.store.updateChart(h.chartId, { top, left });
        return;
      }
      const end = this._cell(chart, endCell);
      const bottom = rowTop(this.store, chart.sheetId, end.row + end.rowCount);
      const right = columnLeft(this.store, chart.sheetId, end.col + end.colCount);
      if (bottom <= top || right <= left) {
        throw new MemoryExcelError(
          "InvalidArgument",
          "The end cell must lie below and right of the start cell."
        );
      }
      this.store.updateChart(h.chartId, { top, left, width: right - left, height: bottom - top });
    });
  }

  private _cell(chart: ChartRecord, cell: MemoryRange | string): RangeHandle {
    if (cell instanceof MemoryRange) return cell._rangeHandle();
    const parsed = parseAddress(requireString(cell, "cell"));
    if (parsed.sheet !== null && this.store.findSheetByName(parsed.sheet)?.id !== chart.sheetId) {
      throw new MemoryExcelError(
        "InvalidArgument",
        "The position cell must be on the chart's worksheet."
      );
    }
    return rangeHandle(chart.sheetId, parsed.range);
  }

  delete(): void {
    this._queue("Chart.delete", (h) => this.store.removeChart(h.chartId));
  }
}

export class MemoryChartCollection extends MemoryClientCollection<
  SheetHandle,
  ChartHandle,
  MemoryChart
> {
  constructor(context: ContextCore, parent: () => SheetHandle, enqueue: boolean) {
    super(context, "ChartCollection", { resolve: parent }, "Worksheet.charts", enqueue);
  }

  protected override _validate(handle: SheetHandle): void {
    sheetOf(this.store, handle);
  }

  get count(): number {
    return this._get("count");
  }

  protected override _readers(): Readers<SheetHandle> {
    return { count: (h) => this.store.listCharts(h.sheetId).length };
  }

  protected override _itemHandles(h: SheetHandle): readonly ChartHandle[] {
    return this.store.listCharts(h.sheetId).map((c) => ({ chartId: c.id }));
  }

  protected override _makeItem(itemHandle: ChartHandle): MemoryChart {
    return new MemoryChart(this.context, { handle: itemHandle }, "ChartCollection.items", false);
  }

  private _chart(
    location: string,
    locate: (h: SheetHandle) => ChartHandle | null,
    orNull = false
  ): MemoryChart {
    return new MemoryChart(
      this.context,
      {
        resolve: () => {
          const found = locate(this._requireHandle());
          if (found === null && !orNull) throw itemNotFound("chart");
          return found;
        },
      },
      location
    );
  }

  /** Adds a chart of `type` over `sourceData` (seriesBy "Auto" by default), placed right of the data. */
  add(type: ChartTypeName, sourceData: MemoryRange, seriesBy?: ChartSeriesByName): MemoryChart {
    return this._chart("ChartCollection.add", (h) => {
      const chartType = requireChartType(type);
      const by = seriesBy ?? "Auto";
      if (!SERIES_BY.includes(by))
        throw new MemoryExcelError("InvalidArgument", `Unknown seriesBy: ${String(seriesBy)}`);
      if (!(sourceData instanceof MemoryRange) || sourceData.context !== this.context) {
        throw new MemoryExcelError(
          "InvalidArgument",
          "sourceData must be a Range of this request context."
        );
      }
      const source = sourceData._rangeHandle();
      const taken = new Set(this.store.listCharts(h.sheetId).map((c) => c.name));
      let n = 1;
      while (taken.has(`Chart ${n}`)) n += 1;
      const draft: Omit<ChartRecord, "id"> = {
        sheetId: h.sheetId,
        name: `Chart ${n}`,
        chartType,
        source: { ...source },
        seriesBy: by,
        title: { text: "", visible: false },
        categoryAxisTitle: "",
        valueAxisTitle: "",
        legend: { visible: true, position: "Bottom" },
        top: rowTop(this.store, h.sheetId, source.row),
        left: columnLeft(this.store, h.sheetId, source.col + source.colCount + 1),
        width: DEFAULT_CHART_WIDTH,
        height: DEFAULT_CHART_HEIGHT,
      };
      // Like Excel, a single-series chart is titled with its series name.
      const data = readChartData(this.store, { ...draft, id: "" });
      const only = data.series.length === 1 ? data.series[0] : undefined;
      const chart = this.store.addChart(
        only === undefined ? draft : { ...draft, title: { text: only.name, visible: true } }
      );
      return { chartId: chart.id };
    });
  }

  /** By chart name; ItemNotFound at sync when missing. */
  getItem(name: string): MemoryChart {
    return this._chart("ChartCollection.getItem", (h) => this._find(h, name));
  }

  getItemOrNullObject(name: string): MemoryChart {
    return this._chart("ChartCollection.getItemOrNullObject", (h) => this._find(h, name), true);
  }

  getItemAt(index: number): MemoryChart {
    return this._chart("ChartCollection.getItemAt", (h) => {
      const chart = this.store.listCharts(h.sheetId)[requireInteger(index, "index")];
      return chart === undefined ? null : { chartId: chart.id };
    });
  }

  getCount(): MemoryClientResult<number> {
    return this._queueResult(
      "ChartCollection.getCount",
      (h) => this.store.listCharts(h.sheetId).length
    );
  }

  private _find(h: SheetHandle, name: string): ChartHandle | null {
    const chart = this.store.listCharts(h.sheetId).find((c) => c.name === name);
    return chart === undefined ? null : { chartId: chart.id };
  }
}

// ------------------------------------------------------------------ chart parts

export class MemoryChartTitle
  extends MemoryClientObject<ChartHandle>
  implements Pick<Excel.ChartTitle, "text" | "visible">
{
  constructor(context: ContextCore, parent: () => ChartHandle, enqueue: boolean) {
    super(context, "ChartTitle", { resolve: parent }, "Chart.title", enqueue);
  }

  /** Setting the text also shows the title. */
  get text(): string {
    return this._get("text");
  }
  set text(value: string) {
    this._set("text", value, (h) =>
      this.store.updateChart(h.chartId, {
        title: { text: requireString(value, "text"), visible: true },
      })
    );
  }

  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._set("visible", value, (h) => {
      const { title } = chartOf(this.store, h);
      this.store.updateChart(h.chartId, {
        title: { text: title.text, visible: requireBoolean(value, "visible") },
      });
    });
  }

  protected override _readers(): Readers<ChartHandle> {
    return {
      text: (h) => chartOf(this.store, h).title.text,
      visible: (h) => chartOf(this.store, h).title.visible,
    };
  }
}

export class MemoryChartLegend
  extends MemoryClientObject<ChartHandle>
  implements Pick<Excel.ChartLegend, "visible">
{
  constructor(context: ContextCore, parent: () => ChartHandle, enqueue: boolean) {
    super(context, "ChartLegend", { resolve: parent }, "Chart.legend", enqueue);
  }

  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._set("visible", value, (h) => {
      const { legend } = chartOf(this.store, h);
      this.store.updateChart(h.chartId, {
        legend: { ...legend, visible: requireBoolean(value, "visible") },
      });
    });
  }

  /** "Top" | "Bottom" | "Left" | "Right" | "Corner" | "Custom" | "Invalid". */
  get position(): string {
    return this._get("position");
  }
  set position(value: string) {
    this._set("position", value, (h) => {
      const allowed = ["Top", "Bottom", "Left", "Right", "Corner", "Custom"];
      if (!allowed.includes(value))
        throw new MemoryExcelError("InvalidArgument", `Unknown legend position: ${value}`);
      const { legend } = chartOf(this.store, h);
      this.store.updateChart(h.chartId, { legend: { ...legend, position: value } });
    });
  }

  protected override _readers(): Readers<ChartHandle> {
    return {
      visible: (h) => chartOf(this.store, h).legend.visible,
      position: (h) => chartOf(this.store, h).legend.position,
    };
  }
}

type AxisKind = "category" | "value";

interface AxisHandle extends ChartHandle {
  readonly axis: AxisKind;
}

export class MemoryChartAxes extends MemoryClientObject<ChartHandle> {
  constructor(context: ContextCore, parent: () => ChartHandle, enqueue: boolean) {
    super(context, "ChartAxes", { resolve: parent }, "Chart.axes", enqueue);
  }

  protected override _readers(): Readers<ChartHandle> {
    return {};
  }

  get categoryAxis(): MemoryChartAxis {
    return this._axis("category", true);
  }
  get valueAxis(): MemoryChartAxis {
    return this._axis("value", true);
  }

  private _axis(axis: AxisKind, q: boolean): MemoryChartAxis {
    return this._child(
      axis,
      (e) => new MemoryChartAxis(this.context, () => ({ ...this._requireHandle(), axis }), axis, e),
      q
    );
  }

  protected override _navigation(name: string): Loadable | undefined {
    if (name === "categoryAxis") return this._axis("category", false);
    if (name === "valueAxis") return this._axis("value", false);
    return undefined;
  }
}

export class MemoryChartAxis extends MemoryClientObject<AxisHandle> {
  constructor(context: ContextCore, parent: () => AxisHandle, axis: AxisKind, enqueue: boolean) {
    super(context, "ChartAxis", { resolve: parent }, `ChartAxes.${axis}Axis`, enqueue);
  }

  protected override _readers(): Readers<AxisHandle> {
    return {};
  }

  get title(): MemoryChartAxisTitle {
    return this._title(true);
  }

  private _title(q: boolean): MemoryChartAxisTitle {
    return this._child(
      "title",
      (e) => new MemoryChartAxisTitle(this.context, () => this._requireHandle(), e),
      q
    );
  }

  protected override _navigation(name: string): Loadable | undefined {
    return name === "title" ? this._title(false) : undefined;
  }
}

export class MemoryChartAxisTitle
  extends MemoryClientObject<AxisHandle>
  implements Pick<Excel.ChartAxisTitle, "text" | "visible">
{
  constructor(context: ContextCore, parent: () => AxisHandle, enqueue: boolean) {
    super(context, "ChartAxisTitle", { resolve: parent }, "ChartAxis.title", enqueue);
  }

  private _text(h: AxisHandle): string {
    const chart = chartOf(this.store, h);
    return h.axis === "category" ? chart.categoryAxisTitle : chart.valueAxisTitle;
  }

  private _write(h: AxisHandle, text: string): void {
    this.store.updateChart(
      h.chartId,
      h.axis === "category" ? { categoryAxisTitle: text } : { valueAxisTitle: text }
    );
  }

  get text(): string {
    return this._get("text");
  }
  set text(value: string) {
    this._set("text", value, (h) => this._write(h, requireString(value, "text")));
  }

  /** Visible when it has text (this host keeps no separate flag). */
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._set("visible", value, (h) => {
      if (!requireBoolean(value, "visible")) this._write(h, "");
    });
  }

  protected override _readers(): Readers<AxisHandle> {
    return {
      text: (h) => this._text(h),
      visible: (h) => this._text(h) !== "",
    };
  }
}

interface SeriesHandle extends ChartHandle {
  readonly index: number;
}

function seriesData(store: CellStore, h: ChartHandle): ChartData {
  return readChartData(store, chartOf(store, h));
}

export class MemoryChartSeriesCollection extends MemoryClientCollection<
  ChartHandle,
  SeriesHandle,
  MemoryChartSeries
> {
  constructor(context: ContextCore, parent: () => ChartHandle, enqueue: boolean) {
    super(context, "ChartSeriesCollection", { resolve: parent }, "Chart.series", enqueue);
  }

  get count(): number {
    return this._get("count");
  }

  protected override _readers(): Readers<ChartHandle> {
    return { count: (h) => seriesData(this.store, h).series.length };
  }

  protected override _itemHandles(h: ChartHandle): readonly SeriesHandle[] {
    return seriesData(this.store, h).series.map((_, index) => ({ chartId: h.chartId, index }));
  }

  protected override _makeItem(itemHandle: SeriesHandle): MemoryChartSeries {
    return new MemoryChartSeries(
      this.context,
      { handle: itemHandle },
      "ChartSeriesCollection.items",
      false
    );
  }

  getItemAt(index: number): MemoryChartSeries {
    return new MemoryChartSeries(
      this.context,
      {
        resolve: () => {
          const h = this._requireHandle();
          const i = requireInteger(index, "index");
          if (i < 0 || i >= seriesData(this.store, h).series.length) throw itemNotFound("series");
          return { chartId: h.chartId, index: i };
        },
      },
      "ChartSeriesCollection.getItemAt"
    );
  }

  getCount(): MemoryClientResult<number> {
    return this._queueResult(
      "ChartSeriesCollection.getCount",
      (h) => seriesData(this.store, h).series.length
    );
  }
}

export class MemoryChartSeries
  extends MemoryClientObject<SeriesHandle>
  implements Pick<Excel.ChartSeries, "name">
{
  constructor(
    context: ContextCore,
    binding: Binding<SeriesHandle>,
    location: string,
    enqueue = true
  ) {
    super(context, "ChartSeries", binding, location, enqueue);
  }

  /** From the source's header cells, or "SeriesN". Read-only here. */
  get name(): string {
    return this._get("name");
  }

  protected override _readers(): Readers<SeriesHandle> {
    return { name: (h) => seriesData(this.store, h).series[h.index]?.name ?? "" };
  }

  /** ChartSeriesFormat (ExcelApi 1.1): only its fill here. */
  get format(): MemoryChartSeriesFormat {
    return this._format(true);
  }

  private _format(q: boolean): MemoryChartSeriesFormat {
    return this._child(
      "format",
      (e) => new MemoryChartSeriesFormat(this.context, () => this._requireHandle(), e),
      q
    );
  }

  protected override _navigation(name: string): Loadable | undefined {
    return name === "format" ? this._format(false) : undefined;
  }

  /** "Values" (numbers, null for blanks) or "Categories" (labels), as Excel.ChartSeriesDimension. */
  getDimensionValues(
    dimension: "Values" | "Categories"
  ): MemoryClientResult<Array<number | string | null>> {
    return this._queueResult("ChartSeries.getDimensionValues", (h) => {
      const data = seriesData(this.store, h);
      if (dimension === "Categories") return [...data.categories];
      if (dimension === "Values") return [...(data.series[h.index]?.values ?? [])];
      throw new MemoryExcelError("InvalidArgument", `Unsupported dimension: ${String(dimension)}`);
    });
  }
}

export class MemoryChartSeriesFormat extends MemoryClientObject<SeriesHandle> {
  constructor(context: ContextCore, parent: () => SeriesHandle, enqueue: boolean) {
    super(context, "ChartSeriesFormat", { resolve: parent }, "ChartSeries.format", enqueue);
  }

  protected override _readers(): Readers<SeriesHandle> {
    return {};
  }

  get fill(): MemoryChartFill {
    return this._fill(true);
  }

  private _fill(q: boolean): MemoryChartFill {
    return this._child(
      "fill",
      (e) => new MemoryChartFill(this.context, () => this._requireHandle(), e),
      q
    );
  }

  protected override _navigation(name: string): Loadable | undefined {
    return name === "fill" ? this._fill(false) : undefined;
  }
}

/**
 * Excel.ChartFill of a series (ExcelApi 1.1): clear() leaves the series with no fill (an invisible
 * waterfall base), setSolidColor a color; both are kept on the chart by series index. getSolidColor is
 * ExcelApi 1.16, above what the add-in declares: not offered, so code cannot come to rely on it.
 */
export class MemoryChartFill extends MemoryClientObject<SeriesHandle> {
  constructor(context: ContextCore, parent: () => SeriesHandle, enqueue: boolean) {
    super(context, "ChartFill", { resolve: parent }, "ChartSeriesFormat.fill", enqueue);
  }

  protected override _readers(): Readers<SeriesHandle> {
    return {};
  }

  clear(): void {
    this._queue("ChartFill.clear", (h) => this._write(h, "none"));
  }

  setSolidColor(color: string): void {
    this._queue("ChartFill.setSolidColor", (h) => {
      const text = requireString(color, "color");
      if (text === "") throw new MemoryExcelError("InvalidArgument", "The color is empty.");
      this._write(h, normalizeColor(text) as SeriesFill);
    });
  }

  private _write(h: SeriesHandle, fill: SeriesFill): void {
    const chart = chartOf(this.store, h);
    const count = seriesData(this.store, h).series.length;
    if (h.index >= count) throw itemNotFound("series");
    const fills: SeriesFill[] = Array.from(
      { length: count },
      (_, i) => chart.seriesFills?.[i] ?? "automatic"
    );
    fills[h.index] = fill;
    this.store.updateChart(h.chartId, { seriesFills: fills });
  }
}

import { readChartData } from "../../../../src/dev/excel-host";
import { failure, makeHost, must } from "../../../support/dev/excel-host/memoryHost";

const COSTS = [
  ["", "Rent", "Build"],
  ["2024", 10, 25],
  ["2025", 11, 5],
  ["2026", 12, 5],
];

describe("in-memory Excel: charts", () => {
  it("records type, source and series read from cells", async () => {
    // Given a table with headers
    const { Excel, store } = makeHost({ sheets: ["Rent vs Build"] });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Rent vs Build");
      const data = sheet.getRange("A1:C4");
      data.values = COSTS;
      const chart = sheet.charts.add(
        Excel.ChartType.columnClustered,
        data,
        Excel.ChartSeriesBy.auto
      );
      chart.title.text = "Annual cost (USD M)";
      chart.load("name, chartType, width, height");
      chart.title.load("text, visible");
      const series = chart.series.load("items/name");
      const values = chart.series
        .getItemAt(1)
        .getDimensionValues(Excel.ChartSeriesDimension.values);
      const categories = chart.series
        .getItemAt(0)
        .getDimensionValues(Excel.ChartSeriesDimension.categories);
      const count = sheet.charts.getCount();
      // When a chart is added
      await context.sync();
      // Then it records type, source and series read from cells
      expect(chart.name).toBe("Chart 1");
      expect(chart.chartType).toBe("ColumnClustered");
      expect([chart.width, chart.height]).toEqual([360, 216]);
      expect(chart.title.text).toBe("Annual cost (USD M)");
      expect(chart.title.visible).toBe(true);
      expect(series.items.map((s) => s.name)).toEqual(["Rent", "Build"]);
      expect(values.value).toEqual([25, 5, 5]);
      expect(categories.value).toEqual(["2024", "2025", "2026"]);
      expect(count.value).toBe(1);
    });
    const [record] = store.listCharts();
    expect(record).toMatchObject({
      chartType: "ColumnClustered",
      seriesBy: "Auto",
      source: { row: 0, col: 0, rowCount: 4, colCount: 3 },
    });
    expect(readChartData(store, must(record, "chart")).series.map((s) => s.values)).toEqual([
      [10, 11, 12],
      [25, 5, 5],
    ]);
  });

  it("titles a single-series chart with the series name", async () => {
    // Given a single series
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const data = sheet.getRange("A1:B3");
      data.values = [
        ["Month", "GPU-hours"],
        ["Jan", 100],
        ["Feb", 120],
      ];
      const chart = sheet.charts.add("Line", data);
      chart.title.load("text");
      // When charted
      await context.sync();
      // Then the title is the series name like Excel's
      expect(chart.title.text).toBe("GPU-hours");
    });
  });

  it("makes each row a series with seriesBy Rows", async () => {
    // Given seriesBy Rows
    const { Excel, store } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const data = sheet.getRange("A1:C4");
      data.values = COSTS;
      sheet.charts.add("Line", data, "Rows");
    });
    const [record] = store.listCharts();
    // When charted
    const chartData = readChartData(store, must(record, "chart"));
    // Then each row is a series
    expect(chartData.series.map((s) => s.name)).toEqual(["2024", "2025", "2026"]);
    expect(chartData.categories).toEqual(["Rent", "Build"]);
  });

  it("covers the cells a chart is positioned between", async () => {
    // Given a chart
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const data = sheet.getRange("A1:B3");
      data.values = [
        ["k", "v"],
        ["a", 1],
        ["b", 2],
      ];
      const chart = sheet.charts.add("Pie", data);
      chart.setPosition("E2", "J16");
      chart.load("top, left, width, height");
      // When positioned from cell to cell
      await context.sync();
      // Then its box covers those cells
      expect([chart.left, chart.top]).toEqual([4 * 48, 15]);
      expect([chart.width, chart.height]).toEqual([6 * 48, 15 * 15]);
    });
  });

  it("clears or colors a series' fill, kept by series index", async () => {
    // Given a stacked column chart of two series
    const { Excel, store } = makeHost({ sheets: ["Sheet1"] });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const data = sheet.getRange("A1:C4");
      data.values = COSTS;
      const chart = sheet.charts.add(Excel.ChartType.columnStacked, data, "Columns");
      // When the first series' fill is cleared and the second gets a color
      chart.series.getItemAt(0).format.fill.clear();
      chart.series.getItemAt(1).format.fill.setSolidColor("c00000");
      await context.sync();
    });
    // Then the chart records no fill for series 0 and the normalised color for series 1
    expect(store.listCharts()[0]?.seriesFills).toEqual(["none", "#C00000"]);
  });

  it("refuses a fill on a series the chart does not have, and a bad color", async () => {
    // Given a chart of two series
    const { Excel } = makeHost({ sheets: ["Sheet1"] });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const data = sheet.getRange("A1:C4");
      data.values = COSTS;
      const chart = sheet.charts.add(Excel.ChartType.columnStacked, data, "Columns");
      await context.sync();
      // When a third series' fill is cleared
      chart.series.getItemAt(2).format.fill.clear();
      // Then the sync fails: there is no such series
      expect((await failure(() => context.sync())).code).toBe("ItemNotFound");
      // And an unknown color is InvalidArgument
      chart.series.getItemAt(0).format.fill.setSolidColor("not a color");
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("refuses an unknown chart type", async () => {
    // Given an unknown chart type
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.charts.add("Sparkles" as Excel.ChartType, sheet.getRange("A1:B2"));
      // When added
      // Then the sync fails with InvalidArgument
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("lists, gets and deletes charts", async () => {
    // Given charts
    const { Excel, store } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const data = sheet.getRange("A1:B2");
      data.values = [
        ["a", 1],
        ["b", 2],
      ];
      sheet.charts.add("Pie", data);
      sheet.charts.add("BarClustered", data);
      const charts = sheet.charts.load("items/name, count");
      // When listed, got by name and deleted
      await context.sync();
      // Then the collection follows
      expect(charts.items.map((c) => c.name)).toEqual(["Chart 1", "Chart 2"]);
      sheet.charts.getItem("Chart 1").delete();
      const missing = sheet.charts.getItemOrNullObject("Chart 1");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
    expect(store.listCharts().map((c) => c.chartType)).toEqual(["BarClustered"]);
  });

  it("stores axis titles and legend", async () => {
    // Given axis titles and legend
    const { Excel, store } = makeHost();
    // When set
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const data = sheet.getRange("A1:C4");
      data.values = COSTS;
      const chart = sheet.charts.add("Line", data);
      chart.axes.valueAxis.title.text = "USD M";
      chart.axes.categoryAxis.title.text = "Year";
      chart.legend.position = "Right";
    });
    // Then they are stored for a renderer
    expect(store.listCharts()[0]).toMatchObject({
      valueAxisTitle: "USD M",
      categoryAxisTitle: "Year",
      legend: { visible: true, position: "Right" },
    });
  });
  it("loads chart names through a nested collection path", async () => {
    // Given charts on sheets
    const { Excel } = makeHost({ sheets: ["A", "B"] });
    await Excel.run(async (context) => {
      const a = context.workbook.worksheets.getItem("A");
      const data = a.getRange("A1:B2");
      data.values = [
        ["x", 1],
        ["y", 2],
      ];
      a.charts.add("Pie", data);
      const sheets = context.workbook.worksheets.load("items/name, items/charts/items/name");
      // When loaded through a nested collection path
      await context.sync();
      // Then every chart name arrives
      expect(sheets.items.map((s) => [s.name, s.charts.items.map((c) => c.name)])).toEqual([
        ["A", ["Chart 1"]],
        ["B", []],
      ]);
    });
  });
});

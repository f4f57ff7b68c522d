import { readChartData } from "../../../../src/dev/excel-host";
import { failure, makeHost, must } from "../../../support/dev/excel-host/memoryHost";

const COSTS = [
  ["", "Rent", "Build"],
  ["2024", 10, 25],
  ["2025", 11, 5],
  ["2026", 12, 5],
];

describe("in-memory Excel: charts", () => {
  it("Given a table with headers, When a chart is added, Then it records type, source and series read from cells", async () => {
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
      await context.sync();
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

  it("Given a single series, When charted, Then the title is the series name like Excel's", async () => {
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
      await context.sync();
      expect(chart.title.text).toBe("GPU-hours");
    });
  });

  it("Given seriesBy Rows, When charted, Then each row is a series", async () => {
    const { Excel, store } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const data = sheet.getRange("A1:C4");
      data.values = COSTS;
      sheet.charts.add("Line", data, "Rows");
    });
    const [record] = store.listCharts();
    const chartData = readChartData(store, must(record, "chart"));
    expect(chartData.series.map((s) => s.name)).toEqual(["2024", "2025", "2026"]);
    expect(chartData.categories).toEqual(["Rent", "Build"]);
  });

  it("Given a chart, When positioned from cell to cell, Then its box covers those cells", async () => {
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
      await context.sync();
      expect([chart.left, chart.top]).toEqual([4 * 48, 15]);
      expect([chart.width, chart.height]).toEqual([6 * 48, 15 * 15]);
    });
  });

  it("Given an unknown chart type, When added, Then the sync fails with InvalidArgument", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.charts.add("Sparkles" as Excel.ChartType, sheet.getRange("A1:B2"));
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("Given charts, When listed, got by name and deleted, Then the collection follows", async () => {
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
      await context.sync();
      expect(charts.items.map((c) => c.name)).toEqual(["Chart 1", "Chart 2"]);
      sheet.charts.getItem("Chart 1").delete();
      const missing = sheet.charts.getItemOrNullObject("Chart 1");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
    expect(store.listCharts().map((c) => c.chartType)).toEqual(["BarClustered"]);
  });

  it("Given axis titles and legend, When set, Then they are stored for a renderer", async () => {
    const { Excel, store } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const data = sheet.getRange("A1:C4");
      data.values = COSTS;
      const chart = sheet.charts.add("Line", data);
      chart.axes.valueAxis.title.text = "USD M";
      chart.axes.categoryAxis.title.text = "Year";
      chart.legend.position = "Right";
    });
    expect(store.listCharts()[0]).toMatchObject({
      valueAxisTitle: "USD M",
      categoryAxisTitle: "Year",
      legend: { visible: true, position: "Right" },
    });
  });
  it("Given charts on sheets, When loaded through a nested collection path, Then every chart name arrives", async () => {
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
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.charts.items.map((c) => c.name)])).toEqual([
        ["A", ["Chart 1"]],
        ["B", []],
      ]);
    });
  });
});

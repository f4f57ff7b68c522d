/** @jest-environment jsdom */
/**
 * The workbench's chart drawing for the Options comparison's waterfall: a "ColumnStacked" chart is drawn
 * as stacked columns, each series in its fill; a series whose fill was cleared keeps its place in the
 * stack (the bars above it start where it ends) but is not drawn, as Excel draws it. Other types stay lines.
 */
import type { ChartData, ChartRecord } from "../../../../src/dev/excel-host";
import { renderChart } from "../../../../src/dev/workbench/chart";

const RECORD: ChartRecord = {
  id: "c1",
  sheetId: "s1",
  name: "Chart 1",
  chartType: "ColumnStacked",
  source: { sheetId: "s1", row: 0, col: 0, rowCount: 4, colCount: 4 },
  seriesBy: "Columns",
  title: { text: "Waterfall", visible: true },
  categoryAxisTitle: "",
  valueAxisTitle: "",
  legend: { visible: false, position: "Bottom" },
  top: 0,
  left: 0,
  width: 360,
  height: 216,
};

/** Start 10, a step of +4 on a base of 10, end 14: base, total, increase. */
const DATA: ChartData = {
  categories: ["Best", "Energy", "Second"],
  series: [
    { name: "Base", values: [null, 10, null] },
    { name: "NPV", values: [10, null, 14] },
    { name: "Up", values: [null, 4, null] },
  ],
  seriesInColumns: true,
};

const rects = (svg: SVGSVGElement): SVGRectElement[] =>
  Array.from(svg.querySelectorAll<SVGRectElement>("rect[data-series]"));

describe("the workbench's stacked column chart", () => {
  it("stacks the series and leaves a cleared one out", () => {
    // Given a stacked column chart whose first series' fill is cleared and the third is red
    const chart: ChartRecord = { ...RECORD, seriesFills: ["none", "automatic", "#C00000"] };
    // When it is drawn
    const svg = renderChart(chart, DATA, { currency: true });
    // Then the base is not drawn, the totals and the step are, the step in its own color
    const drawn = rects(svg);
    expect(drawn.map((r) => r.dataset.series)).toEqual(["NPV", "NPV", "Up"]);
    expect(drawn[2]?.getAttribute("fill")).toBe("#C00000");
    // And the step sits on top of the invisible base: its bottom is where the first total's top is
    const [first, , step] = drawn;
    const bottomOf = (r: SVGRectElement | undefined): number =>
      Number(r?.getAttribute("y")) + Number(r?.getAttribute("height"));
    expect(bottomOf(step)).toBeCloseTo(Number(first?.getAttribute("y")), 0);
    // And no line is drawn
    expect(svg.querySelectorAll("polyline")).toHaveLength(0);
  });

  it("draws every series when none is cleared, and other types as lines", () => {
    // Given the same data with automatic fills
    const stacked = renderChart(RECORD, DATA, { currency: true });
    // Then the base is drawn too
    expect(rects(stacked).map((r) => r.dataset.series)).toEqual(["Base", "NPV", "NPV", "Up"]);
    // And a line chart of the same data draws polylines, no columns
    const line = renderChart({ ...RECORD, chartType: "Line" }, DATA, { currency: true });
    expect(rects(line)).toHaveLength(0);
    expect(line.querySelectorAll("polyline").length).toBeGreaterThan(0);
  });

  it("draws clustered bars as columns side by side, from zero", () => {
    // Given a clustered bar chart of two series over two routes, one NPV negative
    const data: ChartData = {
      categories: ["Rent", "Build"],
      series: [
        { name: "NPV", values: [10, -5] },
        { name: "NPV incl. delay", values: [12, null] },
      ],
      seriesInColumns: true,
    };
    const svg = renderChart({ ...RECORD, chartType: "BarClustered" }, data, { currency: true });
    // Then each number is one column (the blank none), the negative one hanging below the zero line
    const drawn = rects(svg);
    expect(drawn.map((r) => `${r.dataset.series}/${r.dataset.category}`)).toEqual([
      "NPV/Rent",
      "NPV/Build",
      "NPV incl. delay/Rent",
    ]);
    const [rent, build] = drawn;
    expect(Number(rent?.getAttribute("y")) + Number(rent?.getAttribute("height"))).toBeCloseTo(
      Number(build?.getAttribute("y")),
      0
    );
  });
});

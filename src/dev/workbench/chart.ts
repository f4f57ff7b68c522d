/* global document, SVGElementTagNameMap, SVGSVGElement */
/**
 * A chart record drawn as inline SVG: one polyline per series over the categories, value axis
 * with round ticks, title, legend. A stacked column chart ("ColumnStacked", the Options comparison's
 * waterfall) is drawn as stacked columns, each series with its fill: a series whose fill was cleared
 * (ChartFill.clear) takes its place in the stack but is not drawn, as in Excel. Clustered columns and
 * clustered bars ("ColumnClustered", "BarClustered") are drawn as clustered columns side by side per
 * category (bars stand upright here, where Excel lays them on their side). Every other chart type is
 * drawn as lines, which shows any series honestly enough for a dev workbench. All text goes through
 * textContent.
 */
import type { ChartData, ChartRecord, SeriesFill } from "../excel-host";

const SVG_NS = "http://www.w3.org/2000/svg";
/** Office's default series colors. */
const PALETTE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];
const PX_PER_PT = 4 / 3;

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  text?: string
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** 1, 2 or 5 times a power of ten, so axis labels read well. */
function niceStep(span: number, ticks: number): number {
  const raw = span / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/** Short axis labels: 1.2B, 350M, 12K. */
export function compactNumber(value: number, currency: boolean): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? "-" : "";
  const unit =
    abs >= 1e12
      ? ["T", 1e12]
      : abs >= 1e9
        ? ["B", 1e9]
        : abs >= 1e6
          ? ["M", 1e6]
          : abs >= 1e3
            ? ["K", 1e3]
            : ["", 1];
  const scaled = abs / (unit[1] as number);
  const digits = scaled >= 100 || scaled === Math.round(scaled) ? 0 : 1;
  return `${sign}${currency ? "$" : ""}${scaled.toFixed(digits)}${unit[0] as string}`;
}

export interface ChartStyle {
  /** Values are money (the source cells' number format has a "$"). */
  readonly currency: boolean;
}

export function renderChart(chart: ChartRecord, data: ChartData, style: ChartStyle): SVGSVGElement {
  const width = Math.max(160, Math.round(chart.width * PX_PER_PT));
  const height = Math.max(120, Math.round(chart.height * PX_PER_PT));
  const title = chart.title.visible && chart.title.text !== "" ? chart.title.text : chart.name;
  const svg = el("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    class: "wb-chart",
    "aria-label": `Chart: ${title}`,
  });
  svg.appendChild(el("title", {}, `${title}: ${data.series.map((s) => s.name).join(", ")}`));
  svg.appendChild(
    el("rect", {
      x: 0.5,
      y: 0.5,
      width: width - 1,
      height: height - 1,
      fill: "#FFFFFF",
      stroke: "#BFBFBF",
    })
  );

  const showLegend = chart.legend.visible && data.series.length > 0;
  const top = chart.title.visible ? 34 : 12;
  const bottom = height - (showLegend ? 48 : 28) - (chart.categoryAxisTitle !== "" ? 16 : 0);
  const left = 64;
  const right = width - 16;
  if (chart.title.visible) {
    svg.appendChild(
      el("text", { x: width / 2, y: 22, "text-anchor": "middle", class: "wb-chart-title" }, title)
    );
  }

  const stacked = chart.chartType === "ColumnStacked";
  const clustered = chart.chartType === "ColumnClustered" || chart.chartType === "BarClustered";
  const fillOf = (s: number): SeriesFill => chart.seriesFills?.[s] ?? "automatic";
  const colorOf = (s: number): string => {
    const fill = fillOf(s);
    return fill === "automatic" || fill === "none"
      ? (PALETTE[s % PALETTE.length] ?? "#4472C4")
      : fill;
  };
  // Stacked: the axis spans the stacks' totals (positives up, negatives down), as Excel scales it.
  const values = stacked
    ? Array.from({ length: Math.max(0, ...data.series.map((s) => s.values.length)) }, (_, i) => {
        const at = data.series.map((s) => s.values[i] ?? 0);
        return [
          at.reduce((a, v) => a + Math.max(0, v), 0),
          at.reduce((a, v) => a + Math.min(0, v), 0),
        ];
      }).flat()
    : data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (values.length === 0 || bottom <= top || right <= left) {
    svg.appendChild(
      el(
        "text",
        { x: width / 2, y: height / 2, "text-anchor": "middle", class: "wb-chart-empty" },
        "No data"
      )
    );
    return svg;
  }
  let min = Math.min(0, ...values);
  let max = Math.max(0, ...values);
  if (max === min) max = min + 1;
  const step = niceStep(max - min, 5);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;
  const y = (v: number): number => bottom - ((v - min) / (max - min)) * (bottom - top);
  const points = Math.max(1, ...data.series.map((s) => s.values.length));
  const slot = (right - left) / points;
  const x = (i: number): number =>
    stacked || clustered
      ? left + (i + 0.5) * slot
      : points === 1
        ? (left + right) / 2
        : left + (i / (points - 1)) * (right - left);

  const axis = el("g", { class: "wb-chart-axis" });
  for (let v = min; v <= max + step / 2; v += step) {
    axis.appendChild(
      el("line", {
        x1: left,
        x2: right,
        y1: y(v),
        y2: y(v),
        stroke: v === 0 ? "#8C8C8C" : "#E1E1E1",
      })
    );
    axis.appendChild(
      el(
        "text",
        { x: left - 6, y: y(v) + 4, "text-anchor": "end" },
        compactNumber(v, style.currency)
      )
    );
  }
  // At most ~12 category labels, evenly spread.
  const every = Math.max(1, Math.ceil(data.categories.length / 12));
  data.categories.forEach((category, i) => {
    if (i % every !== 0 && i !== data.categories.length - 1) return;
    axis.appendChild(el("text", { x: x(i), y: bottom + 16, "text-anchor": "middle" }, category));
  });
  if (chart.valueAxisTitle !== "") {
    axis.appendChild(
      el(
        "text",
        {
          x: 14,
          y: (top + bottom) / 2,
          transform: `rotate(-90 14 ${(top + bottom) / 2})`,
          "text-anchor": "middle",
        },
        chart.valueAxisTitle
      )
    );
  }
  if (chart.categoryAxisTitle !== "") {
    axis.appendChild(
      el(
        "text",
        { x: (left + right) / 2, y: bottom + 32, "text-anchor": "middle" },
        chart.categoryAxisTitle
      )
    );
  }
  svg.appendChild(axis);

  if (stacked) {
    const up = Array.from({ length: points }, () => 0);
    const down = Array.from({ length: points }, () => 0);
    data.series.forEach((series, s) => {
      series.values.forEach((v, i) => {
        if (v === null || v === 0) return;
        const from = v > 0 ? up[i] : down[i];
        const to = from + v;
        if (v > 0) up[i] = to;
        else down[i] = to;
        if (fillOf(s) === "none") return; // in the stack, not drawn
        svg.appendChild(
          el("rect", {
            x: (x(i) - slot * 0.3).toFixed(1),
            y: Math.min(y(from), y(to)).toFixed(1),
            width: (slot * 0.6).toFixed(1),
            height: Math.abs(y(to) - y(from)).toFixed(1),
            fill: colorOf(s),
            "data-series": series.name,
            "data-category": data.categories[i] ?? "",
          })
        );
      });
    });
  }

  if (clustered) {
    const n = Math.max(1, data.series.length);
    const barWidth = (slot * 0.8) / n;
    data.series.forEach((series, s) => {
      series.values.forEach((v, i) => {
        if (v === null || fillOf(s) === "none") return;
        svg.appendChild(
          el("rect", {
            x: (x(i) - slot * 0.4 + s * barWidth).toFixed(1),
            y: Math.min(y(0), y(v)).toFixed(1),
            width: barWidth.toFixed(1),
            height: Math.abs(y(v) - y(0)).toFixed(1),
            fill: colorOf(s),
            "data-series": series.name,
            "data-category": data.categories[i] ?? "",
          })
        );
      });
    });
  }

  data.series.forEach((series, s) => {
    if (stacked || clustered) return;
    const color = PALETTE[s % PALETTE.length] ?? "#4472C4";
    // A gap (empty cell) ends one polyline and starts the next, as Excel leaves gaps.
    let run: string[] = [];
    const flush = (): void => {
      if (run.length > 0) {
        svg.appendChild(
          el("polyline", {
            points: run.join(" "),
            fill: "none",
            stroke: color,
            "stroke-width": 2.25,
            "data-series": series.name,
          })
        );
      }
      run = [];
    };
    series.values.forEach((v, i) => {
      if (v === null) flush();
      else run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    });
    flush();
  });

  if (showLegend) {
    const legend = el("g", { class: "wb-chart-legend" });
    // A cleared series has no legend swatch color to show; Excel lists it with an empty swatch.
    const itemWidth = 150;
    const startX = width / 2 - (data.series.length * itemWidth) / 2;
    data.series.forEach((series, s) => {
      const lx = startX + s * itemWidth;
      const ly = height - 18;
      legend.appendChild(
        el("line", {
          x1: lx,
          x2: lx + 22,
          y1: ly - 4,
          y2: ly - 4,
          stroke: fillOf(s) === "none" ? "none" : colorOf(s),
          "stroke-width": 3,
        })
      );
      legend.appendChild(el("text", { x: lx + 28, y: ly }, series.name));
    });
    svg.appendChild(legend);
  }
  return svg;
}

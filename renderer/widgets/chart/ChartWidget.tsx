import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartOptions } from "../../../electron/common/widgets/data-options.js";
import { formatNumber } from "../../ui/format.js";
import { DataFrame } from "../data/DataFrame.js";
import { useDataWidget } from "../data/use-data-widget.js";
import { flowSlice, type WidgetProps } from "../widget-props.js";
import "./chart.css";
import { alignSeries } from "./series-data.js";
import { grainOf, pointSplits, timeLabel, type Grain } from "./time-axis.js";

const colours = ["#2fb4ff", "#2ecc71", "#f5b041", "#af7ac5", "#ff7f50", "#48c9b0"];

/** The decimals a tick step needs to be written exactly (0,25: two). */
function stepDecimals(step: number): number {
  for (let d = 0; d <= 4; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 4;
}

export default function ChartWidget({ options, width, height, language, setStatus, flow }: WidgetProps<ChartOptions>) {
  const { value, ts, status, wrongKind } = useDataWidget(options, "series", setStatus);
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const names = value?.series.map((s) => s.name).join("\u0000");
  const chartHeight = Math.max(80, height - 70);
  // Points a day, a month or a quarter apart are named so ("T12/2026"), not by a time of day.
  const grain: Grain = grainOf(value?.series[0]?.points.map((p) => p[0]) ?? []);

  // One uPlot per set of lines; it is destroyed when the lines change or the tile goes.
  useEffect(() => {
    if (!host.current || names === undefined) return;
    const seriesNames = names.split("\u0000");
    const fontPx = parseFloat(getComputedStyle(host.current).fontSize);
    const font = `${fontPx}px "Be Vietnam Pro", sans-serif`;
    const axis = { stroke: "#8fa8c4", font, grid: { stroke: "rgba(143,168,196,0.15)" }, ticks: { stroke: "rgba(143,168,196,0.3)" } };
    const u = new uPlot(
      {
        width: Math.max(100, width - 24),
        height: chartHeight,
        ms: 1,
        tzDate: (t) => uPlot.tzDate(new Date(t), "Asia/Ho_Chi_Minh"),
        legend: { show: true, live: false },
        // Room at the right for the last time label, which uPlot centres on the plot's edge
        // (half of "Quý 4/2026" for quarters and months).
        padding: [16, grain === "month" || grain === "quarter" ? Math.round(fontPx * 4) : 48, 0, 0],
        cursor: { show: false },
        series: [
          {},
          ...seriesNames.map((label, i) => ({
            label,
            stroke: colours[i % colours.length]!,
            width: 3,
            spanGaps: true,
            ...(options.area ? { fill: `${colours[i % colours.length]}33` } : {}),
            value: (_u: uPlot, v: number | null) => (v === null ? "–" : formatNumber(v, language, options.decimals)),
          })),
        ],
        axes: [
          // Time labels at least four label-widths apart (in the axis font), so they never crowd;
          // months and quarters on their points, as many as their labels' width lets fit.
          {
            ...axis,
            size: 50,
            space: fontPx * 4.5,
            ...(grain === "month" || grain === "quarter"
              ? { splits: (u: uPlot, _axis: number, min: number, max: number) => (pointSplits(u.data[0], grain, u.bbox.width / devicePixelRatio, fontPx * 7.5) ?? []).filter((t) => t >= min && t <= max) }
              : {}),
            values: (_u: uPlot, splits: number[]) => splits.map((t) => timeLabel(t, grain, language, splits.length > 1 ? splits.at(-1)! - splits[0]! : 0)),
          },
          // Values two lines apart, each with the decimals its step needs (a step of 0,25 shows 2,75, not 2,8).
          {
            ...axis,
            size: 90,
            space: fontPx * 2.2,
            values: (_u: uPlot, splits: number[], _axis: number, _space: number, step: number) => splits.map((v) => formatNumber(v, language, Math.max(options.decimals ?? 0, stepDecimals(step)))),
          },
        ],
      },
      [[]],
      host.current,
    );
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = undefined;
    };
  }, [names, width, chartHeight, language, options.area, options.decimals, grain]);

  // Over a bezel the time axis flows from part to part (each slice reaching the next one's first
  // point, so the lines meet at the bezel), on one vertical scale.
  const slice = flow?.index;
  // The parts' widths as a key, so the effect runs when they change and not on every render.
  const slices = flow ? flow.widths.join(" ") : "";
  useEffect(() => {
    if (!plot.current || !value) return;
    const [xs, ...ys] = alignSeries(value);
    if (slice === undefined) {
      plot.current.setData([xs, ...ys] as uPlot.AlignedData);
      return;
    }
    const widths = slices.split(" ").map(Number);
    const { first, rows } = flowSlice(xs, { index: slice, heights: widths, widths });
    const end = Math.min(xs.length, first + rows.length + 1);
    const all = ys.flat().filter((v): v is number => v !== null);
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = (hi - lo || 1) * 0.08;
    plot.current.setScale("y", { min: lo - pad, max: hi + pad });
    plot.current.setData([xs.slice(first, end), ...ys.map((y) => y.slice(first, end))] as uPlot.AlignedData, false);
    plot.current.setScale("x", { min: xs[first]!, max: xs[end - 1]! });
  }, [value, names, width, chartHeight, slice, slices]);

  return (
    <DataFrame status={status} ts={ts} topic={options.topic} expected="series" wrongKind={wrongKind} language={language}>
      <div className="chart">
        {value?.unit && <div className="chart-unit">{value.unit}</div>}
        <div ref={host} className="chart-host" />
      </div>
    </DataFrame>
  );
}

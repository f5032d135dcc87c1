import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartOptions } from "../../../electron/common/widgets/data-options.js";
import { formatNumber, formatTime } from "../../ui/format.js";
import { DataFrame } from "../data/DataFrame.js";
import { useDataWidget } from "../data/use-data-widget.js";
import { flowSlice, type WidgetProps } from "../widget-props.js";
import "./chart.css";
import { alignSeries } from "./series-data.js";

const colours = ["#2fb4ff", "#2ecc71", "#f5b041", "#af7ac5", "#ff7f50", "#48c9b0"];

export default function ChartWidget({ options, width, height, language, setStatus, flow }: WidgetProps<ChartOptions>) {
  const { value, ts, status, wrongKind } = useDataWidget(options, "series", setStatus);
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const names = value?.series.map((s) => s.name).join("\u0000");
  const chartHeight = Math.max(80, height - 70);

  // One uPlot per set of lines; it is destroyed when the lines change or the tile goes.
  useEffect(() => {
    if (!host.current || names === undefined) return;
    const seriesNames = names.split("\u0000");
    const font = `${getComputedStyle(host.current).fontSize} "Be Vietnam Pro", sans-serif`;
    const axis = { stroke: "#8fa8c4", font, grid: { stroke: "rgba(143,168,196,0.15)" }, ticks: { stroke: "rgba(143,168,196,0.3)" } };
    const u = new uPlot(
      {
        width: Math.max(100, width - 24),
        height: chartHeight,
        ms: 1,
        tzDate: (t) => uPlot.tzDate(new Date(t), "Asia/Ho_Chi_Minh"),
        legend: { show: true, live: false },
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
          { ...axis, size: 50, values: (_u: uPlot, splits: number[]) => splits.map((t) => formatTime(t, language, splits.length > 1 && splits.at(-1)! - splits[0]! > 2 * 86_400_000)) },
          { ...axis, size: 90, values: (_u: uPlot, splits: number[]) => splits.map((v) => formatNumber(v, language, options.decimals)) },
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
  }, [names, width, chartHeight, language, options.area, options.decimals]);

  // Over a bezel the time axis flows from part to part (each slice reaching the next one's first
  // point, so the lines meet at the bezel), on one vertical scale.
  const slice = flow?.index;
  const slices = flow ? JSON.stringify(flow.widths) : "";
  useEffect(() => {
    if (!plot.current || !value) return;
    const [xs, ...ys] = alignSeries(value);
    if (slice === undefined) {
      plot.current.setData([xs, ...ys] as uPlot.AlignedData);
      return;
    }
    const widths = JSON.parse(slices) as number[];
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

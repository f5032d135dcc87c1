import type { SeriesValue } from "../../../electron/common/feed-protocol.js";

/**
 * uPlot wants one shared x array and one y array per series; feed series may have their own
 * timestamps, so they are aligned on the union of x values with gaps (null) where a line has none.
 */
export function alignSeries(value: SeriesValue): [number[], ...Array<Array<number | null>>] {
  const xs = [...new Set(value.series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ys = value.series.map((s) => {
    const y: Array<number | null> = new Array<number | null>(xs.length).fill(null);
    for (const [x, v] of s.points) y[index.get(x)!] = v;
    return y;
  });
  return [xs, ...ys];
}

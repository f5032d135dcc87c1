import type { Language } from "../../../electron/common/localized-text.js";
import { formatTime, VN_OFFSET } from "../../ui/format.js";

const DAY = 86_400_000;

/** How far apart a chart's points are: what its time labels name. */
export type Grain = "time" | "day" | "month" | "quarter";

/** The grain of points at these times (their smallest spacing: a point a day, a month, a quarter). */
export function grainOf(xs: ArrayLike<number>): Grain {
  let step = Infinity;
  for (let i = 1; i < xs.length; i++) step = Math.min(step, xs[i]! - xs[i - 1]!);
  if (!Number.isFinite(step) || step < DAY * 0.9) return "time";
  if (step < 27 * DAY) return "day";
  if (step < 80 * DAY) return "month";
  return "quarter";
}

/** A time label for its grain, in Việt Nam's time: 14:00, 01/12, T12/2026, Quý 4/2026. */
export function timeLabel(t: number, grain: Grain, language: Language, spanMs: number): string {
  const local = new Date(t + VN_OFFSET);
  const month = local.getUTCMonth() + 1;
  const year = local.getUTCFullYear();
  const two = (n: number) => String(n).padStart(2, "0");
  switch (grain) {
    case "time":
      return formatTime(t, language, spanMs > 2 * DAY);
    case "day":
      return language === "vi" ? `${two(local.getUTCDate())}/${two(month)}` : `${two(month)}/${two(local.getUTCDate())}`;
    case "month":
      return language === "vi" ? `T${month}/${year}` : `${two(month)}/${year}`;
    case "quarter":
      return language === "vi" ? `Quý ${Math.ceil(month / 3)}/${year}` : `Q${Math.ceil(month / 3)} ${year}`;
  }
}

/**
 * Where month and quarter labels go: on the points themselves (a calendar's months are not equal
 * steps), every k-th one so that labels `labelPx` wide stay apart over `plotPx`. Finer grains
 * leave it to uPlot, whose steps are whole hours and days.
 */
export function pointSplits(xs: ArrayLike<number>, grain: Grain, plotPx: number, labelPx: number): number[] | null {
  if (grain === "time" || grain === "day" || xs.length === 0) return null;
  const every = Math.max(1, Math.ceil(labelPx / (plotPx / Math.max(1, xs.length - 1))));
  const splits: number[] = [];
  // Counted from the last point, so the latest period is always labelled.
  for (let i = xs.length - 1; i >= 0; i -= every) splits.unshift(xs[i]!);
  return splits;
}

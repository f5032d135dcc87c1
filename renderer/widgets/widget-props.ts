import type { Language } from "../../electron/common/localized-text.js";

export type TileStatus = "loading" | "ready" | "stale" | "error" | "offline";

/** What every widget component receives. It lays out at its frame's size, in display pixels. */
export interface WidgetProps<Options> {
  options: Options;
  width: number;
  height: number;
  language: Language;
  /**
   * The part of the widget's area this display shows, in the widget's pixels: a widget that
   * draws its own canvas (a map) renders only this part.
   */
  visible: { x: number; y: number; width: number; height: number };
  /**
   * A list whose tile is cut by a bezel is shown in several frames, one per part: this frame shows
   * the index-th slice of its rows, the slices sized in proportion to the frames' heights (a list)
   * or widths (a chart's time axis); see flowSlice.
   */
  flow?: { index: number; heights: number[]; widths: number[] };
  /** Widgets report their own status; the tile shows it as data-status. */
  setStatus: (status: TileStatus) => void;
}

/** The rows one frame of a flowing list shows, and the position of its first (for ranks). */
export function flowSlice<T>(rows: readonly T[], flow: WidgetProps<unknown>["flow"], by: "heights" | "widths" = "heights"): { rows: T[]; first: number } {
  if (!flow) return { rows: [...rows], first: 0 };
  const shares = flow[by];
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  const upTo = (i: number) => Math.round((rows.length * shares.slice(0, i).reduce((a, b) => a + b, 0)) / total);
  const first = upTo(flow.index);
  return { rows: rows.slice(first, upTo(flow.index + 1)), first };
}

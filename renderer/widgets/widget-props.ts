import type { Language } from "../../electron/common/localized-text.js";

export type TileStatus = "loading" | "ready" | "stale" | "error" | "offline";

/** What every widget component receives. It lays out at the whole tile's size, in display pixels. */
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
  /** Widgets report their own status; the tile shows it as data-status. */
  setStatus: (status: TileStatus) => void;
}

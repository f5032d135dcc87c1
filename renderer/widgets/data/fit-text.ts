import type { CSSProperties } from "react";

/** Be Vietnam Pro: an average letter is about this much of the font size wide. */
const LETTER_EMS = 0.56;

/**
 * The font size (px) at which a list fills its frame: `rows` rows, each `rowEms` tall, fill
 * `height`; the longest line (`chars` letters, beside `fixedEms` of rank or value and `fixedPx`
 * of padding) fits `width`; and no more than `max`. Tables, events, status lists, bars and
 * legends size their text this one way.
 */
export function fitTextSize(o: { height: number; rows: number; rowEms: number; max: number; width?: number; chars?: number; fixedEms?: number; fixedPx?: number }): number {
  const byHeight = o.height / (o.rows * o.rowEms);
  const byWidth = o.width === undefined ? Infinity : (o.width - (o.fixedPx ?? 0)) / ((o.fixedEms ?? 0) + (o.chars ?? 0) * LETTER_EMS);
  return Math.min(o.max, byHeight, byWidth);
}

/** The fitted size as a style, never under the wall's smallest type (24 px at 1080 lines). */
export function fittedTextStyle(size: number): CSSProperties {
  return { fontSize: `max(var(--type-xs), ${size}px)` };
}

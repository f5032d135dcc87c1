import { limitTone } from "../../data/tone.js";

/** RGBA colours of the overlays, matching the wall's tones (renderer/ui/base.css). */
export type Rgba = [number, number, number, number];

export const tones = {
  good: [52, 199, 120, 255],
  warn: [255, 184, 0, 255],
  bad: [255, 69, 58, 255],
  info: [64, 156, 255, 255],
  muted: [140, 150, 165, 255],
  text: [235, 240, 245, 255],
  halo: [8, 16, 26, 255],
} as const satisfies Record<string, Rgba>;

/** Citizen feedback by status: new is blue, in progress amber, resolved green, overdue red. */
export function feedbackColor(status: string | undefined): Rgba {
  switch (status) {
    case "resolved":
      return tones.good;
    case "processing":
      return tones.warn;
    case "overdue":
      return tones.bad;
    default:
      return tones.info;
  }
}

const toneColor = { ok: tones.good, warn: tones.warn, bad: tones.bad, info: tones.info, neutral: tones.muted } as const;

/** A value against a threshold: red at or above it, amber from 75% of it, else green (the wall's limitTone). */
export function thresholdColor(value: number, threshold: number): Rgba {
  return toneColor[limitTone(value, threshold)];
}

/** Choropleth: a sequential blue ramp from the lowest to the highest value shown. */
export function rampColor(value: number, min: number, max: number): Rgba {
  const t = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0.5;
  const from = [24, 54, 88];
  const to = [64, 170, 255];
  return [0, 1, 2].map((i) => Math.round(from[i]! + (to[i]! - from[i]!) * t)).concat(200) as Rgba;
}

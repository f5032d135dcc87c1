export type Tone = "ok" | "warn" | "bad" | "info" | "neutral";

/**
 * The colour of a figure: explicit thresholds first; else against the target (met: ok, within
 * 10 %: warn, further: bad); else neutral.
 */
export function toneOf(value: number, o: { thresholds?: { warn: number; bad: number } | undefined; target?: number | undefined; higherIsBetter: boolean }): Tone {
  const better = (a: number, b: number) => (o.higherIsBetter ? a >= b : a <= b);
  if (o.thresholds) {
    if (!better(value, o.thresholds.bad)) return "bad";
    if (!better(value, o.thresholds.warn)) return "warn";
    return "ok";
  }
  if (o.target !== undefined) {
    if (better(value, o.target)) return "ok";
    const gap = Math.abs(value - o.target) / Math.max(Math.abs(o.target), 1e-9);
    return gap <= 0.1 ? "warn" : "bad";
  }
  return "neutral";
}

/** A value against a limit it must stay under (salinity, a pollutant): bad at or above it, warn from 75 % of it. */
export function limitTone(value: number, limit: number): Tone {
  if (value >= limit) return "bad";
  if (value >= limit * 0.75) return "warn";
  return "ok";
}

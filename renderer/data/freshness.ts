import { defaultMaxAgeSeconds, type FeedUpdate } from "../../electron/common/feed-protocol.js";

export type Freshness = "loading" | "ready" | "stale";

/**
 * A topic is fresh while its last value is younger than its maximum age (the tile's
 * `maxAgeSeconds`, else the default for its shape) and its source has not said it failed.
 */
export function freshness(update: FeedUpdate | undefined, now: number, maxAgeSeconds?: number): Freshness {
  if (!update) return "loading";
  if (update.stale) return "stale";
  const maxAge = (maxAgeSeconds ?? defaultMaxAgeSeconds[update.value.kind]) * 1000;
  return now - update.ts > maxAge ? "stale" : "ready";
}

import type { DisplayHealth } from "../../electron/common/protocol.js";
import type { FeedConnection } from "../data/feed-connection.js";
import type { FeedStore } from "../data/feed-store.js";
import type { WallStore } from "../data/wall-store.js";
import { playerPool } from "../widgets/camera/player-pool.js";
import { webglSlots } from "../widgets/map/webgl-slots.js";

const statuses = ["loading", "ready", "stale", "error", "offline"] as const;

/** This display's health, read from the same DOM hooks tools use and from the feed store. */
export function collectHealth(wall: WallStore, feedStore: FeedStore, feed: FeedConnection): DisplayHealth {
  const tiles = Object.fromEntries(statuses.map((s) => [s, document.querySelectorAll(`[data-tile-id][data-status="${s}"]`).length])) as DisplayHealth["tiles"];
  const f = feedStore.getState();
  const revision = wall.getState().wall?.revision;
  return {
    ...(revision !== undefined ? { revision } : {}),
    tiles,
    feed: { online: f.online, topics: feed.topics().length, dropped: { ...f.dropped } },
    cameras: playerPool.stats(),
    webgl: webglSlots.stats(),
  };
}

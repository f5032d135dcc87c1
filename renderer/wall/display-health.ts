import type { DisplayHealth } from "../../electron/common/protocol.js";
import type { FeedConnection } from "../data/feed-connection.js";
import type { FeedStore } from "../data/feed-store.js";
import type { WallStore } from "../data/wall-store.js";
import { playerPool } from "../widgets/camera/player-pool.js";
import { webglSlots } from "../widgets/map/webgl-slots.js";
import { frameRate, heapMB } from "./frame-rate.js";

const statuses = ["loading", "ready", "stale", "error", "offline"] as const;

/** This display's health, read from the same DOM hooks tools use and from the feed store. */
export function collectHealth(wall: WallStore, feedStore: FeedStore, feed: FeedConnection): DisplayHealth {
  const tiles = Object.fromEntries(statuses.map((s) => [s, document.querySelectorAll(`[data-tile-id][data-status="${s}"]`).length])) as DisplayHealth["tiles"];
  const cameras = playerPool.stats();
  // A camera tile's pictures (a grid's cells are `<tileId>#<n>` in the pool): the oldest frame counts.
  const frameAge = (tileId: string): number | undefined => {
    const ages = cameras.cameras.filter((c) => c.tiles.some((t) => t === tileId || t.startsWith(`${tileId}#`))).map((c) => c.frameAgeMs ?? Infinity);
    return ages.length === 0 ? undefined : Math.max(...ages);
  };
  const tileStates = [...document.querySelectorAll<HTMLElement>("[data-tile-id][data-status]")].slice(0, 256).map((el) => {
    const status = el.dataset.status as DisplayHealth["tiles"] extends Record<infer K, number> ? K : never;
    const updatedAt = Number(el.querySelector<HTMLElement>("[data-updated-at]")?.dataset.updatedAt);
    // What the tile itself says when it is not ready: its slate or its note, in its words.
    const message = status === "ready" || status === "loading" ? "" : (el.querySelector(".tile-slate, .data-note, .slate")?.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 200);
    const age = frameAge(el.dataset.tileId ?? "");
    return {
      tileId: (el.dataset.tileId ?? "").slice(0, 64),
      widget: (el.dataset.widget ?? "").slice(0, 64),
      status,
      ...(Number.isFinite(updatedAt) && updatedAt > 0 ? { updatedAt } : {}),
      ...(message ? { message } : {}),
      ...(age !== undefined && Number.isFinite(age) ? { frameAgeMs: Math.round(age) } : {}),
    };
  });
  const f = feedStore.getState();
  const heap = heapMB();
  const revision = wall.getState().wall?.revision;
  return {
    ...(revision !== undefined ? { revision } : {}),
    tiles,
    tileStates,
    render: { fps: frameRate(), ...(heap === undefined ? {} : { heapMB: heap }) },
    feed: { online: f.online, topics: feed.topics().length, dropped: { ...f.dropped } },
    cameras,
    webgl: webglSlots.stats(),
  };
}

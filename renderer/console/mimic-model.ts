import { displayCanvasRect, tileCanvasRect } from "../../electron/common/plan.js";
import type { ConnectedDisplay, DisplayHealth, WallState } from "../../electron/common/protocol.js";

/** Displays report every 5 s: one silent for longer than this is drawn as lost. */
export const LOST_AFTER_MS = 12_000;

export type DisplayCondition = "ok" | "degraded" | "lost";
export type TileCondition = "loading" | "ready" | "stale" | "error" | "offline" | "lost";
type TileState = NonNullable<DisplayHealth["tileStates"]>[number];

/** Worst first: what a tile spanning several displays shows is the worst any of them reports. */
const severity: Record<TileCondition, number> = { lost: 5, error: 4, offline: 3, stale: 2, loading: 1, ready: 0 };

/** A display has this long to show a new state and say so before an old revision counts against it. */
export const SWITCH_GRACE_MS = 3000;

/**
 * A display as the mimic draws it: lost (no socket, or silent), degraded (a tile in trouble, or
 * still on an old revision well after the change), or ok. `revisionAt`: when the console got the
 * current revision.
 */
export function displayCondition(connected: ConnectedDisplay | undefined, revision: number | undefined, now: number, revisionAt = 0): DisplayCondition {
  const h = connected?.health;
  if (!connected || !h || now - h.at > LOST_AFTER_MS) return "lost";
  const troubled = h.tiles.error + h.tiles.offline + h.tiles.stale > 0;
  const behind = revision !== undefined && h.revision !== undefined && h.revision < revision && h.at > revisionAt + SWITCH_GRACE_MS;
  return troubled || behind ? "degraded" : "ok";
}

export interface TileView {
  condition: TileCondition;
  /** The worst report's words ("Mất tín hiệu"), when there is one. */
  message?: string;
  updatedAt?: number;
  /** Camera tiles: the oldest picture's age on any display, in ms. */
  frameAgeMs?: number;
  /** The displays that show a part of the tile, and what each says. */
  parts: Array<{ displayId: string; condition: TileCondition }>;
}

/** Every tile's condition from the displays that show it ("lost" where a display is lost). */
export function tileViews(wall: WallState, displays: ConnectedDisplay[], now: number): Map<string, TileView> {
  const byId = new Map(displays.map((d) => [d.displayId, d]));
  const views = new Map<string, TileView>();
  for (const tile of wall.layout.tiles) {
    const rect = tileCanvasRect(wall.topology, wall.layout, tile);
    const parts: TileView["parts"] = [];
    let worst: TileState | undefined;
    let frameAgeMs: number | undefined;
    let condition: TileCondition = "ready";
    for (const d of wall.topology.displays) {
      const r = displayCanvasRect(wall.topology, d.col, d.row);
      if (rect.x >= r.x + r.width || rect.x + rect.width <= r.x || rect.y >= r.y + r.height || rect.y + rect.height <= r.y) continue;
      const connected = byId.get(d.id);
      const lost = displayCondition(connected, undefined, now) === "lost";
      const state = lost ? undefined : connected?.health?.tileStates?.find((t) => t.tileId === tile.id);
      const c: TileCondition = lost ? "lost" : (state?.status ?? "loading");
      parts.push({ displayId: d.id, condition: c });
      if (state?.frameAgeMs !== undefined) frameAgeMs = Math.max(frameAgeMs ?? 0, state.frameAgeMs);
      if (severity[c] >= severity[condition]) {
        condition = c;
        if (state) worst = state;
      }
    }
    views.set(tile.id, { condition, parts, ...(worst?.message ? { message: worst.message } : {}), ...(worst?.updatedAt ? { updatedAt: worst.updatedAt } : {}), ...(frameAgeMs !== undefined ? { frameAgeMs } : {}) });
  }
  return views;
}

/** Faults an operator must see, counted: a tile on a camera slate ("Mất tín hiệu") counts as one. */
export function faultCount(views: Map<string, TileView>): number {
  let n = 0;
  for (const v of views.values()) if (v.condition === "error" || v.condition === "offline" || v.condition === "lost") n += 1;
  return n;
}

/**
 * Seamless, synchronized layout switching, the pure part. The service stamps a switch with
 * `switchAt` (its clock); each display measures its offset to that clock, mounts the new layout
 * off screen, and swaps at that instant — or, not ready by then, when ready or at a bounded wait.
 */
import type { TilePart } from "./plan.js";

/** One exchange with the service: sent at `t0`, the service's clock said `server`, answered at `t1` (local ms). */
export interface ClockSample {
  t0: number;
  server: number;
  t1: number;
}

/**
 * The service's clock minus this one (NTP-style): of several exchanges, the one with the shortest
 * round trip is the least disturbed, and the service read its clock half-way through it.
 */
export function clockOffset(samples: readonly ClockSample[]): number | undefined {
  let best: ClockSample | undefined;
  for (const s of samples) if (s.t1 >= s.t0 && (!best || s.t1 - s.t0 < best.t1 - best.t0)) best = s;
  return best ? best.server - (best.t0 + best.t1) / 2 : undefined;
}

/** A switchAt further ahead than this is a broken clock, not a plan: the display goes at once. */
export const MAX_LEAD_MS = 5000;
/** Not ready at switchAt, a display waits this much longer at most, then swaps with loading tiles. */
export const MAX_LATE_MS = 1500;

/** When to swap, on this display's clock: the service's `switchAt` corrected by the offset, never far ahead. */
export function localSwapTime(switchAt: number | undefined, localNow: number, offset: number): number {
  if (switchAt === undefined) return localNow;
  return localNow + Math.max(0, Math.min(MAX_LEAD_MS, switchAt - offset - localNow));
}

/** A wall state as far as switching goes. */
export interface Switchable {
  layoutId: string;
  revision: number;
}

/**
 * What a display shows and prepares once a state arrives: the first state, or one of the layout on
 * screen (an edit, an override, a map view, or a switch back), shows at once and drops what was
 * being prepared; another layout is prepared off screen.
 */
export function receiveState<S extends Switchable>(shown: S | undefined, pending: S | undefined, incoming: S): { shown: S | undefined; pending: S | undefined } {
  if (!shown || incoming.layoutId === shown.layoutId) {
    const same = shown && shown.revision === incoming.revision;
    return { shown: same ? shown : incoming, pending: undefined };
  }
  return { shown, pending: incoming };
}

/** A tile's status as the swap sees it; `waitingForWebgl`: a map queued for a context the shown layout holds. */
export interface PreparingTile {
  status: string;
  waitingForWebgl: boolean;
}

/**
 * Every tile prepared off screen has drawn something (ready, stale, or a slate saying why not); a
 * map that waits for a WebGL context can only get one when the old layout lets go, so it does not
 * hold the swap back.
 */
export function readyToSwap(preparing: readonly PreparingTile[]): boolean {
  return preparing.every((t) => t.status !== "loading" || t.waitingForWebgl);
}

/** A tile part of a layout with the identity of the component that draws it (a React key). */
export interface KeyedPart {
  key: string;
  layoutId: string;
  part: TilePart;
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** What a tile shows, whatever its id or place: the same widget with the same options. */
export function contentOf(part: TilePart): string {
  return `${part.widget}:${stable(part.options)}`;
}

/**
 * Gives the parts of a layout the keys of the components that already draw the same thing, so a
 * camera or a map on both sides of a switch keeps playing and drawing, moved, not rebuilt. Of the
 * `candidates` (in order of preference), a part takes first one with its id and content, then one
 * with its content, then one of the same layout with its id and widget (an edited tile); the rest
 * get fresh keys.
 */
export function carryKeys(candidates: readonly KeyedPart[], parts: readonly TilePart[], layoutId: string, freshKey: () => string): KeyedPart[] {
  const free = new Map<string, KeyedPart>();
  for (const c of candidates) if (!free.has(c.key)) free.set(c.key, c);
  const keys: Array<string | undefined> = parts.map(() => undefined);
  const pass = (same: (c: KeyedPart, p: TilePart) => boolean) => {
    parts.forEach((p, i) => {
      if (keys[i] !== undefined) return;
      for (const c of free.values()) {
        if (same(c, p)) {
          keys[i] = c.key;
          free.delete(c.key);
          return;
        }
      }
    });
  };
  pass((c, p) => c.part.tileId === p.tileId && contentOf(c.part) === contentOf(p));
  pass((c, p) => contentOf(c.part) === contentOf(p));
  pass((c, p) => c.layoutId === layoutId && c.part.tileId === p.tileId && c.part.widget === p.widget);
  return parts.map((part, i) => ({ key: keys[i] ?? freshKey(), layoutId, part }));
}

/** The components of a display: the layout on screen, and the one being prepared (all its parts). */
export interface KeyedWall {
  shown: KeyedPart[];
  pending: KeyedPart[];
}

/**
 * The keys after a change: the parts on screen carry over from what was on screen (or, at the swap,
 * from what was prepared), the prepared ones from what is on screen, then from what was prepared.
 */
export function keyWall(
  previous: KeyedWall,
  shown: { layoutId: string; parts: readonly TilePart[] },
  pending: { layoutId: string; parts: readonly TilePart[] } | undefined,
  freshKey: () => string,
): KeyedWall {
  const swapped = previous.pending[0]?.layoutId === shown.layoutId && previous.shown[0]?.layoutId !== shown.layoutId;
  const shownKeys = carryKeys(swapped ? [...previous.pending, ...previous.shown] : [...previous.shown, ...previous.pending], shown.parts, shown.layoutId, freshKey);
  const pendingKeys = pending ? carryKeys([...shownKeys, ...previous.pending], pending.parts, pending.layoutId, freshKey) : [];
  return { shown: shownKeys, pending: pendingKeys };
}

/** The prepared parts that are not already on screen: the ones mounted off screen. */
export function preparingParts(wall: KeyedWall): KeyedPart[] {
  const onScreen = new Set(wall.shown.map((p) => p.key));
  return wall.pending.filter((p) => !onScreen.has(p.key));
}

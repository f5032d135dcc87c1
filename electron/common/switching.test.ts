import { describe, expect, it } from "vitest";
import type { TilePart } from "./plan.js";
import { carryKeys, clockOffset, keyWall, localSwapTime, MAX_LEAD_MS, preparingParts, readyToSwap, receiveState } from "./switching.js";

const rect = { x: 0, y: 0, width: 100, height: 100 };
const part = (tileId: string, widget: string, options: Record<string, unknown> = {}): TilePart => ({ tileId, widget, options, tile: rect, window: rect, inTile: rect, parts: [rect] });

describe("clock offset", () => {
  it("takes the exchange with the shortest round trip, the service's clock read half-way", () => {
    // The service is 1,000 ms ahead; the second exchange was delayed on the way back.
    expect(clockOffset([{ t0: 100, server: 1110, t1: 120 }, { t0: 200, server: 1205, t1: 290 }, { t0: 300, server: 1304, t1: 308 }])).toBe(1000);
    expect(clockOffset([])).toBeUndefined();
    expect(clockOffset([{ t0: 10, server: 0, t1: 5 }])).toBeUndefined();
  });

  it("swaps at switchAt on the local clock, at once when it is past or missing, never far ahead", () => {
    // The service is 1,000 ms ahead of this display: its 5,000 is this display's 4,000.
    expect(localSwapTime(5000, 3800, 1000)).toBe(4000);
    expect(localSwapTime(5000, 4500, 1000)).toBe(4500);
    expect(localSwapTime(undefined, 4500, 1000)).toBe(4500);
    expect(localSwapTime(99_000, 0, 0)).toBe(MAX_LEAD_MS);
  });
});

describe("receiving states", () => {
  const s = (layoutId: string, revision: number) => ({ layoutId, revision });

  it("shows the first state and changes within the layout on screen at once; prepares another layout", () => {
    const a1 = s("a", 1);
    expect(receiveState(undefined, undefined, a1)).toEqual({ shown: a1, pending: undefined });
    const a2 = s("a", 2);
    expect(receiveState(a1, undefined, a2)).toEqual({ shown: a2, pending: undefined });
    const b3 = s("b", 3);
    expect(receiveState(a2, undefined, b3)).toEqual({ shown: a2, pending: b3 });
    // A newer switch replaces the one being prepared; a switch back drops it.
    const c4 = s("c", 4);
    expect(receiveState(a2, b3, c4)).toEqual({ shown: a2, pending: c4 });
    const a5 = s("a", 5);
    expect(receiveState(a2, c4, a5)).toEqual({ shown: a5, pending: undefined });
    // The same revision again (a reconnect) changes nothing on screen.
    expect(receiveState(a5, undefined, s("a", 5)).shown).toBe(a5);
  });

  it("swaps when every prepared tile drew something; a map queued for a WebGL context does not hold it back", () => {
    expect(readyToSwap([])).toBe(true);
    expect(readyToSwap([{ status: "ready", waitingForWebgl: false }, { status: "error", waitingForWebgl: false }])).toBe(true);
    expect(readyToSwap([{ status: "ready", waitingForWebgl: false }, { status: "loading", waitingForWebgl: false }])).toBe(false);
    expect(readyToSwap([{ status: "loading", waitingForWebgl: true }])).toBe(true);
  });
});

describe("carrying components across a switch", () => {
  let n = 0;
  const fresh = () => `k${++n}`;

  it("keeps a camera or a map that both layouts show, by content, whatever its tile id; the rest are new", () => {
    const shown = [
      { key: "cam", layoutId: "a", part: part("c1", "camera", { camera: "cam-01", fit: "cover" }) },
      { key: "map", layoutId: "a", part: part("m", "map", { zoom: 8 }) },
      { key: "kpi", layoutId: "a", part: part("k", "kpi", { topic: "health.beds" }) },
    ];
    const next = carryKeys(shown, [part("big", "camera", { fit: "cover", camera: "cam-01" }), part("m", "map", { zoom: 9 }), part("k", "kpi", { topic: "health.beds" })], "b", fresh);
    expect(next.map((p) => p.key)).toEqual(["cam", "k1", "kpi"]);
  });

  it("within one layout an edited tile keeps its component; a tile id never takes two", () => {
    const shown = [{ key: "map", layoutId: "a", part: part("m", "map", { zoom: 8 }) }];
    expect(carryKeys(shown, [part("m", "map", { zoom: 9 })], "a", fresh).map((p) => p.key)).toEqual(["map"]);
    const twice = carryKeys(shown, [part("m", "map", { zoom: 8 }), part("n", "map", { zoom: 8 })], "b", fresh);
    expect(twice[0]!.key).toBe("map");
    expect(twice[1]!.key).not.toBe("map");
  });

  it("prefers a candidate with the same id and content, so a prepared tile keeps its key at the swap", () => {
    const candidates = [
      { key: "old", layoutId: "a", part: part("a", "clock") },
      { key: "prepared", layoutId: "b", part: part("b", "clock") },
    ];
    expect(carryKeys(candidates, [part("b", "clock")], "b", fresh).map((p) => p.key)).toEqual(["prepared"]);
  });
});

describe("a display's components through a switch", () => {
  it("prepares only what the new layout adds, and keeps every component at the swap", () => {
    let n = 0;
    const fresh = () => `k${++n}`;
    const a = { layoutId: "a", parts: [part("cam", "camera", { camera: "c1" }), part("clock", "clock")] };
    const b = { layoutId: "b", parts: [part("big", "camera", { camera: "c1" }), part("kpi", "kpi", { topic: "t" })] };
    const first = keyWall({ shown: [], pending: [] }, a, undefined, fresh);
    const preparing = keyWall(first, a, b, fresh);
    expect(preparing.shown.map((p) => p.key)).toEqual(first.shown.map((p) => p.key));
    // The camera goes on playing in its tile; only the KPI mounts off screen.
    expect(preparingParts(preparing).map((p) => p.part.tileId)).toEqual(["kpi"]);
    expect(preparing.pending[0]!.key).toBe(first.shown[0]!.key);
    const swapped = keyWall(preparing, b, undefined, fresh);
    expect(swapped.shown.map((p) => p.key)).toEqual(preparing.pending.map((p) => p.key));
    expect(swapped.pending).toEqual([]);
  });
});

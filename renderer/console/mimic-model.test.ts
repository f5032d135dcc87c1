import { describe, expect, it } from "vitest";
import type { ConnectedDisplay, WallState } from "../../electron/common/protocol.js";
import { displayCondition, faultCount, tileViews } from "./mimic-model.js";

const topology = {
  columns: 2,
  rows: 1,
  display: { width: 1920, height: 1080 },
  bezel: { x: 24, y: 24 },
  displays: [
    { id: "D1", col: 0, row: 0 },
    { id: "D2", col: 1, row: 0 },
  ],
  canvas: { width: 3864, height: 1080 },
  webglPerDisplay: 4,
};
const wall = {
  revision: 7,
  layoutId: "l",
  layout: {
    id: "l",
    title: { vi: "L" },
    grid: { columns: 4, rows: 1 },
    tiles: [
      { id: "left", x: 0, y: 0, w: 1, h: 1, widget: "kpi", options: {} },
      { id: "wide", x: 1, y: 0, w: 2, h: 1, widget: "camera", options: { camera: "c1" } },
      { id: "right", x: 3, y: 0, w: 1, h: 1, widget: "kpi", options: {} },
    ],
  },
  topology,
  cameras: { cameras: [], groups: [] },
  mapViews: {},
  overrides: {},
} as unknown as WallState;

const tiles = { loading: 0, ready: 2, stale: 0, error: 0, offline: 0 };
const feed = { online: true, topics: 1, dropped: { malformed: 0, tooLarge: 0, unknownTopic: 0 } };
const now = 1_000_000;
const display = (id: string, tileStates: Array<{ tileId: string; status: "ready" | "offline" | "stale"; message?: string; frameAgeMs?: number }>, at = now - 1000, t = tiles): ConnectedDisplay => ({
  displayId: id,
  connections: 1,
  since: 0,
  health: { at, revision: 7, tiles: t, feed, tileStates: tileStates.map((s) => ({ widget: "kpi", ...s })) },
});

describe("the mimic's model", () => {
  it("draws a display lost when it has no socket or has not reported for a while, degraded when a tile is in trouble", () => {
    expect(displayCondition(undefined, 7, now)).toBe("lost");
    expect(displayCondition(display("D1", []), 7, now)).toBe("ok");
    expect(displayCondition(display("D1", [], now - 13_000), 7, now)).toBe("lost");
    expect(displayCondition(display("D1", [], now - 1000, { ...tiles, offline: 1 }), 7, now)).toBe("degraded");
    // A display still on an old revision is degraded only once it has had time to switch.
    expect(displayCondition(display("D1", []), 8, now, now - 2000)).toBe("ok");
    expect(displayCondition(display("D1", []), 8, now, now - 10_000)).toBe("degraded");
  });

  it("gives a spanning tile the worst state of the displays it is on, counting a camera slate as a fault", () => {
    const views = tileViews(wall, [display("D1", [{ tileId: "left", status: "ready" }, { tileId: "wide", status: "offline", message: "Mất tín hiệu", frameAgeMs: 9000 }]), display("D2", [{ tileId: "wide", status: "ready", frameAgeMs: 40 }, { tileId: "right", status: "stale" }])], now);
    expect(views.get("wide")).toMatchObject({ condition: "offline", message: "Mất tín hiệu", frameAgeMs: 9000, parts: [{ displayId: "D1", condition: "offline" }, { displayId: "D2", condition: "ready" }] });
    expect(views.get("left")!.condition).toBe("ready");
    expect(views.get("right")!.condition).toBe("stale");
    expect(faultCount(views)).toBe(1);
    const d2Lost = tileViews(wall, [display("D1", [{ tileId: "left", status: "ready" }, { tileId: "wide", status: "ready" }])], now);
    expect(d2Lost.get("right")!.condition).toBe("lost");
    expect(d2Lost.get("wide")!.condition).toBe("lost");
    expect(faultCount(d2Lost)).toBe(2);
  });
});

import { io, type Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { events, type WallState } from "../common/protocol.js";
import { silentLogger } from "./log.js";
import { tempWall, testConfig, waitFor } from "./test-support/temp-wall.js";
import { startWallService, type WallService } from "./wall-service.js";

const ADMIN = "test-admin-token-0123456789";
const METRICS = "prometheus-scrape-token-0123";
let dirs: Awaited<ReturnType<typeof tempWall>>;
let service: WallService;
const sockets: Socket[] = [];

beforeEach(async () => {
  dirs = await tempWall();
  service = await startWallService(testConfig(dirs, { adminToken: ADMIN, metricsToken: METRICS }), silentLogger);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await service.close();
  await dirs.cleanup();
});

const get = (pathname: string, token?: string) => fetch(`${service.url}${pathname}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const scrape = async () => (await get("/metrics", METRICS)).text();
/** One sample's value, by its name and labels as Prometheus writes them. */
const sample = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

function display(displayId: string) {
  const states: WallState[] = [];
  const s = io(`${service.url}/display`, { auth: { displayId }, transports: ["websocket"], reconnection: false, forceNew: true });
  sockets.push(s);
  s.on(events.state, (st: WallState) => states.push(st));
  return { s, states };
}

const health = (o: { ready: number; stale: number; malformed: number; frameAgeMs?: number }) => ({
  tiles: { loading: 0, ready: o.ready, stale: o.stale, error: 0, offline: 0 },
  feed: { online: true, topics: 6, dropped: { malformed: o.malformed, tooLarge: 0, unknownTopic: 0 } },
  cameras: {
    players: 1,
    hlsInstances: 1,
    mediaElements: 1,
    cameras: [
      { cameraId: "cam-01", url: "/streams/cam-01/720p/index.m3u8", status: "ready", frameAgeMs: o.frameAgeMs ?? 400, droppedFrames: 0, decodedFrames: 100, errors: 0, recreated: 0, tiles: ["a"] },
      // A camera no catalogue has: a display's report cannot make up series.
      { cameraId: "made-up", url: "/x.m3u8", status: "ready", frameAgeMs: 1, droppedFrames: 0, decodedFrames: 1, errors: 0, recreated: 0, tiles: ["b"] },
    ],
  },
});

describe("GET /metrics", () => {
  it("opens to the metrics token or a viewer's credential, and the metrics token opens nothing else", async () => {
    expect((await get("/metrics")).status).toBe(401);
    expect((await get("/metrics", "wrong-token-0123456789")).status).toBe(401);
    expect((await get("/metrics", ADMIN)).status).toBe(200);
    const res = await get("/metrics", METRICS);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect((await get("/api/state", METRICS)).status).toBe(401);
    // The process's own figures come with the wall's.
    const text = await res.text();
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(text).toContain("# TYPE nodejs_eventloop_lag_seconds gauge");
    // Once, however many services this process has started (each test here starts one).
    expect(text.match(/^# TYPE process_resident_memory_bytes /gm)).toHaveLength(1);
  });

  it("follows the wall: displays connected, layout switches, tiles by status, dropped messages, camera frame age", async () => {
    expect(sample(await scrape(), "ioc_wall_displays_connected")).toBe(0);
    expect(sample(await scrape(), "ioc_wall_layout_switches_total")).toBe(0);
    const d1 = display("D1");
    const d2 = display("D2");
    await waitFor(() => d1.states[0] && d2.states[0]);
    await waitFor(async () => sample(await scrape(), "ioc_wall_displays_connected") === 2);

    for (const layoutId of ["health", "economy"]) {
      await fetch(`${service.url}/api/state/layout`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` }, body: JSON.stringify({ layoutId }) });
    }
    expect(sample(await scrape(), "ioc_wall_layout_switches_total")).toBe(2);

    d1.s.emit(events.displayHealth, health({ ready: 5, stale: 1, malformed: 2, frameAgeMs: 1500 }));
    d2.s.emit(events.displayHealth, health({ ready: 3, stale: 0, malformed: 1 }));
    const text = await waitFor(async () => {
      const t = await scrape();
      return sample(t, 'ioc_wall_tiles{status="ready"}') === 8 ? t : undefined;
    });
    expect(sample(text, 'ioc_wall_tiles{status="stale"}')).toBe(1);
    expect(sample(text, 'ioc_wall_feed_dropped_total{reason="malformed"}')).toBe(3);
    // The oldest picture of cam-01 across the displays; nothing for a camera the catalogue lacks.
    expect(sample(text, 'ioc_wall_camera_frame_age_seconds{camera="cam-01"}')).toBe(1.5);
    expect(text).not.toContain("made-up");
    expect(sample(text, "ioc_wall_alarms_active")).toBe(0);
    expect(sample(text, "ioc_wall_feed_stale_topics")).toBe(0);

    // D1 reloads: its counts start again from zero, and only what is new is added.
    d1.s.emit(events.displayHealth, health({ ready: 5, stale: 1, malformed: 1 }));
    await waitFor(async () => sample(await scrape(), 'ioc_wall_feed_dropped_total{reason="malformed"}') === 4);
    d2.s.close();
    await waitFor(async () => sample(await scrape(), "ioc_wall_displays_connected") === 1);
  });
});

import fs from "node:fs/promises";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { events, type Ack, type WallChange, type WallState } from "../common/protocol.js";
import { silentLogger } from "./log.js";
import { tempWall, testConfig, waitFor } from "./test-support/temp-wall.js";
import { startWallService, type WallService } from "./wall-service.js";
import { SWITCH_LEAD_MS } from "./wall-state.js";

const TOKEN = "test-admin-token-0123456789";
let dirs: Awaited<ReturnType<typeof tempWall>>;
let service: WallService;
const sockets: Socket[] = [];

beforeEach(async () => {
  dirs = await tempWall();
  service = await startWallService(testConfig(dirs, { adminToken: TOKEN }), silentLogger);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await service.close();
  await dirs.cleanup();
});

function post(pathname: string, body: string, token?: string) {
  return fetch(`${service.url}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

function get(pathname: string, token: string | null = TOKEN) {
  return fetch(`${service.url}${pathname}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

function socket(namespace: string, auth: object): Socket {
  const s = io(`${service.url}${namespace}`, { auth, transports: ["websocket"], reconnection: false, forceNew: true });
  sockets.push(s);
  return s;
}

function displaySocket(displayId: string) {
  const states: WallState[] = [];
  const s = socket("/display", { displayId });
  s.on(events.state, (st: WallState) => states.push(st));
  return { s, states };
}

describe("REST", () => {
  it("answers health without a token", async () => {
    const res = await get("/api/health", null);
    expect(res.status).toBe(200);
    const shipped = (await fs.readdir(dirs.layoutsDir)).filter((f) => f.endsWith(".layout.json")).length;
    expect(await res.json()).toMatchObject({ status: "ok", layouts: shipped, fileErrors: 0, feed: { protocol: 1 } });
  });

  it("lists the layouts with titles and errors", async () => {
    const body = (await (await get("/api/layouts")).json()) as { active: string; layouts: Array<{ id: string; title: { vi: string } }> };
    expect(body.active).toBe("overview");
    expect(body.layouts.map((l) => l.id)).toEqual([...body.layouts.map((l) => l.id)].sort());
    expect(body.layouts.find((l) => l.id === "overview")!.title.vi).toBe("Tổng quan tỉnh Sóc Trăng");
    expect(body.layouts.find((l) => l.id === "feedback")!.title.vi).toBe("Phản ánh kiến nghị");
  });

  it("switches the layout with a valid token and bumps the revision", async () => {
    const before = (await (await get("/api/state")).json()) as { revision: number };
    const res = await post("/api/state/layout", JSON.stringify({ layoutId: "briefing" }), TOKEN);
    expect(res.status).toBe(200);
    const after = (await (await get("/api/state")).json()) as { layoutId: string; revision: number };
    expect(after.layoutId).toBe("briefing");
    expect(after.revision).toBeGreaterThan(before.revision);
  });

  it("answers 401 without a valid token, 400 for a malformed body, 404 for an unknown layout", async () => {
    expect((await post("/api/state/layout", JSON.stringify({ layoutId: "briefing" }))).status).toBe(401);
    expect((await post("/api/state/layout", JSON.stringify({ layoutId: "briefing" }), "wrong-token")).status).toBe(401);
    expect((await post("/api/state/layout", "{not json", TOKEN)).status).toBe(400);
    expect((await post("/api/state/layout", JSON.stringify({ layout: "briefing" }), TOKEN)).status).toBe(400);
    const missing = await post("/api/state/layout", JSON.stringify({ layoutId: "nowhere" }), TOKEN);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(/nowhere/);
    expect(((await (await get("/api/state")).json()) as { layoutId: string }).layoutId).toBe("overview");
  });


  it("serves display and console pages with a strict CSP", async () => {
    const res = await fetch(`${service.url}/wall/D1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(res.headers.get("content-security-policy")).not.toMatch(/unsafe/);
    expect((await fetch(`${service.url}/console`)).status).toBe(200);
  });

  it("lets pages fetch map tiles from exactly the hosts the layouts name, and workers and images only as maplibre needs", async () => {
    const csp = async () => (await fetch(`${service.url}/wall/D1`)).headers.get("content-security-policy")!;
    expect(await csp()).toMatch(/worker-src 'self' blob:;/);
    expect(await csp()).toMatch(/img-src 'self' data: blob:;/);
    expect(await csp()).not.toMatch(/tiles\.ioc\.example/);
    const layout = {
      id: "own-tiles",
      title: { vi: "Bản đồ nền riêng" },
      grid: { columns: 1, rows: 1 },
      tiles: [{ id: "map", x: 0, y: 0, w: 1, h: 1, widget: "map", options: { basemap: { type: "vector", tiles: ["https://tiles.ioc.example:8443/{z}/{x}/{y}.pbf"] } } }],
    };
    await fs.writeFile(path.join(dirs.layoutsDir, "own-tiles.layout.json"), JSON.stringify(layout));
    await waitFor(async () => /connect-src 'self'[^;]* https:\/\/tiles\.ioc\.example:8443/.test(await csp()));
  });

  it("refuses a camera catalog with an unparseable URL as an error of that entry, and serves every page", async () => {
    const file = path.join(dirs.layoutsDir, "cameras.json");
    const catalog = JSON.parse(await fs.readFile(file, "utf8"));
    catalog.cameras[1].streams[0].url = "http://vms.local:99999/live.m3u8?key=planted-secret-42";
    await fs.writeFile(file, JSON.stringify(catalog));
    const errors = await waitFor(async () => {
      const l = (await (await get("/api/layouts")).json()) as { cameras: { errors: Array<{ file: string; path: string; message: string }> } };
      return l.cameras.errors.length > 0 ? l.cameras.errors : undefined;
    });
    expect(errors).toEqual([{ file: "cameras.json", path: "$.cameras[1].streams[0].url", message: expect.stringMatching(/port \(1–65535\)/) }]);
    expect(JSON.stringify(errors)).not.toContain("planted-secret-42");
    for (const page of ["/wall/D1", "/console", "/api/state", "/api/layouts", "/api/health", "/streams/cam-01/360p/index.m3u8"]) {
      expect((await get(page)).status, page).toBeLessThan(500);
    }
    // The last good catalog stays in use, so the cameras keep playing.
    expect(service.state.current().cameras.cameras[1]!.streams[0]!.url).toMatch(/^\/streams\//);
  });

  it("serves operators' PMTiles archives by HTTP Range, and nothing outside their folder", async () => {
    await fs.mkdir(path.join(dirs.layoutsDir, "tiles"));
    await fs.writeFile(path.join(dirs.layoutsDir, "tiles", "province.pmtiles"), Buffer.from("PMTiles-0123456789"));
    const part = await fetch(`${service.url}/tiles/province.pmtiles`, { headers: { range: "bytes=0-6" } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe("PMTiles");
    // A path that climbs out of the tiles folder gets nothing.
    expect([403, 404]).toContain((await fetch(`${service.url}/tiles/%2e%2e%2fwall.json`)).status);
  });

  it("moves a map tile of the current layout, keeps the view across restarts and forgets it on a layout switch", async () => {
    expect((await post("/api/state/map-view", JSON.stringify({ tileId: "map", zoom: 12 }), TOKEN)).status).toBe(404);
    await post("/api/state/layout", JSON.stringify({ layoutId: "situation" }), TOKEN);
    // The situation map fits the province: its center is worked out for its tile on this wall.
    const home = service.state.current().layout.tiles.find((t) => t.id === "map")!.options as { center: [number, number]; zoom: number };
    expect(home.zoom).toBeGreaterThan(9);
    const center = home.center;
    const moved = await post("/api/state/map-view", JSON.stringify({ tileId: "map", zoom: 12, bearing: 30 }), TOKEN);
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ tileId: "map", view: { center, zoom: 12, bearing: 30 } });
    expect((await post("/api/state/map-view", JSON.stringify({ tileId: "map", zoom: "near" }), TOKEN)).status).toBe(400);
    expect((await post("/api/state/map-view", JSON.stringify({ tileId: "headline", zoom: 3 }), TOKEN)).status).toBe(404);
    expect((await post("/api/state/map-view", JSON.stringify({ tileId: "map", zoom: 3 }))).status).toBe(401);
    await service.close();
    service = await startWallService(testConfig(dirs, { adminToken: TOKEN }), silentLogger);
    expect(service.state.current().mapViews).toEqual({ map: { center, zoom: 12, bearing: 30 } });
    await post("/api/state/layout", JSON.stringify({ layoutId: "overview" }), TOKEN);
    await post("/api/state/layout", JSON.stringify({ layoutId: "situation" }), TOKEN);
    expect(service.state.current().mapViews).toEqual({});
  });
});

describe("sockets", () => {
  it("gives a display the current state at once and every change after", async () => {
    const d = displaySocket("D1");
    await waitFor(() => d.states[0]);
    expect(d.states[0]!.layoutId).toBe("overview");
    expect(d.states[0]!.topology.displays).toHaveLength(6);
    await post("/api/state/layout", JSON.stringify({ layoutId: "situation" }), TOKEN);
    await waitFor(() => d.states.find((s) => s.layoutId === "situation"));
  });

  it("stamps a layout switch with the instant every display shows it, and tells a display the service's clock", async () => {
    const d = displaySocket("D1");
    await waitFor(() => d.states[0]);
    const t0 = Date.now();
    const server = (await d.s.emitWithAck(events.clockPing, {})) as number;
    expect(server).toBeGreaterThanOrEqual(t0 - 5);
    expect(server).toBeLessThanOrEqual(Date.now() + 5);
    const before = Date.now();
    await post("/api/state/layout", JSON.stringify({ layoutId: "situation" }), TOKEN);
    const switched = await waitFor(() => d.states.find((s) => s.layoutId === "situation"));
    expect(switched.switchAt! - before).toBeGreaterThanOrEqual(SWITCH_LEAD_MS - 50);
    expect(switched.switchAt! - before).toBeLessThan(1000);
    // A change within the layout carries the same switchAt: it shows at once.
    await post("/api/state/map-view", JSON.stringify({ tileId: "map", zoom: 11 }), TOKEN);
    const moved = await waitFor(() => d.states.find((s) => s.layoutId === "situation" && s.mapViews.map));
    expect(moved.switchAt).toBe(switched.switchAt);
  });

  it("lists connected displays in /api/state", async () => {
    const d = displaySocket("D2");
    await waitFor(() => d.states[0]);
    const state = (await (await get("/api/state")).json()) as { displays: Array<{ displayId: string }> };
    expect(state.displays.map((x) => x.displayId)).toEqual(["D2"]);
    d.s.close();
    await waitFor(async () => ((await (await get("/api/state")).json()) as { displays: unknown[] }).displays.length === 0);
  });

  it("keeps each display's latest valid health report and counts the invalid ones", async () => {
    const d = displaySocket("D3");
    await waitFor(() => d.states[0]);
    const health = { tiles: { loading: 0, ready: 5, stale: 1, error: 0, offline: 0 }, feed: { online: true, topics: 6, dropped: { malformed: 2, tooLarge: 0, unknownTopic: 0 } } };
    d.s.emit(events.displayHealth, health);
    d.s.emit(events.displayHealth, { tiles: "all fine" });
    d.s.emit("something-else", {});
    const state = await waitFor(async () => {
      const s = (await (await get("/api/state")).json()) as { displays: Array<{ displayId: string; health?: unknown }> };
      return s.displays.find((x) => x.displayId === "D3")?.health ? s : undefined;
    });
    expect(state.displays[0]!.health).toMatchObject(health);
    await waitFor(async () => ((await (await get("/api/health", null)).json()) as { counters: { rejectedMessages: number } }).counters.rejectedMessages === 2);
  });

  it("refuses /control without a valid token", async () => {
    const s = socket("/control", { token: "nope" });
    const err = await new Promise<Error>((resolve) => s.on("connect_error", resolve));
    expect(err.message).toBe("unauthorized");
  });

  it("switches layouts from /control, validating the payload", async () => {
    const s = socket("/control", { token: TOKEN });
    await new Promise<void>((r) => s.on("connect", () => r()));
    const bad = (await s.emitWithAck(events.switchLayout, { layoutId: 42 })) as Ack;
    expect(bad).toMatchObject({ ok: false, status: 400 });
    const good = (await s.emitWithAck(events.switchLayout, { layoutId: "briefing" })) as Ack;
    expect(good).toEqual({ ok: true });
    expect(service.state.current().layoutId).toBe("briefing");
    // A console that connects afterwards is told the wall's last change, with who made it; a refused one is no change.
    expect(await s.emitWithAck(events.switchLayout, { layoutId: "no-such-layout" })).toMatchObject({ ok: false });
    const later = socket("/control", { token: TOKEN });
    const told = await new Promise<WallChange>((r) => later.once(events.change, r));
    expect(told).toMatchObject({ who: "admin", action: "layout.switch", details: { layoutId: "briefing" } });
  });

  it("warns of a topic nobody publishes, with file and path, and finds nothing to say of any shipped layout", async () => {
    type Summaries = { layouts: Array<{ id: string; inUse: boolean; warnings: Array<{ file: string; path: string; message: string }> }> };
    const shipped = (await (await get("/api/layouts")).json()) as Summaries;
    expect(shipped.layouts.flatMap((l) => l.warnings)).toEqual([]);
    const file = path.join(dirs.layoutsDir, "overview.layout.json");
    const raw = JSON.parse(await fs.readFile(file, "utf8"));
    const i = raw.tiles.findIndex((t: { options: { topic?: string } }) => t.options.topic);
    raw.tiles[i].options.topic = `${raw.tiles[i].options.topic}x`;
    await fs.writeFile(file, JSON.stringify(raw));
    const overview = await waitFor(async () => {
      const l = ((await (await get("/api/layouts")).json()) as Summaries).layouts.find((x) => x.id === "overview")!;
      return l.warnings.length > 0 ? l : undefined;
    });
    // A warning, not an error: the layout stays in use.
    expect(overview.inUse).toBe(true);
    expect(overview.warnings).toEqual([{ file: "overview.layout.json", path: `$.tiles[${i}].options.topic`, message: expect.stringContaining(`"${raw.tiles[i].options.topic}"`) }]);
  });

  it("pushes a live layout edit to displays, and never a broken one", async () => {
    const d = displaySocket("D1");
    await waitFor(() => d.states[0]);
    const file = path.join(dirs.layoutsDir, "overview.layout.json");
    const raw = JSON.parse(await fs.readFile(file, "utf8"));
    await fs.writeFile(file, JSON.stringify({ ...raw, tiles: [...raw.tiles, raw.tiles[0]] }));
    await waitFor(async () => {
      const l = (await (await get("/api/layouts")).json()) as { layouts: Array<{ id: string; errors: unknown[] }> };
      return l.layouts.find((x) => x.id === "overview")!.errors.length > 0;
    });
    expect(d.states).toHaveLength(1);
    raw.title.vi = "Tổng quan (sửa)";
    await fs.writeFile(file, JSON.stringify(raw));
    const edited = await waitFor(() => d.states.find((s) => s.layout.title.vi === "Tổng quan (sửa)"));
    expect(edited.revision).toBeGreaterThan(d.states[0]!.revision);
  });
});

describe("display token", () => {
  it("when WALL_DISPLAY_TOKEN is set, admits only displays that present it", async () => {
    await service.close();
    service = await startWallService(testConfig(dirs, { adminToken: TOKEN, displayToken: "display-token-0123456789" }), silentLogger);
    const refused = socket("/display", { displayId: "D1" });
    expect((await new Promise<Error>((r) => refused.on("connect_error", r))).message).toBe("unauthorized");
    const withToken = socket("/display", { displayId: "D1", token: "display-token-0123456789" });
    const states: WallState[] = [];
    withToken.on(events.state, (s: WallState) => states.push(s));
    await waitFor(() => states[0]);
    // The display token may watch /control but not command.
    const control = socket("/control", { token: "display-token-0123456789" });
    await new Promise<void>((r) => control.on("connect", () => r()));
    expect(await control.emitWithAck(events.switchLayout, { layoutId: "briefing" })).toMatchObject({ ok: false, status: 403 });
    expect((await post("/api/state/layout", JSON.stringify({ layoutId: "briefing" }), "display-token-0123456789")).status).toBe(403);
  });
});

describe("persistence", () => {
  it("remembers the active layout across restarts", async () => {
    await post("/api/state/layout", JSON.stringify({ layoutId: "situation" }), TOKEN);
    await service.close();
    service = await startWallService(testConfig(dirs, { adminToken: TOKEN }), silentLogger);
    expect(service.state.current().layoutId).toBe("situation");
  });

  it("generates an admin token once, stores it privately and keeps it across restarts", async () => {
    await service.close();
    const config = testConfig(dirs);
    service = await startWallService(config, silentLogger);
    const token = service.auth.generatedAdminToken!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    const stat = await fs.stat(service.auth.adminTokenFile!);
    expect(stat.mode & 0o077).toBe(0);
    await service.close();
    service = await startWallService(config, silentLogger);
    expect(service.auth.generatedAdminToken).toBeUndefined();
    expect((await post("/api/state/layout", JSON.stringify({ layoutId: "briefing" }), token)).status).toBe(200);
  });
});

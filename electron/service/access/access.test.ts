import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { io, type Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { events, type Ack, type WallState } from "../../common/protocol.js";
import type { ServiceConfig } from "../config.js";
import type { Logger } from "../log.js";
import { silentLogger } from "../log.js";
import { tempWall, testConfig, waitFor } from "../test-support/temp-wall.js";
import { startWallService, type WallService } from "../wall-service.js";
import { displayCredential } from "./display-credential.js";
import { socketDoor } from "./doors.js";
import { TokenAuth } from "./tokens.js";
import { newCounters } from "../service-counters.js";

const ADMIN = "access-admin-token-0123456789abcdef";
const DISPLAY = "access-display-token-0123456789abcdef";
let dirs: Awaited<ReturnType<typeof tempWall>>;
let service: WallService | undefined;
const sockets: Socket[] = [];

beforeEach(async () => {
  dirs = await tempWall();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await service?.close();
  service = undefined;
  await dirs.cleanup();
});

async function start(extra: Partial<ServiceConfig> = {}, log: Logger = silentLogger): Promise<WallService> {
  service = await startWallService(testConfig(dirs, { adminToken: ADMIN, ...extra }), log);
  return service;
}

/** A raw request, so that Host and Origin can be anything a hostile client sends. */
function request(pathname: string, headers: Record<string, string> = {}, method = "GET", body?: string): Promise<{ status: number; text: string }> {
  const url = new URL(service!.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: pathname, method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode!, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

function socket(namespace: string, auth: object, extraHeaders: Record<string, string> = {}, base = service!.url, ca?: string): Socket {
  const s = io(`${base}${namespace}`, { auth, transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders, ...(ca ? { ca } : {}) });
  sockets.push(s);
  return s;
}

function outcome(s: Socket): Promise<"connected" | Error> {
  return new Promise((resolve) => {
    s.once("connect", () => resolve("connected"));
    s.once("connect_error", (e) => resolve(e));
  });
}

const health = async () => JSON.parse((await request("/api/health")).text) as { counters: { authFailures: number; refused: { host: number; origin: number }; limited: Record<string, number> } };

describe("reads need a credential", () => {
  it("answers every /api read 401 without one, 200 with the display credential, and health to anyone", async () => {
    await start({ displayToken: DISPLAY });
    for (const p of ["/api/state", "/api/layouts", "/api/wall", "/api/simulator"]) {
      const refused = await request(p);
      expect(refused.status, p).toBe(401);
      expect(JSON.parse(refused.text).error).toMatch(/missing token/);
      expect((await request(p, { authorization: `Bearer ${DISPLAY}` })).status, p).toBe(200);
    }
    expect((await request("/api/health")).status).toBe(200);
    // The display credential watches; it never commands.
    expect((await request("/api/state/layout", { authorization: `Bearer ${DISPLAY}`, "content-type": "application/json" }, "POST", '{"layoutId":"briefing"}')).status).toBe(403);
  });

  it("admits displays and feeds on this machine without a credential only while none is configured", async () => {
    await start();
    expect(await outcome(socket("/display", { displayId: "D1" }))).toBe("connected");
    expect(await outcome(socket("/feed", {}))).toBe("connected");
    expect(((await outcome(socket("/feed", {}, { "x-forwarded-for": "10.20.30.40" }))) as Error).message).toBe("unauthorized");
    // Commanding always needs a credential.
    expect(((await outcome(socket("/control", {}))) as Error).message).toBe("unauthorized");
    // A client that is not on this machine needs one even then.
    const door = socketDoor({ auth: await TokenAuth.open(dirs.stateDir, ADMIN), counters: newCounters(), admitLocalDisplays: true });
    expect(door.watch(undefined, { address: "10.20.30.40", headers: {} })).toMatchObject({ status: 401 });
    expect(door.watch(undefined, { address: "::ffff:127.0.0.1", headers: {} })).toMatchObject({ role: "viewer" });
    // Behind a reverse proxy every client comes from loopback: the proxy's headers say it is not local.
    expect(door.watch(undefined, { address: "127.0.0.1", headers: { "x-forwarded-for": "10.20.30.40" } })).toMatchObject({ status: 401 });
    expect(door.watch(undefined, { address: "127.0.0.1", headers: { forwarded: "for=10.20.30.40" } })).toMatchObject({ status: 401 });
  });

  it("generates a display credential once for a service other machines can reach, and keeps it", async () => {
    const first = await displayCredential({ host: "0.0.0.0", stateDir: dirs.stateDir });
    expect(first.generated).toBe(true);
    expect(first.token!.length).toBeGreaterThanOrEqual(32);
    expect((await fs.stat(path.join(dirs.stateDir, "display-token"))).mode & 0o077).toBe(0);
    expect(await displayCredential({ host: "0.0.0.0", stateDir: dirs.stateDir })).toEqual({ token: first.token, generated: false });
    expect(await displayCredential({ host: "127.0.0.1", stateDir: dirs.stateDir })).toEqual({ token: undefined, generated: false });
    expect(await displayCredential({ host: "10.0.0.5", stateDir: dirs.stateDir, displayToken: DISPLAY })).toEqual({ token: DISPLAY, generated: false });
  });
});

describe("Host and Origin", () => {
  it("refuses a foreign Host on pages, the API and socket handshakes, with a clear 421, counted", async () => {
    await start();
    for (const p of ["/wall/D1", "/console", "/api/health", "/streams/cam-01/360p/index.m3u8"]) {
      const r = await request(p, { host: "attacker.example" });
      expect(r.status, p).toBe(421);
      expect(JSON.parse(r.text).error).toMatch(/WALL_ALLOWED_HOSTS/);
    }
    expect(await outcome(socket("/display", { displayId: "D1" }, { host: "attacker.example" }))).toBeInstanceOf(Error);
    expect((await health()).counters.refused.host).toBe(5);
    expect((await request("/wall/D1", { host: `localhost:${service!.port}` })).status).toBe(200);
  });

  it("answers a name in WALL_ALLOWED_HOSTS", async () => {
    await start({ allowedHosts: ["wall.ioc.local", ".displays.ioc.local"] });
    expect((await request("/wall/D1", { host: "wall.ioc.local:8080" })).status).toBe(200);
    expect((await request("/wall/D1", { host: "d1.displays.ioc.local" })).status).toBe(200);
    expect((await request("/wall/D1", { host: "wall.ioc.local.attacker.example" })).status).toBe(421);
  });

  it("refuses sockets and API calls from pages of another origin, and admits the service's own and the allowed ones", async () => {
    await start({ allowedOrigins: ["https://console.ioc.local"] });
    const own = service!.url;
    for (const ns of ["/display", "/feed", "/control"]) {
      const refused = await outcome(socket(ns, { displayId: "D1", token: ADMIN }, { origin: "http://evil.example" }));
      expect(refused, ns).toBeInstanceOf(Error);
    }
    expect(await outcome(socket("/display", { displayId: "D1" }, { origin: own }))).toBe("connected");
    expect(await outcome(socket("/control", { token: ADMIN }, { origin: "https://console.ioc.local" }))).toBe("connected");
    const api = await request("/api/state", { origin: "http://evil.example", authorization: `Bearer ${ADMIN}` });
    expect(api.status).toBe(403);
    expect(JSON.parse(api.text).error).toMatch(/WALL_ALLOWED_ORIGINS/);
    expect((await health()).counters.refused.origin).toBe(4);
  });
});

describe("no self-lockout", () => {
  it("refuses 50 wrong tokens, counts them, and admits the right one from the same address at once", async () => {
    await start({ displayToken: DISPLAY });
    for (let i = 0; i < 50; i++) {
      expect((await request("/api/state", { authorization: `Bearer wrong-${i}` })).status).toBe(401);
    }
    for (let i = 0; i < 5; i++) expect(((await outcome(socket("/display", { displayId: "D1", token: `wrong-${i}` }))) as Error).message).toBe("unauthorized");
    expect((await request("/api/state", { authorization: `Bearer ${ADMIN}` })).status).toBe(200);
    expect(await outcome(socket("/display", { displayId: "D1", token: DISPLAY }))).toBe("connected");
    expect(await outcome(socket("/control", { token: ADMIN }))).toBe("connected");
    expect((await health()).counters.authFailures).toBe(55);
  });
});

describe("limits", () => {
  const gc = () => {
    v8.setFlagsFromString("--expose-gc");
    (vm.runInNewContext("gc") as () => void)();
  };

  it("survives 100k topic subscriptions and 1,000 health reports in a fixed heap, other displays updating", async () => {
    await start({ simulator: { seed: 3, rate: 200 } });
    const watcher = socket("/feed", {});
    await outcome(watcher);
    let updates = 0;
    watcher.on("update", () => (updates += 1));
    await watcher.emitWithAck("subscribe", { topics: ["health.beds.occupancy_rate", "admin.dossiers.ontime_rate"] });
    const other = socket("/display", { displayId: "D2" });
    const states: WallState[] = [];
    other.on(events.state, (st: WallState) => states.push(st));
    const consoleSocket = socket("/control", { token: ADMIN });
    let displayLists = 0;
    consoleSocket.on(events.displays, () => (displayLists += 1));
    await outcome(consoleSocket);
    await waitFor(() => states[0]);
    await new Promise((r) => setTimeout(r, 300));
    gc();
    const before = process.memoryUsage().heapUsed;

    const flood = socket("/feed", {});
    await outcome(flood);
    const answers: unknown[] = [];
    for (let m = 0; m < 1000; m++) {
      const topics = Array.from({ length: 100 }, (_, i) => `flood.t${m}_${i}`);
      flood.emit("subscribe", { topics }, (a: unknown) => answers.push(a));
    }
    const reporter = socket("/display", { displayId: "D3" });
    await outcome(reporter);
    const report = { tiles: { loading: 0, ready: 1, stale: 0, error: 0, offline: 0 }, feed: { online: true, topics: 1, dropped: { malformed: 0, tooLarge: 0, unknownTopic: 0 } } };
    displayLists = 0;
    for (let i = 0; i < 1000; i++) reporter.emit(events.displayHealth, report);
    await waitFor(() => answers.length === 1000, 20_000);
    await new Promise((r) => setTimeout(r, 500));

    const refused = answers.filter((a) => !Array.isArray(a)) as Array<{ error: string }>;
    expect(answers.length - refused.length).toBeLessThanOrEqual(5);
    expect(refused.some((a) => /too many topics/.test(a.error))).toBe(true);
    expect(refused.some((a) => /too many subscribe messages/.test(a.error))).toBe(true);
    const counters = (await health()).counters;
    expect((counters.limited.topics ?? 0) + (counters.limited.subscriptions ?? 0)).toBeGreaterThanOrEqual(995);
    expect(counters.limited.healthReports).toBeGreaterThanOrEqual(990);
    // Consoles get the display list at most once a second, not once a report.
    expect(displayLists).toBeLessThanOrEqual(3);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(grown).toBeLessThan(16 * 1024 * 1024);
    // The others go on: feed updates still flow, and a switch reaches the other display.
    const seen = updates;
    await waitFor(() => updates > seen);
    await fetch(`${service!.url}/api/state/layout`, { method: "POST", headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" }, body: '{"layoutId":"briefing"}' });
    await waitFor(() => states.find((s) => s.layoutId === "briefing"));
  }, 30_000);

  it("caps sockets per address, counted, and admits again when one closes", async () => {
    await start({ limits: { socketsPerAddress: 3 } });
    const open = [socket("/display", { displayId: "D1" }), socket("/display", { displayId: "D2" }), socket("/display", { displayId: "D3" })];
    for (const s of open) expect(await outcome(s)).toBe("connected");
    expect(await outcome(socket("/display", { displayId: "D4" }))).toBeInstanceOf(Error);
    expect((await health()).counters.limited.socketsPerAddress).toBe(1);
    open[0]!.close();
    await waitFor(async () => (await outcome(socket("/display", { displayId: "D4" }))) === "connected");
  });

  it("refuses a body over the limit with 413 and a clear error, before any command runs", async () => {
    await start();
    const big = JSON.stringify({ layoutId: "briefing", pad: "x".repeat(100_000) });
    const r = await request("/api/state/layout", { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" }, "POST", big);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text).error).toMatch(/at most 64 KiB/);
    expect((await health()).counters.limited.bodySize).toBe(1);
    expect(service!.state.current().layoutId).toBe("overview");
  });

  it("closes a socket that sends a message over the limit, and counts it", async () => {
    await start();
    const s = socket("/feed", {});
    await outcome(s);
    const closed = new Promise<string>((r) => s.once("disconnect", r));
    s.emit("subscribe", { topics: ["a.b"], pad: "x".repeat(100_000) });
    expect(await closed).toBe("transport close");
    await waitFor(async () => (await health()).counters.limited.messageSize === 1);
  });
});

describe("secrets", () => {
  it("keeps every planted secret out of /api/health, error bodies and log lines", async () => {
    const planted = ["planted-feed-pass", "planted-feed-key", "planted-feed-token", "planted-source-secret", "planted-source-key", ADMIN, DISPLAY];
    await fs.writeFile(
      path.join(dirs.layoutsDir, "sources.json"),
      JSON.stringify({ sources: [{ id: "s1", url: "http://127.0.0.1:9/x?apikey=planted-source-key", headers: { authorization: "Bearer planted-source-secret" }, intervalSeconds: 1, topics: [{ topic: "x.y", kind: "number", pointer: "/v" }] }] }),
    );
    // A stream address with a password that cannot be parsed: its file error must not quote it.
    const catalog = JSON.parse(await fs.readFile(path.join(dirs.layoutsDir, "cameras.json"), "utf8"));
    catalog.cameras[0].streams[0].url = `http://u:${ADMIN}@vms.local:99999/x`;
    await fs.writeFile(path.join(dirs.layoutsDir, "cameras.json"), JSON.stringify(catalog));
    const lines: string[] = [];
    await start(
      { displayToken: DISPLAY, feedUrl: "http://wall:planted-feed-pass@127.0.0.1:9/?key=planted-feed-key", feedToken: "planted-feed-token" },
      (level, message, fields) => lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
    );
    await waitFor(() => lines.some((l) => /feed backend unreachable/.test(l)) && lines.some((l) => /source failed/.test(l)), 8000);
    const bodies = [
      (await request("/api/health")).text,
      (await request("/api/state")).text,
      (await request("/api/state", { authorization: "Bearer planted-feed-token" })).text,
      (await request("/api/layouts", { authorization: `Bearer ${DISPLAY}` })).text,
      (await request("/api/nothing", { authorization: `Bearer ${ADMIN}` })).text,
      (await request("/api/state/layout", { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" }, "POST", `{"layoutId": "${ADMIN}"`)).text,
      (await request("/api/state/layout", { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" }, "POST", `{"layoutId": 1, "x": "${DISPLAY}"}`)).text,
      (await request("/wall/D1", { host: "attacker.example" })).text,
    ];
    for (const text of [...bodies, ...lines]) for (const secret of planted) expect(text).not.toContain(secret);
    expect(bodies[0]).toMatch(/"connected":false/);
  });
});

describe("TLS", () => {
  let cert = "";
  beforeEach(async () => {
    const certFile = path.join(dirs.stateDir, "..", "cert.pem");
    const keyFile = path.join(dirs.stateDir, "..", "key.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile, "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], { stdio: "ignore" });
    cert = await fs.readFile(certFile, "utf8");
    await start({ tls: { certFile, keyFile } });
  });

  it("serves pages over HTTPS and the state over WSS, and nothing in clear on the port", async () => {
    expect(service!.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const page = await new Promise<{ status: number; hsts: string | undefined }>((resolve, reject) => {
      https.get(`${service!.url}/wall/D1`, { ca: cert }, (res) => {
        res.resume();
        resolve({ status: res.statusCode!, hsts: res.headers["strict-transport-security"] as string | undefined });
      }).on("error", reject);
    });
    expect(page).toEqual({ status: 200, hsts: "max-age=31536000" });
    const s = socket("/display", { displayId: "D1" }, {}, service!.url, cert);
    const state = await new Promise<WallState>((r) => s.once(events.state, r));
    expect(state.layoutId).toBe("overview");
    const control = socket("/control", { token: ADMIN }, {}, service!.url, cert);
    await outcome(control);
    expect((await control.emitWithAck(events.switchLayout, { layoutId: "briefing" })) as Ack).toEqual({ ok: true });
    // Cleartext on the same port gets no page.
    const clear = await fetch(`http://127.0.0.1:${service!.port}/wall/D1`).then(
      (r) => r.status,
      () => "refused",
    );
    expect(clear).not.toBe(200);
  });
});

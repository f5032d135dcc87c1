import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io, type Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { feedEvents, feedUpdateSchema, type FeedUpdate } from "../../common/feed-protocol.js";
import { silentLogger } from "../log.js";
import { FeedHub } from "./feed-hub.js";
import { simulatedTopics } from "../simulator/domains.js";
import { Simulator } from "../simulator/simulator.js";
import { tempWall, testConfig, waitFor } from "../test-support/temp-wall.js";
import { startWallService, type WallService } from "../wall-service.js";

const sockets: Socket[] = [];
afterEach(() => sockets.splice(0).forEach((s) => s.close()));

function feedClient(url: string, auth: object = {}): Socket {
  const s = io(`${url}/feed`, { auth, transports: ["websocket"], forceNew: true, reconnection: false });
  sockets.push(s);
  return s;
}

describe("simulator", () => {
  it("covers every domain (the ten and those announced next) with valid values, the same for the same seed", () => {
    const run = (seed: number) => {
      const hub = new FeedHub(() => 1_700_000_000_000);
      const out: FeedUpdate[] = [];
      hub.on("update", (u) => out.push(u));
      const sim = new Simulator(hub, { seed, rate: 0, now: () => 1_700_000_000_000 }, silentLogger);
      sim.start();
      sim.advance(500);
      sim.stop();
      return out;
    };
    const a = run(42);
    for (const u of a) expect(feedUpdateSchema.safeParse(u).success, u.topic).toBe(true);
    const domains = new Set(simulatedTopics.map((t) => t.split(".")[0]));
    expect([...domains].sort()).toEqual(["admin", "agriculture", "cameras", "docs", "economy", "education", "environment", "feedback", "health", "labour", "listening", "portal", "security", "social", "tourism", "traffic"]);
    expect(JSON.stringify(run(42))).toBe(JSON.stringify(a));
    expect(JSON.stringify(run(43))).not.toBe(JSON.stringify(a));
    const feedback = a.filter((u) => u.topic === "feedback.events").at(-1)!.value;
    expect(feedback.kind === "events" && feedback.items[0]!.title).toMatch(/ tại (TP\. Sóc Trăng|TX\. Vĩnh Châu|TX\. Ngã Năm|Châu Thành|Cù Lao Dung|Kế Sách|Long Phú|Mỹ Tú|Mỹ Xuyên|Thạnh Trị|Trần Đề)$/);
  });
});

describe("the service's /feed", () => {
  let dirs: Awaited<ReturnType<typeof tempWall>>;
  let service: WallService;
  beforeEach(async () => {
    dirs = await tempWall();
    service = await startWallService(testConfig(dirs, { adminToken: "feed-test-admin-token-0123", simulator: { seed: 5, rate: 200 } }), silentLogger);
  });
  afterEach(async () => {
    await service.close();
    await dirs.cleanup();
  });

  it("answers a subscription with the latest of each topic, then sends only those topics", async () => {
    const c = feedClient(service.url);
    const got: FeedUpdate[] = [];
    c.on(feedEvents.update, (u: FeedUpdate) => got.push(u));
    await new Promise<void>((r) => c.on("connect", () => r()));
    const snapshot = (await c.emitWithAck(feedEvents.subscribe, { topics: ["admin.dossiers.received", "feedback.events", "no.such_topic"] })) as FeedUpdate[];
    expect(snapshot.map((u) => u.topic).sort()).toEqual(["admin.dossiers.received", "feedback.events"]);
    await waitFor(() => got.length >= 3);
    expect(new Set(got.map((u) => u.topic)).size).toBeLessThanOrEqual(2);
    for (const u of got) expect(["admin.dossiers.received", "feedback.events"]).toContain(u.topic);
    const seqs = got.filter((u) => u.topic === "admin.dossiers.received").map((u) => u.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    await c.emitWithAck(feedEvents.unsubscribe, { topics: ["admin.dossiers.received", "feedback.events"] });
    await new Promise((r) => setTimeout(r, 100));
    const n = got.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(got.length).toBe(n);
  });

  it("refuses a malformed subscription with a clear error and counts it", async () => {
    const c = feedClient(service.url);
    await new Promise<void>((r) => c.on("connect", () => r()));
    expect(await c.emitWithAck(feedEvents.subscribe, { topics: ["Not A Topic"] })).toMatchObject({ error: expect.stringMatching(/malformed subscribe/) });
    const health = (await (await fetch(`${service.url}/api/health`)).json()) as { counters: { rejectedMessages: number } };
    expect(health.counters.rejectedMessages).toBe(1);
  });
});

describe("following the province's backend (WALL_FEED_URL)", () => {
  it("relays only what displays hold, validates it, and marks it stale when the backend goes", async () => {
    // The backend: a real socket.io server speaking feed protocol v1, with a token.
    const backendHttp = http.createServer();
    const backend = new Server(backendHttp);
    const ns = backend.of("/feed");
    let subscribedTopics: string[] = [];
    ns.use((socket, next) => next((socket.handshake.auth as { token?: string }).token === "backend-token" ? undefined : new Error("unauthorized")));
    ns.on("connection", (socket) => {
      socket.on(feedEvents.subscribe, (p: { topics: string[] }, ack: (s: unknown[]) => void) => {
        subscribedTopics = [...subscribedTopics, ...p.topics];
        for (const t of p.topics) void socket.join(t);
        ack(p.topics.map((topic) => ({ topic, seq: 1, ts: Date.now(), value: { kind: "number", value: 7, unit: "hồ sơ" } })));
      });
    });
    await new Promise<void>((r) => backendHttp.listen(0, "127.0.0.1", () => r()));
    const backendUrl = `http://127.0.0.1:${(backendHttp.address() as AddressInfo).port}`;
    const dirs = await tempWall();
    const service = await startWallService(testConfig(dirs, { feedUrl: backendUrl, feedToken: "backend-token" }), silentLogger);
    try {
      expect(service.feed.simulator).toBeUndefined();
      const c = feedClient(service.url);
      const got: FeedUpdate[] = [];
      c.on(feedEvents.update, (u: FeedUpdate) => got.push(u));
      await new Promise<void>((r) => c.on("connect", () => r()));
      await c.emitWithAck(feedEvents.subscribe, { topics: ["admin.dossiers.received"] });
      await waitFor(() => got.find((u) => u.value.kind === "number" && u.value.value === 7));
      expect(subscribedTopics).toEqual(["admin.dossiers.received"]);
      ns.to("admin.dossiers.received").emit(feedEvents.update, { topic: "admin.dossiers.received", seq: 2, ts: Date.now(), value: { kind: "number", value: "eight" } });
      ns.emit(feedEvents.update, { topic: "unasked.topic", seq: 1, ts: Date.now(), value: { kind: "number", value: 1 } });
      ns.to("admin.dossiers.received").emit(feedEvents.update, { topic: "admin.dossiers.received", seq: 3, ts: Date.now(), value: { kind: "number", value: 9 } });
      await waitFor(() => got.find((u) => u.value.kind === "number" && u.value.value === 9));
      expect(got.some((u) => u.value.kind === "number" && (u.value.value as unknown) === "eight")).toBe(false);
      expect(service.feed.hub.topics()).not.toContain("unasked.topic");
      ns.disconnectSockets(true);
      await waitFor(() => got.find((u) => u.stale === true));
      expect(got.at(-1)).toMatchObject({ stale: true, value: { value: 9 } });
      // The relay comes back by itself, subscribes again and the topic is fresh.
      const n = got.length;
      await waitFor(() => got.slice(n).find((u) => !u.stale), 8000);
      expect(subscribedTopics).toEqual(["admin.dossiers.received", "admin.dossiers.received"]);
    } finally {
      await service.close();
      await dirs.cleanup();
      await backend.close();
    }
  });
});

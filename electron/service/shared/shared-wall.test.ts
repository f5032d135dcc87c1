import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { io } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { feedEvents, type FeedUpdate } from "../../common/feed-protocol.js";
import { silentLogger } from "../log.js";
import { call, health, SHARED_TOKEN, sharedInstances } from "../test-support/shared-instances.js";
import { waitFor } from "../test-support/temp-wall.js";
import type { WallService } from "../wall-service.js";
import { LEASE_MS, LeaderLease } from "./leader-lease.js";
import { RedisLink } from "./redis-link.js";

const wall = sharedInstances();
const { instance, display } = wall;
const withFile = (name: string, content: unknown) => (dirs: { layoutsDir: string }) => fs.writeFile(path.join(dirs.layoutsDir, name), JSON.stringify(content));
const stateOf = async (service: WallService) => {
  const { layoutId, revision, switchAt } = (await (await call(service, "GET", "/api/state")).json()) as { layoutId: string; revision: number; switchAt: number | null };
  return { layoutId, revision, switchAt };
};

describe("several instances share one wall through Redis", () => {
  it("a switch through one instance reaches a display on another within a second", async () => {
    const [a, b] = [await instance(), await instance()];
    const onB = display(b, "D4");
    await waitFor(() => onB[0]);
    const t0 = Date.now();
    expect((await call(a, "POST", "/api/state/layout", { layoutId: "tourism" })).status).toBe(200);
    await waitFor(() => onB.find((s) => s.layoutId === "tourism"), 1000);
    expect(Date.now() - t0).toBeLessThan(1000);
    // Both swap at the same moment: B's display got A's switchAt.
    const switchAt = onB.find((s) => s.layoutId === "tourism")!.switchAt;
    expect(switchAt).toBe((await stateOf(a)).switchAt);
    expect(await stateOf(b)).toEqual(await stateOf(a));
  });

  it("a change through one instance is told once to every display and every console, whichever instance they are on, with who made it", async () => {
    const [a, b, c] = [await instance(), await instance(), await instance()];
    const displays = [display(a, "D1"), display(b, "D4"), display(c, "D2")];
    const consoles = [wall.console(a), wall.console(b), wall.console(c)];
    await waitFor(() => displays.every((d) => d.length > 0) && consoles.every((k) => k.states.length > 0));
    expect((await call(b, "POST", "/api/state/layout", { layoutId: "tourism" })).status).toBe(200);
    const told = (states: Array<{ layoutId: string }>) => states.filter((s) => s.layoutId === "tourism").length;
    await waitFor(() => displays.every((d) => told(d) > 0) && consoles.every((k) => told(k.states) > 0 && k.changes.length > 0), 2000);
    // Longer than every instance takes to read the others' audit entries (1 s): a second telling would be here by now.
    await new Promise((r) => setTimeout(r, 1500));
    expect(displays.map(told)).toEqual([1, 1, 1]);
    expect(consoles.map((k) => told(k.states))).toEqual([1, 1, 1]);
    // Told live once (a console that connected just then may also be told it as the last change, marked so).
    for (const k of consoles) expect(k.changes.filter((ch) => !ch.again).map((ch) => [ch.action, ch.who])).toEqual([["layout.switch", "admin"]]);
  });

  it("a feed client hears its own instance's figures only, each once, whatever the other instances broadcast", async () => {
    const simulator = { simulator: { seed: 5, rate: 200 } };
    const [, b] = [await instance(undefined, simulator), await instance(undefined, simulator)];
    const c = io(`${b.url}/feed`, { auth: { token: SHARED_TOKEN }, transports: ["websocket"], forceNew: true, reconnection: false });
    const got: FeedUpdate[] = [];
    c.on(feedEvents.update, (u: FeedUpdate) => got.push(u));
    try {
      await new Promise<void>((r) => c.on("connect", () => r()));
      const topics = ["admin.dossiers.received", "education.attendance.rate", "docs.digital_signature_rate", "feedback.events", "labour.unemployment.rate"];
      await c.emitWithAck(feedEvents.subscribe, { topics });
      await waitFor(() => got.length >= 10, 8000);
      for (const topic of topics) {
        const seqs = got.filter((u) => u.topic === topic).map((u) => u.seq);
        expect(seqs).toEqual([...new Set(seqs)].sort((x, y) => x - y));
      }
    } finally {
      c.close();
    }
  });

  it("commands given through several instances at the same moment are all applied, one after the other, by the leading instance", async () => {
    const [a, b] = [await instance(), await instance()];
    await waitFor(async () => ((await health(a)).leader || (await health(b)).leader ? true : undefined), 8000);
    const tiles = ["kpi-health", "kpi-education", "kpi-admin", "kpi-portal", "kpi-documents", "kpi-environment"];
    // Six overrides at once, half through each instance: with one last writer, all but a few would be lost.
    const answers = await Promise.all(tiles.map((tileId, i) => call(i % 2 === 0 ? a : b, "POST", "/api/state/overrides", { tileId, widget: "camera", options: { camera: `cam-0${i + 1}` } })));
    expect(answers.map((r) => r.status)).toEqual(tiles.map(() => 200));
    // Each answer already tells the state with its own change, whichever instance gave it.
    for (const [i, r] of answers.entries()) expect(Object.keys(((await r.json()) as { overrides: Record<string, unknown> }).overrides)).toContain(tiles[i]);
    for (const s of [a, b]) {
      await waitFor(async () => (Object.keys(((await (await call(s, "GET", "/api/state")).json()) as { overrides: Record<string, unknown> }).overrides).length === tiles.length ? true : undefined), 3000);
    }
  });

  it("every instance's console sees the displays connected to all of them", async () => {
    const [a, b] = [await instance(), await instance()];
    display(b, "D4");
    display(a, "D1");
    const listed = async (s: WallService) => ((await (await call(s, "GET", "/api/state")).json()) as { displays: Array<{ displayId: string }> }).displays.map((d) => d.displayId);
    await waitFor(async () => (await listed(a)).join() === "D1,D4", 3000);
    await waitFor(async () => (await listed(b)).join() === "D1,D4", 3000);
    // Each instance's own figures stay its own: its health counts only its sockets.
    expect(((await (await fetch(`${a.url}/api/health`)).json()) as { displays: number }).displays).toBe(1);
    // An instance that leaves takes its displays with it.
    await wall.stop(b);
    await waitFor(async () => (await listed(a)).join() === "D1", 3000);
  });

  it("an instance that comes back takes the wall as it is now, whatever its own files say", async () => {
    const [a, b] = [await instance(), await instance()];
    await call(b, "POST", "/api/state/layout", { layoutId: "economy" });
    await waitFor(async () => (await stateOf(a)).layoutId === "economy");
    await wall.stop(a);
    // It comes back with a state file that claims a far newer revision of another layout (stale, or copied from elsewhere).
    const back = await instance(async (dirs) => {
      await fs.mkdir(dirs.stateDir, { recursive: true });
      await fs.writeFile(path.join(dirs.stateDir, "state.json"), JSON.stringify({ layoutId: "health", revision: 100, mapViews: {}, overrides: {} }));
    });
    expect((await stateOf(back)).layoutId).toBe("economy");
    await new Promise((r) => setTimeout(r, 300));
    expect((await stateOf(b)).layoutId).toBe("economy");
  });

  it("switches given at once on two instances end in the same state on both, and on every display", async () => {
    const [a, b] = [await instance(), await instance()];
    const [onA, onB] = [display(a, "D1"), display(b, "D4")];
    await waitFor(() => onA[0] && onB[0]);
    await Promise.all([call(a, "POST", "/api/state/layout", { layoutId: "health" }), call(b, "POST", "/api/state/layout", { layoutId: "economy" })]);
    await waitFor(async () => {
      const [sa, sb] = [await stateOf(a), await stateOf(b)];
      return sa.layoutId === sb.layoutId && sa.revision === sb.revision;
    });
    const final = await stateOf(a);
    expect(["health", "economy"]).toContain(final.layoutId);
    // What each display was last told is the state both instances agree on, whichever change lost.
    await waitFor(() => onA.at(-1)?.layoutId === final.layoutId && onB.at(-1)?.layoutId === final.layoutId, 2000);
    expect([onA.at(-1)!.revision, onB.at(-1)!.revision]).toEqual([final.revision, final.revision]);
  });

  it("a new instance joins the wall as it is, not as its own files say", async () => {
    const a = await instance();
    await call(a, "POST", "/api/state/layout", { layoutId: "environment" });
    await new Promise((r) => setTimeout(r, 100));
    const late = await instance();
    expect((await stateOf(late)).layoutId).toBe("environment");
  });

  it("exactly one instance runs the schedule and the alarm rules; when it stops, another takes them", async () => {
    const [a, b] = [await instance(), await instance()];
    await waitFor(async () => (await health(a)).leader !== (await health(b)).leader, 5000);
    const [leader, other] = (await health(a)).leader ? [a, b] : [b, a];
    await wall.stop(leader);
    await waitFor(async () => (await health(other)).leader, 3000);
  });

  it("the rotation is one for all: paused through a follower, and carried on by another instance, in order, when the leader goes", async () => {
    const items = ["health", "economy", "tourism"];
    const schedules = { manualHoldMinutes: 30, playlists: [{ id: "fast", title: { vi: "Nhanh" }, items: items.map((layoutId) => ({ layoutId, seconds: 2 })) }], default: { playlist: "fast" } };
    const [a, b] = [await instance(withFile("schedules.json", schedules)), await instance(withFile("schedules.json", schedules))];
    await waitFor(async () => (await health(a)).leader !== (await health(b)).leader, 5000);
    const [leader, follower] = (await health(a)).leader ? [a, b] : [b, a];
    const seen = display(follower, "D1");
    // Paused through the follower: the leader holds the wall too, and both say so.
    expect((await call(follower, "POST", "/api/schedule/pause", { minutes: 5 })).status).toBe(200);
    await waitFor(async () => ((await (await call(leader, "GET", "/api/state")).json()) as { mode: string }).mode === "manual");
    const held = (await stateOf(leader)).layoutId;
    await new Promise((r) => setTimeout(r, 2500));
    expect((await stateOf(leader)).layoutId).toBe(held);
    expect((await call(follower, "POST", "/api/schedule/resume")).status).toBe(200);
    await waitFor(async () => (await stateOf(follower)).layoutId !== held, 4000);
    // The leader goes; the follower takes the lease and the playlist goes on in its order.
    await wall.stop(leader);
    await waitFor(async () => (await health(follower)).leader, 3000);
    const from = seen.length;
    await waitFor(() => (new Set(seen.slice(from).map((s) => s.layoutId)).size >= 3 ? true : undefined), 10_000);
    const order = seen.slice(from).map((s) => s.layoutId).filter((id, i, all) => i === 0 || id !== all[i - 1]);
    for (let i = 1; i < order.length; i++) expect(items.indexOf(order[i]!)).toBe((items.indexOf(order[i - 1]!) + 1) % items.length);
  });

  it("the alarm queue is one for all: raised by the leader, seen and acknowledged through a follower, and the wall goes back", async () => {
    const rules = { rules: [{ id: "salty", title: { vi: "Mặn" }, topic: "environment.salinity.max", above: 0, priority: 60, layout: "environment" }] };
    const [a, b] = [await instance(withFile("alarms.json", rules)), await instance(withFile("alarms.json", rules))];
    await waitFor(async () => (await health(a)).leader !== (await health(b)).leader, 5000);
    const follower = (await health(a)).leader ? b : a;
    type Alarmed = { layoutId: string; mode: string; alarms: Array<{ id: string }> };
    const full = async (s: WallService) => (await (await call(s, "GET", "/api/state")).json()) as Alarmed;
    const raised = await waitFor(async () => (await full(follower)).alarms[0], 8000);
    await waitFor(async () => (await full(follower)).layoutId === "environment");
    // Every console says the wall is taken by an alarm.
    await waitFor(async () => (await full(a)).mode === "alarm" && (await full(b)).mode === "alarm");
    // A lock given with no body through the follower is refused as it would be by the leader, not taken for an unlock.
    expect((await call(follower, "POST", "/api/alarms/lock", { minPriority: 90 })).status).toBe(200);
    expect((await call(follower, "POST", "/api/alarms/lock")).status).toBe(400);
    expect(((await (await call(a, "GET", "/api/state")).json()) as { lock: { minPriority: number } | null }).lock?.minPriority).toBe(90);
    expect((await call(follower, "DELETE", "/api/alarms/lock")).status).toBe(200);
    expect((await call(follower, "POST", `/api/alarms/${encodeURIComponent(raised.id)}/ack`)).status).toBe(200);
    // The leader returns the wall to what it showed before; every instance's queue is empty.
    await waitFor(async () => (await full(a)).layoutId !== "environment" && (await full(b)).alarms.length === 0 && (await full(a)).alarms.length === 0 && (await full(b)).mode !== "alarm", 5000);
  });

  it("a new leader's alarm rules carry on the old one's memory: an alarm acknowledged is not raised again when the lead changes hands", async () => {
    const rules = { rules: [{ id: "salty", title: { vi: "Mặn" }, topic: "environment.salinity.max", above: 0, priority: 60, layout: "environment" }] };
    const [a, b] = [await instance(withFile("alarms.json", rules)), await instance(withFile("alarms.json", rules))];
    await waitFor(async () => (await health(a)).leader !== (await health(b)).leader, 5000);
    const [leader, follower] = (await health(a)).leader ? [a, b] : [b, a];
    type Alarmed = { alarms: Array<{ id: string }> };
    const alarmsOf = async (s: WallService) => ((await (await call(s, "GET", "/api/state")).json()) as Alarmed).alarms;
    const raised = await waitFor(async () => (await alarmsOf(follower))[0], 8000);
    expect((await call(follower, "POST", `/api/alarms/${encodeURIComponent(raised.id)}/ack`)).status).toBe(200);
    await waitFor(async () => ((await alarmsOf(follower)).length === 0 ? true : undefined));
    // The salinity is still over its line; the rule's memory says it was already, so nothing is raised
    // again, by this leader or by the next.
    await new Promise((r) => setTimeout(r, 1500));
    await wall.stop(leader);
    await waitFor(async () => ((await health(follower)).leader ? true : undefined), 10_000);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await alarmsOf(follower)).toEqual([]);
  });

  it("a start that fails half-way (its port taken) leaves no Redis connection behind", async () => {
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
    const probe = new RedisLink(wall.redis.url, silentLogger);
    await probe.connect();
    const clients = async () => String(await probe.client.call("CLIENT", "LIST")).trim().split("\n").length;
    try {
      const before = { clients: await clients() };
      await expect(instance(undefined, { port: (taken.address() as net.AddressInfo).port })).rejects.toThrow(/EADDRINUSE/);
      // Every connection it opened is closed, the socket adapter's own included, and stays so.
      await waitFor(async () => (await clients()) === before.clients, 3000);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await clients()).toBe(before.clients);
    } finally {
      taken.close();
      await probe.close();
    }
  });

  it("the lease passes within its time when the holder dies, never to two at once", async () => {
    // Leases on their own links: one dies (its connection cut, so it cannot renew) and the other takes over.
    const links = [new RedisLink(wall.redis.url, silentLogger), new RedisLink(wall.redis.url, silentLogger)];
    for (const l of links) await l.connect();
    const [one, two] = [new LeaderLease(links[0]!, "one", silentLogger), new LeaderLease(links[1]!, "two", silentLogger)];
    const leaders = () => [one, two].filter((l) => l.isLeader).length;
    let overlap = 0;
    const watch = setInterval(() => (overlap = Math.max(overlap, leaders())), 20);
    try {
      one.start();
      await waitFor(() => one.isLeader, 3000);
      two.start();
      // The holder renews, again and again: it keeps the lead, the other waits.
      await new Promise((r) => setTimeout(r, 3500));
      expect(one.isLeader).toBe(true);
      expect(two.isLeader).toBe(false);
      const died = Date.now();
      links[0]!.client.disconnect();
      await waitFor(() => two.isLeader, LEASE_MS + 3000);
      expect(Date.now() - died).toBeLessThan(LEASE_MS + 2000);
      expect(one.isLeader).toBe(false);
      expect(overlap).toBe(1);
    } finally {
      clearInterval(watch);
      await one.close();
      await two.close();
      for (const l of links) await l.close();
    }
  });

  it("with Redis down, instances keep showing the last state and refuse changes clearly; acknowledged changes survive its restart", async () => {
    const [a, b] = [await instance(), await instance()];
    expect((await call(a, "POST", "/api/state/layout", { layoutId: "tourism" })).status).toBe(200);
    await waitFor(async () => (await stateOf(b)).layoutId === "tourism");
    const console = io(`${a.url}/control`, { auth: { token: SHARED_TOKEN }, transports: ["websocket"], forceNew: true, reconnectionDelay: 200, reconnectionDelayMax: 200 });
    await new Promise<void>((r) => console.once("connect", () => r()));
    await wall.redis.stop();
    await waitFor(async () => (await health(a)).store === "down");
    // A console's connection cut while Redis is away, and coming back: the instance serves it as it is.
    const back = new Promise<void>((r) => console.once("connect", () => r()));
    console.io.engine.close();
    await back;
    console.close();
    const refused = await call(b, "POST", "/api/state/layout", { layoutId: "health" });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: string }).error).toMatch(/shared store \(Redis\) is unreachable/);
    expect((await stateOf(a)).layoutId).toBe("tourism");
    await wall.redis.start();
    await waitFor(async () => (await health(b)).store === "up", 8000);
    expect((await call(b, "POST", "/api/state/layout", { layoutId: "economy" })).status).toBe(200);
    await waitFor(async () => (await stateOf(a)).layoutId === "economy");
    // What Redis acknowledged before the restart is still there for an instance that joins now.
    const late = await instance();
    expect((await stateOf(late)).layoutId).toBe("economy");
  });
});

// Several instances, one wall: the same six display pages (D1..D6) and the same switches as swap-skew,
// once on a single service with all six, once on three services sharing one wall through a real
// redis-server (WALL_REDIS_URL, WALL_PEERS listing the three), D1/D2 on the first, D3/D4 on the second,
// D5/D6 on the third, each command posted to the next instance in turn, so four of the six pages hear
// of every command through Redis. Per switch: skew (the instant each page shows it, max − min,
// as swap-skew measures it) and command → last page's swap; frames drawn with a blank tile; and the
// shared wall's latency p50 and skew p95 as multiples of the single service's.
// BENCH_INSTANCES_SWITCHES (default 60) switches each, BENCH_SKEW_GAP_MS apart, over BENCH_SKEW_LAYOUTS.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { children, guarded, tempDirs } from "./bench-worktree.mjs";
import { BENCH_TOKEN, quantile, startService } from "./service-process.mjs";
import { DISPLAYS, LAYOUTS, launchChromium, measureSwaps, postLayout, swapFigures } from "./swap-skew.mjs";

const SWITCHES = Number(process.env.BENCH_INSTANCES_SWITCHES ?? 60);
const INSTANCES = 3;
const REDIS_SERVER = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";

/** A loopback port nobody listens on now (asked of the system, then freed for a child to take). */
async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether a Redis on `port` answers PING with PONG. */
function pings(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let reply = "";
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (c) => {
      reply += c;
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}

async function until(what, ms, check) {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`instances: ${what} not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A throwaway redis-server (no snapshot, no append-only file) on a free loopback port. */
async function startRedis() {
  const port = await freePort();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ioc-wall-bench-redis-"));
  tempDirs.add(dir);
  const child = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"], { stdio: ["ignore", "ignore", "inherit"] });
  children.add(child);
  const exited = new Promise((r) => child.once("exit", r));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    children.delete(child);
    await fs.rm(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  };
  try {
    await new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}`)));
      until("redis-server answering PING", 10_000, () => pings(port)).then(resolve, reject);
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}

const health = async (service) => (await fetch(`${service.url}/api/health`, { headers: { authorization: `Bearer ${BENCH_TOKEN}` } })).json();

/** `count` services sharing `redisUrl`, each on a port picked up front so that WALL_PEERS can name them all. */
async function startInstances(redisUrl, count, started) {
  const ports = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const peers = ports.map((p) => `http://127.0.0.1:${p}`).join(",");
  for (const port of ports) {
    started.push(await startService({ WALL_SIM_RATE: "50", WALL_REDIS_URL: redisUrl, WALL_PEERS: peers, PORT: String(port) }));
  }
  // Every instance on the store, and one of them holding the lease, before anything is measured.
  await until("every instance's store up and a leader", 20_000, async () => {
    const shared = (await Promise.all(started.map(health))).map((h) => h.shared);
    return shared.every((s) => s?.store === "up") && shared.some((s) => s.leader);
  });
  return started;
}

export function benchInstances() {
  return guarded("instances", async () => {
    const browser = await launchChromium();
    const results = [];
    const over = `${SWITCHES} switches over ${LAYOUTS.join("/")}`;
    try {
      const single = await startService({ WALL_SIM_RATE: "50" });
      let one;
      try {
        console.log(`instances: single instance, 6 displays, ${SWITCHES} switches…`);
        one = await measureSwaps(browser, DISPLAYS.map((id) => `${single.url}/wall/${id}`), (l) => postLayout(single.url, l), SWITCHES);
        results.push({ name: `instances, 6 displays, ${over}: single instance, 6 displays`, ...swapFigures(one) });
      } finally {
        await single.stop();
      }

      const redis = await startRedis();
      const services = [];
      try {
        await startInstances(redis.url, INSTANCES, services);
        const perInstance = DISPLAYS.length / INSTANCES;
        const urls = DISPLAYS.map((id, i) => `${services[Math.floor(i / perInstance)].url}/wall/${id}`);
        let next = 0;
        const post = (l) => postLayout(services[next++ % services.length].url, l);
        console.log(`instances: ${INSTANCES} instances through Redis, ${perInstance} displays each, ${SWITCHES} switches…`);
        const shared = await measureSwaps(browser, urls, post, SWITCHES);
        const ratio = (a, b) => Math.round((a / b) * 100) / 100;
        results.push({
          name: `instances, 6 displays, ${over}: ${INSTANCES} instances through Redis, ${perInstance} displays each`,
          ...swapFigures(shared),
          "latency p50 ÷ single": ratio(quantile(shared.latencies, 0.5), quantile(one.latencies, 0.5)),
          "skew p95 ÷ single": ratio(quantile(shared.skews, 0.95), quantile(one.skews, 0.95)),
        });
      } finally {
        for (const s of services) await s.stop();
        await redis.stop();
      }
    } finally {
      await browser.close();
    }
    return results;
  });
}

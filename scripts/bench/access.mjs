// The cost of the service's access checks on its hot paths, as a before/after ratio: feed updates
// per second delivered to six simulated displays (socket.io clients, no browser), emit → receipt
// latency, and the service's CPU time per 1,000 updates delivered, at several simulator rates.
// "Before" is a git ref (BENCH_BASELINE_REF, default 55abf39, the last commit before the hardening)
// built in a temporary worktree; "after" is this checkout's build (dist/, `npm run bench` builds it).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import fs from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { Manager } from "socket.io-client";
import { buildBaseline, children, git, guarded, REPO, tail, tempDirs, withTimeout } from "./bench-worktree.mjs";
import { quantile } from "./service-process.mjs";

const BASELINE_REF = process.env.BENCH_BASELINE_REF ?? "55abf39";
const RATES = (process.env.BENCH_ACCESS_RATES ?? "1000,5000").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_ACCESS_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_ACCESS_WARMUP ?? 2);
/** Rounds alternate the order (before, after; after, before; …) so a drifting machine weighs on both. */
const ROUNDS = Number(process.env.BENCH_ACCESS_ROUNDS ?? 2);
const DISPLAY_IDS = ["D1", "D2", "D3", "D4", "D5", "D6"];
const ADMIN_TOKEN = "bench-access-admin-token-0123456789abcdef";
const DISPLAY_TOKEN = "bench-access-display-token-0123456789abcdef";
const SIM_SEED = "7";

const START_TIMEOUT_MS = 20_000;
const CONNECT_TIMEOUT_MS = 10_000;
const BUILD_TIMEOUT_MS = 300_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The baseline: only its service compiled. */
const buildAccessBaseline = () => buildBaseline(BASELINE_REF, ["npx", "tsc", "-b", "electron/common", "electron/service"], BUILD_TIMEOUT_MS);

/** The newest mtime of the files under `dir` whose names end in `ext` (tests aside). */
function newestFile(dir, ext) {
  let newest = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith(ext) && !e.name.endsWith(`.test${ext}`)) newest = Math.max(newest, statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return newest;
}

/** When the service's build in dist/ last changed: another build during a run shows here. */
const distStamp = () => Math.max(newestFile(path.join(REPO, "dist/electron/service"), ".js"), newestFile(path.join(REPO, "dist/electron/common"), ".js"));
const sourceStamp = () => Math.max(newestFile(path.join(REPO, "electron/service"), ".ts"), newestFile(path.join(REPO, "electron/common"), ".ts"));

function currentBuild() {
  const cli = path.join(REPO, "dist/electron/service/cli.js");
  if (!existsSync(cli)) throw new Error(`access: no ${cli}; run \`npm run build\` (or \`npm run bench -- access\`, which builds first)`);
  const head = git("log", "-1", "--format=%h", "HEAD");
  const changed = git("status", "--porcelain", "--", "electron/common", "electron/service").split("\n").filter(Boolean).length;
  return {
    label: "after",
    describe: `dist/ of the working tree at ${head}${changed ? ` + ${changed} changed file(s) in electron/common and electron/service` : " (no changes to the service)"}, service built ${new Date(distStamp()).toISOString()}`,
    cli,
    cwd: REPO,
    changed,
    stamp: distStamp,
  };
}

/** The service of one variant at one rate, on an ephemeral port, with its own layouts copy and state. */
async function startService(variant, rate) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "ioc-wall-access-"));
  tempDirs.add(root);
  const layoutsDir = path.join(root, "layouts");
  await fs.cp(path.join(variant.cwd, "layouts"), layoutsDir, { recursive: true, filter: (src) => !["schedules.json", "alarms.json"].includes(path.basename(src)) });
  const env = { ...process.env };
  delete env.WALL_FEED_URL; // the simulator, never a real backend
  delete env.WALL_FEED_TOKEN;
  const child = spawn(process.execPath, [variant.cli], {
    cwd: variant.cwd,
    env: {
      ...env,
      PORT: "0",
      HOST: "127.0.0.1",
      WALL_LAYOUTS_DIR: layoutsDir,
      WALL_STATE_DIR: path.join(root, "state"),
      WALL_ADMIN_TOKEN: ADMIN_TOKEN,
      WALL_DISPLAY_TOKEN: DISPLAY_TOKEN,
      WALL_SIM_SEED: SIM_SEED,
      WALL_SIM_RATE: String(rate),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const service = { child, pid: child.pid, out: "", err: "", exited: undefined, url: undefined };
  child.stdout.on("data", (c) => (service.out = tail(service.out + c, 8000)));
  child.stderr.on("data", (c) => (service.err = tail(service.err + c, 8000)));
  const exited = new Promise((resolve) =>
    child.once("exit", (code, signal) => {
      children.delete(child);
      service.exited = signal ?? `exit ${code}`;
      resolve();
    }),
  );
  const logs = () => `\n--- stdout ---\n${tail(service.out)}\n--- stderr ---\n${tail(service.err)}`;
  service.logs = logs;
  service.stop = async () => {
    if (!service.exited) {
      child.kill("SIGTERM");
      await withTimeout(exited, 8000, `waiting for the ${variant.label} service (pid ${service.pid}) to stop`).catch(() => {
        child.kill("SIGKILL");
        return exited;
      });
    }
    await fs.rm(root, { recursive: true, force: true });
    tempDirs.delete(root);
  };
  try {
    service.url = await withTimeout(
      new Promise((resolve, reject) => {
        const look = () => {
          const m = /listening on (https?:\/\/\S+)/.exec(service.out);
          if (m) resolve(m[1]);
        };
        child.stdout.on("data", look);
        child.once("error", (e) => reject(new Error(`access: cannot start the ${variant.label} service: ${e.message}`)));
        void exited.then(() => reject(new Error(`access: the ${variant.label} service exited (${service.exited}) before listening${logs()}`)));
      }),
      START_TIMEOUT_MS,
      () => `waiting for the ${variant.label} service (${variant.cli}) to print "listening on http(s)://…"${logs()}`,
    );
  } catch (e) {
    await service.stop();
    throw e;
  }
  return service;
}

function getJson(url) {
  const lib = url.startsWith("https:") ? https : http;
  return withTimeout(
    new Promise((resolve, reject) => {
      // the hardened service wants a credential for every /api read; the baseline ignores it
      const req = lib.get(url, { rejectUnauthorized: false, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => {
          try {
            resolve(res.statusCode === 200 ? JSON.parse(body) : undefined);
          } catch {
            resolve(undefined);
          }
        });
      });
      req.on("error", reject);
    }),
    5000,
    `GET ${url}`,
  );
}

const simPublished = (health) => health?.feed?.backend?.simulator?.published;

/** utime + stime of a process in ms (Linux); undefined elsewhere. */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command name may hold spaces and parentheses: fields count from the last ")"
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK; // fields 14 and 15 of stat(5)
  } catch {
    return undefined;
  }
}

/** Every `options.topic` of every tile of every layout: what the wall's displays subscribe to between them. */
async function layoutTopics() {
  const dir = path.join(REPO, "layouts");
  const topics = new Set();
  for (const file of (await fs.readdir(dir)).filter((f) => f.endsWith(".layout.json")).sort()) {
    const layout = JSON.parse(await fs.readFile(path.join(dir, file), "utf8"));
    for (const tile of layout.tiles ?? []) if (typeof tile.options?.topic === "string") topics.add(tile.options.topic);
  }
  if (topics.size === 0) throw new Error(`access: no tile topics in ${dir}/*.layout.json`);
  return [...topics];
}

/** One display as the wall runs it: one connection, `/display` and `/feed` on it, subscribed to `topics`. */
async function connectDisplay(url, displayId, topics, probe) {
  const manager = new Manager(url, { transports: ["websocket"], reconnection: false, timeout: CONNECT_TIMEOUT_MS, rejectUnauthorized: false });
  const display = manager.socket("/display", { auth: { displayId, token: DISPLAY_TOKEN } });
  const feed = manager.socket("/feed", { auth: { token: DISPLAY_TOKEN } });
  const d = { displayId, manager, display, feed, received: 0, malformed: 0, disconnects: [] };
  const close = () => {
    display.disconnect();
    feed.disconnect();
    manager.engine?.close();
  };
  d.close = close;
  const connected = (socket, ns) =>
    new Promise((resolve, reject) => {
      if (socket.connected) return resolve();
      socket.once("connect", resolve);
      socket.once("connect_error", (e) => reject(new Error(`access: ${displayId} could not join ${ns}: ${e.message}`)));
    });
  try {
    await withTimeout(Promise.all([connected(display, "/display"), connected(feed, "/feed")]), CONNECT_TIMEOUT_MS, `connecting display ${displayId} to ${url}`);
    for (const [socket, ns] of [[display, "/display"], [feed, "/feed"]]) {
      socket.on("disconnect", (reason) => {
        if (probe.recording) d.disconnects.push(`${ns} ${reason}`);
      });
    }
    feed.on("update", (u) => {
      if (!probe.recording) return;
      if (typeof u?.ts !== "number") {
        d.malformed += 1;
        return;
      }
      d.received += 1;
      probe.latencies.push(Date.now() - u.ts);
    });
    let ack;
    try {
      ack = await feed.timeout(CONNECT_TIMEOUT_MS).emitWithAck("subscribe", { topics });
    } catch (e) {
      throw new Error(`access: ${displayId}'s subscribe got no acknowledgement within ${CONNECT_TIMEOUT_MS / 1000} s (${e.message})`);
    }
    if (!Array.isArray(ack)) throw new Error(`access: ${displayId}'s subscribe was refused: ${JSON.stringify(ack)}`);
    d.snapshot = ack.length;
  } catch (e) {
    close();
    throw e;
  }
  return d;
}

/** One service, one rate: six displays, a warm-up, then a window of counting. */
async function measure(variant, rate, topics) {
  const stamp = variant.stamp?.();
  const service = await startService(variant, rate);
  const probe = { recording: false, latencies: [] };
  const displays = [];
  try {
    const settled = await Promise.allSettled(DISPLAY_IDS.map((id) => connectDisplay(service.url, id, topics, probe)));
    for (const s of settled) if (s.status === "fulfilled") displays.push(s.value);
    const failed = settled.filter((s) => s.status === "rejected").map((s) => s.reason.message);
    if (failed.length > 0) throw new Error(`${failed.join("\n")}${service.exited ? service.logs() : ""}`);
    await sleep(WARMUP_SECONDS * 1000);
    if (service.exited) throw new Error(`access: the ${variant.label} service exited (${service.exited}) during the warm-up${service.logs()}`);
    const health0 = await getJson(`${service.url}/api/health`).catch(() => undefined);
    const cpu0 = cpuMs(service.pid);
    const client0 = process.cpuUsage();
    const t0 = performance.now();
    probe.recording = true;
    await sleep(SECONDS * 1000);
    probe.recording = false;
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = cpuMs(service.pid);
    const client = process.cpuUsage(client0);
    const health1 = await getJson(`${service.url}/api/health`).catch(() => undefined);
    if (service.exited) throw new Error(`access: the ${variant.label} service exited (${service.exited}) during the measurement${service.logs()}`);
    const published = simPublished(health1) - simPublished(health0);
    return {
      stamp,
      seconds,
      delivered: displays.reduce((a, d) => a + d.received, 0),
      perDisplay: displays.map((d) => d.received),
      malformed: displays.reduce((a, d) => a + d.malformed, 0),
      disconnects: displays.flatMap((d) => d.disconnects.map((r) => `${d.displayId} ${r}`)),
      snapshot: Math.min(...displays.map((d) => d.snapshot)),
      latencies: probe.latencies,
      serviceCpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0,
      clientCpuMs: (client.user + client.system) / 1000,
      published: Number.isFinite(published) ? published : undefined,
    };
  } finally {
    for (const d of displays) d.close();
    await service.stop();
  }
}

/** The rounds of one variant at one rate as one figure: counts and CPU summed, latencies pooled. */
function pool(runs) {
  const seconds = runs.reduce((a, r) => a + r.seconds, 0);
  const delivered = runs.reduce((a, r) => a + r.delivered, 0);
  const lat = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const cpu = runs.every((r) => r.serviceCpuMs !== undefined) ? runs.reduce((a, r) => a + r.serviceCpuMs, 0) : undefined;
  const published = runs.every((r) => r.published !== undefined) ? runs.reduce((a, r) => a + r.published, 0) : undefined;
  return {
    updatesPerSec: delivered / seconds,
    roundsUpdatesPerSec: runs.map((r) => Math.round(r.delivered / r.seconds)),
    latencyP50Ms: quantile(lat, 0.5),
    latencyP95Ms: quantile(lat, 0.95),
    cpuMsPer1k: cpu === undefined || delivered === 0 ? NaN : cpu / (delivered / 1000),
    serviceCpuPct: cpu === undefined ? NaN : (cpu / (seconds * 1000)) * 100,
    clientCpuPct: (runs.reduce((a, r) => a + r.clientCpuMs, 0) / (seconds * 1000)) * 100,
    simPerSec: published === undefined ? NaN : published / seconds,
    perDisplayMin: Math.min(...runs.map((r) => Math.min(...r.perDisplay) / r.seconds)),
    perDisplayMax: Math.max(...runs.map((r) => Math.max(...r.perDisplay) / r.seconds)),
    malformed: runs.reduce((a, r) => a + r.malformed, 0),
    disconnects: runs.flatMap((r) => r.disconnects),
    snapshot: Math.min(...runs.map((r) => r.snapshot)),
    stamps: [...new Set(runs.map((r) => r.stamp).filter((t) => t !== undefined))],
  };
}

const ratio = (after, before) => (Number.isFinite(after) && Number.isFinite(before) && before !== 0 ? after / before : NaN);
const num = (n, digits) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

function printTable(rows, before, after, topics) {
  const cols = [
    ["rate/s", 7],
    ["", 7],
    ["updates/s (6 displays)", 23],
    ["latency p50 ms", 15],
    ["p95 ms", 8],
    ["service CPU ms/1k updates", 26],
    ["service CPU %", 14],
    ["simulator/s", 12],
  ];
  const line = (cells) => cells.map((c, i) => String(c).padEnd(cols[i][1])).join("").trimEnd();
  console.log(`\naccess checks: feed updates delivered to 6 displays (${topics.length} topics each), ${SECONDS} s windows after ${WARMUP_SECONDS} s warm-up, ${ROUNDS} round(s) per figure`);
  console.log(`  before: ${before.describe} — built in a temporary worktree (BENCH_BASELINE_REF=${BASELINE_REF})`);
  console.log(`  after:  ${after.describe}`);
  console.log("");
  console.log(line(cols.map(([h]) => h)));
  for (const { rate, b, a } of rows) {
    console.log(line([rate, "before", num(b.updatesPerSec, 0), num(b.latencyP50Ms, 0), num(b.latencyP95Ms, 0), num(b.cpuMsPer1k, 1), num(b.serviceCpuPct, 0), num(b.simPerSec, 0)]));
    console.log(line(["", "after", num(a.updatesPerSec, 0), num(a.latencyP50Ms, 0), num(a.latencyP95Ms, 0), num(a.cpuMsPer1k, 1), num(a.serviceCpuPct, 0), num(a.simPerSec, 0)]));
    console.log(
      line([
        "",
        "ratio",
        num(ratio(a.updatesPerSec, b.updatesPerSec), 2),
        num(ratio(a.latencyP50Ms, b.latencyP50Ms), 2),
        num(ratio(a.latencyP95Ms, b.latencyP95Ms), 2),
        num(ratio(a.cpuMsPer1k, b.cpuMsPer1k), 2),
        num(ratio(a.serviceCpuPct, b.serviceCpuPct), 2),
        "",
      ]),
    );
  }
  console.log("  (ratio = after / before; latency = receipt − the update's ts, 1 ms resolution; CPU % of one core)");
}

export function benchAccess() {
  return guarded("access", async () => {
    const after = currentBuild();
    const topics = await layoutTopics();
    console.log(`access: building the baseline ${BASELINE_REF} in a temporary worktree…`);
    const before = await buildAccessBaseline();
    console.log(`access: baseline ${before.describe} compiled in ${before.buildSeconds.toFixed(0)} s`);
    const rows = [];
    for (const rate of RATES) {
      const runs = { before: [], after: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const variant of round % 2 === 0 ? [before, after] : [after, before]) {
          console.log(`access: ${rate}/s, ${variant.label}, round ${round + 1}/${ROUNDS}…`);
          runs[variant.label].push(await measure(variant, rate, topics));
        }
      }
      rows.push({ rate, b: pool(runs.before), a: pool(runs.after) });
    }
    printTable(rows, before, after, topics);
    const notes = [];
    const stamps = [...new Set(rows.flatMap((r) => r.a.stamps))].sort();
    if (stamps.length > 1) notes.push(`dist/ changed during the run (service builds of ${stamps.map((t) => new Date(t).toISOString().slice(11, 19)).join(", ")} UTC): 'after' figures mix builds`);
    if (sourceStamp() > Math.max(...stamps) + 1000) notes.push(`electron/service or electron/common was edited after the build 'after' ran (last build ${new Date(Math.max(...stamps)).toISOString().slice(11, 19)} UTC, last edit ${new Date(sourceStamp()).toISOString().slice(11, 19)} UTC)`);
    if (before.commit === git("rev-parse", "HEAD") && after.changed === 0) notes.push("'after' has no changes to the service against 'before': the ratios show only noise");
    for (const { rate, b, a } of rows) {
      for (const [label, p] of [["before", b], ["after", a]]) {
        if (p.disconnects.length) notes.push(`${rate}/s ${label}: disconnects during the window: ${p.disconnects.join(", ")}`);
        if (p.malformed) notes.push(`${rate}/s ${label}: ${p.malformed} updates without a numeric ts (not counted)`);
        if (p.snapshot < topics.length) notes.push(`${rate}/s ${label}: subscribe acknowledged ${p.snapshot} of ${topics.length} topics' latest values`);
        if (p.clientCpuPct > 80) notes.push(`${rate}/s ${label}: the bench's own six clients used ${p.clientCpuPct.toFixed(0)} % of a core: the receiving side may limit the figures`);
      }
    }
    for (const n of notes) console.log(`  note: ${n}`);
    return rows.map(({ rate, b, a }) => ({
      name: `access ${rate}/s → 6 displays: before ${before.describe.slice(0, 7)} vs after (working tree)`,
      beforeUpdatesPerSec: Math.round(b.updatesPerSec),
      afterUpdatesPerSec: Math.round(a.updatesPerSec),
      updatesPerSecRatio: ratio(a.updatesPerSec, b.updatesPerSec),
      beforeRoundsUpdatesPerSec: b.roundsUpdatesPerSec.join(" "),
      afterRoundsUpdatesPerSec: a.roundsUpdatesPerSec.join(" "),
      beforeLatencyP50Ms: b.latencyP50Ms,
      afterLatencyP50Ms: a.latencyP50Ms,
      beforeLatencyP95Ms: b.latencyP95Ms,
      afterLatencyP95Ms: a.latencyP95Ms,
      latencyP95Ratio: ratio(a.latencyP95Ms, b.latencyP95Ms),
      beforeCpuMsPer1kUpdates: b.cpuMsPer1k,
      afterCpuMsPer1kUpdates: a.cpuMsPer1k,
      cpuPer1kRatio: ratio(a.cpuMsPer1k, b.cpuMsPer1k),
      beforeServiceCpuPct: b.serviceCpuPct,
      afterServiceCpuPct: a.serviceCpuPct,
      beforeSimUpdatesPerSec: Math.round(b.simPerSec),
      afterSimUpdatesPerSec: Math.round(a.simPerSec),
      beforeClientCpuPct: b.clientCpuPct,
      afterClientCpuPct: a.clientCpuPct,
    }));
  });
}

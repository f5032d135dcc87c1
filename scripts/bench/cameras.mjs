// Camera playback on this machine's CPU decode, tuned configuration against hls.js's defaults:
// tiles of 360p and 720p at 25 fps until dropped frames pass 1 %; time from a tile appearing to its
// first frame; JS heap and media elements over a long run of layout switches.
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { BENCH_TOKEN, quantile, startService } from "./service-process.mjs";

const COUNTS = (process.env.BENCH_CAMERA_COUNTS ?? "1,4,9").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_CAMERA_SECONDS ?? 6);
const SWITCHES = Number(process.env.BENCH_CAMERA_SWITCHES ?? 200);
const cams = ["cam-01", "cam-02", "cam-03", "cam-04", "cam-05", "cam-06", "cam-07", "cam-08", "cam-09"];

function gridLayout(id, n, stream) {
  const side = Math.ceil(Math.sqrt(n));
  // D1 is columns 0–3, rows 0–5 of a 12×12 grid; cells of 1×1 (or larger for few tiles).
  const w = Math.max(1, Math.floor(4 / side));
  const h = Math.max(1, Math.floor(6 / side));
  return {
    id,
    title: { vi: id },
    grid: { columns: 12, rows: 12 },
    tiles: cams.slice(0, n).map((camera, i) => ({ id: `t${i}`, x: (i % side) * w, y: Math.floor(i / side) * h, w, h, widget: "camera", options: { camera, stream } })),
  };
}

/** Resident memory of every process of this Chromium (browser, renderer, GPU, utility), in MiB. */
function chromiumRssMiB(browserPid) {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss="], { encoding: "utf8" }).trim().split("\n").map((l) => l.trim().split(/\s+/).map(Number));
  const family = new Set([browserPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (family.has(ppid) && !family.has(pid)) {
        family.add(pid);
        grew = true;
      }
    }
  }
  return rows.filter(([pid]) => family.has(pid)).reduce((n, [, , rss]) => n + rss, 0) / 1024;
}

async function post(service, path, body) {
  await fetch(`${service.url}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_TOKEN}` }, body: JSON.stringify(body) });
}

const progress = (page) =>
  page.evaluate(() => {
    let dropped = 0;
    let total = 0;
    for (const v of document.querySelectorAll("video")) {
      const q = v.getVideoPlaybackQuality();
      dropped += q.droppedVideoFrames;
      total += q.totalVideoFrames;
    }
    return { dropped, total };
  });

async function run(config) {
  const layouts = [];
  for (const stream of ["sub", "main"]) for (const n of COUNTS) layouts.push(gridLayout(`b-${stream}-${n}`, n, stream));
  layouts.push(gridLayout("b-swap-a", 2, "sub"), { ...gridLayout("b-swap-b", 2, "sub"), tiles: gridLayout("x", 4, "sub").tiles.slice(2) });
  const service = await startService({}, layouts);
  const server = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--autoplay-policy=no-user-gesture-required", "--disable-gpu"],
  });
  const browser = await chromium.connect(server.wsEndpoint());
  const browserPid = server.process().pid;
  const rss = {};
  const results = [];
  try {
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${service.url}/wall/D1${config === "default" ? "?hls=default" : ""}`);
    const capacity = {};
    const firstFrame = [];
    for (const stream of ["sub", "main"]) {
      for (const n of COUNTS) {
        const t0 = Date.now();
        await post(service, "/api/state/layout", { layoutId: `b-${stream}-${n}` });
        await page.waitForFunction((k) => document.querySelectorAll('[data-camera-status="ready"]').length >= k, n, { timeout: 60_000 }).catch(() => undefined);
        if (n === 1) firstFrame.push(Date.now() - t0);
        await page.waitForTimeout(1500);
        const a = await progress(page);
        await page.waitForTimeout(SECONDS * 1000);
        const b = await progress(page);
        const decoded = b.total - a.total;
        const dropPct = decoded > 0 ? ((b.dropped - a.dropped) / decoded) * 100 : 100;
        const fpsPerTile = decoded / SECONDS / n;
        capacity[`${stream === "sub" ? "360p" : "720p"} × ${n}`] = `${dropPct.toFixed(2)} % dropped, ${fpsPerTile.toFixed(1)} fps/tile`;
        results.push({ stream, n, dropPct, fpsPerTile });
        rss[`${stream}-${n}`] = chromiumRssMiB(browserPid);
      }
    }
    // Long run of switches: heap and media elements every 100.
    const heap = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      return (await cdp.send("Runtime.getHeapUsage")).usedSize;
    };
    await post(service, "/api/state/layout", { layoutId: "b-swap-a" });
    await page.waitForTimeout(7000);
    const samples = [{ switches: 0, heap: await heap(), media: await page.evaluate(() => window.iocWallDebug.cameras().mediaElements) }];
    for (let i = 1; i <= SWITCHES; i++) {
      const id = i % 2 ? "b-swap-b" : "b-swap-a";
      await post(service, "/api/state/layout", { layoutId: id });
      await page.waitForSelector(`[data-layout-id="${id}"]`);
      if (i % 100 === 0) {
        await page.waitForTimeout(7000);
        samples.push({ switches: i, heap: await heap(), media: await page.evaluate(() => window.iocWallDebug.cameras().mediaElements) });
      }
    }
    const growth = samples.length > 1 ? (samples.at(-1).heap - samples[0].heap) / ((samples.length - 1) * 1024) : 0;
    const limit = (stream) => {
      const ok = results.filter((r) => r.stream === stream && r.dropPct < 1).map((r) => r.n);
      const max = Math.max(0, ...ok);
      return max === COUNTS.at(-1) ? `≥ ${max} (all tried)` : max;
    };
    const perTile = (stream) => {
      const lo = COUNTS[0];
      const hi = COUNTS.at(-1);
      return hi > lo ? (rss[`${stream}-${hi}`] - rss[`${stream}-${lo}`]) / (hi - lo) : NaN;
    };
    return {
      "memory MiB per 360p tile": perTile("sub"),
      "memory MiB per 720p tile": perTile("main"),
      name: `cameras, hls.js ${config === "default" ? "default configuration" : "wall configuration"} (CPU decode)`,
      "tiles 360p < 1 % drop": limit("sub"),
      "tiles 720p < 1 % drop": limit("main"),
      ...capacity,
      "first frame ms (1 tile)": quantile(firstFrame.sort((a, b) => a - b), 0.5),
      "JS heap KiB / 100 switches": growth,
      "media elements start→end": `${samples[0].media} → ${samples.at(-1).media}`,
    };
  } finally {
    await browser.close();
    await server.close();
    await service.stop();
  }
}

export async function benchCameras() {
  return [await run("wall"), await run("default")];
}

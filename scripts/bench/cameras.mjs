// Camera playback on this machine's CPU decode, the wall's hls.js configuration against hls.js's
// defaults, on one 1920×1080 display: 360p tiles up to 25 and 720p tiles up to 16 (BENCH_CAMERA_360,
// BENCH_CAMERA_720), adding tiles until dropped frames pass 1 %; at each count the frames decoded
// per tile, Chromium's CPU (all its processes, in cores) and memory (PSS), and from them the cost of
// one more tile; time from a tile appearing to its first frame; JS heap and media elements over a
// long run of layout switches. Tiles beyond the nine healthy demo cameras are more catalogue
// cameras on the same streams: each is its own player and decoder, as on a real wall.
import { chromium } from "@playwright/test";
import fs from "node:fs";
import { chromiumProcesses, totals } from "./chromium-processes.mjs";
import { BENCH_TOKEN, quantile, startService } from "./service-process.mjs";

const counts = (v, d) => (v ?? d).split(",").map(Number);
const COUNTS = { sub: counts(process.env.BENCH_CAMERA_360, "1,4,9,16,25"), main: counts(process.env.BENCH_CAMERA_720, "1,4,9,16") };
const SECONDS = Number(process.env.BENCH_CAMERA_SECONDS ?? 6);
const SWITCHES = Number(process.env.BENCH_CAMERA_SWITCHES ?? 200);
const DROP_LIMIT_PCT = 1;
const RESOLUTION = { sub: "360p", main: "720p" };

/** The demo catalogue plus bench-01… on the nine healthy demo streams (cam-10 to 12 fail on purpose). */
function benchCatalog(n) {
  const demo = JSON.parse(fs.readFileSync("layouts/cameras.json", "utf8"));
  const healthy = demo.cameras.filter((c) => /^cam-0\d$/.test(c.id));
  const bench = Array.from({ length: n }, (_, i) => ({ ...healthy[i % healthy.length], id: `bench-${String(i + 1).padStart(2, "0")}`, name: `Bench ${i + 1}` }));
  return { ...demo, cameras: [...demo.cameras, ...bench] };
}

/** n camera tiles in a square grid filling D1 (the wall's grid is 3 displays wide and 2 high). */
function gridLayout(id, n, stream) {
  const side = Math.ceil(Math.sqrt(n));
  return {
    id,
    title: { vi: id },
    grid: { columns: 3 * side, rows: 2 * side },
    tiles: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, x: i % side, y: Math.floor(i / side), w: 1, h: 1, widget: "camera", options: { camera: `bench-${String(i + 1).padStart(2, "0")}`, stream } })),
  };
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

/** SECONDS of playback of n tiles: frames dropped and decoded, and what all of Chromium spent on them. */
async function measure(page, browser, n) {
  const [a, cpuA] = [await progress(page), totals(await chromiumProcesses(browser))];
  await page.waitForTimeout(SECONDS * 1000);
  const [b, cpuB] = [await progress(page), totals(await chromiumProcesses(browser))];
  const decoded = b.total - a.total;
  return { n, dropPct: decoded > 0 ? ((b.dropped - a.dropped) / decoded) * 100 : 100, fpsPerTile: decoded / SECONDS / n, cpuPct: ((cpuB.cpuSeconds - cpuA.cpuSeconds) / SECONDS) * 100, memoryMiB: cpuB.memoryMiB };
}

/** Cost of one more tile between the first and last count measured: (y(last) − y(first)) / (n(last) − n(first)). */
function slope(rows, key) {
  const [a, b] = [rows[0], rows.at(-1)];
  return b && b.n > a.n ? (b[key] - a[key]) / (b.n - a.n) : "—";
}

async function run(config) {
  const most = Math.max(...COUNTS.sub, ...COUNTS.main);
  const layouts = [];
  for (const stream of ["sub", "main"]) for (const n of COUNTS[stream]) layouts.push(gridLayout(`b-${stream}-${n}`, n, stream));
  layouts.push(gridLayout("b-swap-a", 2, "sub"), { ...gridLayout("b-swap-b", 2, "sub"), tiles: gridLayout("x", 4, "sub").tiles.slice(2) });
  const service = await startService({}, layouts, { "cameras.json": benchCatalog(most) });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--autoplay-policy=no-user-gesture-required", "--disable-gpu"],
  });
  const figures = {};
  const limits = {};
  const measured = { sub: [], main: [] };
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${service.url}/wall/D1${config === "default" ? "?hls=default" : ""}`);
    const firstFrame = [];
    for (const stream of ["sub", "main"]) {
      limits[stream] = `≥ ${COUNTS[stream].at(-1)} (all tried)`;
      for (const n of COUNTS[stream]) {
        const t0 = Date.now();
        const layoutId = `b-${stream}-${n}`;
        await post(service, "/api/state/layout", { layoutId });
        // Ready in the new layout: a camera the last one showed does not count.
        await page
          .waitForFunction(([id, k]) => document.querySelectorAll(`[data-layout-id="${id}"] [data-camera-status="ready"]`).length >= k, [layoutId, n], { timeout: 60_000 })
          .catch(() => undefined);
        if (n === 1) firstFrame.push(Date.now() - t0);
        await page.waitForTimeout(1500);
        let row = await measure(page, browser, n);
        // A pass of the limit is confirmed by a second window before the search stops (one busy moment is not a limit).
        if (row.dropPct > DROP_LIMIT_PCT) row = await measure(page, browser, n);
        measured[stream].push(row);
        figures[`${RESOLUTION[stream]} × ${n}`] = `${row.dropPct.toFixed(2)} % dropped, ${row.fpsPerTile.toFixed(1)} fps/tile, CPU ${Math.round(row.cpuPct)} % of a core, ${Math.round(row.memoryMiB)} MiB`;
        if (row.dropPct > DROP_LIMIT_PCT) {
          const ok = measured[stream].filter((r) => r.dropPct <= DROP_LIMIT_PCT).at(-1);
          limits[stream] = `${ok?.n ?? 0} (${n} dropped ${row.dropPct.toFixed(1)} %)`;
          break;
        }
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
    // Per tile: between the fewest and the most tiles that played within the limit.
    const within = (stream) => measured[stream].filter((r) => r.dropPct <= DROP_LIMIT_PCT);
    return {
      name: `cameras, hls.js ${config === "default" ? "default configuration" : "wall configuration"} (CPU decode, one 1920×1080 display)`,
      "tiles 360p ≤ 1 % drop": limits.sub,
      "tiles 720p ≤ 1 % drop": limits.main,
      "CPU % of a core per 360p tile": slope(within("sub"), "cpuPct"),
      "CPU % of a core per 720p tile": slope(within("main"), "cpuPct"),
      "memory MiB per 360p tile": slope(within("sub"), "memoryMiB"),
      "memory MiB per 720p tile": slope(within("main"), "memoryMiB"),
      ...figures,
      "first frame ms (1 tile)": quantile(firstFrame.sort((a, b) => a - b), 0.5),
      "JS heap KiB / 100 switches": growth,
      "media elements start→end": `${samples[0].media} → ${samples.at(-1).media}`,
    };
  } finally {
    await browser.close();
    await service.stop();
  }
}

export async function benchCameras() {
  return [await run("wall"), await run("default")];
}

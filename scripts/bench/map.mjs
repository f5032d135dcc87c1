// Maps in SwiftShader (software WebGL, as on this machine): frame time with 10k, 100k and 1M
// citizen-feedback points against an empty map, as dots (zoom 9.4) and as a heatmap (zoom 8.5);
// and, on the real wall, the time from a map tile mounting to its `ready`.
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { BENCH_TOKEN, quantile, startService } from "./service-process.mjs";

const COUNTS = (process.env.BENCH_MAP_POINTS ?? "0,10000,100000,1000000").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_MAP_SECONDS ?? 5);
const MOUNTS = Number(process.env.BENCH_MAP_MOUNTS ?? 8);
const CYCLES = Number(process.env.BENCH_MAP_CYCLES ?? 40);
const CHROMIUM_ARGS = ["--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--disable-background-networking", "--disable-component-update"];
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".geojson": "application/json" };

/** The benchmark page and the built-in basemap, from one origin, as the wall service would serve them. */
function staticServer() {
  const roots = [
    ["/basemap/", path.resolve("dist/basemap")],
    ["/", path.resolve("dist/bench")],
  ];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const [prefix, root] = roots.find(([p]) => url.pathname.startsWith(p));
    const file = path.join(root, url.pathname.slice(prefix.length) || "map-bench.html");
    if (!file.startsWith(root) || !fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

const stats = (times) => {
  const s = [...times].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), frames: s.length };
};

async function pointsBench(browser) {
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--config", "scripts/bench/map-page.vite.config.ts"], { stdio: "inherit" });
  const server = await staticServer();
  const results = [];
  try {
    for (const [mode, zoom] of [["dots", 9.4], ["heatmap", 8.5]]) {
      let empty;
      for (const count of COUNTS) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        await page.goto(`${server.url}/map-bench.html`);
        const { readyMs, times } = await page.evaluate(([n, z, s]) => window.mapBench.run(n, z, s), [count, zoom, SECONDS]);
        await page.close();
        const f = stats(times);
        if (count === 0) empty = f;
        results.push({
          name: `map ${mode}: ${count.toLocaleString("en")} feedback points, 1280×720, SwiftShader`,
          "frame ms p50": f.p50,
          "frame ms p95": f.p95,
          "p50 / empty map": f.p50 / empty.p50,
          "p95 / empty map": f.p95 / empty.p95,
          "frames measured": f.frames,
          "mount to ready ms": readyMs,
        });
      }
    }
    results.push(await mountCycles(browser, server.url));
  } finally {
    server.close();
  }
  return results;
}

/** Heap and DOM nodes over many map mounts and teardowns, after a warm-up: what a rotation costs a day. */
async function mountCycles(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${url}/map-bench.html`);
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const [dom, heap] = await Promise.all([cdp.send("Memory.getDOMCounters"), cdp.send("Runtime.getHeapUsage")]);
    return { nodes: dom.nodes, heap: heap.usedSize };
  };
  const cycles = async (n) => {
    for (let i = 0; i < n; i++) await page.evaluate(() => window.mapBench.cycle());
  };
  await cycles(10);
  const before = await measure();
  await cycles(CYCLES);
  const after = await measure();
  await page.close();
  return {
    name: `map mount and teardown, ${CYCLES} times after 10 to warm up (no overlays)`,
    "heap KiB per mount": (after.heap - before.heap) / 1024 / CYCLES,
    "DOM nodes per mount": (after.nodes - before.nodes) / CYCLES,
  };
}

/** The real wall: switch D1 to a layout with a map and back, time each map tile to `ready`. */
async function mountBench(browser) {
  const mapLayout = { id: "bench-map", title: { vi: "Bản đồ" }, grid: { columns: 3, rows: 2 }, tiles: [{ id: "map", x: 0, y: 0, w: 1, h: 1, widget: "map", options: { zoom: 9.4, overlays: [{ type: "districts", topic: "feedback.by_district" }, { type: "stations" }, { type: "feedback" }, { type: "cameras" }] } }] };
  const plain = { id: "bench-plain", title: { vi: "Trống" }, grid: { columns: 1, rows: 1 }, tiles: [{ id: "clock", x: 0, y: 0, w: 1, h: 1, widget: "clock" }] };
  const service = await startService({}, [mapLayout, plain]);
  const show = (layoutId) => fetch(`${service.url}/api/state/layout`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_TOKEN}` }, body: JSON.stringify({ layoutId }) });
  try {
    await show("bench-plain");
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.goto(`${service.url}/wall/D1`);
    await page.locator('[data-layout-id="bench-plain"]').waitFor();
    const times = [];
    for (let i = 0; i <= MOUNTS; i++) {
      const t0 = Date.now();
      await show("bench-map");
      await page.locator('[data-tile-id="map"][data-status="ready"]').waitFor({ timeout: 60_000 });
      // The first mount also downloads the map's code and the basemap: reported apart.
      times.push(Date.now() - t0);
      await show("bench-plain");
      await page.locator('[data-layout-id="bench-plain"]').waitFor();
    }
    const [first, ...rest] = times;
    const s = rest.sort((a, b) => a - b);
    return { name: "map tile on the wall: layout switch to ready (960×540 window, SwiftShader)", "first mount ms": first, "mount ms p50": quantile(s, 0.5), "mount ms p95": quantile(s, 0.95), mounts: s.length };
  } finally {
    await service.stop();
  }
}

export async function benchMap() {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    return [...(await pointsBench(browser)), await mountBench(browser)];
  } finally {
    await browser.close();
  }
}

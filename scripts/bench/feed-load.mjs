// A display page with a dense dashboard (24 live tiles on one display) under 200, 1,000 and
// 5,000 simulator updates per second: frame time p50/p95, main-thread long tasks, and latency
// from the simulator's emit (the update's ts) to the DOM change (the tile's data-updated-at).
import { chromium } from "@playwright/test";
import { BENCH_TOKEN, quantile, startService } from "./service-process.mjs";

const RATES = (process.env.BENCH_FEED_RATES ?? "200,1000,5000").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_FEED_SECONDS ?? 10);

const numbers = [
  "health.beds.occupancy", "health.patients.inpatients", "health.visits.today", "health.vaccination.rate",
  "education.attendance.rate", "admin.dossiers.received", "admin.dossiers.ontime_rate", "admin.dossiers.late",
  "portal.visits.today", "portal.uptime", "docs.pending", "environment.salinity.max",
  "tourism.visitors.month", "economy.grdp.growth", "feedback.resolved_rate", "cameras.online",
];
const breakdowns = ["admin.dossiers.by_department", "environment.salinity.stations", "tourism.visitors.by_site", "economy.indicators.plan", "feedback.by_district", "cameras.by_district"];

/** D1 of the demo wall is columns 0–3, rows 0–5 of a 12×12 grid: 24 tiles of one unit each. */
function denseLayout() {
  const tiles = [];
  let i = 0;
  const place = (widget, options) => {
    tiles.push({ id: `t${i}`, x: i % 4, y: Math.floor(i / 4), w: 1, h: 1, widget, options });
    i += 1;
  };
  for (const topic of numbers) place("kpi", { topic });
  breakdowns.slice(0, 4).forEach((topic, j) => place(j % 2 ? "table" : "bars", { topic, limit: 5 }));
  place("events", { topic: "feedback.events", limit: 3 });
  place("status", { topic: "portal.systems.status" });
  place("chart", { topic: "environment.salinity.trend" });
  place("gauge", { topic: "admin.dossiers.ontime_rate" });
  return { id: "bench-dense", title: { vi: "Bảng dày đặc" }, grid: { columns: 12, rows: 12 }, tiles };
}

function installProbe() {
  const probe = (window.__probe = { frames: [], longTasks: [], latencies: [], updates: 0, recording: false });
  let last = performance.now();
  const loop = (t) => {
    if (probe.recording) probe.frames.push(t - last);
    last = t;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => {
    if (probe.recording) for (const e of list.getEntries()) probe.longTasks.push(e.duration);
  }).observe({ type: "longtask", buffered: false });
  new MutationObserver((records) => {
    if (!probe.recording) return;
    const now = Date.now();
    for (const r of records) {
      const ts = Number(r.target.getAttribute("data-updated-at"));
      if (ts) {
        probe.latencies.push(now - ts);
        probe.updates += 1;
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-updated-at"] });
}

async function measure(rate) {
  const layout = denseLayout();
  const service = await startService({ WALL_SIM_RATE: String(rate), WALL_SIM_SEED: "1" }, [layout]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // CPU raster: on this GPU-less machine it is far closer to a real wall's GPU than SwiftShader's
    // emulated one (which caps a DOM dashboard near 20 fps whatever the app does).
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
  });
  try {
    await fetch(`${service.url}/api/state/layout`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_TOKEN}` },
      body: JSON.stringify({ layoutId: layout.id }),
    });
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.addInitScript(installProbe);
    await page.goto(`${service.url}/wall/D1`);
    await page.waitForFunction(() => document.querySelectorAll('[data-status="ready"]').length >= 24, null, { timeout: 30_000 });
    const health0 = await (await fetch(`${service.url}/api/health`)).json();
    await page.evaluate(() => (window.__probe.recording = true));
    await page.waitForTimeout(SECONDS * 1000);
    const p = await page.evaluate(() => {
      window.__probe.recording = false;
      return window.__probe;
    });
    const health1 = await (await fetch(`${service.url}/api/health`)).json();
    const stale = await page.evaluate(() => document.querySelectorAll('[data-status="stale"]').length);
    const frames = [...p.frames].sort((a, b) => a - b);
    const lat = [...p.latencies].sort((a, b) => a - b);
    const published = health1.feed.backend.simulator.published - health0.feed.backend.simulator.published;
    return {
      name: `feed ${rate}/s → dense dashboard (24 tiles, CPU raster)`,
      simUpdatesPerSec: Math.round(published / SECONDS),
      domChangesPerSec: Math.round(p.updates / SECONDS),
      frameP50Ms: quantile(frames, 0.5),
      frameP95Ms: quantile(frames, 0.95),
      fps: frames.length / SECONDS,
      longTasks: p.longTasks.length,
      longTaskMs: p.longTasks.reduce((a, b) => a + b, 0),
      latencyP50Ms: quantile(lat, 0.5),
      latencyP95Ms: quantile(lat, 0.95),
      staleTiles: stale,
      deliveredOverRequested: published / SECONDS / rate,
    };
  } finally {
    await browser.close();
    await service.stop();
  }
}

export async function benchFeedLoad() {
  const results = [];
  for (const rate of RATES) results.push(await measure(rate));
  return results;
}

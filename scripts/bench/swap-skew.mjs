// Swap skew: six display pages on this machine, a layout switch every 1.5 s, the instant each page
// shows it (a MutationObserver on the root's data-layout-id, performance.timeOrigin + now), max − min
// per switch; the synchronized swap (switchAt) against each page showing a state as it arrives
// (`?switch=immediate`, today's switching before it), in the same run. Also command → last swap,
// and frames drawn without any tile.
import { chromium } from "@playwright/test";
import { BENCH_TOKEN, quantile, startService } from "./service-process.mjs";

const SWITCHES = Number(process.env.BENCH_SKEW_SWITCHES ?? 100);
const DISPLAYS = ["D1", "D2", "D3", "D4", "D5", "D6"];
const LAYOUTS = ["health", "economy"];

function probe() {
  const w = window;
  w.__swaps = [];
  w.__frames = { total: 0, empty: 0 };
  const attach = () => {
    const root = document.querySelector("[data-display-id]");
    if (!root) return requestAnimationFrame(attach);
    new MutationObserver(() => w.__swaps.push({ at: performance.timeOrigin + performance.now(), layout: root.getAttribute("data-layout-id") })).observe(root, { attributes: true, attributeFilter: ["data-layout-id"] });
  };
  attach();
  const tick = () => {
    w.__frames.total += 1;
    if (document.querySelector("[data-layout-id]") && document.querySelectorAll("[data-tile-id]").length === 0) w.__frames.empty += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function run(browser, service, mode) {
  const context = await browser.newContext({ viewport: { width: 480, height: 270 } });
  await context.addInitScript(probe);
  const pages = [];
  for (const id of DISPLAYS) {
    const page = await context.newPage();
    await page.goto(`${service.url}/wall/${id}${mode === "immediate" ? "?switch=immediate" : ""}`);
    pages.push(page);
  }
  const post = (layoutId) => fetch(`${service.url}/api/state/layout`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_TOKEN}` }, body: JSON.stringify({ layoutId }) });
  await post(LAYOUTS[1]);
  await new Promise((r) => setTimeout(r, 3000));
  for (const p of pages) await p.evaluate(() => (window.__swaps = []));
  const skews = [];
  const latencies = [];
  for (let i = 0; i < SWITCHES; i++) {
    const layoutId = LAYOUTS[i % 2];
    const sent = Date.now();
    await post(layoutId);
    await Promise.all(pages.map((p) => p.waitForFunction((l) => window.__swaps.some((s) => s.layout === l), layoutId, { timeout: 10_000 })));
    const times = await Promise.all(pages.map((p) => p.evaluate((l) => window.__swaps.filter((s) => s.layout === l).at(-1).at, layoutId)));
    skews.push(Math.max(...times) - Math.min(...times));
    latencies.push(Math.max(...times) - sent);
    for (const p of pages) await p.evaluate(() => (window.__swaps = []));
    await new Promise((r) => setTimeout(r, 1500));
  }
  const frames = await Promise.all(pages.map((p) => p.evaluate(() => window.__frames)));
  await context.close();
  skews.sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  return { skews, latencies, empty: frames.reduce((n, f) => n + f.empty, 0), total: frames.reduce((n, f) => n + f.total, 0) };
}

export async function benchSwapSkew() {
  const service = await startService({ WALL_SIM_RATE: "50" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu", "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
  });
  try {
    const results = [];
    for (const mode of ["synchronized", "immediate"]) {
      const r = await run(browser, service, mode);
      const f = (n) => Math.round(n * 10) / 10;
      results.push({
        name: `swap skew, 6 displays, ${SWITCHES} switches: ${mode === "synchronized" ? "synchronized (switchAt)" : "as each state arrives (before)"}`,
        "skew p50 (ms)": f(quantile(r.skews, 0.5)),
        "skew p95 (ms)": f(quantile(r.skews, 0.95)),
        "skew max (ms)": f(r.skews.at(-1)),
        "command→swap p50 (ms)": f(quantile(r.latencies, 0.5)),
        "command→swap p95 (ms)": f(quantile(r.latencies, 0.95)),
        "frames without tiles": `${r.empty} of ${r.total}`,
      });
    }
    return results;
  } finally {
    await browser.close();
    await service.stop();
  }
}

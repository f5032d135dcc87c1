// Swap skew: six display pages, a layout switch every BENCH_SKEW_GAP_MS; the instant each page shows it
// (a MutationObserver on the root's data-layout-id, performance.timeOrigin + now, so the pages' clocks
// are one), max − min per switch; command → last page's swap; frames drawn with no tile or with a tile
// whose body is empty. "after" is this checkout's build (switchAt, prepared off screen); "before" is a
// git ref (BENCH_SKEW_BASELINE_REF, default 28a9ff0, the last commit before synchronized switching)
// built in a temporary worktree, whose displays show each state as it arrives.
import { chromium } from "@playwright/test";
import { buildBaseline, guarded } from "./bench-worktree.mjs";
import { BENCH_TOKEN, quantile, startService } from "./service-process.mjs";

const SWITCHES = Number(process.env.BENCH_SKEW_SWITCHES ?? 100);
export const GAP_MS = Number(process.env.BENCH_SKEW_GAP_MS ?? 1500);
const BASELINE_REF = process.env.BENCH_SKEW_BASELINE_REF ?? "28a9ff0";
export const DISPLAYS = ["D1", "D2", "D3", "D4", "D5", "D6"];
export const LAYOUTS = (process.env.BENCH_SKEW_LAYOUTS ?? "health,economy,tourism,situation").split(",");

export function probe() {
  const w = window;
  w.__swaps = [];
  w.__frames = { total: 0, blank: 0 };
  const attach = () => {
    const root = document.querySelector("[data-display-id]");
    if (!root) return requestAnimationFrame(attach);
    new MutationObserver(() => w.__swaps.push({ at: performance.timeOrigin + performance.now(), layout: root.getAttribute("data-layout-id") })).observe(root, { attributes: true, attributeFilter: ["data-layout-id"] });
  };
  attach();
  const tick = () => {
    if (document.querySelector("[data-display-id][data-layout-id]")) {
      w.__frames.total += 1;
      const bodies = [...document.querySelectorAll("[data-tile-id] .tile-body")];
      if (bodies.length === 0 || bodies.some((b) => b.childElementCount === 0)) w.__frames.blank += 1;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export const postLayout = (url, layoutId) => fetch(`${url}/api/state/layout`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_TOKEN}` }, body: JSON.stringify({ layoutId }) });

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--disable-background-networking", "--disable-component-update", "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
  });
}

/**
 * Opens `urls` (display pages, wherever they are served) with probe(), warms up every layout, then
 * `switches` switches given through `post(layoutId)`; each is timed from the command to every page's swap.
 */
export async function measureSwaps(browser, urls, post, switches) {
  const context = await browser.newContext({ viewport: { width: 480, height: 270 } });
  try {
    await context.addInitScript(probe);
    const pages = [];
    for (const url of urls) {
      const page = await context.newPage();
      await page.goto(url);
      pages.push(page);
    }
    // Warm up: every layout once, so both sides have their widgets' code loaded.
    for (const l of LAYOUTS) {
      await post(l);
      await new Promise((r) => setTimeout(r, 3000));
    }
    for (const p of pages) await p.evaluate(() => ((window.__swaps = []), (window.__frames = { total: 0, blank: 0 })));
    const skews = [];
    const latencies = [];
    for (let i = 0; i < switches; i++) {
      const layoutId = LAYOUTS[i % LAYOUTS.length];
      const sent = Date.now();
      await post(layoutId);
      await Promise.all(pages.map((p) => p.waitForFunction((l) => window.__swaps.some((s) => s.layout === l), layoutId, { timeout: 15_000, polling: 50 })));
      const times = await Promise.all(pages.map((p) => p.evaluate((l) => window.__swaps.filter((s) => s.layout === l).at(-1).at, layoutId)));
      skews.push(Math.max(...times) - Math.min(...times));
      latencies.push(Math.max(...times) - sent);
      for (const p of pages) await p.evaluate(() => (window.__swaps = []));
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    const frames = await Promise.all(pages.map((p) => p.evaluate(() => window.__frames)));
    // How each synchronized swap went (the baseline has no such counters).
    const swaps = await Promise.all(pages.map((p) => p.evaluate(() => window.iocWallDebug?.swaps?.())));
    skews.sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    const sum = (k) => swaps.reduce((n, s) => n + (s?.[k] ?? 0), 0);
    const how = swaps[0] ? `${sum("onTime")} at switchAt, ${sum("late")} late or at the wait (last waited for ${[...new Set(swaps.map((s) => s.lastWaitedFor).filter(Boolean))].join(", ") || "—"}), ${sum("atDeadline")} at the bounded wait` : "—";
    return { skews, latencies, how, blank: frames.reduce((n, f) => n + f.blank, 0), total: frames.reduce((n, f) => n + f.total, 0) };
  } finally {
    await context.close();
  }
}

const round = (n) => Math.round(n * 10) / 10;

/** measureSwaps()'s result as a row's figures. */
export function swapFigures(r) {
  return {
    "skew p50 (ms)": round(quantile(r.skews, 0.5)),
    "skew p95 (ms)": round(quantile(r.skews, 0.95)),
    "skew max (ms)": round(r.skews.at(-1)),
    "p95 within a frame (16.7 ms)": quantile(r.skews, 0.95) <= 16.7 ? "yes" : "no",
    "command→last swap p50 (ms)": round(quantile(r.latencies, 0.5)),
    "command→last swap p95 (ms)": round(quantile(r.latencies, 0.95)),
    "frames with a blank tile": `${r.blank} of ${r.total}`,
    "page swaps": r.how,
  };
}

export function benchSwapSkew() {
  return guarded("swap-skew", async () => {
    console.log(`swap-skew: building the baseline ${BASELINE_REF} in a temporary worktree…`);
    const before = await buildBaseline(BASELINE_REF, ["npm", "run", "build"]);
    console.log(`swap-skew: baseline ${before.describe} built in ${before.buildSeconds.toFixed(0)} s`);
    const browser = await launchChromium();
    const results = [];
    try {
      for (const [label, cli] of [["synchronized (switchAt, prepared off screen)", undefined], [`as each state arrives (before: ${before.describe.slice(0, 7)})`, before.cli]]) {
        const service = await startService({ WALL_SIM_RATE: "50" }, [], {}, cli);
        try {
          console.log(`swap-skew: ${label}, ${SWITCHES} switches…`);
          const r = await measureSwaps(browser, DISPLAYS.map((id) => `${service.url}/wall/${id}`), (l) => postLayout(service.url, l), SWITCHES);
          results.push({ name: `swap skew, 6 displays, ${SWITCHES} switches over ${LAYOUTS.join("/")}: ${label}`, ...swapFigures(r) });
        } finally {
          await service.stop();
        }
      }
    } finally {
      await browser.close();
    }
    return results;
  });
}

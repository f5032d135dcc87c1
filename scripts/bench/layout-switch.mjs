// Time from POST /api/state/layout to every one of 6 display pages showing the new layout
// (root carries the new data-layout-id and every tile is data-status="ready"), over 50 switches.
import { chromium } from "@playwright/test";
import { performance } from "node:perf_hooks";
import { BENCH_TOKEN, quantile, startService } from "./service-process.mjs";

const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 50);
const DISPLAYS = ["D1", "D2", "D3", "D4", "D5", "D6"];
const LAYOUTS = ["briefing", "situation", "overview"];

/** Runs in each page: records when the page first shows each layout completely. */
function installProbe() {
  const shown = (window.__shown = {});
  const check = () => {
    const root = document.querySelector("[data-layout-id]");
    const id = root?.getAttribute("data-layout-id");
    if (!id) return;
    const rev = root.getAttribute("data-revision");
    const key = `${id}@${rev}`;
    if (shown[key]) return;
    const tiles = [...document.querySelectorAll("[data-tile-id]")];
    if (tiles.length > 0 && tiles.every((t) => t.getAttribute("data-status") === "ready")) shown[key] = performance.timeOrigin + performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}

export async function benchLayoutSwitch() {
  const service = await startService();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 480, height: 270 } });
    await context.addInitScript(installProbe);
    const pages = [];
    for (const id of DISPLAYS) {
      const page = await context.newPage();
      await page.goto(`${service.url}/wall/${id}`);
      await page.waitForSelector(`[data-layout-id]`);
      pages.push(page);
    }
    const samples = [];
    for (let i = 0; i < SWITCHES; i++) {
      const layoutId = LAYOUTS[i % LAYOUTS.length];
      const t0 = performance.timeOrigin + performance.now();
      const res = await fetch(`${service.url}/api/state/layout`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_TOKEN}` },
        body: JSON.stringify({ layoutId }),
      });
      const { revision } = await res.json();
      const key = `${layoutId}@${revision}`;
      const times = await Promise.all(pages.map((p) => p.waitForFunction((k) => window.__shown[k], key, { polling: 20 }).then((h) => h.jsonValue())));
      samples.push(Math.max(...times) - t0);
    }
    samples.sort((a, b) => a - b);
    const median = quantile(samples, 0.5);
    const p95 = quantile(samples, 0.95);
    return { name: "layout switch → 6 displays shown", n: samples.length, medianMs: median, p95Ms: p95, minMs: samples[0], maxMs: samples.at(-1), p95OverMedian: p95 / median };
  } finally {
    await browser.close();
    await service.stop();
  }
}

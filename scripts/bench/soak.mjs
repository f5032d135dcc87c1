// A compressed day on the wall: BENCH_SOAK_HOURS (24) hours of rotation, each BENCH_SOAK_STEPS_PER_HOUR
// (45, so 1,080 steps) steps of a playlist over camera, map and KPI layouts, stepped by the schedule
// (POST /api/schedule/next) on two display pages. At the end of hour BENCH_SOAK_RECYCLE_HOUR (12)
// each page is recycled as the Electron controller does it: a fresh page loads the display, and the
// old one is closed only once the new one shows every tile. Every hour, and right after the recycle:
// each page's JS heap after a GC, DOM nodes, media elements, hls.js instances and live WebGL
// contexts; Chromium's memory (PSS: renderers and all processes) and the service's.
import { chromium } from "@playwright/test";
import fs from "node:fs/promises";
import path from "node:path";
import { chromiumProcesses, memoryMiB, totals } from "./chromium-processes.mjs";
import { BENCH_TOKEN, startService } from "./service-process.mjs";

const HOURS = Number(process.env.BENCH_SOAK_HOURS ?? 24);
const STEPS_PER_HOUR = Number(process.env.BENCH_SOAK_STEPS_PER_HOUR ?? 45);
const RECYCLE_HOUR = Number(process.env.BENCH_SOAK_RECYCLE_HOUR ?? 12);
// Five layouts, and 45 steps an hour: every sample lands on the same layout, like with like.
const PLAYLIST = ["camera-wall", "situation", "overview", "cameras", "environment"];
const ARGS = ["--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--disable-background-networking", "--disable-component-update", "--autoplay-policy=no-user-gesture-required"];
const SETTLE_MS = 6000;
const round = (n) => Math.round(n * 10) / 10;

async function openDisplay(browser, url, id) {
  const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
  await page.goto(`${url}/wall/${id}`);
  return { id, page, cdp: await page.context().newCDPSession(page) };
}

/** Shown: the display carries a layout and none of its tiles is still loading. */
const shown = (page) =>
  page.waitForFunction(() => {
    const tiles = [...document.querySelectorAll("[data-display-id][data-layout-id] [data-tile-id]")];
    return tiles.length > 0 && tiles.every((t) => t.getAttribute("data-status") !== "loading");
  }, undefined, { timeout: 30_000 });

async function sample({ page, cdp }) {
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  const inPage = await page.evaluate(() => {
    const cams = window.iocWallDebug.cameras();
    return { dom: document.getElementsByTagName("*").length, media: cams.mediaElements, hls: cams.hlsInstances, webgl: window.iocWallDebug.webgl().live };
  });
  return { heapMiB: round(heap / 1_048_576), ...inPage };
}

export async function benchSoak() {
  const service = await startService({ WALL_SIM_RATE: "50" });
  // A schedule the bench steps by hand: long dwells, so that only the steps move it.
  const post = (p) => fetch(`${service.url}${p}`, { method: "POST", headers: { authorization: `Bearer ${BENCH_TOKEN}` } });
  await fs.writeFile(path.join(service.layoutsDir, "schedules.json"), JSON.stringify({ playlists: [{ id: "soak", title: { vi: "Soak" }, items: PLAYLIST.map((layoutId) => ({ layoutId, seconds: 86_400 })) }], default: { playlist: "soak" } }));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ARGS });
  try {
    let pages = [];
    for (const id of ["D1", "D4"]) pages.push(await openDisplay(browser, service.url, id));
    for (const p of pages) await shown(p.page);
    const rows = [];
    const record = async (label) => {
      // Players nobody shows are kept a few seconds for a camera coming back: past that, they must be gone.
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      const row = { hour: label, layout: await pages[0].page.locator("[data-display-id][data-layout-id]").getAttribute("data-layout-id") };
      for (const p of pages) for (const [k, v] of Object.entries(await sample(p))) row[`${p.id} ${k}`] = v;
      const chromium = totals(await chromiumProcesses(browser));
      Object.assign(row, { "renderers MiB": round(chromium.rendererMiB), "Chromium MiB": round(chromium.memoryMiB), "service MiB": round(memoryMiB(service.pid)) });
      rows.push(row);
      console.log(`  soak ${JSON.stringify(row)}`);
    };
    await record("0");
    const started = Date.now();
    let recycleMs = 0;
    for (let hour = 1; hour <= HOURS; hour++) {
      for (let step = 0; step < STEPS_PER_HOUR; step++) {
        await post("/api/schedule/next");
        // Each step is shown before the next: both pages carry the new layout.
        const { layoutId } = await (await fetch(`${service.url}/api/state`, { headers: { authorization: `Bearer ${BENCH_TOKEN}` } })).json();
        for (const p of pages) await p.page.waitForSelector(`[data-layout-id="${layoutId}"]`, { timeout: 15_000 });
        await new Promise((r) => setTimeout(r, 150));
      }
      await record(String(hour));
      if (hour === RECYCLE_HOUR) {
        // The controller's planned recycle: the replacement loads beside the old window, which goes once it is ready.
        const t0 = Date.now();
        const fresh = [];
        for (const p of pages) {
          const next = await openDisplay(browser, service.url, p.id);
          await shown(next.page);
          fresh.push(next);
          await p.page.close();
        }
        recycleMs = Date.now() - t0;
        pages = fresh;
        await record(`${hour} recycled`);
      }
    }
    const at = (label) => rows.find((r) => r.hour === label);
    // From hour 1, when every widget's code is loaded and every kind of layout has been shown.
    const last = rows.at(-1);
    const first = at("1") ?? rows[0];
    const before = at(String(RECYCLE_HOUR)) ?? last;
    const after = at(`${RECYCLE_HOUR} recycled`) ?? before;
    const result = { name: `soak: ${HOURS} compressed hours (${HOURS * STEPS_PER_HOUR} rotation steps over ${PLAYLIST.join(", ")}), recycled after hour ${RECYCLE_HOUR}`, seconds: Math.round((Date.now() - started) / 1000), "recycle ms (both pages)": recycleMs };
    for (const k of Object.keys(first)) if (k !== "hour" && k !== "layout") result[`${k}: hour 1 → ${RECYCLE_HOUR} | recycled → ${HOURS}`] = `${first[k]} → ${before[k]} | ${after[k]} → ${last[k]}`;
    result.hourly = rows;
    return result;
  } finally {
    await browser.close();
    await service.stop();
  }
}

// A compressed day of rotation: a playlist over camera, map and KPI layouts stepped by the schedule
// (POST /api/schedule/next) on two display pages, BENCH_SOAK_STEPS times (default 1,000). Every 100
// steps: JS heap after a GC, DOM nodes, media elements, hls.js instances and live WebGL contexts of
// each page — what would grow if the wall leaked over a day.
import { chromium } from "@playwright/test";
import fs from "node:fs/promises";
import path from "node:path";
import { BENCH_TOKEN, startService } from "./service-process.mjs";

const STEPS = Number(process.env.BENCH_SOAK_STEPS ?? 1000);
// Five layouts: every 100th step lands on the same one, so that samples compare like with like.
const PLAYLIST = ["camera-wall", "situation", "overview", "cameras", "environment"];
const ARGS = ["--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--disable-background-networking", "--disable-component-update", "--autoplay-policy=no-user-gesture-required"];

async function sample(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  const inPage = await page.evaluate(() => {
    const cams = window.iocWallDebug.cameras();
    return { dom: document.getElementsByTagName("*").length, media: cams.mediaElements, hls: cams.hlsInstances, webgl: window.iocWallDebug.webgl().live };
  });
  return { heapMiB: Math.round((heap / 1_048_576) * 10) / 10, ...inPage };
}

export async function benchSoak() {
  const service = await startService({ WALL_SIM_RATE: "50" });
  // A schedule the bench steps by hand: long dwells, so that only the steps move it.
  const post = (p, body) => fetch(`${service.url}${p}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_TOKEN}` }, ...(body ? { body: JSON.stringify(body) } : {}) });
  await fs.writeFile(path.join(service.layoutsDir, "schedules.json"), JSON.stringify({ playlists: [{ id: "soak", title: { vi: "Soak" }, items: PLAYLIST.map((layoutId) => ({ layoutId, seconds: 86_400 })) }], default: { playlist: "soak" } }));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ARGS });
  try {
    const pages = [];
    for (const id of ["D1", "D4"]) {
      const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
      await page.goto(`${service.url}/wall/${id}`);
      const cdp = await page.context().newCDPSession(page);
      pages.push({ id, page, cdp });
    }
    await new Promise((r) => setTimeout(r, 3000));
    const rows = [];
    const record = async (step) => {
      const row = { step };
      for (const p of pages) for (const [k, v] of Object.entries(await sample(p.page, p.cdp))) row[`${p.id} ${k}`] = v;
      rows.push(row);
      console.log(`  soak ${JSON.stringify(row)}`);
    };
    await record(0);
    const started = Date.now();
    for (let step = 1; step <= STEPS; step++) {
      await post("/api/schedule/next");
      // Each step is shown before the next: both pages carry the new layout.
      const { layoutId } = await (await fetch(`${service.url}/api/state`, { headers: { authorization: `Bearer ${BENCH_TOKEN}` } })).json();
      for (const p of pages) await p.page.waitForSelector(`[data-layout-id="${layoutId}"]`, { timeout: 15_000 });
      await new Promise((r) => setTimeout(r, 150));
      if (step % 100 === 0) await record(step);
    }
    // From step 100, when every widget's code is loaded and every kind of layout has been shown once.
    const first = rows[1] ?? rows[0];
    const last = rows.at(-1);
    const result = { name: `soak: ${STEPS} rotation steps over ${PLAYLIST.join(", ")}`, "seconds": Math.round((Date.now() - started) / 1000) };
    for (const k of Object.keys(first)) if (k !== "step") result[`${k} step ${first.step} → ${last.step}`] = `${first[k]} → ${last[k]}`;
    return result;
  } finally {
    await browser.close();
    await service.stop();
  }
}

import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.js";

type Tile = Record<string, unknown>;
/** D1 of the demo wall is columns 0–3, rows 0–5 of a 12×12 grid; D2 columns 4–7. */
const layout = (id: string, tiles: Tile[]) => ({ id, title: { vi: id }, grid: { columns: 12, rows: 12 }, tiles });
const map = { center: [105.97, 9.6], zoom: 9 };

interface Probe {
  swaps: Array<{ at: number; layout: string | null }>;
  /** Pending layouts seen on the root before they were shown (prepared off screen). */
  prepared: string[];
  /** Frames and changes of the page checked. */
  frames: number;
  /** Those with no tile, or with a tile whose body holds nothing at all and that does not say it is loading. */
  blank: number;
}

/** Records, on the page's clock (epoch ms), each instant its layout changes; and counts blank frames. */
async function probe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __probe: Probe };
    const root = document.querySelector("[data-display-id]")!;
    w.__probe = { swaps: [], prepared: [], frames: 0, blank: 0 };
    new MutationObserver((records) => {
      const at = performance.timeOrigin + performance.now();
      for (const r of records) {
        const value = root.getAttribute(r.attributeName!);
        if (r.attributeName === "data-pending-layout-id" && value && w.__probe.prepared.at(-1) !== value) w.__probe.prepared.push(value);
        if (r.attributeName === "data-layout-id" && w.__probe.swaps.at(-1)?.layout !== value) w.__probe.swaps.push({ at, layout: value });
      }
    }).observe(root, { attributes: true, attributeFilter: ["data-layout-id", "data-pending-layout-id"] });
    // Checked every frame, and at every change of the page (a state between two changes is what a
    // frame can show, however few frames a loaded machine draws).
    const check = () => {
      w.__probe.frames += 1;
      const tiles = [...document.querySelectorAll("[data-tile-id] .tile-body")];
      // A tile that has drawn nothing yet must at least say it is loading.
      if (tiles.length === 0 || tiles.some((b) => b.childElementCount === 0 && !b.closest(".tile")!.querySelector(".tile-loading"))) w.__probe.blank += 1;
    };
    new MutationObserver(check).observe(root, { subtree: true, childList: true, attributes: true });
    const tick = () => {
      check();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
const probed = (page: Page) => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);

test("two displays prepare a new layout off screen, keep the old one until switchAt, then swap, never blank", async ({ wall, openDisplay }) => {
  const pages = [await openDisplay("D1"), await openDisplay("D2")];
  for (const p of pages) await probe(p);
  for (const [i, target] of ["briefing", "economy", "health"].entries()) {
    await wall.show(target);
    const { switchAt } = (await wall.api<{ switchAt: number }>("GET", "/api/state")).body;
    for (const p of pages) await expect(p.locator("[data-display-id]")).toHaveAttribute("data-layout-id", target);
    for (const p of pages) {
      const r = await probed(p);
      expect(r.swaps.map((s) => s.layout)).toHaveLength(i + 1);
      expect(r.swaps.at(-1)!.layout).toBe(target);
      // Not before the instant (the pages share this machine's clock; 20 ms for the offset's error).
      expect(r.swaps.at(-1)!.at).toBeGreaterThanOrEqual(switchAt - 20);
      // It was mounted off screen first, its tiles without the tile hooks.
      expect(r.prepared.at(-1)).toBe(target);
    }
  }
  for (const p of pages) {
    const r = await probed(p);
    expect(r.frames).toBeGreaterThan(10);
    expect(r.blank).toBe(0);
    await expect(p.locator("[data-preparing-tile-id]")).toHaveCount(0);
  }
});

test("a camera and a map that both layouts show play and draw on through the swap, moved, not rebuilt", async ({ wall, openDisplay }) => {
  const d1 = await openDisplay("D1");
  await wall.addLayout(layout("watch-a", [
    { id: "cam", x: 0, y: 0, w: 2, h: 3, widget: "camera", options: { camera: "cam-03" } },
    { id: "map", x: 2, y: 0, w: 2, h: 3, widget: "map", options: map },
    { id: "clock", x: 0, y: 3, w: 4, h: 3, widget: "clock" },
  ]));
  await wall.addLayout(layout("watch-b", [
    { id: "big-cam", x: 0, y: 0, w: 3, h: 4, widget: "camera", options: { camera: "cam-03" } },
    { id: "province", x: 3, y: 0, w: 1, h: 6, widget: "map", options: map },
    { id: "kpi", x: 0, y: 4, w: 3, h: 2, widget: "kpi", options: { topic: "docs.issued.today" } },
  ]));
  await wall.show("watch-a");
  await expect(d1.locator('[data-tile-id="cam"]')).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  await expect(d1.locator('[data-tile-id="map"]')).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  const before = await d1.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-tile-id="cam"] video')!;
    const w = window as unknown as { __video: HTMLVideoElement; __interruptions: string[]; iocWallDebug: { webgl: () => { granted: number } } };
    w.__video = video;
    w.__interruptions = [];
    // A stop or a rebuild (a short underrun, "waiting", can happen on a loaded machine whatever the wall does).
    for (const e of ["pause", "emptied", "abort"]) video.addEventListener(e, () => w.__interruptions.push(e));
    return { time: video.currentTime, contexts: w.iocWallDebug.webgl().granted };
  });

  await wall.show("watch-b");
  await expect(d1.locator("[data-display-id]")).toHaveAttribute("data-layout-id", "watch-b");
  await expect(d1.locator('[data-tile-id="kpi"]')).toBeVisible();
  await d1.waitForTimeout(1500);
  const after = await d1.evaluate(() => {
    const w = window as unknown as { __video: HTMLVideoElement; __interruptions: string[]; iocWallDebug: { webgl: () => { granted: number } } };
    const video = document.querySelector<HTMLVideoElement>('[data-tile-id="big-cam"] video');
    return { same: video === w.__video, time: w.__video.currentTime, interruptions: w.__interruptions, contexts: w.iocWallDebug.webgl().granted };
  });
  // The same <video>, never paused or emptied, still advancing; the same map, no new WebGL context.
  expect(after.same).toBe(true);
  expect(after.interruptions).toEqual([]);
  expect(after.time).toBeGreaterThan(before.time + 1);
  expect(after.contexts).toBe(before.contexts);
  await expect(d1.locator('[data-tile-id="big-cam"]')).toHaveAttribute("data-status", "ready");
  await expect(d1.locator('[data-tile-id="province"]')).toHaveAttribute("data-status", "ready");
});

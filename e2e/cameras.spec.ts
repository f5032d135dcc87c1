import type { Page } from "@playwright/test";
import { expect, test, waitForLayout } from "./fixtures.js";
import type { WallProcess } from "./wall-process.js";

type Tile = Record<string, unknown>;
const layout = (id: string, tiles: Tile[]) => ({ id, title: { vi: id }, grid: { columns: 12, rows: 12 }, tiles });
/** D1 of the demo wall is columns 0–3, rows 0–5 of a 12×12 grid. */
const cam = (id: string, camera: string, x: number, y: number, w = 2, h = 3): Tile => ({ id, x, y, w, h, widget: "camera", options: { camera } });

async function show(wall: WallProcess, page: Page, l: { id: string; tiles: Tile[] }) {
  await wall.addLayout(l);
  await wall.show(l.id);
  await expect(page.locator(`[data-layout-id="${l.id}"]`)).toBeVisible();
}

function cameraStats(page: Page) {
  return page.evaluate(() => (window as unknown as { iocWallDebug: { cameras: () => { players: number; hlsInstances: number; mediaElements: number } } }).iocWallDebug.cameras());
}

async function videoProgress(page: Page) {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll<HTMLVideoElement>("video[data-camera-id]")].map((v) => [v.dataset.cameraId, { t: v.currentTime, frames: v.getVideoPlaybackQuality().totalVideoFrames }])),
  );
}

test("a 3×3 grid plays: every camera's time advances and frames decode", async ({ wall, openDisplay }) => {
  const d1 = await openDisplay("D1");
  const nine = ["cam-01", "cam-02", "cam-03", "cam-04", "cam-05", "cam-06", "cam-07", "cam-08", "cam-09"];
  await show(wall, d1, layout("grid9", [{ id: "grid", x: 0, y: 0, w: 4, h: 6, widget: "camera-grid", options: { cameras: nine, columns: 3, rows: 3 } }]));
  await expect(d1.locator('[data-camera-status="ready"]')).toHaveCount(9, { timeout: 30_000 });
  await expect(d1.locator('[data-tile-id="grid"]')).toHaveAttribute("data-status", "ready");
  const before = await videoProgress(d1);
  await d1.waitForTimeout(2000);
  const after = await videoProgress(d1);
  for (const id of nine) {
    expect(after[id]!.t, id).toBeGreaterThan(before[id]!.t + 1);
    expect(after[id]!.frames, id).toBeGreaterThan(before[id]!.frames + 20);
  }
  // Small cells take the sub-stream, never the main one.
  await expect(d1.locator('[data-camera-id="cam-01"][data-stream$="/360p/index.m3u8"]')).toHaveCount(1);
  await expect(d1.locator('[data-tile-id="grid"]')).toContainText("Cầu Quay");
});

test("a camera that drops out shows its slate within seconds and is live again when it returns", async ({ wall, openDisplay }) => {
  const d1 = await openDisplay("D1");
  await show(wall, d1, layout("dropout", [cam("c", "cam-02", 0, 0, 4, 6)]));
  const tile = d1.locator('[data-tile-id="c"]');
  await expect(tile).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  expect((await wall.api("POST", "/api/simulator/cameras/cam-02", { mode: "dropout" })).status).toBe(200);
  await expect(tile).toHaveAttribute("data-status", "offline", { timeout: 20_000 });
  await expect(tile.locator(".camera-slate")).toContainText("Mất tín hiệu");
  await expect(tile.locator(".camera-slate")).toContainText(/Khung hình cuối lúc \d{2}:\d{2}:\d{2}/);
  await expect(tile.locator(".camera-slate")).toContainText("Vòng xoay Hồ Nước Ngọt");
  // The backend's view arrives on the feed too (topic cameras.status).
  await expect(tile.locator(".camera-reported")).toHaveText("Hệ thống báo mất kết nối");
  expect((await wall.api("POST", "/api/simulator/cameras/cam-02", { mode: "normal" })).status).toBe(200);
  await expect(tile).toHaveAttribute("data-status", "ready", { timeout: 45_000 });
  await expect(tile.locator(".camera-slate")).toHaveCount(0);
  await expect(tile.locator(".camera-reported")).toHaveCount(0, { timeout: 10_000 });
});

test("a camera across a bezel that has no picture says so whole on each display", async ({ wall, openDisplay }) => {
  // Columns 2–5: half on D1, half on D2; the viewport is a display's full size, as on the wall.
  const d1 = await openDisplay("D1");
  const d2 = await openDisplay("D2");
  for (const page of [d1, d2]) await page.setViewportSize({ width: 1920, height: 1080 });
  await show(wall, d1, layout("gone-across", [cam("gone", "cam-12", 2, 0, 4, 6)]));
  for (const page of [d1, d2]) {
    await expect(page.locator('[data-tile-id="gone"]')).toHaveAttribute("data-status", "offline", { timeout: 30_000 });
    await expect(page.locator('[data-tile-id="gone"] .camera-slate')).toContainText("Mất tín hiệu");
    const cut = await page.locator('[data-tile-id="gone"] .camera-slate > *').evaluateAll((lines) =>
      lines.map((l) => l.getBoundingClientRect()).filter((r) => r.left < 0 || r.right > window.innerWidth).length,
    );
    expect(cut).toBe(0);
  }
});

test("a grid across a bezel plays on each display only the cameras that display shows, and is ready on both", async ({ wall, openDisplay }) => {
  const d1 = await openDisplay("D1");
  const d2 = await openDisplay("D2");
  // Columns 2–5, two cameras side by side: the left one on D1, the right one on D2.
  const grid = { id: "pair", x: 2, y: 0, w: 4, h: 3, widget: "camera-grid", options: { cameras: ["cam-01", "cam-03"], columns: 2, rows: 1 } };
  await show(wall, d1, layout("pair-across", [grid]));
  for (const [page, camera] of [[d1, "cam-01"], [d2, "cam-03"]] as const) {
    await expect(page.locator('[data-tile-id="pair"]')).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
    await expect(page.locator("[data-camera-id][data-camera-status]")).toHaveCount(1);
    await expect(page.locator("[data-camera-id][data-camera-status]")).toHaveAttribute("data-camera-id", camera);
    expect((await cameraStats(page)).players).toBe(1);
  }
});

test("a camera whose stream is gone (404) shows its slate while the others keep playing", async ({ wall, openDisplay }) => {
  const d1 = await openDisplay("D1");
  await show(wall, d1, layout("missing", [cam("gone", "cam-12", 0, 0), cam("a", "cam-01", 2, 0), cam("b", "cam-03", 0, 3)]));
  await expect(d1.locator('[data-tile-id="a"]')).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  await expect(d1.locator('[data-tile-id="b"]')).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  await expect(d1.locator('[data-tile-id="gone"]')).toHaveAttribute("data-status", "offline", { timeout: 30_000 });
  await expect(d1.locator('[data-tile-id="gone"] .camera-slate')).toContainText("Mất tín hiệu");
  await expect(d1.locator('[data-tile-id="gone"] .camera-slate')).toContainText("Chưa nhận được hình");
  const before = await videoProgress(d1);
  await d1.waitForTimeout(1500);
  const after = await videoProgress(d1);
  expect(after["cam-01"]!.t).toBeGreaterThan(before["cam-01"]!.t);
  expect(after["cam-03"]!.t).toBeGreaterThan(before["cam-03"]!.t);
});

test("a camera that sends black pictures, or one picture over and over, is shown as such, not as live", async ({ wall, openDisplay }) => {
  test.setTimeout(120_000);
  const d1 = await openDisplay("D1");
  await show(wall, d1, layout("pixels", [cam("c", "cam-05", 0, 0, 4, 6)]));
  const tile = d1.locator('[data-tile-id="c"]');
  await expect(tile).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  const setMode = async (mode: string) => expect((await wall.api("POST", "/api/simulator/cameras/cam-05", { mode })).status).toBe(200);

  // Frames keep coming on time; only the pixels tell.
  await setMode("black");
  await expect(tile.locator("[data-camera-status]")).toHaveAttribute("data-camera-status", "black", { timeout: 30_000 });
  await expect(tile).toHaveAttribute("data-status", "error");
  await expect(tile.locator(".camera-slate")).toContainText("Hình đen");
  const frames = async () => (await videoProgress(d1))["cam-05"]!.frames;
  const decoded = await frames();
  await d1.waitForTimeout(1000);
  expect(await frames()).toBeGreaterThan(decoded);

  await setMode("normal");
  await expect(tile).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  await expect(tile.locator(".camera-slate")).toHaveCount(0);

  await setMode("frozen");
  await expect(tile.locator("[data-camera-status]")).toHaveAttribute("data-camera-status", "frozen", { timeout: 60_000 });
  await expect(tile).toHaveAttribute("data-status", "stale");
  await expect(tile.locator(".camera-slate")).toContainText("Hình đứng");
  await setMode("normal");
  await expect(tile).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
});

test("a layout switch that keeps a camera keeps its video element playing", async ({ wall, openDisplay }) => {
  const d1 = await openDisplay("D1");
  await wall.addLayout(layout("keep-b", [cam("b", "cam-04", 2, 3), cam("other-b", "cam-06", 0, 0)]));
  await show(wall, d1, layout("keep-a", [cam("a", "cam-04", 0, 0), cam("other-a", "cam-05", 2, 0)]));
  await expect(d1.locator('[data-tile-id="a"]')).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  const t0 = await d1.evaluate(() => {
    const v = document.querySelector<HTMLVideoElement>('[data-tile-id="a"] video')!;
    v.dataset.kept = "yes";
    return v.currentTime;
  });
  await wall.show("keep-b");
  await expect(d1.locator('[data-layout-id="keep-b"]')).toBeVisible();
  const moved = d1.locator('[data-tile-id="b"] video[data-kept="yes"]');
  await expect(moved).toHaveCount(1);
  const state = await moved.evaluate((v: HTMLVideoElement) => ({ t: v.currentTime, paused: v.paused }));
  expect(state.paused).toBe(false);
  expect(state.t).toBeGreaterThanOrEqual(t0);
  await expect(d1.locator('[data-tile-id="b"]')).toHaveAttribute("data-status", "ready");
});

test("after 200 layout switches the media elements and hls.js instances are back where they started", async ({ wall, openDisplay }) => {
  test.setTimeout(240_000);
  const d1 = await openDisplay("D1");
  await wall.addLayout(layout("swap-b", [cam("x", "cam-07", 0, 0), cam("y", "cam-08", 2, 0)]));
  await show(wall, d1, layout("swap-a", [cam("x", "cam-05", 0, 0), cam("y", "cam-06", 2, 0)]));
  await expect(d1.locator('[data-camera-status="ready"]')).toHaveCount(2, { timeout: 30_000 });
  await d1.waitForTimeout(6000);
  expect(await cameraStats(d1)).toMatchObject({ players: 2, hlsInstances: 2, mediaElements: 2 });
  for (let i = 1; i <= 200; i++) {
    const id = i % 2 ? "swap-b" : "swap-a";
    await wall.show(id);
    await waitForLayout(d1, id);
  }
  // Past the pool's grace period, only what is on screen is left.
  await d1.waitForTimeout(6000);
  const end = await cameraStats(d1);
  expect({ players: end.players, hlsInstances: end.hlsInstances, mediaElements: end.mediaElements }).toEqual({ players: 2, hlsInstances: 2, mediaElements: 2 });
  expect(await d1.locator("video").count()).toBe(2);
  await expect(d1.locator('[data-camera-status="ready"]')).toHaveCount(2, { timeout: 30_000 });
});

test("a camera grid cycles through a group larger than the grid", async ({ wall, openDisplay }) => {
  const d1 = await openDisplay("D1");
  await show(wall, d1, layout("cycle", [{ id: "g", x: 0, y: 0, w: 4, h: 6, widget: "camera-grid", options: { group: "giao-thong", columns: 2, rows: 2, dwellSeconds: 3 } }]));
  const grid = d1.locator('[data-tile-id="g"] .camera-grid');
  await expect(grid).toHaveAttribute("data-pages", "2");
  await expect(grid).toHaveAttribute("data-page", "0");
  await expect(d1.locator('[data-tile-id="g"] [data-camera-id="cam-01"].camera')).toHaveCount(1);
  await expect(grid).toHaveAttribute("data-page", "1", { timeout: 8000 });
  await expect(d1.locator('[data-tile-id="g"] [data-camera-id="cam-11"].camera')).toHaveCount(1);
});

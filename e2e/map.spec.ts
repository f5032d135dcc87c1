import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test, waitForLayout } from "./fixtures.js";
import { signInWithToken } from "./console-support.js";
import { countWebglContexts, glCount, maps, pixels, sameColor, unproject, webglSlots, type MapInfo } from "./map-support.js";

const WATER: [number, number, number] = [10, 24, 38];
const LAND: [number, number, number] = [23, 34, 46];

function mapTile(id: string, options: Record<string, unknown>, at: { x: number; y: number; w: number; h: number } = { x: 0, y: 0, w: 1, h: 1 }) {
  return { id, ...at, widget: "map", options };
}

/** Sóc Trăng whole on D1 of the 3×2 demo wall, with every overlay. */
const provinceMap = {
  center: [105.97, 9.62],
  zoom: 9.4,
  overlays: [{ type: "districts", topic: "feedback.by_district" }, { type: "stations" }, { type: "feedback" }, { type: "cameras" }],
};

async function mapOf(page: Page, tileId: string): Promise<MapInfo | undefined> {
  return (await maps(page)).find((m) => m.tileId === tileId);
}

async function readyMap(page: Page, tileId: string): Promise<MapInfo> {
  await expect(page.locator(`[data-tile-id="${tileId}"]`)).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  return (await mapOf(page, tileId))!;
}

function countPixels(png: Buffer, match: (rgb: [number, number, number]) => boolean): number {
  const img = pixels(png);
  let n = 0;
  for (let y = 0; y < img.height; y += 2) for (let x = 0; x < img.width; x += 2) if (match(img.at(x, y))) n += 1;
  return n;
}

test("a map draws the built-in basemap with no network and its overlays from the simulator, which move as events arrive", async ({ wall, openDisplay, context }) => {
  const origin = new URL(wall.url).origin;
  const foreign: string[] = [];
  context.on("request", (r) => {
    const url = new URL(r.url());
    if (/^https?:$/.test(url.protocol) && url.origin !== origin) foreign.push(url.href);
  });
  await wall.addLayout({ id: "province", title: { vi: "Bản đồ tỉnh" }, grid: { columns: 3, rows: 2 }, tiles: [mapTile("map", provinceMap)] });
  await wall.show("province");
  const page = await openDisplay("D1");
  const info = await readyMap(page, "map");
  expect(info.canvas!.width).toBeGreaterThan(0);

  // Every overlay has its data: districts (choropleth), stations, cameras, citizen feedback.
  await expect.poll(async () => (await mapOf(page, "map"))!.layers["feedback-points"]?.count ?? 0).toBeGreaterThan(0);
  const layers = (await mapOf(page, "map"))!.layers;
  expect(layers["districts-fill"]!.count).toBe(11);
  expect(layers["stations-dots"]!.count).toBe(8);
  // Every camera of the catalogue that has a position.
  const catalogue = JSON.parse(fs.readFileSync("layouts/cameras.json", "utf8")) as { cameras: Array<{ lat?: number }> };
  expect(layers["cameras-dots"]!.count).toBe(catalogue.cameras.filter((c) => c.lat !== undefined).length);
  expect(layers["places"]!.count).toBeGreaterThan(0);
  // The simulator's newest reports are minutes old at most: they pulse.
  expect(layers["feedback-pulse"]!.count).toBeGreaterThan(0);
  // A legend says what each colour means, one row per overlay that encodes something.
  const legend = page.locator('[data-tile-id="map"] [data-map-legend]');
  await expect(legend).toContainText("Vượt ngưỡng");
  await expect(legend).toContainText("Quá hạn");
  await expect(legend).toContainText("Gián đoạn");
  await expect(legend.locator(".map-legend-ramp")).toHaveCount(1);

  // The pixels: sea and land of the offline basemap, and station dots in their threshold colours.
  const shot = await page.locator('[data-tile-id="map"]').screenshot();
  expect(countPixels(shot, (c) => sameColor(c, WATER, 4))).toBeGreaterThan(500);
  expect(countPixels(shot, (c) => sameColor(c, LAND, 4))).toBeGreaterThan(500);
  expect(countPixels(shot, (c) => sameColor(c, [255, 69, 58], 40) || sameColor(c, [255, 184, 0], 40) || sameColor(c, [52, 199, 120], 40))).toBeGreaterThan(5);

  // New citizen feedback moves the overlay: the newest point changes without the map being rebuilt.
  const newest = layers["feedback-points"]!.first;
  await expect.poll(async () => (await mapOf(page, "map"))!.layers["feedback-points"]!.first, { timeout: 30_000 }).not.toBe(newest);
  expect((await mapOf(page, "map"))!.rebuilds).toBe(0);
  expect(foreign).toEqual([]);

  // The window reports its WebGL contexts against its budget to the service.
  type State = { displays: Array<{ displayId: string; health?: { webgl?: { live: number; budget: number } } }> };
  await expect
    .poll(async () => (await wall.api<State>("GET", "/api/state")).body.displays.find((d) => d.displayId === "D1")?.health?.webgl, { timeout: 20_000 })
    .toMatchObject({ live: 1, budget: 4 });
});

test.describe("one map across two displays", () => {
  const BEZEL = 40;
  test.beforeEach(async ({ wall }) => {
    await wall.setTopology({
      columns: 2,
      rows: 1,
      display: { width: 1920, height: 1080 },
      bezel: { x: BEZEL, y: 0 },
      displays: [
        { id: "D1", col: 0, row: 0 },
        { id: "D2", col: 1, row: 0 },
      ],
    });
    await wall.addLayout({
      id: "seam",
      title: { vi: "Một bản đồ trên hai màn hình" },
      grid: { columns: 1, rows: 1 },
      tiles: [mapTile("map", { center: [105.97, 9.62], zoom: 10.2, overlays: [{ type: "districts", labels: false }] })],
    });
    await wall.show("seam");
  });

  /** The point just right of D1's last column, seen from D1, is D2's first column less the bezel. */
  async function expectSeamJoins(d1: Page, d2: Page) {
    for (const y of [0, 300, 700, 1079]) {
      const fromD1 = (await unproject(d1, "map", 1920 + BEZEL, y))!;
      const fromD2 = (await unproject(d2, "map", 0, y))!;
      expect(Math.abs(fromD1[0] - fromD2[0]), `longitude at row ${y}`).toBeLessThan(1e-5);
      expect(Math.abs(fromD1[1] - fromD2[1]), `latitude at row ${y}`).toBeLessThan(1e-5);
      // Without the bezel in the sum the two would be 40 px (at zoom 10, ~0.027°) apart.
      const naive = (await unproject(d1, "map", 1920, y))!;
      expect(Math.abs(naive[0] - fromD2[0])).toBeGreaterThan(0.01);
    }
  }

  test("each window draws its own part and the pixels line up across the seam", async ({ openDisplay }) => {
    const d1 = await openDisplay("D1");
    const d2 = await openDisplay("D2");
    const [m1, m2] = [await readyMap(d1, "map"), await readyMap(d2, "map")];
    // Each window renders only its part: a canvas of one display, not of the whole tile.
    expect(m1.canvas).toEqual({ width: 960, height: 540 });
    expect(m2.canvas).toEqual({ width: 960, height: 540 });
    expect(m1.center![0]).toBeLessThan(105.97);
    expect(m2.center![0]).toBeGreaterThan(105.97);
    await expectSeamJoins(d1, d2);

    // Pixels: D1's last column against D2's first, 20 device pixels (the bezel) apart on the map.
    const [a, b] = [pixels(await d1.screenshot()), pixels(await d2.screenshot())];
    let same = 0;
    const runs = new Set<string>();
    for (let y = 0; y < a.height; y++) {
      const left = a.at(a.width - 1, y);
      if (sameColor(left, b.at(0, y))) same += 1;
      runs.add(left.map((c) => Math.round(c / 16)).join(","));
    }
    expect(runs.size, "the seam crosses land, sea and district boundaries").toBeGreaterThanOrEqual(3);
    expect(same / a.height).toBeGreaterThan(0.9);
  });

  test("a pan and zoom from the console moves both parts together", async ({ wall, openDisplay, page }) => {
    const d1 = await openDisplay("D1");
    const d2 = await openDisplay("D2");
    await readyMap(d1, "map");
    await readyMap(d2, "map");
    // The operator's buttons: zoom in once, pan east once (a quarter of the tile's width).
    await signInWithToken(page, wall);
    const controls = page.locator('[data-map-tile="map"]');
    await controls.getByRole("button", { name: "Phóng to" }).click();
    for (const display of [d1, d2]) await expect.poll(async () => (await mapOf(display, "map"))!.zoom).toBe(10.7);
    const before = (await mapOf(d2, "map"))!.center![0];
    await controls.getByRole("button", { name: "Dịch sang đông" }).click();
    await expect.poll(async () => (await mapOf(d2, "map"))!.center![0]).toBeGreaterThan(before);
    await expect(controls.locator("[data-map-view]")).toContainText("mức 10,7");
    await expectSeamJoins(d1, d2);

    // The same through REST, as an integrator would.
    const moved = await wall.api<{ view: { zoom: number } }>("POST", "/api/state/map-view", { tileId: "map", center: [106.02, 9.55], zoom: 11 });
    expect(moved.status).toBe(200);
    expect(moved.body.view.zoom).toBe(11);
    for (const page of [d1, d2]) await expect.poll(async () => (await mapOf(page, "map"))!.zoom).toBe(11);
    await expectSeamJoins(d1, d2);
    // Refusals: no such tile, a malformed view, no token.
    expect((await wall.api("POST", "/api/state/map-view", { tileId: "nope", zoom: 3 })).status).toBe(404);
    expect((await wall.api("POST", "/api/state/map-view", { tileId: "map", zoom: 99 })).status).toBe(400);
    expect((await wall.api("POST", "/api/state/map-view", { tileId: "map", zoom: 5 }, null)).status).toBe(401);
    await wall.api("POST", "/api/state/map-view", { tileId: "map", reset: true });
    for (const page of [d1, d2]) await expect.poll(async () => (await mapOf(page, "map"))!.zoom).toBe(10.2);
  });
});

test("200 layout switches in and out of maps leave the WebGL context count where it started, never above the budget", async ({ wall, context }) => {
  // A third of the switches mount two maps, each prepared off screen until drawn: in SwiftShader that
  // takes the full bounded wait (switchAt + 1.5 s), about 2 s a switch.
  test.setTimeout(480_000);
  const two = (prefix: string) => [mapTile(`${prefix}-1`, { zoom: 8 }), mapTile(`${prefix}-2`, { zoom: 9 }, { x: 1, y: 0, w: 1, h: 1 })];
  // Two maps on D1 (a 6×4 grid puts 2×2 cells on each display) against a budget of two.
  await wall.setTopology({ columns: 3, rows: 2, display: { width: 1920, height: 1080 }, bezel: { x: 24, y: 24 }, webglPerDisplay: 2 });
  await wall.addLayout({ id: "maps-a", title: { vi: "A" }, grid: { columns: 6, rows: 4 }, tiles: two("a") });
  await wall.addLayout({ id: "maps-b", title: { vi: "B" }, grid: { columns: 6, rows: 4 }, tiles: two("b") });
  await wall.addLayout({ id: "no-map", title: { vi: "Không bản đồ" }, grid: { columns: 1, rows: 1 }, tiles: [{ id: "clock", x: 0, y: 0, w: 1, h: 1, widget: "clock" }] });
  await wall.show("no-map");
  const page = await context.newPage();
  await countWebglContexts(page);
  await page.goto(`${wall.url}/wall/D1`);
  await expect(page.locator('[data-layout-id="no-map"]')).toBeVisible();
  const start = await glCount(page);

  const order = ["maps-a", "maps-b", "no-map", "maps-b", "maps-a", "no-map"];
  for (let i = 0; i < 200; i++) {
    const id = order[i % order.length]!;
    await wall.show(id);
    await waitForLayout(page, id);
    // Now and then let the maps finish loading, so switches also tear down fully drawn maps.
    if (i % 25 === 0 && id !== "no-map") for (const t of [`${id.slice(-1)}-1`, `${id.slice(-1)}-2`]) await readyMap(page, t);
  }
  await wall.show("no-map");
  await expect(page.locator('[data-layout-id="no-map"]')).toBeVisible();
  await expect.poll(async () => (await webglSlots(page)).live).toBe(0);
  await expect.poll(async () => (await glCount(page)).live).toBe(start.live);
  const end = await glCount(page);
  expect(end.created).toBeGreaterThan(20);
  expect(end.peakLive).toBeLessThanOrEqual(2);
  expect((await webglSlots(page)).peak).toBeLessThanOrEqual(2);
});

test("a lost WebGL context is recovered by itself, and a map that cannot get one says why", async ({ wall, context, openDisplay }) => {
  await wall.addLayout({ id: "province", title: { vi: "Bản đồ tỉnh" }, grid: { columns: 3, rows: 2 }, tiles: [mapTile("map", provinceMap)] });
  await wall.show("province");
  const page = await openDisplay("D1");
  await readyMap(page, "map");
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-tile-id="map"] canvas')!;
    canvas.getContext("webgl2")!.getExtension("WEBGL_lose_context")!.loseContext();
  });
  await expect.poll(async () => (await mapOf(page, "map"))!.rebuilds, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  const back = await readyMap(page, "map");
  expect(back.layers["stations-dots"]!.count).toBe(8);
  expect((await webglSlots(page)).live).toBe(1);

  // A window where WebGL cannot be had at all: a slate with the reason, the tile in error.
  const blind = await context.newPage();
  await blind.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type === "webgl" || type === "webgl2") return null;
      return (original as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof original;
  });
  await blind.goto(`${wall.url}/wall/D1`);
  const tile = blind.locator('[data-tile-id="map"]');
  await expect(tile).toHaveAttribute("data-status", "error");
  await expect(tile.locator(".map-slate")).toContainText("Bản đồ không vẽ được");
  await expect(tile.locator(".map-slate-reason")).not.toBeEmpty();
});

test("an operator's PMTiles archive is read by HTTP Range, and tiles that fail leave the built-in basemap showing", async ({ wall, openDisplay }) => {
  await wall.addLayout({
    id: "own-tiles",
    title: { vi: "Bản đồ nền riêng" },
    grid: { columns: 3, rows: 2 },
    tiles: [
      mapTile("pmtiles", { center: [105.97, 9.62], zoom: 9.4, basemap: { type: "pmtiles", url: "/basemap/soc-trang.demo.pmtiles" } }),
      // Nothing listens there: every tile of this source fails.
      mapTile("broken", { center: [105.97, 9.62], zoom: 9.4, basemap: { type: "vector", tiles: ["http://127.0.0.1:59999/{z}/{x}/{y}.pbf"] } }, { x: 1, y: 0, w: 1, h: 1 }),
    ],
  });
  await wall.show("own-tiles");
  const ranges: number[] = [];
  const d1 = await openDisplay("D1");
  d1.on("response", (r) => {
    if (r.url().endsWith(".pmtiles")) ranges.push(r.status());
  });
  await d1.reload();
  const own = await readyMap(d1, "pmtiles");
  expect(ranges.length).toBeGreaterThan(0);
  expect(ranges.every((s) => s === 206)).toBe(true);
  expect(own.ownFeatures).toBeGreaterThan(0);

  const d2 = await openDisplay("D2");
  const broken = await readyMap(d2, "broken");
  expect(broken.ownFeatures).toBe(0);
  const shot = await d2.locator('[data-tile-id="broken"]').screenshot();
  expect(countPixels(shot, (c) => sameColor(c, LAND, 4))).toBeGreaterThan(500);
  expect(countPixels(shot, (c) => sameColor(c, WATER, 4))).toBeGreaterThan(500);
});

test("a layout that would open more maps on a display than wall.json allows is refused, naming the tiles", async ({ wall }) => {
  const five = Array.from({ length: 5 }, (_, i) => mapTile(`m${i}`, {}, { x: i, y: 0, w: 1, h: 1 }));
  await wall.addLayout({ id: "too-many-maps", title: { vi: "Quá nhiều bản đồ" }, grid: { columns: 15, rows: 2 }, tiles: five }).catch(() => {});
  const res = await wall.api<{ layouts: Array<{ id: string; inUse: boolean; errors: Array<{ message: string }> }> }>("GET", "/api/layouts");
  const entry = res.body.layouts.find((l) => l.id === "too-many-maps")!;
  expect(entry.inUse).toBe(false);
  expect(entry.errors[0]!.message).toContain('display "D1" would show 5 maps (tiles "m0", "m1", "m2", "m3", "m4")');
});

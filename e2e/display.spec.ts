import fs from "node:fs/promises";
import { expect, test } from "./fixtures.js";
import { showSpanning } from "./spanning-layout.js";

const root = (id: string) => `[data-display-id="${id}"]`;

test("two displays render their parts of a tile spanning the bezel, as one picture", async ({ wall, openDisplay }) => {
  await showSpanning(wall);
  const d1 = await openDisplay("D1");
  const d2 = await openDisplay("D2");
  for (const page of [d1, d2]) {
    await expect(page.locator(root(page === d1 ? "D1" : "D2"))).toHaveAttribute("data-layout-id", "spanning");
    await expect(page.locator('[data-tile-id="clock"]')).toHaveAttribute("data-status", "ready");
    await expect(page.locator('[data-tile-id="clock"]')).toHaveAttribute("data-widget", "clock");
  }
  // The clock tile spans canvas x 968..2904; D1 shows 968..1920, D2 (which starts at 1944) shows 0..960.
  // The pages are 960×540: half scale.
  const b1 = (await d1.locator('[data-tile-id="clock"]').boundingBox())!;
  const b2 = (await d2.locator('[data-tile-id="clock"]').boundingBox())!;
  expect(b1.x).toBeCloseTo(484, 0);
  expect(b1.x + b1.width).toBeCloseTo(960, 0);
  expect(b2.x).toBeCloseTo(0, 0);
  expect(b2.width).toBeCloseTo(480, 0);
  // Continuity: the whole tile's content sits at the same wall-canvas position seen from either
  // display (D2's origin is 1920 + the 24 px bezel), so the picture is one across the bezel.
  const content1 = (await d1.locator('[data-tile-id="clock"] .tile-content').boundingBox())!;
  const content2 = (await d2.locator('[data-tile-id="clock"] .tile-content').boundingBox())!;
  expect(content1.x * 2).toBeCloseTo(968, 0);
  expect(content2.x * 2 + 1944).toBeCloseTo(968, 0);
  expect(content1.width).toBeCloseTo(content2.width, 0);
  expect(content1.y).toBeCloseTo(content2.y, 0);
  // Tiles on the other display only are not rendered here.
  await expect(d1.locator('[data-tile-id="domains"]')).toHaveCount(0);
  await expect(d2.locator('[data-tile-id="intro"]')).toHaveCount(0);
});

test("a REST switch changes every display", async ({ wall, openDisplay }) => {
  const d1 = await openDisplay("D1");
  const d5 = await openDisplay("D5");
  const res = await wall.api("POST", "/api/state/layout", { layoutId: "briefing" });
  expect(res.status).toBe(200);
  await expect(d1.locator(root("D1"))).toHaveAttribute("data-layout-id", "briefing");
  await expect(d5.locator(root("D5"))).toHaveAttribute("data-layout-id", "briefing");
  await expect(d1.locator('[data-tile-id="title"]')).toHaveAttribute("data-status", "ready");
  await expect(d1.locator('[data-tile-id="title"]')).toContainText("GIAO BAN TRỰC TUYẾN");
});

test("a bad layout edit is refused while the wall keeps the last good one", async ({ wall, openDisplay }) => {
  await showSpanning(wall);
  const d1 = await openDisplay("D1");
  await expect(d1.locator('[data-tile-id="intro"]')).toContainText("Chính quyền điện tử");
  const file = wall.layoutFile("spanning");
  const good = JSON.parse(await fs.readFile(file, "utf8"));
  // Overlapping tiles: the intro tile moved onto the clock.
  await fs.writeFile(file, JSON.stringify({ ...good, tiles: good.tiles.map((t: { id: string }) => (t.id === "intro" ? { ...t, x: 3 } : t)) }));
  await expect
    .poll(async () => (await wall.api<{ layouts: Array<{ id: string; errors: Array<{ path: string; message: string }> }> }>("GET", "/api/layouts")).body.layouts.find((l) => l.id === "spanning")!.errors)
    .toEqual([expect.objectContaining({ path: "$.tiles[2]", message: expect.stringContaining("overlaps") })]);
  await expect(d1.locator('[data-tile-id="intro"]')).toBeVisible();
  const introBox = (await d1.locator('[data-tile-id="intro"]').boundingBox())!;
  expect(introBox.x).toBeCloseTo(0, 0);
  // A good edit then goes through, live.
  const fixed = { ...good, tiles: good.tiles.map((t: { id: string; options: object }) => (t.id === "intro" ? { ...t, options: { ...t.options, body: { vi: "Nội dung đã cập nhật" } } } : t)) };
  await fs.writeFile(file, JSON.stringify(fixed));
  await expect(d1.locator('[data-tile-id="intro"]')).toContainText("Nội dung đã cập nhật");
});

test("a wrong token gets 401 and changes nothing", async ({ wall, openDisplay }) => {
  const d1 = await openDisplay("D1");
  const res = await wall.api<{ error: string }>("POST", "/api/state/layout", { layoutId: "briefing" }, "not-the-token");
  expect(res.status).toBe(401);
  expect(res.body.error).toMatch(/token/);
  expect((await wall.api("POST", "/api/state/layout", { layoutId: "briefing" }, null)).status).toBe(401);
  await d1.waitForTimeout(300);
  await expect(d1.locator(root("D1"))).toHaveAttribute("data-layout-id", "overview");
});

test("a display that reloads comes back to the current layout", async ({ wall, openDisplay }) => {
  const d3 = await openDisplay("D3");
  await wall.api("POST", "/api/state/layout", { layoutId: "situation" });
  await expect(d3.locator(root("D3"))).toHaveAttribute("data-layout-id", "situation");
  await d3.reload();
  await expect(d3.locator(root("D3"))).toHaveAttribute("data-layout-id", "situation");
  await expect(d3.locator('[data-tile-id="headline"]')).toHaveAttribute("data-status", "ready");
});

test("a display that loses the service keeps its picture, says so, and comes back by itself", async ({ wall, openDisplay }) => {
  const d2 = await openDisplay("D2");
  await expect(d2.locator('[data-testid="offline-marker"]')).toHaveCount(0);
  await expect(d2.locator('[data-tile-id="kpi-admin"]')).toHaveAttribute("data-status", "ready");
  await wall.stop();
  await expect(d2.locator('[data-testid="offline-marker"]')).toContainText("Mất kết nối");
  await expect(d2.locator('[data-tile-id="kpi-admin"] .kpi-number')).not.toBeEmpty();
  await expect(d2.locator(root("D2"))).toHaveAttribute("data-layout-id", "overview");
  await wall.start();
  await expect(d2.locator('[data-testid="offline-marker"]')).toHaveCount(0, { timeout: 20_000 });
  await wall.api("POST", "/api/state/layout", { layoutId: "briefing" });
  await expect(d2.locator(root("D2"))).toHaveAttribute("data-layout-id", "briefing");
});

test("a display id missing from wall.json gets a clear slate", async ({ wall, page }) => {
  await page.goto(`${wall.url}/wall/D9`);
  await expect(page.locator(root("D9"))).toContainText("Màn hình “D9” không có trong cấu hình wall.json");
  await expect(page.locator(root("D9"))).toContainText("D1, D2, D3, D4, D5, D6");
});

test("Vietnamese text renders in the bundled font, with nothing fetched from outside", async ({ openDisplay, wall }) => {
  await showSpanning(wall);
  const requests: string[] = [];
  const d1 = await openDisplay("D1");
  d1.on("request", (r) => requests.push(r.url()));
  await d1.reload();
  await expect(d1.locator('[data-tile-id="intro"]')).toHaveAttribute("data-status", "ready");
  const fontOk = await d1.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('32px "Be Vietnam Pro"', "Trung tâm kết nối nền tảng Chính quyền điện tử");
  });
  expect(fontOk).toBe(true);
  const family = await d1.locator(".text-body").first().evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toContain("Be Vietnam Pro");
  expect(requests.filter((u) => !u.startsWith(wall.url) && !u.startsWith("ws://"))).toEqual([]);
});

test("figures from the built-in simulator carry a discreet mark, on one display only", async ({ openDisplay }) => {
  const d3 = await openDisplay("D3");
  await expect(d3.getByTestId("simulated-mark")).toHaveText("Dữ liệu mô phỏng");
  const d1 = await openDisplay("D1");
  await expect(d1.locator('[data-display-id="D1"] [data-tile-id]').first()).toBeVisible();
  await expect(d1.getByTestId("simulated-mark")).toHaveCount(0);
});

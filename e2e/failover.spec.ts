import { TestRedis, freePort } from "../electron/service/test-support/redis-server.js";
import { signIn } from "./console-support.js";
import { expect, test } from "./fixtures.js";
import { frames, startSampler } from "./frame-sampler.js";
import { WallProcess } from "./wall-process.js";

/** Two instances of the wall on one real Redis, each knowing the other, started and showing "intro"; all gone after `run`. */
async function withTwoInstances(run: (a: WallProcess, b: WallProcess) => Promise<void>): Promise<void> {
  const redis = await TestRedis.create();
  const walls = [await WallProcess.create(), await WallProcess.create()] as [WallProcess, WallProcess];
  try {
    for (const w of walls) w.url = `http://127.0.0.1:${await freePort()}`;
    const peers = walls.map((w) => w.url).join(",");
    for (const w of walls) w.env = { WALL_REDIS_URL: redis.url, WALL_PEERS: peers };
    for (const w of walls) await w.start();
    await walls[0].show("intro");
    await run(...walls);
  } finally {
    for (const w of walls) await w.dispose();
    await redis.dispose();
  }
}

test("a display whose service dies moves to another instance of the wall, keeping its picture, and follows what is commanded there", async ({ browser }) => {
  await withTwoInstances(async (a, b) => {
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.goto(`${a.url}/wall/D1`);
    const root = page.locator('[data-display-id="D1"]');
    await expect(root).toHaveAttribute("data-layout-id", "intro");
    await startSampler(page);
    // Told of the other instance, the display loads every widget's code while its own is alive.
    await page.waitForFunction(() => (window as unknown as { iocWallDebug: { widgetsLoaded: () => boolean } }).iocWallDebug.widgetsLoaded(), undefined, { timeout: 20_000 });

    const health = async (w: WallProcess) => (await w.api<{ shared: { leader: boolean } }>("GET", "/api/health")).body.shared;
    // A started first and leads: it runs the schedule and the alarm rules.
    expect((await health(a)).leader).toBe(true);
    await a.stop("SIGKILL");
    // The picture stays while the display looks for another instance.
    await page.waitForTimeout(1500);
    await expect(root).toHaveAttribute("data-layout-id", "intro");
    // Its lease runs out (5 s) and B takes the rules on.
    await expect.poll(async () => (await health(b)).leader, { timeout: 15_000 }).toBe(true);
    await b.show("economy");
    await expect(root).toHaveAttribute("data-layout-id", "economy", { timeout: 15_000 });
    // Widgets it had never shown draw, with their figures from the instance it moved to.
    await expect(page.locator('[data-tile-id][data-status="ready"]')).not.toHaveCount(0, { timeout: 15_000 });
    await expect(page.locator('[data-tile-id][data-status="loading"], [data-tile-id][data-status="error"]')).toHaveCount(0, { timeout: 15_000 });
    const f = await frames(page);
    expect(f.total).toBeGreaterThan(30);
    expect(f.empty).toBe(0);
    expect(f.layouts).toEqual(["intro", "economy"]);
  });
});

test("a display that moved fetches what it needs from its new instance: its cameras play again, a map it had never drawn draws", async ({ browser }) => {
  await withTwoInstances(async (a, b) => {
    await a.show("camera-wall");
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.goto(`${a.url}/wall/D1`);
    const grid = page.locator('[data-tile-id="center-grid"]');
    await expect(grid).toHaveAttribute("data-status", "ready", { timeout: 20_000 });
    await page.waitForFunction(() => (window as unknown as { iocWallDebug: { widgetsLoaded: () => boolean } }).iocWallDebug.widgetsLoaded(), undefined, { timeout: 20_000 });

    // The demo streams' instance dies with the display's. Well past what a player holds (6 s), every
    // camera's picture still advances: its segments come from the instance the display moved to.
    await a.stop("SIGKILL");
    await page.waitForTimeout(20_000);
    const playing = () => page.evaluate(() => (window as unknown as { iocWallDebug: { cameras: () => { cameras: Array<{ status: string; frameAgeMs?: number }> } } }).iocWallDebug.cameras().cameras.map((c) => c.status === "ready" && (c.frameAgeMs ?? Infinity) < 3000));
    await expect.poll(async () => { const p = await playing(); return p.length >= 9 && p.every(Boolean); }, { timeout: 30_000 }).toBe(true);
    await expect(grid).toHaveAttribute("data-status", "ready");
    // A map never drawn on this page: its basemap comes from the instance it moved to.
    await b.show("situation");
    const map = page.locator('[data-widget="map"]');
    await expect(map).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
    await page.screenshot({ path: test.info().outputPath("moved-display-map.png") });
  });
});

test("a console whose service dies moves to another instance and goes on: signed in, commanding, its accounts page working", async ({ browser }) => {
  await withTwoInstances(async (a, b) => {
    // An account made through B signs in on a console served by A: accounts are the wall's.
    expect((await b.api("POST", "/api/users", { username: "ca.truc", password: "ca-dem-2026", role: "admin" })).status).toBe(201);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(page, a, "ca.truc", "ca-dem-2026");
    await expect(page.locator(".signed-in-as")).toContainText("ca.truc");
    const root = page.locator(".console");
    await expect(root).toHaveAttribute("data-connection", "online");
    // The layouts come in their own message after the connection: wait for them before A dies.
    const intro = page.locator('.layout-list [data-layout-id="intro"]');
    await expect(intro).toBeVisible();

    await expect(page.locator(".last-change")).toHaveAttribute("data-last-change-by", "admin");

    await a.stop("SIGKILL");
    await expect(root).toHaveAttribute("data-connection", "offline");
    // Meanwhile the wall is changed through B (retried while A's lease runs out).
    const signedIn = await b.api<{ token: string }>("POST", "/api/login", { username: "ca.truc", password: "ca-dem-2026" }, null);
    await expect.poll(async () => (await b.api("POST", "/api/state/layout", { layoutId: "tourism" }, signedIn.body.token)).status, { timeout: 15_000 }).toBe(200);
    // What it showed stays while it looks for another instance; then it is on B, still signed in.
    await expect(intro).toBeVisible();
    await expect(root).toHaveAttribute("data-service-origin", b.url, { timeout: 15_000 });
    await expect(root).toHaveAttribute("data-connection", "online", { timeout: 15_000 });
    await expect(page.locator("[data-moved-to]")).toContainText(`Đang dùng máy chủ ${new URL(b.url).host}`);
    await expect(page.locator(".signed-in-as")).toContainText("ca.truc");
    // It says who changed the wall while it was moving (told live, or as the last change on reaching B).
    await expect(page.locator(".last-change")).toHaveAttribute("data-last-change-by", "ca.truc");
    // A command from the moved console reaches the wall through B.
    await page.locator('.layout-list [data-layout-id="economy"] button').click();
    await expect.poll(async () => (await b.api<{ layoutId: string }>("GET", "/api/state")).body.layoutId, { timeout: 10_000 }).toBe("economy");
    // Its REST calls go to B too (a cross-origin call B admits for its peer): the accounts page lists the wall's accounts.
    await page.getByRole("button", { name: "Quản trị" }).click();
    await expect(page.locator('[data-user="ca.truc"]')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("console-moved.png") });
  });
});

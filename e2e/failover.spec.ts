import { TestRedis, freePort } from "../electron/service/test-support/redis-server.js";
import { expect, test } from "./fixtures.js";
import { frames, startSampler } from "./frame-sampler.js";
import { WallProcess } from "./wall-process.js";

test("a display whose service dies moves to another instance of the wall, keeping its picture, and follows what is commanded there", async ({ browser }) => {
  const redis = await TestRedis.create();
  const walls = [await WallProcess.create(), await WallProcess.create()];
  try {
    for (const w of walls) w.url = `http://127.0.0.1:${await freePort()}`;
    const peers = walls.map((w) => w.url).join(",");
    for (const w of walls) w.env = { WALL_REDIS_URL: redis.url, WALL_PEERS: peers };
    const [a, b] = walls as [WallProcess, WallProcess];
    await a.start();
    await b.start();
    await a.show("intro");
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.goto(`${a.url}/wall/D1`);
    const root = page.locator('[data-display-id="D1"]');
    await expect(root).toHaveAttribute("data-layout-id", "intro");
    await startSampler(page);
    // Told of the other instance, the display loads every widget's code while its own is alive.
    await page.waitForFunction(() => (window as unknown as { iocWallDebug: { widgetsLoaded: () => boolean } }).iocWallDebug.widgetsLoaded(), undefined, { timeout: 20_000 });

    await a.stop("SIGKILL");
    // The picture stays while the display looks for another instance.
    await page.waitForTimeout(1500);
    await expect(root).toHaveAttribute("data-layout-id", "intro");
    await b.show("economy");
    await expect(root).toHaveAttribute("data-layout-id", "economy", { timeout: 15_000 });
    // Widgets it had never shown draw, with their figures from the instance it moved to.
    await expect(page.locator('[data-tile-id][data-status="ready"]')).not.toHaveCount(0, { timeout: 15_000 });
    await expect(page.locator('[data-tile-id][data-status="loading"], [data-tile-id][data-status="error"]')).toHaveCount(0, { timeout: 15_000 });
    const f = await frames(page);
    expect(f.total).toBeGreaterThan(30);
    expect(f.empty).toBe(0);
    expect(f.layouts).toEqual(["intro", "economy"]);
  } finally {
    for (const w of walls) await w.dispose();
    await redis.dispose();
  }
});

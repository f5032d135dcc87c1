import fs from "node:fs/promises";
import path from "node:path";
import { expect, test, waitForLayout } from "./fixtures.js";

test("the power schedule darkens the wall and turns it off, cameras stopped, and wakes it, from schedules.json as it is edited", async ({ wall, openDisplay }) => {
  const d1 = await openDisplay("D1");
  await wall.show("camera-wall");
  await waitForLayout(d1, "camera-wall");
  await expect(d1.locator("video[data-camera-id]").first()).toBeAttached();
  const root = d1.locator('[data-display-id="D1"]');
  await expect(root).toHaveAttribute("data-power", "on");
  const writePower = (power: Array<{ cron: string; state: string }>) =>
    fs.writeFile(path.join(wall.layoutsDir, "schedules.json"), JSON.stringify({ playlists: [], rules: [], power }));

  // Every minute is a time to be dim: the last entry whose time came is this minute's.
  await writePower([{ cron: "* * * * *", state: "dim" }]);
  await expect(root).toHaveAttribute("data-power", "dim");
  await expect(d1.getByTestId("power-cover")).toBeVisible();
  await expect(d1.locator("[data-tile-id]").first()).toBeVisible();

  await writePower([{ cron: "* * * * *", state: "off" }]);
  await expect(root).toHaveAttribute("data-power", "off");
  // Nothing mounted under the black: no tile, no camera decoding all night.
  await expect(d1.locator("[data-tile-id]")).toHaveCount(0);
  await expect(d1.locator("video[data-camera-id]")).toHaveCount(0);
  expect((await wall.api<{ power: string }>("GET", "/api/state")).body.power).toBe("off");

  // A bad edit is refused and the last good schedule keeps the wall off.
  await writePower([{ cron: "every night", state: "on" }]);
  await expect.poll(async () => (await wall.api<{ schedules: { errors: Array<{ path: string }> } }>("GET", "/api/layouts")).body.schedules.errors.map((e) => e.path)).toContain("$.power[0].cron");
  await expect(root).toHaveAttribute("data-power", "off");

  await writePower([]);
  await expect(root).toHaveAttribute("data-power", "on");
  await expect(d1.locator("[data-tile-id]").first()).toBeVisible();
  await expect(d1.getByTestId("power-cover")).toHaveCount(0);
});

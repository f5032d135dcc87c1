import fs from "node:fs/promises";
import path from "node:path";
import { expect, test, waitForLayout } from "./fixtures.js";

test("a service killed outright comes back, as its supervisor restarts it, with the wall as it was, and the displays with it", async ({ wall, openDisplay }) => {
  const d1 = await openDisplay("D1");
  await wall.show("situation");
  await waitForLayout(d1, "situation");
  expect((await wall.api("POST", "/api/state/map-view", { tileId: "map", zoom: 11.5 })).status).toBe(200);
  // Saved as it happens (the state file is rewritten atomically on each change).
  await expect.poll(async () => JSON.parse(await fs.readFile(path.join(wall.stateDir, "state.json"), "utf8")) as { layoutId: string; mapViews: Record<string, { zoom: number }> }).toMatchObject({ layoutId: "situation", mapViews: { map: { zoom: 11.5 } } });

  await wall.stop("SIGKILL");
  await expect(d1.locator("[data-connection]")).toHaveAttribute("data-connection", "offline", { timeout: 15_000 });
  // The last picture stays up while the service is away.
  await expect(d1.locator('[data-layout-id="situation"]')).toBeVisible();
  await wall.start();

  const state = await wall.api<{ layoutId: string }>("GET", "/api/state");
  expect(state.body.layoutId).toBe("situation");
  await expect(d1.locator("[data-connection]")).toHaveAttribute("data-connection", "online", { timeout: 30_000 });
  await waitForLayout(d1, "situation");
});

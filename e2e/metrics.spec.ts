import { expect, test, waitForLayout } from "./fixtures.js";
import { ADMIN_TOKEN } from "./wall-process.js";

/** One sample's value, by its name and labels as Prometheus writes them. */
const sample = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

test("/metrics follows a running wall: displays connected, switches, tile states, camera frame age; its log is JSON lines", async ({ wall, openDisplay }) => {
  const scrape = async () => (await fetch(`${wall.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
  expect((await fetch(`${wall.url}/metrics`)).status).toBe(401);
  const d1 = await openDisplay("D1");
  const d2 = await openDisplay("D2");
  await expect.poll(async () => sample(await scrape(), "ioc_wall_displays_connected")).toBe(2);
  const switches = sample(await scrape(), "ioc_wall_layout_switches_total")!;

  // The camera wall: D1 plays cameras, and their pictures' age shows up per camera.
  await wall.show("camera-wall");
  for (const page of [d1, d2]) await waitForLayout(page, "camera-wall");
  expect(sample(await scrape(), "ioc_wall_layout_switches_total")).toBe(switches + 1);
  await expect(d1.locator('[data-tile-id][data-status="loading"]')).toHaveCount(0, { timeout: 30_000 });
  // Health reports come every few seconds: the tiles the two displays show, ready ones among them.
  await expect.poll(async () => sample(await scrape(), 'ioc_wall_tiles{status="ready"}'), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect.poll(async () => sample(await scrape(), 'ioc_wall_camera_frame_age_seconds{camera="cam-01"}'), { timeout: 20_000 }).toBeLessThan(10);

  await d2.close();
  await expect.poll(async () => sample(await scrape(), "ioc_wall_displays_connected")).toBe(1);

  // Its log, read by a supervisor (not a terminal): one JSON line per event, the switch among them.
  const logLines = wall.output.split("\n").filter((l) => l.startsWith("{"));
  const events = logLines.map((l) => JSON.parse(l) as { level: string; time: string; msg: string; layoutId?: string });
  expect(events.length).toBeGreaterThan(3);
  for (const e of events) expect(["info", "warn", "error"]).toContain(e.level);
  expect(events).toContainEqual(expect.objectContaining({ msg: "layout switched", layoutId: "camera-wall" }));
});

import fs from "node:fs/promises";
import path from "node:path";
import { signInWithToken } from "./console-support.js";
import { expect, test } from "./fixtures.js";
import { frames, startSampler } from "./frame-sampler.js";
import type { WallProcess } from "./wall-process.js";

const root = (id: string) => `[data-display-id="${id}"]`;

async function writeSchedule(wall: WallProcess, schedule: unknown): Promise<void> {
  await fs.writeFile(path.join(wall.layoutsDir, "schedules.json"), JSON.stringify(schedule));
}

const playlist = { id: "fast", title: { vi: "Nhanh" }, items: [{ layoutId: "health", seconds: 2 }, { layoutId: "economy", seconds: 2 }, { layoutId: "tourism", seconds: 2 }] };

test("a 2-second playlist rotates two displays together without a frame lacking tiles; the console pauses and resumes it", async ({ wall, openDisplay, page }) => {
  const d1 = await openDisplay("D1");
  const d2 = await openDisplay("D2");
  for (const d of [d1, d2]) await startSampler(d);
  await writeSchedule(wall, { manualHoldMinutes: 30, playlists: [playlist], default: { playlist: "fast" } });
  await expect.poll(async () => (await frames(d1)).layouts.filter((l) => ["health", "economy", "tourism"].includes(l)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
  for (const d of [d1, d2]) {
    const f = await frames(d);
    expect(f.total).toBeGreaterThan(10);
    expect(f.empty).toBe(0);
  }

  await signInWithToken(page, wall);
  await expect(page.locator("[data-schedule-mode]")).toHaveAttribute("data-schedule-mode", "schedule");
  await expect(page.locator(".schedule-next")).toContainText("Tiếp theo");
  // The operator pauses for a chosen time: an hour, not the file's 30-minute hold.
  await page.getByLabel("Tạm dừng trong").selectOption({ label: "1 giờ" });
  await page.getByRole("button", { name: "Tạm dừng" }).click();
  await expect(page.locator("[data-schedule-mode]")).toHaveAttribute("data-schedule-mode", "manual");
  const hold = (await wall.api<{ hold: { until: number } | null }>("GET", "/api/state")).body.hold;
  expect((hold?.until ?? 0) - Date.now()).toBeGreaterThan(55 * 60_000);
  // What the wall holds is what the service says; a switch decided just before the pause may still be on its way.
  const held = (await wall.api<{ layoutId: string }>("GET", "/api/state")).body.layoutId;
  await expect(d1.locator(root("D1"))).toHaveAttribute("data-layout-id", held);
  await d1.waitForTimeout(3000);
  await expect(d1.locator(root("D1"))).toHaveAttribute("data-layout-id", held);
  await page.getByRole("button", { name: "Tiếp tục theo lịch" }).click();
  await expect(page.locator("[data-schedule-mode]")).toHaveAttribute("data-schedule-mode", "schedule");
  await expect(d1.locator(root("D1"))).not.toHaveAttribute("data-layout-id", held, { timeout: 5000 });

  // A manual switch from the console holds the wall against the clock.
  await page.locator('.layout-list [data-layout-id="situation"] button').click();
  await expect(page.locator("[data-schedule-mode]")).toHaveAttribute("data-schedule-mode", "manual");
  await d2.waitForTimeout(3000);
  await expect(d2.locator(root("D2"))).toHaveAttribute("data-layout-id", "situation");
  expect((await frames(d2)).empty).toBe(0);
});

test("a briefing deck is started and stepped from the console, by buttons and by a presenter's keys, its position on the wall", async ({ wall, openDisplay, page }) => {
  const d6 = await openDisplay("D6");
  await writeSchedule(wall, { playlists: [playlist], briefings: [{ id: "morning", title: { vi: "Giao ban sáng" }, slides: ["briefing", "overview", "environment"], showPosition: true }], default: { playlist: "fast" } });
  await signInWithToken(page, wall);
  await page.locator('[data-start-briefing="morning"]').click();
  await expect(d6.locator(root("D6"))).toHaveAttribute("data-layout-id", "briefing");
  await expect(page.locator(".briefing-position")).toContainText("1 / 3");
  await expect(d6.locator('[data-testid="briefing-position"]')).toHaveText("1 / 3");
  await page.getByRole("button", { name: "Sau" }).click();
  await expect(d6.locator(root("D6"))).toHaveAttribute("data-layout-id", "overview");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("PageDown");
  await expect(d6.locator(root("D6"))).toHaveAttribute("data-layout-id", "environment");
  await expect(d6.locator('[data-testid="briefing-position"]')).toHaveText("3 / 3");
  await page.keyboard.press("ArrowLeft");
  await expect(d6.locator(root("D6"))).toHaveAttribute("data-layout-id", "overview");
  await page.getByRole("button", { name: "Kết thúc giao ban" }).click();
  await expect(page.locator("[data-schedule-mode]")).toHaveAttribute("data-schedule-mode", "schedule");
  await expect(d6.locator('[data-testid="briefing-position"]')).toHaveCount(0);
});

test("a rule fires at its minute and puts its layout on the wall; a broken edit keeps the last good schedule", async ({ wall, openDisplay }) => {
  // The next whole minute may be a minute away.
  test.setTimeout(120_000);
  const d1 = await openDisplay("D1");
  // The next whole minute in the province's time, as cron fields.
  const next = new Date(Math.ceil((Date.now() + 1000) / 60_000) * 60_000);
  const hanoi = new Date(next.getTime() + 7 * 3_600_000);
  const cron = `${hanoi.getUTCMinutes()} ${hanoi.getUTCHours()} * * *`;
  await writeSchedule(wall, { timeZone: "Asia/Ho_Chi_Minh", rules: [{ id: "at-the-minute", cron, minutes: 5, layout: "situation" }], default: { layout: "health" } });
  await expect(d1.locator(root("D1"))).toHaveAttribute("data-layout-id", "health");
  await fs.writeFile(path.join(wall.layoutsDir, "schedules.json"), "{ broken");
  await expect.poll(async () => (await wall.api<{ schedules: { errors: unknown[] } }>("GET", "/api/layouts")).body.schedules.errors.length).toBe(1);
  await expect(d1.locator(root("D1"))).toHaveAttribute("data-layout-id", "situation", { timeout: 75_000 });
  const state = (await wall.api<{ mode: string; rule?: string }>("GET", "/api/state")).body;
  expect(state).toMatchObject({ mode: "schedule", rule: "at-the-minute" });
});

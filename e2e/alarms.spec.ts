import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Server } from "socket.io";
import { signInWithToken } from "./console-support.js";
import { expect, test } from "./fixtures.js";
import { WallProcess } from "./wall-process.js";

const root = (id: string) => `[data-display-id="${id}"]`;

/** The province's backend, written here: a socket.io server speaking feed protocol v1. */
async function feedBackend() {
  const server = http.createServer();
  const io = new Server(server);
  const ns = io.of("/feed");
  let seq = 1;
  const latest = new Map<string, unknown>();
  ns.on("connection", (socket) => {
    socket.on("subscribe", (p: { topics: string[] }, ack: (s: unknown[]) => void) => {
      for (const t of p.topics) void socket.join(t);
      ack(p.topics.filter((t) => latest.has(t)).map((topic) => ({ topic, seq: seq++, ts: Date.now(), value: latest.get(topic) })));
    });
    socket.on("unsubscribe", (p: { topics: string[] }, ack?: (s: unknown[]) => void) => ack?.([]));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    publish: (topic: string, value: unknown) => {
      latest.set(topic, value);
      ns.to(topic).emit("update", { topic, seq: seq++, ts: Date.now(), value });
    },
    close: () => io.close(),
  };
}

const report = (id: string, priority: string) => ({ id, ts: Date.now(), title: `Phản ánh ${id}`, priority, district: "Trần Đề", lat: 9.51, lon: 106.2 });

test("an urgent report from the backend takes the wall, the console acknowledges it and the wall goes back to the playlist; a lock holds the wall", async ({ page }) => {
  const backend = await feedBackend();
  backend.publish("feedback.events", { kind: "events", items: [report("old-1", "urgent")] });
  const wall = await WallProcess.create();
  wall.env = { WALL_FEED_URL: backend.url };
  await fs.writeFile(path.join(wall.layoutsDir, "alarms.json"), JSON.stringify({ rules: [{ id: "urgent", title: { vi: "Phản ánh khẩn" }, topic: "feedback.events", match: { priority: "urgent" }, priority: 80, layout: "situation" }] }));
  await fs.writeFile(path.join(wall.layoutsDir, "schedules.json"), JSON.stringify({ playlists: [{ id: "day", title: { vi: "Ngày" }, items: [{ layoutId: "health", seconds: 300 }, { layoutId: "economy", seconds: 300 }] }], default: { playlist: "day" } }));
  await wall.start();
  try {
    const d1 = await page.context().newPage();
    await d1.goto(`${wall.url}/wall/D1`);
    // The playlist's layouts: it moves on with the clock, so a run may see either (one may cross a change).
    const playlist = /^(health|economy)$/;
    await expect(d1.locator(root("D1"))).toHaveAttribute("data-layout-id", playlist);
    // A real backend feeds this wall: no display says the figures are simulated.
    const d3 = await page.context().newPage();
    await d3.goto(`${wall.url}/wall/D3`);
    await expect(d3.locator(root("D3"))).toHaveAttribute("data-layout-id", playlist);
    await d3.waitForTimeout(500);
    await expect(d3.getByTestId("simulated-mark")).toHaveCount(0);
    await d3.close();
    await signInWithToken(page, wall);
    await expect(page.locator("[data-schedule-mode]")).toHaveAttribute("data-schedule-mode", "schedule");

    backend.publish("feedback.events", { kind: "events", items: [report("new-1", "urgent"), report("old-1", "urgent")] });
    await expect(d1.locator(root("D1"))).toHaveAttribute("data-layout-id", "situation");
    await expect(page.locator('[data-alarm="urgent:new-1"]')).toHaveAttribute("data-holding", "true");
    await expect(page.locator("[data-schedule-mode]")).toHaveAttribute("data-schedule-mode", "alarm");
    await expect(page.locator('[data-alarm="urgent:new-1"]')).toContainText("Phản ánh khẩn: Phản ánh new-1");

    await page.locator('[data-alarm="urgent:new-1"]').getByRole("button", { name: "Xác nhận" }).click();
    await expect(d1.locator(root("D1"))).toHaveAttribute("data-layout-id", playlist);
    await expect(page.locator("[data-schedule-mode]")).toHaveAttribute("data-schedule-mode", "schedule");

    // The console's sound is off until asked for: the first alarm made none; the next one chimes.
    await expect(page.locator(".alarm-panel")).toHaveAttribute("data-chimes", "0");
    await page.getByLabel("Âm báo").check();

    // A lock at 90 holds the wall against this rule's 80: the alarm queues, the wall stays.
    await page.getByLabel("Giữ màn hình trước cảnh báo mức dưới").fill("90");
    await page.getByRole("button", { name: "Khóa", exact: true }).click();
    await expect(page.locator(".alarm-lock")).toHaveAttribute("data-lock", "90");
    backend.publish("feedback.events", { kind: "events", items: [report("new-2", "urgent"), report("new-1", "urgent"), report("old-1", "urgent")] });
    await expect(page.locator('[data-alarm="urgent:new-2"]')).toHaveAttribute("data-holding", "false");
    await expect(page.locator(".alarm-panel")).toHaveAttribute("data-chimes", "1");
    await d1.waitForTimeout(1000);
    await expect(d1.locator(root("D1"))).toHaveAttribute("data-layout-id", playlist);
    const audit = (await wall.api<{ entries: Array<{ action: string; details: Record<string, unknown> }> }>("GET", "/api/audit?limit=20")).body.entries.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(["alarm.raise", "alarm.ack", "alarm.lock"]));
  } finally {
    await wall.dispose();
    await backend.close();
  }
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import fs from "node:fs/promises";
import path from "node:path";
import { expect, test } from "./fixtures.js";

const kpiTile = (id: string, x: number, topic: string, extra: Record<string, unknown> = {}) => ({ id, x, y: 0, w: 2, h: 3, widget: "kpi", title: { vi: id }, options: { topic, maxAgeSeconds: 3, ...extra } });

/** Three tiles on D1 (grid 12×12 over the wall: D1 is columns 0–3, rows 0–5), with a 3 s freshness limit. */
const freshLayout = {
  id: "freshness",
  title: { vi: "Kiểm tra độ mới dữ liệu" },
  grid: { columns: 12, rows: 12 },
  tiles: [
    kpiTile("received", 0, "admin.dossiers.received"),
    kpiTile("ontime", 2, "admin.dossiers.ontime_rate", { decimals: 1 }),
    { id: "feedback", x: 0, y: 3, w: 4, h: 3, widget: "events", options: { topic: "feedback.events", maxAgeSeconds: 3 } },
  ],
};

test("values appear and change on a domain dashboard", async ({ wall, openDisplay }) => {
  await wall.show("admin");
  const d1 = await openDisplay("D1");
  const received = d1.locator('[data-tile-id="received"]');
  await expect(received).toHaveAttribute("data-status", "ready");
  expect(await received.locator(".kpi-number").innerText()).toMatch(/^\d{1,3}(\.\d{3})*$/); // vi-VN grouping: 1.284
  // Today's count moves as dossiers come (few at night); the on-time rate moves with every department's.
  const ontime = d1.locator('[data-tile-id="ontime"] .kpi-number');
  const first = await ontime.innerText();
  expect(first).toMatch(/^\d{2},\d$/); // vi-VN decimal comma: 96,4
  await expect(ontime).not.toHaveText(first, { timeout: 15_000 });
  await expect(d1.locator('[data-tile-id="trend"]')).toHaveAttribute("data-status", "ready");
  await expect(d1.locator('[data-tile-id="trend"] canvas')).toHaveCount(1);
  // The ranking spans D4 and half of D5: its twelve rows flow over both, each row once.
  const d4 = await openDisplay("D4");
  const d5 = await openDisplay("D5");
  const rows = d4.locator('[data-tile-id="departments"] tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect.poll(async () => (await rows.count()) + (await d5.locator('[data-tile-id="departments"] tbody tr').count())).toBe(12);
  expect(await rows.count()).toBeGreaterThan(3);
  const names = `${await d4.locator('[data-tile-id="departments"] tbody').allInnerTexts()} ${await d5.locator('[data-tile-id="departments"] tbody').allInnerTexts()}`;
  expect(names).toContain("Sở Kế hoạch và Đầu tư");
});

test("when the feed stops, tiles turn stale and keep their values; when it returns they are fresh again", async ({ wall, openDisplay }) => {
  await wall.addLayout(freshLayout);
  await wall.show("freshness");
  const d1 = await openDisplay("D1");
  const tiles = d1.locator("[data-tile-id]");
  await expect(tiles).toHaveCount(3);
  for (const id of ["received", "ontime", "feedback"]) await expect(d1.locator(`[data-tile-id="${id}"]`)).toHaveAttribute("data-status", "ready");

  expect((await wall.api("POST", "/api/simulator", { mode: "paused" })).status).toBe(200);
  for (const id of ["received", "ontime", "feedback"]) await expect(d1.locator(`[data-tile-id="${id}"]`)).toHaveAttribute("data-status", "stale", { timeout: 10_000 });
  const kept = await d1.locator('[data-tile-id="received"] .kpi-number').innerText();
  expect(kept).not.toBe("");
  await expect(d1.locator('[data-tile-id="received"]')).toContainText(/Dữ liệu cũ từ \d{2}:\d{2}/);
  await expect(d1.locator('[data-tile-id="feedback"] .event')).not.toHaveCount(0);
  await d1.waitForTimeout(1500);
  await expect(d1.locator('[data-tile-id="received"] .kpi-number')).toHaveText(kept);

  expect((await wall.api("POST", "/api/simulator", { mode: "normal" })).status).toBe(200);
  for (const id of ["received", "ontime", "feedback"]) await expect(d1.locator(`[data-tile-id="${id}"]`)).toHaveAttribute("data-status", "ready", { timeout: 10_000 });
  await expect(d1.locator('[data-tile-id="received"]')).not.toContainText("Dữ liệu cũ");
  const ontime = await d1.locator('[data-tile-id="ontime"] .kpi-number').innerText();
  await expect(d1.locator('[data-tile-id="ontime"] .kpi-number')).not.toHaveText(ontime, { timeout: 10_000 });
});

test("malformed and oversized messages are dropped and counted; the page keeps working", async ({ wall, openDisplay, consoleErrors }) => {
  await wall.addLayout(freshLayout);
  await wall.show("freshness");
  const d1 = await openDisplay("D1");
  const root = d1.locator('[data-display-id="D1"]');
  await expect(root).toHaveAttribute("data-feed-dropped", "0");
  await wall.api("POST", "/api/simulator", { mode: "malformed" });
  await expect.poll(async () => Number(await root.getAttribute("data-feed-dropped")), { timeout: 10_000 }).toBeGreaterThan(3);
  await wall.api("POST", "/api/simulator", { mode: "oversized" });
  await expect.poll(async () => /tooLarge=([1-9]\d*)/.exec((await root.getAttribute("data-feed-dropped-detail")) ?? "")?.[1], { timeout: 10_000 }).toBeTruthy();
  await wall.api("POST", "/api/simulator", { mode: "normal" });
  // The display reports what it dropped to the service, where the console and monitors see it.
  await expect
    .poll(async () => {
      const s = await wall.api<{ displays: Array<{ displayId: string; health?: { feed: { dropped: { malformed: number; tooLarge: number } } } }> }>("GET", "/api/state");
      const h = s.body.displays.find((d) => d.displayId === "D1")?.health;
      return h ? h.feed.dropped.malformed > 0 && h.feed.dropped.tooLarge > 0 : false;
    }, { timeout: 15_000 })
    .toBe(true);
  // Still alive: values keep changing (any of the three: a rate may hold its first decimal a while) and every tile is fresh.
  const figures = () => d1.locator('[data-tile-id] .kpi-number').allInnerTexts();
  const before = (await figures()).join("|");
  await expect.poll(async () => (await figures()).join("|"), { timeout: 20_000 }).not.toBe(before);
  for (const id of ["received", "ontime", "feedback"]) await expect(d1.locator(`[data-tile-id="${id}"]`)).toHaveAttribute("data-status", "ready");
  expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

test("an HTTP JSON source feeds the wall, renders hostile text as text, and goes stale when it fails", async ({ wall, openDisplay }) => {
  let failing = false;
  const hostile = "<img src=x onerror=alert(1)>";
  const server = http.createServer((_req, res) => {
    if (failing) {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        data: { received: 321, plan: 400, feedback: { kind: "events", items: [{ id: "e1", ts: Date.now(), title: hostile, text: hostile, district: "Kế Sách", status: "received" }] } },
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/stats`;
  try {
    await fs.writeFile(
      path.join(wall.layoutsDir, "sources.json"),
      JSON.stringify({
        sources: [
          {
            id: "tthc",
            url,
            intervalSeconds: 1,
            topics: [
              { topic: "http.dossiers.received", kind: "number", pointer: "/data/received", unit: "hồ sơ", targetPointer: "/data/plan" },
              { topic: "http.feedback.events", kind: "value", pointer: "/data/feedback" },
            ],
          },
        ],
      }),
    );
    await wall.addLayout({
      id: "http-source",
      title: { vi: "Nguồn HTTP" },
      grid: { columns: 12, rows: 12 },
      tiles: [
        { id: "received", x: 0, y: 0, w: 2, h: 3, widget: "kpi", options: { topic: "http.dossiers.received" } },
        { id: "feedback", x: 0, y: 3, w: 4, h: 3, widget: "events", options: { topic: "http.feedback.events" } },
      ],
    });
    await wall.show("http-source");
    const d1 = await openDisplay("D1");
    await expect(d1.locator('[data-tile-id="received"] .kpi-number')).toHaveText("321");
    await expect(d1.locator('[data-tile-id="received"]')).toContainText("80,3 % kế hoạch");
    const title = d1.locator('[data-tile-id="feedback"] .event-title');
    await expect(title).toHaveText(hostile);
    await expect(d1.locator('[data-tile-id="feedback"] img')).toHaveCount(0);
    failing = true;
    await expect(d1.locator('[data-tile-id="received"]')).toHaveAttribute("data-status", "stale", { timeout: 10_000 });
    await expect(d1.locator('[data-tile-id="received"] .kpi-number')).toHaveText("321");
    const health = await wall.api<{ feed: { sources: Array<{ id: string; ok: boolean; lastError?: string }> } }>("GET", "/api/health");
    expect(health.body.feed.sources).toEqual([expect.objectContaining({ id: "tthc", ok: false, lastError: "HTTP 503" })]);
    failing = false;
    await expect(d1.locator('[data-tile-id="received"]')).toHaveAttribute("data-status", "ready", { timeout: 10_000 });
  } finally {
    server.close();
  }
});

// The operator console under a large wall: a 64-tile layout and a catalog of 200 cameras, six
// displays reporting every tile's state every 5 s (socket.io clients, as the display pages send).
// Figures: the console's frame time idle and while commands stream, and the time from a command
// (REST) to the console's mimic showing it (a MutationObserver in the page stamps the change).
import { chromium } from "@playwright/test";
import { io } from "socket.io-client";
import { BENCH_TOKEN, openConsole, quantile, startService } from "./service-process.mjs";

const DISPLAYS = ["D1", "D2", "D3", "D4", "D5", "D6"];
const TOPICS = ["health.beds.occupancy", "education.attendance.rate", "admin.dossiers.ontime_rate", "portal.uptime", "tourism.visitors.month", "feedback.resolved_rate", "cameras.online", "economy.grdp.growth"];

function bigWall() {
  const tiles = [];
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const i = y * 8 + x;
      tiles.push(i % 4 === 3 ? { id: `t${i}`, x, y, w: 1, h: 1, widget: "camera", title: { vi: `Camera ${i}` }, options: { camera: `c${i}` } } : { id: `t${i}`, x, y, w: 1, h: 1, widget: "kpi", title: { vi: `Chỉ số ${i}` }, options: { topic: TOPICS[i % TOPICS.length] } });
    }
  }
  const cameras = Array.from({ length: 200 }, (_, i) => ({
    id: `c${i}`,
    name: `Camera số ${i + 1} – Phường ${(i % 10) + 1}`,
    district: ["TP. Sóc Trăng", "Mỹ Xuyên", "Trần Đề", "Vĩnh Châu", "Kế Sách"][i % 5],
    streams: [{ url: `/streams/cam-0${(i % 9) + 1}/360p/index.m3u8`, width: 640, height: 360 }],
  }));
  return { layout: { id: "big", title: { vi: "Bố cục 64 ô" }, grid: { columns: 8, rows: 8 }, tiles }, cameras: { cameras, groups: [] } };
}

/** What a display reports: every tile of its part, with a state. */
function report(layout, displayIndex) {
  const col = displayIndex % 3;
  const row = Math.floor(displayIndex / 3);
  const mine = layout.tiles.filter((t) => Math.floor((t.x * 3) / 8) === col && Math.floor((t.y * 2) / 8) === row);
  return {
    tiles: { loading: 0, ready: mine.length, stale: 0, error: 0, offline: 0 },
    feed: { online: true, topics: 8, dropped: { malformed: 0, tooLarge: 0, unknownTopic: 0 } },
    tileStates: mine.map((t) => ({ tileId: t.id, widget: t.widget, status: "ready", updatedAt: Date.now() })),
    render: { fps: 60, heapMB: 40 },
  };
}

async function frameTimes(page, ms) {
  return page.evaluate(
    (duration) =>
      new Promise((resolve) => {
        const deltas = [];
        let last = performance.now();
        const start = last;
        const tick = (t) => {
          deltas.push(t - last);
          last = t;
          if (t - start < duration) requestAnimationFrame(tick);
          else resolve(deltas);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

export async function benchConsole() {
  const { layout, cameras } = bigWall();
  const service = await startService({ WALL_SIM_RATE: "200" }, [layout], { "cameras.json": cameras });
  const post = (path, body, method = "POST") => fetch(`${service.url}${path}`, { method, headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_TOKEN}` }, ...(body ? { body: JSON.stringify(body) } : {}) });
  await post("/api/state/layout", { layoutId: "big" });
  const displays = DISPLAYS.map((id, i) => {
    const s = io(`${service.url}/display`, { auth: { displayId: id }, transports: ["websocket"], forceNew: true });
    const send = () => s.emit("display:health", report(layout, i));
    s.on("connect", send);
    const timer = setInterval(send, 5000);
    return { s, timer };
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"] });
  try {
    const page = await openConsole(browser, service);
    await page.waitForSelector('[data-mimic-tile="t63"][data-status="ready"]', { timeout: 30_000 });
    await page.waitForTimeout(2000);
    const idle = (await frameTimes(page, 8000)).sort((a, b) => a - b);

    // Every change of tile t0's override is stamped in the page the moment the mimic shows it.
    await page.evaluate(() => {
      window.__seen = [];
      const el = document.querySelector('[data-mimic-tile="t0"]');
      new MutationObserver(() => window.__seen.push({ at: Date.now(), override: el.getAttribute("data-override") === "true" })).observe(el, { attributes: true, attributeFilter: ["data-override"] });
    });
    const sent = [];
    const busy = frameTimes(page, 10_000);
    for (let i = 0; i < 40; i++) {
      sent.push(Date.now());
      if (i % 2 === 0) await post("/api/state/overrides", { tileId: "t0", widget: "camera", options: { camera: `c${i}` } });
      else await post("/api/state/overrides/t0", undefined, "DELETE");
      await new Promise((r) => setTimeout(r, 250));
    }
    const busyTimes = (await busy).sort((a, b) => a - b);
    await page.waitForTimeout(500);
    const seen = await page.evaluate(() => window.__seen);
    const latencies = sent.map((t, i) => seen[i] && seen[i].at - t).filter((x) => typeof x === "number").sort((a, b) => a - b);
    return {
      name: "console: 64 tiles, 200 cameras, 6 displays reporting",
      "frame p50 idle (ms)": quantile(idle, 0.5),
      "frame p95 idle (ms)": quantile(idle, 0.95),
      "frame p50 commands (ms)": quantile(busyTimes, 0.5),
      "frame p95 commands (ms)": quantile(busyTimes, 0.95),
      "command→mimic p50 (ms)": quantile(latencies, 0.5),
      "command→mimic p95 (ms)": quantile(latencies, 0.95),
      "commands seen": `${latencies.length}/${sent.length}`,
    };
  } finally {
    for (const d of displays) {
      clearInterval(d.timer);
      d.s.close();
    }
    await browser.close();
    await service.stop();
  }
}

/**
 * The map benchmark's page (scripts/bench/map.mjs; not part of the app): the wall's own map
 * session and feedback overlay, fed with N synthetic citizen reports, so frame times can be
 * measured for counts the feed protocol would never carry in one value.
 */
import { basemapStyle } from "../widgets/map/basemap-style.js";
import { MapSession } from "../widgets/map/map-session.js";
import { feedbackLayers, type PlacedEvent } from "../widgets/map/overlays/feedback-layers.js";

const STATUSES = ["received", "processing", "resolved", "overdue"];

/** N reports spread over Sóc Trăng province, repeatable (a fixed linear congruential sequence). */
function reports(n: number): PlacedEvent[] {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, (_, i) => ({ id: `b${i}`, ts: 0, title: "", status: STATUSES[i % 4]!, lon: 105.55 + next() * 0.8, lat: 9.25 + next() * 0.7 }));
}

function mount(points: PlacedEvent[], zoom: number): Promise<{ session: MapSession; readyMs: number }> {
  const started = performance.now();
  const container = document.getElementById("map")!;
  return new Promise((resolve, reject) => {
    const session: MapSession = new MapSession({
      container,
      style: basemapStyle(window.location.href, "offline"),
      view: { center: [105.95, 9.6], zoom, bearing: 0 },
      pixelRatio: 1,
      onState: (state) => {
        if (state.kind === "ready") resolve({ session, readyMs: performance.now() - started });
        if (state.kind === "failed") reject(new Error(state.reason));
      },
    });
    session.setLayers(feedbackLayers(points, { zoom, heatmapBelowZoom: 9, pulseMinutes: 0, now: Date.now(), phase: 0 }));
  });
}

const MIN_FRAMES = 8;
const MAX_MS = 120_000;

/**
 * Milliseconds between frames while the map is made to redraw every frame: for `seconds`, and
 * at least MIN_FRAMES frames however slow they are (up to two minutes).
 */
async function frameTimes(session: MapSession, seconds: number): Promise<number[]> {
  const map = session.current!;
  const times: number[] = [];
  let last = performance.now();
  let running = true;
  const onRender = () => {
    const now = performance.now();
    times.push(now - last);
    last = now;
    if (running) map.triggerRepaint();
  };
  map.on("render", onRender);
  map.triggerRepaint();
  const started = performance.now();
  while (performance.now() - started < MAX_MS && (performance.now() - started < seconds * 1000 || times.length < MIN_FRAMES + 2)) {
    await new Promise((r) => setTimeout(r, 100));
  }
  running = false;
  map.off("render", onRender);
  return times.slice(2);
}

Object.assign(window, {
  mapBench: {
    /** One mount to ready and teardown: for leak checks. */
    async cycle() {
      const { session } = await mount([], 9);
      session.destroy();
    },
    async run(count: number, zoom: number, seconds: number) {
      const { session, readyMs } = await mount(reports(count), zoom);
      await new Promise((r) => setTimeout(r, 500));
      const times = await frameTimes(session, seconds);
      session.destroy();
      return { readyMs, times };
    },
  },
});

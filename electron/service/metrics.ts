import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";
import type { ConnectedDisplay, DisplayHealth, WallState } from "../common/protocol.js";

/** What the metrics are read from: the service's own parts, asked at scrape time. */
export interface MetricsSources {
  /** The connected displays with their latest health reports. */
  displays: { local(): ConnectedDisplay[]; on(event: "change", listener: (displays: ConnectedDisplay[]) => void): unknown };
  state: { current(): WallState; on(event: "change", listener: (state: WallState) => void): unknown };
  staleTopics: () => number;
  alarmsActive: () => number;
  /** Cameras of the catalogue: only these get a series (a display's report cannot add labels). */
  isCamera: (id: string) => boolean;
}

type DroppedReason = keyof DisplayHealth["feed"]["dropped"];
const DROPPED_REASONS: DroppedReason[] = ["malformed", "tooLarge", "unknownTopic"];
const TILE_STATUSES = ["loading", "ready", "stale", "error", "offline"] as const;

/**
 * The process's own figures (CPU, memory, event-loop lag, GC), collected once per process: their
 * collectors (a GC observer, an event-loop histogram) cannot be stopped, so a service started again
 * in the same process (the Electron controller's retries) shares them rather than adding more.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The service in Prometheus text (`GET /metrics`): the process defaults and the wall's own
 * figures, with the names shared/DESIGN.md pins (Operations). Gauges are read when scraped; the
 * counters count what happened since the service started.
 */
export class WallMetrics {
  private readonly registry = new Registry();
  /** What each display had dropped by its last report: its counters restart when it reloads. */
  private readonly droppedSeen = new Map<string, Record<DroppedReason, number>>();

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    new Gauge({
      name: "ioc_wall_displays_connected",
      help: "Display windows connected to the service (one per display id).",
      registers,
      collect() {
        this.set(sources.displays.local().length);
      },
    });
    new Gauge({
      name: "ioc_wall_tiles",
      help: "Tile parts on the connected displays, by status, as the displays last reported.",
      labelNames: ["status"],
      registers,
      collect() {
        const sums = Object.fromEntries(TILE_STATUSES.map((s) => [s, 0])) as Record<(typeof TILE_STATUSES)[number], number>;
        for (const d of sources.displays.local()) for (const s of TILE_STATUSES) sums[s] += d.health?.tiles[s] ?? 0;
        for (const s of TILE_STATUSES) this.set({ status: s }, sums[s]);
      },
    });
    new Gauge({
      name: "ioc_wall_feed_stale_topics",
      help: "Feed topics whose source failed: displays show their last value as stale.",
      registers,
      collect() {
        this.set(sources.staleTopics());
      },
    });
    new Gauge({
      name: "ioc_wall_camera_frame_age_seconds",
      help: "How old the newest picture of each playing camera is, the oldest across displays.",
      labelNames: ["camera"],
      registers,
      collect() {
        this.reset();
        const ages = new Map<string, number>();
        for (const d of sources.displays.local()) {
          for (const c of d.health?.cameras?.cameras ?? []) {
            if (c.frameAgeMs === undefined || !sources.isCamera(c.cameraId)) continue;
            ages.set(c.cameraId, Math.max(ages.get(c.cameraId) ?? 0, c.frameAgeMs / 1000));
          }
        }
        for (const [camera, age] of ages) this.set({ camera }, age);
      },
    });
    new Gauge({
      name: "ioc_wall_alarms_active",
      help: "Alarms raised and not yet cleared.",
      registers,
      collect() {
        this.set(sources.alarmsActive());
      },
    });
    const switches = new Counter({ name: "ioc_wall_layout_switches_total", help: "Layout switches (by the console, the schedule, an alarm or the API).", registers });
    let layoutId = sources.state.current().layoutId;
    sources.state.on("change", (s) => {
      if (s.layoutId === layoutId) return;
      layoutId = s.layoutId;
      switches.inc();
    });
    const dropped = new Counter({ name: "ioc_wall_feed_dropped_total", help: "Feed messages displays refused, by reason.", labelNames: ["reason"], registers });
    for (const reason of DROPPED_REASONS) dropped.inc({ reason }, 0);
    sources.displays.on("change", (list) => {
      for (const d of list) {
        const now = d.health?.feed.dropped;
        if (!now) continue;
        const before = this.droppedSeen.get(d.displayId);
        for (const reason of DROPPED_REASONS) {
          // A display that reloaded counts from zero again: all it reports is new.
          const delta = before && now[reason] >= before[reason] ? now[reason] - before[reason] : now[reason];
          if (delta > 0) dropped.inc({ reason }, delta);
        }
        this.droppedSeen.delete(d.displayId);
        this.droppedSeen.set(d.displayId, { ...now });
        // Bounded: display ids that come and go cannot grow it (the least recently reported goes).
        if (this.droppedSeen.size > 256) this.droppedSeen.delete(this.droppedSeen.keys().next().value!);
      }
    });
  }

  async text(): Promise<string> {
    return `${await processMetrics().metrics()}\n${await this.registry.metrics()}`;
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

import type { Server } from "socket.io";
import { FEED_PROTOCOL_VERSION } from "../../common/feed-protocol.js";
import { CAMERA_STATUS_TOPIC } from "../../common/cameras-file.js";
import type { SourcesFile } from "../../common/sources-file.js";
import type { SocketDoor } from "../access/doors.js";
import type { ServiceLimits } from "../access/limits.js";
import type { LayoutStore } from "../layout-store.js";
import type { Logger } from "../log.js";
import type { ServiceCounters } from "../service-counters.js";
import { Simulator } from "../simulator/simulator.js";
import { FeedHub } from "./feed-hub.js";
import { attachFeedNamespace } from "./feed-namespace.js";
import { HttpJsonSource } from "./http-json-source.js";
import { UpstreamRelay } from "./upstream-relay.js";

export interface FeedConfig {
  feedUrl?: string;
  feedToken?: string;
  simulator: { seed: number; rate: number };
}

/**
 * Everything behind the service's /feed: the hub, and what fills it — the province's backend
 * (WALL_FEED_URL) or the built-in simulator, plus the HTTP JSON sources of sources.json.
 */
export function startFeed(io: Server, deps: { store: LayoutStore; door: SocketDoor; counters: ServiceCounters; log: Logger; limits: ServiceLimits }, config: FeedConfig) {
  const { store, log } = deps;
  const hub = new FeedHub();
  const namespace = attachFeedNamespace(io, { hub, door: deps.door, counters: deps.counters, limits: deps.limits, simulated: !config.feedUrl });
  let simulator: Simulator | undefined;
  let relay: UpstreamRelay | undefined;
  // Topics the service itself watches (alarm rules), besides those displays hold.
  let watched: () => string[] = () => [];
  if (config.feedUrl) {
    relay = new UpstreamRelay(config.feedUrl, config.feedToken, hub, () => [...new Set([...namespace.wanted(), ...watched()])], deps.counters, log);
  } else {
    simulator = new Simulator(hub, { ...config.simulator, emitRaw: namespace.emitRaw }, log);
    simulator.start();
  }

  let sources: HttpJsonSource[] = [];
  const startSources = (file: SourcesFile) => {
    for (const s of sources) s.stop();
    sources = file.sources.map((c) => new HttpJsonSource(c, hub, log));
    for (const s of sources) s.start();
  };
  startSources(store.sources);

  // Layout warnings name topics nobody publishes: with the simulator, any it does not make; with a
  // backend, those its snapshot left out once asked (before that, it cannot tell).
  store.setTopicCheck((topic) => {
    if (hub.has(topic) || store.sources.sources.some((s) => s.topics.some((t) => t.topic === topic))) return "known";
    if (simulator) return topic === CAMERA_STATUS_TOPIC ? "known" : "unknown";
    return relay?.answered.has(topic) ? "unknown" : "unsure";
  });
  const onStore = (change: { sourcesChanged: boolean }) => {
    if (change.sourcesChanged) startSources(store.sources);
  };
  store.on("change", onStore);

  return {
    hub,
    simulator,
    /** The service's own topics to follow from the backend (alarm rules). */
    watch: (topics: () => string[]) => (watched = topics),
    health: () => ({
      protocol: FEED_PROTOCOL_VERSION,
      // The backend's address is not named: it may carry a password, and it is nobody's business.
      backend: relay ? { connected: relay.connected } : { simulator: { mode: simulator!.mode, rate: config.simulator.rate, published: simulator!.published } },
      topics: hub.topics().length,
      // Health names no address: an error that quotes one (a library's message) keeps only its words.
      sources: sources.map((s) => (s.health.lastError ? { ...s.health, lastError: s.health.lastError.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "[address]") } : s.health)),
      sourcesErrors: store.sourcesErrors,
    }),
    close: () => {
      store.off("change", onStore);
      for (const s of sources) s.stop();
      simulator?.stop();
      relay?.close();
      namespace.close();
    },
  };
}

export type FeedService = ReturnType<typeof startFeed>;

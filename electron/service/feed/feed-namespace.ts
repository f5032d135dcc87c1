import type { Server } from "socket.io";
import { feedEvents, subscribeSchema, type FeedUpdate } from "../../common/feed-protocol.js";
import { isRefusal, type AuthGate } from "../auth-gate.js";
import type { ServiceCounters } from "../service-counters.js";
import type { FeedHub } from "./feed-hub.js";

const room = (topic: string) => `t:${topic}`;

export interface FeedNamespaceOptions {
  hub: FeedHub;
  gate: AuthGate;
  counters: ServiceCounters;
  /** Clients must present a valid token (WALL_DISPLAY_TOKEN is set). */
  needToken: boolean;
}

/**
 * The service's `/feed` (feed protocol v1): displays subscribe to topics, get the latest of each in
 * the acknowledgement, then every `update`. Each topic is a room, so an update costs one emit.
 */
export function attachFeedNamespace(io: Server, opts: FeedNamespaceOptions) {
  const { hub, gate, counters } = opts;
  const feed = io.of("/feed");
  feed.use((socket, next) => {
    if (!opts.needToken) return next();
    const token = (socket.handshake.auth as { token?: unknown }).token;
    const result = gate(socket.handshake.address, typeof token === "string" ? token : undefined);
    next(isRefusal(result) ? new Error(result.status === 401 ? "unauthorized" : result.error) : undefined);
  });
  feed.on("connection", (socket) => {
    const handle = (event: "subscribe" | "unsubscribe") => (payload: unknown, ack: unknown) => {
      const parsed = subscribeSchema.safeParse(payload);
      const reply = typeof ack === "function" ? (ack as (a: unknown) => void) : () => undefined;
      if (!parsed.success) {
        counters.rejectedMessages += 1;
        reply({ error: `malformed ${event}: ${parsed.error.issues[0]?.message ?? "invalid"}` });
        return;
      }
      const topics = [...new Set(parsed.data.topics)];
      if (event === "subscribe") {
        void socket.join(topics.map(room));
        reply(hub.snapshot(topics));
      } else {
        for (const t of topics) void socket.leave(room(t));
        reply([]);
      }
    };
    socket.on(feedEvents.subscribe, handle("subscribe"));
    socket.on(feedEvents.unsubscribe, handle("unsubscribe"));
  });
  // Conflation: within one turn of the event loop only the newest update of a topic goes out.
  // A display shows the latest value (an events value carries its whole recent list), so nothing
  // it would show is lost, and a burst from a fast backend costs one emit per topic.
  let pending = new Map<string, FeedUpdate>();
  let flushQueued = false;
  const flush = () => {
    flushQueued = false;
    const batch = pending;
    pending = new Map();
    for (const u of batch.values()) feed.to(room(u.topic)).emit(feedEvents.update, u);
  };
  const onUpdate = (u: FeedUpdate) => {
    pending.set(u.topic, u);
    if (!flushQueued) {
      flushQueued = true;
      setImmediate(flush);
    }
  };
  hub.on("update", onUpdate);
  return {
    /** For the simulator's fault modes: a raw payload to a topic's subscribers, unchecked. */
    emitRaw: (topic: string, payload: unknown) => feed.to(room(topic)).emit(feedEvents.update, payload),
    /** Topics that at least one client holds. */
    wanted: () => [...feed.adapter.rooms.keys()].filter((r) => r.startsWith("t:")).map((r) => r.slice(2)),
    close: () => hub.off("update", onUpdate),
  };
}

export type FeedNamespace = ReturnType<typeof attachFeedNamespace>;

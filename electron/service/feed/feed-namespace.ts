import type { Server } from "socket.io";
import { feedEvents, subscribeSchema, type FeedUpdate } from "../../common/feed-protocol.js";
import { isRefusal, refusalError, type SocketDoor } from "../access/doors.js";
import { RateGate, type ServiceLimits } from "../access/limits.js";
import type { ServiceCounters } from "../service-counters.js";
import type { FeedHub } from "./feed-hub.js";

const room = (topic: string) => `t:${topic}`;

export interface FeedNamespaceOptions {
  hub: FeedHub;
  door: SocketDoor;
  counters: ServiceCounters;
  limits: Pick<ServiceLimits, "topicsPerSocket" | "topicsTotal" | "subscriptionsPerSecond">;
  /** The built-in simulator makes the figures: every display says so. */
  simulated: boolean;
}

/**
 * The service's `/feed` (feed protocol v1): displays subscribe to topics, get the latest of each in
 * the acknowledgement, then every `update`. Each topic is a room, so an update costs one emit.
 */
export function attachFeedNamespace(io: Server, opts: FeedNamespaceOptions) {
  const { hub, counters, limits } = opts;
  const feed = io.of("/feed");
  feed.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    const result = opts.door.watch(typeof token === "string" && token.length <= 256 ? token : undefined, socket.handshake);
    if (isRefusal(result)) return next(refusalError(result));
    socket.data.principal = result;
    next();
  });
  const rate = new RateGate(limits.subscriptionsPerSecond);
  // Distinct topics held by anyone: each is a room here and, behind a backend, a subscription there.
  let topicRooms = 0;
  feed.adapter.on("create-room", (r: string) => r.startsWith("t:") && (topicRooms += 1));
  feed.adapter.on("delete-room", (r: string) => r.startsWith("t:") && (topicRooms -= 1));
  feed.on("connection", (socket) => {
    socket.emit(feedEvents.source, { simulated: opts.simulated });
    const handle = (event: "subscribe" | "unsubscribe") => async (payload: unknown, ack: unknown) => {
      const reply = typeof ack === "function" ? (ack as (a: unknown) => void) : () => undefined;
      // Past the rate, a message is refused before it is even parsed.
      if (!(await rate.allow(socket.id))) {
        counters.limited.subscriptions += 1;
        reply({ error: `too many ${event} messages: at most ${limits.subscriptionsPerSecond} a second` });
        return;
      }
      const parsed = subscribeSchema.safeParse(payload);
      if (!parsed.success) {
        counters.rejectedMessages += 1;
        reply({ error: `malformed ${event}: ${parsed.error.issues[0]?.message ?? "invalid"}` });
        return;
      }
      const topics = [...new Set(parsed.data.topics)];
      if (event === "subscribe") {
        const held = [...socket.rooms].filter((r) => r.startsWith("t:")).length;
        const fresh = topics.filter((t) => !socket.rooms.has(room(t)));
        const unheard = fresh.filter((t) => !feed.adapter.rooms.has(room(t))).length;
        if (held + fresh.length > limits.topicsPerSocket || topicRooms + unheard > limits.topicsTotal) {
          counters.limited.topics += 1;
          const error = held + fresh.length > limits.topicsPerSocket ? `too many topics: at most ${limits.topicsPerSocket} per connection (${held} held)` : `too many topics: the service holds at most ${limits.topicsTotal}`;
          reply({ error });
          return;
        }
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
    for (const u of batch.values()) feed.local.to(room(u.topic)).emit(feedEvents.update, u);
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
    emitRaw: (topic: string, payload: unknown) => feed.local.to(room(topic)).emit(feedEvents.update, payload),
    /** Topics that at least one client holds. */
    wanted: () => [...feed.adapter.rooms.keys()].filter((r) => r.startsWith("t:")).map((r) => r.slice(2)),
    close: () => hub.off("update", onUpdate),
  };
}

export type FeedNamespace = ReturnType<typeof attachFeedNamespace>;

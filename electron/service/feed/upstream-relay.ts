import { io, type Socket } from "socket.io-client";
import { feedEvents, parseFeedUpdate } from "../../common/feed-protocol.js";
import { redactAddress } from "../../common/web-address.js";
import type { Logger } from "../log.js";
import type { ServiceCounters } from "../service-counters.js";
import type { FeedHub } from "./feed-hub.js";

/**
 * Follows the province's backend (WALL_FEED_URL) as a feed-protocol client: subscribes to the
 * topics the displays hold, validates every message, and republishes on the service's own /feed.
 * One upstream connection serves every display; the backend token stays in the service.
 */
export class UpstreamRelay {
  /** Topics the backend has answered a subscription for: those it left out, it does not publish. */
  readonly answered = new Set<string>();
  private readonly socket: Socket;
  private readonly subscribed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  connected = false;

  constructor(
    url: string,
    token: string | undefined,
    private readonly hub: FeedHub,
    private readonly wanted: () => string[],
    private readonly counters: ServiceCounters,
    private readonly log: Logger,
  ) {
    this.socket = io(`${url.replace(/\/$/, "")}/feed`, {
      auth: token ? { token } : {},
      transports: ["websocket"],
      reconnectionDelayMax: 10_000,
    });
    this.socket.on("connect", () => {
      this.connected = true;
      this.log("info", "feed backend connected", { backend: redactAddress(url) });
      const topics = [...this.subscribed];
      this.subscribed.clear();
      void this.sync(topics);
    });
    this.socket.on("disconnect", (reason) => {
      this.connected = false;
      this.log("warn", "feed backend disconnected; its topics are stale", { reason });
      this.hub.markStale(this.subscribed);
      // A backend that closes us on purpose (a restart) is not followed by an automatic reconnect.
      if (reason === "io server disconnect") setTimeout(() => this.socket.connect(), 2000).unref();
    });
    this.socket.on("connect_error", (e) => this.log("warn", "feed backend unreachable", { backend: redactAddress(url), error: e.message }));
    this.socket.on(feedEvents.update, (raw: unknown) => this.accept(raw));
    this.timer = setInterval(() => void this.sync(), 500);
    this.timer.unref();
  }

  private accept(raw: unknown): boolean {
    const r = parseFeedUpdate(raw);
    // A topic nobody asked for is refused too: a backend cannot grow the hub without bound.
    if (!r.ok || !this.subscribed.has(r.update.topic)) {
      this.counters.rejectedMessages += 1;
      return false;
    }
    this.hub.publish(r.update.topic, r.update.value, r.update.ts);
    return true;
  }

  /** Brings the upstream subscription in line with what displays hold (plus `extra`). */
  private async sync(extra: string[] = []): Promise<void> {
    if (!this.connected) return;
    const want = new Set([...this.wanted(), ...extra]);
    const add = [...want].filter((t) => !this.subscribed.has(t));
    const drop = [...this.subscribed].filter((t) => !want.has(t));
    if (drop.length > 0) {
      for (const t of drop) this.subscribed.delete(t);
      this.socket.emit(feedEvents.unsubscribe, { topics: drop });
    }
    if (add.length === 0) return;
    for (const t of add) this.subscribed.add(t);
    try {
      const snapshot: unknown = await this.socket.timeout(10_000).emitWithAck(feedEvents.subscribe, { topics: add });
      if (!Array.isArray(snapshot)) {
        this.counters.rejectedMessages += 1;
        return;
      }
      // Each item on its own: one bad topic does not cost the others their snapshot.
      for (const u of snapshot) this.accept(u);
      for (const t of add) this.answered.add(t);
    } catch (e) {
      this.log("warn", "feed backend did not acknowledge a subscription", { error: (e as Error).message });
      for (const t of add) this.subscribed.delete(t);
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.socket.removeAllListeners();
    this.socket.close();
  }
}

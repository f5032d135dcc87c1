import { io, type Socket } from "socket.io-client";
import { keepConnected } from "./keep-connected.js";
import { feedEvents, parseFeedUpdate, type FeedUpdate } from "../../electron/common/feed-protocol.js";
import { UpdateBatcher, type FeedStore, type FrameScheduler } from "./feed-store.js";

/**
 * The window's one connection to the service's /feed. Widgets retain the topics they show; the
 * connection subscribes to the union and drops topics no widget holds any more. After a reconnect
 * it subscribes again and takes the snapshot. Every message is checked before it reaches the store.
 */
export class FeedConnection {
  private socket!: Socket;
  private readonly holds = new Map<string, number>();
  private readonly subscribed = new Set<string>();
  private readonly batcher: UpdateBatcher;
  private syncQueued = false;
  private stopRetrying: () => void = () => undefined;

  constructor(
    private readonly store: FeedStore,
    private readonly options: { token?: string; url?: string; scheduler?: FrameScheduler } = {},
  ) {
    this.batcher = new UpdateBatcher(store, options.scheduler);
    this.open(options.url ?? "");
  }

  /** To another instance of the wall service: the topics held are subscribed there on connect. */
  moveTo(origin: string): void {
    this.closeSocket();
    this.open(origin);
  }

  private open(origin: string): void {
    const socket = io(`${origin}/feed`, {
      auth: this.options.token ? { token: this.options.token } : {},
      transports: ["websocket"],
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
    });
    this.socket = socket;
    const { setOnline } = this.store.getState();
    // The display's own socket says why a refusal happened; this one only asks again.
    this.stopRetrying = keepConnected(socket);
    socket.on("connect", () => {
      setOnline(true);
      this.subscribed.clear();
      this.queueSync();
    });
    socket.on("disconnect", () => setOnline(false));
    socket.on("connect_error", () => setOnline(false));
    socket.on(feedEvents.update, (raw: unknown) => this.receive(raw));
    socket.on(feedEvents.source, (raw: unknown) => this.store.getState().setSimulated((raw as { simulated?: unknown } | null)?.simulated === true));
  }

  private closeSocket(): void {
    this.stopRetrying();
    this.socket.removeAllListeners();
    this.socket.close();
  }

  retain(topic: string): void {
    this.holds.set(topic, (this.holds.get(topic) ?? 0) + 1);
    this.queueSync();
  }

  release(topic: string): void {
    const n = (this.holds.get(topic) ?? 0) - 1;
    if (n > 0) this.holds.set(topic, n);
    else this.holds.delete(topic);
    this.queueSync();
  }

  /** Topics the window currently subscribes to. */
  topics(): string[] {
    return [...this.subscribed].sort();
  }

  close(): void {
    this.closeSocket();
  }

  private receive(raw: unknown, fromSnapshot = false): FeedUpdate | undefined {
    const r = parseFeedUpdate(raw);
    const { countDrop } = this.store.getState();
    if (!r.ok) {
      countDrop(r.reason === "too-large" ? "tooLarge" : "malformed");
      return undefined;
    }
    if (!this.holds.has(r.update.topic)) {
      countDrop("unknownTopic");
      return undefined;
    }
    if (!fromSnapshot) this.batcher.push(r.update);
    return r.update;
  }

  /** Coalesces the retains and releases of one render into one subscribe and one unsubscribe. */
  private queueSync(): void {
    if (this.syncQueued) return;
    this.syncQueued = true;
    queueMicrotask(() => {
      this.syncQueued = false;
      void this.sync();
    });
  }

  private async sync(): Promise<void> {
    if (!this.socket.connected) return;
    const drop = [...this.subscribed].filter((t) => !this.holds.has(t));
    const add = [...this.holds.keys()].filter((t) => !this.subscribed.has(t));
    if (drop.length > 0) {
      for (const t of drop) this.subscribed.delete(t);
      this.socket.emit(feedEvents.unsubscribe, { topics: drop });
      this.store.getState().forget(drop);
    }
    if (add.length === 0) return;
    for (const t of add) this.subscribed.add(t);
    try {
      const snapshot: unknown = await this.socket.timeout(10_000).emitWithAck(feedEvents.subscribe, { topics: add });
      const items = Array.isArray(snapshot) ? snapshot : [];
      if (!Array.isArray(snapshot)) this.store.getState().countDrop("malformed");
      const good = items.map((raw) => this.receive(raw, true)).filter((u): u is FeedUpdate => u !== undefined);
      this.store.getState().applyBatch(good, true);
    } catch {
      // No answer: forget these so the next sync (or reconnect) asks again.
      for (const t of add) this.subscribed.delete(t);
    }
  }
}

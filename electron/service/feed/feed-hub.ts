import { EventEmitter } from "node:events";
import type { FeedUpdate, FeedValue } from "../../common/feed-protocol.js";

/**
 * The latest value of every topic the service knows, and the one place sources publish to.
 * Each topic's seq grows by one per publication, whichever source it came from.
 */
export class FeedHub extends EventEmitter<{ update: [FeedUpdate] }> {
  private readonly latest = new Map<string, FeedUpdate>();

  constructor(private readonly now: () => number = Date.now) {
    super();
    this.setMaxListeners(50);
  }

  publish(topic: string, value: FeedValue, ts: number = this.now()): FeedUpdate {
    const update: FeedUpdate = { topic, seq: (this.latest.get(topic)?.seq ?? 0) + 1, ts, value };
    this.latest.set(topic, update);
    this.emit("update", update);
    return update;
  }

  /** A source failed: its topics keep their last value, flagged stale, until it publishes again. */
  markStale(topics: Iterable<string>): void {
    for (const topic of topics) {
      const last = this.latest.get(topic);
      if (!last || last.stale) continue;
      const update: FeedUpdate = { ...last, seq: last.seq + 1, stale: true };
      this.latest.set(topic, update);
      this.emit("update", update);
    }
  }

  snapshot(topics: Iterable<string>): FeedUpdate[] {
    const out: FeedUpdate[] = [];
    for (const t of topics) {
      const u = this.latest.get(t);
      if (u) out.push(u);
    }
    return out;
  }

  /** Topics whose source failed: they show their last value, marked stale. */
  staleCount(): number {
    let n = 0;
    for (const u of this.latest.values()) if (u.stale) n++;
    return n;
  }

  has(topic: string): boolean {
    return this.latest.has(topic);
  }

  topics(): string[] {
    return [...this.latest.keys()].sort();
  }
}

import type { FeedValue } from "../../common/feed-protocol.js";
import type { SimulatorMode } from "../../common/protocol.js";
import type { Logger } from "../log.js";
import type { FeedHub } from "../feed/feed-hub.js";
import { generators } from "./domains.js";
import { Random } from "./random.js";

/**
 * Modes: `normal`; `paused` (the backend drops out: nothing is sent); `malformed` and `oversized`
 * (junk sent to displays between good updates, for tests).
 */

export interface SimulatorOptions {
  seed: number;
  /** Updates per second across all topics. */
  rate: number;
  /** Sends a payload to a topic's subscribers without any check (fault modes only). */
  emitRaw?: (topic: string, payload: unknown) => void;
  now?: () => number;
}

const TICK_MS = 20;

/** The built-in backend: plausible Sóc Trăng figures for every domain, deterministic per seed. */
export class Simulator {
  private readonly rng: Random;
  private readonly values = new Map<string, FeedValue>();
  private timer: NodeJS.Timeout | undefined;
  private due = 0;
  private last = 0;
  private cursor = 0;
  mode: SimulatorMode = "normal";
  /** Updates published so far (for health and benchmarks). */
  published = 0;

  constructor(
    private readonly hub: FeedHub,
    private readonly options: SimulatorOptions,
    private readonly log: Logger,
  ) {
    this.rng = new Random(options.seed);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Publishes every topic's first value, then keeps updating at the set rate. */
  start(): void {
    const now = this.now();
    for (const g of generators) {
      const v = g.initial(this.rng, now);
      this.values.set(g.topic, v);
      this.hub.publish(g.topic, v, now);
    }
    this.last = now;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
    this.log("info", "simulator started", { seed: this.options.seed, rate: this.options.rate, topics: generators.length });
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  setMode(mode: SimulatorMode): void {
    this.mode = mode;
    this.log("info", "simulator mode", { mode });
  }

  /** Advances `count` updates at once (tests and benchmarks drive it without waiting). */
  advance(count: number): void {
    for (let i = 0; i < count; i++) this.stepOne();
  }

  private tick(): void {
    const now = this.now();
    this.due += ((now - this.last) / 1000) * this.options.rate;
    this.last = now;
    if (this.mode === "paused") {
      this.due = 0;
      return;
    }
    // Never more than one second's worth at once, so a stalled event loop does not burst.
    const n = Math.min(Math.floor(this.due), Math.ceil(this.options.rate));
    this.due -= n;
    this.advance(n);
  }

  private stepOne(): void {
    const g = generators[this.rng.next() < 0.5 ? this.cursor++ % generators.length : this.rng.int(0, generators.length - 1)]!;
    const now = this.now();
    const next = g.step(this.values.get(g.topic)!, this.rng, now);
    this.values.set(g.topic, next);
    this.hub.publish(g.topic, next, now);
    this.published += 1;
    if (this.mode === "malformed" && this.rng.next() < 0.3) {
      this.options.emitRaw?.(g.topic, this.rng.pick([{ topic: g.topic, seq: "x", value: 1 }, "not an update", { topic: g.topic, seq: 1, ts: now, value: { kind: "teapot" } }, null]));
    }
    if (this.mode === "oversized" && this.rng.next() < 0.3) {
      this.options.emitRaw?.(g.topic, { topic: g.topic, seq: 1e9, ts: now, value: { kind: "events", items: [{ id: "x", ts: now, title: "x".repeat(100_000) }] } });
    }
  }
}

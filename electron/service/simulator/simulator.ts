import type { FeedValue } from "../../common/feed-protocol.js";
import type { SimulatorMode } from "../../common/protocol.js";
import type { Logger } from "../log.js";
import type { FeedHub } from "../feed/feed-hub.js";
import { models } from "./domains.js";
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
/** Every topic is sent again at least this often, changed or not: displays judge freshness by it. */
export const HEARTBEAT_MS = 1000;

interface Sent {
  json: string;
  value: FeedValue;
}

export class Simulator {
  private readonly rng: Random;
  private readonly states: unknown[] = [];
  private readonly sent = new Map<string, Sent>();
  private readonly refreshedAt: number[] = [];
  /** A number topic's value before its last change: what the KPI compares with. */
  private readonly previous = new Map<string, number>();
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

  /** Starts every domain (with its history) and publishes every topic, then keeps going at the set rate. */
  start(): void {
    const now = this.now();
    models.forEach((m, i) => {
      this.states[i] = m.start(this.rng, now);
      this.send(m.topics(this.states[i], now), now);
    });
    this.last = now;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
    this.log("info", "simulator started", { seed: this.options.seed, rate: this.options.rate, topics: this.sent.size });
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  setMode(mode: SimulatorMode): void {
    this.mode = mode;
    this.log("info", "simulator mode", { mode });
  }

  /** Advances `count` steps at once (tests and benchmarks drive it without waiting). */
  advance(count: number): void {
    for (let i = 0; i < count; i++) this.stepOne();
  }

  /** The value each topic has now (tests check the province's figures against each other). */
  current(): Map<string, FeedValue> {
    return new Map([...this.sent].map(([topic, s]) => [topic, s.value]));
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
    this.refresh(now, HEARTBEAT_MS);
  }

  /**
   * Derives again, at `now`, the topics of every domain not sent for `olderThanMs` (a chart moves
   * into a new hour even when nothing happened), and sends each of them: changed or not, a display
   * judges its freshness by them.
   */
  refresh(now = this.now(), olderThanMs = 0): void {
    models.forEach((m, i) => {
      if (now - (this.refreshedAt[i] ?? 0) < olderThanMs) return;
      this.refreshedAt[i] = now;
      const topics = m.topics(this.states[i], now);
      const changed = new Set(this.send(topics, now));
      for (const t of Object.keys(topics)) if (!changed.has(t)) this.publish(t, this.sent.get(t)!.value, now);
    });
  }

  /** Publishes the topics whose value changed; a number carries the value it changed from. */
  private send(topics: Record<string, FeedValue>, now: number): string[] {
    const changed: string[] = [];
    for (const [topic, value] of Object.entries(topics)) {
      const json = JSON.stringify(value);
      const before = this.sent.get(topic);
      if (before?.json === json) continue;
      if (value.kind === "number" && before?.value.kind === "number") this.previous.set(topic, before.value.value);
      const previous = this.previous.get(topic);
      const out: FeedValue = value.kind === "number" && previous !== undefined && value.previous === undefined ? { ...value, previous } : value;
      this.sent.set(topic, { json, value: out });
      this.publish(topic, out, now);
      changed.push(topic);
    }
    return changed;
  }

  private publish(topic: string, value: FeedValue, now: number): void {
    this.hub.publish(topic, value, now);
    this.published += 1;
  }

  private stepOne(): void {
    const i = this.rng.next() < 0.5 ? this.cursor++ % models.length : this.rng.int(0, models.length - 1);
    const m = models[i]!;
    const now = this.now();
    this.states[i] = m.step(this.states[i], this.rng, now);
    const changed = this.send(m.topics(this.states[i], now), now);
    const topic = changed[0] ?? Object.keys(m.topics(this.states[i], now))[0]!;
    if (this.mode === "malformed" && this.rng.next() < 0.3) {
      this.options.emitRaw?.(topic, this.rng.pick([{ topic, seq: "x", value: 1 }, "not an update", { topic, seq: 1, ts: now, value: { kind: "teapot" } }, null]));
    }
    if (this.mode === "oversized" && this.rng.next() < 0.3) {
      this.options.emitRaw?.(topic, { topic, seq: 1e9, ts: now, value: { kind: "events", items: [{ id: "x", ts: now, title: "x".repeat(100_000) }] } });
    }
  }
}

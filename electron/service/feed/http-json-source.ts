import { feedValueSchema, type FeedValue } from "../../common/feed-protocol.js";
import { resolvePointer } from "../../common/json-pointer.js";
import type { HttpSourceConfig, TopicMapping } from "../../common/sources-file.js";
import type { Logger } from "../log.js";
import type { FeedHub } from "./feed-hub.js";

export interface SourceHealth {
  id: string;
  ok: boolean;
  lastSuccess?: number;
  lastError?: string;
}

function pick(doc: unknown, pointer: string, what: string): unknown {
  const r = resolvePointer(doc, pointer);
  if (!r.found) throw new Error(`${what}: nothing at JSON pointer "${pointer}"`);
  return r.value;
}

function asNumber(v: unknown, what: string): number {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isFinite(n)) throw new Error(`${what}: expected a number, got ${JSON.stringify(v)?.slice(0, 40)}`);
  return n;
}

function asArray(v: unknown, what: string): Array<Record<string, unknown>> {
  if (!Array.isArray(v)) throw new Error(`${what}: expected an array`);
  return v.map((x) => (x !== null && typeof x === "object" ? (x as Record<string, unknown>) : {}));
}

/** Turns a fetched document into a feed value for one topic, or says precisely what is missing. */
export function mapTopic(doc: unknown, m: TopicMapping): FeedValue {
  const at = pick(doc, m.pointer, m.topic);
  let value: unknown;
  switch (m.kind) {
    case "number": {
      const target = m.targetPointer !== undefined ? asNumber(pick(doc, m.targetPointer, `${m.topic} target`), `${m.topic} target`) : m.target;
      value = { kind: "number", value: asNumber(at, m.topic), ...(m.unit ? { unit: m.unit } : {}), ...(target !== undefined ? { target } : {}) };
      break;
    }
    case "breakdown":
      value = {
        kind: "breakdown",
        ...(m.unit ? { unit: m.unit } : {}),
        items: asArray(at, m.topic).map((row, i) => ({
          key: String(row[m.keyField] ?? i),
          label: String(row[m.labelField] ?? row[m.keyField] ?? i),
          value: asNumber(row[m.valueField], `${m.topic}[${i}].${m.valueField}`),
        })),
      };
      break;
    case "status":
      value = {
        kind: "status",
        items: asArray(at, m.topic).map((row, i) => ({
          id: String(row[m.idField] ?? i),
          label: String(row[m.labelField] ?? row[m.idField] ?? i),
          up: row[m.upField] === true || row[m.upField] === "up" || row[m.upField] === 1,
        })),
      };
      break;
    case "value":
      value = at;
      break;
  }
  const parsed = feedValueSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${m.topic}: not a valid feed value: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/**
 * Polls one HTTP JSON endpoint and publishes its topics. A failure (network, status, timeout,
 * missing field) marks this source's topics stale and is retried at the next interval; other
 * sources carry on.
 */
export class HttpJsonSource {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  readonly health: SourceHealth;

  constructor(
    readonly config: HttpSourceConfig,
    private readonly hub: FeedHub,
    private readonly log: Logger,
  ) {
    this.health = { id: config.id, ok: false };
  }

  start(): void {
    this.running = true;
    void this.poll();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  async poll(): Promise<void> {
    try {
      const res = await fetch(this.config.url, {
        headers: { accept: "application/json", ...this.config.headers },
        signal: AbortSignal.timeout(this.config.timeoutSeconds * 1000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const doc = (await res.json()) as unknown;
      const values = this.config.topics.map((m) => [m.topic, mapTopic(doc, m)] as const);
      const now = Date.now();
      for (const [topic, value] of values) this.hub.publish(topic, value, now);
      if (!this.health.ok) this.log("info", "source ok", { source: this.config.id });
      Object.assign(this.health, { ok: true, lastSuccess: now, lastError: undefined });
    } catch (e) {
      const message = (e as Error).name === "TimeoutError" ? `timed out after ${this.config.timeoutSeconds} s` : (e as Error).message;
      if (this.health.ok || this.health.lastError !== message) this.log("warn", "source failed; its topics are stale", { source: this.config.id, error: message });
      Object.assign(this.health, { ok: false, lastError: message });
      this.hub.markStale(this.config.topics.map((m) => m.topic));
    }
    if (this.running) {
      this.timer = setTimeout(() => void this.poll(), this.config.intervalSeconds * 1000);
      this.timer.unref();
    }
  }
}

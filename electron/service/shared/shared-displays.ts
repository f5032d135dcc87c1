import { z } from "zod";
import { displayHandshakeSchema, displayHealthSchema, type ConnectedDisplay } from "../../common/protocol.js";
import type { DisplayRegistry } from "../display-registry.js";
import type { Logger } from "../log.js";
import { REDIS_PREFIX, type RedisLink } from "./redis-link.js";

const KEY = `${REDIS_PREFIX}displays`;
/** An instance's list is told again this often; one not told for STALE_MS is of an instance gone. */
const REFRESH_MS = 5000;
const STALE_MS = 15_000;

const reportSchema = z.object({
  at: z.number(),
  displays: z
    .array(
      z.object({
        displayId: displayHandshakeSchema.shape.displayId,
        connections: z.number().int().min(0).max(10_000),
        since: z.number(),
        health: displayHealthSchema.extend({ at: z.number() }).optional(),
      }),
    )
    .max(1000),
});

/**
 * Every console sees the whole wall: each instance keeps its own displays (with their latest
 * reports) in one Redis hash, field by instance, tells the others when it changes (at most once a
 * second) and every 5 s; each reads the others' (parsed, and only those told within 15 s: an
 * instance that died drops out) into its registry.
 */
export class SharedDisplays {
  private timer: NodeJS.Timeout | undefined;
  private pending: NodeJS.Timeout | undefined;
  private lastTold = 0;

  constructor(
    private readonly link: RedisLink,
    private readonly registry: DisplayRegistry,
    private readonly instanceId: string,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.link.subscriber.subscribe(KEY);
    this.link.subscriber.on("message", this.onMessage);
    this.registry.on("change", this.onLocal);
    this.timer = setInterval(() => {
      void this.tell();
      void this.read();
    }, REFRESH_MS);
    await this.tell();
    await this.read();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.pending);
    this.registry.off("change", this.onLocal);
    this.link.subscriber.off("message", this.onMessage);
    await this.link.client
      .multi()
      .hdel(KEY, this.instanceId)
      .publish(KEY, this.instanceId)
      .exec()
      .catch(() => undefined);
  }

  private readonly onLocal = () => {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.tell();
    }, Math.max(0, this.lastTold + 1000 - Date.now()));
  };

  private readonly onMessage = (channel: string, from: string) => {
    if (channel === KEY && from !== this.instanceId) void this.read();
  };

  private async tell(): Promise<void> {
    this.lastTold = Date.now();
    const report = JSON.stringify({ at: this.lastTold, displays: this.registry.local() });
    await this.link.client
      .multi()
      .hset(KEY, this.instanceId, report)
      .publish(KEY, this.instanceId)
      .exec()
      .catch(() => undefined);
  }

  private async read(): Promise<void> {
    let all: Record<string, string>;
    try {
      all = await this.link.client.hgetall(KEY);
    } catch {
      return; // Redis away: the others' last lists stay until it answers
    }
    const now = Date.now();
    const remote: ConnectedDisplay[] = [];
    for (const [instance, raw] of Object.entries(all)) {
      if (instance === this.instanceId) continue;
      let report: z.infer<typeof reportSchema> | undefined;
      try {
        const parsed = reportSchema.safeParse(JSON.parse(raw));
        if (parsed.success) report = parsed.data;
      } catch {
        // not JSON: dropped below
      }
      if (!report) this.log("warn", "another instance's display list does not parse; ignored", { instance });
      if (!report || now - report.at > STALE_MS) {
        void this.link.client.hdel(KEY, instance).catch(() => undefined);
        continue;
      }
      remote.push(...(report.displays as ConnectedDisplay[]));
    }
    this.registry.setRemote(remote);
  }
}

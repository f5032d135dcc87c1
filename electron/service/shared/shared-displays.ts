import { z } from "zod";
import { displayHandshakeSchema, displayHealthSchema, type ConnectedDisplay } from "../../common/protocol.js";
import type { DisplayRegistry } from "../display-registry.js";
import type { Logger } from "../log.js";
import { throttle } from "../throttle.js";
import { parseMessage, REDIS_PREFIX, type RedisLink } from "./redis-link.js";

const KEY = `${REDIS_PREFIX}displays`;
/** The instances that tell their displays, each under `${KEY}:<instance>`. */
const INSTANCES = `${KEY}:instances`;
/** An instance's list is told again this often; Redis forgets one not told for STALE_MS (an instance gone), by its own clock. */
const REFRESH_MS = 5000;
const STALE_MS = 15_000;

const reportSchema = z.object({
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
 * reports) under its own Redis key that expires 15 s after it was last told (so an instance that
 * died drops out, timed by Redis, not by clocks that may differ), tells the others when its list
 * changes (at most once a second) and every 5 s; each reads the others' (parsed) into its registry.
 */
export class SharedDisplays {
  private timer: NodeJS.Timeout | undefined;
  private owners = new Map<string, string>();
  /** A change of this instance's displays is told at most once a second. */
  private readonly told = throttle(() => void this.tell(), 1000);

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
    this.told.cancel();
    this.registry.off("change", this.onLocal);
    this.link.subscriber.off("message", this.onMessage);
    await this.link.client
      .multi()
      .del(`${KEY}:${this.instanceId}`)
      .srem(INSTANCES, this.instanceId)
      .publish(KEY, this.instanceId)
      .exec()
      .catch(() => undefined);
  }

  private readonly onLocal = () => this.told.call();

  private readonly onMessage = (channel: string, from: string) => {
    if (channel === KEY && from !== this.instanceId) void this.read();
  };

  private async tell(): Promise<void> {
    const report = JSON.stringify({ displays: this.registry.local() });
    await this.link.client
      .multi()
      .set(`${KEY}:${this.instanceId}`, report, "PX", STALE_MS)
      .sadd(INSTANCES, this.instanceId)
      .publish(KEY, this.instanceId)
      .exec()
      .catch(() => undefined);
  }

  private async read(): Promise<void> {
    let reports: Array<[string, string | null]>;
    try {
      const instances = (await this.link.client.smembers(INSTANCES)).filter((i) => i !== this.instanceId).slice(0, 64);
      const values = instances.length > 0 ? await this.link.client.mget(...instances.map((i) => `${KEY}:${i}`)) : [];
      reports = instances.map((i, n) => [i, values[n] ?? null]);
    } catch {
      return; // Redis away: the others' last lists stay until it answers
    }
    const remote: ConnectedDisplay[] = [];
    const owners = new Map<string, string>();
    for (const [instance, raw] of reports) {
      // Expired: that instance stopped telling (it died); forget it.
      if (raw === null) {
        void this.link.client.srem(INSTANCES, instance).catch(() => undefined);
        continue;
      }
      const report = parseMessage(reportSchema, raw);
      if (report) {
        remote.push(...(report.displays as ConnectedDisplay[]));
        for (const d of report.displays) owners.set(d.displayId, instance);
      }
      else this.log("warn", "another instance's display list does not parse; ignored", { instance });
    }
    this.owners = owners;
    this.registry.setRemote(remote);
  }

  /** The other instance a display is connected to, as last told; undefined when none is. */
  instanceOf(displayId: string): string | undefined {
    return this.owners.get(displayId);
  }
}

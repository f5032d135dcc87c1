import { Redis } from "ioredis";
import type { z } from "zod";
import type { Logger } from "../log.js";

/** Keys and channels of one wall in Redis (several walls may share a server under other prefixes). */
export const REDIS_PREFIX = "ioc-wall:";

/**
 * The service's connections to Redis (WALL_REDIS_URL): one for commands, one for subscriptions
 * (a subscribed connection may do nothing else). Both reconnect by themselves, backing off to 2 s;
 * `up` says whether changes can be shared now. The URL never reaches a log: it may hold a password.
 */
export class RedisLink {
  readonly client: Redis;
  readonly subscriber: Redis;
  private wasUp = false;
  private closing = false;

  constructor(url: string, log: Logger) {
    const options = {
      // Commands fail at once while Redis is away (the service refuses changes then) instead of queueing.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      // A connection gone quiet (a cable pulled, a switch dead) fails its commands within a second and
      // is noticed by TCP keepalive, instead of hanging the lease renewal for minutes.
      commandTimeout: 1000,
      keepAlive: 5000,
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
      lazyConnect: true,
    };
    this.client = new Redis(url, options);
    this.subscriber = new Redis(url, options);
    for (const c of [this.client, this.subscriber]) c.on("error", () => undefined);
    this.client.on("ready", () => {
      if (!this.wasUp) log("info", "shared store (Redis) reachable: changes are shared with the other instances");
      this.wasUp = true;
    });
    this.client.on("close", () => {
      if (this.wasUp && !this.closing) log("warn", "shared store (Redis) unreachable: the wall keeps its last state and changes are refused until it returns");
      this.wasUp = false;
    });
  }

  /** Connects both; rejects when Redis does not answer, so a service never starts on a store it cannot reach. */
  async connect(): Promise<void> {
    await Promise.all([this.client.connect(), this.subscriber.connect()]);
  }

  get up(): boolean {
    return this.client.status === "ready";
  }

  async close(): Promise<void> {
    // Leaving on purpose (a shutdown): not the outage the close event otherwise means.
    this.closing = true;
    for (const c of [this.client, this.subscriber]) c.disconnect(false);
  }
}

/** Why a change is refused while Redis is away. */
export const SHARED_STORE_DOWN = "the shared store (Redis) is unreachable: the wall keeps showing its last state, and changes are refused until the store answers again";

/** A change refused because the shared store is away: the API answers 503 with its message. */
export class SharedStoreUnavailable extends Error {
  readonly status = 503;
  constructor() {
    super(SHARED_STORE_DOWN);
  }
}

/**
 * A message or entry read from Redis, as a checked value; undefined when it is longer than
 * `maxChars` (checked before parsing), not JSON, or not of the schema.
 */
export function parseMessage<T>(schema: z.ZodType<T>, message: string, maxChars = 4 * 1024 * 1024): T | undefined {
  if (message.length > maxChars) return undefined;
  try {
    const r = schema.safeParse(JSON.parse(message));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

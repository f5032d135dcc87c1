import { EventEmitter } from "node:events";
import { Mutex } from "redis-semaphore";
import type { Logger } from "../log.js";
import { REDIS_PREFIX, type RedisLink } from "./redis-link.js";

/** How long a lease lasts without renewal: another instance takes over within this of the holder's death. */
export const LEASE_MS = 5000;
/** How often the holder renews it and the others try for it. */
export const LEASE_CHECK_MS = 1000;
/** The lease's name; redis-semaphore keeps it under LEADER_KEY, whose value is the holder's instance id. */
const LEASE_NAME = `${REDIS_PREFIX}leader`;
export const LEADER_KEY = `mutex:${LEASE_NAME}`;
/** A holder that could not renew for this long steps down, well before the lease can pass to another. */
const STEP_DOWN_MS = LEASE_MS * 0.6;

/**
 * Exactly one instance runs the scheduler and the alarm rules: the holder of a Redis lease
 * (redis-semaphore's Mutex: set-if-absent with an expiry, renewed only by its holder, both atomic
 * Lua scripts). The holder renews every second; a holder that cannot renew for most of the lease
 * (Redis away, its own event loop stalled) steps down before the lease can pass to another, so two
 * never run at once. Emits `change` with true on taking the lead, false on giving it up.
 */
export class LeaderLease extends EventEmitter<{ change: [boolean] }> {
  private readonly take: Mutex;
  /** The same lease by its identifier: trying it renews it, and fails if another holds it (one use each: the library then forgets it was external). */
  private readonly renew: () => Mutex;
  private leading = false;
  private renewedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private closed = false;

  constructor(
    link: RedisLink,
    readonly instanceId: string,
    private readonly log: Logger,
  ) {
    super();
    const key = LEASE_NAME;
    const options = { lockTimeout: LEASE_MS, acquireAttemptsLimit: 1, acquireTimeout: LEASE_CHECK_MS, refreshInterval: 0, identifier: instanceId };
    this.take = new Mutex(link.client, key, options);
    this.renew = () => new Mutex(link.client, key, { ...options, acquiredExternally: true });
  }

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), LEASE_CHECK_MS);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.checking;
    if (this.leading) {
      this.set(false);
      await this.take.release().catch(() => undefined);
    }
  }

  /** Each second: steps down at once when the last renewal is too old (whatever a call in flight does), then checks. */
  private tick(): void {
    if (this.leading && Date.now() - this.renewedAt > STEP_DOWN_MS) this.set(false);
    if (!this.checking) this.checking = this.check().finally(() => (this.checking = undefined));
  }

  private async check(): Promise<void> {
    // true: held; false: another instance holds it; undefined: Redis did not answer.
    const held = await (this.leading ? this.renew() : this.take).tryAcquire().catch(() => undefined);
    if (this.closed) return;
    const now = Date.now();
    if (held) {
      this.renewedAt = now;
      if (!this.leading) this.set(true);
    } else if (this.leading && (held === false || now - this.renewedAt > STEP_DOWN_MS)) {
      this.set(false);
    }
  }

  private set(leading: boolean): void {
    this.leading = leading;
    this.log("info", leading ? "this instance now runs the schedule and the alarm rules" : "this instance no longer runs the schedule and the alarm rules", { instance: this.instanceId });
    this.emit("change", leading);
  }
}

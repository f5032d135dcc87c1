import type { z } from "zod";
import type { Logger } from "../log.js";
import { parseMessage, REDIS_PREFIX, type RedisLink } from "./redis-link.js";

/** What instances share of a part of the service: a record ordered by revision, then by the writer's id. */
export interface Shareable<T extends { revision: number; origin: string }> {
  readonly instanceId: string;
  shared(): T;
  /**
   * Takes another instance's record when newer; false when older or the same. `joining`: this
   * instance is starting and takes the stored record whatever its own says (its files may be stale).
   */
  adopt(remote: T, joining?: boolean): boolean;
  /** Called on each change of the record (this instance's, or one it adopted). */
  subscribe(listener: () => void): () => void;
}

/**
 * Stores a record only if it is newer than the stored one (revision, then the writer's id), and
 * tells every instance: one atomic step, so two instances writing at once leave the same winner
 * in Redis and on every instance. Returns 0 when the stored record was newer.
 */
/** How often an instance compares its records with the stored ones, whatever it heard. */
const RECONCILE_MS = 5000;

const SAVE_IF_NEWER = `
local current = redis.call('GET', KEYS[1])
if current then
  local c = cjson.decode(current)
  local revision = tonumber(ARGV[2])
  if c.revision > revision or (c.revision == revision and c.origin >= ARGV[3]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('PUBLISH', KEYS[2], ARGV[1])
return 1`;

/**
 * One record for every instance (the wall state, the rotation's place): this instance's changes
 * are saved in Redis and published; the others' are adopted when newer. On start the stored record
 * wins over the local one (a new instance joins the wall as it is); an empty store gets this one's.
 * Whatever comes from Redis is parsed with the record's schema before it is used.
 */
export class SharedRecord<T extends { revision: number; origin: string }> {
  private saving: Promise<void> = Promise.resolve();
  private unsubscribe: () => void = () => undefined;
  private reconcile: NodeJS.Timeout | undefined;
  private readonly key: string;

  constructor(
    private readonly link: RedisLink,
    name: string,
    private readonly schema: z.ZodType<T>,
    private readonly subject: Shareable<T>,
    private readonly log: Logger,
  ) {
    this.key = `${REDIS_PREFIX}${name}`;
  }

  async start(): Promise<void> {
    await this.link.subscriber.subscribe(this.key);
    // A starting instance joins the wall as it is: the stored record wins over its own files. Only
    // then does it take published changes (one taken before would meet its unshared start as a tie),
    // and it reads once more for any published meanwhile.
    await this.catchUp(true);
    this.link.subscriber.on("message", this.onMessage);
    await this.catchUp();
    this.unsubscribe = this.subject.subscribe(this.onChange);
    this.onChange();
    // Back after an outage (either connection): what changed meanwhile elsewhere, then this
    // instance's own if newer; and every few seconds, for a publish missed while resubscribing.
    this.link.client.on("ready", this.onReconnect);
    this.link.subscriber.on("ready", this.onReconnect);
    this.reconcile = setInterval(this.onReconnect, RECONCILE_MS);
  }

  /** Resolves once every change of this instance so far is in Redis (or failed to get there). */
  flushed(): Promise<void> {
    return this.saving;
  }

  close(): void {
    clearInterval(this.reconcile);
    this.unsubscribe();
    this.link.subscriber.off("message", this.onMessage);
    this.link.subscriber.off("ready", this.onReconnect);
    this.link.client.off("ready", this.onReconnect);
  }

  private get ownChange(): boolean {
    return this.subject.shared().origin === this.subject.instanceId;
  }

  private readonly onChange = () => {
    if (this.ownChange) this.save();
  };

  private readonly onReconnect = () => {
    if (!this.link.up) return;
    this.catchUp().then(
      () => this.onChange(),
      () => undefined, // Redis went again: the next ready or reconcile tries once more
    );
  };

  private readonly onMessage = (channel: string, message: string) => {
    if (channel !== this.key) return;
    try {
      this.adopt(message, "published");
    } catch (e) {
      this.log("error", "a shared change could not be taken", { record: this.key, error: (e as Error).message });
    }
  };

  private save(): void {
    const record = this.subject.shared();
    this.saving = this.saving
      .then(() => this.link.client.eval(SAVE_IF_NEWER, 2, this.key, this.key, JSON.stringify(record), String(record.revision), record.origin))
      // The stored one was newer: this instance missed it; take it.
      .then((saved) => (saved === 0 ? this.catchUp() : undefined))
      .catch((e: Error) => this.log("warn", "could not share a change; it is shared when the store answers again", { record: this.key, error: e.message }));
  }

  private async catchUp(joining = false): Promise<void> {
    const stored = await this.link.client.get(this.key);
    if (stored) this.adopt(stored, "stored", joining);
  }

  private adopt(message: string, from: string, joining = false): void {
    const parsed = parseMessage(this.schema, message);
    if (!parsed) {
      this.log("warn", "a shared record that does not parse was ignored", { record: this.key, from });
      return;
    }
    if (parsed.origin !== this.subject.instanceId) this.subject.adopt(parsed, joining);
  }
}

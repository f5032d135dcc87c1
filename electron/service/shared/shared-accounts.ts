import { accountRecordSchemas, type AccountKind, type AccountRecords, type AccountsShare, type AccountStore } from "../access/accounts.js";
import type { Logger } from "../log.js";
import type { z } from "zod";
import { parseMessage, REDIS_PREFIX, SharedStoreUnavailable, type RedisLink } from "./redis-link.js";

const KEY = `${REDIS_PREFIX}accounts`;
/** Set by the first instance that brought its accounts file to the store: later ones take the store's. */
const SEEDED = `${KEY}:seeded`;
const KINDS = Object.keys(accountRecordSchemas) as AccountKind[];
/** How often an instance reads every entry again, whatever it heard (a publish missed while away, sessions expired). */
const RECONCILE_MS = 5000;

/**
 * Accounts, sessions and API tokens of every instance, in Redis: one hash per kind (sessions by
 * their token's digest; no secret is stored). A change is written there first (a name is created
 * once whichever instance asks), then announced; the others read the store again. Entries read
 * back are checked one by one: a damaged entry is dropped and logged, never the rest.
 */
export class SharedAccounts implements AccountsShare {
  private reconcile: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  /** Counts this instance's changes: a read that began before one is older than what this instance holds. */
  private changes = 0;

  constructor(
    private readonly link: RedisLink,
    private readonly accounts: AccountStore,
    private readonly instanceId: string,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    // The first instance on an empty store brings its accounts file; the others join the store's.
    if ((await this.link.client.set(SEEDED, this.instanceId, "NX")) === "OK") {
      const mine = this.accounts.records();
      const batch = this.link.client.multi();
      for (const kind of KINDS) for (const r of mine[kind]) batch.hset(hashOf(kind), keyOf(kind, r), JSON.stringify(r));
      await batch.exec();
    }
    await this.link.subscriber.subscribe(KEY);
    this.link.subscriber.on("message", this.onMessage);
    await this.readAll();
    this.accounts.share = this;
    this.link.client.on("ready", this.onReconnect);
    this.reconcile = setInterval(this.onReconnect, RECONCILE_MS);
  }

  close(): void {
    clearInterval(this.reconcile);
    this.accounts.share = undefined;
    this.link.subscriber.off("message", this.onMessage);
    this.link.client.off("ready", this.onReconnect);
  }

  async add(kind: AccountKind, key: string, record: unknown): Promise<boolean> {
    const added = await this.command(() => this.link.client.hsetnx(hashOf(kind), key, JSON.stringify(record)));
    if (added === 1) this.announce();
    return added === 1;
  }

  async put(kind: AccountKind, key: string, record: unknown): Promise<void> {
    await this.command(() => this.link.client.hset(hashOf(kind), key, JSON.stringify(record)));
    this.announce();
  }

  async remove(kind: AccountKind, key: string): Promise<boolean> {
    const removed = await this.command(() => this.link.client.hdel(hashOf(kind), key));
    if (removed > 0) this.announce();
    return removed > 0;
  }

  /** A command on the store, or a refusal that says why (never a half-made change). */
  private async command<T>(run: () => Promise<T>): Promise<T> {
    if (!this.link.up) throw new SharedStoreUnavailable();
    this.changes += 1;
    try {
      return await run();
    } catch (e) {
      this.log("warn", "the shared store did not take an accounts change", { error: (e as Error).message });
      throw new SharedStoreUnavailable();
    }
  }

  private announce(): void {
    this.link.client.publish(KEY, this.instanceId).catch(() => undefined); // the others' reconcile finds it anyway
  }

  private readonly onMessage = (channel: string, from: string) => {
    if (channel === KEY && from !== this.instanceId) this.onReconnect();
  };

  private readonly onReconnect = () => {
    if (!this.link.up || this.reading) return;
    this.reading = this.readAll()
      .catch((e: Error) => this.log("warn", "could not read the shared accounts; keeping the last ones", { error: e.message }))
      .finally(() => (this.reading = undefined));
  };

  /** Every entry from the store, each checked; expired sessions are removed from it. */
  private async readAll(): Promise<void> {
    const changes = this.changes;
    const raw = await Promise.all(KINDS.map((kind) => this.link.client.hgetall(hashOf(kind))));
    const next: AccountRecords = { users: [], tokens: [], sessions: [] };
    const now = Date.now();
    const expired: string[] = [];
    KINDS.forEach((kind, i) => {
      for (const [key, value] of Object.entries(raw[i]!)) {
        const parsed = parseEntry(kind, value);
        if (!parsed) this.log("warn", "a shared account entry that does not parse was ignored", { kind, key: key.slice(0, 64) });
        else if (kind === "sessions" && (parsed as AccountRecords["sessions"][number]).expiresAt <= now) expired.push(key);
        else (next[kind] as unknown[]).push(parsed);
      }
    });
    if (expired.length > 0) await this.link.client.hdel(hashOf("sessions"), ...expired);
    // A change of this instance's since the read began: its own copy is newer; the next read takes the store's.
    if (changes === this.changes) this.accounts.replace(next);
  }
}

function hashOf(kind: AccountKind): string {
  return `${KEY}:${kind}`;
}

function keyOf(kind: AccountKind, record: AccountRecords[AccountKind][number]): string {
  if (kind === "users") return (record as AccountRecords["users"][number]).username;
  if (kind === "tokens") return (record as AccountRecords["tokens"][number]).name;
  return (record as AccountRecords["sessions"][number]).digest;
}

function parseEntry(kind: AccountKind, value: string): unknown {
  return parseMessage(accountRecordSchemas[kind] as z.ZodType<unknown>, value);
}

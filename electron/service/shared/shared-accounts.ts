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
 * Brings this instance's accounts to a store that has none (a new wall, or one wiped: Redis restarted
 * without its files, flushed, evicted), in one step with the marker that says it was done, so that a
 * store is seeded once and never read as "every account deleted".
 */
const SEED = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
  local entries = cjson.decode(ARGV[2])
  for _, e in ipairs(entries) do redis.call('HSET', e[1], e[2], e[3]) end
  return 1
end
return 0`;

/** Updates an entry only while it exists: a sign-in cannot bring back an account deleted meanwhile. */
const UPDATE_IF_PRESENT = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  return 1
end
return 0`;

/**
 * Accounts, sessions and API tokens of every instance, in Redis: one hash per kind (sessions by
 * their token's digest; no secret is stored). A change is written there first (a name is created
 * once whichever instance asks), then announced; the others read the store again. Entries read
 * back are checked one by one: a damaged entry is dropped and logged, never the rest.
 */
export class SharedAccounts implements AccountsShare {
  private reconcile: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  /** A change was announced (or a read came out stale) while a read ran: read again when it ends. */
  private again = false;
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
    await this.seed();
    await this.link.subscriber.subscribe(KEY);
    this.link.subscriber.on("message", this.onMessage);
    await this.readAll();
    this.accounts.share = this;
    this.link.client.on("ready", this.onReconnect);
    this.reconcile = setInterval(this.onReconnect, RECONCILE_MS);
  }

  async close(): Promise<void> {
    clearInterval(this.reconcile);
    this.accounts.share = undefined;
    this.link.subscriber.off("message", this.onMessage);
    this.link.client.off("ready", this.onReconnect);
    await this.reading;
  }

  /** This instance's accounts into a store that has none yet; nothing when it has (another instance's, or this one's before). */
  private async seed(): Promise<void> {
    const mine = this.accounts.records();
    const entries = KINDS.flatMap((kind) => mine[kind].map((r) => [hashOf(kind), keyOf(kind, r), JSON.stringify(r)]));
    const seeded = await this.link.client.eval(SEED, 1, SEEDED, this.instanceId, JSON.stringify(entries));
    if (seeded === 1) this.log("info", "the shared store had no accounts: this instance's were brought to it", { users: mine.users.length, tokens: mine.tokens.length });
  }

  async add(kind: AccountKind, key: string, record: unknown): Promise<boolean> {
    const added = await this.command(() => this.link.client.hsetnx(hashOf(kind), key, JSON.stringify(record)));
    if (added === 1) this.announce();
    return added === 1;
  }

  async update(kind: AccountKind, key: string, record: unknown): Promise<boolean> {
    const updated = await this.command(() => this.link.client.eval(UPDATE_IF_PRESENT, 1, hashOf(kind), key, JSON.stringify(record)));
    if (updated === 1) this.announce();
    return updated === 1;
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
    if (!this.link.up) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readAll()
      .catch((e: Error) => this.log("warn", "could not read the shared accounts; keeping the last ones", { error: e.message }))
      .finally(() => {
        this.reading = undefined;
        if (!this.again) return;
        this.again = false;
        this.onReconnect();
      });
  };

  /** Every entry from the store, each checked; expired sessions, and those of accounts gone, are removed from it. */
  private async readAll(): Promise<void> {
    const changes = this.changes;
    // A store that lost its accounts (wiped, restarted without its files) is given this instance's
    // again, never taken as "every account deleted".
    if ((await this.link.client.exists(SEEDED)) === 0) {
      this.log("warn", "the shared store has lost its accounts; this instance's are brought back to it");
      await this.seed();
    }
    // One snapshot of the three (MULTI): a session is judged by the accounts of the same instant, so
    // one opened by an account made a moment ago is never taken for an orphan.
    const batch = this.link.client.multi();
    for (const kind of KINDS) batch.hgetall(hashOf(kind));
    const raw = ((await batch.exec()) ?? []).map(([error, hash]) => {
      if (error) throw error;
      return hash as Record<string, string>;
    });
    const next: AccountRecords = { users: [], tokens: [], sessions: [] };
    const now = Date.now();
    const users = raw[KINDS.indexOf("users")]!;
    // A session lives until it expires, and while its account does.
    const live = (s: AccountRecords["sessions"][number]) => s.expiresAt > now && Object.hasOwn(users, s.username);
    const expired: string[] = [];
    KINDS.forEach((kind, i) => {
      for (const [key, value] of Object.entries(raw[i]!)) {
        const parsed = parseEntry(kind, value);
        if (!parsed) this.log("warn", "a shared account entry that does not parse was ignored", { kind, key: key.slice(0, 64) });
        else if (kind === "sessions" && !live(parsed as AccountRecords["sessions"][number])) expired.push(key);
        else (next[kind] as unknown[]).push(parsed);
      }
    });
    if (expired.length > 0) await this.link.client.hdel(hashOf("sessions"), ...expired);
    // A change of this instance's since the read began: its own copy is newer; read again.
    if (changes === this.changes) this.accounts.replace(next);
    else this.again = true;
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

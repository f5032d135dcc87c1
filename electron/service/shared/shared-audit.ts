import { AUDIT_KEEP, auditEntrySchema, type AuditEntry, type AuditLog } from "../access/audit-log.js";
import type { Logger } from "../log.js";
import { parseMessage, REDIS_PREFIX, type RedisLink } from "./redis-link.js";

const STREAM = `${REDIS_PREFIX}audit`;
/** The wall's trail in Redis is bounded too (about this many entries; each instance's file keeps its own). */
const STREAM_MAX = 50_000;
/** How often an instance reads the others' new entries and sends its own held back while the store was away. */
const POLL_MS = 1000;
/** Entries held while the store is away, sent when it returns; beyond this the oldest wait in the file only. */
const PENDING_MAX = AUDIT_KEEP;

/**
 * The audit trail of every instance, as one: each instance adds its entries to a Redis stream
 * (held back and sent later while the store is away: an entry made is never lost, it is in the
 * instance's file at once), and reads the others' every second into the trail its API and consoles
 * show. What is read back is checked entry by entry; a damaged one is skipped and logged.
 */
export class SharedAudit {
  private pending: AuditEntry[] = [];
  /** The stream id after which entries are new to this instance. */
  private lastId = "0";
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly link: RedisLink,
    private readonly audit: AuditLog,
    private readonly instanceId: string,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    // The wall's recent trail, newest last; then everything added after it.
    const recent = (await this.link.client.xrevrange(STREAM, "+", "-", "COUNT", AUDIT_KEEP)).reverse();
    if (recent.length > 0) this.lastId = recent.at(-1)![0];
    this.audit.merge(this.othersOf(recent));
    this.audit.share = (entry) => {
      this.pending.push(entry);
      if (this.pending.length > PENDING_MAX) this.pending.shift();
      this.poll();
    };
    this.audit.refresh = () => this.refresh();
    this.timer = setInterval(() => this.poll(), POLL_MS);
  }

  /** Reads now what the others added (after a read under way); Redis away: the trail as it is. */
  private refresh(): Promise<void> {
    if (!this.link.up) return Promise.resolve();
    return (this.polling ?? Promise.resolve()).then(() => this.read()).catch(() => undefined);
  }

  /** One read at a time, shared by whoever asks meanwhile (the poll, consoles connecting). */
  private reading: Promise<void> | undefined;

  /** Sends what is held back (a last chance before the instance stops). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.audit.share = undefined;
    this.audit.refresh = undefined;
    await this.polling;
    await this.send().catch(() => undefined);
  }

  private poll(): void {
    if (this.polling || !this.link.up) return;
    this.polling = this.send()
      .then(() => this.read())
      .catch((e: Error) => this.log("warn", "could not share the audit trail; it is sent when the store answers again", { error: e.message }))
      .finally(() => (this.polling = undefined));
  }

  private async send(): Promise<void> {
    while (this.pending.length > 0) {
      const entry = this.pending[0]!;
      await this.link.client.xadd(STREAM, "MAXLEN", "~", STREAM_MAX, "*", "origin", this.instanceId, "entry", JSON.stringify(entry));
      this.pending.shift();
    }
  }

  private read(): Promise<void> {
    this.reading ??= this.readNew().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const batch = await this.link.client.xrange(STREAM, `(${this.lastId}`, "+", "COUNT", 500);
      if (batch.length === 0) return;
      this.lastId = batch.at(-1)![0];
      this.audit.merge(this.othersOf(batch));
      if (batch.length < 500) return;
    }
  }

  private othersOf(items: Array<[id: string, fields: string[]]>): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (const [id, fields] of items) {
      const field = (name: string) => fields[fields.indexOf(name) + 1];
      if (field("origin") === this.instanceId) continue;
      const entry = parseMessage(auditEntrySchema, field("entry") ?? "");
      if (entry) out.push(entry);
      else this.log("warn", "a shared audit entry that does not parse was skipped", { id });
    }
    return out;
  }
}

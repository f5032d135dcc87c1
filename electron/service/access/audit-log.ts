import { EventEmitter } from "node:events";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { auditActions } from "../../common/audit-actions.js";
import type { Logger } from "../log.js";


export const auditEntrySchema = z.strictObject({
  at: z.number(),
  who: z.string().max(64),
  role: z.string().max(16),
  from: z.string().max(64),
  action: z.enum(auditActions),
  allowed: z.boolean(),
  status: z.number().int(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const AUDIT_FILE = "audit.log";
/** Past this size the file becomes audit.1.log (the one before is dropped): the trail is bounded on disk and in memory. */
const ROTATE_BYTES = 4 * 1024 * 1024;
/** Entries kept in memory for GET /api/audit; older ones are in the files. */
export const AUDIT_KEEP = 5000;

/**
 * Who did what, from where, allowed or not: one JSON line per entry, appended to a file in the
 * state folder that survives restarts, rotated by size. Read back line by line at start, each line
 * checked: a damaged line is skipped, never the whole trail.
 */
export class AuditLog extends EventEmitter<{ entry: [AuditEntry] }> {
  private entries: AuditEntry[] = [];
  private size = 0;
  private writing: Promise<void> = Promise.resolve();
  /** Set when several instances share the trail (WALL_REDIS_URL): given each entry this instance makes. */
  share: ((entry: AuditEntry) => void) | undefined;
  /** Set likewise: takes in at once what other instances added since it last looked. */
  refresh: (() => Promise<void>) | undefined;

  private constructor(
    private readonly file: string,
    private readonly log: Logger,
  ) {
    super();
  }

  static async open(stateDir: string, log: Logger): Promise<AuditLog> {
    const audit = new AuditLog(path.join(stateDir, AUDIT_FILE), log);
    const older = await readLines(audit.rotated());
    const current = await readLines(audit.file);
    audit.size = Buffer.byteLength(current.join("\n"));
    for (const line of [...older, ...current]) {
      try {
        const r = auditEntrySchema.safeParse(JSON.parse(line));
        if (r.success) audit.entries.push(r.data);
      } catch {
        // a torn last line after a power cut: skipped
      }
    }
    audit.entries = audit.entries.slice(-AUDIT_KEEP);
    return audit;
  }

  append(entry: Omit<AuditEntry, "at">): AuditEntry {
    const full: AuditEntry = { at: Date.now(), ...entry };
    this.entries.push(full);
    if (this.entries.length > AUDIT_KEEP * 1.2) this.entries = this.entries.slice(-AUDIT_KEEP);
    this.emit("entry", full);
    this.share?.(full);
    const line = JSON.stringify(full) + "\n";
    this.writing = this.writing
      .then(async () => {
        if (this.size + line.length > ROTATE_BYTES) {
          await fs.rename(this.file, this.rotated()).catch(() => undefined);
          this.size = 0;
        }
        await fs.appendFile(this.file, line, { mode: 0o600 });
        this.size += Buffer.byteLength(line);
      })
      .catch((e: Error) => this.log("error", "could not write the audit log", { error: e.message }));
    return full;
  }

  /**
   * Other instances' entries (already checked): into the trail in time order (their consoles were
   * told by the instance that made them). This instance's file keeps only its own; the shared store
   * keeps the wall's.
   */
  merge(remote: AuditEntry[]): void {
    // The same entry twice (this instance's own, from its file and from the store after a restart) is one.
    const since = Math.min(...remote.map((e) => e.at));
    const known = new Set(this.entries.filter((e) => e.at >= since).map(identity));
    remote = remote.filter((e) => !known.has(identity(e)));
    if (remote.length === 0) return;
    this.entries.push(...remote);
    this.entries.sort((a, b) => a.at - b.at);
    if (this.entries.length > AUDIT_KEEP) this.entries = this.entries.slice(-AUDIT_KEEP);
  }

  /** The newest entry that matches, of every instance's as they are now. */
  async latest(match: (e: AuditEntry) => boolean): Promise<AuditEntry | undefined> {
    await this.refresh?.();
    return this.entries.findLast(match);
  }

  /** Newest first. */
  query(filter: { limit: number; action?: string; who?: string }): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < filter.limit; i--) {
      const e = this.entries[i]!;
      if ((filter.action === undefined || e.action === filter.action) && (filter.who === undefined || e.who === filter.who)) out.push(e);
    }
    return out;
  }

  flushed(): Promise<void> {
    return this.writing;
  }

  private rotated(): string {
    return this.file.replace(/\.log$/, ".1.log");
  }
}

/** What makes an entry the same entry, whatever order its fields were written in. */
function identity(e: AuditEntry): string {
  return [e.at, e.who, e.role, e.from, e.action, e.allowed, e.status, JSON.stringify(e.details)].join("\u0000");
}

async function readLines(file: string): Promise<string[]> {
  try {
    return (await fs.readFile(file, "utf8")).split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

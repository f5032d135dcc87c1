import { createHash, randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { readJsonIfExists, writeFileAtomic } from "../json-file.js";
import type { Logger } from "../log.js";
import { hashPassword, verifyPassword } from "./password-hash.js";
import type { Principal, Role } from "./tokens.js";

export const roleSchema = z.enum(["viewer", "operator", "admin"]);
export const usernameSchema = z.string().regex(/^[a-z0-9._-]{2,32}$/, "username: 2–32 of a-z 0-9 . _ -");
export const ACCOUNTS_FILE = "accounts.json";

const userRecord = z.strictObject({ username: usernameSchema, role: roleSchema, hash: z.string().startsWith("scrypt$"), createdAt: z.number(), lastLoginAt: z.number().optional() });
const tokenRecord = z.strictObject({ name: usernameSchema, role: roleSchema, digest: z.string().regex(/^[0-9a-f]{64}$/), createdAt: z.number() });
const sessionRecord = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/), username: usernameSchema, digest: z.string().regex(/^[0-9a-f]{64}$/), expiresAt: z.number() });
type UserRecord = z.infer<typeof userRecord>;
type TokenRecord = z.infer<typeof tokenRecord>;
type SessionRecord = z.infer<typeof sessionRecord>;

/** The three kinds of entry, each checked by its schema wherever it comes from (the file, Redis). */
export const accountRecordSchemas = { users: userRecord, tokens: tokenRecord, sessions: sessionRecord };
export type AccountKind = keyof typeof accountRecordSchemas;
export type AccountRecords = { users: UserRecord[]; tokens: TokenRecord[]; sessions: SessionRecord[] };

/**
 * Where several instances keep their accounts (Redis): every change goes there first, so that two
 * instances cannot both create one name, and a sign-in on one is a session on all. Each call rejects
 * when that store is away (the change is refused, nothing half-done).
 */
export interface AccountsShare {
  /** Stores the entry unless its key is taken; false when taken. */
  add(kind: AccountKind, key: string, record: unknown): Promise<boolean>;
  /** Stores the entry only while its key exists; false when it is gone (deleted elsewhere meanwhile). */
  update(kind: AccountKind, key: string, record: unknown): Promise<boolean>;
  /** False when there was no such entry. */
  remove(kind: AccountKind, key: string): Promise<boolean>;
}

const digestOf = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");
const secret = () => randomBytes(32).toString("base64url");

/** Entries one at a time: a damaged entry is dropped and named in the log, the others load. */
function parseEach<T>(raw: unknown, schema: z.ZodType<T>, what: string, log: Logger): T[] {
  if (!Array.isArray(raw)) return [];
  const out: T[] = [];
  raw.forEach((item, i) => {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    else log("warn", `${ACCOUNTS_FILE}: ${what}[${i}] dropped: ${r.error.issues[0]?.message ?? "invalid"}`);
  });
  return out;
}

export interface UserSummary {
  username: string;
  role: Role;
  createdAt: number;
  lastLoginAt?: number;
}

/**
 * Named accounts (passwords only as scrypt hashes), their sign-in sessions, and API tokens for
 * integrations (only their SHA-256 digests): kept in the state folder, written atomically. A
 * principal's `credential` says what it came in with, so that deleting an account or revoking a
 * token can close what it holds at once ("revoked" names the credential, or its prefix).
 */
export class AccountStore extends EventEmitter<{ revoked: [credentialPrefix: string] }> {
  private users = new Map<string, UserRecord>();
  private tokens = new Map<string, TokenRecord>();
  /** By digest of the session token. */
  private sessions = new Map<string, SessionRecord>();
  private tokenDigests = new Map<string, TokenRecord>();
  private writing: Promise<void> = Promise.resolve();
  /** Set when several instances share the accounts (WALL_REDIS_URL). */
  share: AccountsShare | undefined;

  private constructor(
    private readonly file: string,
    private readonly log: Logger,
    readonly sessionMs: number,
    private readonly now: () => number,
  ) {
    super();
  }

  static async open(stateDir: string, log: Logger, options: { sessionHours?: number; now?: () => number } = {}): Promise<AccountStore> {
    await fs.mkdir(stateDir, { recursive: true });
    const store = new AccountStore(path.join(stateDir, ACCOUNTS_FILE), log, (options.sessionHours ?? 12) * 3_600_000, options.now ?? Date.now);
    const raw = (await readJsonIfExists(store.file)) as { users?: unknown; tokens?: unknown; sessions?: unknown } | undefined;
    for (const u of parseEach(raw?.users, userRecord, "users", log)) store.users.set(u.username, u);
    for (const t of parseEach(raw?.tokens, tokenRecord, "tokens", log)) store.tokens.set(t.name, t);
    for (const s of parseEach(raw?.sessions, sessionRecord, "sessions", log)) if (s.expiresAt > store.now() && store.users.has(s.username)) store.sessions.set(s.digest, s);
    store.reindex();
    return store;
  }

  listUsers(): UserSummary[] {
    return [...this.users.values()].sort((a, b) => a.username.localeCompare(b.username)).map(({ hash: _hash, ...u }) => u);
  }

  listTokens(): Array<{ name: string; role: Role; createdAt: number }> {
    return [...this.tokens.values()].sort((a, b) => a.name.localeCompare(b.name)).map(({ digest: _digest, ...t }) => t);
  }

  async createUser(username: string, password: string, role: Role): Promise<UserSummary | "taken"> {
    if (this.users.has(username)) return "taken";
    const record: UserRecord = { username, role, hash: await hashPassword(password), createdAt: this.now() };
    // Checked again: another creation of the same name may have finished while this one hashed.
    if (this.users.has(username)) return "taken";
    if (this.share && !(await this.share.add("users", username, record))) return "taken";
    this.users.set(username, record);
    await this.save();
    return { username, role, createdAt: record.createdAt };
  }

  async deleteUser(username: string): Promise<boolean> {
    if (this.share) {
      if (!(await this.share.remove("users", username))) return false;
      for (const [d, s] of this.sessions) if (s.username === username) await this.share.remove("sessions", d);
    }
    // Gone from the store but not known here yet: deleted all the same (the next read closes what it held).
    if (!this.users.delete(username)) return Boolean(this.share);
    for (const [d, s] of this.sessions) if (s.username === username) this.sessions.delete(d);
    await this.save();
    this.emit("revoked", `user:${username}/`);
    return true;
  }

  /** A session token for a right password; undefined for a wrong one or an unknown name (the same time either way). */
  async login(username: string, password: string): Promise<{ token: string; role: Role; expiresAt: number } | undefined> {
    const user = this.users.get(username);
    // An unknown name costs a hash too, so that timing does not tell which names exist.
    const ok = await verifyPassword(password, user?.hash ?? UNKNOWN_USER_HASH);
    if (!user || !ok || !this.users.has(username)) return undefined;
    const token = secret();
    const session: SessionRecord = { id: randomBytes(9).toString("base64url"), username, digest: digestOf(token), expiresAt: this.now() + this.sessionMs };
    this.pruneSessions();
    const signedIn = { ...user, lastLoginAt: this.now() };
    if (this.share) {
      // The account may have been deleted on another instance while the password was checked.
      if (!(await this.share.update("users", username, signedIn))) return undefined;
      await this.share.add("sessions", session.digest, session);
    }
    this.sessions.set(session.digest, session);
    this.users.set(username, signedIn);
    await this.save();
    return { token, role: user.role, expiresAt: session.expiresAt };
  }

  /** Ends the session this token opened; false when it is not a session token. */
  async logout(token: string): Promise<boolean> {
    const session = this.sessions.get(digestOf(token));
    if (!session) return false;
    await this.share?.remove("sessions", session.digest);
    this.sessions.delete(session.digest);
    await this.save();
    this.emit("revoked", sessionCredential(session));
    return true;
  }

  async createToken(name: string, role: Role): Promise<{ name: string; role: Role; token: string } | "taken"> {
    if (this.tokens.has(name)) return "taken";
    const token = secret();
    const record: TokenRecord = { name, role, digest: digestOf(token), createdAt: this.now() };
    if (this.share && !(await this.share.add("tokens", name, record))) return "taken";
    this.tokens.set(name, record);
    this.reindex();
    await this.save();
    return { name, role, token };
  }

  async revokeToken(name: string): Promise<boolean> {
    if (this.share && !(await this.share.remove("tokens", name))) return false;
    // Gone from the store but not known here yet: revoked all the same (the next read closes what it held).
    if (!this.tokens.delete(name)) return Boolean(this.share);
    this.reindex();
    await this.save();
    this.emit("revoked", `token:${name}`);
    return true;
  }

  authenticate(token: string): Principal | undefined {
    const d = digestOf(token);
    const t = this.tokenDigests.get(d);
    if (t) return { name: t.name, role: t.role, credential: `token:${t.name}` };
    const s = this.sessions.get(d);
    if (!s) return undefined;
    const user = this.users.get(s.username);
    if (!user || s.expiresAt <= this.now()) {
      this.sessions.delete(d);
      return undefined;
    }
    return { name: user.username, role: user.role, credential: sessionCredential(s) };
  }

  /** Every entry, as stored (digests and hashes only), for seeding a shared store. */
  records(): AccountRecords {
    return sortedRecords(this.users, this.tokens, this.sessions);
  }

  /**
   * Takes the shared store's entries (another instance's changes): what disappeared is closed at
   * once (its sockets, its sessions), and the file keeps the copy for a start without the store.
   */
  replace(next: AccountRecords): void {
    const users = new Map(next.users.map((u) => [u.username, u]));
    const tokens = new Map(next.tokens.map((t) => [t.name, t]));
    const sessions = new Map(next.sessions.filter((s) => users.has(s.username)).map((s) => [s.digest, s]));
    const revoked = [
      ...[...this.users.keys()].filter((u) => !users.has(u)).map((u) => `user:${u}/`),
      ...[...this.tokens.keys()].filter((t) => !tokens.has(t)).map((t) => `token:${t}`),
      ...[...this.sessions.values()].filter((s) => !sessions.has(s.digest) && users.has(s.username)).map(sessionCredential),
    ];
    const changed = JSON.stringify(this.records()) !== JSON.stringify(sortedRecords(users, tokens, sessions));
    this.users = users;
    this.tokens = tokens;
    this.sessions = sessions;
    this.reindex();
    if (changed) void this.save();
    for (const r of revoked) this.emit("revoked", r);
  }

  /** Resolves once every change so far is on disk. */
  flushed(): Promise<void> {
    return this.writing;
  }

  private pruneSessions(): void {
    const now = this.now();
    for (const [d, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(d);
  }

  private reindex(): void {
    this.tokenDigests = new Map([...this.tokens.values()].map((t) => [t.digest, t]));
  }

  private save(): Promise<void> {
    const content = JSON.stringify(this.records(), null, 1) + "\n";
    this.writing = this.writing.then(() => writeFileAtomic(this.file, content, 0o600)).catch((e: Error) => this.log("error", "could not save the accounts", { error: e.message }));
    return this.writing;
  }
}

/** In a stable order, whatever order they were added or read in: the same entries, the same file. */
function sortedRecords(users: Map<string, UserRecord>, tokens: Map<string, TokenRecord>, sessions: Map<string, SessionRecord>): AccountRecords {
  const by = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return { users: by(users), tokens: by(tokens), sessions: by(sessions) };
}

function sessionCredential(s: SessionRecord): string {
  return `user:${s.username}/${s.id}`;
}

/** A hash of nothing anyone knows: verifying against it takes as long as against a real one. */
const UNKNOWN_USER_HASH = `scrypt$${2 ** 15}$8$1$${randomBytes(16).toString("base64url")}$${randomBytes(32).toString("base64url")}`;

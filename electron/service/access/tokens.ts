import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../json-file.js";

export type Role = "viewer" | "operator" | "admin";
const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export interface Principal {
  name: string;
  role: Role;
  /** What it came in with (`admin`, `display`, `token:<name>`, `user:<name>/<session>`): revoking it closes what it holds. */
  credential: string;
}

export function roleAllows(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed];
}

/** One secret compared in constant time (the metrics token: it opens /metrics and nothing else). */
export function sameSecret(token: string | undefined, secret: string): boolean {
  return token !== undefined && token.length <= 256 && timingSafeEqual(digest(token), digest(secret));
}

function digest(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

export const ADMIN_TOKEN_FILE = "admin-token";
export const DISPLAY_TOKEN_FILE = "display-token";

/** A secret kept in the state folder (mode 0600): read if there, else generated (192 random bits) and stored. */
export async function storedSecret(stateDir: string, name: string): Promise<{ secret: string; file: string; generated: boolean }> {
  const file = path.join(stateDir, name);
  try {
    const secret = (await fs.readFile(file, "utf8")).trim();
    if (secret) return { secret, file, generated: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const secret = randomBytes(24).toString("base64url");
  await fs.mkdir(stateDir, { recursive: true });
  await writeFileAtomic(file, `${secret}\n`, 0o600);
  return { secret, file, generated: true };
}

/**
 * Bearer tokens and the role each carries, compared in constant time by digest. Tokens are long
 * random secrets: a wrong one is refused, never answered with a lockout that a valid one would share.
 */
export class TokenAuth {
  private readonly tokens: Array<{ digest: Buffer; principal: Principal }> = [];
  private accounts: { authenticate(token: string): Principal | undefined } | undefined;

  private constructor(
    /** Set when this start generated the admin token, so the caller can print it once. */
    readonly generatedAdminToken: string | undefined,
    readonly adminTokenFile: string | undefined,
  ) {}

  static async open(stateDir: string, adminToken: string | undefined): Promise<TokenAuth> {
    if (adminToken) {
      const auth = new TokenAuth(undefined, undefined);
      auth.add(adminToken, { name: "admin", role: "admin", credential: "admin" });
      return auth;
    }
    const stored = await storedSecret(stateDir, ADMIN_TOKEN_FILE);
    const auth = new TokenAuth(stored.generated ? stored.secret : undefined, stored.file);
    auth.add(stored.secret, { name: "admin", role: "admin", credential: "admin" });
    return auth;
  }

  add(token: string, principal: Principal): void {
    this.tokens.push({ digest: digest(token), principal });
  }

  /** Accounts' sessions and integrations' tokens, besides the configured ones. */
  useAccounts(accounts: { authenticate(token: string): Principal | undefined }): void {
    this.accounts = accounts;
  }

  authenticate(token: string | undefined): Principal | undefined {
    if (!token || token.length > 256) return undefined;
    const d = digest(token);
    let found: Principal | undefined;
    for (const t of this.tokens) if (timingSafeEqual(t.digest, d)) found = t.principal;
    return found ?? this.accounts?.authenticate(token);
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m?.[1];
}

/** The console's REST calls (sign-in, accounts, tokens, audit), each with its bearer credential. */
import { serviceAddress } from "../data/service-address.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, token: string | undefined, body?: unknown): Promise<T> {
  // After the console moved to another instance, there (that instance admits this page's origin).
  const res = await fetch(serviceAddress(path), {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) throw new ApiError(res.status, (data as { error?: string } | undefined)?.error ?? `HTTP ${res.status}`);
  return data as T;
}

/** A display's picture now (GET /api/displays/:id/screenshot): a JPEG and when it was taken. */
async function screenshot(token: string, displayId: string): Promise<{ jpeg: Blob; at: number }> {
  const res = await fetch(serviceAddress(`/api/displays/${encodeURIComponent(displayId)}/screenshot`), { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const data = (await res.json().catch(() => undefined)) as { error?: string } | undefined;
    throw new ApiError(res.status, data?.error ?? `HTTP ${res.status}`);
  }
  return { jpeg: await res.blob(), at: Number(res.headers.get("x-captured-at")) || Date.now() };
}

export type Role = "viewer" | "operator" | "admin";
export interface UserRow {
  username: string;
  role: Role;
  createdAt: number;
  lastLoginAt?: number;
}
export interface TokenRow {
  name: string;
  role: Role;
  createdAt: number;
}
export interface AuditRow {
  at: number;
  who: string;
  role: string;
  from: string;
  action: string;
  allowed: boolean;
  status: number;
  details: Record<string, unknown>;
}

export const api = {
  login: (username: string, password: string) => call<{ token: string; role: Role; expiresAt: number }>("POST", "/api/login", undefined, { username, password }),
  logout: (token: string) => call<void>("POST", "/api/logout", token),
  users: (token: string) => call<{ users: UserRow[] }>("GET", "/api/users", token),
  createUser: (token: string, body: { username: string; password: string; role: Role }) => call<{ username: string; role: Role }>("POST", "/api/users", token, body),
  deleteUser: (token: string, username: string) => call<void>("DELETE", `/api/users/${encodeURIComponent(username)}`, token),
  tokens: (token: string) => call<{ tokens: TokenRow[] }>("GET", "/api/tokens", token),
  createToken: (token: string, body: { name: string; role: Role }) => call<{ name: string; role: Role; token: string }>("POST", "/api/tokens", token, body),
  revokeToken: (token: string, name: string) => call<void>("DELETE", `/api/tokens/${encodeURIComponent(name)}`, token),
  audit: (token: string, filter: { limit?: number; action?: string; who?: string }) => {
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]));
    return call<{ entries: AuditRow[] }>("GET", `/api/audit?${q}`, token);
  },
  screenshot,
  health: () => call<{ feed: { backend: { connected?: boolean; simulator?: unknown } } }>("GET", "/api/health", undefined),
};

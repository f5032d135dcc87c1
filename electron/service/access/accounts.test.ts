import { io, type Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { useWallService } from "../test-support/wall-service-fixture.js";
import { events, type Ack } from "../../common/protocol.js";
import { silentLogger } from "../log.js";
import { AccountStore } from "./accounts.js";

const ADMIN = "accounts-admin-token-0123456789abcdef";
const ctx = useWallService(ADMIN);
const sockets = ctx.sockets;

async function call<T = Record<string, unknown>>(method: string, pathname: string, body?: unknown, token: string | null = ADMIN): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${ctx.service.url}${pathname}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
}

async function control(token: string): Promise<Socket> {
  const s = io(`${ctx.service.url}/control`, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
  return s;
}

const login = async (username: string, password: string) => (await call<{ token: string; role: string; expiresAt: number }>("POST", "/api/login", { username, password }, null)).body.token;

describe("accounts, sessions and roles", () => {
  it("lets an admin create accounts; an operator signs in and commands, a viewer is refused over REST and socket, and both refusals are audited by name", async () => {
    expect((await call("POST", "/api/users", { username: "lan.nguyen", password: "mật-khẩu-ca-sáng", role: "operator" })).status).toBe(201);
    expect((await call("POST", "/api/users", { username: "xem", password: "chi-xem-thoi", role: "viewer" })).status).toBe(201);
    expect((await call("POST", "/api/users", { username: "xem", password: "another-one", role: "viewer" })).status).toBe(409);
    expect((await call("POST", "/api/users", { username: "Bad Name", password: "long-enough", role: "viewer" })).status).toBe(400);
    expect((await call("POST", "/api/users", { username: "short", password: "1234567", role: "viewer" })).status).toBe(400);
    const users = (await call<{ users: Array<Record<string, unknown>> }>("GET", "/api/users")).body.users;
    expect(users.map((u) => [u.username, u.role])).toEqual([["lan.nguyen", "operator"], ["xem", "viewer"]]);
    expect(JSON.stringify(users)).not.toMatch(/scrypt|hash/);

    const signedIn = await call<{ token: string; role: string; expiresAt: number }>("POST", "/api/login", { username: "lan.nguyen", password: "mật-khẩu-ca-sáng" }, null);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.role).toBe("operator");
    expect(signedIn.body.expiresAt - Date.now()).toBeGreaterThan(11.9 * 3_600_000);
    expect((await call("POST", "/api/state/layout", { layoutId: "briefing" }, signedIn.body.token)).status).toBe(200);
    expect((await call("GET", "/api/users", undefined, signedIn.body.token)).status).toBe(403);

    const viewer = await login("xem", "chi-xem-thoi");
    expect((await call("POST", "/api/state/layout", { layoutId: "overview" }, viewer)).status).toBe(403);
    const socket = await control(viewer);
    expect((await socket.emitWithAck(events.switchLayout, { layoutId: "overview" })) as Ack).toMatchObject({ ok: false, status: 403 });
    expect(ctx.service.state.current().layoutId).toBe("briefing");

    const audit = (await call<{ entries: Array<{ who: string; role: string; action: string; allowed: boolean; status: number; from: string }> }>("GET", "/api/audit?who=xem&action=layout.switch")).body.entries;
    expect(audit).toHaveLength(2);
    expect(audit.every((e) => e.who === "xem" && e.role === "viewer" && !e.allowed && e.status === 403 && /127\.0\.0\.1/.test(e.from))).toBe(true);
    const switched = (await call<{ entries: Array<{ who: string; allowed: boolean }> }>("GET", "/api/audit?action=layout.switch&limit=1")).body.entries;
    expect(switched).toHaveLength(1);
    expect((await call("GET", "/api/audit", undefined, viewer)).status).toBe(403);
  });

  it("throttles password guessing per name with 429 and Retry-After, never a valid token or another name", async () => {
    await call("POST", "/api/users", { username: "op1", password: "right-password", role: "operator" });
    await call("POST", "/api/users", { username: "op2", password: "other-password", role: "operator" });
    for (let i = 0; i < 10; i++) expect((await call("POST", "/api/login", { username: "op1", password: `guess-${i}` }, null)).status).toBe(401);
    const limited = await call("POST", "/api/login", { username: "op1", password: "right-password" }, null);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call("POST", "/api/login", { username: "op2", password: "other-password" }, null)).status).toBe(200);
    expect((await call("GET", "/api/state")).status).toBe(200);
    const logins = (await call<{ entries: Array<{ status: number }> }>("GET", "/api/audit?action=login&who=op1")).body.entries;
    expect(logins.map((e) => e.status)).toEqual([429, ...Array(10).fill(401)]);
  });

  it("ends a session on sign-out, and every session and socket of a deleted account at once", async () => {
    await call("POST", "/api/users", { username: "ca-dem", password: "night-shift-1", role: "operator" });
    const first = await login("ca-dem", "night-shift-1");
    const second = await login("ca-dem", "night-shift-1");
    expect((await call("POST", "/api/logout", undefined, first)).status).toBe(204);
    expect((await call("GET", "/api/state", undefined, first)).status).toBe(401);
    expect((await call("GET", "/api/state", undefined, second)).status).toBe(200);
    const socket = await control(second);
    const closed = new Promise<string>((r) => socket.once("disconnect", r));
    expect((await call("DELETE", "/api/users/ca-dem")).status).toBe(204);
    expect(await closed).toBe("io server disconnect");
    expect((await call("GET", "/api/state", undefined, second)).status).toBe(401);
    expect((await call("DELETE", "/api/users/ca-dem")).status).toBe(404);
  });

  it("issues API tokens shown once and stored hashed; a revoked one is refused at once and loses its sockets", async () => {
    const made = await call<{ name: string; role: string; token: string }>("POST", "/api/tokens", { name: "bao-cao", role: "viewer" });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: "bao-cao", role: "viewer" });
    expect(made.body.token.length).toBeGreaterThanOrEqual(40);
    const listed = await call<{ tokens: unknown[] }>("GET", "/api/tokens");
    expect(listed.body.tokens).toEqual([{ name: "bao-cao", role: "viewer", createdAt: expect.any(Number) }]);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token);
    expect((await call("GET", "/api/state", undefined, made.body.token)).status).toBe(200);
    const feed = io(`${ctx.service.url}/feed`, { auth: { token: made.body.token }, transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { "x-forwarded-for": "10.0.0.8" } });
    sockets.push(feed);
    await new Promise<void>((r) => feed.once("connect", () => r()));
    const closed = new Promise<string>((r) => feed.once("disconnect", r));
    expect((await call("DELETE", "/api/tokens/bao-cao")).status).toBe(204);
    expect((await call("GET", "/api/state", undefined, made.body.token)).status).toBe(401);
    expect(await closed).toBe("io server disconnect");
  });

  it("keeps accounts, sessions and the audit across a restart", async () => {
    await call("POST", "/api/users", { username: "giu-lai", password: "survives-1", role: "admin" });
    const token = await login("giu-lai", "survives-1");
    await call("POST", "/api/state/layout", { layoutId: "briefing" }, token);
    await ctx.restart();
    expect((await call("GET", "/api/state", undefined, token)).status).toBe(200);
    const entries = (await call<{ entries: Array<{ action: string; who: string }> }>("GET", "/api/audit", undefined, token)).body.entries;
    expect(entries.slice(0, 3).map((e) => `${e.action} ${e.who}`)).toEqual(["layout.switch giu-lai", "login giu-lai", "user.create admin"]);
  });
});

describe("AccountStore", () => {
  it("lets a session lapse after its shift", async () => {
    let now = 1_000_000;
    const store = await AccountStore.open(ctx.dirs.stateDir, silentLogger, { sessionHours: 12, now: () => now });
    await store.createUser("ca-sang", "morning-shift", "operator");
    const session = (await store.login("ca-sang", "morning-shift"))!;
    expect(store.authenticate(session.token)).toMatchObject({ name: "ca-sang", role: "operator" });
    now += 12 * 3_600_000 - 1;
    expect(store.authenticate(session.token)).toBeDefined();
    now += 2;
    expect(store.authenticate(session.token)).toBeUndefined();
    expect(await store.login("ca-sang", "wrong-password")).toBeUndefined();
    await store.flushed();
  });
});

import fs from "node:fs/promises";
import path from "node:path";
import { io } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { ACCOUNTS_FILE } from "../access/accounts.js";
import { events } from "../../common/protocol.js";
import { PICTURE, sendPicture } from "../test-support/capture-picture.js";
import { silentLogger } from "../log.js";
import { call, SHARED_TOKEN, sharedInstances } from "../test-support/shared-instances.js";
import { RedisLink } from "./redis-link.js";
import { waitFor } from "../test-support/temp-wall.js";
import type { WallService } from "../wall-service.js";

const wall = sharedInstances();
const { instance } = wall;

const login = async (service: WallService, username: string, password: string) => {
  const res = await fetch(`${service.url}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  return { status: res.status, body: (await res.json()) as { token?: string; error?: string } };
};
const statusWith = async (service: WallService, token: string) => (await call(service, "GET", "/api/state", undefined, token)).status;
const auditOf = async (service: WallService) => ((await (await call(service, "GET", "/api/audit?limit=1000")).json()) as { entries: Array<{ who: string; action: string; allowed: boolean; status: number; details: Record<string, unknown> }> }).entries;

describe("accounts, tokens and the audit trail are one for every instance", () => {
  it("an account made on one instance signs in on another, and its session works on all; deleting it closes it everywhere", async () => {
    const [a, b] = [await instance(), await instance()];
    expect((await call(a, "POST", "/api/users", { username: "lan.nguyen", password: "mật-khẩu-dài", role: "operator" })).status).toBe(201);
    const signedIn = await waitFor(async () => {
      const r = await login(b, "lan.nguyen", "mật-khẩu-dài");
      return r.status === 200 ? r.body.token : undefined;
    }, 3000);
    // The session opened on B is a session on A: a console that moves keeps its sign-in.
    expect(await statusWith(a, signedIn)).toBe(200);
    expect((await call(a, "POST", "/api/state/layout", { layoutId: "tourism" }, signedIn)).status).toBe(200);
    // A console socket of that session on B is closed when the account is deleted through A.
    const control = io(`${b.url}/control`, { auth: { token: signedIn }, transports: ["websocket"], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      control.once("connect", resolve);
      control.once("connect_error", reject);
    });
    const closed = new Promise<void>((resolve) => control.once("disconnect", () => resolve()));
    expect((await call(a, "DELETE", "/api/users/lan.nguyen")).status).toBe(204);
    await closed;
    await waitFor(async () => (await statusWith(b, signedIn)) === 401, 3000);
    expect(await statusWith(a, signedIn)).toBe(401);
    expect((await login(b, "lan.nguyen", "mật-khẩu-dài")).status).toBe(401);
    control.close();
  });

  it("a console whose connection was cut is told, when it is back, the change made meanwhile through another instance; one whose account went meanwhile is told nothing", async () => {
    const [a, b] = [await instance(), await instance()];
    for (const username of ["mai.tran", "hung.le"]) expect((await call(a, "POST", "/api/users", { username, password: "ca-truc-2026", role: "operator" })).status).toBe(201);
    const consoleOf = async (username: string) => {
      const { body } = await login(b, username, "ca-truc-2026");
      const c = io(`${b.url}/control`, { auth: { token: body.token }, transports: ["websocket"], forceNew: true });
      // Every change event that comes over the wire, whether the client passes it on or not.
      const heard = { changes: [] as Array<{ at: number; details: { layoutId?: string } }>, refused: [] as string[], token: body.token! };
      c.io.on("packet", (p: { nsp: string; data?: unknown[] }) => p.nsp === "/control" && p.data?.[0] === events.change && heard.changes.push(p.data[1] as (typeof heard.changes)[number]));
      c.on("connect_error", (e: Error) => heard.refused.push(e.message));
      await new Promise<void>((r) => c.once("connect", () => r()));
      return { c, heard };
    };
    // The changes a console was told of, each once (the last one is told again on connecting, and may come while the live one does).
    const told = (k: { heard: { changes: Array<{ at: number; details: { layoutId?: string } }> } }) => [...new Map(k.heard.changes.map((ch) => [ch.at, ch.details.layoutId])).values()];
    const [mai, hung] = [await consoleOf("mai.tran"), await consoleOf("hung.le")];
    try {
      expect((await call(a, "POST", "/api/state/layout", { layoutId: "economy" })).status).toBe(200);
      await waitFor(() => told(mai).length === 1 && told(hung).length === 1, 2000);
      // Both connections drop (a switch, a cable); meanwhile a change is made through A and one account is deleted.
      for (const k of [mai, hung]) {
        k.c.io.reconnection(false);
        k.c.io.engine.close();
      }
      expect((await call(a, "POST", "/api/state/layout", { layoutId: "tourism" })).status).toBe(200);
      expect((await call(a, "DELETE", "/api/users/hung.le")).status).toBe(204);
      await waitFor(async () => (await statusWith(b, hung.heard.token)) === 401, 3000);
      const back = new Promise<void>((r) => mai.c.once("connect", () => r()));
      for (const k of [mai, hung]) k.c.connect();
      await back;
      await waitFor(() => told(mai).length === 2, 2000);
      expect(told(mai)).toEqual(["economy", "tourism"]);
      // The deleted account's console is refused, and told nothing.
      await waitFor(() => hung.heard.refused.length > 0, 3000);
      expect(hung.heard.refused).toEqual(["unauthorized"]);
      expect(told(hung)).toEqual(["economy"]);
    } finally {
      for (const k of [mai, hung]) k.c.close();
    }
  });

  it("a wiped store (Redis restarted without its files, flushed) is given the accounts again, never read as every account deleted", async () => {
    const [a, b] = [await instance(), await instance()];
    expect((await call(a, "POST", "/api/users", { username: "truc.dem", password: "mật-khẩu-dài", role: "operator" })).status).toBe(201);
    const { token } = (await waitFor(async () => {
      const r = await login(b, "truc.dem", "mật-khẩu-dài");
      return r.status === 200 ? r.body : undefined;
    }, 3000)) as { token: string };
    const wipe = new RedisLink(wall.redis.url, silentLogger);
    await wipe.connect();
    await wipe.client.flushall();
    await wipe.close();
    // Past a reconcile of every instance: the account and its session are still there, on both, and in the store.
    await new Promise((r) => setTimeout(r, 6500));
    for (const s of [a, b]) {
      expect(((await (await call(s, "GET", "/api/users")).json()) as { users: Array<{ username: string }> }).users.map((u) => u.username)).toEqual(["truc.dem"]);
      expect(await statusWith(s, token)).toBe(200);
    }
    const late = await instance();
    expect((await login(late, "truc.dem", "mật-khẩu-dài")).status).toBe(200);
  });

  it("pages of the wall's other instances (and only those) may call the API from the browser", async () => {
    const peer = "http://127.0.0.1:9";
    const a = await instance(undefined, { peers: [peer] });
    const preflight = await fetch(`${a.url}/api/state/layout`, { method: "OPTIONS", headers: { origin: peer, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(peer);
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/authorization/i);
    const fromPeer = await fetch(`${a.url}/api/state`, { headers: { origin: peer, authorization: `Bearer ${SHARED_TOKEN}` } });
    expect(fromPeer.status).toBe(200);
    expect(fromPeer.headers.get("access-control-allow-origin")).toBe(peer);
    // Any other page is refused at the door, with no CORS answer.
    const stranger = await fetch(`${a.url}/api/state`, { method: "OPTIONS", headers: { origin: "http://evil.example", "access-control-request-method": "POST" } });
    expect(stranger.status).toBe(403);
    expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("a name is made once whichever instances are asked at the same moment; a token made on one opens all, and its revocation closes all", async () => {
    const [a, b] = [await instance(), await instance()];
    const made = await Promise.all([a, b].map((s) => call(s, "POST", "/api/tokens", { name: "gis-export", role: "viewer" })));
    expect(made.map((r) => r.status).sort()).toEqual([201, 409]);
    const { token } = (await made.find((r) => r.status === 201)!.json()) as { token: string };
    await waitFor(async () => (await statusWith(a, token)) === 200 && (await statusWith(b, token)) === 200, 3000);
    // A viewer token opens reading, not commands, on either.
    expect((await call(b, "POST", "/api/state/layout", { layoutId: "tourism" }, token)).status).toBe(403);
    expect((await call(b, "DELETE", "/api/tokens/gis-export")).status).toBe(204);
    await waitFor(async () => (await statusWith(a, token)) === 401, 3000);
    expect(((await (await call(a, "GET", "/api/tokens")).json()) as { tokens: unknown[] }).tokens).toEqual([]);
  });

  it("password guessing is counted for the wall: ten wrong passwords spread over two instances lock the name on both", async () => {
    const [a, b] = [await instance(), await instance()];
    expect((await call(a, "POST", "/api/users", { username: "duty.officer", password: "mật-khẩu-dài", role: "operator" })).status).toBe(201);
    for (let i = 0; i < 10; i++) expect((await login(i % 2 === 0 ? a : b, "duty.officer", `sai-${i}`)).status).toBe(401);
    // Each instance saw five: alone, neither would lock the name yet.
    for (const s of [a, b]) expect((await login(s, "duty.officer", "mật-khẩu-dài")).status).toBe(429);
  });

  it("a console's screenshot reaches a display connected to another instance, and says why when there is none", async () => {
    const [a, b] = [await instance(), await instance()];
    wall.display(b, "D4", (s, id) => sendPicture(s, id));
    wall.display(b, "D5", (s, id) => s.emit(events.displayCaptureFail, { id, reason: "unsupported" }));
    // Once A has heard which displays B holds.
    await waitFor(async () => ((await (await call(a, "GET", "/api/state")).json()) as { displays: unknown[] }).displays.length === 2 || undefined, 8000);
    const res = await call(a, "GET", "/api/displays/D4/screenshot");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await res.arrayBuffer()).equals(PICTURE)).toBe(true);
    const browser = await call(a, "GET", "/api/displays/D5/screenshot");
    expect(browser.status).toBe(501);
    expect(((await browser.json()) as { error: string }).error).toMatch(/D5 runs in a browser/);
    // A display connected nowhere is said to be so.
    expect((await call(a, "GET", "/api/displays/D6/screenshot")).status).toBe(503);
  });

  it("the audit trail shows what was done through every instance, in time order", async () => {
    const [a, b] = [await instance(), await instance()];
    expect((await call(a, "POST", "/api/state/layout", { layoutId: "tourism" })).status).toBe(200);
    expect((await call(b, "POST", "/api/state/layout", { layoutId: "economy" })).status).toBe(200);
    for (const s of [a, b]) {
      const trail = await waitFor(async () => {
        const switches = (await auditOf(s)).filter((e) => e.action === "layout.switch");
        return switches.length === 2 ? switches : undefined;
      }, 4000);
      // Newest first, whichever instance it went through.
      expect(trail.map((e) => e.details.layoutId)).toEqual(["economy", "tourism"]);
    }
    // An instance that joins later sees the wall's trail too, once each.
    const late = await instance();
    expect((await auditOf(late)).filter((e) => e.action === "layout.switch").map((e) => e.details.layoutId)).toEqual(["economy", "tourism"]);
  });

  it("a restarted instance takes the store's accounts, not its stale file; with Redis down, account changes are refused clearly and entries wait", async () => {
    const a = await instance();
    expect((await call(a, "POST", "/api/users", { username: "old.user", password: "mật-khẩu-dài", role: "viewer" })).status).toBe(201);
    let staleFile = "";
    // Another instance starts with a file that still holds old.user's twin and a user deleted long ago.
    const b = await instance(async (dirs) => {
      await fs.mkdir(dirs.stateDir, { recursive: true });
      staleFile = path.join(dirs.stateDir, ACCOUNTS_FILE);
      await fs.writeFile(staleFile, JSON.stringify({ users: [{ username: "gone.user", role: "admin", hash: "scrypt$32768$8$1$AAAA$BBBB", createdAt: 1 }] }));
    });
    const users = ((await (await call(b, "GET", "/api/users")).json()) as { users: Array<{ username: string }> }).users;
    expect(users.map((u) => u.username)).toEqual(["old.user"]);
    // Its file now holds the store's accounts, for a start without the store.
    await waitFor(async () => ((await fs.readFile(staleFile, "utf8")).includes("old.user") ? true : undefined));

    await wall.redis.stop();
    await waitFor(async () => ((await (await fetch(`${a.url}/api/health`)).json()) as { shared: { store: string } }).shared.store === "down");
    const refused = await call(a, "POST", "/api/users", { username: "new.user", password: "mật-khẩu-dài", role: "viewer" });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: string }).error).toMatch(/shared store \(Redis\) is unreachable/);
    expect((await login(a, "old.user", "mật-khẩu-dài")).status).toBe(503);
    // What was refused is audited on A, and reaches B's trail once the store is back.
    await wall.redis.start();
    await waitFor(async () => ((await auditOf(b)).some((e) => e.action === "user.create" && !e.allowed && e.status === 503) ? true : undefined), 8000);
    expect((await login(a, "old.user", "mật-khẩu-dài")).status).toBe(200);
  });
});

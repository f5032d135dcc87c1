import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "./log.js";
import { TestRedis } from "./test-support/redis-server.js";
import { tempWall, testConfig } from "./test-support/temp-wall.js";
import { startWallService, type WallService } from "./wall-service.js";

const ADMIN = "users-cli-admin-token-0123456789";
let dirs: Awaited<ReturnType<typeof tempWall>>;
let service: WallService | undefined;

beforeEach(async () => {
  dirs = await tempWall();
});
afterEach(async () => {
  await service?.close();
  service = undefined;
  await dirs.cleanup();
});

/** `npm run users -- …` as an integrator runs it (the built command), the password typed on stdin. */
function users(args: string[], env: Record<string, string>, input = ""): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve("dist/electron/service/users-cli.js"), ...args], { env: { ...process.env, WALL_STATE_DIR: dirs.stateDir, WALL_ADMIN_TOKEN: ADMIN, ...env } });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => resolve({ code: code ?? 1, out }));
    child.stdin.end(input);
  });
}

const login = (username: string, password: string) =>
  fetch(`${service!.url}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) }).then((r) => r.status);

describe("npm run users", () => {
  it("adds an account through the running service, which is the one writer", async () => {
    service = await startWallService(testConfig(dirs, { adminToken: ADMIN }), silentLogger);
    const added = await users(["add", "truc-ca", "--role", "operator"], { PORT: String(service.port) }, "ca-truc-dem\nca-truc-dem\n");
    expect(added).toMatchObject({ code: 0, out: expect.stringContaining("account truc-ca (operator) created") });
    expect(await login("truc-ca", "ca-truc-dem")).toBe(200);
    expect((await users(["add", "truc-ca", "--role", "viewer"], { PORT: String(service.port) }, "another-one\nanother-one\n")).code).toBe(1);
    expect((await users(["delete", "truc-ca"], { PORT: String(service.port) })).code).toBe(0);
    expect(await login("truc-ca", "ca-truc-dem")).toBe(401);
  });

  it("writes the state folder when no service runs, and refuses a short or mistyped password", async () => {
    expect((await users(["add", "dat", "--role", "admin"], { PORT: "1" }, "short\nshort\n")).out).toMatch(/at least 8/);
    expect((await users(["add", "dat", "--role", "admin"], { PORT: "1" }, "long-enough-1\nlong-enough-2\n")).out).toMatch(/differ/);
    expect((await users(["add", "dat", "--role", "bogus"], { PORT: "1" })).code).toBe(1);
    expect(await users(["add", "dat", "--role", "admin"], { PORT: "1" }, "long-enough-1\nlong-enough-1\n")).toEqual({ code: 0, out: "account dat (admin) created\n" });
    service = await startWallService(testConfig(dirs, { adminToken: ADMIN }), silentLogger);
    expect(await login("dat", "long-enough-1")).toBe(200);
  });

  it("with several instances and none running, writes the shared store, where every instance finds it", async () => {
    const redis = await TestRedis.create();
    try {
      // The wall's instances ran once: the store holds the wall's accounts.
      service = await startWallService(testConfig(dirs, { adminToken: ADMIN, redisUrl: redis.url }), silentLogger);
      await service.close();
      service = undefined;
      const env = { PORT: "1", WALL_REDIS_URL: redis.url };
      expect(await users(["add", "dat", "--role", "operator"], env, "long-enough-1\nlong-enough-1\n")).toEqual({ code: 0, out: "account dat (operator) created\n" });
      // Another instance, with its own (empty) state folder, signs the account in.
      const other = await tempWall();
      try {
        service = await startWallService(testConfig(other, { adminToken: ADMIN, redisUrl: redis.url }), silentLogger);
        expect(await login("dat", "long-enough-1")).toBe(200);
        await service.close();
        service = undefined;
      } finally {
        await other.cleanup();
      }
      expect(JSON.parse((await users(["list"], env)).out).map((u: { username: string }) => u.username)).toEqual(["dat"]);
    } finally {
      await redis.dispose();
    }
  });
});

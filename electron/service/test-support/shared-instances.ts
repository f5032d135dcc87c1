import { io, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll } from "vitest";
import { events, type WallChange, type WallState } from "../../common/protocol.js";
import type { ServiceConfig } from "../config.js";
import { silentLogger } from "../log.js";
import { RedisLink } from "../shared/redis-link.js";
import { startWallService, type WallService } from "../wall-service.js";
import { TestRedis } from "./redis-server.js";
import { tempWall, testConfig } from "./temp-wall.js";

export const SHARED_TOKEN = "test-admin-token-0123456789";
type Dirs = Awaited<ReturnType<typeof tempWall>>;

/**
 * Instances of the wall service on one real redis-server, for a test file: each test's instances,
 * display sockets and Redis data are gone after it; Redis is running again after a test stopped it.
 */
export function sharedInstances() {
  let redis: TestRedis | undefined;
  const running: Array<{ service: WallService; cleanup: () => Promise<void> }> = [];
  const sockets: Socket[] = [];
  beforeAll(async () => {
    redis = await TestRedis.create();
  });
  afterAll(async () => {
    await redis?.dispose();
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    for (const r of running.splice(0)) {
      await r.service.close();
      await r.cleanup();
    }
    await redis!.start().catch(() => undefined);
    const flush = new RedisLink(redis!.url, silentLogger);
    await flush.connect();
    await flush.client.flushall();
    await flush.close();
  });
  return {
    get redis(): TestRedis {
      return redis!;
    },
    /** One more instance with its own folders; `prepare` writes into them first (layout files, a stale state file). */
    async instance(prepare: (dirs: Dirs) => Promise<void> = async () => undefined, config: Partial<ServiceConfig> = {}): Promise<WallService> {
      const dirs = await tempWall();
      await prepare(dirs);
      const service = await startWallService(testConfig(dirs, { adminToken: SHARED_TOKEN, redisUrl: redis!.url, ...config }), silentLogger);
      running.push({ service, cleanup: dirs.cleanup });
      return service;
    },
    /** Stops an instance as a shutdown does. */
    async stop(service: WallService): Promise<void> {
      const [gone] = running.splice(running.findIndex((r) => r.service === service), 1);
      await gone!.service.close();
      await gone!.cleanup();
    },
    /** A display page's socket on an instance, and the states it received; `onCapture` answers a screenshot request. */
    display(service: WallService, displayId: string, onCapture?: (s: Socket, id: string) => void): WallState[] {
      const states: WallState[] = [];
      const s = io(`${service.url}/display`, { auth: { displayId }, transports: ["websocket"], reconnection: false, forceNew: true });
      s.on(events.state, (st: WallState) => states.push(st));
      if (onCapture) s.on(events.displayCapture, ({ id }: { id: string }) => onCapture(s, id));
      sockets.push(s);
      return states;
    },
    /** A console's socket on an instance (the admin's), and the states and changes it was told. */
    console(service: WallService): { states: WallState[]; changes: WallChange[] } {
      const heard = { states: [] as WallState[], changes: [] as WallChange[] };
      const s = io(`${service.url}/control`, { auth: { token: SHARED_TOKEN }, transports: ["websocket"], reconnection: false, forceNew: true });
      s.on(events.state, (st: WallState) => heard.states.push(st));
      s.on(events.change, (c: WallChange) => heard.changes.push(c));
      sockets.push(s);
      return heard;
    },
  };
}

/** A REST call with a bearer token (the admin's unless given). */
export const call = (service: WallService, method: string, path: string, body?: unknown, token = SHARED_TOKEN) =>
  fetch(`${service.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });

export const health = async (service: WallService) => ((await (await fetch(`${service.url}/api/health`)).json()) as { shared: { store: string; leader: boolean } }).shared;

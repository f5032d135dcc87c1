import type { Socket } from "socket.io-client";
import { afterEach, beforeEach } from "vitest";
import { silentLogger } from "../log.js";
import { startWallService, type WallService } from "../wall-service.js";
import { tempWall, testConfig } from "./temp-wall.js";

/** A real service on an ephemeral port for each test, on its own copy of the layouts; sockets in `sockets` are closed after. */
export function useWallService(adminToken: string) {
  const ctx = { sockets: [] as Socket[] } as { dirs: Awaited<ReturnType<typeof tempWall>>; service: WallService; sockets: Socket[]; restart: () => Promise<void> };
  ctx.restart = async () => {
    await ctx.service.close();
    ctx.service = await startWallService(testConfig(ctx.dirs, { adminToken }), silentLogger);
  };
  beforeEach(async () => {
    ctx.dirs = await tempWall();
    ctx.service = await startWallService(testConfig(ctx.dirs, { adminToken }), silentLogger);
  });
  afterEach(async () => {
    for (const s of ctx.sockets.splice(0)) s.close();
    await ctx.service.close();
    await ctx.dirs.cleanup();
  });
  return ctx;
}

import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createAuthGate } from "./auth-gate.js";
import { TokenAuth } from "./auth.js";
import { WallCommands } from "./commands.js";
import type { ServiceConfig } from "./config.js";
import { DisplayRegistry } from "./display-registry.js";
import { FailureLimiter } from "./failure-limiter.js";
import { CAMERA_STATUS_TOPIC, type CamerasFile } from "../common/cameras-file.js";
import { DemoStreams } from "./demo-streams.js";
import { startFeed, type FeedService } from "./feed/feed-service.js";
import { createHttpApp } from "./http-app.js";
import { LayoutStore } from "./layout-store.js";
import { consoleLogger, type Logger } from "./log.js";
import { newCounters } from "./service-counters.js";
import { attachSockets } from "./socket-hub.js";
import { WallStateHolder } from "./wall-state.js";

export interface WallService {
  /** http://host:port, as displays and consoles reach it. */
  url: string;
  port: number;
  displayIds: string[];
  auth: TokenAuth;
  state: WallStateHolder;
  feed: FeedService;
  close(): Promise<void>;
}

/** Starts the whole service: layouts, state, REST, sockets. Used by the CLI, Electron main and tests. */
export async function startWallService(config: ServiceConfig, log: Logger = consoleLogger): Promise<WallService> {
  await fs.mkdir(config.stateDir, { recursive: true });
  if (!existsSync(path.join(config.rendererDir, "wall", "index.html"))) {
    log("warn", "the display pages are not built; run `npm run build`", { rendererDir: config.rendererDir });
  }
  const store = new LayoutStore(config.layoutsDir, log, path.join(config.stateDir, "last-good"));
  await store.load();
  store.watch();
  try {
    const state = await WallStateHolder.open(store, config.stateDir, store.topology.startLayout, log);
    const auth = await TokenAuth.open(config.stateDir, config.adminToken);
    if (config.displayToken) auth.add(config.displayToken, { name: "display", role: "viewer" });
    const commands = new WallCommands(state, log);
    const displays = new DisplayRegistry();
    const counters = newCounters();
    const gate = createAuthGate(auth, new FailureLimiter(), counters);
    const deps = { store, state, commands, displays, gate, counters, log, displaysNeedToken: config.displayToken !== undefined };
    const server = http.createServer();
    const sockets = attachSockets(server, deps);
    const feed = startFeed(sockets.io, { store, gate, counters, log, needToken: deps.displaysNeedToken }, config);
    const streams = DemoStreams.open(config.streamsDir, log);
    // With the simulator, the demo cameras' state is on the feed too (topic cameras.status), as a VMS would report it.
    const cameraStatus = streams && feed.simulator ? setInterval(() => publishCameraStatus(feed.hub, streams, store.cameras), 2000) : undefined;
    cameraStatus?.unref();
    const app = createHttpApp({ ...deps, feed, streams, rendererDir: config.rendererDir,
      basemapDir: path.join(config.rendererDir, "..", "basemap"),
      tilesDir: path.join(config.layoutsDir, "tiles"),
      startedAt: Date.now(),
    });
    server.on("request", app);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const host = config.host.includes(":") ? `[${config.host}]` : config.host === "0.0.0.0" ? "127.0.0.1" : config.host;
    return {
      url: `http://${host}:${port}`,
      port,
      get displayIds() {
        return store.topology.displays.map((d) => d.id);
      },
      auth,
      state,
      feed,
      async close() {
        clearInterval(cameraStatus);
        store.close();
        feed.close();
        // io.close() also closes the HTTP server, which waits for every open connection: end them
        // at once (browsers keep idle keep-alive connections), or a restart could hang.
        const closing = sockets.close();
        server.closeAllConnections();
        await closing;
        await state.flushed();
      },
    };
  } catch (e) {
    store.close();
    throw e;
  }
}

function publishCameraStatus(hub: FeedService["hub"], streams: DemoStreams, catalog: CamerasFile): void {
  const names = new Map(catalog.cameras.map((c) => [c.id, c.name]));
  hub.publish(CAMERA_STATUS_TOPIC, {
    kind: "status",
    items: streams.cameraIds().map((id) => ({ id, label: names.get(id) ?? id, up: streams.mode(id) === "normal" })),
  });
}

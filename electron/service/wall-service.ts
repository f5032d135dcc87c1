import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { DEFAULT_LIMITS } from "./access/limits.js";
import { isLoopbackHost, RequestPolicy } from "./access/request-policy.js";
import { SecretRedactor, secretsOfAddress } from "./access/secrets.js";
import { AccountStore } from "./access/accounts.js";
import { AuditLog } from "./access/audit-log.js";
import { displayCredential } from "./access/display-credential.js";
import { LoginThrottle } from "./access/login-throttle.js";
import { TokenAuth } from "./access/tokens.js";
import { WallCommands } from "./commands.js";
import { Scheduler, sharedScheduleSchema } from "./schedule/scheduler.js";
import { AlarmDesk, sharedAlarmsSchema } from "./alarms/alarm-desk.js";
import type { ServiceConfig } from "./config.js";
import { DisplayCaptures } from "./display-captures.js";
import { LeaderLease } from "./shared/leader-lease.js";
import { RedisLink, SHARED_STORE_DOWN } from "./shared/redis-link.js";
import { SharedDisplays } from "./shared/shared-displays.js";
import { SharedRecord } from "./shared/shared-record.js";
import { SharedAccounts } from "./shared/shared-accounts.js";
import { SharedAudit } from "./shared/shared-audit.js";
import { SharedCaptures } from "./shared/shared-captures.js";
import { CommandRelay } from "./shared/command-relay.js";
import { SharedWatches } from "./shared/shared-watches.js";
import { SocketAdapter } from "./shared/socket-adapter.js";
import { sharedWallStateSchema } from "./wall-state.js";
import { DisplayRegistry } from "./display-registry.js";
import { CAMERA_STATUS_TOPIC, type CamerasFile } from "../common/cameras-file.js";
import { DemoStreams } from "./demo-streams.js";
import { startFeed, type FeedService } from "./feed/feed-service.js";
import { createHttpApp } from "./http-app.js";
import { WallMetrics } from "./metrics.js";
import { LayoutStore } from "./layout-store.js";
import { consoleLogger, type Logger } from "./log.js";
import { newCounters } from "./service-counters.js";
import { attachSockets, type SocketHub } from "./socket-hub.js";
import { WallStateHolder } from "./wall-state.js";

export interface WallService {
  /** http(s)://host:port, as displays and consoles on this machine reach it. */
  url: string;
  port: number;
  displayIds: string[];
  auth: TokenAuth;
  state: WallStateHolder;
  feed: FeedService;
  scheduler: Scheduler;
  /**
   * The display credential: WALL_DISPLAY_TOKEN, or — on a non-loopback address without it — one
   * generated and kept in the state folder. Undefined on a loopback service: its displays are local.
   */
  readonly displayToken: string | undefined;
  /** Set when this start generated the display credential, so the caller can print pairing URLs once. */
  readonly displayTokenGenerated: boolean;
  close(): Promise<void>;
}

async function readPem(variable: string, file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new Error(`${variable}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

async function createServer(config: ServiceConfig): Promise<http.Server> {
  if (!config.tls) return http.createServer();
  const [cert, key] = await Promise.all([readPem("WALL_TLS_CERT", config.tls.certFile), readPem("WALL_TLS_KEY", config.tls.keyFile)]);
  try {
    // An https.Server is an http.Server to everything above it (express, socket.io).
    return https.createServer({ cert, key }) as unknown as http.Server;
  } catch (e) {
    throw new Error(`WALL_TLS_CERT / WALL_TLS_KEY: not a usable certificate and key (${(e as Error).message.replace(/\s+/g, " ")})`);
  }
}

/** Starts the whole service: layouts, state, REST, sockets. Used by the CLI, Electron main and tests. */
export async function startWallService(config: ServiceConfig, baseLog: Logger = consoleLogger): Promise<WallService> {
  // Every line the service logs passes the redactor: no token or backend password reaches a log.
  const redactor = new SecretRedactor();
  redactor.set("config", [config.adminToken, config.displayToken, config.metricsToken, config.feedToken, ...(config.feedUrl ? secretsOfAddress(config.feedUrl) : []), ...(config.redisUrl ? secretsOfAddress(config.redisUrl) : [])].filter((s): s is string => Boolean(s)));
  const log = redactor.logger(baseLog);
  await fs.mkdir(config.stateDir, { recursive: true });
  if (!existsSync(path.join(config.rendererDir, "wall", "index.html"))) {
    log("warn", "the display pages are not built; run `npm run build`", { rendererDir: config.rendererDir });
  }
  const store = new LayoutStore(config.layoutsDir, log, path.join(config.stateDir, "last-good"));
  let shared: SharedWall | undefined;
  // What a start that fails half-way must stop.
  let attached: SocketHub | undefined;
  const started: { feed?: FeedService; cameraStatus?: NodeJS.Timeout | undefined } = {};
  await store.load();
  store.watch();
  try {
    const loopback = isLoopbackHost(config.host);
    if (!loopback && !config.tls) {
      log("warn", "serving plain HTTP on a network address: consoles send their credentials in clear and anyone on the path can read or alter what the displays load; set WALL_TLS_CERT and WALL_TLS_KEY", { host: config.host });
    }
    const state = await WallStateHolder.open(store, config.stateDir, store.topology.startLayout, log);
    const auth = await TokenAuth.open(config.stateDir, config.adminToken);
    const { token: displayToken, generated: displayTokenGenerated } = await displayCredential(config);
    if (displayToken) auth.add(displayToken, { name: "display", role: "viewer", credential: "display" });
    redactor.set("credentials", [displayToken, auth.generatedAdminToken].filter((s): s is string => Boolean(s)));
    const sourcesSecrets = () => redactor.set("sources", store.sources.sources.flatMap((s) => [...Object.values(s.headers), ...secretsOfAddress(s.url)]));
    sourcesSecrets();
    store.on("change", (c) => c.sourcesChanged && sourcesSecrets());
    const accounts = await AccountStore.open(config.stateDir, log, { ...(config.sessionHours ? { sessionHours: config.sessionHours } : {}) });
    auth.useAccounts(accounts);
    const audit = await AuditLog.open(config.stateDir, log);
    const scheduler = new Scheduler(store, state, log);
    // Of several instances, only the lease holder puts the rotation on the wall: none does until the lease says so.
    if (config.redisUrl) scheduler.lead(false);
    // Several instances, one wall: the state and the rotation's place through Redis; the clock's
    // decisions and the alarm rules on the lease holder only.
    const displays = new DisplayRegistry();
    const counters = newCounters();
    const captures = new DisplayCaptures(() => (counters.rejectedMessages += 1));
    const wall = config.redisUrl ? await joinSharedWall(config.redisUrl, { state, scheduler, displays, accounts, audit, captures }, log) : undefined;
    shared = wall;
    const throttle = new LoginThrottle(undefined, wall?.link.client);
    const commands = new WallCommands(state, audit, log, scheduler);
    if (wall) {
      // A change is taken only when it can be shared, and told to every instance's consoles.
      commands.unavailable = () => (wall.link.up && wall.sockets.up ? undefined : SHARED_STORE_DOWN);
      // Every change by one writer: a follower's commands run on the leading instance.
      wall.relay = new CommandRelay(wall.link, commands, state, wall.lease, state.instanceId, log);
      await wall.relay.start();
    }
    const limits = { ...DEFAULT_LIMITS, ...config.limits };
    const policy = new RequestPolicy({ bindHost: config.host, allowedHosts: config.allowedHosts ?? [], allowedOrigins: [...(config.allowedOrigins ?? []), ...(config.peers ?? [])], tls: Boolean(config.tls) });
    const deps = { store, state, commands, scheduler, displays, captures, counters, log, auth, accounts, audit, throttle, policy, limits, redactor, peers: config.peers ?? [], admitLocalDisplays: displayToken === undefined };
    const server = await createServer(config);
    // Connections beyond this are not even accepted (sockets have their own, finer limits).
    server.maxConnections = limits.connections + 200;
    const sockets = (attached = attachSockets(server, deps, wall?.sockets.adapter));
    const feed = (started.feed = startFeed(sockets.io, { store, door: sockets.door, counters, log, limits }, config));
    const alarms = new AlarmDesk(store, feed.hub, state, scheduler, audit, log);
    commands.alarms = alarms;
    if (wall) {
      alarms.lead(false);
      const queue = new SharedRecord(wall.link, "alarms", sharedAlarmsSchema, alarms, log);
      await queue.start();
      wall.records.push(queue);
      wall.watches = new SharedWatches(wall.link, alarms, log);
    }
    feed.watch(() => store.alarms.rules.map((r) => r.topic));
    sockets.watchAlarms(alarms);
    const streams = DemoStreams.open(config.streamsDir, log);
    // With the simulator, the demo cameras' state is on the feed too (topic cameras.status), as a VMS would report it.
    const cameraStatus = (started.cameraStatus = streams && feed.simulator ? setInterval(() => publishCameraStatus(feed.hub, streams, store.cameras), 2000) : undefined);
    cameraStatus?.unref();
    const metrics = new WallMetrics({
      displays,
      state,
      staleTopics: () => feed.hub.staleCount(),
      alarmsActive: () => alarms.status().alarms.length,
      isCamera: (id) => store.cameras.cameras.some((c) => c.id === id),
    });
    const sharedHealth = wall && (() => ({ store: wall.link.up && wall.sockets.up ? ("up" as const) : ("down" as const), leader: wall.lease.isLeader }));
    const app = createHttpApp({ ...deps, feed, streams, metrics, metricsToken: config.metricsToken, rendererDir: config.rendererDir, ...(sharedHealth ? { shared: sharedHealth } : {}),
      basemapDir: path.join(config.rendererDir, "..", "basemap"),
      tilesDir: path.join(config.layoutsDir, "tiles"),
      startedAt: Date.now(),
    });
    server.on("request", app);
    // Serving first: a port that is taken fails the start before any clock, rule or lease runs.
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    scheduler.start();
    if (wall) {
      const watches = wall.watches!;
      wall.lease.on("change", (on) => {
        scheduler.lead(on);
        alarms.lead(on);
        // Only the leader watches the feed for alarm rules, from where the former leader's watches were.
        if (!on) return alarms.close();
        watches
          .inherit()
          .catch((e: Error) => log("warn", "could not read the alarm rules' shared memory; the rules start afresh", { error: e.message }))
          .then(() => wall.lease.isLeader && alarms.start());
      });
      wall.lease.start();
    } else alarms.start();
    const port = (server.address() as AddressInfo).port;
    const host = config.host.includes(":") ? (config.host === "::" ? "[::1]" : `[${config.host}]`) : config.host === "0.0.0.0" ? "127.0.0.1" : config.host;
    return {
      url: `${policy.scheme}://${host}:${port}`,
      port,
      get displayIds() {
        return store.topology.displays.map((d) => d.id);
      },
      auth,
      state,
      feed,
      displayToken,
      displayTokenGenerated,
      scheduler,
      async close() {
        clearInterval(cameraStatus);
        captures.close();
        // The alarm rules' memory for the next leader, before this one lets the lease go.
        await shared?.watches?.flush();
        await shared?.lease.close();
        scheduler.close();
        alarms.close();
        const scanned = store.close();
        feed.close();
        // io.close() also closes the HTTP server, which waits for every open connection: end them
        // at once (browsers keep idle keep-alive connections), or a restart could hang.
        const closing = sockets.close();
        server.closeAllConnections();
        await closing;
        await Promise.all([scanned, state.flushed(), accounts.flushed(), audit.flushed(), ...(shared?.records ?? []).map((r) => r.flushed())]);
        await leaveSharedWall(shared);
      },
    };
  } catch (e) {
    // A start that failed half-way leaves nothing running: no lease it could win, no timers, no sockets.
    clearInterval(started.cameraStatus);
    started.feed?.close();
    await attached?.close();
    await leaveSharedWall(shared);
    await store.close();
    throw e;
  }
}

/** This instance's part in a wall shared through Redis; relay and watches come once the commands and the alarm desk exist. */
interface SharedWall {
  link: RedisLink;
  records: Array<SharedRecord<{ revision: number; origin: string }>>;
  displays: SharedDisplays;
  accounts: SharedAccounts;
  audit: SharedAudit;
  captures: SharedCaptures;
  /** socket.io's Redis adapter: a broadcast made here reaches the sockets of every instance. */
  sockets: SocketAdapter;
  lease: LeaderLease;
  relay?: CommandRelay;
  watches?: SharedWatches;
}

/** Closes whatever of the shared wall was started (all of it, or what a failed start got to). */
async function leaveSharedWall(shared: Partial<SharedWall> | undefined): Promise<void> {
  if (!shared) return;
  await shared.lease?.close();
  await shared.displays?.close();
  for (const r of shared.records ?? []) r.close();
  await shared.accounts?.close();
  shared.captures?.close();
  shared.relay?.close();
  shared.watches?.close();
  await shared.audit?.close();
  shared.sockets?.close();
  await shared.link?.close();
}

interface SharedParts {
  state: WallStateHolder;
  scheduler: Scheduler;
  displays: DisplayRegistry;
  accounts: AccountStore;
  audit: AuditLog;
  captures: DisplayCaptures;
}

/** Connects to the wall's Redis, adopts or seeds the shared state, and readies the lease (started once the service serves). */
async function joinSharedWall(url: string, parts: SharedParts, log: Logger): Promise<SharedWall> {
  const id = parts.state.instanceId;
  const wall: Partial<SharedWall> & { link: RedisLink } = { link: new RedisLink(url, log), records: [] };
  const { link } = wall;
  try {
    await link.connect();
    const records = [new SharedRecord(link, "wall-state", sharedWallStateSchema, parts.state, log), new SharedRecord(link, "schedule", sharedScheduleSchema, parts.scheduler, log)];
    wall.records = records;
    for (const r of records) await r.start();
    await (wall.displays = new SharedDisplays(link, parts.displays, id, log)).start();
    await (wall.accounts = new SharedAccounts(link, parts.accounts, id, log)).start();
    await (wall.audit = new SharedAudit(link, parts.audit, id, log)).start();
    await (wall.captures = new SharedCaptures(link, parts.captures, wall.displays, id, log)).start();
    wall.sockets = await SocketAdapter.open(url);
    wall.lease = new LeaderLease(link, id, log);
    return wall as SharedWall;
  } catch (e) {
    await leaveSharedWall(wall);
    throw new Error(`WALL_REDIS_URL: the shared store does not answer (${(e as Error).message})`);
  }
}

function publishCameraStatus(hub: FeedService["hub"], streams: DemoStreams, catalog: CamerasFile): void {
  const names = new Map(catalog.cameras.map((c) => [c.id, c.name]));
  hub.publish(CAMERA_STATUS_TOPIC, {
    kind: "status",
    items: streams.cameraIds().map((id) => ({ id, label: names.get(id) ?? id, up: streams.mode(id) === "normal" })),
  });
}

import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServiceLimits } from "./access/limits.js";

export interface ServiceConfig {
  port: number;
  host: string;
  layoutsDir: string;
  stateDir: string;
  /** Undefined: generated once and stored in stateDir. */
  adminToken?: string;
  /** When set, displays must present it (or any valid token) to join /display. */
  displayToken?: string;
  /** WALL_METRICS_TOKEN: a bearer token that opens GET /metrics (for Prometheus) and nothing else. */
  metricsToken?: string;
  rendererDir: string;
  /** The province's backend (feed protocol v1); unset: the built-in simulator. */
  feedUrl?: string;
  /** WALL_REDIS_URL: several instances share one wall through this Redis (unset: one service with its files). */
  redisUrl?: string;
  /**
   * WALL_PEERS: the origins of every instance of this wall (this one may be among them): displays
   * move to another when theirs dies, so each admits the others' pages and sockets.
   */
  peers?: string[];
  feedToken?: string;
  simulator: { seed: number; rate: number };
  /** The demo cameras' HLS (scripts/make-demo-streams.mjs), served under /streams. */
  streamsDir: string;
  /** WALL_ALLOWED_HOSTS: host names (or `.suffixes`) this service answers to, besides its bind address and loopback. */
  allowedHosts?: string[];
  /** WALL_ALLOWED_ORIGINS: origins of pages on other hosts that may use the service (a console elsewhere). */
  allowedOrigins?: string[];
  /** WALL_TLS_CERT + WALL_TLS_KEY: PEM files; HTTPS and WSS on `port`, no cleartext port. */
  tls?: { certFile: string; keyFile: string };
  /** WALL_SESSION_HOURS: how long a sign-in lasts (a shift; default 12). */
  sessionHours?: number;
  /** Overrides of the limits on what clients can grow (tests; defaults in access/limits.ts). */
  limits?: Partial<ServiceLimits>;
}

function list(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

/** An origin as browsers send it: scheme, host, optional port; nothing after. */
const ORIGIN = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The service's settings, checked. `requireFeedChoice` (a packaged controller): the data must be
 * chosen, the province's backend (WALL_FEED_URL) or the demo simulator (WALL_SIMULATOR=1), so
 * plausible fake figures never fill a wall because a setting went missing.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, { requireFeedChoice = false }: { requireFeedChoice?: boolean } = {}): ServiceConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const adminToken = env.WALL_ADMIN_TOKEN?.trim();
  if (adminToken !== undefined && adminToken.length > 0 && adminToken.length < 16) {
    throw new Error("WALL_ADMIN_TOKEN must be at least 16 characters");
  }
  const metricsToken = env.WALL_METRICS_TOKEN?.trim();
  if (metricsToken !== undefined && metricsToken.length > 0 && metricsToken.length < 16) throw new Error("WALL_METRICS_TOKEN must be at least 16 characters");
  const displayToken = env.WALL_DISPLAY_TOKEN?.trim();
  if (displayToken !== undefined && displayToken.length > 0 && displayToken.length < 16) {
    throw new Error("WALL_DISPLAY_TOKEN must be at least 16 characters");
  }
  const feedUrl = env.WALL_FEED_URL?.trim();
  const simulatorChosen = env.WALL_SIMULATOR?.trim();
  if (simulatorChosen !== undefined && !["0", "1"].includes(simulatorChosen)) throw new Error(`WALL_SIMULATOR is 1 (the demo simulator feeds the wall) or 0, got "${simulatorChosen}"`);
  if (!feedUrl && (simulatorChosen === "0" || (requireFeedChoice && simulatorChosen !== "1"))) {
    throw new Error("no data chosen for the wall: set feedUrl (WALL_FEED_URL, the province's backend) or, for a demonstration, simulator: true (WALL_SIMULATOR=1) in the configuration");
  }
  // Not quoted: the address may carry a password.
  if (feedUrl && !(/^https?:\/\//.test(feedUrl) && URL.canParse(feedUrl))) throw new Error("WALL_FEED_URL must be an http(s) URL that parses (scheme, host, port 1–65535)");
  const redisUrl = env.WALL_REDIS_URL?.trim();
  // Not quoted either: redis://:password@host.
  if (redisUrl && !(/^rediss?:\/\//.test(redisUrl) && URL.canParse(redisUrl))) throw new Error("WALL_REDIS_URL must be a redis:// or rediss:// URL that parses (redis://host:6379)");
  const allowedOrigins = list(env.WALL_ALLOWED_ORIGINS);
  const badOrigin = allowedOrigins.find((o) => !ORIGIN.test(o));
  if (badOrigin) throw new Error(`WALL_ALLOWED_ORIGINS takes origins such as https://console.ioc.local:8443 (scheme, host, port; no path), got "${badOrigin}"`);
  const peers = list(env.WALL_PEERS).map((p) => p.replace(/\/$/, ""));
  if (peers.length > 16) throw new Error(`WALL_PEERS lists at most 16 instances, got ${peers.length}`);
  const badPeer = peers.find((o) => !ORIGIN.test(o));
  if (badPeer) throw new Error(`WALL_PEERS takes the origins of the wall's instances (https://wall-2.ioc.local:8443; no path), got "${badPeer}"`);
  const allowedHosts = list(env.WALL_ALLOWED_HOSTS);
  const badHost = allowedHosts.find((h) => !/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(h));
  if (badHost) throw new Error(`WALL_ALLOWED_HOSTS takes host names (wall.ioc.local) or suffixes (.ioc.local), got "${badHost}"`);
  const certFile = env.WALL_TLS_CERT?.trim();
  const keyFile = env.WALL_TLS_KEY?.trim();
  if (Boolean(certFile) !== Boolean(keyFile)) throw new Error("WALL_TLS_CERT and WALL_TLS_KEY go together: set both (PEM files) or neither");
  const sessionHours = env.WALL_SESSION_HOURS === undefined ? undefined : Number(env.WALL_SESSION_HOURS);
  if (sessionHours !== undefined && !(sessionHours > 0 && sessionHours <= 24 * 30)) throw new Error(`WALL_SESSION_HOURS must be hours between 0 and 720, got "${env.WALL_SESSION_HOURS}"`);
  const seed = Number(env.WALL_SIM_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const rate = Number(env.WALL_SIM_RATE ?? 20);
  if (!Number.isInteger(seed)) throw new Error(`WALL_SIM_SEED must be an integer, got "${env.WALL_SIM_SEED}"`);
  if (!Number.isFinite(rate) || rate < 0 || rate > 100_000) throw new Error(`WALL_SIM_RATE must be 0 to 100000 updates per second, got "${env.WALL_SIM_RATE}"`);
  return {
    port,
    ...(feedUrl ? { feedUrl } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    ...(env.WALL_FEED_TOKEN ? { feedToken: env.WALL_FEED_TOKEN } : {}),
    simulator: { seed, rate },
    streamsDir: path.resolve(env.WALL_STREAMS_DIR ?? ".demo-streams"),
    host: env.HOST ?? "127.0.0.1",
    layoutsDir: path.resolve(env.WALL_LAYOUTS_DIR ?? "layouts"),
    stateDir: path.resolve(env.WALL_STATE_DIR ?? ".wall-state"),
    ...(adminToken ? { adminToken } : {}),
    ...(displayToken ? { displayToken } : {}),
    ...(metricsToken ? { metricsToken } : {}),
    allowedHosts,
    allowedOrigins,
    ...(peers.length > 0 ? { peers } : {}),
    ...(sessionHours ? { sessionHours } : {}),
    ...(certFile && keyFile ? { tls: { certFile: path.resolve(certFile), keyFile: path.resolve(keyFile) } } : {}),
    // dist/electron/service → dist/renderer
    rendererDir: path.resolve(env.WALL_RENDERER_DIR ?? path.join(here, "../../renderer")),
  };
}

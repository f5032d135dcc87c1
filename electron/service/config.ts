import path from "node:path";
import { fileURLToPath } from "node:url";

export interface ServiceConfig {
  port: number;
  host: string;
  layoutsDir: string;
  stateDir: string;
  /** Undefined: generated once and stored in stateDir. */
  adminToken?: string;
  /** When set, displays must present it (or any valid token) to join /display. */
  displayToken?: string;
  rendererDir: string;
  /** The province's backend (feed protocol v1); unset: the built-in simulator. */
  feedUrl?: string;
  feedToken?: string;
  simulator: { seed: number; rate: number };
  /** The demo cameras' HLS (scripts/make-demo-streams.mjs), served under /streams. */
  streamsDir: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const adminToken = env.WALL_ADMIN_TOKEN?.trim();
  if (adminToken !== undefined && adminToken.length > 0 && adminToken.length < 16) {
    throw new Error("WALL_ADMIN_TOKEN must be at least 16 characters");
  }
  const displayToken = env.WALL_DISPLAY_TOKEN?.trim();
  if (displayToken !== undefined && displayToken.length > 0 && displayToken.length < 16) {
    throw new Error("WALL_DISPLAY_TOKEN must be at least 16 characters");
  }
  const feedUrl = env.WALL_FEED_URL?.trim();
  if (feedUrl && !/^https?:\/\//.test(feedUrl)) throw new Error(`WALL_FEED_URL must be an http(s) URL, got "${feedUrl}"`);
  const seed = Number(env.WALL_SIM_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const rate = Number(env.WALL_SIM_RATE ?? 20);
  if (!Number.isInteger(seed)) throw new Error(`WALL_SIM_SEED must be an integer, got "${env.WALL_SIM_SEED}"`);
  if (!Number.isFinite(rate) || rate < 0 || rate > 100_000) throw new Error(`WALL_SIM_RATE must be 0 to 100000 updates per second, got "${env.WALL_SIM_RATE}"`);
  return {
    port,
    ...(feedUrl ? { feedUrl } : {}),
    ...(env.WALL_FEED_TOKEN ? { feedToken: env.WALL_FEED_TOKEN } : {}),
    simulator: { seed, rate },
    streamsDir: path.resolve(env.WALL_STREAMS_DIR ?? ".demo-streams"),
    host: env.HOST ?? "127.0.0.1",
    layoutsDir: path.resolve(env.WALL_LAYOUTS_DIR ?? "layouts"),
    stateDir: path.resolve(env.WALL_STATE_DIR ?? ".wall-state"),
    ...(adminToken ? { adminToken } : {}),
    ...(displayToken ? { displayToken } : {}),
    // dist/electron/service → dist/renderer
    rendererDir: path.resolve(env.WALL_RENDERER_DIR ?? path.join(here, "../../renderer")),
  };
}

import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { zodErrors } from "../common/file-errors.js";

const text = z.string().min(1).max(4000);
const folder = z.string().min(1).max(1000);

/**
 * The one configuration file (`--config PATH`, `WALL_CONFIG`, or Electron's user-data
 * `config.json`): each key and the environment variable that overrides it. Folders are relative to
 * the file, so the layouts may live anywhere (outside a package, under /etc).
 */
export const CONFIG_KEYS = {
  port: { env: "PORT", schema: z.number().int().min(0).max(65535) },
  host: { env: "HOST", schema: text },
  layoutsDir: { env: "WALL_LAYOUTS_DIR", schema: folder, folder: true },
  stateDir: { env: "WALL_STATE_DIR", schema: folder, folder: true },
  streamsDir: { env: "WALL_STREAMS_DIR", schema: folder, folder: true },
  feedUrl: { env: "WALL_FEED_URL", schema: text },
  feedToken: { env: "WALL_FEED_TOKEN", schema: text },
  redisUrl: { env: "WALL_REDIS_URL", schema: text },
  peers: { env: "WALL_PEERS", schema: z.array(text).max(16) },
  simulator: { env: "WALL_SIMULATOR", schema: z.boolean() },
  simSeed: { env: "WALL_SIM_SEED", schema: z.number().int() },
  simRate: { env: "WALL_SIM_RATE", schema: z.number().min(0).max(100_000) },
  adminToken: { env: "WALL_ADMIN_TOKEN", schema: text },
  displayToken: { env: "WALL_DISPLAY_TOKEN", schema: text },
  metricsToken: { env: "WALL_METRICS_TOKEN", schema: text },
  allowedHosts: { env: "WALL_ALLOWED_HOSTS", schema: z.array(text).max(100) },
  allowedOrigins: { env: "WALL_ALLOWED_ORIGINS", schema: z.array(text).max(100) },
  tlsCert: { env: "WALL_TLS_CERT", schema: folder, folder: true },
  tlsKey: { env: "WALL_TLS_KEY", schema: folder, folder: true },
  sessionHours: { env: "WALL_SESSION_HOURS", schema: z.number().positive().max(720) },
  logFile: { env: "WALL_LOG_FILE", schema: folder, folder: true },
  recycleHours: { env: "WALL_RECYCLE_HOURS", schema: z.number().min(0).max(24 * 30) },
} as const;

type Key = keyof typeof CONFIG_KEYS;
const configFileSchema = z.strictObject(Object.fromEntries(Object.entries(CONFIG_KEYS).map(([k, v]) => [k, v.schema.optional()])) as { [K in Key]: z.ZodOptional<(typeof CONFIG_KEYS)[K]["schema"]> });

/**
 * The file as the environment variables it stands for, to be overridden by the real environment
 * and checked by the one reader of settings (configFromEnv). A file that cannot be read or does
 * not fit is an error naming the file and the JSON path.
 */
export function readConfigFile(file: string): Record<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not JSON (${(e as Error).message})`}`);
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(zodErrors(path.basename(file), parsed.error).map((e) => `${file} ${e.path}: ${e.message}`).join("; "));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.data) as Array<[Key, unknown]>) {
    if (value === undefined) continue;
    const spec = CONFIG_KEYS[key];
    env[spec.env] =
      Array.isArray(value) ? value.join(",")
      : typeof value === "boolean" ? (value ? "1" : "0")
      : "folder" in spec ? path.resolve(path.dirname(file), String(value))
      : String(value);
  }
  return env;
}

/**
 * Fills in, from the file, the settings the environment does not set (the environment wins key by
 * key), so every reader of settings reads them one way: from the environment.
 */
export function applyConfigFile(file: string, env: NodeJS.ProcessEnv = process.env): void {
  const values = readConfigFile(file);
  // Applied again (a start tried again after an edit): what the file set before goes first.
  const before = fromFile.get(env) ?? new Set<string>();
  for (const name of before) delete env[name];
  const now = new Set<string>();
  for (const [name, value] of Object.entries(values)) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    now.add(name);
  }
  fromFile.set(env, now);
}

/** Which settings of an environment its configuration file set (so a new version replaces them). */
const fromFile = new WeakMap<NodeJS.ProcessEnv, Set<string>>();

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
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    layoutsDir: path.resolve(env.WALL_LAYOUTS_DIR ?? "layouts"),
    stateDir: path.resolve(env.WALL_STATE_DIR ?? ".wall-state"),
    ...(adminToken ? { adminToken } : {}),
    ...(displayToken ? { displayToken } : {}),
    // dist/electron/service → dist/renderer
    rendererDir: path.resolve(env.WALL_RENDERER_DIR ?? path.join(here, "../../renderer")),
  };
}

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ServiceConfig } from "../config.js";

/**
 * A private copy of the shipped layouts and an empty state folder, for one test. Without the
 * shipped schedules.json and alarms.json: a test that wants the wall to rotate or to be taken over
 * writes its own.
 */
export async function tempWall(): Promise<{ layoutsDir: string; stateDir: string; cleanup: () => Promise<void> }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "ioc-wall-"));
  const layoutsDir = path.join(root, "layouts");
  await fs.cp(path.resolve("layouts"), layoutsDir, { recursive: true, filter: (src) => !["schedules.json", "alarms.json"].includes(path.basename(src)) });
  return { layoutsDir, stateDir: path.join(root, "state"), cleanup: () => fs.rm(root, { recursive: true, force: true }) };
}

export function testConfig(dirs: { layoutsDir: string; stateDir: string }, extra: Partial<ServiceConfig> = {}): ServiceConfig {
  return { port: 0, host: "127.0.0.1", rendererDir: path.resolve("dist/renderer"), simulator: { seed: 1, rate: 20 }, streamsDir: path.resolve(".demo-streams"), ...dirs, ...extra };
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

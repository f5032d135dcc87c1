import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { waitFor } from "../service/test-support/temp-wall.js";
import { startHeartbeat } from "./heartbeat.js";

describe("the controller's heartbeat", () => {
  it("touches its file at once and again every interval, and stops when told", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ioc-heartbeat-"));
    const file = path.join(dir, "heartbeat");
    const stop = startHeartbeat(file, () => undefined, 50);
    try {
      const first = await waitFor(async () => (await fs.stat(file).catch(() => undefined))?.mtimeMs);
      const later = await waitFor(async () => {
        const m = (await fs.stat(file)).mtimeMs;
        return m > first ? m : undefined;
      });
      expect(later).toBeGreaterThan(first);
      stop();
      await new Promise((r) => setTimeout(r, 80));
      const stopped = (await fs.stat(file)).mtimeMs;
      await new Promise((r) => setTimeout(r, 200));
      expect((await fs.stat(file)).mtimeMs).toBe(stopped);
    } finally {
      stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("reports a beat it cannot write once, not every interval", async () => {
    const errors: Error[] = [];
    const stop = startHeartbeat("/nonexistent-dir/heartbeat", (e) => errors.push(e), 20);
    await new Promise((r) => setTimeout(r, 150));
    stop();
    expect(errors).toHaveLength(1);
  });
});

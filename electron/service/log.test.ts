import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { jsonLogger, rolledFileLogger } from "./log.js";
import { waitFor } from "./test-support/temp-wall.js";

describe("the service's log", () => {
  it("writes one JSON line per event: level, ISO time, message and the event's fields", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    const log = jsonLogger(sink);
    log("info", "layout switched", { by: "admin", layoutId: "economy", revision: 7 });
    log("warn", "display window unresponsive; waiting for it", { displayId: "D2" });
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({ level: "info", msg: "layout switched", by: "admin", layoutId: "economy", revision: 7 });
    expect(new Date(parsed[0]!.time as string).toISOString()).toBe(parsed[0]!.time);
    expect(parsed[1]).toMatchObject({ level: "warn", displayId: "D2" });
  });

  it("writes the same lines into a rolled file when asked (WALL_LOG_FILE)", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "wall-log-"));
    const log = await rolledFileLogger(path.join(dir, "wall.log"));
    log("info", "display connected", { displayId: "D1" });
    const line = await waitFor(async () => {
      for (const f of await fs.readdir(dir)) {
        const text = await fs.readFile(path.join(dir, f), "utf8");
        if (text.includes("display connected")) return text.trim().split("\n")[0];
      }
      return undefined;
    });
    expect(JSON.parse(line)).toMatchObject({ level: "info", msg: "display connected", displayId: "D1" });
    await fs.rm(dir, { recursive: true, force: true });
  });
});

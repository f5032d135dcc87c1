import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Logger } from "../service/log.js";
import { RememberedOutputsFile } from "./remembered-outputs.js";

describe("the outputs a controller remembers", () => {
  it("keeps each display's output across a restart, and starts from positions when its file is broken", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "outputs-"));
    const file = path.join(dir, "outputs.json");
    const warnings: string[] = [];
    const log: Logger = (level, message) => void (level === "warn" && warnings.push(message));
    expect(await new RememberedOutputsFile(file, log).load()).toEqual({});
    await new RememberedOutputsFile(file, log).save({ D1: "2528732444", D2: "2528732445" });
    expect(await new RememberedOutputsFile(file, log).load()).toEqual({ D1: "2528732444", D2: "2528732445" });
    await fs.writeFile(file, "{ not json");
    expect(await new RememberedOutputsFile(file, log).load()).toEqual({});
    await fs.writeFile(file, JSON.stringify({ D1: 5 }));
    expect(await new RememberedOutputsFile(file, log).load()).toEqual({});
    expect(warnings).toEqual(["remembered outputs unreadable; mapping by position", "remembered outputs unreadable; mapping by position"]);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

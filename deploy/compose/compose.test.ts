import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Service {
  image?: string;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
}

describe("the compose file for several instances", () => {
  const compose = parse(fs.readFileSync("deploy/compose/compose.yml", "utf8"), { merge: true }) as { services: Record<string, Service> };
  const walls = Object.entries(compose.services).filter(([name]) => name.startsWith("wall-"));

  it("runs three instances of the built service on one Redis that keeps what it acknowledged", () => {
    expect(walls).toHaveLength(3);
    for (const [, w] of walls) {
      expect(w.command).toEqual(["node", "dist/electron/service/cli.js"]);
      expect(w.environment?.WALL_REDIS_URL).toBe("redis://redis:6379");
    }
    expect(compose.services.redis?.command).toEqual(expect.arrayContaining(["--appendonly", "yes", "--appendfsync", "always"]));
    expect(fs.existsSync("electron/service/cli.ts")).toBe(true);
  });

  it("lists as peers exactly the origins its instances are published on", () => {
    const published = walls.map(([, w]) => `http://localhost:${w.ports![0]!.split(":")[0]}`).sort();
    for (const [, w] of walls) expect(w.environment!.WALL_PEERS!.split(",").sort()).toEqual(published);
  });
});

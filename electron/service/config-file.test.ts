import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configFromEnv } from "./config.js";
import { CONFIG_KEYS, applyConfigFile } from "./config-file.js";

async function withFile(content: unknown, test: (file: string, dir: string) => void | Promise<void>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "wall-config-"));
  const file = path.join(dir, "config.json");
  await fs.writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
  try {
    await test(file, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe("the configuration file", () => {
  it("sets what the environment does not, folders relative to the file; the environment wins key by key", () =>
    withFile({ port: 9090, host: "0.0.0.0", layoutsDir: "wall-layouts", feedUrl: "https://ioc.soctrang.gov.vn", allowedHosts: ["wall.ioc.local", ".ioc.local"], metricsToken: "prometheus-0123456789" }, (file, dir) => {
      const env: NodeJS.ProcessEnv = { PORT: "8088" };
      applyConfigFile(file, env);
      const config = configFromEnv(env);
      expect(config.port).toBe(8088);
      expect(config.host).toBe("0.0.0.0");
      expect(config.layoutsDir).toBe(path.join(dir, "wall-layouts"));
      expect(config.feedUrl).toBe("https://ioc.soctrang.gov.vn");
      expect(config.allowedHosts).toEqual(["wall.ioc.local", ".ioc.local"]);
      expect(config.metricsToken).toBe("prometheus-0123456789");
    }));

  it("refuses an unknown key or a wrong type, naming the file and the JSON path", async () => {
    await withFile({ port: "eighty", colour: "blue" }, (file) => {
      expect(() => applyConfigFile(file, {})).toThrow(/\$\.port/);
      expect(() => applyConfigFile(file, {})).toThrow(file);
    });
    await withFile("{ not json", (file) => expect(() => applyConfigFile(file, {})).toThrow(/not JSON/));
  });

  it("applied again after an edit, replaces what it set before", async () => {
    await withFile({ host: "0.0.0.0" }, async (file) => {
      const env: NodeJS.ProcessEnv = {};
      applyConfigFile(file, env);
      await fs.writeFile(file, JSON.stringify({}));
      applyConfigFile(file, env);
      expect(env.HOST).toBeUndefined();
    });
  });

  it("on a packaged controller, makes the data a choice: the backend or, said so, the simulator", async () => {
    expect(() => configFromEnv({}, { requireFeedChoice: true })).toThrow(/no data chosen/);
    expect(configFromEnv({ WALL_SIMULATOR: "1" }, { requireFeedChoice: true }).feedUrl).toBeUndefined();
    expect(configFromEnv({ WALL_FEED_URL: "https://ioc.example" }, { requireFeedChoice: true }).feedUrl).toBe("https://ioc.example");
    await withFile({ simulator: true }, (file) => {
      const env: NodeJS.ProcessEnv = {};
      applyConfigFile(file, env);
      expect(() => configFromEnv(env, { requireFeedChoice: true })).not.toThrow();
    });
    // npm start and npm run serve run the simulator without being told.
    expect(configFromEnv({}).feedUrl).toBeUndefined();
  });

  it("documents every key with its environment variable (docs/config.md)", async () => {
    const doc = await fs.readFile("docs/config.md", "utf8");
    for (const [key, { env }] of Object.entries(CONFIG_KEYS)) expect(doc, key).toMatch(new RegExp(`\\| \`${key}\` \\| \`${env}\` \\|`));
  });
});

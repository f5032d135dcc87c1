import os from "node:os";
import path from "node:path";
import { configFromEnv } from "./config.js";
import { applyConfigFile } from "./config-file.js";
import { bothLoggers, consoleLogger, rolledFileLogger } from "./log.js";
import { startupLines } from "./startup-lines.js";
import { startWallService } from "./wall-service.js";

/** `npm run serve`: the wall service alone, for browser displays, tests and primary controllers. */
async function main(): Promise<void> {
  // The configuration file (--config PATH or WALL_CONFIG) under the environment, which wins.
  const flag = process.argv.indexOf("--config");
  const configFile = flag >= 0 ? process.argv[flag + 1] : process.env.WALL_CONFIG;
  if (flag >= 0 && !configFile) throw new Error("--config takes the path of a configuration file (JSON)");
  if (configFile) applyConfigFile(path.resolve(configFile));
  const config = configFromEnv();
  // WALL_LOG_FILE: the same JSON lines into a file too, rolled at 10 MB, the last 5 kept.
  const logFile = process.env.WALL_LOG_FILE?.trim();
  const log = logFile ? bothLoggers(consoleLogger, await rolledFileLogger(path.resolve(logFile))) : consoleLogger;
  const service = await startWallService(config, log);
  const facts = {
    url: service.url,
    host: config.host,
    stateDir: config.stateDir,
    displayIds: service.displayIds,
    displayToken: service.displayToken,
    displayTokenGenerated: service.displayTokenGenerated,
    generatedAdminToken: service.auth.generatedAdminToken,
    adminTokenFile: service.auth.adminTokenFile,
  };
  process.stdout.write(startupLines(facts, Object.values(os.networkInterfaces()).flat()).join("\n") + "\n");
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    log("info", `stopping on ${signal}`);
    // A service that cannot close within 5 s still exits: a supervisor is waiting to restart it.
    setTimeout(() => process.exit(1), 5000).unref();
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: Error) => {
  consoleLogger("error", e.message);
  process.exit(1);
});

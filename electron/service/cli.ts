import { configFromEnv } from "./config.js";
import { consoleLogger } from "./log.js";
import { startWallService } from "./wall-service.js";

/** `npm run serve`: the wall service alone, for browser displays, tests and primary controllers. */
async function main(): Promise<void> {
  const config = configFromEnv();
  const service = await startWallService(config, consoleLogger);
  const lines = [
    `IOC Wall service listening on ${service.url}`,
    `  console:  ${service.url}/console`,
    ...service.displayIds.map((id) => `  display ${id}: ${service.url}/wall/${id}`),
  ];
  if (service.auth.generatedAdminToken) lines.push(`  admin token (generated, stored in ${service.auth.adminTokenFile}): ${service.auth.generatedAdminToken}`);
  else if (service.auth.adminTokenFile) lines.push(`  admin token: in ${service.auth.adminTokenFile}`);
  process.stdout.write(lines.join("\n") + "\n");
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    consoleLogger("info", `stopping on ${signal}`);
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

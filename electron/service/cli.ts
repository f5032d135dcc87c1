import os from "node:os";
import { configFromEnv } from "./config.js";
import { consoleLogger } from "./log.js";
import { startWallService, type WallService } from "./wall-service.js";

/** Where other machines reach a service bound to every address: its first external IPv4 address. */
function networkBase(service: WallService, host: string): string {
  const url = new URL(service.url);
  if (host === "0.0.0.0" || host === "::") {
    const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);
    if (external) url.hostname = external.address;
  }
  return url.origin;
}

/** `npm run serve`: the wall service alone, for browser displays, tests and primary controllers. */
async function main(): Promise<void> {
  const config = configFromEnv();
  const service = await startWallService(config, consoleLogger);
  const base = networkBase(service, config.host);
  const lines = [`IOC Wall service listening on ${service.url}`, `  console:  ${base}/console`];
  if (service.displayTokenGenerated) {
    // Once, when the credential is made: each URL pairs one display; the page takes the token out
    // of its address at once, and a fragment (#) never travels to a server or a proxy's log.
    lines.push(`  display credential generated, stored in ${config.stateDir}; pairing URLs (open each once on its display):`);
    lines.push(...service.displayIds.map((id) => `  display ${id}: ${base}/wall/${id}#token=${service.displayToken}`));
  } else {
    lines.push(...service.displayIds.map((id) => `  display ${id}: ${base}/wall/${id}`));
    if (service.displayToken) lines.push("  displays need the display credential (WALL_DISPLAY_TOKEN, or display-token in the state folder)");
  }
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

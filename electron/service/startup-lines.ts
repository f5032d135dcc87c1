import type { NetworkInterfaceInfo } from "node:os";

export interface StartupFacts {
  /** The service's own address (`http(s)://127.0.0.1:port` for a wildcard bind). */
  url: string;
  /** The address it binds (HOST). */
  host: string;
  stateDir: string;
  displayIds: string[];
  displayToken: string | undefined;
  displayTokenGenerated: boolean;
  generatedAdminToken: string | undefined;
  adminTokenFile: string | undefined;
}

/** Where other machines reach a service bound to every address: its first external IPv4 address. */
export function networkBase(url: string, host: string, interfaces: Array<NetworkInterfaceInfo | undefined>): string {
  const u = new URL(url);
  if (host === "0.0.0.0" || host === "::") {
    const external = interfaces.find((i) => i && i.family === "IPv4" && !i.internal);
    if (external) u.hostname = external.address;
  }
  return u.origin;
}

/**
 * What `npm run serve` prints on start: where the console and each display are. A credential is
 * printed only the start that made it — the admin token, and the pairing URL of each display,
 * whose token sits in the fragment (never sent to a server or a proxy's log) and leaves the
 * display's address bar at once.
 */
export function startupLines(f: StartupFacts, interfaces: Array<NetworkInterfaceInfo | undefined>): string[] {
  const base = networkBase(f.url, f.host, interfaces);
  const lines = [`IOC Wall service listening on ${f.url}`, `  console:  ${base}/console`];
  if (f.displayTokenGenerated && f.displayToken) {
    lines.push(`  display credential generated, stored in ${f.stateDir}; pairing URLs (open each once on its display):`);
    lines.push(...f.displayIds.map((id) => `  display ${id}: ${base}/wall/${id}#token=${f.displayToken}`));
  } else {
    lines.push(...f.displayIds.map((id) => `  display ${id}: ${base}/wall/${id}`));
    if (f.displayToken) lines.push("  displays need the display credential (WALL_DISPLAY_TOKEN, or display-token in the state folder)");
  }
  if (f.generatedAdminToken) lines.push(`  admin token (generated, stored in ${f.adminTokenFile}): ${f.generatedAdminToken}`);
  else if (f.adminTokenFile) lines.push(`  admin token: in ${f.adminTokenFile}`);
  return lines;
}

import { isIP } from "node:net";
import os from "node:os";

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms: a client on this machine. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^::ffff:/, "");
  return a === "::1" || /^127\.\d+\.\d+\.\d+$/.test(a);
}

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || isLoopbackAddress(h);
}

const WILDCARDS = new Set(["0.0.0.0", "::", ""]);

/** The hostname of a Host header (`name:port`, `[v6]:port`), lower-case; undefined when malformed. */
export function hostnameOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader || hostHeader.length > 255) return undefined;
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(hostHeader.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

export interface RequestPolicyOptions {
  /** The address the service binds. */
  bindHost: string;
  /** WALL_ALLOWED_HOSTS: names (`wall.ioc.local`) or suffixes (`.ioc.local`). */
  allowedHosts: readonly string[];
  /** WALL_ALLOWED_ORIGINS: full origins (`https://console.ioc.local`). */
  allowedOrigins: readonly string[];
  tls: boolean;
  /** The machine's own addresses (for a wildcard bind); os.networkInterfaces by default. */
  localAddresses?: () => string[];
}

function machineAddresses(): string[] {
  return Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address.toLowerCase()));
}

/**
 * Which requests are meant for this service at all. Host: the bind address, loopback names, the
 * machine's own addresses when it binds them all, or WALL_ALLOWED_HOSTS — a page on a foreign name
 * that resolves here (DNS rebinding) is refused. Origin: absent (a backend, a script: judged by its
 * credential alone), the service's own (scheme + the Host it was asked by), or WALL_ALLOWED_ORIGINS.
 */
export class RequestPolicy {
  private readonly hosts: Set<string>;
  private readonly suffixes: string[];
  private readonly origins: Set<string>;
  private readonly wildcard: boolean;
  private addresses: { at: number; set: Set<string> } | undefined;

  constructor(private readonly options: RequestPolicyOptions) {
    const names = options.allowedHosts.map((h) => h.trim().toLowerCase()).filter(Boolean);
    this.hosts = new Set(names.filter((h) => !h.startsWith(".")));
    this.suffixes = names.filter((h) => h.startsWith("."));
    const bind = options.bindHost.toLowerCase();
    this.wildcard = WILDCARDS.has(bind);
    if (!this.wildcard) this.hosts.add(isIP(bind) === 6 ? `[${bind}]` : bind);
    this.origins = new Set(options.allowedOrigins.map((o) => o.trim().toLowerCase().replace(/\/$/, "")).filter(Boolean));
  }

  get scheme(): "http" | "https" {
    return this.options.tls ? "https" : "http";
  }

  hostAllowed(hostHeader: string | undefined): boolean {
    const host = hostnameOf(hostHeader);
    if (!host) return false;
    if (isLoopbackHost(host) || this.hosts.has(host) || this.suffixes.some((s) => host.endsWith(s))) return true;
    return this.wildcard && this.localAddresses().has(host.replace(/^\[|\]$/g, ""));
  }

  /** `hostHeader` has passed hostAllowed: the service's own origin is the scheme and that Host. */
  originAllowed(origin: string | undefined, hostHeader: string | undefined): boolean {
    if (origin === undefined) return true;
    const o = origin.toLowerCase();
    return o === `${this.scheme}://${(hostHeader ?? "").toLowerCase()}` || this.origins.has(o);
  }

  private localAddresses(): Set<string> {
    // Addresses change (DHCP, a cable): asked again every 10 s, not on every request.
    const now = Date.now();
    if (!this.addresses || now - this.addresses.at > 10_000) {
      this.addresses = { at: now, set: new Set((this.options.localAddresses ?? machineAddresses)()) };
    }
    return this.addresses.set;
  }
}

import type { Request, RequestHandler } from "express";
import type { IncomingMessage } from "node:http";
import type { ApiError } from "../../common/protocol.js";
import type { ServiceCounters } from "../service-counters.js";
import type { ConnectionCount } from "./limits.js";
import { isLoopbackAddress, hostnameOf, type RequestPolicy } from "./request-policy.js";
import { bearerToken, roleAllows, sameSecret, type Principal, type Role, type TokenAuth } from "./tokens.js";

/**
 * The doors of the service, one place for REST and every socket namespace: Host and Origin first
 * (before any credential), then the credential, then the role. Every refusal is counted and says
 * why; none names a secret.
 */

/** Why a request or socket is refused: an HTTP status, words for people, a reason for programs. */
export interface Refusal {
  status: number;
  error: string;
  reason: "host" | "origin" | "unauthorized" | "forbidden" | "too-many-connections" | "handshake";
}

declare module "express-serve-static-core" {
  interface Request {
    principal?: Principal;
  }
}

/** Host, then Origin, of any request: a page, an API call or a socket's handshake. */
export function checkRequest(policy: RequestPolicy, counters: ServiceCounters, headers: IncomingMessage["headers"]): Refusal | undefined {
  if (!policy.hostAllowed(headers.host)) {
    counters.refused.host += 1;
    const name = hostnameOf(headers.host);
    return { status: 421, reason: "host", error: `this service does not answer to the host name ${name ? `"${name}"` : "of the request"}; an integrator may add it to WALL_ALLOWED_HOSTS` };
  }
  if (!policy.originAllowed(headers.origin, headers.host)) {
    counters.refused.origin += 1;
    return { status: 403, reason: "origin", error: "requests from pages of another origin are refused; an integrator may add that origin to WALL_ALLOWED_ORIGINS" };
  }
  return undefined;
}

export function requestGuard(policy: RequestPolicy, counters: ServiceCounters): RequestHandler {
  return (req, res, next) => {
    const refusal = checkRequest(policy, counters, req.headers);
    if (refusal) res.status(refusal.status).json({ error: refusal.error } satisfies ApiError);
    else next();
  };
}

/**
 * Cross-origin calls from pages of the wall's other instances (WALL_PEERS) only: a console that moved
 * to this instance when its own died. Bearer tokens, never cookies, so no credentials mode; a
 * preflight is answered here, before any credential is asked for.
 */
export function peerCors(peers: readonly string[]): RequestHandler {
  const allowed = new Set(peers.map((p) => p.toLowerCase()));
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin || !allowed.has(origin.toLowerCase())) return next();
    res.vary("Origin");
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Expose-Headers", "X-Captured-At");
    if (req.method !== "OPTIONS") return next();
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE");
    res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
    res.setHeader("Access-Control-Max-Age", "600");
    res.status(204).end();
  };
}

/** A credential of any role, or 401; what the role may do is asked next (`requireRole`). */
export function authenticate(auth: TokenAuth, counters: ServiceCounters): RequestHandler {
  return (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    const principal = auth.authenticate(token);
    if (!principal) {
      counters.authFailures += 1;
      res.setHeader("WWW-Authenticate", "Bearer");
      res.status(401).json({ error: token ? "invalid token" : "missing token: send Authorization: Bearer <token>" } satisfies ApiError);
      return;
    }
    req.principal = principal;
    next();
  };
}

/**
 * `GET /metrics`: the metrics token (WALL_METRICS_TOKEN, which opens nothing else), or a credential
 * of the viewer role or above; else 401.
 */
export function metricsDoor(auth: TokenAuth, metricsToken: string | undefined, counters: ServiceCounters): RequestHandler {
  return (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (metricsToken && sameSecret(token, metricsToken)) return next();
    const principal = auth.authenticate(token);
    if (principal && roleAllows(principal.role, "viewer")) return next();
    counters.authFailures += 1;
    res.setHeader("WWW-Authenticate", "Bearer");
    res.status(401).json({ error: token ? "invalid token" : "missing token: send Authorization: Bearer <token>" } satisfies ApiError);
  };
}

/** `onRefused`: the audit entry of a command refused here, before its body is read. */
export function requireRole(role: Role, onRefused?: (req: Request) => void): RequestHandler {
  return (req, res, next) => {
    if (req.principal && roleAllows(req.principal.role, role)) return next();
    onRefused?.(req);
    res.status(403).json({ error: `${role} role needed` } satisfies ApiError);
  };
}

/** What a display on this machine is admitted as when no display credential is configured. */
export const LOCAL_DISPLAY: Principal = Object.freeze({ name: "local-display", role: "viewer", credential: "local-display" });

export interface SocketDoorOptions {
  auth: TokenAuth;
  counters: ServiceCounters;
  /** No display credential is configured: displays on this machine (loopback) come in without one. */
  admitLocalDisplays: boolean;
}

/**
 * `/display` and `/feed` (watching): a valid credential of any role, or — without a configured
 * display credential — a client on this machine whose Origin, if any, is the service's own
 * (checked at the handshake). `/control` (commanding): a valid credential, always.
 */
export function socketDoor(opts: SocketDoorOptions) {
  const admit = (token: string | undefined, client: SocketClient, watching: boolean): Principal | Refusal => {
    const principal = opts.auth.authenticate(token);
    if (principal) return principal;
    if (watching && !token && opts.admitLocalDisplays && isLocalClient(client)) return LOCAL_DISPLAY;
    opts.counters.authFailures += 1;
    return { status: 401, reason: "unauthorized", error: "unauthorized" };
  };
  return {
    watch: (token: string | undefined, client: SocketClient) => admit(token, client, true),
    command: (token: string | undefined, client: SocketClient) => admit(token, client, false),
  };
}

/** Where a socket comes from: socket.io's `socket.handshake` has both. */
export interface SocketClient {
  address: string;
  headers: IncomingMessage["headers"];
}

/**
 * On this machine, and not relayed: behind a reverse proxy every client arrives from loopback, and
 * the proxy says so in its forwarding headers — such a client is not local, whatever its address.
 */
export function isLocalClient(client: SocketClient): boolean {
  const h = client.headers;
  return isLoopbackAddress(client.address) && !h.forwarded && !h["x-forwarded-for"] && !h["x-real-ip"];
}

export type SocketDoor = ReturnType<typeof socketDoor>;

export function isRefusal(r: Principal | Refusal): r is Refusal {
  return "status" in r;
}

/** A socket.io middleware error that carries the refusal: clients read `err.message` and `err.data`. */
export function refusalError(r: Refusal): Error & { data: { status: number; reason: string } } {
  return Object.assign(new Error(r.error), { data: { status: r.status, reason: r.reason } });
}

/**
 * engine.io's `allowRequest`, run on every socket handshake before any namespace: Host, Origin and
 * the connection limits. A refusal here costs the service no socket.
 */
export function handshakeCheck(policy: RequestPolicy, counters: ServiceCounters, connections: ConnectionCount) {
  return (req: IncomingMessage, callback: (message: string | null | undefined, success: boolean) => void) => {
    const refusal = checkRequest(policy, counters, req.headers);
    if (refusal) return callback(refusal.error, false);
    const limit = connections.refusal(req.socket.remoteAddress ?? "");
    if (limit) {
      counters.limited[limit] += 1;
      return callback(limit === "connections" ? "too many connections to this service; try again later" : "too many connections from this address; try again later", false);
    }
    callback(null, true);
  };
}

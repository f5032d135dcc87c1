import express, { type Request, type RequestHandler } from "express";
import { z } from "zod";
import type { ApiError } from "../../common/protocol.js";
import type { ServiceCounters } from "../service-counters.js";
import type { AccountStore } from "./accounts.js";
import { roleSchema, usernameSchema } from "./accounts.js";
import { auditActions, type AuditAction } from "../../common/audit-actions.js";
import type { AuditLog } from "./audit-log.js";
import { requireRole } from "./doors.js";
import type { LoginThrottle } from "./login-throttle.js";
import { bearerToken, type Principal } from "./tokens.js";
import { SharedStoreUnavailable } from "../shared/redis-link.js";

const loginBodySchema = z.strictObject({ username: z.string().max(64), password: z.string().max(1024) });
const newUserSchema = z.strictObject({ username: usernameSchema, password: z.string().min(8, "password: at least 8 characters").max(1024), role: roleSchema });
const newTokenSchema = z.strictObject({ name: usernameSchema, role: roleSchema });
const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  action: z.enum(auditActions).optional(),
  who: z.string().max(64).optional(),
});

export interface AccessRouteDeps {
  accounts: AccountStore;
  audit: AuditLog;
  throttle: LoginThrottle;
  counters: ServiceCounters;
  json: RequestHandler;
}

const from = (req: Request) => req.socket.remoteAddress ?? "";

function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.join(".") || "body"}: ${i.message}` : "invalid";
}

/** `POST /api/login`: the one route that takes no credential. */
export function loginRoute(deps: AccessRouteDeps): express.Router {
  const router = express.Router();
  router.post("/login", deps.json, async (req, res) => {
    const body = loginBodySchema.safeParse(req.body);
    if (!body.success) {
      deps.counters.rejectedMessages += 1;
      res.status(400).json({ error: "body must be {username, password}" } satisfies ApiError);
      return;
    }
    const { username, password } = body.data;
    const entry = (allowed: boolean, status: number, role = "") => deps.audit.append({ who: username.slice(0, 64), role, from: from(req), action: "login", allowed, status, details: {} });
    const wait = await deps.throttle.retryAfterMs(username, from(req));
    if (wait > 0) {
      entry(false, 429);
      res.setHeader("Retry-After", String(Math.ceil(wait / 1000)));
      res.status(429).json({ error: "too many failed sign-ins for this name or address; try again later" } satisfies ApiError);
      return;
    }
    const session = await refusedAudited(deps.accounts.login(username, password), (status) => entry(false, status));
    if (!session) {
      await deps.throttle.failed(username, from(req));
      deps.counters.authFailures += 1;
      entry(false, 401);
      res.status(401).json({ error: "wrong username or password" } satisfies ApiError);
      return;
    }
    await deps.throttle.succeeded(username);
    entry(true, 200, session.role);
    res.json(session);
  });
  return router;
}

/** Sign-out, accounts, API tokens and the audit trail: after the credential door. */
export function accessRoutes(deps: AccessRouteDeps): express.Router {
  const router = express.Router();
  const { accounts, audit, json } = deps;
  const record = (req: Request, action: AuditAction, allowed: boolean, status: number, details: Record<string, unknown> = {}) => {
    const p = req.principal as Principal;
    audit.append({ who: p.name, role: p.role, from: from(req), action, allowed, status, details });
  };
  const admin = (action: AuditAction): RequestHandler => requireRole("admin", (req) => record(req, action, false, 403));
  /** A change the store refused (503, shared store away) is audited too, then answered by the API's error handler. */
  const storing = <T>(req: Request, action: AuditAction, work: Promise<T>) => refusedAudited(work, (status) => record(req, action, false, status));

  router.post("/logout", async (req, res) => {
    await storing(req, "logout", accounts.logout(bearerToken(req.headers.authorization) ?? ""));
    record(req, "logout", true, 204);
    res.status(204).end();
  });

  router.get("/users", requireRole("admin"), (_req, res) => {
    res.json({ users: accounts.listUsers() });
  });
  /**
   * A creation (an account, a token): the body checked by its schema (400), the name free (409), then
   * 201 with what the creator returns; each outcome audited under `action`.
   */
  const create = <B extends Record<string, unknown>, C extends object>(action: AuditAction, schema: z.ZodType<B>, make: (b: B) => Promise<C | "taken">, taken: (b: B) => string, shown: (c: C) => Record<string, unknown>): RequestHandler =>
    async (req, res) => {
      const body = schema.safeParse(req.body);
      if (!body.success) {
        deps.counters.rejectedMessages += 1;
        record(req, action, false, 400);
        res.status(400).json({ error: `malformed body: ${firstIssue(body.error)}` } satisfies ApiError);
        return;
      }
      const created = await storing(req, action, make(body.data));
      if (created === "taken") {
        record(req, action, false, 409, { name: taken(body.data) });
        res.status(409).json({ error: `"${taken(body.data)}" is taken` } satisfies ApiError);
        return;
      }
      const { token: _secret, ...details } = shown(created) as { token?: unknown };
      record(req, action, true, 201, details);
      res.status(201).json(shown(created));
    };

  router.post(
    "/users",
    admin("user.create"),
    json,
    create("user.create", newUserSchema, (b) => accounts.createUser(b.username, b.password, b.role), (b) => b.username, (c) => ({ username: c.username, role: c.role })),
  );
  router.delete("/users/:username", admin("user.delete"), async (req, res) => {
    const username = String(req.params.username);
    const gone = await storing(req, "user.delete", accounts.deleteUser(username));
    record(req, "user.delete", gone, gone ? 204 : 404, { username: username.slice(0, 64) });
    if (gone) res.status(204).end();
    else res.status(404).json({ error: "no such user" } satisfies ApiError);
  });

  router.get("/tokens", requireRole("admin"), (_req, res) => {
    res.json({ tokens: accounts.listTokens() });
  });
  // Shown this once; only its digest is kept.
  router.post("/tokens", admin("token.create"), json, create("token.create", newTokenSchema, (b) => accounts.createToken(b.name, b.role), (b) => b.name, (c) => c));
  router.delete("/tokens/:name", admin("token.revoke"), async (req, res) => {
    const name = String(req.params.name);
    const gone = await storing(req, "token.revoke", accounts.revokeToken(name));
    record(req, "token.revoke", gone, gone ? 204 : 404, { name: name.slice(0, 64) });
    if (gone) res.status(204).end();
    else res.status(404).json({ error: "no such token" } satisfies ApiError);
  });

  router.get("/audit", requireRole("admin"), (req, res) => {
    const q = auditQuerySchema.safeParse(req.query);
    if (!q.success) {
      res.status(400).json({ error: `malformed query: ${firstIssue(q.error)}` } satisfies ApiError);
      return;
    }
    res.json({ entries: audit.query(q.data) });
  });
  return router;
}

/** Awaits a change; when it fails, `refused` records its status (503 from the shared store, else 500) before the error goes on. */
async function refusedAudited<T>(work: Promise<T>, refused: (status: number) => void): Promise<T> {
  try {
    return await work;
  } catch (e) {
    refused(e instanceof SharedStoreUnavailable ? 503 : 500);
    throw e;
  }
}

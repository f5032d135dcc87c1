import express, { type ErrorRequestHandler, type Request, type RequestHandler } from "express";
import path from "node:path";
import type { ApiError, ApiState } from "../common/protocol.js";
import { isRefusal } from "./auth-gate.js";
import { bearerToken, type Principal } from "./auth.js";
import { securityHeaders } from "./security-headers.js";
import type { ServiceDeps } from "./service-deps.js";

export interface HttpDeps extends ServiceDeps {
  rendererDir: string;
  startedAt: number;
}

declare module "express-serve-static-core" {
  interface Request {
    principal?: Principal;
  }
}

function clientKey(req: Request): string {
  return req.socket.remoteAddress ?? "unknown";
}

export function createHttpApp(deps: HttpDeps): express.Express {
  const { store, state, commands, displays, gate, counters } = deps;
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use(securityHeaders);

  const requireToken: RequestHandler = (req, res, next) => {
    const result = gate(clientKey(req), bearerToken(req.headers.authorization));
    if (isRefusal(result)) {
      if (result.status === 401) res.setHeader("WWW-Authenticate", "Bearer");
      res.status(result.status).json({ error: result.error } satisfies ApiError);
      return;
    }
    req.principal = result;
    next();
  };

  const api = express.Router();
  api.use(express.json({ limit: "64kb" }));
  api.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  api.get("/health", (_req, res) => {
    res.json({
      status: "ok",
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      revision: state.current().revision,
      layouts: store.layoutIds().length,
      fileErrors: store.summaries().reduce((n, s) => n + s.errors.length, 0) + store.topologyErrors.length,
      displays: displays.list().length,
      counters,
    });
  });

  api.get("/layouts", (_req, res) => {
    res.json({ active: state.current().layoutId, wall: { errors: store.topologyErrors }, layouts: store.summaries() });
  });

  api.get("/wall", (_req, res) => {
    res.json({ topology: store.topology, errors: store.topologyErrors });
  });

  api.get("/state", (_req, res) => {
    const s = state.current();
    res.json({ layoutId: s.layoutId, revision: s.revision, displays: displays.list(), mode: "manual" } satisfies ApiState & { mode: string });
  });

  api.post("/state/layout", requireToken, (req, res) => {
    const ack = commands.switchLayout(req.principal!, req.body);
    if (ack.ok) {
      const s = state.current();
      res.json({ layoutId: s.layoutId, revision: s.revision });
    } else {
      if (ack.status === 400) counters.rejectedMessages += 1;
      res.status(ack.status).json({ error: ack.error } satisfies ApiError);
    }
  });

  api.use((_req, res) => {
    res.status(404).json({ error: "no such API path" } satisfies ApiError);
  });

  const apiErrors: ErrorRequestHandler = (err: { status?: number; type?: string; message?: string }, _req, res, _next) => {
    const status = typeof err.status === "number" && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) deps.log("error", "API request failed", { error: err.message });
    else counters.rejectedMessages += 1;
    const error = err.type === "entity.parse.failed" ? "malformed JSON body" : status === 500 ? "internal error" : (err.message ?? "bad request");
    res.status(status).json({ error } satisfies ApiError);
  };
  api.use(apiErrors);
  app.use("/api", api);

  const pages = (name: string) => path.join(deps.rendererDir, name, "index.html");
  app.use("/assets", express.static(path.join(deps.rendererDir, "assets"), { immutable: true, maxAge: "365d", index: false }));
  app.get("/wall/:displayId", (_req, res) => res.sendFile(pages("wall"), { headers: { "Cache-Control": "no-cache" } }));
  app.get("/console", (_req, res) => res.sendFile(pages("console"), { headers: { "Cache-Control": "no-cache" } }));
  app.get("/favicon.ico", (_req, res) => res.status(204).end());
  app.get("/", (_req, res) => res.redirect(302, "/console"));
  return app;
}

import express, { type ErrorRequestHandler, type Request, type RequestHandler } from "express";
import { accessRoutes, loginRoute } from "./access/access-routes.js";
import { SharedStoreUnavailable } from "./shared/redis-link.js";
import type { AuditAction } from "../common/audit-actions.js";
import type { Role } from "./access/tokens.js";
import type { Actor, CommandName } from "./commands.js";
import path from "node:path";
import { simulatorModeBodySchema, simulatorModes, type ApiError, type ApiState, type MapView } from "../common/protocol.js";
import { authenticate, metricsDoor, peerCors, requestGuard, requireRole } from "./access/doors.js";
import type { WallMetrics } from "./metrics.js";
import { cameraModeBodySchema, cameraModes, type DemoStreams } from "./demo-streams.js";
import type { FeedService } from "./feed/feed-service.js";
import { tileOrigins } from "../common/widgets/map-sources.js";
import { cameraOrigins } from "../common/cameras-file.js";
import { securityHeaders } from "./security-headers.js";
import type { ServiceDeps } from "./service-deps.js";

export interface HttpDeps extends ServiceDeps {
  feed: FeedService;
  streams: DemoStreams | undefined;
  rendererDir: string;
  /** The built-in offline basemap (built with the pages). */
  basemapDir: string;
  /** Operators' own PMTiles archives, served with HTTP Range at /tiles. */
  tilesDir: string;
  startedAt: number;
  metrics: WallMetrics;
  /** WALL_METRICS_TOKEN: opens /metrics and nothing else. */
  metricsToken: string | undefined;
  /** With WALL_REDIS_URL: whether the shared store answers and whether this instance runs the rules. */
  shared?: () => { store: "up" | "down"; leader: boolean };
}

export function createHttpApp(deps: HttpDeps): express.Express {
  const { store, state, commands, displays, counters } = deps;
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  // Before anything else: a request for another host name (DNS rebinding) or from a page of
  // another origin is refused, whatever it asks for.
  app.use(requestGuard(deps.policy, counters));
  // The wall's other instances' consoles call this one's API when theirs died (the guard admitted their origin).
  app.use(peerCors(deps.peers));
  // Every response carries the CSP, every HLS segment and PMTiles range read among them: the origins
  // are worked out once per change of the files, not per request. The files' addresses were parsed
  // when they were read, so this cannot fail.
  let origins: string[] | undefined;
  store.on("change", () => (origins = undefined));
  const mediaOrigins = () => {
    if (origins) return origins;
    const layouts = store.layoutIds().flatMap((id) => store.layout(id) ?? []);
    // The wall's other instances too: a display moves its sockets to one when its own dies.
    const peerSockets = deps.peers.map((p) => p.replace(/^http/, "ws"));
    return (origins = [...new Set([...cameraOrigins(store.cameras), ...tileOrigins(layouts), ...deps.peers, ...peerSockets])]);
  };
  app.use(securityHeaders(mediaOrigins, deps.policy.scheme === "https"));

  const api = express.Router();
  api.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  /** Open to monitors: says how the service is, and names no address, URL or secret. */
  api.get("/health", (_req, res) => {
    res.json(
      deps.redactor.redactDeep({
        status: "ok",
        uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
        revision: state.current().revision,
        layouts: store.layoutIds().length,
        fileErrors: store.summaries().reduce((n, s) => n + s.errors.length, 0) + store.topologyErrors.length + store.camerasErrors.length + store.sourcesErrors.length,
        displays: displays.local().length,
        counters,
        feed: deps.feed.health(),
        ...(deps.shared ? { shared: deps.shared() } : {}),
      }),
    );
  });

  const json = express.json({ limit: deps.limits.bodyBytes });
  const accessDeps = { accounts: deps.accounts, audit: deps.audit, throttle: deps.throttle, counters, json };
  api.use(loginRoute(accessDeps));
  // Everything else needs a credential, checked before a body is read; then the role; then the body.
  api.use(authenticate(deps.auth, counters));
  api.use(accessRoutes(accessDeps));
  const actor = (req: Request): Actor => ({ principal: req.principal!, from: req.socket.remoteAddress ?? "" });
  /** A command's role door: a refusal here is audited under the command's name. */
  const commandRole = (role: Role, action: AuditAction) => requireRole(role, (req) => commands.refused(actor(req), action, 403));

  api.get("/simulator", (_req, res) => {
    const sim = deps.feed.simulator;
    if (!sim) res.status(404).json({ error: "the feed comes from WALL_FEED_URL; no simulator runs" } satisfies ApiError);
    else res.json({ mode: sim.mode, published: sim.published, modes: simulatorModes });
  });

  /** Admin only: make the simulator misbehave (tests, drills). */
  api.post("/simulator", commandRole("admin", "simulator.mode"), json, (req, res) => {
    const sim = deps.feed.simulator;
    const body = simulatorModeBodySchema.safeParse(req.body);
    if (!sim) res.status(404).json({ error: "no simulator runs" } satisfies ApiError);
    else if (!body.success) {
      counters.rejectedMessages += 1;
      res.status(400).json({ error: `body must be {"mode": ${simulatorModes.map((m) => `"${m}"`).join(" | ")}}` } satisfies ApiError);
    } else {
      sim.setMode(body.data.mode);
      deps.audit.append({ who: req.principal!.name, role: req.principal!.role, from: actor(req).from, action: "simulator.mode", allowed: true, status: 200, details: { mode: body.data.mode } });
      res.json({ mode: body.data.mode });
    }
  });

  api.get("/layouts", (_req, res) => {
    res.json({ active: state.current().layoutId, wall: { errors: store.topologyErrors }, cameras: { errors: store.camerasErrors }, sources: { errors: store.sourcesErrors }, schedules: { errors: store.schedulesErrors }, alarms: { errors: store.alarmsErrors }, layouts: store.summaries() });
  });

  /** What a display shows now, as a JPEG (its window captured by the Electron controller). */
  api.get("/displays/:id/screenshot", (req, res, next) => {
    const id = String(req.params.id);
    if (!store.topology.displays.some((d) => d.id === id)) {
      res.status(404).json({ error: `no display "${id}" in wall.json` } satisfies ApiError);
      return;
    }
    deps.captures.capture(id).then((outcome) => {
      if (outcome.ok) res.type("image/jpeg").setHeader("X-Captured-At", String(outcome.at)).send(outcome.jpeg);
      else res.status(outcome.status).json({ error: outcome.error } satisfies ApiError);
    }, next);
  });

  api.get("/wall", (_req, res) => {
    res.json({ topology: store.topology, errors: store.topologyErrors });
  });

  api.get("/state", (_req, res) => {
    const s = state.current();
    const { mode, next, briefing, hold, rule } = deps.scheduler.status();
    const alarms = deps.commands.alarms?.status();
    res.json({ layoutId: s.layoutId, revision: s.revision, displays: displays.list(), overrides: s.overrides, mode, next, briefing: briefing && { id: briefing.id, index: briefing.index, count: briefing.count }, alarms: alarms?.alarms ?? [], hold, switchAt: s.switchAt ?? null, rule, lock: alarms?.lock ?? null, power: s.power ?? "on" } satisfies ApiState & { rule: string | null; lock: unknown; power: string });
  });

  /**
   * A command's route: given where the wall is decided (here, or the leading instance), answered with
   * `shown` of the result (the wall's state by default), or its refusal's status and reason.
   */
  const command =
    (name: CommandName, body: (req: Request) => unknown = (req) => req.body, shown: (result: { ok: true; view?: MapView }, req: Request) => unknown = () => {
      const s = state.current();
      return { layoutId: s.layoutId, revision: s.revision, overrides: s.overrides };
    }): RequestHandler =>
    (req, res, next) => {
      commands.give(name, actor(req), body(req)).then((result) => {
        if (result.ok) res.json(shown(result, req));
        else {
          if (result.status === 400) counters.rejectedMessages += 1;
          res.status(result.status).json({ error: result.error } satisfies ApiError);
        }
      }, next);
    };
  api.post("/state/map-view", commandRole("operator", "map.view"), json, command("setMapView", undefined, (r, req) => ({ tileId: (req.body as { tileId: string }).tileId, view: r.view, revision: state.current().revision })));
  api.post("/state/layout", commandRole("operator", "layout.switch"), json, command("switchLayout", undefined, () => ({ layoutId: state.current().layoutId, revision: state.current().revision })));
  api.post("/state/overrides", commandRole("operator", "override.set"), json, command("setOverride"));
  api.delete("/state/overrides/:tileId", commandRole("operator", "override.clear"), command("clearOverride", (req) => ({ tileId: String(req.params.tileId) })));
  api.delete("/state/overrides", commandRole("operator", "override.clear"), command("clearOverride", () => ({})));
  api.post("/state/undo", commandRole("operator", "undo"), command("undo", () => ({})));
  api.post("/schedule/pause", commandRole("operator", "schedule.pause"), json, command("pauseSchedule"));
  api.post("/schedule/resume", commandRole("operator", "schedule.resume"), command("resumeSchedule", () => ({})));
  api.post("/schedule/next", commandRole("operator", "schedule.step"), command("stepSchedule", () => ({ direction: 1 })));
  api.post("/schedule/previous", commandRole("operator", "schedule.step"), command("stepSchedule", () => ({ direction: -1 })));
  api.post("/alarms/lock", commandRole("operator", "alarm.lock"), json, command("lockAlarms"));
  api.delete("/alarms/lock", commandRole("operator", "alarm.lock"), command("lockAlarms", () => null));
  api.post("/alarms/:id/ack", commandRole("operator", "alarm.ack"), command("ackAlarm", (req) => ({ id: String(req.params.id) })));
  api.post("/briefings/stop", commandRole("operator", "briefing.stop"), command("stopBriefing", () => ({})));
  api.post("/briefings/:id/start", commandRole("operator", "briefing.start"), command("startBriefing", (req) => ({ id: String(req.params.id) })));

  /** Admin only: make a demo camera drop out, vanish (404) or come back. */
  api.post("/simulator/cameras/:id", commandRole("admin", "simulator.mode"), json, (req, res) => {
    const body = cameraModeBodySchema.safeParse(req.body);
    if (!deps.streams) res.status(404).json({ error: "no demo streams are served" } satisfies ApiError);
    else if (!body.success) {
      counters.rejectedMessages += 1;
      res.status(400).json({ error: `body must be {"mode": ${cameraModes.map((m) => `"${m}"`).join(" | ")}}` } satisfies ApiError);
    } else if (!deps.streams.setMode(String(req.params.id), body.data.mode)) res.status(404).json({ error: `no demo camera "${req.params.id}"` } satisfies ApiError);
    else res.json({ camera: req.params.id, mode: body.data.mode });
  });

  api.use((_req, res) => {
    res.status(404).json({ error: "no such API path" } satisfies ApiError);
  });

  const apiErrors: ErrorRequestHandler = (err: { status?: number; type?: string; message?: string }, _req, res, _next) => {
    if (err instanceof SharedStoreUnavailable) {
      res.status(503).json({ error: err.message } satisfies ApiError);
      return;
    }
    const status = typeof err.status === "number" && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) deps.log("error", "API request failed", { error: err.message });
    else if (status === 413) counters.limited.bodySize += 1;
    else counters.rejectedMessages += 1;
    // The body parser's own messages are not passed on: they may quote what was sent.
    const error =
      err.type === "entity.parse.failed" ? "malformed JSON body"
      : status === 413 ? `body too large: at most ${Math.round(deps.limits.bodyBytes / 1024)} KiB`
      : status === 415 ? "the body must be JSON (Content-Type: application/json)"
      : status === 500 ? "internal error"
      : "bad request";
    res.status(status).json({ error } satisfies ApiError);
  };
  api.use(apiErrors);
  app.use("/api", api);

  /** Prometheus: the process and the wall in its text format (names in shared/DESIGN.md, Operations). */
  app.get("/metrics", metricsDoor(deps.auth, deps.metricsToken, counters), (_req, res, next) => {
    deps.metrics.text().then((text) => {
      res.setHeader("Cache-Control", "no-store");
      res.type(deps.metrics.contentType).send(text);
    }, next);
  });

  const pages = (name: string) => path.join(deps.rendererDir, name, "index.html");
  app.use("/assets", express.static(path.join(deps.rendererDir, "assets"), { immutable: true, maxAge: "365d", index: false }));
  app.get("/wall/:displayId", (_req, res) => res.sendFile(pages("wall"), { headers: { "Cache-Control": "no-cache" } }));
  app.get("/console", (_req, res) => res.sendFile(pages("console"), { headers: { "Cache-Control": "no-cache" } }));
  if (deps.streams) app.use("/streams", deps.streams.router);
  // express.static answers Range requests (206), which the pmtiles protocol reads archives by.
  app.use("/basemap", express.static(deps.basemapDir, { index: false, maxAge: "1h" }));
  app.use("/tiles", express.static(deps.tilesDir, { index: false, maxAge: "1h", dotfiles: "deny" }));
  app.get("/favicon.ico", (_req, res) => res.status(204).end());
  app.get("/", (_req, res) => res.redirect(302, "/console"));
  return app;
}

import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { controlHandshakeSchema, displayHandshakeSchema, displayHealthSchema, events, type Ack, type AlarmsStatus, type ScheduleStatus, type WallChange } from "../common/protocol.js";
import type { AlarmDesk } from "./alarms/alarm-desk.js";
import type { AuditEntry } from "./access/audit-log.js";
import { handshakeCheck, isRefusal, refusalError, socketDoor, type Refusal } from "./access/doors.js";
import { ConnectionCount, RateGate } from "./access/limits.js";
import type { Principal } from "./access/tokens.js";
import type { ServiceDeps } from "./service-deps.js";
import type { SocketAdapter } from "./shared/socket-adapter.js";
import type { CommandName } from "./commands.js";
import { throttle } from "./throttle.js";

/** The /control events that give a command, and the command each gives (its body as sent). */
const CONTROL_COMMANDS: ReadonlyArray<[string, CommandName]> = [
  [events.switchLayout, "switchLayout"],
  [events.mapView, "setMapView"],
  [events.setOverride, "setOverride"],
  [events.clearOverride, "clearOverride"],
  [events.undo, "undo"],
  [events.pauseSchedule, "pauseSchedule"],
  [events.resumeSchedule, "resumeSchedule"],
  [events.stepSchedule, "stepSchedule"],
  [events.startBriefing, "startBriefing"],
  [events.jumpBriefing, "jumpBriefing"],
  [events.stopBriefing, "stopBriefing"],
  [events.ackAlarm, "ackAlarm"],
  [events.lockAlarms, "lockAlarms"],
];

/** The audit entries consoles are told of as changes of the wall. */
const WALL_ACTIONS = new Set(["layout.switch", "map.view", "override.set", "override.clear", "undo"]);
const isWallChange = (e: AuditEntry) => e.allowed && WALL_ACTIONS.has(e.action);
const asWallChange = (e: AuditEntry): WallChange => ({ at: e.at, who: e.who, role: e.role, action: e.action, details: e.details });

const MALFORMED_HANDSHAKE = (what: string): Refusal => ({ status: 400, reason: "handshake", error: `handshake needs ${what}` });

/**
 * `/display` carries the wall state to displays; `/control` carries it to consoles and takes their
 * commands. Every handshake passes Host, Origin and the connection limits (engine.io's
 * allowRequest) before any namespace sees it; each namespace then asks for its credential.
 *
 * `adapter` (several instances, one wall): socket.io's Redis adapter, through which a broadcast
 * reaches the sockets of every instance. Only what happens once for the whole wall goes that way
 * (who changed what). What every instance holds itself (the wall state, adopted from Redis in
 * revision order; its rotation, alarms, displays, layouts, feed) each tells its own sockets, with
 * `.local`: through the adapter it would reach each socket once per instance. A socket that
 * connects (again, or to another instance) is sent what its instance holds at once, and a console
 * the wall's last change.
 */
export function attachSockets(http: HttpServer, deps: ServiceDeps, adapter?: SocketAdapter["adapter"]) {
  const { state, store, displays, counters, commands, limits } = deps;
  const connections = new ConnectionCount(limits);
  const io = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: limits.messageBytes,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    // A connection that joins no namespace (refused, or never asking) is closed soon.
    connectTimeout: 10_000,
    allowRequest: handshakeCheck(deps.policy, counters, connections),
    ...(adapter ? { adapter } : {}),
  });
  io.engine.on("connection", (raw: { remoteAddress: string; once: (e: "close", f: (reason: string, description?: unknown) => void) => void }) => {
    const address = raw.remoteAddress;
    connections.opened(address);
    raw.once("close", (_reason, description) => {
      connections.closed(address);
      if (/max payload/i.test(String((description as Error | undefined)?.message ?? description ?? ""))) counters.limited.messageSize += 1;
    });
  });
  const door = socketDoor({ auth: deps.auth, counters, admitLocalDisplays: deps.admitLocalDisplays });

  const display = io.of("/display");
  display.use((socket, next) => {
    const hs = displayHandshakeSchema.safeParse(socket.handshake.auth);
    if (!hs.success) {
      counters.rejectedMessages += 1;
      return next(refusalError(MALFORMED_HANDSHAKE("{displayId, token?}")));
    }
    const result = door.watch(hs.data.token, socket.handshake);
    if (isRefusal(result)) return next(refusalError(result));
    socket.data.displayId = hs.data.displayId;
    socket.data.principal = result;
    next();
  });
  const healthRate = new RateGate(limits.healthReportsPerSecond);
  const clockRate = new RateGate(limits.clockPingsPerSecond);
  /** The service's time, to a display (it swaps at the service's instants) or a console (it judges reports' age by it). */
  const answerClockPings = (socket: Socket) =>
    socket.on(events.clockPing, async (_payload: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      if (await clockRate.allow(socket.id)) (ack as (t: number) => void)(Date.now());
      else counters.limited.clockPings += 1;
    });
  display.on("connection", (socket) => {
    const id = socket.data.displayId as string;
    displays.connected(id);
    // Only a display window (the display credential, or a display on this machine) is asked for its picture:
    // another token connecting under a display's id cannot answer for it.
    const credential = (socket.data.principal as Principal).credential;
    if (credential === "display" || credential === "local-display") deps.captures.attach(id, socket.id, (captureId) => socket.emit(events.displayCapture, { id: captureId }));
    socket.emit(events.state, state.current());
    socket.emit(events.schedule, deps.scheduler.status());
    if (deps.peers.length > 0) socket.emit(events.peers, { origins: deps.peers });
    socket.on("disconnect", () => {
      displays.disconnected(id);
      deps.captures.detach(id, socket.id);
    });
    // The display's clock offset: it asks the service's time a few times on each connect.
    answerClockPings(socket);
    // A picture asked of this display (the broker drops parts it did not ask this socket for).
    socket.on(events.displayCapturePart, (payload: unknown) => deps.captures.part(socket.id, payload));
    socket.on(events.displayCaptureFail, (payload: unknown) => deps.captures.fail(socket.id, payload));
    // Besides, displays send only their health; anything else, or a report that fails its schema, is
    // counted and ignored. Reports past the rate are dropped before they are parsed.
    const answered: string[] = [events.clockPing, events.displayCapturePart, events.displayCaptureFail];
    socket.onAny(async (event: string, payload: unknown) => {
      if (answered.includes(event)) return;
      if (event !== events.displayHealth) {
        counters.rejectedMessages += 1;
        return;
      }
      if (!(await healthRate.allow(id))) {
        counters.limited.healthReports += 1;
        return;
      }
      const health = displayHealthSchema.safeParse(payload);
      if (health.success) displays.report(id, health.data);
      else counters.rejectedMessages += 1;
    });
  });

  const control = io.of("/control");
  control.use((socket, next) => {
    const hs = controlHandshakeSchema.safeParse(socket.handshake.auth);
    const result = door.command(hs.success ? hs.data.token : undefined, socket.handshake);
    if (isRefusal(result)) return next(refusalError(result));
    socket.data.principal = result;
    next();
  });
  control.on("connection", (socket: Socket) => {
    const principal = socket.data.principal as Principal;
    const actor = { principal, from: socket.handshake.address };
    socket.emit(events.me, { name: principal.name, role: principal.role });
    socket.emit(events.state, state.current());
    // Who last changed the wall, whichever instance it was done through: a console that connects, comes back or moves says it.
    deps.audit
      .latest(isWallChange)
      .then((last) => last && socket.connected && socket.emit(events.change, { ...asWallChange(last), again: true } satisfies WallChange))
      .catch(() => undefined);
    socket.emit(events.displays, displays.list());
    socket.emit(events.layouts, store.summaries());
    socket.emit(events.schedule, deps.scheduler.status());
    // The wall's other instances: a console moves there when this one dies.
    if (deps.peers.length > 0) socket.emit(events.peers, { origins: deps.peers });
    answerClockPings(socket);
    // Every command answers with an Ack whose status is an HTTP status, as over REST.
    const command = (event: string, name: CommandName, body: (sent: unknown) => unknown = (sent) => sent) =>
      socket.on(event, (sent: unknown, ack: unknown) => {
        const answer = (a: Ack) => typeof ack === "function" && (ack as (a: Ack) => void)(a);
        commands.give(name, actor, body(sent)).then(
          (result) => {
            if (!result.ok && result.status === 400) counters.rejectedMessages += 1;
            answer(result.ok ? { ok: true } : result);
          },
          (e: Error) => {
            deps.log("error", "a command failed", { command: name, error: e.message });
            answer({ ok: false, status: 500, error: "internal error" });
          },
        );
      });
    for (const [event, name] of CONTROL_COMMANDS) command(event, name);
    command(events.unlockAlarms, "lockAlarms", () => null);
    const desk = commands.alarms;
    if (desk) socket.emit(events.alarms, desk.status());
  });

  const onState = () => {
    const s = state.current();
    display.local.emit(events.state, s);
    control.local.emit(events.state, s);
  };
  // Each display reports every few seconds: consoles get the list at most once a second, not once a report.
  const displaysToConsoles = throttle(() => control.local.emit(events.displays, displays.list()), 1000);
  const onDisplays = () => displaysToConsoles.call();
  const onStore = () => control.local.emit(events.layouts, store.summaries());
  // A deleted account, an ended session or a revoked token loses its sockets at once, in every namespace.
  const onRevoked = (credential: string) => {
    for (const ns of [display, control, io.of("/feed")]) {
      for (const socket of ns.sockets.values()) {
        const held = (socket.data.principal as Principal | undefined)?.credential;
        if (held && (held === credential || (credential.endsWith("/") && held.startsWith(credential)))) socket.disconnect(true);
      }
    }
  };
  deps.accounts.on("revoked", onRevoked);
  // Every console of every instance sees every change at once, with who made it: told by the instance
  // that made it (the audit trail's entries from other instances are not told again).
  const onAudit = (e: AuditEntry) => {
    if (isWallChange(e)) control.emit(events.change, asWallChange(e));
  };
  deps.audit.on("entry", onAudit);
  const onSchedule = (status: ScheduleStatus) => {
    control.local.emit(events.schedule, status);
    display.local.emit(events.schedule, status);
  };
  deps.scheduler.on("change", onSchedule);
  state.on("change", onState);
  displays.on("change", onDisplays);
  displays.on("remote", onDisplays);
  store.on("change", onStore);
  const closers: Array<() => void> = [];
  const close = async () => {
    for (const c of closers) c();
    deps.accounts.off("revoked", onRevoked);
    deps.audit.off("entry", onAudit);
    deps.scheduler.off("change", onSchedule);
    state.off("change", onState);
    displays.off("change", onDisplays);
    displays.off("remote", onDisplays);
    store.off("change", onStore);
    displaysToConsoles.cancel();
    await io.close();
  };
  /** The alarm desk is made after the sockets (it needs the feed): its queue goes to every console. */
  const watchAlarms = (desk: AlarmDesk) => {
    const onAlarms = (status: AlarmsStatus) => control.local.emit(events.alarms, status);
    desk.on("change", onAlarms);
    closers.push(() => desk.off("change", onAlarms));
  };
  return { io, door, connections, watchAlarms, close };
}

export type SocketHub = ReturnType<typeof attachSockets>;

import type { z } from "zod";
import { alarmAckBodySchema, alarmLockBodySchema, briefingJumpBodySchema, briefingStartBodySchema, clearOverrideBodySchema, mapViewBodySchema, overrideBodySchema, pauseBodySchema, stepBodySchema, switchLayoutBodySchema, type Ack, type MapView } from "../common/protocol.js";
import type { Scheduler } from "./schedule/scheduler.js";
import type { AlarmDesk } from "./alarms/alarm-desk.js";
import type { AuditAction } from "../common/audit-actions.js";
import type { AuditLog } from "./access/audit-log.js";
import { roleAllows, type Principal, type Role } from "./access/tokens.js";
import type { Logger } from "./log.js";
import type { WallStateHolder } from "./wall-state.js";

/** Who gives a command, and from which address. */
export interface Actor {
  principal: Principal;
  from: string;
}

type Refused = Exclude<Ack, { ok: true }>;
/** What a command answers: an Ack; a map move also says where the map went. */
export type CommandResult = { ok: true; view?: MapView } | Refused;

/** The commands a console gives, by name: each takes who gives it and its body. */
export const commandNames = ["switchLayout", "setMapView", "setOverride", "clearOverride", "undo", "pauseSchedule", "resumeSchedule", "stepSchedule", "startBriefing", "jumpBriefing", "stopBriefing", "ackAlarm", "lockAlarms"] as const;
export type CommandName = (typeof commandNames)[number];
const NO_SCHEDULE: Refused = { ok: false, status: 409, error: "no schedule: layouts/schedules.json is absent or has never been valid" };

function malformed(error: z.ZodError): Refused {
  return { ok: false, status: 400, error: `malformed body: ${error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}` };
}

/**
 * The commands a console may give, shared by REST and the /control socket: each checks the role,
 * validates its payload, answers with an Ack whose status is an HTTP status, and leaves an audit
 * entry, allowed or not.
 */
export class WallCommands {
  constructor(
    private readonly state: WallStateHolder,
    private readonly audit: AuditLog,
    private readonly log: Logger,
    private readonly scheduler: Scheduler,
  ) {}

  /** The alarm desk comes after the commands (it needs the feed); set once at start. */
  alarms: AlarmDesk | undefined;

  /** Why changes cannot be made now (the shared store is away), or undefined: they are refused with 503, audited. */
  unavailable: () => string | undefined = () => undefined;

  /**
   * Several instances: sends a command to the instance that leads the wall and resolves with its
   * answer, so that every change is made by one writer; undefined when it is to run here.
   */
  relay: ((name: CommandName, actor: Actor, body: unknown) => Promise<CommandResult | undefined>) | undefined;

  /** Gives a command where the wall is decided (here, or on the leading instance): the one entry of REST and sockets. */
  async give(name: CommandName, actor: Actor, body: unknown): Promise<CommandResult> {
    return (await this.relay?.(name, actor, body)) ?? this.here(name, actor, body);
  }

  /** Runs a command on this instance. */
  here(name: CommandName, actor: Actor, body: unknown): CommandResult {
    return this[name](actor, body);
  }

  /** Acknowledges an alarm; the wall returns when no other holds it. Audited by the desk. */
  ackAlarm(actor: Actor, body: unknown): Ack {
    if (!roleAllows(actor.principal.role, "operator")) return this.denied(actor, "alarm.ack", body);
    const down = this.down(actor, "alarm.ack", body);
    if (down) return down;
    const parsed = alarmAckBodySchema.safeParse(body);
    if (!parsed.success) return malformed(parsed.error);
    return this.alarms?.ack(actor, parsed.data.id) ? { ok: true } : { ok: false, status: 404, error: `no active alarm "${parsed.data.id}"` };
  }

  /** Holds the wall against alarms below a priority (`{minPriority}`), or lets them through again (`null`). */
  lockAlarms(actor: Actor, body: unknown | null): Ack {
    if (!roleAllows(actor.principal.role, "operator")) return this.denied(actor, "alarm.lock", body);
    const down = this.down(actor, "alarm.lock", body);
    if (down) return down;
    if (body === null) {
      this.alarms?.setLock(actor, null);
      return { ok: true };
    }
    const parsed = alarmLockBodySchema.safeParse(body);
    if (!parsed.success) return malformed(parsed.error);
    this.alarms?.setLock(actor, parsed.data.minPriority);
    return { ok: true };
  }

  private denied(actor: Actor, action: AuditAction, body: unknown, role: Role = "operator"): Ack {
    const ack: Ack = { ok: false, status: 403, error: `the ${actor.principal.role} role may not do this (${role} needed)` };
    this.record(actor, action, ack, summary(body));
    return ack;
  }

  /** The audit entry of a command refused before it ran (a role that may not, at the REST door). */
  refused(actor: Actor, action: AuditAction, status: number, details: Record<string, unknown> = {}): void {
    this.record(actor, action, { ok: false, status, error: "" }, details);
  }

  switchLayout(actor: Actor, body: unknown): Ack {
    return this.run(actor, "layout.switch", "operator", body, () => {
      const parsed = switchLayoutBodySchema.safeParse(body);
      if (!parsed.success) return malformed(parsed.error);
      if (!this.state.switchLayout(parsed.data.layoutId)) return { ok: false, status: 404, error: `no valid layout "${parsed.data.layoutId}"` };
      // A switch by hand holds the wall against the schedule for a while.
      this.scheduler.manualSwitch();
      this.log("info", "layout switched", { by: actor.principal.name, layoutId: parsed.data.layoutId, revision: this.state.current().revision });
      return { ok: true };
    });
  }

  setMapView(actor: Actor, body: unknown): { ok: true; view: MapView } | Refused {
    let view: MapView | undefined;
    const ack = this.run(actor, "map.view", "operator", body, () => {
      const parsed = mapViewBodySchema.safeParse(body);
      if (!parsed.success) return malformed(parsed.error);
      const moved = this.state.setMapView(parsed.data);
      if (moved === "no-tile") return { ok: false, status: 404, error: `the current layout has no map tile "${parsed.data.tileId}"` };
      view = moved;
      this.log("info", "map moved", { by: actor.principal.name, tileId: parsed.data.tileId, ...moved });
      return { ok: true };
    });
    return ack.ok ? { ok: true, view: view! } : ack;
  }

  /** Shows a tile of the active layout with another widget (a camera pushed from the console). */
  setOverride(actor: Actor, body: unknown): Ack {
    return this.run(actor, "override.set", "operator", body, () => {
      const parsed = overrideBodySchema.safeParse(body);
      if (!parsed.success) return malformed(parsed.error);
      const { tileId, ...override } = parsed.data;
      const done = this.state.setOverride(tileId, override);
      if (done.ok) this.log("info", "tile overridden", { by: actor.principal.name, tileId, widget: override.widget });
      return done;
    });
  }

  /** One tile back to its layout's widget (`{tileId}`), or every tile (`{}`). */
  clearOverride(actor: Actor, body: unknown): Ack {
    return this.run(actor, "override.clear", "operator", body, () => {
      const parsed = clearOverrideBodySchema.safeParse(body);
      if (!parsed.success) return malformed(parsed.error);
      if (!this.state.clearOverride(parsed.data.tileId)) return { ok: false, status: 404, error: parsed.data.tileId ? `tile "${parsed.data.tileId}" has no override` : "no tile has an override" };
      return { ok: true };
    });
  }

  undo(actor: Actor): Ack {
    return this.run(actor, "undo", "operator", {}, () => {
      if (!this.state.undo()) return { ok: false, status: 409, error: "nothing to undo" };
      this.scheduler.manualSwitch();
      return { ok: true };
    });
  }

  pauseSchedule(actor: Actor, body: unknown): Ack {
    return this.run(actor, "schedule.pause", "operator", body, () => {
      const parsed = pauseBodySchema.safeParse(body ?? {});
      if (!parsed.success) return malformed(parsed.error);
      return this.scheduler.pause(parsed.data.minutes) ? { ok: true } : NO_SCHEDULE;
    });
  }

  resumeSchedule(actor: Actor): Ack {
    return this.run(actor, "schedule.resume", "operator", {}, () => (this.scheduler.resume() ? { ok: true } : NO_SCHEDULE));
  }

  /** The playlist's next or previous item, or the briefing's slide while one runs. */
  stepSchedule(actor: Actor, body: unknown): Ack {
    return this.run(actor, "schedule.step", "operator", body, () => {
      const parsed = stepBodySchema.safeParse(body);
      if (!parsed.success) return malformed(parsed.error);
      return this.scheduler.step(parsed.data.direction) ? { ok: true } : { ok: false, status: 409, error: "no playlist or briefing is running" };
    });
  }

  startBriefing(actor: Actor, body: unknown): Ack {
    return this.run(actor, "briefing.start", "operator", body, () => {
      const parsed = briefingStartBodySchema.safeParse(body);
      if (!parsed.success) return malformed(parsed.error);
      return this.scheduler.startBriefing(parsed.data.id) ? { ok: true } : { ok: false, status: 404, error: `no briefing "${parsed.data.id}" in schedules.json` };
    });
  }

  jumpBriefing(actor: Actor, body: unknown): Ack {
    return this.run(actor, "schedule.step", "operator", body, () => {
      const parsed = briefingJumpBodySchema.safeParse(body);
      if (!parsed.success) return malformed(parsed.error);
      return this.scheduler.jump(parsed.data.index) ? { ok: true } : { ok: false, status: 409, error: "no briefing runs, or it has no such slide" };
    });
  }

  stopBriefing(actor: Actor): Ack {
    return this.run(actor, "briefing.stop", "operator", {}, () => (this.scheduler.stopBriefing() ? { ok: true } : { ok: false, status: 409, error: "no briefing runs" }));
  }

  private run(actor: Actor, action: AuditAction, role: Role, body: unknown, command: () => Ack): Ack {
    if (!roleAllows(actor.principal.role, role)) return this.denied(actor, action, body, role);
    const down = this.down(actor, action, body);
    if (down) return down;
    const ack = command();
    this.record(actor, action, ack, summary(body));
    return ack;
  }

  /** The refusal of a change while it cannot be shared, audited; undefined when changes may be made. */
  private down(actor: Actor, action: AuditAction, body: unknown): Refused | undefined {
    const reason = this.unavailable();
    if (reason === undefined) return undefined;
    const ack: Refused = { ok: false, status: 503, error: reason };
    this.record(actor, action, ack, summary(body));
    return ack;
  }

  private record(actor: Actor, action: AuditAction, ack: Ack, details: Record<string, unknown>): void {
    this.audit.append({ who: actor.principal.name, role: actor.principal.role, from: actor.from, action, allowed: ack.ok, status: ack.ok ? 200 : ack.status, details });
  }
}

/** What an audit entry keeps of a body: its small plain fields, never more than a line. */
function summary(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body).slice(0, 8)) {
    if (typeof v === "string") out[k] = v.slice(0, 80);
    else if (typeof v === "number" || typeof v === "boolean") out[k] = v;
    else if (Array.isArray(v) && v.length <= 4 && v.every((x) => typeof x === "number")) out[k] = v;
  }
  return out;
}

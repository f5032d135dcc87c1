import { EventEmitter } from "node:events";
import { AlarmWatch, type AlarmSignal, type WatchMemory } from "../../common/alarm-watch.js";
import type { AlarmRule } from "../../common/alarms-file.js";
import type { FeedUpdate } from "../../common/feed-protocol.js";
import type { ActiveAlarm, AlarmsStatus } from "../../common/protocol.js";
import type { AuditLog } from "../access/audit-log.js";
import type { Actor } from "../commands.js";
import type { FeedHub } from "../feed/feed-hub.js";
import type { LayoutStore } from "../layout-store.js";
import type { Logger } from "../log.js";
import type { Scheduler } from "../schedule/scheduler.js";
import { newerThan, snapshotSchema, type Snapshot, type WallStateHolder } from "../wall-state.js";
import { z } from "zod";

/** Unacknowledged alarms kept; past this the oldest lowest go (a flood of events cannot grow the queue). */
const QUEUE_LIMIT = 200;

const heldSchema = z.object({
  id: z.string().max(200),
  ruleId: z.string().max(64),
  priority: z.number(),
  title: z.string().max(200),
  layoutId: z.string().max(64),
  raisedAt: z.number(),
  /** Its revertAfterSeconds ran out: it stays in the queue, and no longer takes the wall. */
  reverted: z.boolean().optional(),
  /** When it gives the wall back by itself (revertAfterSeconds from its takeover), epoch ms. */
  revertAt: z.number().optional(),
  event: z.record(z.string(), z.unknown()),
});
type Held = z.infer<typeof heldSchema> & ActiveAlarm;

/** The alarm desk as instances share it (WALL_REDIS_URL): the queue, who holds the wall, what to return to, the lock. */
export const sharedAlarmsSchema = z.object({
  revision: z.number().int().min(0),
  origin: z.string().min(1).max(100),
  alarms: z.array(heldSchema).max(QUEUE_LIMIT + 1),
  holding: z.string().nullable(),
  before: snapshotSchema.nullable(),
  lock: z.object({ minPriority: z.number(), by: z.string().max(100) }).nullable(),
});
export type SharedAlarms = z.infer<typeof sharedAlarmsSchema>;

/**
 * Alarm rules on the feed, the queue of raised alarms, and the takeover: the highest-priority alarm
 * not held off by an operator's lock takes the wall (its layout, its camera and place when the event
 * names them); on acknowledgement, on its revertAfterSeconds or when its number is back, the wall
 * returns to exactly what it showed — the manual hold, the briefing slide, or the schedule's place.
 */
export class AlarmDesk extends EventEmitter<{ change: [AlarmsStatus]; shared: []; watched: [] }> {
  private watches: AlarmWatch[] = [];
  /** The watches' memory a former leader left, by rule: taken by the watches of the same rules at the next load. */
  private inherited = new Map<string, WatchMemory>();
  private readonly alarms = new Map<string, Held>();
  private holding: Held | undefined;
  private before: Snapshot | undefined;
  private lock: { minPriority: number; by: string } | null = null;
  private revertTimer: NodeJS.Timeout | undefined;
  /** Whether the rules watch the feed (this instance leads, or runs alone). */
  private watching = false;
  private readonly onUpdate = (u: FeedUpdate) => this.take(u);
  private readonly onStore = (c: { alarmsChanged: boolean }) => c.alarmsChanged && this.load();
  /** Whether this instance acts on the queue (one service, or the lease holder of several); the others keep it to show and to command. */
  private leading = true;
  private revision = 0;
  private origin: string;

  constructor(
    private readonly store: LayoutStore,
    private readonly hub: FeedHub,
    private readonly state: WallStateHolder,
    private readonly scheduler: Scheduler,
    private readonly audit: AuditLog,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.origin = state.instanceId;
  }

  get instanceId(): string {
    return this.state.instanceId;
  }

  /** This instance takes the lead (or gives it up): from here it acts on the queue, takeovers and returns. */
  lead(on: boolean): void {
    this.leading = on;
    if (on) this.evaluate(false);
  }

  shared(): SharedAlarms {
    return { revision: this.revision, origin: this.origin, alarms: [...this.alarms.values()], holding: this.holding?.id ?? null, before: this.before ?? null, lock: this.lock };
  }

  /** Another instance's desk, when newer: taken; the leader then acts on it (an acknowledgement given elsewhere returns the wall). */
  adopt(remote: SharedAlarms, joining = false): boolean {
    if (!joining && !newerThan(remote, this.shared())) return false;
    this.revision = remote.revision;
    this.origin = remote.origin;
    this.alarms.clear();
    for (const a of remote.alarms) this.alarms.set(a.id, a as Held);
    // The alarm holding the wall may have left the queue (acknowledged elsewhere): the leader still has to give the wall back.
    this.holding = remote.holding === null ? undefined : (this.alarms.get(remote.holding) ?? (this.holding?.id === remote.holding ? this.holding : { id: remote.holding, ruleId: "", priority: 0, title: "", layoutId: "", raisedAt: 0, event: {} }));
    this.before = remote.before ?? undefined;
    this.lock = remote.lock;
    if (this.leading) this.evaluate(false);
    else this.emit("change", this.status());
    return true;
  }

  subscribe(listener: () => void): () => void {
    this.on("shared", listener);
    return () => this.off("shared", listener);
  }

  /** The queue changed here: told to the other instances; the leader acts on it, the others wait for it to. */
  private changed(): void {
    if (this.leading) return this.evaluate();
    this.share();
    this.emit("change", this.status());
  }

  private share(): void {
    this.revision += 1;
    this.origin = this.state.instanceId;
    this.emit("shared");
  }

  /** Starts watching (again after close); a second start while watching does nothing. */
  start(): void {
    if (this.watching) return;
    this.watching = true;
    this.store.on("change", this.onStore);
    this.hub.on("update", this.onUpdate);
    this.load();
  }

  close(): void {
    this.watching = false;
    this.store.off("change", this.onStore);
    this.hub.off("update", this.onUpdate);
    clearTimeout(this.revertTimer);
  }

  status(): AlarmsStatus {
    const alarms = [...this.alarms.values()].sort((a, b) => b.priority - a.priority || b.raisedAt - a.raisedAt).map(({ event: _e, reverted: _r, ...a }) => a);
    return { alarms, holding: this.holding?.id ?? null, lock: this.lock };
  }

  /** The wall's state of mind for GET /api/state: an alarm holds it. */
  get takenOver(): boolean {
    return this.holding !== undefined;
  }

  ack(actor: Actor, id: string): boolean {
    const alarm = this.alarms.get(id);
    if (!alarm) return false;
    this.alarms.delete(id);
    this.record(actor.principal.name, actor.principal.role, actor.from, "alarm.ack", { alarm: id, rule: alarm.ruleId });
    this.changed();
    return true;
  }

  /** Holds the wall against alarms below `minPriority` (null: no lock). */
  setLock(actor: Actor, minPriority: number | null): void {
    this.lock = minPriority === null ? null : { minPriority, by: actor.principal.name };
    this.record(actor.principal.name, actor.principal.role, actor.from, "alarm.lock", { minPriority });
    this.changed();
  }

  /** What each rule's watch remembers, by the rule as written: for the instance that leads next. */
  watchMemory(): Array<{ rule: string; memory: WatchMemory }> {
    return this.watches.map((w) => ({ rule: JSON.stringify(w.rule), memory: w.memory() }));
  }

  /**
   * The memory the former leader's watches left: this desk's watches of the same rules carry it on
   * when it starts, so an event seen there is not raised again and one that came meanwhile is.
   */
  inherit(memory: ReadonlyArray<{ rule: string; memory: WatchMemory }>): void {
    this.inherited = new Map(memory.map((m) => [m.rule, m.memory]));
  }

  private load(): void {
    // Watches keep their memory across a reload when their rule did not change.
    const old = new Map(this.watches.map((w) => [JSON.stringify(w.rule), w]));
    const inherited = this.inherited;
    this.inherited = new Map();
    this.watches = this.store.alarms.rules.map((r) => {
      const key = JSON.stringify(r);
      return inherited.has(key) ? new AlarmWatch(r, inherited.get(key)) : (old.get(key) ?? new AlarmWatch(r));
    });
    // A topic a rule watches is fed like one a display holds (the relay follows the hub's wanted topics).
    for (const w of this.watches) {
      const [latest] = this.hub.snapshot([w.rule.topic]);
      if (latest) this.signal(w.rule, w.take(latest.value));
    }
    this.emit("watched");
  }

  private take(u: FeedUpdate): void {
    let watched = false;
    for (const w of this.watches) {
      if (w.rule.topic !== u.topic) continue;
      this.signal(w.rule, w.take(u.value));
      watched = true;
    }
    if (watched) this.emit("watched");
  }

  private signal(rule: AlarmRule, signals: AlarmSignal[]): void {
    let changed = false;
    for (const s of signals) {
      if (s.kind === "clear") {
        const alarm = this.alarms.get(s.key);
        if (alarm) {
          this.alarms.delete(s.key);
          this.record("alarm", "system", "feed", "alarm.ack", { alarm: s.key, rule: rule.id, cleared: true });
          changed = true;
        }
        continue;
      }
      if (this.alarms.has(s.key)) continue;
      const title = rule.title ? `${rule.title.vi}: ${s.title}` : s.title;
      this.alarms.set(s.key, { id: s.key, ruleId: rule.id, priority: rule.priority, title: title.slice(0, 200), layoutId: rule.layout, raisedAt: this.now(), event: s.event });
      this.record("alarm", "system", "feed", "alarm.raise", { alarm: s.key, rule: rule.id, priority: rule.priority });
      this.log("warn", "alarm raised", { alarm: s.key, rule: rule.id, priority: rule.priority });
      changed = true;
    }
    if (this.alarms.size > QUEUE_LIMIT) {
      const dropped = [...this.alarms.values()].sort((a, b) => a.priority - b.priority || a.raisedAt - b.raisedAt).slice(0, this.alarms.size - QUEUE_LIMIT);
      for (const a of dropped) if (a !== this.holding) this.alarms.delete(a.id);
    }
    if (changed) this.evaluate();
  }

  /**
   * Who should hold the wall now, and the switch to it (or back); the revert timer of the one that
   * holds it. Shared when the queue changed here (`mutated`) or the holder did: never for nothing,
   * so that instances do not tell each other the same queue back and forth.
   */
  private evaluate(mutated = true): void {
    const held = this.holding?.id;
    const floor = this.lock?.minPriority ?? -1;
    const top = [...this.alarms.values()].filter((a) => !a.reverted && a.priority >= floor).sort((a, b) => b.priority - a.priority || b.raisedAt - a.raisedAt)[0];
    if (top && top !== this.holding) {
      if (!this.holding) {
        this.before = this.state.snapshot();
        this.scheduler.suspend(true);
      }
      this.holding = top;
      this.show(top);
      this.record("alarm", "system", "feed", "alarm.raise", { alarm: top.id, takeover: true, layoutId: top.layoutId });
    } else if (!top && this.holding) {
      const was = this.holding;
      this.holding = undefined;
      clearTimeout(this.revertTimer);
      if (this.before) this.state.restore(this.before);
      this.before = undefined;
      this.scheduler.suspend(false);
      this.record("alarm", "system", "feed", "alarm.ack", { alarm: was.id, returned: true });
    }
    this.armRevert();
    if (mutated || this.holding?.id !== held) this.share();
    this.emit("change", this.status());
  }

  /** The holding alarm's revertAfterSeconds, from its deadline (kept in the shared desk: a new leader keeps it). */
  private armRevert(): void {
    clearTimeout(this.revertTimer);
    const a = this.holding;
    if (!this.leading || !a || a.reverted || a.revertAt === undefined) return;
    const id = a.id;
    this.revertTimer = setTimeout(
      () => {
        // Looked up again: the queue may have been replaced by another instance's since.
        const alarm = this.alarms.get(id);
        if (!alarm) return;
        alarm.reverted = true;
        this.evaluate();
      },
      Math.max(0, a.revertAt - this.now()),
    );
    this.revertTimer.unref();
  }

  /** The alarm's layout, its first camera tile on the event's camera, its maps on the event's place. */
  private show(alarm: Held): void {
    this.state.switchLayout(alarm.layoutId);
    const layout = this.store.layout(alarm.layoutId);
    const camera = typeof alarm.event.camera === "string" ? alarm.event.camera : undefined;
    const cameraTile = layout?.tiles.find((t) => t.widget === "camera");
    if (camera && cameraTile && this.store.cameras.cameras.some((c) => c.id === camera)) this.state.setOverride(cameraTile.id, { widget: "camera", options: { ...cameraTile.options, camera } });
    const { lat, lon } = alarm.event as { lat?: unknown; lon?: unknown };
    if (typeof lat === "number" && typeof lon === "number") {
      for (const t of layout?.tiles ?? []) if (t.widget === "map") this.state.setMapView({ tileId: t.id, center: [lon, lat] });
    }
    const rule = this.store.alarms.rules.find((r) => r.id === alarm.ruleId);
    if (rule?.revertAfterSeconds) alarm.revertAt = this.now() + rule.revertAfterSeconds * 1000;
  }

  private record(who: string, role: string, from: string, action: "alarm.raise" | "alarm.ack" | "alarm.lock", details: Record<string, unknown>): void {
    this.audit.append({ who, role, from, action, allowed: true, status: 200, details });
  }
}

import type { Cron } from "croner";
import { EventEmitter } from "node:events";
import { decide, playlistAt, powerAt } from "../../common/schedule-clock.js";
import { parseCron, type SchedulesFile } from "../../common/schedules-file.js";
import type { LayoutStore } from "../layout-store.js";
import type { Logger } from "../log.js";
import type { ScheduleStatus } from "../../common/protocol.js";
import { newerThan, type WallStateHolder } from "../wall-state.js";
import { z } from "zod";

/** The rotation's place as instances share it (WALL_REDIS_URL). */
export const sharedScheduleSchema = z.object({
  revision: z.number().int().min(0),
  origin: z.string().min(1).max(100),
  hold: z.object({ until: z.number() }).nullable(),
  briefing: z.object({ id: z.string(), index: z.number().int().min(0), ruleStart: z.number().optional() }).nullable(),
  offsets: z.array(z.tuple([z.string(), z.number()])).max(1000),
  startedWindows: z.array(z.string()).max(100),
  suspended: z.boolean().default(false),
});
export type SharedSchedule = z.infer<typeof sharedScheduleSchema>;

/** The clock is asked again at least this often, whatever it last said (a clock change, a missed timer). */
const MAX_SLEEP_MS = 30_000;

/**
 * Runs schedules.json: the clock's decision puts layouts on the wall; a manual switch or a pause
 * holds it for a while, after which the clock decides again (where the schedule is now); briefing
 * decks are stepped by hand. Without schedules.json the wall stays manual, as before.
 */
export class Scheduler extends EventEmitter<{ change: [ScheduleStatus]; shared: [] }> {
  private schedule: SchedulesFile | undefined;
  private crons = new Map<string, Cron>();
  /** The power entries' crons, in their order (schedules.json `power`). */
  private powerCrons: Cron[] = [];
  private lastPower: string | undefined;
  private hold: { until: number } | null = null;
  private briefing: { id: string; index: number; ruleStart?: number } | null = null;
  /** Briefing rule windows already started (so that stopping one keeps it stopped). */
  private startedWindows = new Set<string>();
  /** The operator's steps through a playlist, in ms, for the source they were made on. */
  private offsets = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private lastStatus = "";
  /** An alarm holds the wall: the rotation keeps its place and switches nothing. */
  private suspended = false;
  private readonly onStore = (c: { schedulesChanged: boolean }) => c.schedulesChanged && this.load();
  /**
   * Whether this instance puts the schedule's decisions on the wall (one service, or the lease
   * holder of several). The others keep the same rotation state, shared, to show and to command.
   */
  private leading = true;
  /** The rotation's place (hold, briefing, steps) as several instances share it: last writer wins. */
  private revision = 0;
  private origin: string;

  constructor(
    private readonly store: LayoutStore,
    private readonly state: WallStateHolder,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.origin = state.instanceId;
  }

  /** This instance takes the lead (or gives it up): the clock's decisions go on the wall from here. */
  lead(on: boolean): void {
    this.leading = on;
    this.safeTick();
  }

  /** The rotation's place, for the other instances. */
  shared(): SharedSchedule {
    return { revision: this.revision, origin: this.origin, hold: this.hold, briefing: this.briefing, offsets: [...this.offsets], startedWindows: [...this.startedWindows], suspended: this.suspended };
  }

  get instanceId(): string {
    return this.state.instanceId;
  }

  /** Another instance's place of the rotation, when newer in the shared order: taken, and acted on by the leader. */
  adopt(remote: SharedSchedule, joining = false): boolean {
    if (!joining && !newerThan(remote, this.shared())) return false;
    this.revision = remote.revision;
    this.origin = remote.origin;
    this.hold = remote.hold;
    this.briefing = remote.briefing;
    this.offsets = new Map(remote.offsets);
    this.startedWindows = new Set(remote.startedWindows);
    this.suspended = remote.suspended;
    this.safeTick();
    return true;
  }

  subscribe(listener: () => void): () => void {
    this.on("shared", listener);
    return () => this.off("shared", listener);
  }

  /** An operator (or a rule, on the leader) moved the rotation: shared, then acted on. */
  private changed(): void {
    this.share();
    this.tick();
  }

  /** This instance's change of the rotation's place, to be told to the others. */
  private share(): void {
    this.revision += 1;
    this.origin = this.state.instanceId;
    this.emit("shared");
  }

  start(): void {
    this.store.on("change", this.onStore);
    this.load();
  }

  close(): void {
    this.store.off("change", this.onStore);
    clearTimeout(this.timer);
  }

  /** An alarm takes the wall (true) or gives it back (false): then the clock decides again. */
  suspend(on: boolean): void {
    if (this.suspended === on) return;
    this.suspended = on;
    this.changed();
  }

  get active(): boolean {
    return this.schedule !== undefined;
  }

  /** An operator put a layout on the wall: hold it for manualHoldMinutes. */
  manualSwitch(): void {
    if (!this.schedule) return;
    this.briefing = null;
    this.hold = { until: this.now() + this.schedule.manualHoldMinutes * 60_000 };
    this.changed();
  }

  pause(minutes: number | undefined): boolean {
    if (!this.schedule) return false;
    this.hold = { until: this.now() + (minutes ?? this.schedule.manualHoldMinutes) * 60_000 };
    this.changed();
    return true;
  }

  resume(): boolean {
    if (!this.schedule) return false;
    this.hold = null;
    this.changed();
    return true;
  }

  /** Next (+1) or previous (−1): the briefing's slide while one runs, else the playlist's item. */
  step(direction: 1 | -1): boolean {
    if (this.briefing) {
      const deck = this.deck(this.briefing.id);
      if (!deck) return false;
      this.briefing = { ...this.briefing, index: Math.max(0, Math.min(deck.slides.length - 1, this.briefing.index + direction)) };
      this.changed();
      return true;
    }
    if (!this.schedule) return false;
    const now = this.now();
    const d = decide(this.schedule, this.crons, now, (s) => this.offsets.get(s) ?? 0);
    const playlist = this.playlistOf(d.ruleId);
    if (!playlist) return false;
    const offset = this.offsets.get(d.source) ?? 0;
    const at = playlistAt(playlist.items, d.ruleId ? Number(d.source.split("@")[1]) : 0, offset, now);
    // Next: to the start of the next item. Previous: to the start of the one before.
    const previousLength = playlist.items[(at.index - 1 + playlist.items.length) % playlist.items.length]!.seconds * 1000;
    const shift = direction === 1 ? at.endsAt - now : -(now - at.startedAt) - previousLength;
    this.offsets.set(d.source, offset + shift);
    this.hold = null;
    this.changed();
    return true;
  }

  startBriefing(id: string): boolean {
    if (!this.deck(id)) return false;
    this.briefing = { id, index: 0 };
    this.changed();
    return true;
  }

  /** To a slide by its position (0-based), for the console's "jump". */
  jump(index: number): boolean {
    const deck = this.briefing && this.deck(this.briefing.id);
    if (!deck || index < 0 || index >= deck.slides.length) return false;
    this.briefing = { ...this.briefing!, index };
    this.changed();
    return true;
  }

  stopBriefing(): boolean {
    if (!this.briefing) return false;
    this.briefing = null;
    this.changed();
    return true;
  }

  status(): ScheduleStatus {
    const now = this.now();
    const deck = this.briefing && this.deck(this.briefing.id);
    const briefing = deck && this.briefing ? { id: deck.id, index: this.briefing.index, count: deck.slides.length, title: deck.title, showPosition: deck.showPosition } : null;
    const decks = (this.schedule?.briefings ?? []).map((b) => ({ id: b.id, title: b.title, count: b.slides.length }));
    if (!this.schedule) return { mode: this.suspended ? "alarm" : briefing ? "briefing" : "manual", next: null, briefing, hold: null, rule: null, decks };
    const d = decide(this.schedule, this.crons, now, (s) => this.offsets.get(s) ?? 0);
    const held = this.hold && this.hold.until > now ? this.hold : null;
    const next = !briefing && d.nextAt !== undefined && d.nextLayoutId ? { layoutId: d.nextLayoutId, at: held ? Math.max(held.until, d.nextAt) : d.nextAt } : null;
    return { mode: this.suspended ? "alarm" : briefing ? "briefing" : held ? "manual" : "schedule", next, briefing, hold: held, rule: d.ruleId ?? null, decks };
  }

  private deck(id: string) {
    return this.schedule?.briefings.find((b) => b.id === id);
  }

  private playlistOf(ruleId: string | undefined) {
    const s = this.schedule!;
    const target = ruleId ? s.rules.find((r) => r.id === ruleId) : s.default;
    return target?.playlist ? s.playlists.find((p) => p.id === target.playlist) : undefined;
  }

  private load(): void {
    const schedule = this.store.schedules;
    this.schedule = schedule;
    this.crons = new Map(schedule ? schedule.rules.map((r) => [r.id, parseCron(r.cron, schedule.timeZone)]) : []);
    this.powerCrons = schedule ? schedule.power.map((p) => parseCron(p.cron, schedule.timeZone)) : [];
    if (this.briefing && !this.deck(this.briefing.id)) this.briefing = null;
    this.log("info", schedule ? "schedule in force" : "no schedule: the wall is manual", schedule ? { rules: schedule.rules.length, playlists: schedule.playlists.length } : undefined);
    this.tick();
  }

  /** The timer's tick: whatever goes wrong is logged and asked again, never the end of the rotation. */
  private safeTick(): void {
    try {
      this.tick();
    } catch (e) {
      this.log("error", "the schedule could not decide; trying again", { error: (e as Error).message });
      this.timer = setTimeout(() => this.safeTick(), 5000);
      this.timer.unref();
    }
  }

  /** Puts on the wall what the rotation says now, and sleeps until it may say something else. */
  private tick(): void {
    clearTimeout(this.timer);
    const now = this.now();
    if (this.hold && this.hold.until <= now) this.hold = null;
    let wake = now + MAX_SLEEP_MS;
    if (this.schedule) {
      const d = decide(this.schedule, this.crons, now, (s) => this.offsets.get(s) ?? 0);
      // A rule that starts a briefing starts it once per window; its end ends it.
      if (d.briefing) {
        const key = `${d.briefing.id}@${d.briefing.ruleStart}`;
        if (this.leading && !this.startedWindows.has(key)) {
          if (this.startedWindows.size > 64) this.startedWindows.clear();
          this.startedWindows.add(key);
          this.briefing = { id: d.briefing.id, index: 0, ruleStart: d.briefing.ruleStart };
          this.hold = null;
          this.share();
        }
      } else if (this.briefing?.ruleStart !== undefined) this.briefing = null;
      if (this.leading && !this.suspended && !this.briefing && !this.hold && d.layoutId && d.layoutId !== this.state.current().layoutId) this.state.switchLayout(d.layoutId);
      if (d.nextAt !== undefined) wake = Math.min(wake, d.nextAt);
      if (this.hold) wake = Math.min(wake, this.hold.until);
    }
    if (this.leading && this.briefing && !this.suspended) {
      const slide = this.deck(this.briefing.id)?.slides[this.briefing.index];
      if (slide && slide !== this.state.current().layoutId) this.state.switchLayout(slide);
    }
    // The wall's power by the clock: dimmed, off (black, cameras stopped) or on until the next entry.
    const power = powerAt(this.schedule?.power ?? [], this.powerCrons, now);
    if (power.state !== this.lastPower) {
      if (this.lastPower !== undefined || power.state !== "on") this.log("info", "wall power", { state: power.state, ...(power.nextAt ? { until: new Date(power.nextAt).toISOString() } : {}) });
      this.lastPower = power.state;
    }
    if (this.leading) this.state.setPower(power.state);
    if (power.nextAt !== undefined) wake = Math.min(wake, power.nextAt + 50);
    if (this.schedule) {
      this.timer = setTimeout(() => this.safeTick(), Math.max(50, wake - now));
      this.timer.unref();
    }
    const status = this.status();
    const key = JSON.stringify(status);
    if (key !== this.lastStatus) {
      this.lastStatus = key;
      this.emit("change", status);
    }
  }
}

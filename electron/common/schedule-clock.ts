import type { Cron } from "croner";
import type { SchedulesFile } from "./schedules-file.js";

/** What the clock puts on the wall now, why, and when that may change. */
export interface ClockDecision {
  /** The layout the clock wants now; undefined when no rule is in force and there is no default. */
  layoutId?: string;
  /** A rule in force that starts a briefing deck (the scheduler starts it once per window). */
  briefing?: { id: string; ruleStart: number };
  /** The rule in force, or undefined for the default. */
  ruleId?: string;
  /** Where the playlist's position counts from (the rule's start; 0 for the default) — steps are kept per source. */
  source: string;
  /** The next time the decision can change (an item ends, a rule starts or ends). */
  nextAt?: number;
  /** What the wall shows then, when the clock knows. */
  nextLayoutId?: string;
}

/** The rule in force: the latest-started one whose window (`minutes`) is still open. */
function ruleInForce(schedule: SchedulesFile, crons: ReadonlyMap<string, Cron>, now: number) {
  let best: { rule: SchedulesFile["rules"][number]; start: number; end: number } | undefined;
  for (const rule of schedule.rules) {
    const start = crons.get(rule.id)?.previousRuns(1, new Date(now + 1))[0]?.getTime();
    if (start === undefined) continue;
    const end = start + rule.minutes * 60_000;
    if (end > now && (!best || start > best.start)) best = { rule, start, end };
  }
  return best;
}

/** The item of a playlist at `now`, counted from `anchor` plus the operator's steps (`offset`, ms). */
export function playlistAt(items: ReadonlyArray<{ layoutId: string; seconds: number }>, anchor: number, offset: number, now: number) {
  const cycle = items.reduce((n, i) => n + i.seconds * 1000, 0);
  const into = (((now - anchor + offset) % cycle) + cycle) % cycle;
  let start = 0;
  for (let i = 0; i < items.length; i++) {
    const length = items[i]!.seconds * 1000;
    if (into < start + length) return { index: i, endsAt: now + (start + length - into), startedAt: now - (into - start), next: items[(i + 1) % items.length]! };
    start += length;
  }
  return { index: 0, endsAt: now + items[0]!.seconds * 1000, startedAt: now, next: items[1 % items.length]! };
}

/**
 * The clock's decision: the latest-started rule still within its minutes wins, else the default.
 * A playlist's position is where it would be now from its start, shifted by the operator's steps,
 * so that after a pause the wall lands where the schedule is, not where it stopped.
 */
export function decide(schedule: SchedulesFile, crons: ReadonlyMap<string, Cron>, now: number, offsetFor: (source: string) => number): ClockDecision {
  const inForce = ruleInForce(schedule, crons, now);
  const nextStart = Math.min(...schedule.rules.map((r) => crons.get(r.id)?.nextRun(new Date(now))?.getTime() ?? Infinity));
  const bound = (t: number | undefined) => Math.min(t ?? Infinity, nextStart, inForce?.end ?? Infinity);
  const target = inForce ? inForce.rule : schedule.default;
  const source = inForce ? `rule:${inForce.rule.id}@${inForce.start}` : "default";
  const base = { ...(inForce ? { ruleId: inForce.rule.id } : {}), source };
  const finite = (t: number) => (Number.isFinite(t) ? { nextAt: t } : {});
  if (!target) return { ...base, ...finite(bound(undefined)) };
  const briefingId = inForce?.rule.briefing;
  if (briefingId !== undefined) return { ...base, briefing: { id: briefingId, ruleStart: inForce!.start }, ...finite(bound(undefined)) };
  if (target.layout) return { ...base, layoutId: target.layout, ...finite(bound(undefined)) };
  const playlist = schedule.playlists.find((p) => p.id === target.playlist);
  if (!playlist) return { ...base, ...finite(bound(undefined)) };
  const at = playlistAt(playlist.items, inForce?.start ?? 0, offsetFor(source), now);
  const nextAt = bound(at.endsAt);
  return { ...base, layoutId: playlist.items[at.index]!.layoutId, ...finite(nextAt), ...(nextAt === at.endsAt ? { nextLayoutId: at.next.layoutId } : {}) };
}

export type PowerState = "on" | "dim" | "off";

/**
 * The wall's power at `now`: the state of the entry whose time came last (on when none has), and
 * when the next entry comes. `crons` are the entries' expressions, in the same order.
 */
export function powerAt(entries: ReadonlyArray<{ state: PowerState }>, crons: readonly Cron[], now: number): { state: PowerState; nextAt?: number } {
  let state: PowerState = "on";
  let last = -Infinity;
  let nextAt: number | undefined;
  entries.forEach((entry, i) => {
    const cron = crons[i]!;
    const previous = cron.previousRuns(1, new Date(now + 1))[0]?.getTime();
    if (previous !== undefined && previous > last) {
      last = previous;
      state = entry.state;
    }
    const next = cron.nextRun(new Date(now))?.getTime();
    if (next !== undefined && (nextAt === undefined || next < nextAt)) nextAt = next;
  });
  return nextAt === undefined ? { state } : { state, nextAt };
}

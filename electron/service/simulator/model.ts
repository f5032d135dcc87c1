import type { FeedValue } from "../../common/feed-protocol.js";
import type { TopicGenerator } from "./generators.js";
import type { Random } from "./random.js";

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Việt Nam keeps UTC+7 all year: its days start at 17:00 UTC. */
const VN_OFFSET = 7 * HOUR;

/**
 * One domain of the simulated province: a seeded state from which every topic of the domain is
 * derived, so that its figures agree (parts sum to totals, a KPI is the last point of its chart).
 */
export interface DomainModel<S = unknown> {
  domain: string;
  /** The state at `now`, with the history its charts show already filled in. */
  start(rng: Random, now: number): S;
  /** The state a moment later: one thing happened (a report came, a figure moved). */
  step(state: S, rng: Random, now: number): S;
  /** Every topic of the domain, derived from the state. */
  topics(state: S, now: number): Record<string, FeedValue>;
}

export function model<S>(m: DomainModel<S>): DomainModel {
  return m as DomainModel;
}

/** Figures that stand alone (no total, no chart of their own): each moves by its own generator. */
export function standalone(domain: string, generators: TopicGenerator[]): DomainModel {
  return model<Record<string, FeedValue>>({
    domain,
    start: (rng, now) => Object.fromEntries(generators.map((g) => [g.topic, g.initial(rng, now)])),
    step: (state, rng, now) => {
      const g = rng.pick(generators);
      return { ...state, [g.topic]: g.step(state[g.topic]!, rng, now) };
    },
    topics: (state) => state,
  });
}

/** Midnight in Việt Nam of the day holding `t`. */
export function dayStart(t: number): number {
  return Math.floor((t + VN_OFFSET) / DAY) * DAY - VN_OFFSET;
}

/** Midnight of the first day of the month holding `t`, in Việt Nam's time. */
export function monthStart(t: number): number {
  const local = new Date(t + VN_OFFSET);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - VN_OFFSET;
}

/** Midnight of the first of January of the year holding `t`, in Việt Nam's time. */
export function yearStart(t: number): number {
  return Date.UTC(new Date(t + VN_OFFSET).getUTCFullYear(), 0, 1) - VN_OFFSET;
}

/**
 * The starts of the `count` periods of `months` months (1 a month, 3 a quarter) up to the one
 * holding `now`, in Việt Nam's time.
 */
export function periodStarts(now: number, count: number, months: 1 | 3): number[] {
  const local = new Date(now + VN_OFFSET);
  const k = Math.floor((local.getUTCFullYear() * 12 + local.getUTCMonth()) / months);
  return Array.from({ length: count }, (_, i) => {
    const m = (k - (count - 1 - i)) * months;
    return Date.UTC(Math.floor(m / 12), m % 12, 1) - VN_OFFSET;
  });
}

/** The start of the interval holding `t` (intervals of a day start at Vietnamese midnight). */
export function bucketOf(t: number, interval: number): number {
  return interval >= DAY ? dayStart(t) : Math.floor(t / interval) * interval;
}

export type Points = Array<[number, number]>;

/** `count` points, one per interval, the last in the interval holding `now`. */
export function backfill(now: number, count: number, interval: number, valueAt: (t: number) => number): Points {
  const last = bucketOf(now, interval);
  // Việt Nam has no daylight saving: days are exactly DAY apart.
  return Array.from({ length: count }, (_, i): [number, number] => {
    const t = last - (count - 1 - i) * interval;
    return [t, valueAt(t)];
  });
}

/**
 * A chart's points moved on to `now`: the point of the current interval takes `value` (given the
 * point's value so far, or undefined for a new interval); a new interval drops the oldest point.
 */
export function rollPoints(points: Points, now: number, interval: number, value: (sofar: number | undefined) => number): Points {
  return rollAt(points, bucketOf(now, interval), value);
}

/** `rollPoints` for periods of uneven length (months, quarters): `bucket` is the current one's start. */
export function rollAt(points: Points, bucket: number, value: (sofar: number | undefined) => number): Points {
  const last = points.at(-1);
  if (last && last[0] >= bucket) return [...points.slice(0, -1), [last[0], value(last[1])]];
  return [...points.slice(1), [bucket, value(undefined)]];
}

/** The sum of the points from `from` on. */
export function sumSince(points: Points, from: number): number {
  return points.reduce((sum, [t, v]) => (t >= from ? sum + v : sum), 0);
}

/** Splits a whole number by shares so that the parts add up to it exactly (largest remainders). */
export function apportion(total: number, shares: readonly number[]): number[] {
  const whole = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((s) => (total * s) / whole);
  const parts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  const left = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) parts[order[k]![1]]! += 1;
  return parts;
}

/** An index drawn with the given weights (what kind a new event is). */
export function drawIndex(rng: Random, weights: readonly number[]): number {
  let r = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i;
  return weights.length - 1;
}

/** Counts of today by kind, or zeros once the day they were counted on is over. */
export function ofToday(counts: readonly number[], day: number, now: number): number[] {
  return dayStart(now) === day ? counts.slice() : counts.map(() => 0);
}

/** The sum of the points since Vietnamese midnight (a count per hour makes today's total). */
export function sumToday(points: Points, now: number): number {
  return sumSince(points, dayStart(now));
}

/** How busy an office is at `t` (Vietnamese hours), 0 to 1: mornings and afternoons, not nights. */
export function officeLoad(t: number): number {
  const h = new Date(t + VN_OFFSET).getUTCHours();
  if (h >= 7 && h < 11) return 1;
  if (h >= 13 && h < 17) return 0.9;
  if (h >= 11 && h < 13) return 0.4;
  if (h >= 17 && h < 21) return 0.2;
  return 0.03;
}

/** How many things happen in a span where `mean` are expected (Poisson; normal beyond a mean of 30). */
export function poisson(rng: Random, mean: number): number {
  if (mean > 30) {
    const gauss = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss));
  }
  const limit = Math.exp(-mean);
  let n = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) n++;
  return n;
}

/** Counts per interval that follow an office day, `perHour` at its busiest (the history of a count). */
export function officeCounts(rng: Random, now: number, count: number, interval: number, perHour: number): Points {
  // The current interval holds only what has happened so far.
  return backfill(now, count, interval, (t) => poisson(rng, (perHour * officeLoad(t + interval / 2) * Math.min(interval, now - t)) / HOUR));
}

/** Counts per interval brought up to `now`: intervals that began since the last step hold nothing yet. */
export function upTo(points: Points, now: number, interval = HOUR): Points {
  return rollPoints(points, now, interval, (n) => n ?? 0);
}

/** How many are expected since the last step at `perHour` (a rate already weighted by the hour). */
export function expectedSince(perHour: number, since: number, now: number): number {
  return (perHour * Math.max(0, now - since)) / HOUR;
}

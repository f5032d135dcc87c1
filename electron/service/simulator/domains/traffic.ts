import type { EventItem } from "../../../common/feed-protocol.js";
import { socTrangDistricts } from "../../../common/geo/soc-trang-districts.js";
import { HOUR, dayStart, model, officeCounts, officeLoad, poisson, rollPoints, sumToday, upTo, type Points, expectedSince } from "../model.js";
import { round, type Random } from "../random.js";

/** What the AI cameras recognise, by key (the breakdown's items and the events' category). */
export const AI_EVENT_KINDS = [
  ["wrong-way", "Đi ngược chiều"],
  ["red-light", "Vượt đèn đỏ"],
  ["no-helmet", "Không đội mũ bảo hiểm"],
  ["stopped", "Dừng, đỗ sai quy định"],
  ["crowd", "Tụ tập đông người"],
  ["smoke", "Khói, lửa"],
] as const;
const VEHICLES_PER_HOUR = 5_400;
const ROADS = [
  ["ql1a", "Quốc lộ 1A"],
  ["ql60", "Quốc lộ 60"],
  ["nsh", "Quốc lộ Nam Sông Hậu"],
  ["ql61b", "Quốc lộ 61B"],
  ["dt932", "Đường tỉnh 932"],
] as const;

interface TrafficState {
  at: number;
  /** The day the counts are of: they start again at midnight. */
  day: number;
  /** Vehicles counted by the AI cameras per hour, over 24 hours. */
  vehicles: Points;
  /** AI events today by kind, and the latest ones (each counted once above). */
  byKind: number[];
  recent: EventItem[];
  /** Average speed per road (km/h): below 25 the road is congested. */
  speeds: number[];
}

function aiEvent(rng: Random, now: number, kind: number): EventItem {
  const { name, lat, lon } = rng.pick(socTrangDistricts);
  const [category, title] = AI_EVENT_KINDS[kind]!;
  return { id: `AI-${Math.floor(rng.next() * 1e9).toString(36).toUpperCase()}`, ts: now, title: `${title} – ${name}`, district: name, category, status: "received", priority: category === "smoke" ? "high" : "normal", lat: round(lat + rng.range(-0.02, 0.02), 5), lon: round(lon + rng.range(-0.02, 0.02), 5) };
}

/**
 * Traffic and AI camera events: today's vehicles are today's hours on the chart; the events by
 * kind add up to today's total, the list shows the latest of them; roads slow down at rush hours.
 */
export const traffic = model<TrafficState>({
  domain: "traffic",
  start: (rng, now) => {
    const byKind = AI_EVENT_KINDS.map(() => rng.int(2, 40));
    const recent = Array.from({ length: 10 }, (_, i) => aiEvent(rng, now - (i + 1) * 9 * 60_000, rng.int(0, AI_EVENT_KINDS.length - 1)));
    for (const e of recent) byKind[AI_EVENT_KINDS.findIndex(([k]) => k === e.category)]! += 1;
    return { at: now, day: dayStart(now), vehicles: officeCounts(rng, now, 24, HOUR, VEHICLES_PER_HOUR), byKind, recent, speeds: ROADS.map(() => round(rng.range(28, 55), 0)) };
  },
  step: (state, rng, now) => {
    const passed = poisson(rng, expectedSince(VEHICLES_PER_HOUR * Math.max(0.15, officeLoad(now)), state.at, now));
    const spotted = rng.next() < 0.08;
    const kind = rng.int(0, AI_EVENT_KINDS.length - 1);
    const r = rng.int(0, ROADS.length - 1);
    const day = dayStart(now);
    const counted = day === state.day ? state.byKind : state.byKind.map(() => 0);
    return {
      at: now,
      day,
      vehicles: rollPoints(state.vehicles, now, HOUR, (n) => (n ?? 0) + passed),
      byKind: spotted ? counted.map((n, i) => (i === kind ? n + 1 : n)) : counted,
      recent: spotted ? [aiEvent(rng, now, kind), ...state.recent].slice(0, 30) : state.recent,
      speeds: state.speeds.map((v, i) => (i === r ? round(Math.min(70, Math.max(8, v + rng.range(-2, 2) - (officeLoad(now) > 0.8 ? 0.4 : -0.4))), 0) : v)),
    };
  },
  topics: (state, now) => {
    const byKind = dayStart(now) === state.day ? state.byKind : state.byKind.map(() => 0);
    return {
    "traffic.vehicles.today": { kind: "number", unit: "lượt xe", value: sumToday(upTo(state.vehicles, now), now) },
    "traffic.vehicles.trend": { kind: "series", unit: "lượt xe/giờ", series: [{ name: "Lượt xe qua camera AI", points: upTo(state.vehicles, now) }] },
    "traffic.ai_events.today": { kind: "number", unit: "sự kiện", value: byKind.reduce((a, b) => a + b, 0) },
    "traffic.ai_events.by_kind": { kind: "breakdown", unit: "sự kiện", items: AI_EVENT_KINDS.map(([key, label], i) => ({ key, label, value: byKind[i]! })) },
    "traffic.ai_events": { kind: "events", items: state.recent },
    "traffic.roads.status": { kind: "status", items: ROADS.map(([id, label], i) => ({ id, label: `${label} · ${state.speeds[i]} km/h`, up: state.speeds[i]! >= 25 })) },
    };
  },
});

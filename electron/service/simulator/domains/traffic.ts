import type { EventItem } from "../../../common/feed-protocol.js";
import { socTrangDistricts } from "../../../common/geo/soc-trang-districts.js";
import { HOUR, apportion, dayStart, drawIndex, model, ofToday, officeCounts, officeLoad, poisson, rollPoints, sumToday, upTo, type Points, expectedSince } from "../model.js";
import { districtItems } from "../soc-trang.js";
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
/** How often each kind is seen (wrong-way riders and missing helmets most, smoke least). */
const AI_KIND_SHARES = [0.24, 0.2, 0.27, 0.17, 0.08, 0.04];
/** AI camera events an hour at the busiest hours. */
const AI_EVENTS_PER_HOUR = 48;
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
  /** AI events per hour over 24 hours; today's by kind and by district; the latest ones. */
  events: Points;
  byKind: number[];
  byDistrict: number[];
  recent: EventItem[];
  /** Average speed per road (km/h): under 30 traffic is slow, well under it congested. */
  speeds: number[];
}

/** An AI camera event of the given kind (its index in AI_EVENT_KINDS), on a road of a district. */
function aiEvent(rng: Random, now: number, kind: number): EventItem {
  const { name, lat, lon } = rng.pick(socTrangDistricts);
  const [key, title] = AI_EVENT_KINDS[kind]!;
  return {
    id: `AI-${Math.floor(rng.next() * 1e9).toString(36).toUpperCase()}`,
    ts: now,
    title: `${title} – ${rng.pick(ROADS)[1]}`,
    district: name,
    category: title,
    status: "received",
    priority: key === "smoke" ? "high" : "normal",
    lat: round(lat + rng.range(-0.02, 0.02), 5),
    lon: round(lon + rng.range(-0.02, 0.02), 5),
  };
}

/**
 * Traffic and AI camera events: today's vehicles are today's hours on the chart; the events by
 * kind add up to today's total, the list shows the latest of them; roads slow down at rush hours.
 */
export const traffic = model<TrafficState>({
  domain: "traffic",
  start: (rng, now) => {
    const events = officeCounts(rng, now, 24, HOUR, AI_EVENTS_PER_HOUR);
    const today = sumToday(events, now);
    const recent = Array.from({ length: 10 }, (_, i) => aiEvent(rng, now - (i + 1) * 9 * 60_000, drawIndex(rng, AI_KIND_SHARES)));
    return {
      at: now,
      day: dayStart(now),
      vehicles: officeCounts(rng, now, 24, HOUR, VEHICLES_PER_HOUR),
      events,
      byKind: apportion(today, AI_KIND_SHARES),
      byDistrict: apportion(today, socTrangDistricts.map(() => rng.range(0.5, 1.5))),
      recent,
      speeds: ROADS.map(() => round(rng.range(28, 55), 0)),
    };
  },
  step: (state, rng, now) => {
    const load = Math.max(0.15, officeLoad(now));
    const passed = poisson(rng, expectedSince(VEHICLES_PER_HOUR * load, state.at, now));
    const spotted = poisson(rng, expectedSince(AI_EVENTS_PER_HOUR * load, state.at, now));
    const byKind = ofToday(state.byKind, state.day, now);
    const byDistrict = ofToday(state.byDistrict, state.day, now);
    const seen: EventItem[] = [];
    for (let i = 0; i < spotted; i++) {
      const kind = drawIndex(rng, AI_KIND_SHARES);
      const event = aiEvent(rng, now, kind);
      byKind[kind]! += 1;
      byDistrict[socTrangDistricts.findIndex((d) => d.name === event.district)]! += 1;
      seen.push(event);
    }
    const r = rng.int(0, ROADS.length - 1);
    return {
      at: now,
      day: dayStart(now),
      vehicles: rollPoints(state.vehicles, now, HOUR, (n) => (n ?? 0) + passed),
      events: rollPoints(state.events, now, HOUR, (n) => (n ?? 0) + spotted),
      byKind,
      byDistrict,
      // The list keeps the latest 30.
      recent: seen.length > 0 ? [...seen.slice(-30).reverse(), ...state.recent].slice(0, 30) : state.recent,
      speeds: state.speeds.map((v, i) => (i === r ? round(Math.min(70, Math.max(8, v + rng.range(-2, 2) - (officeLoad(now) > 0.8 ? 0.4 : -0.4))), 0) : v)),
    };
  },
  topics: (state, now) => {
    const byKind = ofToday(state.byKind, state.day, now);
    return {
    "traffic.vehicles.today": { kind: "number", unit: "lượt xe", value: sumToday(upTo(state.vehicles, now), now) },
    "traffic.vehicles.trend": { kind: "series", unit: "lượt xe/giờ", series: [{ name: "Lượt xe qua camera AI", points: upTo(state.vehicles, now) }] },
    "traffic.ai_events.today": { kind: "number", unit: "sự kiện", value: byKind.reduce((a, b) => a + b, 0) },
    "traffic.ai_events.trend": { kind: "series", unit: "sự kiện/giờ", series: [{ name: "Sự kiện camera AI", points: upTo(state.events, now) }] },
    "traffic.ai_events.by_district": { kind: "breakdown", unit: "sự kiện", items: districtItems(ofToday(state.byDistrict, state.day, now)) },
    "traffic.ai_events.by_kind": { kind: "breakdown", unit: "sự kiện", items: AI_EVENT_KINDS.map(([key, label], i) => ({ key, label, value: byKind[i]! })) },
    "traffic.ai_events": { kind: "events", items: state.recent },
    "traffic.roads.speed": { kind: "breakdown", unit: "km/h", items: ROADS.map(([key, label], i) => ({ key, label, value: state.speeds[i]! })) },
    };
  },
});

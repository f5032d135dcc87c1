import { gaugeTopic } from "../generators.js";
import { HOUR, model, officeCounts, officeLoad, poisson, rollPoints, sumToday, upTo, type Points, expectedSince } from "../model.js";
import { round, type Random } from "../random.js";
import { departments } from "../soc-trang.js";
import type { FeedValue } from "../../../common/feed-protocol.js";

/** Dossiers an hour at the busiest, across the province's one-stop shops. */
const RECEIVED_PER_HOUR = 140;

interface AdminState {
  at: number;
  /** Per department: dossiers this year (the weight of its rate) and the share settled on time (%). */
  volume: number[];
  ontime: number[];
  /** Received and settled per hour over the last 24 hours. */
  received: Points;
  settled: Points;
  late: number;
  online: FeedValue;
}

const online = gaugeTopic("admin.dossiers.online_rate", { unit: "%", start: 64.8, min: 50, max: 90, step: 0.3, decimals: 1, target: 70 });

/**
 * Public administrative services: the province's on-time rate is the departments' rates weighted
 * by their dossiers; today's received count is the sum of today's hours on the chart.
 */
export const admin = model<AdminState>({
  domain: "admin",
  start: (rng: Random, now: number) => ({
    at: now,
    volume: departments.map(() => rng.int(800, 9_000)),
    // Most departments meet the 95 % target; a few lag, as the ranking shows.
    ontime: departments.map((_, i) => round(i % 4 === 3 ? rng.range(86, 94) : rng.range(95, 99.8), 1)),
    received: officeCounts(rng, now, 24, HOUR, RECEIVED_PER_HOUR),
    settled: officeCounts(rng, now, 24, HOUR, RECEIVED_PER_HOUR * 0.9),
    late: rng.int(20, 45),
    online: online.initial(rng, now),
  }),
  step: (state, rng, now) => {
    const mean = expectedSince(RECEIVED_PER_HOUR * officeLoad(now), state.at, now);
    const came = poisson(rng, mean);
    const done = poisson(rng, mean * 0.9);
    const i = rng.int(0, departments.length - 1);
    const late = state.late + (done > 0 && rng.next() < 0.04 ? 1 : 0);
    return {
      at: now,
      volume: state.volume.map((v, j) => (j === i ? v + came : v)),
      ontime: state.ontime.map((v, j) => (j === i ? round(Math.min(100, Math.max(80, v + rng.range(-0.3, 0.3))), 1) : v)),
      received: rollPoints(state.received, now, HOUR, (n) => (n ?? 0) + came),
      settled: rollPoints(state.settled, now, HOUR, (n) => (n ?? 0) + done),
      late,
      online: rng.next() < 0.2 ? online.step(state.online, rng, now) : state.online,
    };
  },
  topics: (state, now) => {
    const weight = state.volume.reduce((a, b) => a + b, 0);
    return {
      "admin.dossiers.by_department": { kind: "breakdown", unit: "%", items: departments.map((label, i) => ({ key: `k${i + 1}`, label, value: state.ontime[i]! })) },
      "admin.dossiers.ontime_rate": { kind: "number", unit: "%", target: 95, value: round(state.ontime.reduce((sum, r, i) => sum + r * state.volume[i]!, 0) / weight, 1) },
      "admin.dossiers.received": { kind: "number", unit: "hồ sơ", value: sumToday(upTo(state.received, now), now) },
      "admin.dossiers.late": { kind: "number", unit: "hồ sơ", value: state.late },
      "admin.dossiers.online_rate": state.online,
      "admin.dossiers.trend": {
        kind: "series",
        unit: "hồ sơ/giờ",
        series: [
          { name: "Tiếp nhận", points: upTo(state.received, now) },
          { name: "Giải quyết", points: upTo(state.settled, now) },
        ],
      },
    };
  },
});

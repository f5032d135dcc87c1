import { gaugeTopic } from "../generators.js";
import { HOUR, model, officeCounts, officeLoad, poisson, rollPoints, sumToday, upTo, type Points, expectedSince } from "../model.js";
import { round, type Random } from "../random.js";
import { hospitals } from "../soc-trang.js";
import type { FeedValue } from "../../../common/feed-protocol.js";

const VISITS_PER_HOUR = 420;

interface HealthState {
  at: number;
  /** Per hospital: planned beds and patients in them. */
  beds: number[];
  occupied: number[];
  /** Outpatient visits and admissions per hour over the last 24 hours. */
  visits: Points;
  admissions: Points;
  vaccination: FeedValue;
}

const vaccination = gaugeTopic("health.vaccination.rate", { unit: "%", start: 93.5, min: 88, max: 99, step: 0.2, decimals: 1, target: 95 });

/**
 * Health: the province's bed occupancy and inpatients are the hospitals' beds added up; today's
 * visits are the sum of today's hours on the chart.
 */
export const health = model<HealthState>({
  domain: "health",
  start: (rng: Random, now: number) => {
    const beds = hospitals.map((_, i) => (i === 0 ? 1_000 : rng.int(12, 40) * 10));
    return {
      at: now,
      beds,
      occupied: beds.map((b) => Math.round(b * rng.range(0.62, 1.05))),
      visits: officeCounts(rng, now, 24, HOUR, VISITS_PER_HOUR),
      admissions: officeCounts(rng, now, 24, HOUR, VISITS_PER_HOUR * 0.08),
      vaccination: vaccination.initial(rng, now),
    };
  },
  step: (state, rng, now) => {
    const mean = expectedSince(VISITS_PER_HOUR * officeLoad(now), state.at, now);
    const visits = poisson(rng, mean);
    const admitted = poisson(rng, mean * 0.08 + 0.05);
    const i = rng.int(0, hospitals.length - 1);
    // Admissions fill a hospital's beds; discharges free them, about as often.
    const discharged = rng.next() < 0.5 ? 1 : 0;
    return {
      at: now,
      beds: state.beds,
      occupied: state.occupied.map((n, j) => (j === i ? Math.max(0, Math.min(Math.round(state.beds[j]! * 1.15), n + admitted - discharged)) : n)),
      visits: rollPoints(state.visits, now, HOUR, (n) => (n ?? 0) + visits),
      admissions: rollPoints(state.admissions, now, HOUR, (n) => (n ?? 0) + admitted),
      vaccination: rng.next() < 0.1 ? vaccination.step(state.vaccination, rng, now) : state.vaccination,
    };
  },
  topics: (state, now) => {
    const beds = state.beds.reduce((a, b) => a + b, 0);
    const occupied = state.occupied.reduce((a, b) => a + b, 0);
    return {
      "health.beds.occupancy": { kind: "number", unit: "%", target: 85, value: round((100 * occupied) / beds, 1) },
      "health.patients.inpatients": { kind: "number", unit: "người", value: occupied },
      "health.beds.by_hospital": { kind: "breakdown", unit: "%", items: hospitals.map((label, i) => ({ key: `k${i + 1}`, label, value: Math.round((100 * state.occupied[i]!) / state.beds[i]!) })) },
      "health.visits.today": { kind: "number", unit: "lượt", value: sumToday(upTo(state.visits, now), now) },
      "health.visits.trend": {
        kind: "series",
        unit: "lượt/giờ",
        series: [
          { name: "Khám ngoại trú", points: upTo(state.visits, now) },
          { name: "Nhập viện", points: upTo(state.admissions, now) },
        ],
      },
      "health.vaccination.rate": state.vaccination,
    };
  },
});

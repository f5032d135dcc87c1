import { gaugeTopic, statusTopic } from "../generators.js";
import { HOUR, backfill, model, rollPoints, type Points } from "../model.js";
import { round, type Random } from "../random.js";
import { salinityStationPlaces, salinityStations } from "../soc-trang.js";
import type { FeedValue } from "../../../common/feed-protocol.js";

/** The chart follows three stations along the estuary, from the river mouth inland. */
export const TRACKED_STATIONS = ["Đại Ngãi", "Trần Đề", "Vĩnh Châu"] as const;
const TIDE_MS = 12.42 * HOUR;
const TREND_POINTS = 48;
const TREND_INTERVAL = HOUR / 2;

interface Station {
  name: (typeof salinityStations)[number];
  /** The mean level (‰), drifting slowly; the tide swings around it. */
  base: number;
  amplitude: number;
  phase: number;
}

interface EnvironmentState {
  stations: Station[];
  trend: Points[];
  air: FeedValue;
  water: FeedValue;
}

const aqi = gaugeTopic("environment.air.aqi", { unit: "AQI", start: 58, min: 18, max: 160, step: 3, decimals: 0 });
const water = statusTopic("environment.water.stations", salinityStations.map((s, i) => [`tram-${i + 1}`, `Trạm quan trắc ${s}`] as const), 0.05);

/** A station's salinity at `t`: the semi-diurnal tide around its mean; never below fresh water's 0.1 ‰. */
export function salinityAt(s: Station, t: number): number {
  return round(Math.max(0.1, s.base + s.amplitude * Math.sin((2 * Math.PI * t) / TIDE_MS + s.phase)), 1);
}

/**
 * Salinity intrusion along the Hậu river and the coast: every station follows the tide around a
 * slowly drifting mean (higher near the sea). The stations' breakdown, the highest reading and the
 * 24-hour chart are all read from the same stations.
 */
export const environment = model<EnvironmentState>({
  domain: "environment",
  start: (rng: Random, now: number) => {
    const stations = salinityStations.map((name, i): Station => ({ name, base: rng.range(1.2, 4.2) + (i % 3) * 0.6, amplitude: rng.range(0.6, 1.6), phase: rng.range(0, 2 * Math.PI) }));
    const trend = TRACKED_STATIONS.map((n) => {
      const station = stations.find((s) => s.name === n)!;
      return rollPoints(backfill(now, TREND_POINTS, TREND_INTERVAL, (t) => salinityAt(station, t)), now, TREND_INTERVAL, () => salinityAt(station, now));
    });
    return { stations, trend, air: aqi.initial(rng, now), water: water.initial(rng, now) };
  },
  step: (state, rng, now) => {
    const roll = rng.next();
    const air = roll < 0.1 ? aqi.step(state.air, rng, now) : state.air;
    const waterNow = roll >= 0.1 && roll < 0.15 ? water.step(state.water, rng, now) : state.water;
    const i = roll >= 0.15 ? rng.int(0, state.stations.length - 1) : -1;
    const stations = state.stations.map((s, j) => (j === i ? { ...s, base: Math.min(6, Math.max(0.5, s.base + rng.range(-0.05, 0.05))) } : s));
    // The chart's last point is always the station's reading now.
    const trend = TRACKED_STATIONS.map((n, k) => rollPoints(state.trend[k]!, now, TREND_INTERVAL, () => salinityAt(stations.find((s) => s.name === n)!, now)));
    return { stations, trend, air, water: waterNow };
  },
  topics: (state, now) => {
    const readings = state.stations.map((s, i) => ({ key: `k${i + 1}`, label: s.name, value: salinityAt(s, now), ...salinityStationPlaces[s.name] }));
    return {
      "environment.salinity.stations": { kind: "breakdown", unit: "‰", items: readings },
      "environment.salinity.max": { kind: "number", unit: "‰", target: 4, value: Math.max(...readings.map((r) => r.value)) },
      // Read at `now`: the last point is the station's reading even between steps.
      "environment.salinity.trend": {
        kind: "series",
        unit: "‰",
        series: TRACKED_STATIONS.map((name, k) => ({ name, points: rollPoints(state.trend[k]!, now, TREND_INTERVAL, () => readings.find((r) => r.label === name)!.value) })),
      },
      "environment.air.aqi": state.air,
      "environment.water.stations": state.water,
    };
  },
});

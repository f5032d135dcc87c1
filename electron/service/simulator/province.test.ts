import { describe, expect, it } from "vitest";
import type { FeedValue } from "../../common/feed-protocol.js";
import { feedUpdateSchema } from "../../common/feed-protocol.js";
import { FeedHub } from "../feed/feed-hub.js";
import { silentLogger } from "../log.js";
import { CAMERAS_TOTAL } from "./domains/cameras.js";
import { TRACKED_STATIONS } from "./domains/environment.js";
import { monthStart } from "./domains/tourism.js";
import { DAY, HOUR, dayStart, sumToday } from "./model.js";
import { Simulator } from "./simulator.js";

type Series = Extract<FeedValue, { kind: "series" }>;
type Breakdown = Extract<FeedValue, { kind: "breakdown" }>;

/** A simulated province driven through a day and a half of its own time, checked at every stop. */
function* province(seed: number): Generator<{ now: number; v: (topic: string) => FeedValue }> {
  // 2026-11-30 16:10 UTC: 23:10 in Sóc Trăng, so the run crosses midnight and a month's end.
  let now = Date.UTC(2026, 10, 30, 16, 10);
  const sim = new Simulator(new FeedHub(() => now), { seed, rate: 20, now: () => now }, silentLogger);
  sim.start();
  for (let stop = 0; stop < 40; stop++) {
    sim.refresh();
    const values = sim.current();
    yield { now, v: (topic) => values.get(topic) ?? expect.fail(`no topic ${topic}`) };
    for (let i = 0; i < 200; i++) {
      now += 7_000;
      sim.advance(1);
    }
  }
  sim.stop();
}

const num = (v: FeedValue) => (v.kind === "number" ? v.value : expect.fail(`not a number: ${v.kind}`));
const series = (v: FeedValue) => (v.kind === "series" ? v : expect.fail(`not a series: ${v.kind}`)) as Series;
const breakdown = (v: FeedValue) => (v.kind === "breakdown" ? v : expect.fail(`not a breakdown: ${v.kind}`)) as Breakdown;
const sum = (b: Breakdown) => b.items.reduce((a, i) => a + i.value, 0);
const line = (s: Series, name: string) => s.series.find((l) => l.name === name)?.points ?? expect.fail(`no line ${name}`);

/** A chart holds the history its title names, one point per interval, the last one now's. */
function expectHistory(s: Series, count: number, interval: number, now: number) {
  for (const l of s.series) {
    expect(l.points, l.name).toHaveLength(count);
    l.points.forEach(([t], i) => i > 0 && expect(t - l.points[i - 1]![0], l.name).toBe(interval));
    const last = l.points.at(-1)![0];
    expect(last).toBeLessThanOrEqual(now);
    expect(now - last).toBeLessThan(interval);
  }
}

describe("the simulated province", () => {
  it("publishes only valid updates, every topic of ten domains", () => {
    for (const { v } of province(3)) {
      for (const topic of ["health.beds.occupancy", "feedback.events", "environment.salinity.trend", "cameras.by_district"]) {
        expect(feedUpdateSchema.safeParse({ topic, seq: 1, ts: 0, value: v(topic) }).success, topic).toBe(true);
      }
    }
  });

  it("agrees with itself at every moment: parts sum to totals, a KPI is the last point of its chart, charts hold their named history", () => {
    for (const { now, v } of province(7)) {
      // Citizen feedback: one count by status, one by district, and the KPIs read from them.
      const byStatus = breakdown(v("feedback.by_status"));
      const total = sum(byStatus);
      expect(sum(breakdown(v("feedback.by_district")))).toBe(total);
      expect(num(v("feedback.overdue"))).toBe(byStatus.items.find((i) => i.key === "overdue")!.value);
      expect(num(v("feedback.resolved_rate"))).toBeCloseTo((100 * byStatus.items.find((i) => i.key === "resolved")!.value) / total, 1);

      // Cameras: online and offline make the estate; the districts add up to it.
      expect(num(v("cameras.online")) + num(v("cameras.offline"))).toBe(CAMERAS_TOTAL);
      expect(sum(breakdown(v("cameras.by_district")))).toBe(CAMERAS_TOTAL);

      // Salinity: the highest reading is a station's; the chart's lines end at their stations' readings.
      const stations = breakdown(v("environment.salinity.stations"));
      expect(num(v("environment.salinity.max"))).toBe(Math.max(...stations.items.map((i) => i.value)));
      const trend = series(v("environment.salinity.trend"));
      expectHistory(trend, 48, HOUR / 2, now);
      for (const name of TRACKED_STATIONS) expect(line(trend, name).at(-1)![1], name).toBe(stations.items.find((i) => i.label === name)!.value);

      // Economy: GRDP is the chart's last quarter; the plan's first rows are revenue and exports over their targets.
      const grdp = series(v("economy.grdp.trend"));
      expect(grdp.series[0]!.points).toHaveLength(12);
      expect(num(v("economy.grdp.growth"))).toBe(grdp.series[0]!.points.at(-1)![1]);
      const budget = v("economy.budget.revenue");
      const plan = breakdown(v("economy.indicators.plan"));
      expect(plan.items[0]!.value).toBeCloseTo((100 * num(budget)) / (budget.kind === "number" ? budget.target! : 1), 1);

      // Counts of today are the sum of today's hours on their charts.
      const admin = series(v("admin.dossiers.trend"));
      expectHistory(admin, 24, HOUR, now);
      expect(num(v("admin.dossiers.received"))).toBe(sumToday(line(admin, "Tiếp nhận"), now));
      const health = series(v("health.visits.trend"));
      expectHistory(health, 24, HOUR, now);
      expect(num(v("health.visits.today"))).toBe(sumToday(line(health, "Khám ngoại trú"), now));
      const portal = series(v("portal.visits.trend"));
      expectHistory(portal, 24, HOUR, now);
      expect(num(v("portal.visits.today"))).toBe(sumToday(line(portal, "Truy cập"), now));

      // The province's on-time rate lies among its departments' (it is their weighted mean).
      const departments = breakdown(v("admin.dossiers.by_department")).items.map((i) => i.value);
      expect(num(v("admin.dossiers.ontime_rate"))).toBeGreaterThanOrEqual(Math.min(...departments) - 0.05);
      expect(num(v("admin.dossiers.ontime_rate"))).toBeLessThanOrEqual(Math.max(...departments) + 0.05);

      // Tourism: the month's visitors are this month's days on the chart, split by site.
      const tourism = series(v("tourism.visitors.trend"));
      expectHistory(tourism, 30, DAY, now);
      const month = tourism.series.flatMap((l) => l.points).reduce((a, [t, n]) => (t >= monthStart(now) ? a + n : a), 0);
      expect(num(v("tourism.visitors.month"))).toBe(month);
      expect(sum(breakdown(v("tourism.visitors.by_site")))).toBe(month);
      // Today's visitors are in the month's (the chart's last day is today's).
      expect(month).toBeGreaterThanOrEqual(tourism.series.reduce((n, l) => n + l.points.at(-1)![1], 0));

      // The domains announced next: rice areas by district add up; the price is its chart's last day;
      // today's vehicles, AI events and blocked attacks add up the same way.
      expect(num(v("agriculture.rice.sown"))).toBe(sum(breakdown(v("agriculture.rice.sown_by_district"))));
      expect(num(v("agriculture.salinity.area_at_risk"))).toBe(sum(breakdown(v("agriculture.salinity.at_risk_by_district"))));
      const price = series(v("agriculture.rice.price_trend"));
      expectHistory(price, 30, DAY, now);
      expect(num(v("agriculture.rice.price"))).toBe(price.series[0]!.points.at(-1)![1]);
      const vehicles = series(v("traffic.vehicles.trend"));
      expectHistory(vehicles, 24, HOUR, now);
      expect(num(v("traffic.vehicles.today"))).toBe(sumToday(vehicles.series[0]!.points, now));
      expect(num(v("traffic.ai_events.today"))).toBe(sum(breakdown(v("traffic.ai_events.by_kind"))));
      const attacks = series(v("security.attacks.trend"));
      expectHistory(attacks, 24, HOUR, now);
      expect(num(v("security.attacks.today"))).toBe(sum(breakdown(v("security.attacks.by_kind"))));
      expect(num(v("security.attacks.today"))).toBe(sumToday(attacks.series[0]!.points, now));
    }
  });

  it("moves figures at the cadence they change: GRDP stays put through the day; a day's count restarts at midnight", () => {
    const seen = { grdp: new Set<number>(), admin: [] as Array<[number, number]> };
    for (const { now, v } of province(11)) {
      seen.grdp.add(num(v("economy.grdp.growth")));
      seen.admin.push([now, num(v("admin.dossiers.received"))]);
    }
    expect(seen.grdp.size).toBe(1);
    // Counts only grow within a day, and fall back at midnight.
    const drops = seen.admin.filter(([t, n], i) => i > 0 && n < seen.admin[i - 1]![1] && dayStart(t) === dayStart(seen.admin[i - 1]![0]));
    expect(drops).toEqual([]);
    expect(seen.admin.some(([t], i) => i > 0 && dayStart(t) !== dayStart(seen.admin[i - 1]![0]))).toBe(true);
  });
});

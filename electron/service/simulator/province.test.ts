import { describe, expect, it } from "vitest";
import type { FeedValue } from "../../common/feed-protocol.js";
import { feedUpdateSchema } from "../../common/feed-protocol.js";
import { FeedHub } from "../feed/feed-hub.js";
import { silentLogger } from "../log.js";
import { CAMERAS_TOTAL } from "./domains/cameras.js";
import { TRACKED_STATIONS } from "./domains/environment.js";
import { HOUSEHOLDS } from "./domains/social.js";
import { DAY, HOUR, dayStart, monthStart, sumSince, sumToday, yearStart } from "./model.js";
import { simulatedTopics } from "./domains.js";
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
  it("publishes only valid updates, every topic of every domain", () => {
    for (const { v } of province(3)) {
      for (const topic of simulatedTopics) {
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
      const month = tourism.series.reduce((a, l) => a + sumSince(l.points, monthStart(now)), 0);
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
      const aiToday = num(v("traffic.ai_events.today"));
      expect(aiToday).toBe(sum(breakdown(v("traffic.ai_events.by_kind"))));
      expect(aiToday).toBe(sum(breakdown(v("traffic.ai_events.by_district"))));
      const aiTrend = series(v("traffic.ai_events.trend"));
      expectHistory(aiTrend, 24, HOUR, now);
      expect(aiToday).toBe(sumToday(aiTrend.series[0]!.points, now));
      const attacks = series(v("security.attacks.trend"));
      expectHistory(attacks, 24, HOUR, now);
      expect(num(v("security.attacks.today"))).toBe(sum(breakdown(v("security.attacks.by_kind"))));
      expect(num(v("security.attacks.today"))).toBe(sumToday(attacks.series[0]!.points, now));

      // Labour: this year's jobs are this year's months on the chart, split by sector, abroad one of them;
      // unemployment is its chart's last quarter.
      const jobs = series(v("labour.jobs.trend"));
      expect(jobs.series[0]!.points).toHaveLength(12);
      expect(num(v("labour.jobs.year"))).toBe(sumSince(jobs.series[0]!.points, yearStart(now)));
      const sectors = breakdown(v("labour.jobs.by_sector"));
      expect(sum(sectors)).toBe(num(v("labour.jobs.year")));
      expect(num(v("labour.abroad.year"))).toBe(sectors.items.find((i) => i.key === "abroad")!.value);
      const unemployment = series(v("labour.unemployment.trend"));
      expect(unemployment.series[0]!.points).toHaveLength(8);
      expect(num(v("labour.unemployment.rate"))).toBe(unemployment.series[0]!.points.at(-1)![1]);

      // Social security: poor households are their districts', the rate is read from them; the
      // beneficiaries are their groups'; health insurance coverage is its chart's last month.
      const poor = num(v("social.poor_households.count"));
      expect(sum(breakdown(v("social.poor_households.by_district")))).toBe(poor);
      expect(num(v("social.poor_households.rate"))).toBeCloseTo((100 * poor) / HOUSEHOLDS, 2);
      expect(num(v("social.allowances.beneficiaries"))).toBe(sum(breakdown(v("social.allowances.by_group"))));
      const coverage = series(v("social.health_insurance.trend"));
      expect(coverage.series[0]!.points).toHaveLength(12);
      expect(num(v("social.health_insurance.coverage"))).toBe(coverage.series[0]!.points.at(-1)![1]);

      // Social listening: today's mentions are today's hours, split three ways; the negative share is read from them.
      const mentions = series(v("listening.mentions.trend"));
      expectHistory(mentions, 24, HOUR, now);
      const mentionsToday = num(v("listening.mentions.today"));
      expect(mentionsToday).toBe(sumToday(mentions.series[0]!.points, now));
      const sentiment = breakdown(v("listening.sentiment"));
      for (const split of [sentiment, breakdown(v("listening.subjects")), breakdown(v("listening.channels"))]) expect(sum(split)).toBe(mentionsToday);
      const negative = sentiment.items.find((i) => i.key === "negative")!.value;
      expect(num(v("listening.negative.rate"))).toBeCloseTo(mentionsToday === 0 ? 0 : (100 * negative) / mentionsToday, 1);
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

import { DAY, HOUR, apportion, backfill, monthStart, sumSince, model, officeLoad, poisson, rollPoints, upTo, type Points, expectedSince } from "../model.js";
import { round, type Random } from "../random.js";
import { tourismSites } from "../soc-trang.js";

const VISITORS_PER_DAY = 6_000;
const INTERNATIONAL_SHARE = 0.06;
/** Spending per visitor (tỷ đồng): the month's revenue follows its visitors. */
const SPEND_PER_VISITOR = 0.00117;

interface TourismState {
  at: number;
  /** Visitors per day over the last 30 days, domestic and international. */
  domestic: Points;
  international: Points;
  /** Each site's share of the visitors (they sum to 1). */
  shares: number[];
}

const sinceMonthStart = (points: Points, now: number) => sumSince(points, monthStart(now));

/**
 * Tourism: the month's visitors are the days of this month on the 30-day chart added up; the
 * sites split that same total, and the revenue follows it.
 */
export const tourism = model<TourismState>({
  domain: "tourism",
  start: (rng: Random, now: number) => {
    const weights = tourismSites.map(() => rng.range(0.4, 1.6));
    const sum = weights.reduce((a, b) => a + b, 0);
    // Weekends bring more; today holds only the hours so far.
    const day = (t: number, share: number) => {
      const weekend = [0, 6].includes(new Date(t + 7 * HOUR).getUTCDay()) ? 1.5 : 1;
      const sofar = Math.min(1, (now - t) / DAY);
      return Math.round(VISITORS_PER_DAY * share * weekend * rng.range(0.8, 1.2) * sofar);
    };
    return {
      at: now,
      domestic: backfill(now, 30, DAY, (t) => day(t, 1 - INTERNATIONAL_SHARE)),
      international: backfill(now, 30, DAY, (t) => day(t, INTERNATIONAL_SHARE)),
      shares: weights.map((w) => w / sum),
    };
  },
  step: (state, rng, now) => {
    const mean = expectedSince((VISITORS_PER_DAY / 10) * officeLoad(now), state.at, now);
    const came = poisson(rng, mean);
    const abroad = came > 0 && rng.next() < INTERNATIONAL_SHARE ? 1 : 0;
    return {
      ...state,
      at: now,
      domestic: rollPoints(state.domestic, now, DAY, (n) => (n ?? 0) + came - abroad),
      international: rollPoints(state.international, now, DAY, (n) => (n ?? 0) + abroad),
    };
  },
  topics: (state, now) => {
    const month = sinceMonthStart(upTo(state.domestic, now, DAY), now) + sinceMonthStart(upTo(state.international, now, DAY), now);
    const bySite = apportion(month, state.shares);
    return {
      "tourism.visitors.month": { kind: "number", unit: "lượt khách", value: month },
      "tourism.revenue.month": { kind: "number", unit: "tỷ đồng", target: 260, value: round(month * SPEND_PER_VISITOR, 0) },
      "tourism.visitors.by_site": { kind: "breakdown", unit: "lượt khách", items: tourismSites.map((label, i) => ({ key: `k${i + 1}`, label, value: bySite[i]! })) },
      "tourism.visitors.trend": {
        kind: "series",
        unit: "lượt/ngày",
        series: [
          { name: "Khách nội địa", points: upTo(state.domestic, now, DAY) },
          { name: "Khách quốc tế", points: upTo(state.international, now, DAY) },
        ],
      },
    };
  },
});

import { gaugeTopic, statusTopic } from "../generators.js";
import { HOUR, model, officeCounts, officeLoad, poisson, rollPoints, sumToday, upTo, type Points, expectedSince } from "../model.js";
import type { Random } from "../random.js";
import { systems } from "../soc-trang.js";
import type { FeedValue } from "../../../common/feed-protocol.js";

const VISITS_PER_HOUR = 5_200;

interface PortalState {
  at: number;
  visits: Points;
  uptime: FeedValue;
  systems: FeedValue;
}

const uptime = gaugeTopic("portal.uptime", { unit: "%", start: 99.95, min: 99.2, max: 100, step: 0.02, decimals: 2, target: 99.9 });
const systemsStatus = statusTopic("portal.systems.status", systems, 0.08);

/** The e-government portal: today's visits are the sum of today's hours on the chart. */
export const portal = model<PortalState>({
  domain: "portal",
  start: (rng: Random, now: number) => ({ at: now, visits: officeCounts(rng, now, 24, HOUR, VISITS_PER_HOUR), uptime: uptime.initial(rng, now), systems: systemsStatus.initial(rng, now) }),
  step: (state, rng, now) => {
    // People read the portal in the evening too: never below a fifth of the busiest hour.
    const came = poisson(rng, expectedSince(VISITS_PER_HOUR * Math.max(0.2, officeLoad(now)), state.at, now));
    const roll = rng.next();
    return {
      at: now,
      visits: rollPoints(state.visits, now, HOUR, (n) => (n ?? 0) + came),
      uptime: roll < 0.1 ? uptime.step(state.uptime, rng, now) : state.uptime,
      systems: roll >= 0.1 && roll < 0.2 ? systemsStatus.step(state.systems, rng, now) : state.systems,
    };
  },
  topics: (state, now) => ({
    "portal.visits.today": { kind: "number", unit: "lượt", value: sumToday(upTo(state.visits, now), now) },
    "portal.visits.trend": { kind: "series", unit: "lượt/giờ", series: [{ name: "Truy cập", points: upTo(state.visits, now) }] },
    "portal.uptime": state.uptime,
    "portal.systems.status": state.systems,
  }),
});

import { statusTopic } from "../generators.js";
import { HOUR, apportion, dayStart, ofToday, model, officeCounts, poisson, rollPoints, sumToday, upTo, type Points, expectedSince } from "../model.js";
import type { Random } from "../random.js";
import type { FeedValue } from "../../../common/feed-protocol.js";

export const ATTACK_KINDS = [
  ["scan", "Dò quét cổng dịch vụ"],
  ["bruteforce", "Dò mật khẩu"],
  ["web", "Tấn công ứng dụng web"],
  ["malware", "Mã độc"],
  ["phishing", "Thư lừa đảo"],
] as const;
const ATTACKS_PER_HOUR = 900;

interface SecurityState {
  at: number;
  day: number;
  /** Attacks blocked per hour over 24 hours, and today's by kind (they add up to today's hours). */
  blocked: Points;
  byKind: number[];
  /** Vulnerabilities found and not yet fixed. */
  open: number;
  systems: FeedValue;
}

const monitored = statusTopic(
  "security.systems.status",
  [
    ["soc", "Trung tâm giám sát an toàn thông tin (SOC)"],
    ["firewall", "Tường lửa trung tâm dữ liệu"],
    ["waf", "Tường lửa ứng dụng web"],
    ["edr", "Phòng chống mã độc máy trạm"],
    ["backup", "Sao lưu dữ liệu dự phòng"],
  ],
  0.04,
);

/** Information security: today's blocked attacks are today's hours on the chart, and split by kind. */
export const security = model<SecurityState>({
  domain: "security",
  start: (rng: Random, now: number) => {
    const blocked = officeCounts(rng, now, 24, HOUR, ATTACKS_PER_HOUR);
    const today = sumToday(blocked, now);
    // Today's count split by kind: scans are most of it.
    const byKind = apportion(today, [0.52, 0.21, 0.14, 0.08, 0.05]);
    return { at: now, day: dayStart(now), blocked, byKind, open: rng.int(3, 12), systems: monitored.initial(rng, now) };
  },
  step: (state, rng, now) => {
    // Attacks come day and night, more in office hours.
    const hourOfDay = new Date(now + 7 * HOUR).getUTCHours();
    const rate = ATTACKS_PER_HOUR * (hourOfDay >= 8 && hourOfDay < 18 ? 1 : 0.5);
    const n = poisson(rng, expectedSince(rate, state.at, now));
    const day = dayStart(now);
    const byKind = ofToday(state.byKind, state.day, now);
    for (let i = 0; i < n; i++) byKind[rng.next() < 0.5 ? 0 : rng.int(0, ATTACK_KINDS.length - 1)]! += 1;
    const roll = rng.next();
    return {
      at: now,
      day,
      blocked: rollPoints(state.blocked, now, HOUR, (v) => (v ?? 0) + n),
      byKind,
      open: roll < 0.01 ? state.open + 1 : roll < 0.02 ? Math.max(0, state.open - 1) : state.open,
      systems: roll > 0.9 ? monitored.step(state.systems, rng, now) : state.systems,
    };
  },
  topics: (state, now) => {
    // Past midnight and before the next step, today has nothing yet.
    const byKind = ofToday(state.byKind, state.day, now);
    return {
    "security.attacks.today": { kind: "number", unit: "lượt", value: byKind.reduce((a, b) => a + b, 0) },
    "security.attacks.trend": { kind: "series", unit: "lượt/giờ", series: [{ name: "Tấn công bị chặn", points: upTo(state.blocked, now) }] },
    "security.attacks.by_kind": { kind: "breakdown", unit: "lượt", items: ATTACK_KINDS.map(([key, label], i) => ({ key, label, value: byKind[i]! })) },
    "security.vulnerabilities.open": { kind: "number", unit: "lỗ hổng", value: state.open },
    "security.systems.status": state.systems,
    };
  },
});

import type { EventItem } from "../../../common/feed-protocol.js";
import { socTrangDistricts } from "../../../common/geo/soc-trang-districts.js";
import { MINUTE, model } from "../model.js";
import { round, type Random } from "../random.js";
import { districtItems, districts, feedbackTemplates } from "../soc-trang.js";

export const FEEDBACK_STATUSES = ["received", "processing", "resolved", "overdue"] as const;
type Status = (typeof FEEDBACK_STATUSES)[number];
/** The donut's labels, in the order of FEEDBACK_STATUSES. */
export const FEEDBACK_STATUS_LABELS = ["Đã tiếp nhận", "Đang xử lý", "Đã giải quyết", "Quá hạn"] as const;
const RECENT = 50;

interface FeedbackState {
  /** Reports this month by status, and by district: both sum to the month's total. */
  byStatus: Record<Status, number>;
  byDistrict: number[];
  /** The latest reports, newest first; each is also counted above. */
  recent: EventItem[];
}

const priority = (roll: number) => (roll < 0.01 ? "urgent" : roll < 0.15 ? "high" : "normal");

function newReport(rng: Random, now: number): { item: EventItem; district: number } {
  const [category, title, text] = rng.pick(feedbackTemplates);
  const district = rng.int(0, socTrangDistricts.length - 1);
  const { name, lat, lon } = socTrangDistricts[district]!;
  return {
    district,
    item: {
      id: `PAKN-${Math.floor(rng.next() * 1e9).toString(36).toUpperCase()}`,
      ts: now,
      title: `${title} tại ${name}`,
      text,
      district: name,
      category,
      status: "received",
      // About one report in a hundred is urgent: the demo's alarm rule takes the wall now and then.
      priority: priority(rng.next()),
      // Within a few kilometres of the district seat.
      lat: round(lat + rng.range(-0.04, 0.04), 5),
      lon: round(lon + rng.range(-0.04, 0.04), 5),
    },
  };
}

/** Where a report goes next: most are handled, some run past their deadline. */
const NEXT: Record<Status, Status[]> = { received: ["processing"], processing: ["resolved", "resolved", "resolved", "overdue"], resolved: [], overdue: ["resolved"] };

/**
 * Citizen feedback this month: each report is counted once by status and once by district; the
 * list shows the latest ones with the status they have in the counts. The resolved rate and the
 * overdue figure are read from the same counts.
 */
export const feedback = model<FeedbackState>({
  domain: "feedback",
  start: (rng, now) => {
    const byStatus: Record<Status, number> = { received: 38, processing: 96, resolved: 1_012, overdue: 14 };
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    // Spread over the districts, more where more people live (the city first).
    const weights = districts.map((_, i) => (i === 0 ? 3 : 1) * rng.range(0.7, 1.3));
    const sum = weights.reduce((a, b) => a + b, 0);
    const byDistrict = weights.map((w) => Math.floor((total * w) / sum));
    byDistrict[0]! += total - byDistrict.reduce((a, b) => a + b, 0);
    // The latest reports, already counted: their statuses are taken from the counts' mix.
    const recent = Array.from({ length: 12 }, (_, i) => {
      const { item } = newReport(rng, now - (i + 1) * 7 * MINUTE);
      return { ...item, status: i < 3 ? "received" : rng.pick(["processing", "resolved", "resolved", "overdue"] as const) };
    });
    return { byStatus, byDistrict, recent };
  },
  step: (state, rng, now) => {
    if (rng.next() < 0.5) {
      const { item, district } = newReport(rng, now);
      return {
        byStatus: { ...state.byStatus, received: state.byStatus.received + 1 },
        byDistrict: state.byDistrict.map((n, i) => (i === district ? n + 1 : n)),
        recent: [item, ...state.recent].slice(0, RECENT),
      };
    }
    // A report moves on: one of the latest, or an older one counted only in the figures.
    const movable = state.recent.map((r, i) => [r, i] as const).filter(([r]) => NEXT[r.status as Status].length > 0);
    if (movable.length > 0 && rng.next() < 0.6) {
      const [report, i] = rng.pick(movable);
      const from = report.status as Status;
      const to = rng.pick(NEXT[from]);
      return { ...state, byStatus: { ...state.byStatus, [from]: state.byStatus[from] - 1, [to]: state.byStatus[to] + 1 }, recent: state.recent.map((r, j) => (j === i ? { ...r, status: to } : r)) };
    }
    const from = rng.pick(FEEDBACK_STATUSES.filter((s) => NEXT[s].length > 0 && state.byStatus[s] > state.recent.filter((r) => r.status === s).length));
    if (!from) return state;
    const to = rng.pick(NEXT[from]);
    return { ...state, byStatus: { ...state.byStatus, [from]: state.byStatus[from] - 1, [to]: state.byStatus[to] + 1 } };
  },
  topics: (state) => {
    const total = Object.values(state.byStatus).reduce((a, b) => a + b, 0);
    return {
      "feedback.events": { kind: "events", items: state.recent },
      "feedback.by_status": { kind: "breakdown", unit: "phản ánh", items: FEEDBACK_STATUSES.map((s, i) => ({ key: s, label: FEEDBACK_STATUS_LABELS[i]!, value: state.byStatus[s] })) },
      "feedback.by_district": { kind: "breakdown", unit: "phản ánh", items: districtItems(state.byDistrict) },
      "feedback.resolved_rate": { kind: "number", unit: "%", target: 90, value: round((100 * state.byStatus.resolved) / total, 1) },
      "feedback.overdue": { kind: "number", unit: "phản ánh", value: state.byStatus.overdue },
    };
  },
});

import type { EventItem, FeedValue } from "../../common/feed-protocol.js";
import { socTrangDistricts } from "../../common/geo/soc-trang-districts.js";
import { breakdownTopic, counterTopic, gaugeTopic, seriesTopic, statusTopic, type TopicGenerator } from "./generators.js";
import { round, type Random } from "./random.js";
import {
  agencies,
  departments,
  districts,
  feedbackStatuses,
  feedbackTemplates,
  hospitals,
  salinityStationPlaces,
  salinityStations,
  schoolLevels,
  systems,
  tourismSites,
} from "./soc-trang.js";

const HOUR = 3_600_000;

const priority = (roll: number) => (roll < 0.01 ? "urgent" : roll < 0.15 ? "high" : "normal");

function newFeedback(rng: Random, now: number): EventItem {
  const [category, title, text] = rng.pick(feedbackTemplates);
  const { name: district, lat, lon } = rng.pick(socTrangDistricts);
  return {
    id: `PAKN-${Math.floor(rng.next() * 1e9).toString(36).toUpperCase()}`,
    ts: now,
    title: `${title} tại ${district}`,
    text,
    district,
    category,
    status: "received",
    // About one report in a hundred is urgent: the demo's alarm rule takes the wall now and then.
    priority: priority(rng.next()),
    // Within a few kilometres of the district seat.
    lat: round(lat + rng.range(-0.04, 0.04), 5),
    lon: round(lon + rng.range(-0.04, 0.04), 5),
  };
}

/** Citizen feedback: new reports arrive, older ones move through processing to resolved or overdue. */
const feedbackEvents: TopicGenerator = {
  topic: "feedback.events",
  initial: (rng, now) => ({
    kind: "events",
    items: Array.from({ length: 12 }, (_, i) => ({ ...newFeedback(rng, now - (12 - i) * 7 * 60_000), status: rng.pick(feedbackStatuses) })).reverse(),
  }),
  step: (prev, rng, now) => {
    if (prev.kind !== "events") return prev;
    if (rng.next() < 0.6) return { kind: "events", items: [newFeedback(rng, now), ...prev.items].slice(0, 50) };
    const i = rng.int(0, prev.items.length - 1);
    const next = rng.pick(["processing", "resolved", "resolved", "overdue"] as const);
    return { kind: "events", items: prev.items.map((it, j) => (j === i ? { ...it, status: next } : it)) };
  },
};

/** Every simulated topic, by domain. Topic names are a contract with the demo layouts. */
export const generators: TopicGenerator[] = [
  // Y tế — health
  gaugeTopic("health.beds.occupancy", { unit: "%", start: 82, min: 60, max: 99, step: 0.8, decimals: 1, target: 85 }),
  gaugeTopic("health.patients.inpatients", { unit: "người", start: 2150, min: 1800, max: 2600, step: 12, decimals: 0 }),
  counterTopic("health.visits.today", { unit: "lượt", start: 3120, inc: [0, 6] }),
  gaugeTopic("health.vaccination.rate", { unit: "%", start: 93.5, min: 88, max: 99, step: 0.2, decimals: 1, target: 95 }),
  breakdownTopic("health.beds.by_hospital", hospitals, { unit: "%", min: 55, max: 110, step: 2, decimals: 0 }),
  seriesTopic("health.visits.trend", ["Khám ngoại trú", "Nhập viện"], { unit: "lượt/giờ", min: 20, max: 420, step: 25, decimals: 0, points: 24, intervalMs: HOUR }),
  // Giáo dục — education
  gaugeTopic("education.students.total", { unit: "học sinh", start: 268_540, min: 267_000, max: 270_000, step: 30, decimals: 0 }),
  gaugeTopic("education.attendance.rate", { unit: "%", start: 97.2, min: 93, max: 99.8, step: 0.15, decimals: 1, target: 98 }),
  breakdownTopic("education.schools.by_level", schoolLevels, { unit: "trường", min: 20, max: 190, step: 0.4, decimals: 0 }),
  breakdownTopic("education.attendance.by_district", districts, { unit: "%", min: 92, max: 99.9, step: 0.3, decimals: 1 }),
  // Hành chính công — public administrative services
  counterTopic("admin.dossiers.received", { unit: "hồ sơ", start: 1284, inc: [0, 4] }),
  gaugeTopic("admin.dossiers.ontime_rate", { unit: "%", start: 96.4, min: 88, max: 99.9, step: 0.2, decimals: 1, target: 95 }),
  counterTopic("admin.dossiers.late", { unit: "hồ sơ", start: 37, inc: [0, 1] }),
  gaugeTopic("admin.dossiers.online_rate", { unit: "%", start: 64.8, min: 50, max: 90, step: 0.3, decimals: 1, target: 70 }),
  breakdownTopic("admin.dossiers.by_department", departments, { unit: "%", min: 82, max: 100, step: 0.6, decimals: 1 }),
  seriesTopic("admin.dossiers.trend", ["Tiếp nhận", "Giải quyết"], { unit: "hồ sơ/giờ", min: 10, max: 160, step: 12, decimals: 0, points: 24, intervalMs: HOUR }),
  // Cổng thông tin điện tử — e-government portal
  counterTopic("portal.visits.today", { unit: "lượt", start: 48_210, inc: [2, 40] }),
  gaugeTopic("portal.uptime", { unit: "%", start: 99.95, min: 99.2, max: 100, step: 0.02, decimals: 2, target: 99.9 }),
  seriesTopic("portal.visits.trend", ["Truy cập"], { unit: "lượt/giờ", min: 800, max: 6500, step: 300, decimals: 0, points: 24, intervalMs: HOUR }),
  statusTopic("portal.systems.status", systems, 0.08),
  // Văn bản điện tử — electronic documents
  counterTopic("docs.issued.today", { unit: "văn bản", start: 412, inc: [0, 2] }),
  counterTopic("docs.received.today", { unit: "văn bản", start: 1_036, inc: [0, 3] }),
  gaugeTopic("docs.pending", { unit: "văn bản", start: 214, min: 120, max: 340, step: 4, decimals: 0 }),
  gaugeTopic("docs.digital_signature_rate", { unit: "%", start: 91.3, min: 85, max: 99.5, step: 0.2, decimals: 1, target: 90 }),
  breakdownTopic("docs.by_agency", agencies, { unit: "văn bản", min: 20, max: 260, step: 3, decimals: 0 }),
  // Tài nguyên và môi trường — natural resources and environment
  gaugeTopic("environment.air.aqi", { unit: "AQI", start: 58, min: 18, max: 160, step: 3, decimals: 0 }),
  gaugeTopic("environment.salinity.max", { unit: "‰", start: 3.6, min: 0.5, max: 9, step: 0.15, decimals: 1, target: 4 }),
  breakdownTopic("environment.salinity.stations", salinityStations, { unit: "‰", min: 0.2, max: 9, step: 0.2, decimals: 1 }, salinityStationPlaces),
  seriesTopic("environment.salinity.trend", ["Đại Ngãi", "Trần Đề", "Vĩnh Châu"], { unit: "‰", min: 0.2, max: 9, step: 0.3, decimals: 1, points: 48, intervalMs: HOUR / 2 }),
  statusTopic("environment.water.stations", salinityStations.map((s, i) => [`tram-${i + 1}`, `Trạm quan trắc ${s}`] as const), 0.05),
  // Du lịch — tourism
  counterTopic("tourism.visitors.month", { unit: "lượt khách", start: 182_400, inc: [5, 60] }),
  counterTopic("tourism.revenue.month", { unit: "tỷ đồng", start: 214, inc: [0, 1], target: 260 }),
  breakdownTopic("tourism.visitors.by_site", tourismSites, { unit: "lượt khách", min: 1500, max: 42_000, step: 300, decimals: 0 }),
  seriesTopic("tourism.visitors.trend", ["Khách nội địa", "Khách quốc tế"], { unit: "lượt/ngày", min: 300, max: 9000, step: 350, decimals: 0, points: 30, intervalMs: 24 * HOUR }),
  // Chỉ tiêu kinh tế - xã hội — socio-economic indicators
  gaugeTopic("economy.grdp.growth", { unit: "%", start: 6.8, min: 4.5, max: 9.5, step: 0.05, decimals: 2, target: 7 }),
  counterTopic("economy.budget.revenue", { unit: "tỷ đồng", start: 5_412, inc: [0, 3], target: 6_700 }),
  counterTopic("economy.exports.value", { unit: "triệu USD", start: 1_086, inc: [0, 1], target: 1_400 }),
  breakdownTopic(
    "economy.indicators.plan",
    ["Thu ngân sách", "Kim ngạch xuất khẩu", "Vốn đầu tư toàn xã hội", "Tổng mức bán lẻ", "Sản lượng lúa", "Sản lượng thủy sản"],
    { unit: "% kế hoạch", min: 55, max: 115, step: 0.8, decimals: 1 },
  ),
  seriesTopic("economy.grdp.trend", ["Tăng trưởng GRDP"], { unit: "%", min: 4, max: 9.5, step: 0.35, decimals: 2, points: 12, intervalMs: 90 * 24 * HOUR }),
  // Phản ánh kiến nghị — citizen feedback
  feedbackEvents,
  gaugeTopic("feedback.resolved_rate", { unit: "%", start: 88.6, min: 75, max: 99, step: 0.3, decimals: 1, target: 90 }),
  gaugeTopic("feedback.overdue", { unit: "phản ánh", start: 14, min: 0, max: 40, step: 1, decimals: 0 }),
  breakdownTopic("feedback.by_status", ["Đã tiếp nhận", "Đang xử lý", "Đã giải quyết", "Quá hạn"], { unit: "phản ánh", min: 5, max: 900, step: 4, decimals: 0 }),
  breakdownTopic("feedback.by_district", districts, { unit: "phản ánh", min: 10, max: 160, step: 2, decimals: 0 }),
  // Camera giám sát — camera surveillance
  gaugeTopic("cameras.online", { unit: "camera", start: 412, min: 380, max: 430, step: 2, decimals: 0, target: 430 }),
  gaugeTopic("cameras.offline", { unit: "camera", start: 18, min: 0, max: 50, step: 2, decimals: 0 }),
  breakdownTopic("cameras.by_district", districts, { unit: "camera", min: 12, max: 80, step: 1, decimals: 0 }),
  statusTopic(
    "cameras.groups.status",
    [
      ["giao-thong", "Camera giao thông"],
      ["an-ninh", "Camera an ninh trật tự"],
      ["do-thi", "Camera đô thị thông minh"],
      ["moi-truong", "Camera giám sát môi trường"],
      ["cong-so", "Camera trụ sở cơ quan"],
    ],
    0.05,
  ),
];

export const simulatedTopics = generators.map((g) => g.topic);

export function initialValues(rng: Random, now: number): Map<string, FeedValue> {
  return new Map(generators.map((g) => [g.topic, g.initial(rng, now)]));
}

import { DAY, backfill, model, rollPoints, type Points } from "../model.js";
import { round, type Random } from "../random.js";
import { districtItems, districts } from "../soc-trang.js";

interface AgricultureState {
  /** Winter–spring rice sown per district (ha), the share of it harvested, and the share exposed to salt water. */
  sown: number[];
  harvested: number[];
  exposed: number[];
  /** Paddy price at the farm gate (đồng/kg), a point a day over 30 days. */
  price: Points;
}

/**
 * Agriculture and salinity: the province's rice area is its districts' added up; the area at risk
 * is each district's exposed share of what it sowed; the paddy price KPI is its chart's last day.
 */
export const agriculture = model<AgricultureState>({
  domain: "agriculture",
  start: (rng: Random, now: number) => {
    // Coastal districts grow less rice and more of it near salt water.
    const coastal = new Set(["Trần Đề", "TX. Vĩnh Châu", "Cù Lao Dung", "Long Phú"]);
    let p = rng.range(7_200, 7_800);
    return {
      sown: districts.map((d) => Math.round(rng.range(coastal.has(d) ? 6_000 : 14_000, coastal.has(d) ? 14_000 : 26_000))),
      harvested: districts.map(() => round(rng.range(0.05, 0.35), 3)),
      exposed: districts.map((d) => round(coastal.has(d) ? rng.range(0.08, 0.22) : rng.range(0, 0.04), 3)),
      price: backfill(now, 30, DAY, () => (p = Math.round(p + rng.range(-60, 60)))),
    };
  },
  step: (state, rng, now) => {
    const i = rng.int(0, districts.length - 1);
    const roll = rng.next();
    return {
      ...state,
      harvested: state.harvested.map((h, j) => (j === i && roll < 0.5 ? round(Math.min(1, h + 0.001), 3) : h)),
      exposed: state.exposed.map((e, j) => (j === i && roll >= 0.5 ? round(Math.min(0.35, Math.max(0, e + rng.range(-0.002, 0.002))), 3) : e)),
      price: rollPoints(state.price, now, DAY, (v) => Math.round((v ?? state.price.at(-1)![1]) + (rng.next() < 0.05 ? rng.range(-20, 20) : 0))),
    };
  },
  topics: (state, now) => {
    const sown = state.sown.reduce((a, b) => a + b, 0);
    const atRisk = state.sown.map((s, i) => Math.round(s * state.exposed[i]!));
    const harvested = state.sown.reduce((a, s, i) => a + s * state.harvested[i]!, 0);
    const price = rollPoints(state.price, now, DAY, (v) => v ?? state.price.at(-1)![1]);
    return {
      "agriculture.rice.sown": { kind: "number", unit: "ha", value: sown },
      "agriculture.rice.harvest_progress": { kind: "number", unit: "%", value: round((100 * harvested) / sown, 1) },
      "agriculture.salinity.area_at_risk": { kind: "number", unit: "ha", value: atRisk.reduce((a, b) => a + b, 0) },
      "agriculture.rice.sown_by_district": { kind: "breakdown", unit: "ha", items: districtItems(state.sown) },
      "agriculture.salinity.at_risk_by_district": { kind: "breakdown", unit: "ha", items: districtItems(atRisk) },
      "agriculture.rice.price": { kind: "number", unit: "đồng/kg", value: price.at(-1)![1] },
      "agriculture.rice.price_trend": { kind: "series", unit: "đồng/kg", series: [{ name: "Giá lúa tại ruộng", points: price }] },
    };
  },
});

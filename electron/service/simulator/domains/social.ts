import { model, periodStarts, rollAt, type Points } from "../model.js";
import { round, type Random } from "../random.js";
import { districtItems, districts } from "../soc-trang.js";

/** Who receives the monthly social allowance, by key (the breakdown's items). */
export const ALLOWANCE_GROUPS = [
  ["elderly", "Người cao tuổi"],
  ["disabled", "Người khuyết tật"],
  ["orphans", "Trẻ em mồ côi, không nơi nương tựa"],
  ["single-parents", "Người đơn thân nuôi con thuộc hộ nghèo"],
  ["other", "Đối tượng khác"],
] as const;
/** Households in the province: the poverty rate is the poor households over these. */
export const HOUSEHOLDS = 336_500;

interface SocialState {
  /** Poor households per district; they leave poverty one by one through the year. */
  poor: number[];
  /** Allowance beneficiaries per group. */
  allowances: number[];
  /** Health insurance coverage (% of the population) at each of the last 12 months. */
  healthInsurance: Points;
  /** Social insurance coverage (% of the working-age population). */
  socialInsurance: number;
}

/**
 * Social security: the poor households are their districts' added up and the poverty rate is
 * read from them; the beneficiaries are their groups' added up; health insurance coverage is its
 * chart's last month. These figures change a household at a time, a few times an hour.
 */
export const social = model<SocialState>({
  domain: "social",
  start: (rng: Random, now: number) => {
    let c = rng.range(90.2, 91.4);
    return {
      poor: districts.map(() => rng.int(500, 2_400)),
      allowances: [rng.int(24_000, 27_000), rng.int(14_000, 16_500), rng.int(900, 1_300), rng.int(1_500, 2_200), rng.int(2_000, 3_200)],
      healthInsurance: periodStarts(now, 12, 1).map((t): [number, number] => [t, round((c = Math.min(96, c + rng.range(0, 0.25))), 2)]),
      socialInsurance: round(rng.range(17.5, 19.5), 2),
    };
  },
  step: (state, rng, now) => {
    const roll = rng.next();
    if (roll < 0.002) {
      const i = rng.int(0, districts.length - 1);
      return { ...state, poor: state.poor.map((n, j) => (j === i ? Math.max(0, n - 1) : n)) };
    }
    if (roll < 0.004) {
      const i = rng.int(0, ALLOWANCE_GROUPS.length - 1);
      return { ...state, allowances: state.allowances.map((n, j) => (j === i ? n + (rng.next() < 0.6 ? 1 : -1) : n)) };
    }
    if (roll < 0.005) {
      const last = state.healthInsurance.at(-1)![1];
      return { ...state, healthInsurance: rollAt(state.healthInsurance, periodStarts(now, 1, 1)[0]!, (v) => round(Math.min(99, (v ?? last) + 0.01), 2)) };
    }
    return state;
  },
  topics: (state, now) => {
    const poor = state.poor.reduce((a, b) => a + b, 0);
    const last = state.healthInsurance.at(-1)![1];
    const coverage = rollAt(state.healthInsurance, periodStarts(now, 1, 1)[0]!, (v) => v ?? last);
    return {
      "social.poor_households.count": { kind: "number", unit: "hộ", value: poor },
      "social.poor_households.rate": { kind: "number", unit: "%", target: 3.5, value: round((100 * poor) / HOUSEHOLDS, 2) },
      "social.poor_households.by_district": { kind: "breakdown", unit: "hộ", items: districtItems(state.poor) },
      "social.allowances.beneficiaries": { kind: "number", unit: "người", value: state.allowances.reduce((a, b) => a + b, 0) },
      "social.allowances.by_group": { kind: "breakdown", unit: "người", items: ALLOWANCE_GROUPS.map(([key, label], i) => ({ key, label, value: state.allowances[i]! })) },
      "social.health_insurance.coverage": { kind: "number", unit: "%", target: 93, value: coverage.at(-1)![1] },
      "social.health_insurance.trend": { kind: "series", unit: "%", series: [{ name: "Tỷ lệ bao phủ bảo hiểm y tế", points: coverage }] },
      "social.social_insurance.coverage": { kind: "number", unit: "%", target: 20, value: state.socialInsurance },
    };
  },
});

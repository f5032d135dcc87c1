import { model, periodStarts, type Points } from "../model.js";
import { round, type Random } from "../random.js";

const BUDGET_TARGET = 6_700;
const EXPORTS_TARGET = 1_400;
const OTHER_PLAN_ITEMS = ["Vốn đầu tư toàn xã hội", "Tổng mức bán lẻ", "Sản lượng lúa", "Sản lượng thủy sản"] as const;

interface EconomyState {
  /** GRDP growth, year on year, of the last twelve quarters (the last is the current estimate). */
  grdp: Points;
  /** This year so far (tỷ đồng, triệu USD). */
  budget: number;
  exports: number;
  /** The other yearly targets, % achieved so far. */
  plan: number[];
}

/**
 * Socio-economic indicators: GRDP is published once a quarter, so its figure is the chart's last
 * quarter and does not move during the day; revenue and exports accumulate through the year, and
 * the plan table reads its first two rows from them.
 */
export const economy = model<EconomyState>({
  domain: "economy",
  start: (rng: Random, now: number) => {
    let g = rng.range(5.8, 7.2);
    const grdp = periodStarts(now, 12, 3).map((t): [number, number] => {
      g = Math.min(9.2, Math.max(4.2, g + rng.range(-0.6, 0.6)));
      return [t, round(g, 2)];
    });
    return { grdp, budget: 5_412, exports: 1_086, plan: OTHER_PLAN_ITEMS.map(() => round(rng.range(62, 104), 1)) };
  },
  step: (state, rng) => {
    const roll = rng.next();
    if (roll < 0.4) return { ...state, budget: state.budget + rng.int(0, 2) };
    if (roll < 0.7) return { ...state, exports: state.exports + rng.int(0, 1) };
    const i = rng.int(0, state.plan.length - 1);
    return { ...state, plan: state.plan.map((v, j) => (j === i ? round(Math.min(130, v + rng.range(0, 0.2)), 1) : v)) };
  },
  topics: (state) => {
    const growth = state.grdp.at(-1)![1];
    return {
      "economy.grdp.growth": { kind: "number", unit: "%", target: 7, value: growth },
      "economy.grdp.trend": { kind: "series", unit: "%", series: [{ name: "Tăng trưởng GRDP", points: state.grdp }] },
      "economy.budget.revenue": { kind: "number", unit: "tỷ đồng", target: BUDGET_TARGET, value: state.budget },
      "economy.exports.value": { kind: "number", unit: "triệu USD", target: EXPORTS_TARGET, value: state.exports },
      "economy.indicators.plan": {
        kind: "breakdown",
        unit: "% kế hoạch",
        items: [
          { key: "k1", label: "Thu ngân sách", value: round((100 * state.budget) / BUDGET_TARGET, 1) },
          { key: "k2", label: "Kim ngạch xuất khẩu", value: round((100 * state.exports) / EXPORTS_TARGET, 1) },
          ...OTHER_PLAN_ITEMS.map((label, i) => ({ key: `k${i + 3}`, label, value: state.plan[i]! })),
        ],
      },
    };
  },
});

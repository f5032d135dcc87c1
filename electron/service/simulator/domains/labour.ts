import { DAY, apportion, drawIndex, expectedSince, model, officeLoad, periodStarts, poisson, rollAt, sumSince, yearStart, type Points } from "../model.js";
import { round, type Random } from "../random.js";

/** Where this year's new jobs are, by key (the breakdown's items); working abroad is one of them. */
export const JOB_SECTORS = [
  ["industry", "Công nghiệp – xây dựng"],
  ["services", "Thương mại – dịch vụ"],
  ["farming", "Nông – lâm – thủy sản"],
  ["abroad", "Đi làm việc ở nước ngoài"],
] as const;
const SECTOR_SHARES = [0.38, 0.3, 0.24, 0.08];
/** About 22 000 new jobs a year, the province's usual plan. */
const JOBS_PER_MONTH = 1_850;
const JOBS_TARGET = 22_000;
/** Office hours make about 0.4 of a day's hours: the busiest hour's rate that gives the month's jobs. */
const JOBS_PER_BUSY_HOUR = JOBS_PER_MONTH / (30 * 24 * 0.4);

interface LabourState {
  at: number;
  /** New jobs per month over 12 months (the current month so far), and this year's by sector. */
  jobs: Points;
  year: number;
  bySector: number[];
  /** The surveyed unemployment rate of the last eight quarters (published once a quarter). */
  unemployment: Points;
  /** Share of the workforce with vocational training (a yearly figure). */
  trained: number;
}

/**
 * Labour and jobs: this year's new jobs are this year's months on the chart, split by sector; the
 * jobs abroad KPI is that sector's; the unemployment rate is its chart's last quarter and holds still.
 */
export const labour = model<LabourState>({
  domain: "labour",
  start: (rng: Random, now: number) => {
    const months = periodStarts(now, 12, 1);
    const jobs = months.map((t, i): [number, number] => {
      const end = months[i + 1] ?? now;
      const share = Math.min(1, (end - t) / (30 * DAY));
      return [t, poisson(rng, JOBS_PER_MONTH * rng.range(0.8, 1.2) * share)];
    });
    let u = rng.range(2.1, 2.6);
    const unemployment = periodStarts(now, 8, 3).map((t): [number, number] => [t, round((u = Math.min(3.2, Math.max(1.8, u + rng.range(-0.15, 0.15)))), 2)]);
    return { at: now, jobs, year: yearStart(now), bySector: apportion(sumSince(jobs, yearStart(now)), SECTOR_SHARES), unemployment, trained: round(rng.range(66, 69.5), 1) };
  },
  step: (state, rng, now) => {
    const n = poisson(rng, expectedSince(JOBS_PER_BUSY_HOUR * officeLoad(now), state.at, now));
    const year = yearStart(now);
    const bySector = year === state.year ? state.bySector.slice() : state.bySector.map(() => 0);
    for (let i = 0; i < n; i++) bySector[drawIndex(rng, SECTOR_SHARES)]! += 1;
    const month = periodStarts(now, 1, 1)[0]!;
    return { ...state, at: now, year, bySector, jobs: rollAt(state.jobs, month, (v) => (v ?? 0) + n) };
  },
  topics: (state, now) => {
    const month = periodStarts(now, 1, 1)[0]!;
    const jobs = rollAt(state.jobs, month, (v) => v ?? 0);
    const bySector = yearStart(now) === state.year ? state.bySector : state.bySector.map(() => 0);
    return {
      "labour.jobs.year": { kind: "number", unit: "lao động", target: JOBS_TARGET, value: bySector.reduce((a, b) => a + b, 0) },
      "labour.jobs.trend": { kind: "series", unit: "lao động", series: [{ name: "Việc làm mới", points: jobs }] },
      "labour.jobs.by_sector": { kind: "breakdown", unit: "lao động", items: JOB_SECTORS.map(([key, label], i) => ({ key, label, value: bySector[i]! })) },
      "labour.abroad.year": { kind: "number", unit: "lao động", target: 1_800, value: bySector[3]! },
      "labour.unemployment.rate": { kind: "number", unit: "%", value: state.unemployment.at(-1)![1] },
      "labour.unemployment.trend": { kind: "series", unit: "%", series: [{ name: "Tỷ lệ thất nghiệp", points: state.unemployment }] },
      "labour.trained.rate": { kind: "number", unit: "%", target: 70, value: state.trained },
    };
  },
});

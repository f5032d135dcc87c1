import { describe, expect, it } from "vitest";
import { grainOf, pointSplits, timeLabel } from "./time-axis.js";

const DAY = 86_400_000;
// Midnight in Việt Nam (17:00 UTC the day before) of the first of each month.
const monthStart = (y: number, m: number) => Date.UTC(y, m - 1, 1) - 7 * 3_600_000;

describe("a chart's time axis", () => {
  it("names points by the grain they are spaced at, in Việt Nam's time", () => {
    const hours = [0, 1, 2].map((h) => Date.UTC(2026, 11, 1, h));
    expect(grainOf(hours)).toBe("time");
    expect(timeLabel(hours[0]!, "time", "vi", 2 * 3_600_000)).toBe("07:00");
    const days = [0, 1, 2].map((d) => monthStart(2026, 12) + d * DAY);
    expect(grainOf(days)).toBe("day");
    expect(timeLabel(days[1]!, "day", "vi", 2 * DAY)).toBe("02/12");
    const months = [11, 12].map((m) => monthStart(2026, m));
    expect(grainOf(months)).toBe("month");
    expect(timeLabel(months[1]!, "month", "vi", 0)).toBe("T12/2026");
    expect(timeLabel(months[1]!, "month", "en", 0)).toBe("12/2026");
    const quarters = [7, 10].map((m) => monthStart(2026, m));
    expect(grainOf(quarters)).toBe("quarter");
    expect(timeLabel(quarters[1]!, "quarter", "vi", 0)).toBe("Quý 4/2026");
    expect(timeLabel(quarters[0]!, "quarter", "en", 0)).toBe("Q3 2026");
  });

  it("labels months on the points, the latest always, as many as fit", () => {
    const months = Array.from({ length: 12 }, (_, i) => monthStart(2026, i + 1));
    // 1,100 px for 11 steps: 100 px a month; a 180 px label takes every second month.
    expect(pointSplits(months, "month", 1_100, 180)).toEqual(months.filter((_, i) => i % 2 === 1));
    expect(pointSplits(months, "month", 2_200, 180)).toEqual(months);
    expect(pointSplits(months, "time", 1_100, 180)).toBeNull();
  });
});

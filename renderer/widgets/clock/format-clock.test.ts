import { describe, expect, it } from "vitest";
import { formatClock } from "./format-clock.js";

describe("formatClock", () => {
  // 2026-11-28T16:05:09Z is 23:05:09 on Saturday in Sóc Trăng (UTC+7).
  const at = new Date(Date.UTC(2026, 10, 28, 16, 5, 9));

  it("shows Vietnamese time and date in the province's zone", () => {
    const { time, date } = formatClock(at, "vi-VN", { timeZone: "Asia/Ho_Chi_Minh", showSeconds: true });
    expect(time).toBe("23:05:09");
    expect(date).toMatch(/^Thứ Bảy, 28\/11\/2026$/);
  });

  it("crosses midnight with the zone, not with the machine", () => {
    const { date } = formatClock(new Date(Date.UTC(2026, 10, 28, 17, 30)), "vi-VN", { timeZone: "Asia/Ho_Chi_Minh", showSeconds: false });
    expect(date).toMatch(/^Chủ Nhật, 29\/11\/2026$/);
  });

  it("drops seconds when asked and speaks English when asked", () => {
    expect(formatClock(at, "vi-VN", { timeZone: "Asia/Ho_Chi_Minh", showSeconds: false }).time).toBe("23:05");
    expect(formatClock(at, "en-GB", { timeZone: "Asia/Ho_Chi_Minh", showSeconds: true }).date).toBe("Saturday, 28/11/2026");
  });
});

import { describe, expect, it } from "vitest";
import { decide, playlistAt, powerAt } from "./schedule-clock.js";
import { checkSchedules, parseCron, type SchedulesFile } from "./schedules-file.js";

const layouts = new Set(["overview", "health", "economy", "briefing", "environment", "cameras"]);
const raw = {
  timeZone: "Asia/Ho_Chi_Minh",
  playlists: [
    { id: "day", title: { vi: "Ban ngày" }, items: [{ layoutId: "overview", seconds: 60 }, { layoutId: "health", seconds: 30 }, { layoutId: "economy", seconds: 30 }] },
    { id: "night", title: { vi: "Ban đêm" }, items: [{ layoutId: "cameras", seconds: 300 }] },
  ],
  briefings: [{ id: "morning", title: { vi: "Giao ban sáng" }, slides: ["briefing", "overview", "environment"] }],
  rules: [
    { id: "night", cron: "0 22 * * *", minutes: 8 * 60, playlist: "night" },
    { id: "weekday-briefing", cron: "30 7 * * 1-5", minutes: 60, briefing: "morning" },
  ],
  default: { playlist: "day" },
};

function load(): { schedule: SchedulesFile; crons: Map<string, ReturnType<typeof parseCron>> } {
  const checked = checkSchedules("schedules.json", raw, layouts);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return { schedule: checked.value, crons: new Map(checked.value.rules.map((r) => [r.id, parseCron(r.cron, checked.value.timeZone)])) };
}

/** 2026-12-01 is a Tuesday; Vietnam is UTC+7. */
const local = (hhmm: string, day = "2026-12-01") => Date.parse(`${day}T${hhmm}:00+07:00`);
const noSteps = () => 0;

describe("checkSchedules", () => {
  it("accepts the shape of DESIGN.md and names each fault by its path", () => {
    expect(checkSchedules("schedules.json", raw, layouts).ok).toBe(true);
    const bad = { ...raw, timeZone: "Mars/Olympus", rules: [{ id: "x", cron: "61 * * * *", minutes: 10, layout: "nowhere" }, { id: "y", cron: "* * * *", minutes: 5, playlist: "day", layout: "health" }], default: { playlist: "missing" } };
    const r = checkSchedules("schedules.json", bad, layouts);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(["$.timeZone", "$.rules[0].cron", "$.rules[0].layout", "$.rules[1].cron", "$.rules[1]", "$.default.playlist"]);
  });
});

describe("decide", () => {
  it("plays the default playlist by the clock, and says what comes next and when", () => {
    const { schedule, crons } = load();
    const at = local("12:00");
    const d = decide(schedule, crons, at, noSteps);
    expect(d.ruleId).toBeUndefined();
    expect(["overview", "health", "economy"]).toContain(d.layoutId);
    expect(d.nextAt! - at).toBeLessThanOrEqual(60_000);
    // The same moment always gives the same answer: resuming lands where the schedule is now.
    expect(decide(schedule, crons, at, noSteps)).toEqual(d);
    const later = decide(schedule, crons, d.nextAt!, noSteps);
    expect(later.layoutId).toBe(d.nextLayoutId);
  });

  it("lets the latest-started rule in force win, and ends it with its window", () => {
    const { schedule, crons } = load();
    expect(decide(schedule, crons, local("23:00"), noSteps)).toMatchObject({ ruleId: "night", layoutId: "cameras" });
    expect(decide(schedule, crons, local("05:59"), noSteps)).toMatchObject({ ruleId: "night", nextAt: local("06:00") });
    expect(decide(schedule, crons, local("06:00"), noSteps).ruleId).toBeUndefined();
    expect(decide(schedule, crons, local("07:45"), noSteps)).toMatchObject({ ruleId: "weekday-briefing", briefing: { id: "morning", ruleStart: local("07:30") }, nextAt: local("08:30") });
    // Saturday: no briefing.
    expect(decide(schedule, crons, local("07:45", "2026-12-05"), noSteps).ruleId).toBeUndefined();
    // Before the briefing, the next change is at the latest its start.
    expect(decide(schedule, crons, local("07:29"), noSteps).nextAt).toBeLessThanOrEqual(local("07:30"));
  });

  it("steps a playlist by an offset that the clock keeps counting from", () => {
    const items = [{ layoutId: "a", seconds: 60 }, { layoutId: "b", seconds: 30 }, { layoutId: "c", seconds: 30 }];
    expect(playlistAt(items, 0, 0, 70_000)).toMatchObject({ index: 1, endsAt: 90_000 });
    const here = playlistAt(items, 0, 0, 70_000);
    const stepped = playlistAt(items, 0, here.endsAt - 70_000, 70_000);
    expect(stepped.index).toBe(2);
    expect(playlistAt(items, 0, 0, 125_000).index).toBe(0);
  });
});

describe("the wall's power through the day", () => {
  const tz = "Asia/Ho_Chi_Minh";
  const entries = [
    { cron: "0 22 * * *", state: "off" as const },
    { cron: "30 5 * * *", state: "on" as const },
    { cron: "0 19 * * 6,0", state: "dim" as const },
  ];
  const crons = entries.map((e) => parseCron(e.cron, tz));
  // Việt Nam's wall clock, as epoch ms (UTC+7).
  const at = (day: number, hh: number, mm = 0) => Date.UTC(2026, 11, day, hh - 7, mm);

  it("is what the last entry whose time came says, until the next one's", () => {
    // Tuesday 1 December 2026.
    expect(powerAt(entries, crons, at(1, 23))).toEqual({ state: "off", nextAt: at(2, 5, 30) });
    expect(powerAt(entries, crons, at(2, 5, 29)).state).toBe("off");
    expect(powerAt(entries, crons, at(2, 5, 30)).state).toBe("on");
    expect(powerAt(entries, crons, at(2, 12))).toEqual({ state: "on", nextAt: at(2, 22) });
    // Saturday 5 December: dimmed from 19:00, off at 22:00.
    expect(powerAt(entries, crons, at(5, 20)).state).toBe("dim");
    expect(powerAt(entries, crons, at(5, 22, 1)).state).toBe("off");
  });

  it("is on without entries", () => {
    expect(powerAt([], [], at(1, 3))).toEqual({ state: "on" });
  });
});

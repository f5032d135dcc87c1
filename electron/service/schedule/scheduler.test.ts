import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useWallService } from "../test-support/wall-service-fixture.js";
import { waitFor } from "../test-support/temp-wall.js";

const ADMIN = "schedule-admin-token-0123456789abcdef";
const ctx = useWallService(ADMIN);

interface State {
  layoutId: string;
  mode: string;
  next: { layoutId: string; at: number } | null;
  briefing: { id: string; index: number; count: number } | null;
  hold: { until: number } | null;
}

async function call(method: string, pathname: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${ctx.service.url}${pathname}`, { method, headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const state = async () => (await call("GET", "/api/state")).body as unknown as State;

const schedule = {
  timeZone: "Asia/Ho_Chi_Minh",
  manualHoldMinutes: 0.05,
  playlists: [{ id: "fast", title: { vi: "Nhanh" }, items: [{ layoutId: "health", seconds: 2 }, { layoutId: "economy", seconds: 2 }, { layoutId: "tourism", seconds: 2 }] }],
  briefings: [{ id: "morning", title: { vi: "Giao ban sáng" }, slides: ["briefing", "overview", "environment"] }],
  default: { playlist: "fast" },
};
const writeSchedule = (s: unknown) => fs.writeFile(path.join(ctx.dirs.layoutsDir, "schedules.json"), typeof s === "string" ? s : JSON.stringify(s));
const playlist = ["health", "economy", "tourism"];

describe("the schedule on the wall", () => {
  it("stays manual without schedules.json, then rotates by the clock once one is written", async () => {
    expect(await state()).toMatchObject({ mode: "manual", next: null, hold: null, briefing: null });
    expect((await call("POST", "/api/schedule/next")).status).toBe(409);
    await writeSchedule(schedule);
    const first = await waitFor(async () => {
      const s = await state();
      return s.mode === "schedule" && playlist.includes(s.layoutId) ? s : undefined;
    });
    expect(playlist).toContain(first.next!.layoutId);
    expect(first.next!.at - Date.now()).toBeLessThanOrEqual(2100);
    // It goes on by itself.
    await waitFor(async () => (await state()).layoutId === first.next!.layoutId, 4000);
  });

  it("holds a manual switch, then the clock decides again where the schedule is now", async () => {
    await writeSchedule(schedule);
    await waitFor(async () => (await state()).mode === "schedule");
    expect((await call("POST", "/api/state/layout", { layoutId: "overview" })).status).toBe(200);
    const held = await state();
    expect(held).toMatchObject({ mode: "manual", layoutId: "overview" });
    expect(held.hold!.until - Date.now()).toBeGreaterThan(2000);
    await waitFor(async () => {
      const s = await state();
      return s.mode === "schedule" && playlist.includes(s.layoutId);
    }, 6000);
    // A pause holds until resumed.
    expect((await call("POST", "/api/schedule/pause", { minutes: 5 })).status).toBe(200);
    const paused = await state();
    expect(paused.mode).toBe("manual");
    await new Promise((r) => setTimeout(r, 2500));
    expect((await state()).layoutId).toBe(paused.layoutId);
    expect((await call("POST", "/api/schedule/resume")).status).toBe(200);
    expect((await state()).mode).toBe("schedule");
  });

  it("steps the playlist with next and previous", async () => {
    await writeSchedule({ ...schedule, playlists: [{ ...schedule.playlists[0], items: schedule.playlists[0]!.items.map((i) => ({ ...i, seconds: 60 })) }] });
    const before = await waitFor(async () => {
      const s = await state();
      return s.mode === "schedule" && playlist.includes(s.layoutId) ? s : undefined;
    });
    const i = playlist.indexOf(before.layoutId);
    expect((await call("POST", "/api/schedule/next")).status).toBe(200);
    expect((await state()).layoutId).toBe(playlist[(i + 1) % 3]);
    expect((await call("POST", "/api/schedule/previous")).status).toBe(200);
    expect((await state()).layoutId).toBe(before.layoutId);
  });

  it("runs a briefing deck stepped by hand, then gives the wall back to the clock", async () => {
    await writeSchedule(schedule);
    await waitFor(async () => (await state()).mode === "schedule");
    expect((await call("POST", "/api/briefings/nope/start")).status).toBe(404);
    expect((await call("POST", "/api/briefings/morning/start")).status).toBe(200);
    expect(await state()).toMatchObject({ mode: "briefing", layoutId: "briefing", briefing: { id: "morning", index: 0, count: 3 } });
    await new Promise((r) => setTimeout(r, 2500));
    expect((await state()).layoutId).toBe("briefing");
    await call("POST", "/api/schedule/next");
    expect(await state()).toMatchObject({ layoutId: "overview", briefing: { index: 1 } });
    await call("POST", "/api/schedule/previous");
    await call("POST", "/api/schedule/previous");
    expect(await state()).toMatchObject({ layoutId: "briefing", briefing: { index: 0 } });
    expect((await call("POST", "/api/briefings/stop")).status).toBe(200);
    expect((await state()).mode).toBe("schedule");
    const audit = (await call("GET", "/api/audit?limit=6")).body.entries as Array<{ action: string }>;
    expect(audit.map((e) => e.action)).toEqual(["briefing.stop", "schedule.step", "schedule.step", "schedule.step", "briefing.start", "briefing.start"]);
  });

  it("refuses a broken edit with file and path, and the last good schedule keeps running", async () => {
    await writeSchedule(schedule);
    await waitFor(async () => (await state()).mode === "schedule");
    await writeSchedule({ ...schedule, rules: [{ id: "bad", cron: "99 * * * *", minutes: 5, layout: "health" }] });
    const errors = await waitFor(async () => {
      const e = ((await call("GET", "/api/layouts")).body.schedules as { errors: Array<{ path: string }> }).errors;
      return e.length > 0 ? e : undefined;
    });
    expect(errors).toEqual([expect.objectContaining({ file: "schedules.json", path: "$.rules[0].cron" })]);
    await waitFor(async () => playlist.includes((await state()).layoutId));
    expect((await state()).mode).toBe("schedule");
    await writeSchedule("{ not json");
    await new Promise((r) => setTimeout(r, 500));
    expect((await state()).mode).toBe("schedule");
  });
});

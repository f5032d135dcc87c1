import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { waitFor } from "../test-support/temp-wall.js";
import { useWallService } from "../test-support/wall-service-fixture.js";

const ADMIN = "alarms-admin-token-0123456789abcdef";
const ctx = useWallService(ADMIN);

async function call(method: string, pathname: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${ctx.service.url}${pathname}`, { method, headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
interface State {
  layoutId: string;
  mode: string;
  alarms: Array<{ id: string; ruleId: string; priority: number; title: string; layoutId: string; raisedAt: number }>;
}
const state = async () => (await call("GET", "/api/state")).body as unknown as State;

const rules = {
  rules: [
    { id: "urgent-feedback", title: { vi: "Phản ánh khẩn" }, topic: "test.feedback", match: { priority: "urgent" }, priority: 80, layout: "camera-wall", revertAfterSeconds: 600 },
    { id: "salinity-high", topic: "test.salinity", above: 4, priority: 60, layout: "environment" },
  ],
};
const events = (...items: Array<{ id: string; priority: string; camera?: string }>) => ({ kind: "events" as const, items: items.map((i) => ({ ts: Date.now(), title: `Phản ánh ${i.id}`, ...i })) });

async function armed(): Promise<void> {
  await fs.writeFile(path.join(ctx.dirs.layoutsDir, "alarms.json"), JSON.stringify(rules));
  // The folder watch takes the file within its 150 ms debounce.
  await new Promise((r) => setTimeout(r, 500));
  // Baselines: what is on the feed before counts as history.
  ctx.service.feed.hub.publish("test.feedback", events({ id: "old", priority: "urgent" }));
  ctx.service.feed.hub.publish("test.salinity", { kind: "number", value: 3.2, unit: "‰" });
}

describe("alarms", () => {
  it("take the wall on a new urgent event, with its camera, and give it back exactly on acknowledgement", async () => {
    await call("POST", "/api/state/layout", { layoutId: "health" });
    await armed();
    ctx.service.feed.hub.publish("test.feedback", events({ id: "old", priority: "urgent" }, { id: "new-1", priority: "urgent", camera: "cam-05" }, { id: "new-2", priority: "normal" }));
    const taken = await waitFor(async () => {
      const s = await state();
      return s.mode === "alarm" ? s : undefined;
    });
    expect(taken.layoutId).toBe("camera-wall");
    expect(taken.alarms).toEqual([expect.objectContaining({ id: "urgent-feedback:new-1", ruleId: "urgent-feedback", priority: 80, layoutId: "camera-wall", title: "Phản ánh khẩn: Phản ánh new-1" })]);
    // The event's camera on the alarm layout's first camera tile.
    expect(Object.values(ctx.service.state.current().overrides)).toEqual([expect.objectContaining({ widget: "camera", options: expect.objectContaining({ camera: "cam-05" }) })]);
    expect((await call("POST", "/api/alarms/nope/ack")).status).toBe(404);
    expect((await call("POST", "/api/alarms/urgent-feedback:new-1/ack")).status).toBe(200);
    expect(await state()).toMatchObject({ mode: "manual", layoutId: "health", alarms: [] });
    expect(ctx.service.state.current().overrides).toEqual({});
    const audit = (await call("GET", "/api/audit?limit=4")).body.entries as Array<{ action: string; who: string; details: Record<string, unknown> }>;
    expect(audit.map((e) => `${e.action} ${e.who}`)).toEqual(["alarm.ack alarm", "alarm.ack admin", "alarm.raise alarm", "alarm.raise alarm"]);
    expect(audit[0]!.details).toMatchObject({ returned: true });
    expect(audit[2]!.details).toMatchObject({ takeover: true });
  });

  it("let a higher priority replace a lower one, hold off below an operator's lock, and clear a number that is back", async () => {
    await armed();
    const start = (await state()).layoutId;
    ctx.service.feed.hub.publish("test.salinity", { kind: "number", value: 4.6, unit: "‰" });
    await waitFor(async () => (await state()).layoutId === "environment");
    ctx.service.feed.hub.publish("test.feedback", events({ id: "u2", priority: "urgent" }));
    await waitFor(async () => (await state()).layoutId === "camera-wall");
    await call("POST", "/api/alarms/urgent-feedback:u2/ack");
    await waitFor(async () => (await state()).layoutId === "environment");
    ctx.service.feed.hub.publish("test.salinity", { kind: "number", value: 3.1, unit: "‰" });
    await waitFor(async () => (await state()).layoutId === start);
    expect((await state()).mode).toBe("manual");

    expect((await call("POST", "/api/alarms/lock", { minPriority: 90 })).status).toBe(200);
    ctx.service.feed.hub.publish("test.feedback", events({ id: "u3", priority: "urgent" }));
    await waitFor(async () => (await state()).alarms.length === 1);
    expect((await state()).layoutId).toBe(start);
    expect((await call("DELETE", "/api/alarms/lock")).status).toBe(200);
    await waitFor(async () => (await state()).layoutId === "camera-wall");
  });

  it("refuses an alarms.json with a rule of two kinds, naming it", async () => {
    await fs.writeFile(path.join(ctx.dirs.layoutsDir, "alarms.json"), JSON.stringify({ rules: [{ id: "x", topic: "a.b", above: 1, down: true, priority: 1, layout: "health" }] }));
    const errors = await waitFor(async () => {
      const e = ((await call("GET", "/api/layouts")).body.alarms as { errors: Array<{ path: string }> }).errors;
      return e.length > 0 ? e : undefined;
    });
    expect(errors[0]).toMatchObject({ file: "alarms.json", path: "$.rules[0]" });
  });
});

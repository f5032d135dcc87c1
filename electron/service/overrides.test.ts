import { io } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { useWallService } from "./test-support/wall-service-fixture.js";
import { events, type Ack, type WallState } from "../common/protocol.js";
import { waitFor } from "./test-support/temp-wall.js";

const ADMIN = "overrides-admin-token-0123456789abcdef";
const ctx = useWallService(ADMIN);
const sockets = ctx.sockets;

async function call(method: string, pathname: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${ctx.service.url}${pathname}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const tile = (id: string) => ctx.service.state.current().layout.tiles.find((t) => t.id === id)!;

describe("overrides and undo", () => {
  it("pushes a camera onto a tile of the active layout, on every display, and takes it back", async () => {
    const display = io(`${ctx.service.url}/display`, { auth: { displayId: "D1" }, transports: ["websocket"], forceNew: true });
    sockets.push(display);
    const states: WallState[] = [];
    display.on(events.state, (s: WallState) => states.push(s));
    await waitFor(() => states[0]);
    const pushed = await call("POST", "/api/state/overrides", { tileId: "kpi-health", widget: "camera", options: { camera: "cam-03" } });
    expect(pushed.status).toBe(200);
    expect(pushed.body.overrides).toEqual({ "kpi-health": { widget: "camera", options: expect.objectContaining({ camera: "cam-03" }) } });
    const shown = await waitFor(() => states.find((s) => s.layout.tiles.find((t) => t.id === "kpi-health")?.widget === "camera"));
    expect(shown.overrides["kpi-health"]!.widget).toBe("camera");
    expect((await call("GET", "/api/state")).body.overrides).toMatchObject({ "kpi-health": { widget: "camera" } });

    expect((await call("POST", "/api/state/overrides", { tileId: "nowhere", widget: "camera", options: { camera: "cam-03" } })).status).toBe(404);
    expect((await call("POST", "/api/state/overrides", { tileId: "kpi-health", widget: "camera", options: {} })).status).toBe(400);
    expect((await call("POST", "/api/state/overrides", { tileId: "kpi-health", widget: "hologram", options: {} })).status).toBe(400);

    expect((await call("DELETE", "/api/state/overrides/kpi-health")).status).toBe(200);
    expect(tile("kpi-health").widget).toBe("kpi");
    expect((await call("DELETE", "/api/state/overrides/kpi-health")).status).toBe(404);
    await call("POST", "/api/state/overrides", { tileId: "kpi-health", widget: "camera", options: { camera: "cam-03" } });
    await call("POST", "/api/state/overrides", { tileId: "kpi-admin", widget: "camera", options: { camera: "cam-04" } });
    expect((await call("DELETE", "/api/state/overrides")).status).toBe(200);
    expect(ctx.service.state.current().overrides).toEqual({});
  });

  it("undoes the last switch or override, step by step, and says when there is nothing left", async () => {
    expect((await call("POST", "/api/state/undo")).status).toBe(409);
    await call("POST", "/api/state/layout", { layoutId: "health" });
    await call("POST", "/api/state/layout", { layoutId: "briefing" });
    const firstTile = ctx.service.state.current().layout.tiles[0]!.id;
    await call("POST", "/api/state/overrides", { tileId: firstTile, widget: "camera", options: { camera: "cam-01" } });
    expect((await call("POST", "/api/state/undo")).status).toBe(200);
    expect(ctx.service.state.current()).toMatchObject({ layoutId: "briefing", overrides: {} });
    expect((await call("POST", "/api/state/undo")).status).toBe(200);
    expect(ctx.service.state.current().layoutId).toBe("health");
    expect((await call("POST", "/api/state/undo")).body).toMatchObject({ layoutId: "overview" });
    expect((await call("POST", "/api/state/undo")).status).toBe(409);
  });

  it("clears overrides on a layout switch, keeps them across a restart, and takes the same commands over the socket", async () => {
    await call("POST", "/api/state/overrides", { tileId: "kpi-health", widget: "camera", options: { camera: "cam-02" } });
    await ctx.restart();
    expect(tile("kpi-health").widget).toBe("camera");
    const control = io(`${ctx.service.url}/control`, { auth: { token: ADMIN }, transports: ["websocket"], forceNew: true });
    sockets.push(control);
    expect((await control.emitWithAck(events.switchLayout, { layoutId: "health" })) as Ack).toEqual({ ok: true });
    expect(ctx.service.state.current().overrides).toEqual({});
    const firstTile = ctx.service.state.current().layout.tiles[0]!.id;
    expect((await control.emitWithAck(events.setOverride, { tileId: firstTile, widget: "camera", options: { camera: "cam-05" } })) as Ack).toEqual({ ok: true });
    expect((await control.emitWithAck(events.clearOverride, { tileId: firstTile })) as Ack).toEqual({ ok: true });
    expect((await control.emitWithAck(events.undo, {})) as Ack).toEqual({ ok: true });
    expect(tile(firstTile).widget).toBe("camera");
    const audit = (await call("GET", "/api/audit?limit=4")).body.entries as Array<{ action: string }>;
    expect(audit.map((e) => e.action)).toEqual(["undo", "override.clear", "override.set", "layout.switch"]);
  });
});

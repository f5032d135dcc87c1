import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LayoutStore, type StoreChange } from "./layout-store.js";
import { silentLogger } from "./log.js";
import { tempWall, waitFor } from "./test-support/temp-wall.js";

let dirs: Awaited<ReturnType<typeof tempWall>>;
let store: LayoutStore;

beforeEach(async () => {
  dirs = await tempWall();
  store = new LayoutStore(dirs.layoutsDir, silentLogger);
});
afterEach(async () => {
  store.close();
  await dirs.cleanup();
});

const file = (name: string) => path.join(dirs.layoutsDir, name);

describe("LayoutStore", () => {
  it("loads the topology and every valid layout", async () => {
    await store.load();
    expect(store.topology.displays).toHaveLength(6);
    expect(store.layoutIds()).toEqual(expect.arrayContaining(["briefing", "overview", "situation", "intro", "health", "feedback"]));
    expect(store.layoutIds()).toHaveLength((await fs.readdir(dirs.layoutsDir)).filter((f) => f.endsWith(".layout.json")).length);
  });

  it("keeps the last good version of a layout whose edit is broken, and reports the error", async () => {
    await store.load();
    const before = store.layout("overview");
    await fs.writeFile(file("overview.layout.json"), '{ "id": "overview", "title": ');
    await store.rescan();
    expect(store.layout("overview")).toEqual(before);
    const summary = store.summaries().find((s) => s.id === "overview")!;
    expect(summary.inUse).toBe(true);
    expect(summary.errors[0]).toMatchObject({ file: "overview.layout.json", path: "$" });
    expect(summary.errors[0]!.message).toMatch(/not valid JSON/);
  });

  it("refuses a semantically broken edit with the JSON path, then takes the fix", async () => {
    await store.load();
    const raw = JSON.parse(await fs.readFile(file("briefing.layout.json"), "utf8"));
    raw.tiles[1].x = 0; // onto the agenda tile
    await fs.writeFile(file("briefing.layout.json"), JSON.stringify(raw));
    await store.rescan();
    expect(store.summaries().find((s) => s.id === "briefing")!.errors.map((e) => e.path)).toEqual(["$.tiles[1]"]);
    raw.tiles[1].x = 2;
    raw.title.vi = "Giao ban sáng thứ Hai";
    await fs.writeFile(file("briefing.layout.json"), JSON.stringify(raw));
    await store.rescan();
    expect(store.layout("briefing")!.title.vi).toBe("Giao ban sáng thứ Hai");
    expect(store.summaries().find((s) => s.id === "briefing")!.errors).toEqual([]);
  });

  it("refuses a layout that would open more maps in one window than wall.json allows, naming the tiles", async () => {
    await store.load();
    // 24 maps on a 6×4 grid: each display of the 3×2 wall shows four, within the default budget of four.
    const maps = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, x: i % 6, y: Math.floor(i / 6), w: 1, h: 1, widget: "map" }));
    const layout = { id: "maps", title: { vi: "Bản đồ" }, grid: { columns: 6, rows: 4 }, tiles: maps(24) };
    await fs.writeFile(file("maps.layout.json"), JSON.stringify(layout));
    await store.rescan();
    expect(store.layout("maps")?.tiles).toHaveLength(24);
    const wall = JSON.parse(await fs.readFile(file("wall.json"), "utf8"));
    await fs.writeFile(file("wall.json"), JSON.stringify({ ...wall, webglPerDisplay: 3 }));
    await store.rescan();
    const errors = store.summaries().find((s) => s.id === "maps")!.errors;
    expect(errors).toHaveLength(6);
    expect(errors[0]!.message).toBe(
      'display "D1" would show 4 maps (tiles "m0", "m1", "m6", "m7"), more than the 3 WebGL contexts a display may hold (wall.json webglPerDisplay)',
    );
  });

  it("notices edits by itself while watching", async () => {
    await store.load();
    const changes: StoreChange[] = [];
    store.on("change", (c) => changes.push(c));
    store.watch(20);
    const raw = JSON.parse(await fs.readFile(file("situation.layout.json"), "utf8"));
    raw.title.vi = "Ứng phó xâm nhập mặn";
    await fs.writeFile(file("situation.layout.json"), JSON.stringify(raw));
    await waitFor(() => changes.find((c) => c.layoutsChanged.includes("situation")));
    expect(store.layout("situation")!.title.vi).toBe("Ứng phó xâm nhập mặn");
  });

  it("keeps a removed layout in use, marked as removed", async () => {
    await store.load();
    await fs.rm(file("situation.layout.json"));
    await store.rescan();
    expect(store.layout("situation")).toBeDefined();
    expect(store.summaries().find((s) => s.id === "situation")!.errors[0]!.message).toMatch(/removed/);
  });

  it("keeps the last good wall.json when an edit breaks it", async () => {
    await store.load();
    await fs.writeFile(file("wall.json"), JSON.stringify({ columns: 0, rows: 2, display: { width: 1920, height: 1080 } }));
    await store.rescan();
    expect(store.topology.columns).toBe(3);
    expect(store.topologyErrors[0]).toMatchObject({ file: "wall.json", path: "$.columns" });
  });

  it("starts with the last good version of files broken while it was down", async () => {
    const lastGood = path.join(dirs.stateDir, "last-good");
    const first = new LayoutStore(dirs.layoutsDir, silentLogger, lastGood);
    await first.load();
    first.close();
    await fs.writeFile(file("wall.json"), "{ broken");
    await fs.writeFile(file("overview.layout.json"), "{ broken");
    const catalog = JSON.parse(await fs.readFile(file("cameras.json"), "utf8"));
    catalog.cameras[0].streams[0].url = "http://vms.local:99999/live.m3u8";
    await fs.writeFile(file("cameras.json"), JSON.stringify(catalog));
    const second = new LayoutStore(dirs.layoutsDir, silentLogger, lastGood);
    await second.load();
    expect(second.topology.displays).toHaveLength(6);
    expect(second.topologyErrors[0]!.message).toMatch(/not valid JSON/);
    expect(second.layout("overview")!.title.vi).toBe("Tổng quan tỉnh Sóc Trăng");
    expect(second.summaries().find((s) => s.id === "overview")).toMatchObject({ inUse: true, errors: [expect.objectContaining({ path: "$" })] });
    // An optional file too: the catalog is the last good one, not an empty one.
    expect(second.cameras.cameras[0]!.streams[0]!.url).toMatch(/^\/streams\/cam-01\//);
    expect(second.camerasErrors[0]).toMatchObject({ path: "$.cameras[0].streams[0].url" });
    second.close();
  });

  it("refuses to start without a valid wall.json, saying why", async () => {
    await fs.writeFile(file("wall.json"), "{");
    await expect(store.load()).rejects.toThrow(/wall\.json.*not valid JSON/);
  });
});

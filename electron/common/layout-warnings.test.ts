import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCameras } from "./cameras-file.js";
import { checkLayout, type Layout } from "./layout.js";
import { layoutWarnings } from "./layout-warnings.js";
import { checkTopology } from "./topology.js";

const read = (name: string) => JSON.parse(fs.readFileSync(path.resolve("layouts", name), "utf8")) as unknown;
const topologyChecked = checkTopology("wall.json", read("wall.json"));
const camerasChecked = checkCameras("cameras.json", read("cameras.json"));
if (!topologyChecked.ok || !camerasChecked.ok) throw new Error("the shipped wall.json and cameras.json are valid");
const ctx = { topology: topologyChecked.value, cameras: camerasChecked.value };

function layout(tiles: Layout["tiles"]): Layout {
  return { id: "t", title: { vi: "t" }, grid: { columns: 12, rows: 12 }, tiles };
}

describe("layout warnings", () => {
  it("names a tile whose edge leaves a sliver on a display, with file and path", () => {
    // On a 20-column grid of the 5808 px canvas, x 0..7 ends at 2033 px: 89 px into D2 (from 1944).
    const l: Layout = { ...layout([{ id: "wide", x: 0, y: 0, w: 7, h: 3, widget: "clock", options: {} }]), grid: { columns: 20, rows: 12 } };
    const warnings = layoutWarnings("t.layout.json", l, ctx);
    expect(warnings).toEqual([expect.objectContaining({ file: "t.layout.json", path: "$.tiles[0]", message: expect.stringMatching(/sliver of \d+×\d+ px on display "D2"/) })]);
  });

  it("says nothing of a tile whose edges fall in bezels or well inside displays", () => {
    expect(layoutWarnings("t.layout.json", layout([{ id: "a", x: 0, y: 0, w: 4, h: 6, widget: "clock", options: {} }, { id: "b", x: 4, y: 0, w: 4, h: 6, widget: "clock", options: {} }]), ctx)).toEqual([]);
  });

  it("names a topic no source publishes, and stays silent while the feed cannot tell", () => {
    const l = layout([{ id: "k", x: 0, y: 0, w: 4, h: 3, widget: "kpi", options: { topic: "health.beds.occupancyy" } }]);
    const topics = (t: string): "known" | "unknown" => (t === "health.beds.occupancy" ? "known" : "unknown");
    expect(layoutWarnings("t.layout.json", l, { ...ctx, topics })).toEqual([expect.objectContaining({ path: "$.tiles[0].options.topic", message: expect.stringContaining('"health.beds.occupancyy"') })]);
    expect(layoutWarnings("t.layout.json", l, { ...ctx, topics: () => "unsure" as const })).toEqual([]);
  });

  it("names cameras and groups the catalog does not have", () => {
    const l = layout([
      { id: "c", x: 0, y: 0, w: 4, h: 6, widget: "camera", options: { camera: "cam-99" } },
      { id: "g", x: 4, y: 0, w: 4, h: 6, widget: "camera-grid", options: { cameras: ["cam-01", "cam-98"] } },
      { id: "h", x: 8, y: 0, w: 4, h: 6, widget: "camera-grid", options: { group: "khong-co" } },
    ]);
    expect(layoutWarnings("t.layout.json", l, ctx).map((w) => w.path)).toEqual(["$.tiles[0].options.camera", "$.tiles[1].options.cameras[1]", "$.tiles[2].options.group"]);
  });

  it("finds nothing to say about any shipped layout", () => {
    for (const name of fs.readdirSync("layouts").filter((n) => n.endsWith(".layout.json"))) {
      const checked = checkLayout(name, read(name), name.replace(".layout.json", ""));
      if (!checked.ok) throw new Error(name);
      expect(layoutWarnings(name, checked.value, ctx), name).toEqual([]);
    }
  });
});

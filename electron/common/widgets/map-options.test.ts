import { describe, expect, it } from "vitest";
import type { Layout } from "../layout.js";
import { mapOptionsSchema } from "./map-options.js";
import { tileOrigins } from "./map-sources.js";

describe("map options", () => {
  it("fill in a working map of Sóc Trăng on the offline basemap", () => {
    const o = mapOptionsSchema.parse({});
    expect(o).toMatchObject({ center: [105.97, 9.6], bearing: 0, basemap: "offline", labels: "vi" });
    expect(o.overlays).toEqual([{ type: "districts", labels: true }]);
  });

  it("refuse what a map cannot show, with the path of the mistake", () => {
    const bad = mapOptionsSchema.safeParse({ center: [200, 9], overlays: [{ type: "weather" }], basemap: { type: "pmtiles", url: "ftp://x/y.pmtiles" } });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["center.0", "overlays.0.type"]));
    expect(paths.some((p) => p.startsWith("basemap"))).toBe(true);
  });

  it("give the CSP the origins of the layouts' own tiles, and nothing for paths on the wall service", () => {
    const tile = (basemap: unknown) => ({ id: "m", x: 0, y: 0, w: 1, h: 1, widget: "map", options: mapOptionsSchema.parse({ basemap }) });
    const layout: Layout = {
      id: "l",
      title: { vi: "l" },
      grid: { columns: 1, rows: 1 },
      tiles: [tile({ type: "vector", tiles: ["https://Tiles.IOC.example:8443/{z}/{x}/{y}.pbf"] }), tile({ type: "pmtiles", url: "/tiles/a.pmtiles" }), tile("offline")],
    };
    expect(tileOrigins([layout])).toEqual(["https://tiles.ioc.example:8443"]);
  });
});

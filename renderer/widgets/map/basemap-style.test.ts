import { describe, expect, it } from "vitest";
import { basemapSchema } from "../../../electron/common/widgets/map-options.js";
import { basemapStyle, BUILTIN_SOURCES, OWN_LAYER_PREFIX } from "./basemap-style.js";

/** Basemaps as layouts give them, through the options schema (defaults filled in). */
const basemapOptions = {
  pmtiles: basemapSchema.parse({ type: "pmtiles", url: "/tiles/province.pmtiles" }),
  vector: basemapSchema.parse({ type: "vector", tiles: ["https://tiles.ioc.example/{z}/{x}/{y}.pbf", "/tiles/{z}/{x}/{y}.pbf"] }),
  raster: basemapSchema.parse({ type: "raster", tiles: ["https://ortho.ioc.example/{z}/{x}/{y}.png"] }),
};

const PAGE = "http://10.0.0.5:8080/wall/D1";

describe("basemapStyle", () => {
  it("draws the built-in offline basemap from the wall service, with no glyphs or sprites to fetch", () => {
    const style = basemapStyle(PAGE, "offline");
    expect(Object.keys(style.sources).sort()).toEqual([...BUILTIN_SOURCES].sort());
    expect(style.sources.land).toMatchObject({ type: "geojson", data: "http://10.0.0.5:8080/basemap/land.geojson" });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it("puts an operator's tiles over the built-in land and under its borders, so a failed tile shows the built-in map", () => {
    const style = basemapStyle(PAGE, basemapOptions.pmtiles);
    const ids = style.layers.map((l) => l.id);
    const own = ids.filter((id) => id.startsWith(OWN_LAYER_PREFIX));
    expect(own.length).toBeGreaterThan(0);
    expect(ids.indexOf("land")).toBeLessThan(ids.indexOf(own[0]!));
    expect(ids.indexOf(own.at(-1)!)).toBeLessThan(ids.indexOf("borders"));
    expect(style.sources.own).toEqual({ type: "vector", url: "pmtiles://http://10.0.0.5:8080/tiles/province.pmtiles" });
  });

  it("keeps tile templates intact: {z}/{x}/{y} reach maplibre unescaped", () => {
    const vector = basemapStyle(PAGE, basemapOptions.vector);
    expect(vector.sources.own).toMatchObject({ tiles: ["https://tiles.ioc.example/{z}/{x}/{y}.pbf", "http://10.0.0.5:8080/tiles/{z}/{x}/{y}.pbf"] });
    const raster = basemapStyle(PAGE, basemapOptions.raster);
    expect(raster.sources.own).toMatchObject({ type: "raster", tileSize: 256, tiles: ["https://ortho.ioc.example/{z}/{x}/{y}.png"] });
    expect(raster.layers.filter((l) => l.id.startsWith(OWN_LAYER_PREFIX)).map((l) => l.type)).toEqual(["raster"]);
  });

  it("reads OpenMapTiles layer names as well as Protomaps ones", () => {
    const layers = basemapStyle(PAGE, basemapOptions.vector).layers as Array<{ id: string; "source-layer"?: string }>;
    expect(layers.filter((l) => l.id.startsWith(OWN_LAYER_PREFIX)).map((l) => l["source-layer"])).toEqual(["water", "water", "boundary", "transportation"]);
  });
});

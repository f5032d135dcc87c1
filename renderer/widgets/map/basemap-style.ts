import type { FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import type { Basemap } from "../../../electron/common/widgets/map-options.js";

/** A dark wall palette: land a little lighter than the sea, lines quiet, roads warm. */
export const palette = {
  water: "#0a1826",
  land: "#17222e",
  landDetail: "#1b2835",
  border: "#7d8fa3",
  district: "#3f6f96",
  river: "#1f4d78",
  road: "#b07c36",
} as const;

/** The built-in basemap's sources: a map is drawn once these are in, whatever the operator's tiles do. */
export const BUILTIN_SOURCES = ["world", "land", "water", "borders", "districts", "lines"] as const;

/** Layer ids of the operator's own basemap: drawn over the built-in land, under our lines. */
export const OWN_LAYER_PREFIX = "own-";

function geojson(base: string, name: string): SourceSpecification {
  return { type: "geojson", data: new URL(`/basemap/${name}.geojson`, base).href, maxzoom: 12, tolerance: 0.5 };
}

/**
 * An absolute address for maplibre's workers, which do not know the page's address. Not through
 * `URL`: it would escape the {z}/{x}/{y} of a tile template.
 */
function absolute(base: string, url: string): string {
  return /^https?:\/\//i.test(url) ? url : `${new URL(base).origin}${url}`;
}

function ownSources(base: string, basemap: Basemap): Record<string, SourceSpecification> {
  if (basemap === "offline") return {};
  switch (basemap.type) {
    case "pmtiles":
      return { own: { type: "vector", url: `pmtiles://${absolute(base, basemap.url)}` } };
    case "vector":
      return { own: { type: "vector", tiles: basemap.tiles.map((t) => absolute(base, t)), maxzoom: basemap.maxzoom } };
    case "raster":
      return { own: { type: "raster", tiles: basemap.tiles.map((t) => absolute(base, t)), tileSize: basemap.tileSize, maxzoom: basemap.maxzoom } };
  }
}

/** Layer names by tile schema: Protomaps basemaps and OpenMapTiles name the same things differently. */
const schemaLayers = {
  protomaps: { earth: "earth", water: "water", roads: "roads", boundaries: "boundaries" },
  openmaptiles: { earth: undefined, water: "water", roads: "transportation", boundaries: "boundary" },
} as const;

function ownLayers(basemap: Basemap): LayerSpecification[] {
  if (basemap === "offline") return [];
  const id = (name: string) => `${OWN_LAYER_PREFIX}${name}`;
  if (basemap.type === "raster") return [{ id: id("raster"), type: "raster", source: "own", paint: { "raster-opacity": 0.9 } }];
  const names = schemaLayers[basemap.schema];
  const polygons: FilterSpecification = ["==", ["geometry-type"], "Polygon"];
  const lines: FilterSpecification = ["==", ["geometry-type"], "LineString"];
  return [
    ...(names.earth ? [{ id: id("earth"), type: "fill", source: "own", "source-layer": names.earth, paint: { "fill-color": palette.landDetail } } as const] : []),
    { id: id("water"), type: "fill", source: "own", "source-layer": names.water, filter: polygons, paint: { "fill-color": palette.water } },
    { id: id("waterways"), type: "line", source: "own", "source-layer": names.water, filter: lines, paint: { "line-color": palette.river, "line-width": 2.5 } },
    { id: id("boundaries"), type: "line", source: "own", "source-layer": names.boundaries, paint: { "line-color": palette.district, "line-width": 1.2, "line-dasharray": [3, 2] } },
    { id: id("roads"), type: "line", source: "own", "source-layer": names.roads, paint: { "line-color": palette.road, "line-width": 1.6 } },
  ];
}

/**
 * The whole style: the built-in offline basemap (Natural Earth land and borders, OpenStreetMap's
 * coast and rivers in the delta, the demo districts and roads) always, and the operator's tiles over its land when the layout
 * names them. No glyphs or sprites: labels are drawn by deck.gl with the bundled font.
 */
export function basemapStyle(base: string, basemap: Basemap): StyleSpecification {
  const sources: Record<string, SourceSpecification> = Object.fromEntries(BUILTIN_SOURCES.map((name) => [name, geojson(base, name)]));
  return {
    version: 8,
    sources: { ...sources, ...ownSources(base, basemap) },
    layers: [
      { id: "water", type: "background", paint: { "background-color": palette.water } },
      { id: "world", type: "fill", source: "world", maxzoom: 5, paint: { "fill-color": palette.land } },
      { id: "land", type: "fill", source: "land", minzoom: 3, paint: { "fill-color": palette.land } },
      { id: "rivers", type: "fill", source: "water", minzoom: 6, paint: { "fill-color": palette.water } },
      ...ownLayers(basemap),
      { id: "borders", type: "line", source: "borders", paint: { "line-color": palette.border, "line-width": 1.4 } },
      { id: "districts", type: "line", source: "districts", paint: { "line-color": palette.district, "line-width": 1 } },
      { id: "roads", type: "line", source: "lines", filter: ["==", ["get", "kind"], "road"], paint: { "line-color": palette.road, "line-width": 1.6 } },
    ],
  };
}

/**
 * Builds the offline basemap that ships with the app from Natural Earth (the `world-atlas` npm
 * package), the real coast and river channels of the Mekong delta (OpenStreetMap, extracted by
 * extract-delta.mjs) and the hand-made demo geography of Sóc Trăng: GeoJSON files under
 * dist/basemap, served by the wall service at /basemap. No network is needed to build or to show it.
 */
import { Delaunay } from "d3-delaunay";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import polygonClipping from "polygon-clipping";
import { feature, mesh } from "topojson-client";
// The district seats the simulator uses too, from the compiled common code (`npm run build` compiles it first).
import { socTrangDistricts } from "../../dist/electron/common/geo/soc-trang-districts.js";
import { places, provinceOutline, roads } from "./demo-geography.mjs";
import { encodePmtiles, makeVectorTiles } from "./pmtiles-writer.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** OpenStreetMap's coast and rivers around the province (ODbL: attributed on every map). */
const delta = JSON.parse(fs.readFileSync(path.join(root, "scripts/basemap/data/mekong-delta.json"), "utf8"));
const atlas = (name) => JSON.parse(fs.readFileSync(path.join(root, "node_modules/world-atlas", name), "utf8"));

/** Natural Earth at 1:10m is kept only around Vietnam and its neighbours; 1:110m covers the rest. */
export const DETAIL_BBOX = [92, -2, 124, 26];
const DEMO_NOTE = "simplified demo geometry, not an official boundary";

const round = (n) => Math.round(n * 1e5) / 1e5;
const roundCoords = (c) => (typeof c[0] === "number" ? [round(c[0]), round(c[1])] : c.map(roundCoords));
const bboxPolygon = ([w, s, e, n]) => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
const asMulti = (g) => (g.type === "Polygon" ? [g.coordinates] : g.coordinates);
const collection = (features) => ({ type: "FeatureCollection", features });
const multiPolygon = (coords) => ({ type: "MultiPolygon", coordinates: roundCoords(coords) });

/** Natural Earth's land, with OpenStreetMap's in the delta (its estuaries and islands). */
function detailedLand() {
  const countries = atlas("countries-10m.json");
  const clip = bboxPolygon(DETAIL_BBOX);
  const features = [];
  for (const f of feature(countries, countries.objects.countries).features) {
    if (!f.geometry) continue;
    let clipped = polygonClipping.intersection(asMulti(f.geometry), clip);
    if (f.properties.name === "Vietnam") clipped = polygonClipping.union(polygonClipping.difference(clipped, bboxPolygon(delta.bbox)), delta.land);
    if (clipped.length > 0) features.push({ type: "Feature", properties: { name: f.properties.name }, geometry: multiPolygon(clipped) });
  }
  return { countries, features };
}

function inside([lon, lat], [w, s, e, n]) {
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

/** Borders between countries, cut to the detailed area (a segment survives if both ends are in). */
function detailedBorders(countries) {
  const lines = mesh(countries, countries.objects.countries, (a, b) => a !== b).coordinates;
  const kept = [];
  for (const line of lines) {
    let run = [];
    for (const p of line) {
      if (inside(p, DETAIL_BBOX)) run.push(p);
      else {
        if (run.length > 1) kept.push(run);
        run = [];
      }
    }
    if (run.length > 1) kept.push(run);
  }
  return collection([{ type: "Feature", properties: { kind: "country" }, geometry: { type: "MultiLineString", coordinates: roundCoords(kept) } }]);
}

function worldLand() {
  const land = atlas("land-110m.json");
  return collection(feature(land, land.objects.land).features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: roundCoords(f.geometry.coordinates) } })));
}

/** Districts: each seat's Voronoi cell, inside the province outline, on land and off the rivers. */
function demoDistricts(landFeatures) {
  const vietnam = landFeatures.find((f) => f.properties.name === "Vietnam");
  const outline = [provinceOutline];
  // The outline reaches over the Hậu river: of what the channels cut off, only land holding a
  // district seat (the province, the Cù Lao Dung island) is the province's.
  const seatIn = (polygon) => socTrangDistricts.some(({ lon, lat }) => polygonClipping.intersection([polygon], [[[lon - 1e-4, lat - 1e-4], [lon + 1e-4, lat - 1e-4], [lon + 1e-4, lat + 1e-4], [lon - 1e-4, lat + 1e-4], [lon - 1e-4, lat - 1e-4]]]).length > 0);
  const province = polygonClipping.difference(polygonClipping.intersection(outline, vietnam ? vietnam.geometry.coordinates : outline), delta.water).filter(seatIn);
  const [w, s, e, n] = [105.3, 9.0, 106.6, 10.2];
  const voronoi = Delaunay.from(socTrangDistricts.map((d) => [d.lon, d.lat])).voronoi([w, s, e, n]);
  return collection(
    socTrangDistricts.map(({ code, name, nameEn }, i) => ({
      type: "Feature",
      id: i + 1,
      properties: { code, name, name_en: nameEn, demo: true, note: DEMO_NOTE },
      geometry: multiPolygon(polygonClipping.intersection([[voronoi.cellPolygon(i)]], province)),
    })),
  );
}

function demoLines() {
  return collection(roads.map((r) => ({ type: "Feature", properties: { kind: "road", ref: r.ref, demo: true }, geometry: { type: "LineString", coordinates: r.line } })));
}

/** The Hậu river's channels and the other large rivers of the delta, as areas. */
function riverAreas() {
  return collection([{ type: "Feature", properties: { kind: "river", attribution: delta.attribution }, geometry: multiPolygon(delta.water) }]);
}

function placeLabels() {
  const point = (lon, lat) => ({ type: "Point", coordinates: [lon, lat] });
  return collection([
    ...places.map(([kind, vi, en, lon, lat, minzoom]) => ({ type: "Feature", properties: { kind, name_vi: vi, name_en: en, minzoom }, geometry: point(lon, lat) })),
    ...socTrangDistricts.map(({ code, name: vi, nameEn: en, lon, lat }) => ({
      type: "Feature",
      properties: { kind: "district", code, name_vi: vi, name_en: en, minzoom: 8.5 },
      geometry: point(lon, lat),
    })),
  ]);
}

/**
 * A demo PMTiles archive in the Protomaps basemap schema (earth, water, roads, boundaries): what
 * an operator's own archive looks like to the wall, so the `pmtiles` path is exercised for real.
 */
const DEMO_TILES_BBOX = [104.5, 8.4, 107.2, 10.8];
function demoPmtiles(land, districts, lines, water) {
  const clip = bboxPolygon(DEMO_TILES_BBOX);
  const earth = land.features.flatMap((f) => {
    const c = polygonClipping.intersection(f.geometry.coordinates, clip);
    return c.length > 0 ? [{ type: "Feature", properties: { kind: "earth" }, geometry: multiPolygon(c) }] : [];
  });
  const boundaries = districts.features.map((f) => ({
    type: "Feature",
    properties: { kind: "county", name: f.properties.name, demo: true },
    geometry: { type: "MultiLineString", coordinates: f.geometry.coordinates.flat() },
  }));
  const of = (kind) => lines.features.filter((f) => f.properties.kind === kind);
  const layers = {
    earth: collection(earth),
    water: collection(water.features.map((f) => ({ ...f, properties: { kind: "river" } }))),
    roads: collection(of("road").map((f) => ({ ...f, properties: { kind: "major_road", ref: f.properties.ref } }))),
    boundaries: collection(boundaries),
  };
  const [minZoom, maxZoom] = [5, 12];
  return encodePmtiles({
    tiles: makeVectorTiles(layers, { minZoom, maxZoom }),
    tileType: "mvt",
    minZoom,
    maxZoom,
    bounds: DEMO_TILES_BBOX,
    center: [105.97, 9.6, 9],
    metadata: {
      name: "Sóc Trăng demo",
      attribution: `Natural Earth; ${delta.attribution}; ${DEMO_NOTE}`,
      vector_layers: Object.keys(layers).map((id) => ({ id, fields: {}, minzoom: minZoom, maxzoom: maxZoom })),
    },
  });
}

export function buildBasemap() {
  const { countries, features } = detailedLand();
  const land = collection(features);
  const districts = demoDistricts(features);
  const lines = demoLines();
  const water = riverAreas();
  return {
    "world.geojson": worldLand(),
    "land.geojson": land,
    "borders.geojson": detailedBorders(countries),
    "districts.geojson": districts,
    "lines.geojson": lines,
    "water.geojson": water,
    "places.geojson": placeLabels(),
    "soc-trang.demo.pmtiles": demoPmtiles(land, districts, lines, water),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = path.join(root, "dist/basemap");
  fs.mkdirSync(out, { recursive: true });
  const started = Date.now();
  const files = buildBasemap();
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(out, name), Buffer.isBuffer(data) ? data : JSON.stringify(data));
  const size = Object.keys(files).reduce((sum, name) => sum + fs.statSync(path.join(out, name)).size, 0);
  console.log(`basemap: ${Object.keys(files).length} files, ${(size / 1e6).toFixed(1)} MB in ${path.relative(root, out)} (${Date.now() - started} ms)`);
}

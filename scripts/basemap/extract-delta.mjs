/**
 * Extracts the real coastline and the river channels around Sóc Trăng from the geo-maps data
 * packages (OpenStreetMap data, ODbL), into scripts/basemap/data/mekong-delta.json, which the
 * basemap build reads. Run once when the extract should change; the packages are 30–40 MB each,
 * so they are not dependencies:
 *
 *   npm pack @geo-maps/earth-lands-1m @geo-maps/earth-rivers-1m    (then untar each)
 *   node scripts/basemap/extract-delta.mjs <earth-lands map.geo.json> <earth-rivers map.geo.json>
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import polygonClipping from "polygon-clipping";

/** The Mekong delta from Cần Thơ to the sea: the province and what is around it on a wall. */
export const DELTA_BBOX = [105.2, 9.0, 106.7, 10.3];
/** Water smaller than this (km²) is canals and ponds: left out. */
const MIN_RIVER_KM2 = 2;
const KM2_PER_DEG2 = 111 * 111 * Math.cos((9.6 * Math.PI) / 180);

/** Sutherland–Hodgman: a ring cut to the box (the clip is convex, so this is exact). */
export function clipRing(ring, [w, s, e, n]) {
  const sides = [
    [(p) => p[0] >= w, (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= e, (a, b) => [e, a[1] + ((b[1] - a[1]) * (e - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= s, (a, b) => [a[0] + ((b[0] - a[0]) * (s - a[1])) / (b[1] - a[1]), s]],
    [(p) => p[1] <= n, (a, b) => [a[0] + ((b[0] - a[0]) * (n - a[1])) / (b[1] - a[1]), n]],
  ];
  let out = ring;
  for (const [inside, cut] of sides) {
    const input = out;
    out = [];
    input.forEach((cur, i) => {
      const prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    });
    if (out.length < 3) return undefined;
  }
  return [...out, out[0]];
}

const ringArea = (r) => Math.abs(r.reduce((a, [x, y], i) => a + x * r[(i + 1) % r.length][1] - r[(i + 1) % r.length][0] * y, 0) / 2);

/** Chaikin's corner cutting, twice: the rivers' raster staircase becomes a bank. */
function smooth(ring) {
  let r = ring.slice(0, -1);
  for (let k = 0; k < 2; k++) {
    r = r.flatMap((p, i) => {
      const q = r[(i + 1) % r.length];
      return [
        [0.75 * p[0] + 0.25 * q[0], 0.75 * p[1] + 0.25 * q[1]],
        [0.25 * p[0] + 0.75 * q[0], 0.25 * p[1] + 0.75 * q[1]],
      ];
    });
  }
  return [...r, r[0]];
}

const round = (n) => Math.round(n * 1e4) / 1e4;
const roundRing = (r) => r.map(([x, y]) => [round(x), round(y)]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);

function polygonsIn(file) {
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  const geometries = data.geometries ?? data.features.map((f) => f.geometry);
  const out = [];
  for (const g of geometries) {
    for (const p of g.type === "Polygon" ? [g.coordinates] : g.coordinates) {
      const outer = clipRing(p[0], DELTA_BBOX);
      if (outer) out.push([outer, ...p.slice(1).map((r) => clipRing(r, DELTA_BBOX)).filter(Boolean)]);
    }
  }
  return out;
}

export function extractDelta(landFile, riversFile) {
  // Ponds and small lakes in the land (its holes) are left out like the small river pieces.
  const big = (r) => ringArea(r) * KM2_PER_DEG2 >= MIN_RIVER_KM2;
  const land = polygonClipping.union(...polygonsIn(landFile).map((p) => [p])).map(([outer, ...holes]) => [outer, ...holes.filter(big)]);
  const rivers = polygonClipping
    .union(...polygonsIn(riversFile).map((p) => [p]))
    .filter((p) => big(p[0]))
    .map((p) => p.map(smooth));
  return {
    source: "@geo-maps/earth-lands-1m and @geo-maps/earth-rivers-1m 0.6.0 (github.com/simonepri/geo-maps), cut to the Mekong delta",
    attribution: "© OpenStreetMap contributors",
    licence: "ODbL 1.0 (opendatacommons.org/licenses/odbl/1.0/)",
    bbox: DELTA_BBOX,
    land: land.map((p) => p.map(roundRing)),
    water: rivers.map((p) => p.map(roundRing)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [landFile, riversFile] = process.argv.slice(2);
  if (!landFile || !riversFile) throw new Error("usage: extract-delta.mjs <earth-lands map.geo.json> <earth-rivers map.geo.json>");
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "data/mekong-delta.json");
  const delta = extractDelta(landFile, riversFile);
  fs.writeFileSync(out, JSON.stringify(delta));
  console.log(`${out}: ${delta.land.length} land and ${delta.water.length} water polygons, ${(fs.statSync(out).size / 1e3).toFixed(0)} kB`);
}

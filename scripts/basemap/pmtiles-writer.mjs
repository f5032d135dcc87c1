// A small PMTiles v3 writer and GeoJSON -> MVT tiler, used at build time to make the demo basemap.
// Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
//
// Directories, metadata and tiles are stored uncompressed (compression "none"): no zlib round trip, and the
// archive can be served as-is with HTTP Range without a Content-Encoding story.

import { createHash } from "node:crypto";
import { GeoJSONVT } from "@maplibre/geojson-vt";
import { fromGeojsonVt } from "@maplibre/vt-pbf";

/** @typedef {{ z: number, x: number, y: number, data: Buffer | Uint8Array }} Tile */
/** @typedef {{ tileId: number, offset: number, length: number, runLength: number }} Entry */

const HEADER_BYTES = 127;
// Readers fetch the first 16 KiB in one request and expect the whole root directory in it.
const ROOT_BUDGET = 16384 - HEADER_BYTES;
const COMPRESSION_NONE = 1;
const TILE_TYPES = { mvt: 1, png: 2 };
const EXTENT = 4096;
const BUFFER = 64;

/**
 * Position of a tile on the sequence of Hilbert curves z=0, z=1, ... (the spec's TileID).
 * Numbers, not BigInt: ids stay below 2^53 up to z=26, and x/y fit the 32-bit bitwise ops.
 * @param {number} z @param {number} x @param {number} y
 * @returns {number}
 */
export function zxyToTileId(z, x, y) {
  if (z > 26) throw new Error(`zoom ${z} is beyond the 26 that fits in a double`);
  const n = 2 ** z;
  if (x < 0 || y < 0 || x >= n || y >= n) throw new Error(`tile ${z}/${x}/${y} is outside its zoom level`);
  const base = (4 ** z - 1) / 3; // tiles on all lower zoom levels
  let d = 0;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = n - 1 - x;
        y = n - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return base + d;
}

/** @param {number[]} out @param {number} value */
function pushVarint(out, value) {
  // Arithmetic, not >>>, so values above 2^32 (tile ids, offsets) survive.
  while (value >= 0x80) {
    out.push((value % 0x80) | 0x80);
    value = Math.floor(value / 0x80);
  }
  out.push(value);
}

/** @param {Entry[]} entries @returns {Buffer} */
function serializeDirectory(entries) {
  /** @type {number[]} */
  const out = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    // 0 means "right after the previous entry", which is most entries in a clustered archive.
    pushVarint(out, i > 0 && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Buffer.from(out);
}

/**
 * Root directory alone if it fits in the first 16 KiB, else a root of leaf pointers (run_length 0) plus the leaves.
 * Leaves grow until the root fits, as go-pmtiles does.
 * @param {Entry[]} entries
 * @returns {{ root: Buffer, leaves: Buffer }}
 */
function buildDirectories(entries) {
  const root = serializeDirectory(entries);
  if (root.length <= ROOT_BUDGET) return { root, leaves: Buffer.alloc(0) };
  for (let leafSize = 4096; ; leafSize = Math.ceil(leafSize * 1.2)) {
    /** @type {Entry[]} */
    const rootEntries = [];
    /** @type {Buffer[]} */
    const leafBuffers = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const leaf = serializeDirectory(chunk);
      rootEntries.push({ tileId: chunk[0].tileId, offset, length: leaf.length, runLength: 0 });
      leafBuffers.push(leaf);
      offset += leaf.length;
    }
    const twoLevelRoot = serializeDirectory(rootEntries);
    if (twoLevelRoot.length <= ROOT_BUDGET) return { root: twoLevelRoot, leaves: Buffer.concat(leafBuffers) };
  }
}

/** @param {Buffer} buf @param {number} pos @param {number} value */
function writeUint64(buf, pos, value) {
  buf.writeBigUInt64LE(BigInt(value), pos);
}

/** @param {number} degrees */
const e7 = (degrees) => Math.round(degrees * 1e7);

/**
 * Encode tiles into a PMTiles v3 archive (clustered, deduplicated, uncompressed).
 * @param {{
 *   tiles: Tile[],
 *   tileType: "mvt" | "png",
 *   minZoom?: number,
 *   maxZoom?: number,
 *   bounds?: [number, number, number, number],
 *   center?: [number, number, number],
 *   metadata?: Record<string, unknown>,
 * }} options minZoom/maxZoom default to the tiles' range; bounds to the whole world; center to the bounds' middle.
 * @returns {Buffer}
 */
export function encodePmtiles({ tiles, tileType, minZoom, maxZoom, bounds, center, metadata = {} }) {
  if (!(tileType in TILE_TYPES)) throw new Error(`unsupported tile type ${tileType}`);
  if (tiles.length === 0) throw new Error("a PMTiles archive needs at least one tile"); // spec: directories are non-empty
  const zooms = tiles.map((t) => t.z);
  minZoom ??= Math.min(...zooms);
  maxZoom ??= Math.max(...zooms);
  bounds ??= [-180, -85.0511287798, 180, 85.0511287798];
  center ??= [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, minZoom];
  // Readers answer "no tile" outside the header's zoom range without looking, so such tiles would be dead weight.
  const stray = tiles.find((t) => t.z < minZoom || t.z > maxZoom);
  if (stray) throw new Error(`tile ${stray.z}/${stray.x}/${stray.y} is outside zooms ${minZoom}..${maxZoom}`);

  const sorted = tiles
    .map((t) => ({ tileId: zxyToTileId(t.z, t.x, t.y), tile: t }))
    .sort((a, b) => a.tileId - b.tileId);

  /** @type {Map<string, { offset: number, length: number }>} */
  const contents = new Map();
  /** @type {Buffer[]} */
  const blobs = [];
  /** @type {Entry[]} */
  const entries = [];
  let dataLength = 0;
  for (const { tileId, tile } of sorted) {
    const data = Buffer.from(tile.data.buffer, tile.data.byteOffset, tile.data.byteLength);
    if (data.length === 0) throw new Error(`tile ${tile.z}/${tile.x}/${tile.y} is empty; leave it out instead`);
    const last = entries[entries.length - 1];
    if (last && last.tileId + last.runLength - 1 >= tileId) throw new Error(`tile ${tile.z}/${tile.x}/${tile.y} is given twice`);
    const hash = createHash("sha256").update(data).digest("base64");
    let blob = contents.get(hash);
    if (!blob) {
      // Written in tile-id order of first use, so the archive is "clustered".
      blob = { offset: dataLength, length: data.length };
      contents.set(hash, blob);
      blobs.push(data);
      dataLength += data.length;
    }
    if (last && last.offset === blob.offset && last.tileId + last.runLength === tileId) last.runLength++;
    else entries.push({ tileId, offset: blob.offset, length: blob.length, runLength: 1 });
  }

  const { root, leaves } = buildDirectories(entries);
  const meta = Buffer.from(JSON.stringify(metadata), "utf8");

  const header = Buffer.alloc(HEADER_BYTES);
  header.write("PMTiles", 0, "latin1");
  header.writeUInt8(3, 7);
  const rootOffset = HEADER_BYTES;
  const metaOffset = rootOffset + root.length;
  const leavesOffset = metaOffset + meta.length;
  const dataOffset = leavesOffset + leaves.length;
  writeUint64(header, 8, rootOffset);
  writeUint64(header, 16, root.length);
  writeUint64(header, 24, metaOffset);
  writeUint64(header, 32, meta.length);
  writeUint64(header, 40, leavesOffset);
  writeUint64(header, 48, leaves.length);
  writeUint64(header, 56, dataOffset);
  writeUint64(header, 64, dataLength);
  writeUint64(header, 72, tiles.length);
  writeUint64(header, 80, entries.length);
  writeUint64(header, 88, blobs.length);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(COMPRESSION_NONE, 97);
  header.writeUInt8(COMPRESSION_NONE, 98);
  header.writeUInt8(TILE_TYPES[tileType], 99);
  header.writeUInt8(minZoom, 100);
  header.writeUInt8(maxZoom, 101);
  header.writeInt32LE(e7(bounds[0]), 102);
  header.writeInt32LE(e7(bounds[1]), 106);
  header.writeInt32LE(e7(bounds[2]), 110);
  header.writeInt32LE(e7(bounds[3]), 114);
  header.writeUInt8(Math.round(center[2]), 118);
  header.writeInt32LE(e7(center[0]), 119);
  header.writeInt32LE(e7(center[1]), 123);

  return Buffer.concat([header, root, meta, leaves, ...blobs]);
}

/**
 * [minLon, minLat, maxLon, maxLat] of every position in a FeatureCollection, or null if it has none.
 * @param {import("geojson").FeatureCollection} fc
 * @returns {[number, number, number, number] | null}
 */
function bboxOf(fc) {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  /** @param {unknown} c */
  const visit = (c) => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === "number") {
      minX = Math.min(minX, c[0]);
      maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1]);
      maxY = Math.max(maxY, c[1]);
    } else c.forEach(visit);
  };
  /** @param {import("geojson").Geometry | null} g */
  const visitGeometry = (g) => {
    if (!g) return;
    if (g.type === "GeometryCollection") g.geometries.forEach(visitGeometry);
    else visit(g.coordinates);
  };
  for (const f of fc.features) visitGeometry(f.geometry);
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

/** Web-mercator position in the unit square (0,0 top-left). @param {number} lon @param {number} lat */
function toUnit(lon, lat) {
  const sin = Math.sin((Math.max(-85.0511287798, Math.min(85.0511287798, lat)) * Math.PI) / 180);
  return [lon / 360 + 0.5, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/**
 * Cut GeoJSON layers into Mapbox vector tiles, one MVT layer per key.
 * @param {Record<string, import("geojson").FeatureCollection>} layers
 * @param {{ minZoom: number, maxZoom: number }} zooms
 * @returns {{ z: number, x: number, y: number, data: Buffer }[]} every tile with at least one feature, in z/x/y order
 */
export function makeVectorTiles(layers, { minZoom, maxZoom }) {
  const indexes = Object.entries(layers).map(([name, fc]) => ({
    name,
    bbox: bboxOf(fc),
    index: new GeoJSONVT(fc, { maxZoom, indexMaxZoom: Math.min(maxZoom, 5), extent: EXTENT, buffer: BUFFER, tolerance: 3 }),
  }));
  /** @type {{ z: number, x: number, y: number, data: Buffer }[]} */
  const out = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const n = 2 ** z;
    // Pad by the tile buffer: a tile just outside the bbox can still hold clipped geometry from its neighbour.
    const pad = BUFFER / EXTENT;
    const clamp = (/** @type {number} */ v) => Math.max(0, Math.min(n - 1, Math.floor(v)));
    /** @type {Set<string>} */
    const keys = new Set();
    for (const { bbox } of indexes) {
      if (!bbox) continue;
      const [x0, y0] = toUnit(bbox[0], bbox[3]);
      const [x1, y1] = toUnit(bbox[2], bbox[1]);
      for (let x = clamp(x0 * n - pad); x <= clamp(x1 * n + pad); x++) {
        for (let y = clamp(y0 * n - pad); y <= clamp(y1 * n + pad); y++) keys.add(`${x}/${y}`);
      }
    }
    const coords = [...keys].map((k) => k.split("/").map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [x, y] of coords) {
      /** @type {Record<string, import("@maplibre/geojson-vt").GeoJSONVTTile>} */
      const found = {};
      for (const { name, index } of indexes) {
        const tile = index.getTile(z, x, y);
        if (tile && tile.features.length > 0) found[name] = tile;
      }
      if (Object.keys(found).length === 0) continue;
      out.push({ z, x, y, data: Buffer.from(fromGeojsonVt(found, { version: 2, extent: EXTENT })) });
    }
  }
  return out;
}

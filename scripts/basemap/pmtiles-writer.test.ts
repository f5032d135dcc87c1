import type { FeatureCollection } from "geojson";
import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { PMTiles, type Source, zxyToTileId as readerTileId } from "pmtiles";
import { describe, expect, it } from "vitest";
import { encodePmtiles, makeVectorTiles, zxyToTileId } from "./pmtiles-writer.mjs";

/** The whole archive in memory, read the way FetchSource reads a Range-served file. */
class BufferSource implements Source {
  constructor(
    private readonly buf: Buffer,
    private readonly key: string,
  ) {}
  getKey() {
    return this.key;
  }
  async getBytes(offset: number, length: number) {
    const slice = this.buf.subarray(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) as ArrayBuffer };
  }
}

let archives = 0;
const open = (buf: Buffer) => new PMTiles(new BufferSource(buf, `memory-${archives++}`));

/** Tile x/y holding a lon/lat at zoom z (web mercator). */
function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const sin = Math.sin((lat * Math.PI) / 180);
  return { z, x: Math.floor((lon / 360 + 0.5) * n), y: Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n) };
}

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const fakePng = (...payload: number[]) => Buffer.from([...PNG_SIGNATURE, ...payload]);

describe("zxyToTileId", () => {
  it("matches the spec's first ids and the pmtiles reader", () => {
    expect([zxyToTileId(0, 0, 0), zxyToTileId(1, 0, 0), zxyToTileId(1, 0, 1), zxyToTileId(1, 1, 1), zxyToTileId(1, 1, 0), zxyToTileId(2, 0, 0)]).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    const random = rng(1);
    for (let i = 0; i < 2000; i++) {
      const z = Math.floor(random() * 27);
      const x = Math.floor(random() * 2 ** z);
      const y = Math.floor(random() * 2 ** z);
      expect(zxyToTileId(z, x, y)).toBe(readerTileId(z, x, y));
    }
  });
});

describe("makeVectorTiles + encodePmtiles", () => {
  const water: FeatureCollection = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { kind: "lake" },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [105.95, 9.58],
              [105.99, 9.58],
              [105.99, 9.62],
              [105.95, 9.62],
              [105.95, 9.58],
            ],
          ],
        },
      },
    ],
  };
  const roads: FeatureCollection = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { name: "QL61" },
        geometry: {
          type: "LineString",
          coordinates: [
            [105.9, 9.55],
            [105.97, 9.6],
            [106.05, 9.66],
          ],
        },
      },
    ],
  };
  const metadata = {
    name: "test basemap",
    vector_layers: [
      { id: "water", fields: { kind: "String" }, minzoom: 5, maxzoom: 10 },
      { id: "roads", fields: { name: "String" }, minzoom: 5, maxzoom: 10 },
    ],
  };
  const tiles = makeVectorTiles({ water, roads }, { minZoom: 5, maxZoom: 10 });
  const archive = encodePmtiles({
    tiles,
    tileType: "mvt",
    minZoom: 5,
    maxZoom: 10,
    bounds: [105.9, 9.55, 106.05, 9.66],
    center: [105.97, 9.6, 8],
    metadata,
  });

  it("makes a tile at every zoom, all non-empty and unique", () => {
    expect(new Set(tiles.map((t) => t.z))).toEqual(new Set([5, 6, 7, 8, 9, 10]));
    expect(new Set(tiles.map((t) => `${t.z}/${t.x}/${t.y}`)).size).toBe(tiles.length);
    for (const t of tiles) expect(t.data.length).toBeGreaterThan(0);
  });

  it("writes a header the reader understands", async () => {
    const header = await open(archive).getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      minZoom: 5,
      maxZoom: 10,
      tileType: 1,
      internalCompression: 1,
      tileCompression: 1,
      clustered: true,
      minLon: 105.9,
      minLat: 9.55,
      maxLon: 106.05,
      maxLat: 9.66,
      centerLon: 105.97,
      centerLat: 9.6,
      centerZoom: 8,
      numAddressedTiles: tiles.length,
      leafDirectoryLength: 0,
    });
  });

  it("round-trips the metadata", async () => {
    expect(await open(archive).getMetadata()).toEqual(metadata);
  });

  it("serves the tile covering the polygon, with both layers, and nothing far away", async () => {
    const pm = open(archive);
    for (let z = 5; z <= 10; z++) {
      const { x, y } = tileAt(105.97, 9.6, z);
      const got = await pm.getZxy(z, x, y);
      expect(got, `${z}/${x}/${y}`).toBeDefined();
      const made = tiles.find((t) => t.z === z && t.x === x && t.y === y)!;
      expect(Buffer.from(got!.data).equals(made.data)).toBe(true);
      const vt = new VectorTile(new PbfReader(new Uint8Array(got!.data)));
      expect(Object.keys(vt.layers).sort()).toEqual(["roads", "water"]);
      expect(vt.layers.water!.length).toBe(1);
      expect(vt.layers.water!.feature(0).properties).toEqual({ kind: "lake" });
      expect(vt.layers.water!.feature(0).type).toBe(3); // polygon
      expect(vt.layers.roads!.feature(0).properties).toEqual({ name: "QL61" });
      expect(vt.layers.roads!.extent).toBe(4096);
    }
    const hanoi = tileAt(105.85, 21.03, 8);
    expect(await pm.getZxy(hanoi.z, hanoi.x, hanoi.y)).toBeUndefined();
    expect(await pm.getZxy(4, 12, 7)).toBeUndefined(); // below minZoom
  });
});

describe("encodePmtiles with many tiles", () => {
  it("splits into leaf directories once the root would pass 16 KiB, and still finds every tile", async () => {
    const random = rng(42);
    const tiles = new Map<string, { z: number; x: number; y: number; data: Buffer }>();
    while (tiles.size < 20_000) {
      const z = Math.floor(random() * 10);
      const x = Math.floor(random() * 2 ** z);
      const y = Math.floor(random() * 2 ** z);
      const i = tiles.size;
      tiles.set(`${z}/${x}/${y}`, { z, x, y, data: fakePng(z, x >> 8, x & 255, y >> 8, y & 255, i & 255) });
    }
    const all = [...tiles.values()];
    const archive = encodePmtiles({ tiles: all, tileType: "png", metadata: { name: "synthetic" } });
    const pm = open(archive);
    const header = await pm.getHeader();
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16384);
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header).toMatchObject({ tileType: 2, minZoom: 0, maxZoom: 9, numAddressedTiles: 20_000, numTileContents: 20_000 });

    for (let i = 0; i < 200; i++) {
      const t = all[Math.floor(random() * all.length)]!;
      const got = await pm.getZxy(t.z, t.x, t.y);
      expect(got, `${t.z}/${t.x}/${t.y}`).toBeDefined();
      expect(Buffer.from(got!.data).equals(t.data)).toBe(true);
    }
    // Both ends of the id range go through a leaf too.
    const byId = [...all].sort((a, b) => zxyToTileId(a.z, a.x, a.y) - zxyToTileId(b.z, b.x, b.y));
    for (const t of [byId[0]!, byId[byId.length - 1]!]) {
      expect(Buffer.from((await pm.getZxy(t.z, t.x, t.y))!.data).equals(t.data)).toBe(true);
    }
    let misses = 0;
    for (let i = 0; misses < 50; i++) {
      const x = Math.floor(random() * 512);
      const y = Math.floor(random() * 512);
      if (tiles.has(`9/${x}/${y}`)) continue;
      expect(await pm.getZxy(9, x, y)).toBeUndefined();
      misses++;
    }
  });

  it("stores identical tiles once and run-length encodes consecutive ones", async () => {
    const sea = fakePng(1, 2, 3);
    const land = fakePng(4, 5, 6);
    const tiles = [];
    // All of z=3 is one run of ids; z=2 alternates with a distinct tile, so only dedup (not runs) applies there.
    for (let x = 0; x < 8; x++) for (let y = 0; y < 8; y++) tiles.push({ z: 3, x, y, data: sea });
    for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) tiles.push({ z: 2, x, y, data: (x + y) % 2 ? sea : land });
    const archive = encodePmtiles({ tiles, tileType: "png" });
    const pm = open(archive);
    const header = await pm.getHeader();
    expect(header).toMatchObject({ numAddressedTiles: 80, numTileContents: 2, tileDataLength: sea.length + land.length });
    expect(header.numTileEntries).toBeLessThan(80);
    for (const t of tiles) expect(Buffer.from((await pm.getZxy(t.z, t.x, t.y))!.data).equals(t.data)).toBe(true);
  });

  it("refuses empty and repeated tiles", () => {
    expect(() => encodePmtiles({ tiles: [], tileType: "png" })).toThrow(/at least one tile/);
    expect(() => encodePmtiles({ tiles: [{ z: 0, x: 0, y: 0, data: Buffer.alloc(0) }], tileType: "png" })).toThrow(/empty/);
    const t = { z: 1, x: 1, y: 0, data: fakePng(1) };
    expect(() => encodePmtiles({ tiles: [t, { ...t }], tileType: "png" })).toThrow(/twice/);
  });
});

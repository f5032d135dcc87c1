import type { FeatureCollection } from "geojson";

export interface Tile {
  z: number;
  x: number;
  y: number;
  data: Buffer;
}

export function zxyToTileId(z: number, x: number, y: number): number;

export function encodePmtiles(options: {
  tiles: ReadonlyArray<{ z: number; x: number; y: number; data: Buffer | Uint8Array }>;
  tileType: "mvt" | "png";
  minZoom?: number;
  maxZoom?: number;
  bounds?: [number, number, number, number];
  center?: [number, number, number];
  metadata?: Record<string, unknown>;
}): Buffer;

export function makeVectorTiles(layers: Record<string, FeatureCollection>, options: { minZoom: number; maxZoom: number }): Tile[];

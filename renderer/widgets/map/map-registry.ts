/**
 * The live maps of this window, for the read-only debug hook (`iocWallDebug.maps()`) that tools
 * and tests read. Kept free of maplibre so the wall page loads it without the map bundle.
 */
export interface MapDebugInfo {
  tileId: string;
  state: string;
  reason?: string;
  /** This window's part: its own centre (from the whole tile's view) and size. */
  center?: [number, number];
  zoom?: number;
  bearing?: number;
  canvas?: { width: number; height: number };
  rebuilds: number;
  /** deck.gl layers by id: how many items each draws, and the id of the first (the newest event). */
  layers: Record<string, { count: number; first?: string }>;
  /** Features of the operator's own basemap drawn in this part (0 for the built-in one). */
  ownFeatures?: number;
  /** Geographic position of a pixel of this part (its own CSS pixels), for seam checks. */
  unproject?: (x: number, y: number) => [number, number];
}

const maps = new Map<symbol, () => MapDebugInfo>();

export function registerMap(describe: () => MapDebugInfo): () => void {
  const id = Symbol("map");
  maps.set(id, describe);
  return () => maps.delete(id);
}

export function describeMaps(): Array<Omit<MapDebugInfo, "unproject">> {
  return [...maps.values()].map((d) => {
    const { unproject: _, ...info } = d();
    return info;
  });
}

/** Where pixel (x, y) of a tile's part on this window lies, or undefined if that map is not drawn. */
export function unprojectOnMap(tileId: string, x: number, y: number): [number, number] | undefined {
  for (const d of maps.values()) {
    const info = d();
    if (info.tileId === tileId && info.unproject) return info.unproject(x, y);
  }
  return undefined;
}

import type { Layout } from "../layout.js";
import type { MapOptions } from "./map-options.js";
import { webOrigin } from "../web-address.js";

/** The absolute tile addresses a map tile's basemap fetches (paths on the wall service excluded). */
export function basemapUrls(options: MapOptions): string[] {
  const b = options.basemap;
  if (b === "offline") return [];
  const urls = b.type === "pmtiles" ? [b.url] : b.tiles;
  return urls.filter((u) => webOrigin(u) !== undefined);
}

/** Origins of every map tile's own basemap in these layouts: the CSP lets pages fetch from them. */
export function tileOrigins(layouts: Iterable<Layout>): string[] {
  const origins = new Set<string>();
  for (const layout of layouts) {
    for (const tile of layout.tiles) {
      if (tile.widget !== "map") continue;
      for (const url of basemapUrls(tile.options as MapOptions)) {
        const origin = webOrigin(url);
        if (origin) origins.add(origin);
      }
    }
  }
  return [...origins];
}

import { DEMO_PROVINCE_BOUNDS } from "../geo/soc-trang-districts.js";
import { fitBounds } from "../geo/web-mercator.js";
import type { Layout } from "../layout.js";
import { tileCanvasRect } from "../plan.js";
import type { WallTopology } from "../topology.js";
import type { MapOptions } from "./map-options.js";

/**
 * The layout with each fitted map's center and zoom worked out for its tile on this wall, so the
 * displays and the console read one view (the wall state carries it).
 */
export function withMapHomes(topology: WallTopology, layout: Layout): Layout {
  if (!layout.tiles.some((t) => t.widget === "map" && (t.options as MapOptions).fit)) return layout;
  return {
    ...layout,
    tiles: layout.tiles.map((t) => {
      const options = t.options as MapOptions;
      if (t.widget !== "map" || !options.fit) return t;
      const { center, zoom } = fitBounds(options.fit === "province" ? DEMO_PROVINCE_BOUNDS : options.fit, tileCanvasRect(topology, layout, t));
      return { ...t, options: { ...options, center, zoom } };
    }),
  };
}

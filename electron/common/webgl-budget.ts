import type { FileError } from "./file-errors.js";
import type { Layout } from "./layout.js";
import { planWall } from "./plan.js";
import type { WallTopology } from "./topology.js";
import { findWidgetKind } from "./widgets/widget-kinds.js";

/** The WebGL tiles (maps) each display would show, by display id. */
export function webglTilesByDisplay(topology: WallTopology, layout: Layout): Map<string, string[]> {
  const byDisplay = new Map<string, string[]>();
  for (const plan of planWall(topology, layout)) {
    const tiles = plan.tiles.filter((t) => findWidgetKind(t.widget)?.webgl).map((t) => t.tileId);
    if (tiles.length > 0) byDisplay.set(plan.displayId, tiles);
  }
  return byDisplay;
}

/**
 * A layout that would open more WebGL contexts in one window than the wall allows is refused
 * with the tiles named: beyond the browser's cap the oldest context is silently lost.
 */
export function checkWebglBudget(file: string, topology: WallTopology, layout: Layout): FileError[] {
  const errors: FileError[] = [];
  for (const [displayId, tiles] of webglTilesByDisplay(topology, layout)) {
    if (tiles.length <= topology.webglPerDisplay) continue;
    errors.push({
      file,
      path: "$.tiles",
      message: `display "${displayId}" would show ${tiles.length} maps (tiles ${tiles.map((t) => `"${t}"`).join(", ")}), more than the ${topology.webglPerDisplay} WebGL contexts a display may hold (wall.json webglPerDisplay)`,
    });
  }
  return errors;
}
